// libFuzzer target: arbitrary bytes as the economics section of a scenario (read_economics), with
// resources/scenarios/ as the folder a "base" file is resolved against.
#include "app/core/economics_file.hpp"
#include "app/core/scenario.hpp"
#include "fuzz_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string dir = semitco::core::resources_dir() + "/scenarios";
  return semitco_fuzz_loader(data, size, [](const nlohmann::json& j) {
    semitco::core::JsonParams section(j, "fuzz.json");
    (void)semitco::core::read_economics(section, dir);
  });
}
