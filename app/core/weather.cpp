// A year of weather; see weather.hpp.
#include "app/core/weather.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/core/scenario.hpp"

namespace semitco::core {

namespace fs = std::filesystem;

namespace {
constexpr std::array<const char*, 12> kAbbrev = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> kNames = {"January",   "February", "March",    "April",
                                                "May",       "June",     "July",     "August",
                                                "September", "October",  "November", "December"};
constexpr const char* kListBase = "monthly_temperature";

std::string weather_dir() { return resources_dir() + "/weather"; }

// The monthly list of `sec`: the one key monthly_temperature_<unit>, 12 numbers (or {"value": [...],
// "source": ..}), into `w`.
void read_monthly_list(JsonParams& sec, YearOfWeather* w) {
  std::string key;
  for (auto it = sec.json().begin(); it != sec.json().end(); ++it) {
    std::string base, unit;
    Dim dim = Dim::None;
    if (JsonParams::split_unit_key(it.key(), &base, &dim, &unit) && base == kListBase) {
      if (dim != Dim::Temperature)
        throw InputError(sec.where(it.key()) + ": expects a temperature unit (_C, _F or _K)");
      if (!key.empty()) throw InputError(sec.where(it.key()) + ": a second monthly list beside " + key);
      key = it.key();
      w->unit = unit;
    }
  }
  if (key.empty())
    throw InputError(sec.where(std::string(kListBase) + "_C") + ": missing (12 monthly mean temperatures)");
  const nlohmann::json* v = &sec.raw(key);
  if (v->is_object()) {
    if (!v->contains("value")) throw InputError(sec.where(key) + ": object without \"value\"");
    if (v->contains("source") && (*v)["source"].is_string()) {
      w->list_source = (*v)["source"].get<std::string>();
      sec.note_source(key, w->list_source);
    }
    v = &(*v)["value"];
  }
  if (!v->is_array() || v->size() != 12) {
    throw InputError(sec.where(key) + " = " + quote_json(*v) + ": expected 12 numbers, January to December" +
                     (v->is_array() ? ", got " + std::to_string(v->size()) : ""));
  }
  w->written.clear();
  for (std::size_t m = 0; m < 12; ++m) {
    const auto& x = (*v)[m];
    if (!x.is_number())
      throw InputError(sec.where(key) + "[" + std::to_string(m) + "] = " + quote_json(x) + ": not a number");
    const double c = to_si(x.get<double>(), Dim::Temperature, w->unit);
    if (!std::isfinite(c) || c < -50.0 || c > 60.0) {
      throw InputError(sec.where(key) + "[" + std::to_string(m) + "] (" + kNames[m] + ") = " + quote_json(x) +
                       ": a monthly mean temperature must lie in [-50, 60] degC");
    }
    w->written.push_back(x.get<double>());
    w->temperature_C[m] = c;
  }
}
}  // namespace

const char* month_abbreviation(int m) { return kAbbrev.at(static_cast<std::size_t>(m)); }
const char* month_name(int m) { return kNames.at(static_cast<std::size_t>(m)); }

void YearOfWeather::set_monthly_C(const std::array<double, 12>& t) {
  region.clear();
  label = "entered";
  list_source.clear();
  temperature_C = t;
  unit = "C";
  written.assign(t.begin(), t.end());
}

std::vector<std::string> bundled_weather_regions() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(weather_dir(), ec)) {
    if (e.path().extension() == ".json") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

YearOfWeather load_weather_region(const std::string& name) {
  const auto known = bundled_weather_regions();
  if (std::find(known.begin(), known.end(), name) == known.end()) {
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw InputError("weather.region = \"" + name + "\": no such bundled table (known: " + list + ")");
  }
  const std::string path = weather_dir() + "/" + name + ".json";
  const auto j = read_json_file(path);
  JsonParams root(j, path);
  YearOfWeather w;
  w.region = name;
  w.label = root.text("name");
  w.source = root.text("source");
  root.text_or("station", "");
  root.text_or("note", "");
  read_monthly_list(root, &w);
  root.finish();
  return w;
}

YearOfWeather read_weather(JsonParams& sec) {
  YearOfWeather w;
  if (sec.has_key("region")) {
    for (auto it = sec.json().begin(); it != sec.json().end(); ++it) {
      if (it.key() != "region") {
        throw InputError(sec.where(it.key()) +
                         ": a bundled region brings its own temperatures; give either "
                         "\"region\" or \"" +
                         std::string(kListBase) + "_C\", not both");
      }
    }
    w = load_weather_region(sec.text("region"));
  } else {
    read_monthly_list(sec, &w);
    w.label = "entered";
    w.source = sec.text_or("source", "");
  }
  sec.finish();
  return w;
}

nlohmann::ordered_json write_weather(const YearOfWeather& w) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  if (!w.region.empty()) {
    o["region"] = w.region;
    return o;
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (double v : w.written) list.push_back(v);
  const std::string key = std::string(kListBase) + "_" + w.unit;
  if (w.list_source.empty()) {
    o[key] = list;
  } else {
    o[key] = nlohmann::ordered_json{{"value", list}, {"source", w.list_source}};
  }
  if (!w.source.empty()) o["source"] = w.source;
  return o;
}

tco::TripSummary annual_summary(const std::array<tco::TripSummary, 12>& months,
                                const std::array<double, 12>& temperature_C) {
  tco::TripSummary y = months[0];
  double distance = 0.0;
  for (int m = 0; m < 12; ++m) distance += month_weight(m) * months[static_cast<std::size_t>(m)].distance_m;
  y.distance_m = distance;
  // Amounts that scale with distance: the day-weighted mean of each month's amount per metre.
  auto per_distance = [&](double tco::TripSummary::*q) {
    double per_m = 0.0;
    for (int m = 0; m < 12; ++m) {
      const auto& t = months[static_cast<std::size_t>(m)];
      if (t.distance_m > 0.0) per_m += month_weight(m) * (t.*q) / t.distance_m;
    }
    y.*q = per_m * distance;
  };
  for (auto q : {&tco::TripSummary::energy_from_source_J, &tco::TripSummary::battery_energy_out_J,
                 &tco::TripSummary::battery_energy_in_J, &tco::TripSummary::fuel_kg,
                 &tco::TripSummary::fuel_L, &tco::TripSummary::def_L, &tco::TripSummary::co2_kg}) {
    per_distance(q);
  }
  y.duration_s = y.driving_time_s = 0.0;
  for (int m = 0; m < 12; ++m) {
    const auto& t = months[static_cast<std::size_t>(m)];
    y.duration_s += month_weight(m) * t.duration_s;
    y.driving_time_s += month_weight(m) * t.driving_time_s;
    y.min_soc_frac = std::min(y.min_soc_frac, t.min_soc_frac);
  }
  y.driving_time_s = std::min(y.driving_time_s, y.duration_s);
  y.feasible = true;
  y.infeasible_reason.clear();
  for (int m = 0; m < 12; ++m) {
    const auto& t = months[static_cast<std::size_t>(m)];
    if (!t.feasible) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "in %s (%.1f degC): ", kNames[static_cast<std::size_t>(m)],
                    temperature_C[static_cast<std::size_t>(m)]);
      y.feasible = false;
      y.infeasible_reason = buf + t.infeasible_reason;
      break;
    }
  }
  return y;
}

}  // namespace semitco::core
