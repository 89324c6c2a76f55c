// ISO 8601 timestamps of GPX <time>: "YYYY-MM-DDTHH:MM:SS[.fff][Z|+hh:mm|-hh:mm]" -> seconds since 1970 UTC.
#pragma once

#include <string_view>

namespace semitco::routes::detail {

/// False when s is not such a timestamp (out is then unchanged).
bool parse_iso8601(std::string_view s, double& out);

}  // namespace semitco::routes::detail
