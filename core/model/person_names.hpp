#pragma once
// How two display names are compared when looking for one person across platforms:
// case, accents, punctuation, emoji and spacing do not tell people apart
// ("ANA  Gómez 🌸" and "ana gomez" are the same name), and a phone number shown as
// a name ("+34 612 34 56 78", WhatsApp's unsaved contacts) is compared by its digits.
#include <string>
#include <string_view>
#include <vector>

namespace chatlens {

// Lower case, accents and marks removed, letters and digits kept, every other run
// (spaces, punctuation, emoji, symbols) one space, trimmed. "" when nothing is left.
std::string comparable_name(std::string_view name);

// The words of comparable_name().
std::vector<std::string> name_words(std::string_view comparable);

// The digits of a name that is a phone number (only digits, spaces, "+", "-", ".",
// "(", ")", at least 7 digits), without a leading international "+" or "00" prefix;
// "" when the name is not a phone number.
std::string phone_digits(std::string_view name);

// Whether two phone numbers written differently are the same: equal, or one is the
// other with a country code in front (the last 9 digits agree and the shorter has at least 9).
bool same_phone(std::string_view a, std::string_view b);

// "ana g" names "ana gomez": the same number of words (or fewer: "ana" alone is not
// enough, two words at least), each word equal or a one-letter initial of the other's.
// Both arguments are comparable_name() forms; false when they are equal.
bool initials_match(std::string_view a, std::string_view b);

}  // namespace chatlens
