// The scenario's "uncertainty" section: the Monte Carlo's ranges come from the file (read by the one
// loader, written back on save), an unknown key or a bad range is refused with file, key and value, and
// the distributions are the section's multipliers of the scenario's values.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/core/comparison_report.hpp"
#include "app/core/scenario.hpp"
#include "app/core/uncertainty_file.hpp"
#include "test_batch_util.hpp"

using namespace semitco;

namespace {
nlohmann::json default_json() {
  std::ifstream in(core::default_scenario_path());
  auto j = nlohmann::json::parse(in, nullptr, true, true);
  const std::string res = core::resources_dir();
  // Absolute references: the copy lives in a temporary folder.
  j["route"] = res + "/routes/" + j["route"].get<std::string>().substr(j["route"].get<std::string>().rfind('/') + 1);
  for (const char* k : {"electric_vehicle", "diesel_vehicle"}) {
    if (j[k].is_string()) j[k] = res + "/vehicles/" + j[k].get<std::string>().substr(j[k].get<std::string>().rfind('/') + 1);
  }
  if (j["economics"].contains("base")) j["economics"]["base"] = res + "/economics/defaults.json";
  return j;
}
}  // namespace

TEST_CASE("uncertainty section: ranges from the scenario, written back, refused when wrong", "[core][uncertainty]") {
  batch_test::TempDir dir("uncertainty");
  auto j = default_json();
  const auto plain = core::load_scenario(core::default_scenario_path());
  CHECK_FALSE(plain.uncertainty_in_file);
  CHECK(plain.uncertainty.size() == core::default_uncertain_ranges().size());

  j["uncertainty"] = {{"prices.diesel_price_usd_per_gal", {{"low_frac", 0.5}, {"high_frac", 2.0}, {"source", "test"}}}};
  const auto path = (dir.path / "u.json").string();
  std::ofstream(path) << j.dump(2);
  auto s = core::load_scenario(path);
  REQUIRE(s.uncertainty.size() == 1);
  CHECK(s.uncertainty[0].key == "prices.diesel_price_usd_per_gal");
  CHECK(s.uncertainty[0].low_frac == 0.5);
  CHECK(s.uncertainty[0].high_frac == 2.0);
  // Triangular around the scenario's diesel price b: (0.5 b, b, 2 b).
  const double b = s.economics.prices.diesel_price_usd_per_gal;
  const auto inputs = core::uncertain_inputs(s.economics, s.uncertainty);
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].distribution.a == Approx(0.5 * b));
  CHECK(inputs[0].distribution.b == Approx(b));
  CHECK(inputs[0].distribution.c == Approx(2.0 * b));

  // Saved and read again: the same section.
  const auto again_path = (dir.path / "again.json").string();
  core::save_scenario(s, again_path);
  const auto again = core::load_scenario(again_path);
  REQUIRE(again.uncertainty.size() == 1);
  CHECK(again.uncertainty[0].high_frac == 2.0);
  CHECK(again.uncertainty[0].source == "test");

  // Nonsense is refused with the key and value.
  auto bad = j;
  bad["uncertainty"] = {{"prices.no_such_price", {{"low_frac", 0.5}, {"high_frac", 2.0}}}};
  std::ofstream(dir.path / "bad_key.json") << bad.dump(2);
  CHECK_THROWS_WITH(core::load_scenario((dir.path / "bad_key.json").string()), Catch::Contains("uncertainty.prices.no_such_price"));
  bad["uncertainty"] = {{"prices.diesel_price_usd_per_gal", {{"low_frac", 1.5}, {"high_frac", 2.0}}}};
  std::ofstream(dir.path / "bad_low.json") << bad.dump(2);
  CHECK_THROWS_WITH(core::load_scenario((dir.path / "bad_low.json").string()), Catch::Contains("low_frac"));
}

TEST_CASE("uncertainty: the default ranges are the documented multipliers", "[core][uncertainty]") {
  tco::TcoInputs in = tco::default_inputs();
  const auto inputs = core::default_uncertain_inputs(in);
  REQUIRE(!inputs.empty());
  CHECK(inputs[0].key == "prices.diesel_price_usd_per_gal");
  CHECK(inputs[0].distribution.a == Approx(0.75 * in.prices.diesel_price_usd_per_gal));
  CHECK(inputs[0].distribution.c == Approx(1.40 * in.prices.diesel_price_usd_per_gal));
}
