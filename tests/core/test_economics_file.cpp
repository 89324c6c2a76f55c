// Scenario economics section: required keys, units, refusals naming key and value, and round trips.
#include <catch2/catch.hpp>

#include <string>

#include "app/core/economics_file.hpp"
#include "economics_support.hpp"
#include "tco/cost_model.hpp"
#include "tco/inputs.hpp"

using namespace semitco;
using core::InputError;

namespace {

tco::TcoInputs read(const nlohmann::json& section, core::EconomicsProvenance* pv = nullptr) {
  return test::read_economics_section(section, pv);
}

nlohmann::json with_base(nlohmann::json overrides = nlohmann::json::object()) {
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
}  // namespace

TEST_CASE("economics from the bundled defaults match tco::default_inputs()", "[core][economics]") {
  const auto in = read(with_base());
  const auto d = tco::default_inputs();
  CHECK(in.prices.diesel_price_usd_per_gal == d.prices.diesel_price_usd_per_gal);
  CHECK(in.electric.economics.purchase_price_usd == d.electric.economics.purchase_price_usd);
  CHECK(in.operations.routes_per_day == d.operations.routes_per_day);
  CHECK(in.charging.acceptance.power_kW == d.charging.acceptance.power_kW);
}

TEST_CASE("a key may use any unit of its kind", "[core][economics]") {
  const auto in = read(with_base({{"operations", {{"payload_desired_lb", 40000}}}}));
  CHECK(in.operations.payload_desired_kg == Approx(40000 * 0.45359237));
  const auto in2 = read(with_base({{"discount_rate_pct", 5}}));
  CHECK(in2.discount_rate_frac == Approx(0.05));
}

TEST_CASE("bad economics are refused with key and value named", "[core][economics]") {
  CHECK_THAT(message_of(with_base({{"prices", {{"diesel_price_usd_per_gal", -1}}}})),
             Catch::Contains("prices.diesel_price_usd_per_gal") && Catch::Contains("-1"));
  CHECK_THAT(message_of(with_base({{"operations", {{"payload_desired_kg", 0}}}})),
             Catch::Contains("payload_desired_kg") && Catch::Contains("0"));
  CHECK_THAT(message_of(with_base({{"ownership_years", 3}, {"electric", {{"economics", {{"loan_term_months", 60}}}}}})),
             Catch::Contains("loan_term_months") && Catch::Contains("60"));
  CHECK_THAT(message_of(with_base({{"prices", {{"diesel_price_usd_per_gallon", 4}}}})),
             Catch::Contains("diesel_price_usd_per_gallon") && Catch::Contains("unknown key"));
  CHECK_THAT(message_of(with_base({{"operations", {{"routes_per_day", 1.5}}}})),
             Catch::Contains("routes_per_day") && Catch::Contains("1.5"));
  // Without a base every input is required: the first missing key is named.
  CHECK_THAT(message_of({{"ownership_years", 7}}), Catch::Contains("missing"));
}

TEST_CASE("economics written and read back are equal, and writing twice gives the same text", "[core][economics]") {
  core::EconomicsProvenance pv;
  const auto in = read(with_base({{"operations", {{"payload_desired_lb", 41000}}}}), &pv);
  pv.base.clear();  // written out in full
  const auto text1 = core::write_economics(in, pv).dump(2);
  core::EconomicsProvenance pv2;
  const auto back = read(nlohmann::json::parse(text1), &pv2);
  CHECK(back.operations.payload_desired_kg == Approx(in.operations.payload_desired_kg).epsilon(1e-12));
  CHECK(back.prices.electricity_price_usd_per_kWh == in.prices.electricity_price_usd_per_kWh);
  CHECK(core::write_economics(back, pv2).dump(2) == text1);
  CHECK(text1.find("payload_desired_lb") != std::string::npos);
  CHECK(text1.find("\"source\"") != std::string::npos);  // sources travel with the values
}

TEST_CASE("the day plan, utilisation and automation are read from the operations section", "[core][economics]") {
  const auto in = read(with_base(
      {{"operations",
        {{"annual_miles", 40000},
         {"operating_days_per_yr", 0},
         {"utilisation", "annual_miles"},
         {"team_drivers", true},
         {"automation", "driver_assist"},
         {"driver_assist_driver_cost_change_pct", -5},
         {"day_plan",
          {{"depot_dwell_h", 9}, {"legs", {{{"distance_mi", 120}, {"dwell_after_min", 45}}, {{"distance_km", 100}}}}}}}}}));
  REQUIRE(in.operations.day_plan.legs.size() == 2);
  CHECK(in.operations.day_plan.legs[0].distance_m == Approx(120 * 1609.344));
  CHECK(in.operations.day_plan.legs[0].dwell_after_s == Approx(45 * 60.0));
  CHECK(in.operations.day_plan.legs[1].distance_m == Approx(100000.0));
  CHECK(in.operations.day_plan.legs[1].dwell_after_s == 0.0);
  CHECK(in.operations.day_plan.depot_dwell_s == Approx(9 * 3600.0));
  CHECK(in.operations.annual_miles == 40000.0);
  CHECK(in.operations.team_drivers);
  CHECK(in.operations.automation == tco::Automation::kDriverAssist);
  CHECK(in.operations.driver_assist_driver_cost_change_frac == Approx(-0.05));
  // Written and read back: the same plan.
  core::EconomicsProvenance pv;
  const auto text = core::write_economics(in, pv).dump(2);
  const auto back = read(nlohmann::json::parse(text));
  REQUIRE(back.operations.day_plan.legs.size() == 2);
  CHECK(back.operations.day_plan.legs[1].distance_m == Approx(100000.0).epsilon(1e-9));
  CHECK(back.operations.automation == tco::Automation::kDriverAssist);

  CHECK_THAT(message_of(with_base({{"operations", {{"utilisation", "weekly"}}}})),
             Catch::Contains("operations.utilisation") && Catch::Contains("weekly") &&
                 Catch::Contains("from_route"));
  CHECK_THAT(message_of(with_base({{"operations", {{"automation", "robot"}}}})),
             Catch::Contains("operations.automation") && Catch::Contains("robot"));
  CHECK_THAT(message_of(with_base({{"operations", {{"day_plan", {{"legs", {{{"distance_mi", 100}, {"wait_min", 5}}}}}}}}})),
             Catch::Contains("wait_min") && Catch::Contains("unknown"));
  // Legs that disagree with the operating days: the three keys named.
  CHECK_THAT(message_of(with_base({{"operations", {{"day_plan", {{"legs", {{{"distance_mi", 300}}}}}}}}})),  // 333 days, not 250
             Catch::Contains("operations.annual_miles") && Catch::Contains("operations.day_plan.legs") &&
                 Catch::Contains("operations.operating_days_per_yr"));
}

TEST_CASE("an old-style scenario (routes_per_day, utilisation from_route, depot_window_s) still gives the old numbers",
          "[core][economics]") {
  // The defaults written out in full, then turned into the form files had before the day plan.
  core::EconomicsProvenance pv;
  nlohmann::json old = nlohmann::json::parse(core::write_economics(read(with_base()), pv).dump());
  auto& ops = old["operations"];
  for (const char* k : {"annual_miles", "day_plan", "team_drivers", "automation", "driver_assist_driver_cost_change_frac",
                        "remote_supervision_usd_per_h", "driverless_max_operating_h_per_day", "utilisation"}) {
    ops.erase(k);
  }
  old["charging"]["depot_window_h"] = 9;
  const auto plain = read(old);  // no utilisation key: the new default, annual miles
  CHECK(plain.operations.utilisation == tco::Utilisation::kAnnualMiles);
  CHECK(plain.operations.day_plan.depot_dwell_s == Approx(9 * 3600.0));

  ops["utilisation"] = "from_route";
  ops["routes_per_day"] = 2;
  const auto in = read(old);
  CHECK(in.operations.utilisation == tco::Utilisation::kFromRoute);
  const auto c = tco::compare(in);
  // Old rule by hand: the 225-mile default run x 2 a day x 250 days = 112,500 mi; diesel 225 / 7 gal a run.
  CHECK(c.diesel.quantities.miles_per_yr == Approx(112500.0));
  const auto& fuel = c.diesel.ledger[1].usd[static_cast<std::size_t>(tco::CostLine::kDieselFuel)];
  CHECK(fuel == Approx(225.0 / 7.0 * 500.0 * 3.70));
}

TEST_CASE("whole-number keys are range-checked as integers: no wrap-around, no truncation", "[core][economics]") {
  // Each of these used to be read through a 32-bit int: 4294967298 became 2, 4294967356 became 60 and
  // -4294967289 became 7, the defaults, so the output did not change and nothing was said.
  CHECK_THAT(message_of(with_base({{"operations", {{"routes_per_day", 4294967298LL}}}})),
             Catch::Contains("operations.routes_per_day = 4294967298") &&
                 Catch::Contains("must be a whole number from 1 to 50"));
  CHECK_THAT(message_of(with_base({{"electric", {{"economics", {{"loan_term_months", 4294967356LL}}}}}})),
             Catch::Contains("electric.economics.loan_term_months = 4294967356") &&
                 Catch::Contains("from 1 to 360"));
  CHECK_THAT(message_of(with_base({{"ownership_years", -4294967289LL}})),
             Catch::Contains("ownership_years = -4294967289") && Catch::Contains("from 1 to 30"));
  CHECK_THAT(message_of(with_base({{"ownership_years", 18446744073709551615ULL}})),
             Catch::Contains("18446744073709551615"));
  CHECK_THAT(message_of(with_base({{"diesel", {{"economics", {{"loan_term_months", 2.5}}}}}})),
             Catch::Contains("diesel.economics.loan_term_months = 2.5") && Catch::Contains("whole number"));
  CHECK_THAT(message_of(with_base({{"operations", {{"routes_per_day", "2"}}}})), Catch::Contains("whole number"));
  // A whole number written with a decimal point is the same number.
  CHECK(read(with_base({{"electric", {{"economics", {{"loan_term_months", 48.0}}}}}})).electric.economics.loan_term_months ==
        48);
  CHECK(read(with_base({{"operations", {{"routes_per_day", 3}}}})).operations.routes_per_day == 3);
}
