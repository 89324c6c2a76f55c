// Builds the benchmark trace; see long_trace.hpp.
#include "long_trace.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

#include "routes/readers.hpp"

namespace semitco::bench {

namespace {
void append_point(routes::RouteProfile& p, double t, double v, double grade) {
  if (!p.trace_time_s.empty()) {
    const double dt = t - p.trace_time_s.back();
    const double ds = 0.5 * (v + p.trace_speed_mps.back()) * dt;
    if (ds > 1e-6) {
      const double d = p.distance_m.back() + ds;
      p.elevation_m.push_back(p.elevation_m.back() + ds * std::sin(std::atan(p.grade_frac.back())));
      p.distance_m.push_back(d);
      p.grade_frac.push_back(grade);
      p.speed_limit_mps.push_back(v);
    } else {
      p.grade_frac.back() = grade;
    }
  } else {
    p.distance_m.push_back(0.0);
    p.elevation_m.push_back(0.0);
    p.grade_frac.push_back(grade);
    p.speed_limit_mps.push_back(v);
  }
  p.trace_time_s.push_back(t);
  p.trace_speed_mps.push_back(v);
}
}  // namespace

routes::RouteProfile long_trace(const std::string& dir, double duration_s) {
  const char* files[] = {"C8_LineHaul_Lammert.csv", "EPA_Ph2_rural_interstate_65mph.csv", "EPA_Ph2_transient.csv",
                         "HHDDTCruiseSmooth.csv", "EPA_Ph2_urban_highway_55mph.csv"};
  std::vector<routes::RouteProfile> cycles;
  for (const char* f : files) cycles.push_back(routes::read_route(dir + "/" + f));
  routes::RouteProfile out;
  out.name = "long trace from shared cycles";
  double t0 = 0.0;
  for (std::size_t k = 0; t0 < duration_s; ++k) {
    const auto& c = cycles[k % cycles.size()];
    // grade along the cycle's own distance, looked up per trace sample
    std::size_t seg = 0;
    double dist = 0.0;
    for (std::size_t i = 0; i < c.trace_time_s.size(); ++i) {
      if (i > 0) dist += 0.5 * (c.trace_speed_mps[i] + c.trace_speed_mps[i - 1]) * (c.trace_time_s[i] - c.trace_time_s[i - 1]);
      while (seg + 2 < c.distance_m.size() && c.distance_m[seg + 1] <= dist) ++seg;
      const double v = c.trace_speed_mps[i];
      if (i == 0 && !out.trace_time_s.empty()) {
        // ramp from where the last cycle ended to where this one starts
        const double v_end = out.trace_speed_mps.back();
        const double ramp_s = std::max(1.0, std::ceil(std::abs(v - v_end) / 0.5));
        for (int r = 1; r <= static_cast<int>(ramp_s); ++r) {
          t0 += 1.0;
          append_point(out, t0, v_end + (v - v_end) * r / ramp_s, 0.0);
        }
        continue;
      }
      const double t = (i == 0 ? t0 : t0 + c.trace_time_s[i] - c.trace_time_s[i - 1]);
      t0 = t;
      append_point(out, t, v, c.grade_frac[seg]);
    }
  }
  out.stops.clear();
  return out;
}

}  // namespace semitco::bench
