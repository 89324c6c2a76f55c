// libFuzzer target: arbitrary bytes as a scenario file (semitco::core::scenario_from_json). The file
// is placed in resources/scenarios/, so references such as "../vehicles/electric_semi.json" and an
// economics "base" resolve to the bundled files.
#include "app/core/scenario.hpp"
#include "fuzz_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = semitco::core::resources_dir() + "/scenarios/fuzz.json";
  return semitco_fuzz_loader(data, size, [](const nlohmann::json& j) { (void)semitco::core::scenario_from_json(j, path); });
}
