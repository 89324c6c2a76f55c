// The batch's answer to "which size?": when a vehicle key is swept (--sweep electric.battery.usable_kWh=..),
// the point with the lowest electric cost per ton-mile, for each route, scenario and value of the other axes.
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>

#include "app/core/batch_rows.hpp"

namespace semitco::core::batch {

class SizingReport {
 public:
  explicit SizingReport(const Plan& plan);
  /// Takes one finished row (in any order; failed rows only count as tried).
  void add(const Row& row);
  /// "lowest EV cost per ton-mile ..." lines, one per group (at most `max_groups`); nothing when no vehicle
  /// key is swept.
  void print(std::ostream& out, std::size_t max_groups = 20) const;
  /// The swept vehicle axis, if there is one.
  [[nodiscard]] std::optional<std::size_t> axis() const { return axis_; }

  struct Best {
    double value = 0.0;  ///< of the swept vehicle key
    Row row;
    std::size_t ok = 0, tried = 0;
  };
  /// Groups by "route | scenario | other axes"; only groups with a costed point.
  [[nodiscard]] const std::map<std::string, Best>& best() const { return best_; }

 private:
  const Plan& plan_;
  std::optional<std::size_t> axis_;
  std::map<std::string, Best> best_;
  std::map<std::string, std::size_t> pending_tries_;  // failed points of groups with no costed point yet
};

}  // namespace semitco::core::batch
