// A year of weather for a duty: twelve monthly mean temperatures, entered in the scenario or taken from a
// bundled table (resources/weather/NAME.json, NOAA 1991-2020 climate normals for the bundled routes'
// regions). Scenario section:
//
//   "weather": {"region": "reno"}                                  // a bundled table, or
//   "weather": {"monthly_temperature_F": [35.5, 39.6, ...],        // 12 values, January first; _C, _F, _K
//               "source": "where the numbers come from"}           // optional
//
// With it, each truck's trip is simulated once per distinct monthly temperature and the cost model gets
// the year: the energy per mile (and fuel, DEF and CO2 per mile) is the day-weighted mean of the months,
//   e_year = sum_m (days_m / 365) e_m,
// so a year's energy over a fixed annual distance spread evenly by day is the sum of the monthly runs.
// Only the temperature changes between months (air density and auxiliary power); wind and altitude
// stay the scenario's ambient.
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/core/json_params.hpp"
#include "tco/inputs.hpp"

namespace semitco::core {

/// Days of each month of a common year, January first (they sum to 365).
inline constexpr std::array<int, 12> kDaysInMonth = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
/// Share of the year in month m (0 = January): days / 365.
inline double month_weight(int m) { return kDaysInMonth.at(static_cast<std::size_t>(m)) / 365.0; }
/// "Jan" ... "Dec".
const char* month_abbreviation(int m);
/// "January" ... "December".
const char* month_name(int m);

struct YearOfWeather {
  std::string region;                      ///< bundled table's name ("reno"); "" for an entered list
  std::string label;                       ///< for display: "Reno, NV (Reno-Tahoe International Airport)"
  std::string source;                      ///< where the temperatures come from
  std::array<double, 12> temperature_C{};  ///< monthly mean temperatures [degC], January first
  // An entered list as written, so a scenario saves back as it was read.
  std::string unit = "C";       ///< the key's unit suffix: C, F or K
  std::vector<double> written;  ///< the values in that unit
  std::string list_source;      ///< the list's own source, when written {"value": [..], "source": ..}

  /// Sets entered monthly temperatures in degC (clears the region; what the app's editor does).
  void set_monthly_C(const std::array<double, 12>& t);
};

/// The bundled tables' names (resources/weather/*.json without the extension), sorted.
std::vector<std::string> bundled_weather_regions();
/// A bundled table by name; throws InputError naming the known ones for an unknown name.
YearOfWeather load_weather_region(const std::string& name);
/// The "weather" section of a scenario (JsonParams of that object). Throws InputError naming the key for
/// a list of the wrong length, a value out of [-50, 60] degC, both a region and a list, or neither.
YearOfWeather read_weather(JsonParams& sec);
/// The section as read_weather reads it back.
nlohmann::ordered_json write_weather(const YearOfWeather& w);

/// The year of a truck's trips from its twelve monthly trips (same route): quantities per trip that scale
/// with distance (energy, fuel, DEF, CO2) are the day-weighted mean of each month's amount per metre times
/// the mean distance; durations are day-weighted means; the lowest state of charge is the lowest month's;
/// the year is feasible when every month is, else its reason names the first month that is not.
tco::TripSummary annual_summary(const std::array<tco::TripSummary, 12>& months,
                                const std::array<double, 12>& temperature_C);

}  // namespace semitco::core
