// Why one truck costs less: the cost lines of a comparison, grouped the way a buyer thinks of them
// (truck price & taxes, energy, demand charges, insurance, driver, ...), electric minus diesel in $/mi,
// largest first by size. Shared by the command line (print_verdict) and the desktop app's verdict strip.
#pragma once

#include <string>
#include <vector>

#include "app/core/trip_report.hpp"
#include "tco/cost_model.hpp"

namespace semitco::core {

/// One group of cost lines and its difference between the trucks.
struct CostDifference {
  std::string name;                      ///< "truck price & taxes", "energy", ...
  std::vector<tco::CostLine> lines;      ///< the cost lines it adds up
  std::string driven_by;                 ///< the inputs behind it
  double electric_usd_per_mi = 0.0;
  double diesel_usd_per_mi = 0.0;
  double electric_minus_diesel_usd_per_mi = 0.0;  ///< > 0: the electric truck pays more for this
};

/// A group of cost lines and the inputs that drive it, in words (where a buyer changes it).
struct CostGroup {
  std::string name;
  std::vector<tco::CostLine> lines;
  std::string driven_by;
};

/// The groups, in a fixed order, every cost line in exactly one.
const std::vector<CostGroup>& cost_difference_groups();

/// Every group whose difference is not zero, largest |electric - diesel| first (ties keep group order).
std::vector<CostDifference> cost_differences(const tco::Comparison& c);

/// "truck price & taxes +$0.312/mi, energy −$0.431/mi, demand charge & fees +$0.270/mi" : the `n`
/// largest differences, electric minus diesel (a + costs the electric truck more), in $/mi or $/km.
std::string describe_why(const tco::Comparison& c, UnitSystem units, std::size_t n = 3);

}  // namespace semitco::core
