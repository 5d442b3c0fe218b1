#include "text/language.hpp"

#include <gtest/gtest.h>

using namespace chatlens;

TEST(Language, Spanish) {
  const auto g = guess_language(
      "Hola! Qué tal estás? Yo bien, aquí en casa con los niños. Mañana vamos a la playa si no llueve, "
      "¿te vienes con nosotros? Dime algo cuando puedas, que tengo que reservar la mesa para comer.");
  EXPECT_EQ(g.code, "es");
  EXPECT_GT(g.confidence, 0.5);
}

TEST(Language, English) {
  const auto g = guess_language(
      "Hey! How are you doing? I'm at home with the kids. Tomorrow we are going to the beach if it doesn't rain, "
      "do you want to come with us? Let me know when you can, because I have to book the table for lunch.");
  EXPECT_EQ(g.code, "en");
  EXPECT_GT(g.confidence, 0.5);
}

TEST(Language, Russian) {
  const auto g = guess_language(
      "Привет! Как дела? Я дома с детьми. Завтра мы поедем на пляж, если не будет дождя. Ты поедешь с нами? "
      "Напиши, когда сможешь, мне нужно забронировать столик на обед.");
  EXPECT_EQ(g.code, "ru");
  EXPECT_GT(g.confidence, 0.5);
}

TEST(Language, Ukrainian) {
  const auto g = guess_language(
      "Привіт! Як справи? Я вдома з дітьми. Завтра ми їдемо на пляж, якщо не буде дощу. Ти поїдеш з нами? "
      "Напиши, коли зможеш, мені треба забронювати столик на обід.");
  EXPECT_EQ(g.code, "uk");
}

TEST(Language, Arabic) {
  const auto g = guess_language(
      "مرحبا! كيف حالك؟ أنا في البيت مع الأطفال. غدا سنذهب إلى الشاطئ إذا لم تمطر، هل تأتي معنا؟ "
      "أخبرني عندما تستطيع، لأنني يجب أن أحجز الطاولة للغداء.");
  EXPECT_EQ(g.code, "ar");
  EXPECT_GT(g.confidence, 0.5);
}

TEST(Language, ScriptsDecideJapaneseAndThai) {
  EXPECT_EQ(
      guess_language("こんにちは！元気ですか？明日は海に行きます。一緒に来ませんか？時間があるときに連絡してください。")
          .code,
      "ja");
  EXPECT_EQ(guess_language("สวัสดีครับ วันนี้เป็นอย่างไรบ้าง พรุ่งนี้เราจะไปทะเลกัน ถ้าฝนไม่ตก มาด้วยกันไหม บอกด้วยนะ").code, "th");
}

TEST(Language, UndeterminedWhenTooLittleText) {
  EXPECT_EQ(guess_language("ok").code, "und");
  EXPECT_EQ(guess_language("jaja 😂😂 ok").code, "und");
  EXPECT_EQ(guess_language("").confidence, 0);
}

TEST(Language, AccumulatesMessagesOfAChat) {
  LanguageGuesser g;
  for (const char* m : {"vale", "nos vemos mañana", "pero no sé a qué hora", "dime tú", "es que no tengo coche",
                        "bueno ya veremos", "jajaja", "¿y tu hermana qué dice?"}) {
    g.add(m);
  }
  EXPECT_EQ(g.guess().code, "es");
  EXPECT_FALSE(g.enough());
}
