#pragma once
// The date of the machine's local clock: what native callers pass to ImportSession as
// "today" (the core never reads a clock, so that the same bytes give the same corpus).
#include "model/local_time.hpp"

namespace chatlens {

CivilDate local_today();

}  // namespace chatlens
