// Several scenarios' verdicts side by side (`semitco tco -s A -s B -s C`): the headline figures, the
// delivered electricity by part, and every input that differs between them with its value in each, so a
// buyer sees how much the verdict rests on the assumptions (resources/scenarios/verdicts/, docs/tco.md).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "app/core/comparison.hpp"
#include "app/core/scenario.hpp"

namespace semitco::core {

struct ScenarioColumn {
  std::string label;  ///< short name (the file's stem)
  const Scenario* scenario = nullptr;
  const ComparisonResult* result = nullptr;
};

/// The economics keys (tco::parameters() and the charging choices) whose values differ between the
/// columns, as "key: v1 | v2 | v3" rows, plus the vehicle files when they differ.
std::vector<std::pair<std::string, std::vector<std::string>>> differing_inputs(const std::vector<ScenarioColumn>& cols);

/// Prints the side-by-side table, then the differing inputs.
void print_side_by_side(std::ostream& out, const std::vector<ScenarioColumn>& cols);

}  // namespace semitco::core
