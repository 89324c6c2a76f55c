// Scenario economics section: required keys, units, refusals naming key and value, and round trips.
#include <catch2/catch.hpp>

#include <string>

#include "app/core/economics_file.hpp"
#include "tco/inputs.hpp"

using namespace semitco;
using core::InputError;

namespace {
const std::string kEconomicsDir = std::string(SEMITCO_SOURCE_DIR) + "/resources/scenarios";

tco::TcoInputs read(const nlohmann::json& section, core::EconomicsProvenance* pv = nullptr) {
  const nlohmann::json root = {{"economics", section}};
  core::JsonParams r(root, "test.json");
  auto sec = r.object("economics");
  return core::read_economics(sec, kEconomicsDir, pv);
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
