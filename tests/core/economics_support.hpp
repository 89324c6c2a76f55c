// Helper for the tests of the scenario's economics section: one section read through the scenario
// loader's own reader (app/core/economics_file.hpp), as it stands in a file named test.json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/core/economics_file.hpp"
#include "app/core/json_params.hpp"
#include "tco/inputs.hpp"

namespace semitco::test {

/// The bundled scenarios' folder, where an economics section's relative paths are resolved.
inline const std::string kScenariosDir = std::string(SEMITCO_SOURCE_DIR) + "/resources/scenarios";

/// `section` read as the "economics" section of a scenario; throws core::InputError naming the key.
inline tco::TcoInputs read_economics_section(const nlohmann::json& section,
                                             core::EconomicsProvenance* pv = nullptr) {
  const nlohmann::json root = {{"economics", section}};
  core::JsonParams r(root, "test.json");
  auto sec = r.object("economics");
  return core::read_economics(sec, kScenariosDir, pv);
}

}  // namespace semitco::test
