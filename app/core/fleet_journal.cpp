// The fleet journal: see fleet_journal.hpp. Only what the fleet prices a day from is kept: each truck's
// tco::TripSummary, tare, payload and energy per mile.
#include "app/core/fleet_journal.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/core/batch_rows.hpp"
#include "app/core/fleet.hpp"
#include "app/core/text.hpp"

namespace semitco::core::fleet_journal {
namespace {
using nlohmann::json;
constexpr int kVersion = 1;

json truck_json(const TruckOutcome& t) {
  const tco::TripSummary& s = t.summary;
  return json{{"distance_m", s.distance_m},
              {"duration_s", s.duration_s},
              {"driving_time_s", s.driving_time_s},
              {"energy_from_source_J", s.energy_from_source_J},
              {"battery_energy_out_J", s.battery_energy_out_J},
              {"battery_energy_in_J", s.battery_energy_in_J},
              {"start_soc_frac", s.start_soc_frac},
              {"min_soc_frac", s.min_soc_frac},
              {"usable_battery_J", s.usable_battery_J},
              {"fuel_kg", s.fuel_kg},
              {"fuel_L", s.fuel_L},
              {"def_L", s.def_L},
              {"co2_kg", s.co2_kg},
              {"feasible", s.feasible},
              {"infeasible_reason", s.infeasible_reason},
              {"payload_kg", t.payload_kg},
              {"tare_kg", t.tare_kg},
              {"energy_kWh_per_mi", t.energy_kWh_per_mi},
              {"mpg", t.mpg},
              {"trip_distance_m", t.trip.summary.distance_m}};
}

void truck_from(const json& j, TruckOutcome& t) {
  tco::TripSummary& s = t.summary;
  s.distance_m = j.at("distance_m");
  s.duration_s = j.at("duration_s");
  s.driving_time_s = j.at("driving_time_s");
  s.energy_from_source_J = j.at("energy_from_source_J");
  s.battery_energy_out_J = j.at("battery_energy_out_J");
  s.battery_energy_in_J = j.at("battery_energy_in_J");
  s.start_soc_frac = j.at("start_soc_frac");
  s.min_soc_frac = j.at("min_soc_frac");
  s.usable_battery_J = j.at("usable_battery_J");
  s.fuel_kg = j.at("fuel_kg");
  s.fuel_L = j.at("fuel_L");
  s.def_L = j.at("def_L");
  s.co2_kg = j.at("co2_kg");
  s.feasible = j.at("feasible");
  s.infeasible_reason = j.at("infeasible_reason");
  t.payload_kg = j.at("payload_kg");
  t.tare_kg = j.at("tare_kg");
  t.energy_kWh_per_mi = j.at("energy_kWh_per_mi");
  t.mpg = j.at("mpg");
  t.co2_kg = s.co2_kg;
  t.trip.summary.distance_m = j.at("trip_distance_m");
}
}  // namespace

std::string path_for(const std::string& out) { return out + ".partial.jsonl"; }

std::string header(const FleetOptions& o, const std::string& scenario_path) {
  std::error_code ec;
  const auto dir = std::filesystem::weakly_canonical(o.dir, ec).string();
  return json{{"semitco_fleet_journal", kVersion},
              {"dir", dir.empty() ? o.dir : dir},
              {"scenario", scenario_path},
              {"scenario_content", batch::content_hash_of_file(scenario_path)},
              {"pattern", o.pattern},
              {"format", o.route_format},
              {"integrator", o.integrator},
              {"strict", o.route_input.strict},
              {"dem", o.route_input.dem_path},
              {"dem_check", o.route_input.dem_check_only},
              {"gap_stop", o.route_input.gaps_as_stops},
              {"gap_split", o.route_input.gaps_split}}
      .dump();
}

std::string entry_line(const std::string& hash, const Simulated& s) {
  json reps = json::array();
  for (const routes::Repair& r : s.repairs)
    reps.push_back({static_cast<int>(r.kind), r.count, r.first_line, r.first_place, r.first_value});
  json j{{"content", hash}, {"trips", s.trip_count}, {"error", s.error}, {"repairs", reps}};
  if (s.trips) {
    j["electric"] = truck_json(s.trips->electric);
    j["diesel"] = truck_json(s.trips->diesel);
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::map<std::string, Simulated> read(const std::string& path, const std::string& expected_header) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError("--resume: no journal " + printable(path) +
                     " (nothing to resume: run without --resume)");
  std::string line;
  std::getline(in, line);
  const json want = json::parse(expected_header);
  json got = json::parse(line, nullptr, false);
  if (got.is_discarded() || !got.is_object() || !got.contains("semitco_fleet_journal"))
    throw InputError("--resume: " + printable(path) + ":1: not a semitco fleet journal");
  for (const auto& [key, value] : want.items()) {
    if (!got.contains(key) || got[key] != value)
      throw InputError("--resume: " + printable(path) + " belongs to another fleet run: " + key + " is " +
                       printable(got.contains(key) ? got[key].dump() : "missing") + " there, " +
                       printable(value.dump()) + " now (run without --resume to start again)");
  }
  std::map<std::string, Simulated> out;
  std::size_t n = 1;
  while (std::getline(in, line)) {
    ++n;
    const json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) {
      if (in.peek() == std::char_traits<char>::eof()) break;  // the last line, cut short by a kill
      throw InputError("--resume: " + printable(path) + ":" + std::to_string(n) + ": not a journal entry");
    }
    try {
      Simulated s;
      s.trip_count = j.at("trips");
      s.error = j.at("error");
      for (const json& r : j.at("repairs")) {
        const int kind = r.at(0);
        if (kind < 0 || kind > static_cast<int>(routes::RepairKind::MillisecondTime))
          throw std::out_of_range("repair kind");
        s.repairs.push_back(
            routes::Repair{static_cast<routes::RepairKind>(kind), r.at(1), r.at(2), r.at(3), r.at(4)});
      }
      if (j.contains("electric")) {
        auto c = std::make_shared<ComparisonResult>();
        truck_from(j.at("electric"), c->electric);
        truck_from(j.at("diesel"), c->diesel);
        s.trips = std::move(c);
      }
      out[j.at("content")] = std::move(s);
    } catch (const nlohmann::json::exception& e) {
      throw InputError("--resume: " + printable(path) + ":" + std::to_string(n) + ": not a journal entry (" +
                       e.what() + ")");
    } catch (const std::out_of_range& e) {
      throw InputError("--resume: " + printable(path) + ":" + std::to_string(n) + ": not a journal entry (" +
                       e.what() + ")");
    }
  }
  return out;
}

}  // namespace semitco::core::fleet_journal
