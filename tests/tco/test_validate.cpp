// Bad input is refused with the key and the value named; defaults are valid and match the resource file.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "hand_inputs.hpp"
#include "tco/cost_model.hpp"
#include "tco/parameters.hpp"

using namespace semitco::tco;
using Catch::Contains;
using semitco::tco::test::hand_inputs;

TEST_CASE("default and hand inputs are valid", "[validate]") {
  CHECK_NOTHROW(validate(default_inputs()));
  CHECK_NOTHROW(validate(hand_inputs()));
}

TEST_CASE("negative price refused with key and value", "[validate]") {
  TcoInputs in = hand_inputs();
  in.prices.diesel_price_usd_per_gal = -1.0;
  CHECK_THROWS_AS(validate(in), TcoInputError);
  CHECK_THROWS_WITH(validate(in), Contains("prices.diesel_price_usd_per_gal = -1") && Contains(">= 0"));
  TcoInputs p = hand_inputs();
  p.electric.economics.purchase_price_usd = -5.0;
  CHECK_THROWS_WITH(compare(p), Contains("electric.economics.purchase_price_usd = -5"));
}

TEST_CASE("zero payload refused with key and value", "[validate]") {
  TcoInputs in = hand_inputs();
  in.operations.payload_desired_kg = 0.0;
  CHECK_THROWS_WITH(validate(in), Contains("operations.payload_desired_kg = 0"));
  // A tare that leaves no room under the gross limit is named too.
  TcoInputs t = hand_inputs();
  t.diesel.economics.tare_kg = 40000.0;
  CHECK_THROWS_WITH(validate(t),
                    Contains("diesel.economics.tare_kg = 40000") && Contains("gross_weight_limit_kg"));
}

TEST_CASE("financing term longer than ownership refused", "[validate]") {
  TcoInputs in = hand_inputs();  // 3 years
  in.electric.economics.financed = true;
  in.electric.economics.loan_term_months = 60;
  CHECK_THROWS_WITH(validate(in), Contains("electric.economics.loan_term_months = 60") && Contains("36"));
  in.electric.economics.financed = false;  // paid cash: the term is not used
  CHECK_NOTHROW(validate(in));
}

TEST_CASE("other refusals name their key", "[validate]") {
  auto message = [](TcoInputs in) {
    try {
      validate(in);
    } catch (const TcoInputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  TcoInputs a = hand_inputs();
  a.ownership_years = 0;
  CHECK_THAT(message(a), Contains("ownership_years = 0"));
  TcoInputs b = hand_inputs();
  b.electric.trip.feasible = false;
  b.electric.trip.infeasible_reason = "cannot hold 5 % grade";
  CHECK_THAT(message(b), Contains("electric.trip.feasible = false") && Contains("5 % grade"));
  TcoInputs c = hand_inputs();
  c.electric.trip.usable_battery_J = 0.0;
  CHECK_THAT(message(c), Contains("electric.trip.usable_battery_J = 0"));
  TcoInputs d = hand_inputs();
  d.diesel.trip.fuel_L = 0.0;
  CHECK_THAT(message(d), Contains("diesel.trip.fuel_L = 0"));
  TcoInputs e = hand_inputs();
  e.prices.electricity_price_usd_per_kWh = std::nan("");
  CHECK_THAT(message(e), Contains("prices.electricity_price_usd_per_kWh = nan"));
  TcoInputs f = hand_inputs();
  f.charging.acceptance.power_kW = {100.0};
  CHECK_THAT(message(f), Contains("charging.acceptance.soc_frac"));
  TcoInputs g = hand_inputs();
  g.charging.enroute_charger_positions_m = {1e9};
  CHECK_THAT(message(g), Contains("charging.enroute_charger_positions_m[0] = 1000000000"));
  TcoInputs h = hand_inputs();
  h.electric.economics.incentives_usd = 1e7;
  CHECK_THAT(message(h), Contains("electric.economics.incentives_usd = 10000000"));
  TcoInputs i = hand_inputs();
  i.electric.economics.battery_replacement_year = 3;
  CHECK_THAT(message(i), Contains("electric.economics.battery_replacement_year = 3"));
  TcoInputs j = hand_inputs();
  j.electric.trip.driving_time_s = 1e5;
  CHECK_THAT(message(j), Contains("electric.trip.driving_time_s = 100000"));
  CHECK_THROWS_WITH(find_parameter("prices.diesel_price"),
                    Contains("unknown input key 'prices.diesel_price'"));
}

TEST_CASE("resources/economics/defaults.json matches default_inputs() and cites a source for every value",
          "[validate][defaults]") {
  std::ifstream f(std::string(SEMITCO_SOURCE_DIR) + "/resources/economics/defaults.json");
  REQUIRE(f.good());
  const nlohmann::json j = nlohmann::json::parse(f);
  const TcoInputs in = default_inputs();
  const auto& sources = j.at("sources");
  for (const ParameterInfo& p : parameters()) {
    const std::string key(p.key);
    INFO(key);
    const nlohmann::json* node = &j;
    std::stringstream path(key);
    std::string part;
    while (std::getline(path, part, '.')) node = &node->at(part);
    CHECK(node->get<double>() == Approx(p.get(in)).epsilon(1e-9).margin(1e-12));
    CHECK(sources.contains(key));
  }
  CHECK(j.at("ownership_years").get<int>() == in.ownership_years);
  CHECK(j.at("operations").at("routes_per_day").get<int>() == in.operations.routes_per_day);
  const auto& ops = j.at("operations");
  CHECK(ops.at("utilisation").get<std::string>() == "annual_miles");
  CHECK(in.operations.utilisation == Utilisation::kAnnualMiles);
  CHECK(ops.at("day_plan").at("legs").empty());
  CHECK(in.operations.day_plan.legs.empty());
  CHECK(ops.at("team_drivers").get<bool>() == in.operations.team_drivers);
  CHECK(ops.at("automation").get<std::string>() == "driver");
  CHECK(in.operations.automation == Automation::kDriver);
  for (const char* k : {"operations.utilisation", "operations.day_plan.legs", "operations.team_drivers",
                        "operations.automation"}) {
    INFO(k);
    CHECK(sources.contains(k));
  }
  CHECK(j.at("electric").at("economics").at("loan_term_months").get<int>() ==
        in.electric.economics.loan_term_months);
  CHECK(j.at("charging").at("acceptance").at("soc_frac").get<std::vector<double>>() ==
        in.charging.acceptance.soc_frac);
  CHECK(j.at("charging").at("acceptance").at("power_kW").get<std::vector<double>>() ==
        in.charging.acceptance.power_kW);
}
