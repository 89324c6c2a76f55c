// libFuzzer target: arbitrary bytes as a vehicle file, read as a diesel truck when it says
// "type": "diesel" and as an electric truck otherwise (read_diesel_truck / read_electric_truck).
#include "app/core/diesel_file.hpp"
#include "app/core/vehicle_file.hpp"
#include "fuzz_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return semitco_fuzz_loader(data, size, [](const nlohmann::json& j) {
    semitco::core::JsonParams root(j, "fuzz.json");
    const bool diesel = j.contains("type") && j["type"] == "diesel";
    if (diesel) {
      (void)semitco::core::read_diesel_truck(root);
    } else {
      (void)semitco::core::read_electric_truck(root);
    }
  });
}
