// The depot charging-cost keys of the economics section (app/core/charging_cost_file.hpp): read, written
// back and read again the same, refused with the key, and the bundled verdict scenarios side by side.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "app/core/economics_file.hpp"
#include "economics_support.hpp"
#include "app/core/scenario.hpp"
#include "app/core/scenario_side_by_side.hpp"
#include "tco/cost_model.hpp"

using namespace semitco;
using core::InputError;

namespace {
const std::string& kScenarios = test::kScenariosDir;

tco::TcoInputs read(const nlohmann::json& section, core::EconomicsProvenance* pv = nullptr) {
  return test::read_economics_section(section, pv);
}

nlohmann::json with_base(nlohmann::json overrides) {
  overrides["base"] = "../economics/defaults.json";
  return overrides;
}

std::string message_of(const nlohmann::json& section) {
  try {
    read(section);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

// The built CLI run from the source folder: exit code and output.
std::pair<int, std::string> run_cli(const std::string& args) {
  const char* dir = std::getenv("SEMITCO_BIN_DIR");
  const std::string cmd = "cd '" + std::string(SEMITCO_SOURCE_DIR) + "' && '" + std::string(dir ? dir : ".") +
                          "/app/semitco' " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), p)) out += buf.data();
  const int status = ::pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

const nlohmann::json kCharging = {
    {"charger_capital", "cash"},
    {"charger_life_yr", 15},
    {"charger_salvage_frac", 0.1},
    {"depot_charging", "managed"},
    {"depot_arrival_min", 1170},  // any time unit: 19:30
    {"tou",
     {{"weekday",
       {{{"start_h", 21}, {"end_h", 6}, {"price_usd_per_kWh", 0.08}},
        {{"start_h", 6}, {"end_h", 21}, {"price_usd_per_kWh", {{"value", 0.2}, {"source", "a tariff"}}}}}},
      {"weekend", {{{"start_h", 0}, {"end_h", 24}, {"price_usd_per_kWh", 0.07}}}}}}};
}  // namespace

TEST_CASE("charging cost keys: read, written and read back the same", "[core][charging_cost]") {
  core::EconomicsProvenance pv;
  const tco::TcoInputs in = read(with_base({{"charging", kCharging}}), &pv);
  CHECK(in.charging.charger_capital == tco::ChargerCapital::kCash);
  CHECK(in.charging.charger_life_yr == 15.0);
  CHECK(in.charging.charger_salvage_frac == 0.1);
  CHECK(in.charging.depot_charging == tco::DepotCharging::kManaged);
  CHECK(in.charging.depot_arrival_h == Approx(19.5));
  REQUIRE(in.charging.tou_weekday.size() == 2);
  CHECK(in.charging.tou_weekday[0].start_h == 21.0);
  CHECK(in.charging.tou_weekday[1].price_usd_per_kWh == 0.2);
  REQUIRE(in.charging.tou_weekend.size() == 1);

  const nlohmann::json written = core::write_economics(in, pv);
  const tco::TcoInputs again = read(written);
  CHECK(again.charging.charger_capital == in.charging.charger_capital);
  CHECK(again.charging.depot_charging == in.charging.depot_charging);
  CHECK(again.charging.depot_arrival_h == Approx(19.5));
  CHECK(again.charging.tou_weekday.size() == 2);
  CHECK(again.charging.tou_weekend[0].price_usd_per_kWh == 0.07);
  CHECK(tco::compare(again).electric.npv_usd == Approx(tco::compare(in).electric.npv_usd));
}

TEST_CASE("older files without the keys get the defaults", "[core][charging_cost]") {
  const tco::TcoInputs in = read(with_base(nlohmann::json::object()));
  const tco::TcoInputs d = tco::default_inputs();
  CHECK(in.charging.charger_capital == d.charging.charger_capital);
  CHECK(in.charging.charger_life_yr == d.charging.charger_life_yr);
  CHECK(in.charging.depot_charging == d.charging.depot_charging);
  CHECK(in.charging.tou_weekday.empty());
}

TEST_CASE("bad charging cost keys are refused with the key and value", "[core][charging_cost]") {
  CHECK_THAT(message_of(with_base({{"charging", {{"charger_capital", "lease"}}}})),
             Catch::Contains("charging.charger_capital") && Catch::Contains("lease"));
  CHECK_THAT(message_of(with_base({{"charging", {{"depot_charging", true}}}})),
             Catch::Contains("charging.depot_charging"));
  CHECK_THAT(message_of(with_base({{"charging", {{"charger_life_yr", 0}}}})),
             Catch::Contains("charger_life_yr") && Catch::Contains("0"));
  CHECK_THAT(message_of(with_base({{"charging", {{"tou", {{"weekday", {{{"start_h", 0}, {"end_h", 20}, {"price_usd_per_kWh", 0.1}}}}}}}}})),
             Catch::Contains("charging.tou.weekday") && Catch::Contains("cover"));
  CHECK_THAT(message_of(with_base({{"charging", {{"tou", {{"weekday", 3}}}}}})), Catch::Contains("charging.tou.weekday"));
  CHECK_THAT(message_of(with_base({{"charging", {{"tou", {{"saturday", 3}}}}}})), Catch::Contains("saturday"));
}

TEST_CASE("the three bundled verdict scenarios load with a source for every value they set", "[core][charging_cost]") {
  for (const char* name : {"market_medians_icct", "tesla_semi_maker_claims", "nacfe_run_on_less_measured"}) {
    INFO(name);
    const core::Scenario s = core::load_scenario(kScenarios + "/verdicts/" + name + ".json");
    const nlohmann::json j = nlohmann::json::parse(std::ifstream(kScenarios + "/verdicts/" + name + ".json"));
    // Every number the scenario sets itself is written {"value", "source"} (a period's clock hours are its
    // price's: the price carries the source).
    std::function<void(const nlohmann::json&, const std::string&)> walk = [&](const nlohmann::json& v, const std::string& at) {
      if (v.is_number() && !at.ends_with("start_h") && !at.ends_with("end_h")) FAIL_CHECK(at << " has no source");
      if (v.is_object() && v.contains("value")) {
        CHECK(v.contains("source"));
        return;
      }
      if (v.is_object() || v.is_array())
        for (auto it = v.begin(); it != v.end(); ++it) walk(*it, at + "." + (v.is_object() ? it.key() : "[]"));
    };
    walk(j.at("economics"), "economics");
  }
}

TEST_CASE("semitco tco -s A -s B -s C puts the verdict scenarios side by side with what differs",
          "[core][charging_cost][cli]") {
  const std::string v = "resources/scenarios/verdicts/";
  const auto [code, out] = run_cli("tco -s " + v + "market_medians_icct.json -s " + v +
                                   "tesla_semi_maker_claims.json -s " + v + "nacfe_run_on_less_measured.json");
  INFO(out);
  CHECK(code == 0);
  CHECK_THAT(out, Catch::Contains("scenarios side by side") && Catch::Contains("delivered electricity [$/kWh]") &&
                      Catch::Contains("what differs between them") && Catch::Contains("charging.depot_charging") &&
                      Catch::Contains("charging.tou.weekday"));
  // ICCT's all-in $0.20/kWh (the file's figure) is the whole delivered cost: nothing on top.
  CHECK_THAT(out, Catch::Contains("energy        $0.2000/kWh") && Catch::Contains("total         $0.2000/kWh"));
  // One scenario alone prints the breakdown without the side-by-side table.
  const auto [code1, one] = run_cli("tco -s " + v + "nacfe_run_on_less_measured.json");
  CHECK(code1 == 0);
  CHECK_THAT(one, Catch::Contains("delivered electricity at the depot") && !Catch::Contains("side by side"));
}
