#pragma once
// The "today" every test import passes: a fixed date, so that results never depend on
// the day the tests run.
#include "model/local_time.hpp"

namespace chatlens::testing {

inline constexpr CivilDate kTestToday{2024, 6, 15};

}  // namespace chatlens::testing
