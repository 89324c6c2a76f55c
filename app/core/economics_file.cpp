// Economics section of scenario files; see economics_file.hpp.
#include "app/core/economics_file.hpp"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "app/core/charging_cost_file.hpp"
#include "tco/duty.hpp"
#include "tco/hours_of_service.hpp"
#include "tco/measured_inputs.hpp"
#include "tco/parameters.hpp"

namespace semitco::core {

namespace {

// Integer, boolean and list inputs that the numeric parameter table does not hold.
// Whole numbers are range-checked as integers before they reach an int (no wrap-around of 4294967298 to
// 2, no truncation of 2.5); the cross-field rules (loan term within the ownership years, ...) are
// tco::validate's.
enum class Kind { Int, Bool, Residual, List, Utilisation, Automation, DriverPay, Legs, Choice, Number };
struct ExtraKey {
  const char* key;
  Kind kind;
  bool required;
  int lo = 0, hi = 0;  ///< Int: the accepted range
};
constexpr ExtraKey kExtraKeys[] = {
    {"ownership_years", Kind::Int, true, 1, tco::kMaxOwnershipYears},
    {"electric.economics.financed", Kind::Bool, true},
    {"electric.economics.loan_term_months", Kind::Int, true, 1, 12 * tco::kMaxOwnershipYears},
    {"electric.economics.residual_rule", Kind::Residual, true},
    {"electric.economics.battery_replacement_year", Kind::Int, true, 0, tco::kMaxOwnershipYears - 1},
    {"diesel.economics.financed", Kind::Bool, true},
    {"diesel.economics.loan_term_months", Kind::Int, true, 1, 12 * tco::kMaxOwnershipYears},
    {"diesel.economics.residual_rule", Kind::Residual, true},
    {"diesel.economics.battery_replacement_year", Kind::Int, true, 0, tco::kMaxOwnershipYears - 1},
    {"operations.routes_per_day", Kind::Int, false, 1, 50},
    {"operations.hos_break_paid", Kind::Bool, true},
    // Added by issue 11; absent in older files, which then get tco::default_inputs()' values.
    {"operations.utilisation", Kind::Utilisation, false},
    {"operations.team_drivers", Kind::Bool, false},
    {"operations.automation", Kind::Automation, false},
    {"operations.driver_pay", Kind::DriverPay, false},
    {"operations.day_plan.legs", Kind::Legs, false},
    {"charging.acceptance.soc_frac", Kind::List, true},
    {"charging.acceptance.power_kW", Kind::List, true},
    {"charging.enroute_charger_positions_m", Kind::List, false},
    // Issue 13: conventions and measured energy (tco/conventions.hpp); absent = the defaults.
    {"conventions.discount_timing", Kind::Choice, false},
    {"conventions.residual_booking", Kind::Choice, false},
    {"conventions.per_mile", Kind::Choice, false},
    {"conventions.payload", Kind::Choice, false},
    {"conventions.hvut", Kind::Bool, false},
    {"electric.economics.energy_basis", Kind::Choice, false},
    {"electric.economics.energy_value", Kind::Number, false},
    {"diesel.economics.energy_basis", Kind::Choice, false},
    {"diesel.economics.energy_value", Kind::Number, false},
};

// The words of each choice key, in enum order.
struct Choice {
  const char* key;
  std::vector<const char*> words;
};
const Choice kChoices[] = {
    {"conventions.discount_timing", {"end_of_year", "beginning_of_year", "mid_year"}},
    {"conventions.residual_booking", {"end_of_ownership", "with_last_year"}},
    {"conventions.per_mile", {"levelised", "lifetime_miles"}},
    {"conventions.payload", {"capacity_cap", "truck_multiplier"}},
    {"electric.economics.energy_basis", {"simulated", "measured_at_plug", "measured_at_pack", "measured_mpg", "calibrated"}},
    {"diesel.economics.energy_basis", {"simulated", "measured_at_plug", "measured_at_pack", "measured_mpg", "calibrated"}},
};

const Choice& choice_of(const std::string& key) {
  for (const auto& c : kChoices) {
    if (key == c.key) return c;
  }
  throw std::logic_error("no choice table for " + key);
}

void set_choice(tco::TcoInputs& in, const std::string& key, int n) {
  auto& cv = in.conventions;
  if (key == "conventions.discount_timing") cv.discount_timing = static_cast<tco::DiscountTiming>(n);
  else if (key == "conventions.residual_booking") cv.residual_booking = static_cast<tco::ResidualBooking>(n);
  else if (key == "conventions.per_mile") cv.per_mile = static_cast<tco::PerMileBasis>(n);
  else if (key == "conventions.payload") cv.payload = static_cast<tco::PayloadTreatment>(n);
  else if (key == "electric.economics.energy_basis") in.electric.economics.energy.basis = static_cast<tco::EnergyBasis>(n);
  else in.diesel.economics.energy.basis = static_cast<tco::EnergyBasis>(n);
}

int get_choice(const tco::TcoInputs& in, const std::string& key) {
  const auto& cv = in.conventions;
  if (key == "conventions.discount_timing") return static_cast<int>(cv.discount_timing);
  if (key == "conventions.residual_booking") return static_cast<int>(cv.residual_booking);
  if (key == "conventions.per_mile") return static_cast<int>(cv.per_mile);
  if (key == "conventions.payload") return static_cast<int>(cv.payload);
  if (key == "electric.economics.energy_basis") return static_cast<int>(in.electric.economics.energy.basis);
  return static_cast<int>(in.diesel.economics.energy.basis);
}

// Numeric inputs added by issue 11: optional, so older scenario files still load (with the defaults of
// tco::default_inputs(); operations.day_plan.depot_dwell_s falls back to the old charging.depot_window_s).
bool optional_numeric_key(const std::string& key) {
  return key == "operations.annual_miles" || key == "operations.day_plan.depot_dwell_s" ||
         key == "operations.driver_assist_driver_cost_change_frac" ||
         key == "operations.remote_supervision_usd_per_h" || key == "operations.driverless_max_operating_h_per_day" ||
         key == "operations.driver_pay_usd_per_mi";
}

std::pair<std::string, std::string> split_parent(const std::string& key) {
  const auto dot = key.rfind('.');
  if (dot == std::string::npos) return {"", key};
  return {key.substr(0, dot), key.substr(dot + 1)};
}

// The nested objects of one JSON document, opened once each so unknown keys can be reported.
class Sections {
 public:
  Sections(const nlohmann::json& root, std::string file, std::string path = "")
      : root_(std::make_unique<JsonParams>(root, std::move(file), std::move(path))) {}
  JsonParams* find(const std::string& path, bool create_empty) {
    if (path.empty()) return root_.get();
    auto it = open_.find(path);
    if (it != open_.end()) return it->second.get();
    const auto [parent_path, name] = split_parent(path);
    JsonParams* parent = find(parent_path, create_empty);
    if (!parent) return nullptr;
    if (!parent->has_key(name) && !create_empty) return nullptr;
    auto sub = std::make_unique<JsonParams>(parent->object_or_empty(name));
    return open_.emplace(path, std::move(sub)).first->second.get();
  }
  void finish_all() {
    root_->finish();
    for (auto& [path, sec] : open_) sec->finish();
  }
  JsonParams& root() { return *root_; }

 private:
  std::unique_ptr<JsonParams> root_;
  std::map<std::string, std::unique_ptr<JsonParams>> open_;
};

// v as an int if it is a whole number in [lo, hi] (60 and 60.0 alike), else lo - 1. Compared as 64-bit
// integers or doubles, never converted to int before the check.
int whole_number(const nlohmann::json& v, int lo, int hi) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    return u <= static_cast<std::uint64_t>(hi) && static_cast<std::int64_t>(u) >= lo ? static_cast<int>(u) : lo - 1;
  }
  if (v.is_number_integer()) {
    const auto i = v.get<std::int64_t>();
    return i >= lo && i <= hi ? static_cast<int>(i) : lo - 1;
  }
  if (v.is_number_float()) {
    const double d = v.get<double>();
    return std::isfinite(d) && d == std::floor(d) && d >= lo && d <= hi ? static_cast<int>(d) : lo - 1;
  }
  return lo - 1;
}

double round_sig(double x) {
  if (x == 0.0 || !std::isfinite(x)) return x;
  std::ostringstream os;
  os.precision(12);
  os << x;
  return std::stod(os.str());
}

}  // namespace

bool is_derived_economics_key(const std::string& key) {
  return key.find(".trip.") != std::string::npos || key.ends_with(".tare_kg");
}

tco::TcoInputs read_economics(JsonParams& section, const std::string& dir, EconomicsProvenance* prov) {
  tco::TcoInputs in = tco::default_inputs();  // only trips and tares survive from here; the rest is read
  EconomicsProvenance local;
  EconomicsProvenance& pv = prov ? *prov : local;

  // The section itself, reopened through Sections so nested objects are tracked.
  Sections mine(section.json(), section.file(), section.path());
  std::optional<nlohmann::json> base_json;
  std::unique_ptr<Sections> base;
  if (mine.root().has_key("base")) {
    pv.base = mine.root().text("base");
    const std::string base_path = (std::filesystem::path(dir) / pv.base).lexically_normal().string();
    base_json = read_json_file(base_path);
    base = std::make_unique<Sections>(*base_json, base_path);
  }

  // Finds the section and leaf name of `key` in this file or, failing that, in the base file.
  auto locate = [&](const std::string& key, bool numeric_unit, std::string* leaf) -> JsonParams* {
    const auto [parent, name] = split_parent(key);
    *leaf = name;
    std::string ubase, unit;
    Dim dim = Dim::None;
    const bool has_unit = numeric_unit && JsonParams::split_unit_key(name, &ubase, &dim, &unit);
    for (Sections* s : {&mine, base.get()}) {
      if (!s) continue;
      JsonParams* sec = s->find(parent, false);
      if (!sec) continue;
      if (has_unit ? sec->has(ubase, dim) : sec->has_key(name)) return sec;
    }
    return nullptr;
  };

  for (const auto& p : tco::parameters()) {
    const std::string key(p.key);
    if (is_derived_economics_key(key)) continue;
    std::string leaf;
    JsonParams* sec = locate(key, true, &leaf);
    if (!sec && key == "operations.day_plan.depot_dwell_s") {
      // Older files name the depot window under charging.
      sec = locate("charging.depot_window_s", true, &leaf);
      if (sec) pv.legacy_depot_window = true;
    }
    if (!sec && (optional_numeric_key(key) || is_optional_charging_cost_key(key))) continue;
    if (!sec) throw InputError(mine.root().where(key) + ": missing");
    std::string ubase, unit;
    Dim dim = Dim::None;
    double value;
    // A list by year, bare or as {"value": [...], "source": "..."}.
    const tco::YearListInfo* list = tco::find_year_list(key);
    const nlohmann::json* as_list = nullptr;
    if (list && sec->has_key(leaf)) {
      const nlohmann::json& j = sec->json().at(leaf);
      if (j.is_array()) as_list = &j;
      else if (j.is_object() && j.contains("value") && j.at("value").is_array()) as_list = &j.at("value");
    }
    if (as_list) {
      // One value per year of ownership (its length is checked against ownership_years by tco::validate).
      const nlohmann::json& whole = sec->raw(leaf);
      if (whole.is_object() && whole.contains("source") && whole.at("source").is_string())
        pv.sources[key] = whole.at("source").get<std::string>();
      const nlohmann::json& v = *as_list;
      std::vector<double> values;
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_number()) {
          throw InputError(sec->where(leaf) + "[" + std::to_string(i) + "] = " + quote_json(v[i]) +
                           ": expected a number (a list holds one value per year of ownership)");
        }
        values.push_back(v[i].get<double>());
        if (!p.in_range(values.back())) {
          throw InputError(sec->where(leaf) + "[" + std::to_string(i) + "] = " + tco::format_value(values.back()) +
                           ": " + p.range_text());
        }
      }
      if (values.empty()) throw InputError(sec->where(leaf) + " = []: expected one value per year of ownership");
      *list->field(in) = values;
      p.set(in, values.front());  // the scalar holds year 1 (reports, sensitivity base)
      continue;
    }
    if (JsonParams::split_unit_key(leaf, &ubase, &dim, &unit)) {
      value = from_si(sec->number(ubase, dim), dim, unit);  // the struct holds the unit its name says
      const std::string full = (sec->path().empty() ? "" : sec->path() + ".") + ubase;
      if (sec->units().count(full)) pv.unit_of[key] = sec->units().at(full);
    } else {
      value = sec->number(leaf, Dim::None);
    }
    if (!p.in_range(value)) {
      throw InputError(sec->where(leaf) + " = " + tco::format_value(value) + ": " + p.range_text());
    }
    p.set(in, value);
  }

  for (const auto& x : kExtraKeys) {
    std::string leaf;
    JsonParams* sec = locate(x.key, false, &leaf);
    if (!sec) {
      if (x.required) throw InputError(mine.root().where(x.key) + ": missing");
      continue;
    }
    const nlohmann::json& v = sec->raw(leaf);
    const std::string k = x.key;
    auto bad = [&](const std::string& what) { return InputError(sec->where(leaf) + " = " + quote_json(v) + ": " + what); };
    switch (x.kind) {
      case Kind::Int: {
        const std::string range = "must be a whole number from " + std::to_string(x.lo) + " to " + std::to_string(x.hi);
        const int n = whole_number(v, x.lo, x.hi);
        if (n < x.lo) throw bad(range);
        if (k == "ownership_years") in.ownership_years = n;
        else if (k == "operations.routes_per_day") in.operations.routes_per_day = n;
        else if (k == "electric.economics.loan_term_months") in.electric.economics.loan_term_months = n;
        else if (k == "diesel.economics.loan_term_months") in.diesel.economics.loan_term_months = n;
        else if (k == "electric.economics.battery_replacement_year") in.electric.economics.battery_replacement_year = n;
        else if (k == "diesel.economics.battery_replacement_year") in.diesel.economics.battery_replacement_year = n;
        break;
      }
      case Kind::Bool: {
        if (!v.is_boolean()) throw bad("expected true or false");
        const bool b = v.get<bool>();
        if (k == "operations.hos_break_paid") in.operations.hos_break_paid = b;
        else if (k == "operations.team_drivers") in.operations.team_drivers = b;
        else if (k == "conventions.hvut") in.conventions.hvut = b;
        else if (k == "electric.economics.financed") in.electric.economics.financed = b;
        else in.diesel.economics.financed = b;
        break;
      }
      case Kind::Residual: {
        if (!v.is_string()) throw bad("expected \"fraction_of_price\" or \"declining_balance\"");
        const std::string r = v.get<std::string>();
        tco::ResidualRule rule;
        if (r == "fraction_of_price") rule = tco::ResidualRule::kFractionOfPrice;
        else if (r == "declining_balance") rule = tco::ResidualRule::kDecliningBalance;
        else throw bad("expected \"fraction_of_price\" or \"declining_balance\"");
        (k.starts_with("electric") ? in.electric : in.diesel).economics.residual_rule = rule;
        break;
      }
      case Kind::Utilisation: {
        const char* want = "expected \"annual_miles\" or \"from_route\"";
        if (!v.is_string()) throw bad(want);
        const std::string u = v.get<std::string>();
        if (u == "annual_miles") in.operations.utilisation = tco::Utilisation::kAnnualMiles;
        else if (u == "from_route") in.operations.utilisation = tco::Utilisation::kFromRoute;
        else throw bad(want);
        break;
      }
      case Kind::Automation: {
        const char* want = "expected \"driver\", \"driver_assist\" or \"supervised_driverless\"";
        if (!v.is_string()) throw bad(want);
        const std::string a = v.get<std::string>();
        if (a == "driver") in.operations.automation = tco::Automation::kDriver;
        else if (a == "driver_assist") in.operations.automation = tco::Automation::kDriverAssist;
        else if (a == "supervised_driverless") in.operations.automation = tco::Automation::kSupervisedDriverless;
        else throw bad(want);
        break;
      }
      case Kind::DriverPay: {
        const char* want = "expected \"per_mile\" or \"per_hour\"";
        if (!v.is_string()) throw bad(want);
        const std::string a = v.get<std::string>();
        if (a == "per_mile") in.operations.driver_pay = tco::DriverPay::kPerMile;
        else if (a == "per_hour") in.operations.driver_pay = tco::DriverPay::kPerHour;
        else throw bad(want);
        break;
      }
      case Kind::Choice: {
        const Choice& c = choice_of(k);
        std::string want = "expected";
        for (std::size_t i = 0; i < c.words.size(); ++i)
          want += std::string(i == 0 ? " \"" : i + 1 == c.words.size() ? " or \"" : ", \"") + c.words[i] + "\"";
        if (!v.is_string()) throw bad(want);
        const std::string w = v.get<std::string>();
        int n = -1;
        for (std::size_t i = 0; i < c.words.size(); ++i) {
          if (w == c.words[i]) n = static_cast<int>(i);
        }
        if (n < 0) throw bad(want);
        set_choice(in, k, n);
        break;
      }
      case Kind::Number: {
        // A number, or {"value": number, "source": "..."}.
        const nlohmann::json& n = v.is_object() && v.contains("value") ? v.at("value") : v;
        if (v.is_object() && v.contains("source") && v.at("source").is_string()) pv.sources[k] = v.at("source").get<std::string>();
        if (!n.is_number() || !std::isfinite(n.get<double>()) || !(n.get<double>() > 0.0))
          throw bad("expected a number > 0 (kWh/mi, mpg or a calibration factor, by energy_basis)");
        (k.starts_with("electric") ? in.electric : in.diesel).economics.energy.value = n.get<double>();
        break;
      }
      case Kind::Legs: {
        // [{"distance_mi": 120, "dwell_after_min": 45}, ...]: any length and time unit.
        if (!v.is_array()) throw bad("expected a list of {\"distance_mi\", \"dwell_after_min\"} objects");
        std::vector<tco::DayLeg> legs;
        for (std::size_t i = 0; i < v.size(); ++i) {
          if (!v[i].is_object()) throw bad("expected a list of {\"distance_mi\", \"dwell_after_min\"} objects");
          JsonParams leg(v[i], sec->file(), sec->path() + "." + leaf + "[" + std::to_string(i) + "]");
          tco::DayLeg l;
          l.distance_m = leg.number("distance", Dim::Length, 1e-9, 1e8);
          l.dwell_after_s = leg.number_or("dwell_after", Dim::Time, 0.0, 0.0, 86400.0);
          leg.finish();
          legs.push_back(l);
        }
        in.operations.day_plan.legs = legs;
        break;
      }
      case Kind::List: {
        if (!v.is_array()) throw bad("expected a list of numbers");
        std::vector<double> list;
        for (const auto& e : v) {
          if (!e.is_number()) throw bad("expected a list of numbers");
          list.push_back(e.get<double>());
        }
        if (k == "charging.acceptance.soc_frac") in.charging.acceptance.soc_frac = list;
        else if (k == "charging.acceptance.power_kW") in.charging.acceptance.power_kW = list;
        else in.charging.enroute_charger_positions_m = list;
        break;
      }
    }
  }
  read_charging_cost_keys(in, [&](const std::string& k, std::string* leaf) { return locate(k, false, leaf); });
  mine.finish_all();
  // Sources: the file's own {"value", "source"} objects, else the base file's "sources" table.
  const std::string prefix = section.path().empty() ? "" : section.path() + ".";
  for (const auto& [k, v] : mine.root().sources()) pv.sources[k.starts_with(prefix) ? k.substr(prefix.size()) : k] = v;
  if (base_json && base_json->contains("sources") && (*base_json)["sources"].is_object()) {
    for (const auto& [k, v] : (*base_json)["sources"].items()) {
      if (v.is_string() && !is_derived_economics_key(k) && !pv.sources.count(k)) pv.sources[k] = v.get<std::string>();
    }
  }
  try {
    tco::validate(in);
  } catch (const tco::TcoInputError& e) {
    throw InputError(section.file() + ": " + (section.path().empty() ? "" : section.path() + ".") + e.what());
  }
  return in;
}

nlohmann::ordered_json write_economics(const tco::TcoInputs& in, const EconomicsProvenance& pv) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  if (!pv.base.empty()) out["base"] = pv.base;
  auto slot = [&](const std::string& key) -> nlohmann::ordered_json& {
    nlohmann::ordered_json* node = &out;
    std::string rest = key;
    for (auto dot = rest.find('.'); dot != std::string::npos; dot = rest.find('.')) {
      node = &(*node)[rest.substr(0, dot)];
      rest = rest.substr(dot + 1);
    }
    return (*node)[rest];
  };
  auto put = [&](const std::string& parent_and_leaf, nlohmann::ordered_json value) {
    const auto src = pv.sources.find(parent_and_leaf);
    if (src != pv.sources.end()) {
      nlohmann::ordered_json o;
      o["value"] = value;
      o["source"] = src->second;
      value = o;
    }
    slot(parent_and_leaf) = value;
  };
  for (const auto& p : tco::parameters()) {
    const std::string key(p.key);
    if (is_derived_economics_key(key)) continue;
    const auto [parent, leaf] = split_parent(key);
    std::string ubase, unit;
    Dim dim = Dim::None;
    double value = p.get(in);
    std::string out_key = key;
    const auto u = pv.unit_of.find(key);
    if (u != pv.unit_of.end() && JsonParams::split_unit_key(leaf, &ubase, &dim, &unit) && u->second != unit) {
      value = round_sig(from_si(to_si(value, dim, unit), dim, u->second));
      out_key = (parent.empty() ? "" : parent + ".") + ubase + "_" + u->second;
    }
    const tco::YearListInfo* list = tco::find_year_list(key);
    if (list && !list->field(const_cast<tco::TcoInputs&>(in))->empty()) {
      put(key, *list->field(const_cast<tco::TcoInputs&>(in)));  // by year, in the key's own unit
      continue;
    }
    put(out_key, value);
  }
  slot("ownership_years") = in.ownership_years;
  for (const auto* t : {&in.electric, &in.diesel}) {
    const std::string pre = t == &in.electric ? "electric.economics." : "diesel.economics.";
    slot(pre + "financed") = t->economics.financed;
    slot(pre + "loan_term_months") = t->economics.loan_term_months;
    slot(pre + "residual_rule") = t->economics.residual_rule == tco::ResidualRule::kFractionOfPrice
                                      ? "fraction_of_price"
                                      : "declining_balance";
    slot(pre + "battery_replacement_year") = t->economics.battery_replacement_year;
  }
  slot("operations.utilisation") = tco::utilisation_key(in.operations.utilisation);
  {
    nlohmann::ordered_json legs = nlohmann::ordered_json::array();
    for (const auto& l : in.operations.day_plan.legs) {
      nlohmann::ordered_json o;
      o["distance_mi"] = round_sig(l.distance_m / 1609.344);
      o["dwell_after_min"] = round_sig(l.dwell_after_s / 60.0);
      legs.push_back(o);
    }
    slot("operations.day_plan.legs") = legs;
  }
  slot("operations.team_drivers") = in.operations.team_drivers;
  slot("operations.automation") = tco::automation_key(in.operations.automation);
  slot("operations.driver_pay") = in.operations.driver_pay == tco::DriverPay::kPerMile ? "per_mile" : "per_hour";
  slot("operations.routes_per_day") = in.operations.routes_per_day;
  slot("operations.hos_break_paid") = in.operations.hos_break_paid;
  slot("charging.acceptance.soc_frac") = in.charging.acceptance.soc_frac;
  slot("charging.acceptance.power_kW") = in.charging.acceptance.power_kW;
  if (!in.charging.enroute_charger_positions_m.empty()) {
    slot("charging.enroute_charger_positions_m") = in.charging.enroute_charger_positions_m;
  }
  // Conventions and measured energy only when not the defaults, so older files save as they were.
  for (const auto& c : kChoices) {
    const int n = get_choice(in, c.key);
    if (n != 0) slot(c.key) = c.words[static_cast<std::size_t>(n)];
  }
  if (!in.conventions.hvut) slot("conventions.hvut") = false;
  for (const auto* t : {&in.electric, &in.diesel}) {
    if (t->economics.energy.basis != tco::EnergyBasis::kSimulated)
      put(std::string(t == &in.electric ? "electric" : "diesel") + ".economics.energy_value", t->economics.energy.value);
  }
  write_charging_cost_keys(in, slot);
  return out;
}

}  // namespace semitco::core
