#include "export_content.hpp"

#include <deque>
#include <string>

namespace chatlens::bench::content {
namespace {

using L = std::vector<std::string_view>;

// clang-format off
const L kEmoji = {
    "😂", "❤️", "😍", "🙏🏽", "👍", "👍🏼", "😅", "🤣", "😘", "🥰",  // 0-9
    "😊", "🎉", "🥳", "😭", "😴", "🤔", "🙈", "😎", "🔥", "✨",  // 10-19
    "💪🏾", "🙌🏻", "🤷‍♀️", "🤷🏻‍♂️", "🤦‍♂️", "🤦🏽‍♀️", "👨‍👩‍👧", "❤️‍🔥", "🏳️‍🌈", "🧑‍💻",  // 20-29
    "👩🏻‍🍳", "🏃‍♀️", "🇪🇸", "🇬🇧", "🇲🇽", "🇦🇷", "🇺🇸", "⚽", "🍕", "🍻",  // 30-39
    "☕", "🌮", "🏔️", "🥾", "📚", "🎂", "😬", "🥲", "🫠", "🫶🏼",  // 40-49
    "👀", "💯", "✅", "🙃", "😏", "🤞🏻", "👋🏽", "👏", "💃🏻", "🌻",  // 50-59
    "😱", "🤗", "🐶", "☀️", "🌧️", "🍷",  // 60-65
};
// clang-format on

const std::vector<uint8_t> kStickerEmoji = {0, 1, 2, 7, 8, 9, 11, 13, 14, 15, 17, 18, 46, 47, 48, 53, 60, 61, 62};

const std::vector<Person> kCast = {
    {"Alex Rivera", "alexrivera", Lang::Both, 25, 0, "jajaja", {0, 4, 10, 1}},
    {"Lucía Fernández", "luciafdz", Lang::Es, 55, 40, "jajajaja", {9, 8, 1, 2}},
    {"Diego Morales", "diegomrl", Lang::Es, 30, 90, "jajajaj", {0, 39, 37, 17}},
    {"Mamá", "", Lang::Es, 70, 600, "jajaja", {1, 3, 26, 61}},
    {"Papá", "", Lang::Es, 10, 1800, "jaja", {4, 37, 40, 65}},
    {"Sam Carter", "samcarter", Lang::En, 20, 300, "haha", {7, 33, 39, 50}},
    {"Emma Collins", "emmacollins", Lang::En, 15, 180, "haha", {52, 29, 46, 57}},
    {"Javi Gómez", "javigomez", Lang::Es, 35, 120, "jajaja", {0, 38, 53, 18}},
    {"Priya Nair", "priyanair", Lang::En, 45, 150, "hahaha", {19, 49, 43, 42}},
    {"Marta 🌻", "martita", Lang::Es, 60, 200, "jsjsjs", {59, 12, 58, 13}},
    {"Tom Becker", "tombecker", Lang::En, 10, 400, "lol", {42, 43, 17, 20}},
    {"Abuela Carmen", "", Lang::Es, 40, 3600, "jajaja", {1, 3, 63, 61}},
    {"Nora Kim", "norakim", Lang::En, 30, 240, "lol", {44, 15, 54, 48}},
    {"Carlos Ruiz", "carlosruiz", Lang::Es, 25, 300, "jajajaja", {37, 18, 35, 51}},
    {"Inés Vidal", "inesvidal", Lang::Es, 40, 200, "jajaja", {40, 10, 28, 21}},
    {"Ben Okafor", "benokafor", Lang::En, 12, 240, "haha", {57, 4, 31, 52}},
    {"Grace Liu", "graceliu", Lang::En, 35, 150, "haha", {22, 30, 6, 47}},
    {"Olivia Park", "oliviapark", Lang::En, 40, 300, "hahaha", {44, 65, 2, 11}},
    {"Pablo Sanz", "pablosanz", Lang::Es, 20, 400, "jajaja", {37, 24, 39, 23}},
    {"Sofía Ortega", "sofiaortega", Lang::Both, 50, 200, "jajaja", {34, 55, 27, 60}},
    {"+1 (213) 555-0147", "", Lang::En, 5, 600, "haha", {4, 56, 57, 10}},
};

enum P : uint16_t {
  kAlex,
  kLucia,
  kDiego,
  kMama,
  kPapa,
  kSam,
  kEmma,
  kJavi,
  kPriya,
  kMarta,
  kTom,
  kAbuela,
  kNora,
  kCarlos,
  kInes,
  kBen,
  kGrace,
  kOlivia,
  kPablo,
  kSofia,
  kUnknownNumber,
};

std::vector<ChatSpec> hand_written_chats() {
  const float kNever = 2;
  return {
      {"Weekend Hikers 🥾",
       true,
       {{kDiego, 0, kNever, 12},
        {kSam, 0, 0.55f, 12},
        {kPriya, 0.2f, kNever, 10},
        {kTom, 0, kNever, 7},
        {kNora, 0.45f, kNever, 9},
        {kUnknownNumber, 0.6f, 0.8f, 2}},
       Arc::Seasonal,
       0,
       1,
       0,
       1,
       Rhythm::Evenings,
       Lang::Both,
       9,
       12,
       240,
       12,
       0,
       kPlans | kTravel | kSport | kDaily | kFood},
      {"",
       false,
       {{kLucia}},
       Arc::Appearing,
       0.25f,
       1,
       0.2f,
       1,
       Rhythm::NightOwl,
       Lang::Es,
       14,
       14,
       45,
       0,
       0,
       kPlans | kFood | kLove | kDaily | kShows | kHome | kTravel},
      {"",
       false,
       {{kDiego}},
       Arc::Steady,
       0,
       1,
       0,
       1,
       Rhythm::NightOwl,
       Lang::Es,
       8,
       10,
       120,
       0,
       0,
       kPlans | kSport | kShows | kDaily | kFood},
      {"",
       false,
       {{kMama}},
       Arc::Steady,
       0,
       1,
       0,
       1,
       Rhythm::Family,
       Lang::Es,
       6,
       6,
       900,
       0,
       0,
       kFamily | kFood | kDaily | kTravel},
      {"Familia 🏡",
       true,
       {{kMama, 0, kNever, 14}, {kPapa, 0, kNever, 5}, {kMarta, 0, kNever, 10}, {kAbuela, 0.1f, kNever, 4}},
       Arc::Steady,
       0,
       1,
       0,
       1,
       Rhythm::Family,
       Lang::Es,
       6,
       8,
       1200,
       6,
       0,
       kFamily | kFood | kTravel | kDaily},
      {"",
       false,
       {{kSam}},
       Arc::Fading,
       0.3f,
       0.7f,
       0,
       0.7f,
       Rhythm::Evenings,
       Lang::En,
       5,
       8,
       300,
       0,
       0,
       kPlans | kShows | kSport | kDaily | kTravel},
      {"",
       false,
       {{kEmma}},
       Arc::Window,
       0.35f,
       1,
       0.35f,
       1,
       Rhythm::WorkHours,
       Lang::En,
       4,
       6,
       200,
       0,
       0,
       kWork | kDaily | kFood},
      {"Product team",
       true,
       {{kEmma, 0, kNever, 12}, {kBen, 0, kNever, 8}, {kGrace, 0, kNever, 10}, {kOlivia, 0.4f, kNever, 6}},
       Arc::Window,
       0.35f,
       1,
       0.35f,
       1,
       Rhythm::WorkHours,
       Lang::En,
       6,
       10,
       300,
       10,
       0,
       kWork | kFood | kDaily},
      {"",
       false,
       {{kJavi}},
       Arc::Fading,
       0.35f,
       0.55f,
       0,
       0.55f,
       Rhythm::NightOwl,
       Lang::Es,
       4,
       8,
       150,
       0,
       0,
       kHome | kFood | kShows | kDaily},
      {"Piso Lavapiés 🏠",
       true,
       {{kJavi, 0, 0.8f, 10}, {kInes, 0, kNever, 10}},
       Arc::Window,
       0,
       0.6f,
       0,
       0.6f,
       Rhythm::Evenings,
       Lang::Es,
       3,
       6,
       300,
       10,
       -1,
       kHome | kFood | kDaily},
      {"",
       false,
       {{kPriya}},
       Arc::Appearing,
       0.2f,
       1,
       0.2f,
       1,
       Rhythm::Evenings,
       Lang::En,
       3,
       8,
       200,
       0,
       0,
       kTravel | kBooks | kPlans | kDaily},
      {"",
       false,
       {{kMarta}},
       Arc::Burst,
       0.5f,
       0.65f,
       0,
       1,
       Rhythm::Evenings,
       Lang::Es,
       3,
       8,
       240,
       0,
       0,
       kFamily | kPlans | kShows},
      {"Fútbol martes ⚽",
       true,
       {{kCarlos, 0, kNever, 12}, {kPablo, 0, kNever, 9}, {kDiego, 0, kNever, 8}, {kJavi, 0, 0.5f, 6}},
       Arc::Steady,
       0,
       1,
       0,
       1,
       Rhythm::Evenings,
       Lang::Es,
       4,
       10,
       600,
       6,
       0,
       kSport | kPlans},
      {"",
       false,
       {{kTom}},
       Arc::Seasonal,
       0,
       1,
       0,
       1,
       Rhythm::Evenings,
       Lang::En,
       2,
       6,
       400,
       0,
       0,
       kSport | kTravel | kPlans},
      {"",
       false,
       {{kPapa}},
       Arc::Steady,
       0,
       1,
       0,
       1,
       Rhythm::Family,
       Lang::Es,
       2,
       4,
       900,
       0,
       0,
       kFamily | kSport | kDaily},
      {"Book club 📚",
       true,
       {{kNora, 0, kNever, 12}, {kSofia, 0, kNever, 10}, {kPriya, 0, kNever, 8}, {kOlivia, 0.3f, kNever, 8}},
       Arc::Appearing,
       0.4f,
       1,
       0.4f,
       1,
       Rhythm::Evenings,
       Lang::En,
       3,
       10,
       600,
       8,
       0,
       kBooks | kFood | kPlans},
      {"", false, {{kAbuela}}, Arc::Steady, 0, 1, 0, 1, Rhythm::Family, Lang::Es, 1, 4, 1800, 0, 0, kFamily},
      {"",
       false,
       {{kNora}},
       Arc::Steady,
       0,
       1,
       0,
       1,
       Rhythm::Evenings,
       Lang::En,
       2,
       6,
       300,
       0,
       0,
       kBooks | kShows | kDaily},
      {"", false, {{kCarlos}}, Arc::Steady, 0, 1, 0, 1, Rhythm::Evenings, Lang::Es, 2, 6, 400, 0, 0, kSport | kPlans},
      {"",
       false,
       {{kInes}},
       Arc::Fading,
       0.5f,
       0.8f,
       0,
       0.8f,
       Rhythm::Evenings,
       Lang::Es,
       2,
       6,
       300,
       0,
       0,
       kHome | kDaily | kPlans},
  };
}

const L kFirstEs = {"Andrea", "Rubén", "Elena", "Álvaro", "Paula", "Hugo", "Irene", "Sergio", "Claudia", "Marcos",
                    "Nuria",  "Óscar", "Laura", "Iván",   "Carla", "Raúl", "Alba",  "Jorge",  "Noelia",  "Adrián"};
const L kLastEs = {"Navarro", "Domínguez", "Serrano", "Molina",  "Castro", "Ortiz", "Delgado", "Marín", "Iglesias",
                   "Herrera", "Campos",    "Peña",    "Cabrera", "Prieto", "Vega",  "Lozano",  "Cano",  "Aguilar"};
const L kFirstEn = {"Hannah", "Liam", "Chloe",  "Noah", "Zoe", "Ethan", "Maya", "Owen", "Ruby", "Jack",
                    "Isla",   "Leo",  "Amelia", "Finn", "Ava", "Theo",  "Lily", "Max",  "Ella", "Kai"};
const L kLastEn = {"Walsh", "Hughes", "Bennett", "Foster", "Reid", "Murphy", "Shaw", "Ellis", "Grant",
                   "Hayes", "Porter", "Wells",   "Fraser", "Holt", "Barker", "Dunn", "Lowe",  "Quinn"};

// Names made up from the parts above live as long as the program (views into them are
// handed out); a deque never moves its elements.
std::string_view made_up_name(size_t k, std::string name) {
  static std::deque<std::string> names;
  while (names.size() <= k) names.emplace_back();
  if (names[k].empty()) names[k] = std::move(name);
  return names[k];
}

// --- phrase banks -----------------------------------------------------------------------

struct Bank {
  TopicBank es, en;
};

const Bank kTopics[kTopicCount] = {
    // kPlans
    {{{"¿Qué haces este finde?", "¿Te apetece un café esta tarde?", "¿Quedamos mañana?", "¿Vamos al cine el viernes?",
       "Oye, ¿estás por casa?", "¿Cañas luego?", "¿Plan para el sábado?", "¿A qué hora quedamos al final?",
       "Hay concierto gratis en el Retiro el domingo"},
      {"Me apunto", "Mañana no puedo, ¿el jueves?", "Vale, ¿a qué hora?", "¿A las 7 en la plaza?",
       "Perfecto, allí nos vemos", "Llego 10 minutos tarde, sorry", "Ya estoy aquí", "¿Dónde estáis?", "Voy de camino",
       "Salgo ahora de casa", "Reservo mesa para 4", "Yo llevo algo de picar", "Dile a los demás también",
       "Al final somos 6", "¿Y si lo dejamos para la semana que viene?", "Dice que \"ya veremos\" 🙄",
       "Estoy en la puerta"},
      {"Plan del sábado:\n- 11:00 desayuno\n- 13:00 mercadillo\n- luego vemos",
       "Al final:\nViernes cena en casa de Diego\nSábado ruta\nDomingo descanso total"}},
     {{"What are you up to this weekend?", "Coffee later?", "Are we still on for tomorrow?", "Drinks on Friday?",
       "Anyone free tonight?", "What time are we meeting?", "Free on Saturday?"},
      {"I'm in", "Can't tomorrow, Thursday?", "Sure, what time?", "7 at the usual place?", "Perfect, see you there",
       "Running 10 min late, sorry!", "I'm here", "Where are you guys?", "On my way", "Just leaving now",
       "I'll book a table", "I'll bring snacks", "We're 6 in the end", "Let's do next week instead",
       "Outside the station"},
      {"Saturday plan:\n- 10am train\n- lunch at the top\n- pub after", "Options:\n1) pizza\n2) tacos\n3) both"}}},
    // kFood
    {{{"¿Cenamos fuera hoy?", "He hecho tortilla de patatas", "¿Pedimos pizza?", "Qué hambre tengo",
       "¿Compras pan al volver?", "Hay paella el domingo", "¿Qué hacemos de cena?"},
      {"Con cebolla, obvio", "Yo quiero sushi", "El sitio de ayer estaba buenísimo", "Vale, compro pan",
       "No queda leche", "Acabo de comer, estoy lleno", "¿Te guardo un trozo?", "Pide tú, yo pago la próxima",
       "Me muero de hambre", "Esa receta me la tienes que pasar", "Hoy toca verdura 😅", "Huele increíble"},
      {"Lista de la compra:\n- leche\n- huevos\n- tomates\n- café\n- papel de cocina",
       "Receta de la abuela:\n\n3 huevos\n200 g de harina\nun chorrito de aceite"}},
     {{"Dinner out tonight?", "I made pancakes", "Pizza?", "So hungry right now", "Can you grab bread on the way?",
       "What's for dinner?"},
      {"Tacos please", "That place yesterday was amazing", "Sure, I'll get bread", "We're out of milk",
       "Just ate, I'm stuffed", "Save me a slice", "My treat next time", "You have to send me that recipe",
       "Smells amazing", "Salad day 😅"},
      {"Shopping list:\n- milk\n- eggs\n- coffee\n- oat milk for Priya"}}},
    // kWork
    {{{"Hoy reunión eterna", "Estoy a tope de trabajo", "Mañana tengo entrevista", "Qué pereza el lunes"},
      {"Ánimo!", "Salgo tarde hoy", "Me han dado el proyecto nuevo!!", "El jefe está insoportable",
       "Viernes ya, por favor", "¿Comemos juntos?"},
      {}},
     {{"Standup in 5", "Can someone review my PR?", "Are we still doing the retro at 3?", "The deploy is blocked again",
       "Quick sync after lunch?", "Who's taking the notes today?", "Reminder: demo on Thursday"},
      {"On it", "Looking now", "LGTM", "Left a couple of comments", "Pushed a fix", "Works on my machine 🙃",
       "Can we move it to 4?", "Joining in a sec", "Sorry, was on another call", "Sounds good to me",
       "I'll write it up", "Let's take it offline", "Thanks for covering!", "Heading out, see you tomorrow"},
      {"Agenda:\n1. release status\n2. bugs from QA\n3. AOB",
       "Notes:\n- ship on Monday\n- Grace owns the rollout\n- "
       "retro moved to Friday"}}},
    // kFamily
    {{{"¿Cómo está la abuela?", "¿Venís el domingo a comer?", "Llámame cuando puedas", "¿Qué tal el viaje?",
       "Felicidades!! 🎂🎉", "¿Habéis visto las fotos?"},
      {"Muy bien, ya está mejor", "Allí estaremos", "Te echo de menos", "Un besazo", "Dale recuerdos a papá",
       "Mira qué foto más bonita", "Qué guapos estáis", "Cuidaos mucho", "Mañana te llamo", "¿Has comido bien?",
       "Abrígate que hace frío", "Gracias mamá ❤️"},
      {"Menú del domingo:\nCroquetas\nPaella\nTarta de queso\n\nNo traigáis nada!!"}},
     {{"How's everyone doing?", "Call me when you can", "How was the trip?", "Happy birthday!! 🎂"},
      {"All good here", "Miss you", "Give them a hug from me", "Lovely photo", "Take care", "Talk tomorrow"},
      {}}},
    // kSport
    {{{"¿Viste el partido?", "El martes jugamos a las 9", "¿Quién viene hoy?", "Necesitamos uno más para el partido"},
      {"Qué golazo", "El árbitro, madre mía", "Yo voy", "Hoy no puedo, tengo lesión", "Llevo el balón",
       "Cuenta conmigo", "Ganamos 5-3 💪", "Pista 2 como siempre", "Pago yo la pista y me hacéis bizum"},
      {"Equipos:\nA: Carlos, Pablo, Alex\nB: Diego, Javi, yo"}},
     {{"Did you watch the game?", "Climbing on Wednesday?", "Who's up for a run on Sunday?", "Anyone for padel?"},
      {"What a goal", "Count me in", "My legs are destroyed", "New personal best!", "Same time next week?",
       "I'll book the court"},
      {}}},
    // kShows
    {{{"¿Has visto el último capítulo?", "Recomiéndame una peli", "Ha salido la nueva temporada"},
      {"No me hagas spoiler", "Esa serie es buenísima", "Me quedé dormido a mitad", "El final no me lo esperaba",
       "La tengo pendiente", "Me la vi entera en un finde"},
      {}},
     {{"Have you seen the new episode?", "Any film recommendations?", "New season is out!"},
      {"No spoilers!!", "That show is so good", "Fell asleep halfway", "Didn't see that ending coming",
       "It's on my list", "Binged it in one weekend"},
      {}}},
    // kTravel
    {{{"Ya he llegado", "El vuelo sale con retraso", "Mira qué vistas", "¿Reservamos el hotel?", "¿Cuándo volvéis?"},
      {"Buen viaje!", "Avisa cuando llegues", "Qué envidia", "Llevo dos horas en el aeropuerto",
       "Hace un día increíble", "Tráeme algo", "El tren va lleno"},
      {"Itinerario:\nLunes: Lisboa\nMiércoles: Oporto\nViernes: vuelta"}},
     {{"Just landed", "Flight's delayed again", "Look at this view", "Shall we book the cabin?", "When are you back?"},
      {"Safe travels!", "Let me know when you arrive", "So jealous", "Stuck at the airport", "Weather is perfect",
       "Bring me something", "Train is packed"},
      {"Packing list:\n- boots\n- rain jacket\n- snacks\n- power bank"}}},
    // kDaily
    {{{"Qué calor hace hoy", "Está lloviendo muchísimo", "Qué día más largo", "¿Qué tal todo?", "¿Cómo va el día?"},
      {"Llévate paraguas", "Aquí igual", "Por fin viernes", "Estoy reventado", "¿Qué tal has dormido?",
       "Me duele la cabeza", "Hoy no hago nada más", "Todo bien, ¿y tú?", "Un día de locos", "Mañana más"},
      {}},
     {{"It's boiling today", "It's pouring here", "Long day...", "How's it going?", "How's your day going?"},
      {"Same here", "Finally Friday", "So tired", "Slept terribly", "Headache all day", "All good, you?", "Crazy day",
       "Tomorrow then"},
      {}}},
    // kLove
    {{{"Te echo de menos", "¿Cuándo llegas?", "¿Qué te apetece hacer esta noche?", "Pienso en ti", "Buenos días guapa"},
      {"Yo más ❤️", "En 20 minutos estoy", "Lo que tú quieras", "Te quiero", "Qué ganas de verte", "Eres lo mejor",
       "Peli y manta?", "Ya te vale jajaja", "Me haces reír tanto"},
      {"Cosas pendientes:\n- cena con tus padres\n- regalo para Marta\n- reservar Lisboa ❤️"}},
     {{"Miss you", "When do you arrive?"}, {"Miss you more", "Love you"}, {}}},
    // kHome
    {{{"¿Quién ha dejado los platos?", "Toca limpieza el sábado", "Ha llegado la factura de la luz",
       "¿Alguien ha visto mis llaves?"},
      {"Yo no he sido", "Hago el baño y la cocina", "Son 43 € cada uno", "Están en la mesa", "Hoy friego yo",
       "Se ha roto la lavadora otra vez", "El casero dice que viene el lunes", "Bizum hecho"},
      {"Turnos de limpieza:\nSemana 1: Javi\nSemana 2: Inés\nSemana 3: Alex"}},
     {{"Who left the dishes?", "Rent is due tomorrow"}, {"Not me", "Sent!", "Washing machine is broken again"}, {}}},
    // kBooks
    {{{"¿Qué estás leyendo?", "Terminé el libro anoche"}, {"Me ha encantado", "El final me dejó fatal"}, {}},
     {{"Next month's pick?", "Finished it last night", "What did everyone think of chapter 12?",
       "Reminder: book club on Thursday 7pm"},
      {"Loved it", "The ending wrecked me", "Only halfway through, no spoilers", "I'll bring wine",
       "Can we do something shorter next?", "My vote goes to the sci-fi one", "Hosting at mine this time"},
      {"Shortlist:\n1. a novel set in Lisbon\n2. the sci-fi one\n3. essays\n\nVote with emoji!"}}},
};

const L kAcksEs = {"Vale",  "Ok",         "Sí",       "Síii",    "Claro",     "Genial",   "Perfecto",
                   "Guay",  "Qué fuerte", "Ya ves",   "Normal",  "Madre mía", "Ostras",   "Uff",
                   "Bueno", "Hecho",      "Gracias!", "De nada", "Nada nada", "Obvio",    "Jajaja sí",
                   "Venga", "Buah",       "Qué guay", "A ver",   "Ni idea",   "Tal cual", "Vale vale"};
const L kAcksEn = {"ok",         "Okay", "Yes!",    "Yeah",        "Nice",      "Cool", "Sure",  "Thanks!",
                   "No worries", "Same", "Totally", "Sounds good", "Got it",    "Fair", "Wow",   "Oh no",
                   "Love it",    "omg",  "Yep",     "Nope",        "Haha true", "Deal", "Noted", "For real?"};
const L kMorningEs = {"Buenos días!", "Buenos días ☀️", "Buenas!", "Holaa"};
const L kMorningEn = {"Morning!", "Good morning ☀️", "Hey!", "Hi!"};
const L kEveningEs = {"Holaa", "Ey", "Buenas!", "Hola hola", "¿Qué tal?"};
const L kEveningEn = {"Hey", "Hi!", "Heyy", "Hello!", "How's it going?"};
const L kNightEs = {"Buenas noches 😴", "Me voy a dormir, estoy muerto", "A dormir ya", "Hasta mañana!", "Descansa"};
const L kNightEn = {"Night!", "Off to bed, exhausted", "Sleep well", "Good night 😴", "Talk tomorrow"};
const L kLinkEs = {"Mira esto ", "Jajaja mira ", "Esto es para ti ", "Os paso el sitio ", "Escucha esta: ", ""};
const L kLinkEn = {"Check this out ", "Haha look ", "This is so you ", "Here's the place ", "Listen to this: ", ""};
const L kCaptionEs = {"Mira qué vistas", "La cena de hoy", "Jajaja mira esto", "Por fin", "Qué bonito"};
const L kCaptionEn = {"The view!!", "Tonight's dinner", "Look at this", "Finally", "So pretty"};
const L kPollQEs = {"¿Dónde cenamos el sábado?", "¿Qué día os viene mejor?", "¿Ruta corta o larga?"};
const L kPollQEn = {"Where should we go on Saturday?", "Which day works best?", "Short hike or long hike?"};
// Three options per question, in the order of the questions.
const L kPollOEs = {"Casa de Diego", "El italiano", "Tacos", "Viernes",    "Sábado",
                    "Domingo",       "Corta",       "Larga", "Me da igual"};
const L kPollOEn = {"Pizza place", "Tacos", "Diego's", "Friday", "Saturday", "Sunday", "Short", "Long", "Either"};
const L kNotes = {"Pasaporte caduca en marzo!!",
                  "Idea: regalo para Lucía → clases de cerámica",
                  "Wifi casa Mamá: la de siempre",
                  "Books: Project Hail Mary, Klara and the Sun",
                  "Llamar al dentista",
                  "Receta croquetas:\nbechamel espesa\nreposar toda la noche"};
const L kDocuments = {"Entradas concierto.pdf", "Contrato alquiler.pdf", "Itinerary.pdf",
                      "Factura luz.pdf",        "Slides Q3.pptx",        "Menu.pdf"};

const std::vector<Place> kPlaces = {{"Parque del Retiro", 40.41527, -3.68442},
                                    {"Puerta del Sol", 40.41692, -3.70348},
                                    {"Peñalara", 40.85021, -3.95582},
                                    {"Mercado de San Miguel", 40.41549, -3.70903},
                                    {"Lisboa, Alfama", 38.71125, -9.12998}};

}  // namespace

const std::vector<Person>& cast() { return kCast; }
uint16_t owner() { return kAlex; }
std::string_view owner_first_name() { return "Alex"; }
std::string_view owner_last_name() { return "Rivera"; }
std::string_view owner_phone() { return "+1 213 555 0123"; }
std::string_view owner_username() { return "alexrivera"; }

ChatSpec chat_spec(uint32_t i, std::vector<Person>& extra_people) {
  static const std::vector<ChatSpec> hand = hand_written_chats();
  if (i < hand.size()) return hand[i];
  // A made-up acquaintance: alternate languages and arcs.
  const uint32_t k = i - static_cast<uint32_t>(hand.size());
  const bool es = k % 2 == 0;
  const L& first = es ? kFirstEs : kFirstEn;
  const L& last = es ? kLastEs : kLastEn;
  const size_t f = (k / 2) % first.size();
  const size_t l = (k / 2 / first.size() + f * 5) % last.size();  // unique with the suffix below
  std::string name = std::string(first[f]) + " " + std::string(last[l]);
  if (k / 2 >= first.size() * last.size()) {
    name += ' ';
    name += std::to_string(k / 2 / (first.size() * last.size()) + 1);
  }
  const uint8_t fav0 = static_cast<uint8_t>(k % 66), fav1 = static_cast<uint8_t>((k * 5 + 3) % 66);
  extra_people.push_back({made_up_name(k, std::move(name)),
                          "",
                          es ? Lang::Es : Lang::En,
                          static_cast<uint8_t>(10 + k % 40),
                          static_cast<uint16_t>(120 + (k * 37) % 900),
                          es ? "jajaja" : "haha",
                          {fav0, fav1, 4, 0}});
  const uint16_t person = static_cast<uint16_t>(kCast.size() + extra_people.size() - 1);
  static const Arc kArcs[] = {Arc::Steady, Arc::Fading, Arc::Appearing, Arc::Burst, Arc::Window};
  const Arc arc = kArcs[k % 5];
  const float a = 0.1f + static_cast<float>((k * 13) % 50) / 100.0f;
  const float b = a + 0.2f + static_cast<float>((k * 7) % 30) / 100.0f;
  return {"",
          false,
          {{person}},
          arc,
          a,
          b > 1 ? 1 : b,
          arc == Arc::Appearing ? a : 0,
          arc == Arc::Fading || arc == Arc::Window ? (b > 1 ? 1 : b) : 1,
          Rhythm::Evenings,
          es ? Lang::Es : Lang::En,
          1,
          6,
          static_cast<uint16_t>(300 + (k * 53) % 1200),
          0,
          0,
          kPlans | kDaily | kShows | kFood};
}

const TopicBank& topic(uint32_t bit, Lang lang) {
  const Bank& b = kTopics[bit % kTopicCount];
  return lang == Lang::En ? b.en : b.es;
}
const std::vector<std::string_view>& acks(Lang lang) { return lang == Lang::En ? kAcksEn : kAcksEs; }
const std::vector<std::string_view>& greetings(Lang lang, bool morning) {
  if (lang == Lang::En) return morning ? kMorningEn : kEveningEn;
  return morning ? kMorningEs : kEveningEs;
}
const std::vector<std::string_view>& goodnights(Lang lang) { return lang == Lang::En ? kNightEn : kNightEs; }
const std::vector<std::string_view>& link_intros(Lang lang) { return lang == Lang::En ? kLinkEn : kLinkEs; }
const std::vector<std::string_view>& captions(Lang lang) { return lang == Lang::En ? kCaptionEn : kCaptionEs; }
const std::vector<std::string_view>& poll_questions(Lang lang) { return lang == Lang::En ? kPollQEn : kPollQEs; }
const std::vector<std::string_view>& poll_options(Lang lang) { return lang == Lang::En ? kPollOEn : kPollOEs; }
const std::vector<std::string_view>& notes_to_self() { return kNotes; }
const std::vector<std::string_view>& document_names() { return kDocuments; }
const std::vector<std::string_view>& emoji() { return kEmoji; }
const std::vector<uint8_t>& sticker_emoji() { return kStickerEmoji; }
const std::vector<Place>& places() { return kPlaces; }

}  // namespace chatlens::bench::content
