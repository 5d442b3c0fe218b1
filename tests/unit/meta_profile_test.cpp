// The profile information of a Messenger or Instagram export names its owner: stronger
// evidence than "the participant in every thread", said apart in the report, and never a
// chat nor an unreadable input.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "import/import_session.hpp"
#include "model/identity.hpp"
#include "test_today.hpp"

using namespace chatlens;

namespace {

struct Imported {
  Corpus corpus;
  std::vector<SourceReport> sources;
  OwnerResolution owner;
};

Imported import_all(std::vector<std::pair<std::string, std::string>> files) {
  ImportSession session(chatlens::testing::kTestToday);
  for (auto& [name, text] : files) session.add(name, std::move(text));
  Imported out;
  out.sources = session.sources();
  out.corpus = std::move(session).finish();
  out.owner = resolve_owner(out.corpus);
  return out;
}

// One thread of two people: on its own, either could be the owner.
std::string thread_of(const std::string& a, const std::string& b) {
  return R"({"participants": [{"name": ")" + a + R"("}, {"name": ")" + b + R"("}], "messages": [
    {"sender_name": ")" +
         a + R"(", "timestamp_ms": 1700000200000, "content": "hi"},
    {"sender_name": ")" +
         b + R"(", "timestamp_ms": 1700000100000, "content": "hello"}]})";
}

const SourceMessage* note(const SourceReport& r, std::string_view key) {
  for (const SourceMessage& n : r.notes)
    if (n.key == key) return &n;
  return nullptr;
}

constexpr const char* kFacebookProfile = "fb.zip:personal_information/profile_information/profile_information.json";

}  // namespace

TEST(MetaProfile, FacebookProfileNamesTheOwnerWhomTheThreadsAloneCannot) {
  // Newer layout, read before the thread; the name in Meta's mojibake ("Bjørn").
  auto r = import_all({{kFacebookProfile, R"({"profile_v2": {"name": {"full_name": "Bj\u00c3\u00b8rn Ek",
                          "first_name": "Bj\u00c3\u00b8rn", "last_name": "Ek"}, "emails": {"emails": ["b@example.org"]}}})"},
                       {"fb.zip:your_activity_across_facebook/messages/inbox/ana_1/message_1.json",
                        thread_of("Ana", "Bj\\u00c3\\u00b8rn Ek")}});
  const SourceReport& profile = r.sources.at(0);
  ASSERT_TRUE(profile.ok()) << profile.status;
  EXPECT_EQ(profile.platform, "messenger");
  EXPECT_EQ(profile.variant, "dyi-profile");
  EXPECT_EQ(profile.records, 0u);
  EXPECT_EQ(profile.chats, 0u);
  const SourceMessage* said = note(profile, "input.meta_profile_owner");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->params.find("name")->as_string(), "Bj\u00F8rn Ek");
  EXPECT_EQ(r.corpus.chats.size(), 1u);  // the profile is no chat
  ASSERT_EQ(r.owner.status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owner_name(r.corpus), "Bj\u00F8rn Ek");
  ASSERT_EQ(r.owner.how.size(), 1u);
  EXPECT_EQ(r.owner.how[0].key, "owner.profile_information");
  EXPECT_EQ(r.owner.how[0].platform, "messenger");
}

TEST(MetaProfile, OlderFacebookLayoutReadAfterTheThreads) {
  auto r = import_all({{"fb/messages/inbox/ana_1/message_1.json", thread_of("Ana", "Bo")},
                       {"fb/profile_information/profile_information.json",
                        "\xEF\xBB\xBF"
                        R"({"profile": {"name": {"full_name": "Ana"}, "registration_timestamp": 1}})"}});
  ASSERT_TRUE(r.sources.at(1).ok()) << r.sources.at(1).status;
  ASSERT_EQ(r.owner.status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owner_name(r.corpus), "Ana");
  EXPECT_EQ(r.owner.how.at(0).key, "owner.profile_information");
}

TEST(MetaProfile, InstagramPersonalInformationByNameElseUsername) {
  const std::string thread = thread_of("Ana G\\u00c3\\u00b3mez", "Bo");
  auto by_name = import_all({{"ig/personal_information/personal_information.json",
                              R"({"profile_user": [{"media_map_data": {"Profile Photo": {"uri": "media/p.jpg"}},
                      "string_map_data": {"Email": {"href": "", "value": "a@example.org", "timestamp": 0},
                                          "Username": {"href": "", "value": "anag", "timestamp": 0},
                                          "Name": {"href": "", "value": "Ana G\u00c3\u00b3mez", "timestamp": 0}}}]})"},
                             {"ig/your_instagram_activity/messages/inbox/ana_1/message_1.json", thread}});
  EXPECT_EQ(by_name.sources.at(0).platform, "instagram");
  ASSERT_EQ(by_name.owner.status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owner_name(by_name.corpus), "Ana G\u00F3mez");
  EXPECT_EQ(by_name.owner.how.at(0).platform, "instagram");
  EXPECT_EQ(by_name.owner.how.at(0).key, "owner.profile_information");

  auto by_username =
      import_all({{"ig/personal_information/personal_information.json",
                   R"({"profile_user": [{"string_map_data": {"Name": {"value": ""}, "Username": {"value": "Bo"}}}]})"},
                  {"ig/your_instagram_activity/messages/inbox/ana_1/message_1.json", thread}});
  EXPECT_EQ(owner_name(by_username.corpus), "Bo");
}

// People rename their accounts: a profile name nobody writes under leaves the owner to the chats.
TEST(MetaProfile, AProfileNameThatWritesInNoChatLeavesTheOwnerToTheChats) {
  auto r = import_all({{kFacebookProfile, R"({"profile_v2": {"name": {"full_name": "Old Name"}}})"},
                       {"fb/messages/inbox/ana_1/message_1.json", thread_of("Ana", "Me")},
                       {"fb/messages/inbox/bo_2/message_1.json", thread_of("Bo", "Me")}});
  ASSERT_EQ(r.owner.status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owner_name(r.corpus), "Me");
  EXPECT_EQ(r.owner.how.at(0).key, "owner.common_participant");
}

TEST(MetaProfile, WithoutANameItIsANoteAndBrokenJsonIsAnErrorThatSaysWhere) {
  auto nameless = import_all({{kFacebookProfile, R"({"profile_v2": {"name": {"full_name": ""}}})"},
                              {"fb/messages/inbox/ana_1/message_1.json", thread_of("Ana", "Bo")}});
  ASSERT_TRUE(nameless.sources.at(0).ok());
  EXPECT_NE(note(nameless.sources.at(0), "input.meta_profile_without_name"), nullptr);
  EXPECT_EQ(nameless.owner.status, OwnerResolution::Status::Ambiguous);

  auto broken = import_all({{kFacebookProfile, "{\"profile_v2\": {\"name\": {\"full_name\": \"Ana\"}"}});
  ASSERT_FALSE(broken.sources.at(0).ok());
  EXPECT_EQ(broken.sources.at(0).status.key(), "input.invalid_json");
}
