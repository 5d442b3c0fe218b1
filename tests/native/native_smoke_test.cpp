#include <gtest/gtest.h>

#include <filesystem>

TEST(NativeBuild, CliBinaryExists) { EXPECT_TRUE(std::filesystem::exists(CHATLENS_CLI)); }
