// The lowest cost per ton-mile over a swept vehicle key; see batch_sizing.hpp.
#include "app/core/batch_sizing.hpp"

#include <cmath>
#include <cstdio>
#include <ostream>

#include "app/core/vehicle_overrides.hpp"

namespace semitco::core::batch {

SizingReport::SizingReport(const Plan& plan) : plan_(plan) {
  for (std::size_t a = 0; a < plan.axes.size(); ++a) {
    if (is_vehicle_key(plan.axes[a].key)) {
      axis_ = a;
      break;
    }
  }
}

void SizingReport::add(const Row& row) {
  if (!axis_) return;
  std::string key = row.route_file + " | " + row.scenario;
  for (std::size_t a = 0; a < row.sweep.size(); ++a) {
    if (a == *axis_) continue;
    key += " | " + plan_.axes[a].key + "=" + format_number(row.sweep[a]);
  }
  const double cost = row.figures[kEvCostPerTonMi];
  auto it = best_.find(key);
  if (!row.ok || !std::isfinite(cost)) {
    if (it != best_.end()) ++it->second.tried;
    else pending_tries_[key] += 1;
    return;
  }
  const double v = row.sweep[*axis_];
  if (it == best_.end()) {
    Best b;
    b.value = v;
    b.row = row;
    b.tried = 1 + pending_tries_[key];
    b.ok = 1;
    best_.emplace(key, std::move(b));
    return;
  }
  auto& b = it->second;
  ++b.tried;
  ++b.ok;
  if (cost < b.row.figures[kEvCostPerTonMi]) {
    b.value = v;
    b.row = row;
  }
}

void SizingReport::print(std::ostream& out, std::size_t max_groups) const {
  if (!axis_) return;
  const std::string& k = plan_.axes[*axis_].key;
  out << "lowest electric cost per ton-mile over " << k << ":\n";
  if (best_.empty()) {
    out << "  no swept point was costed (see the failed jobs)\n";
    return;
  }
  std::size_t n = 0;
  for (const auto& [group, b] : best_) {
    if (n++ == max_groups) {
      out << "  ... and " << best_.size() - max_groups << " more (see the result file)\n";
      break;
    }
    const auto& f = b.row.figures;
    char buf[400];
    std::snprintf(buf, sizeof buf, "  %s: %s = %s: $%.4f/ton-mi, $%.3f/mi, range %.0f mi, payload %.0f lb, day %s",
                  group.c_str(), k.c_str(), format_number(b.value).c_str(), f[kEvCostPerTonMi], f[kEvCostPerMi],
                  f[kEvRange], f[kEvPayload] / 0.45359237, b.row.texts[kEvDay].c_str());
    out << buf;
    if (b.ok < b.tried) out << " (" << b.tried - b.ok << " of " << b.tried << " points not costed)";
    const auto& swept = plan_.axes[*axis_].values;
    if (b.ok > 1 && (b.value == swept.front() || b.value == swept.back())) {
      out << "; at the end of the swept range: widen it";
    }
    out << "\n";
  }
}

}  // namespace semitco::core::batch
