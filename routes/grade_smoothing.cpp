// Elevation -> grade (see grade_smoothing.hpp): linear resampling to a uniform step, local-linear
// regression with Gaussian weights (a Gaussian low-pass in the interior, trend-preserving at the ends),
// grade = tan(asin(dh/ds)), clamp at +/-max_grade with a warning, elevation re-integrated from the grades.
#include "routes/grade_smoothing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace semitco::routes {
namespace {

std::string fmt(const char* f, double a, double b, double c, double d) {
  char buf[200];
  std::snprintf(buf, sizeof buf, f, a, b, c, d);
  return buf;
}

}  // namespace

void climb_and_descent(const std::vector<double>& elevation_m, double& climb_m, double& descent_m) {
  climb_m = 0.0;
  descent_m = 0.0;
  for (std::size_t i = 1; i < elevation_m.size(); ++i) {
    const double dh = elevation_m[i] - elevation_m[i - 1];
    if (dh > 0.0) climb_m += dh; else descent_m -= dh;
  }
}

SmoothedElevation smooth_elevation(const std::vector<double>& distance_m, const std::vector<double>& elevation_m,
                                   double step_m, double sigma_m, double max_grade_frac) {
  if (distance_m.size() < 2 || distance_m.size() != elevation_m.size()) {
    throw std::invalid_argument("smooth_elevation: need >= 2 points of distance and elevation");
  }
  if (!(step_m > 0.0) || !(sigma_m >= 0.0) || !(max_grade_frac > 0.0)) {
    throw std::invalid_argument("smooth_elevation: step, sigma and max grade must be positive");
  }
  SmoothedElevation out;
  const double length = distance_m.back() - distance_m.front();

  // 1. uniform grid (last step may be shorter; a sliver below 1 % of a step is merged into the last one)
  const auto n_full = static_cast<std::size_t>(std::floor(length / step_m));
  std::vector<double>& x = out.distance_m;
  x.reserve(n_full + 2);
  for (std::size_t j = 0; j <= n_full; ++j) x.push_back(static_cast<double>(j) * step_m);
  if (length - x.back() > 0.01 * step_m) x.push_back(length);
  else x.back() = length;
  if (x.size() < 2) x = {0.0, length};

  std::vector<double> z(x.size());
  std::size_t k = 0;
  for (std::size_t j = 0; j < x.size(); ++j) {
    const double xj = x[j] + distance_m.front();
    while (k + 2 < distance_m.size() && distance_m[k + 1] < xj) ++k;
    const double t = std::clamp((xj - distance_m[k]) / (distance_m[k + 1] - distance_m[k]), 0.0, 1.0);
    z[j] = elevation_m[k] + t * (elevation_m[k + 1] - elevation_m[k]);
  }

  // 2. local-linear Gaussian smoother, window +/- 3 sigma (weights by index offset on the uniform part)
  std::vector<double> zs(z.size());
  const auto half = static_cast<std::size_t>(std::ceil(3.0 * sigma_m / step_m));
  if (sigma_m <= 0.0 || half == 0) {
    zs = z;
  } else {
    const std::size_t n = x.size();
    std::vector<double> table(half + 1);  // weights of the uniform part by index offset
    for (std::size_t i = 0; i <= half; ++i) {
      const double dx = static_cast<double>(i) * step_m;
      table[i] = std::exp(-0.5 * (dx * dx) / (sigma_m * sigma_m));
    }
    // Interior points (full window on the uniform grid): the weights are symmetric, so the fitted line's
    // slope drops out (sum w dx = 0) and the value is the Gaussian mean, one pass over the window.
    double s0_full = table[0];
    for (std::size_t i = 1; i <= half; ++i) s0_full += 2.0 * table[i];
    const double reach = std::min(3.0 * sigma_m, 0.5 * length);
    for (std::size_t j = 0; j < n; ++j) {
      if (j >= half && j + half + 1 < n && x[j] >= reach && x[j] <= length - reach) {
        double t0 = table[0] * z[j];
        for (std::size_t i = 1; i <= half; ++i) t0 += table[i] * (z[j - i] + z[j + i]);
        zs[j] = t0 / s0_full;
        continue;
      }
      // Near an end the window keeps its full width and slides inwards: its centre c stays >= 3 sigma from
      // the end, and the line fitted there is evaluated at x_j (Savitzky-Golay style end handling).
      const double c = std::clamp(x[j], reach, length - reach);
      const bool centred = c == x[j];
      const auto ci = static_cast<std::size_t>(std::lround(c / step_m));
      const std::size_t lo = ci > half ? ci - half : 0;
      const std::size_t hi = std::min(n - 1, ci + half);
      double s0 = 0, s1 = 0, s2 = 0, t0 = 0, t1 = 0;
      for (std::size_t i = lo; i <= hi; ++i) {
        const double dx = x[i] - x[j];
        const double dc = x[i] - c;
        const double w = (centred && i + 1 < n && j + 1 < n) ? table[i > j ? i - j : j - i]
                                                            : std::exp(-0.5 * (dc * dc) / (sigma_m * sigma_m));
        s0 += w;
        s1 += w * dx;
        s2 += w * dx * dx;
        t0 += w * z[i];
        t1 += w * dx * z[i];
      }
      const double det = s0 * s2 - s1 * s1;
      zs[j] = (det > 1e-12 * s0 * s2 && s2 > 0.0) ? (s2 * t0 - s1 * t1) / det : t0 / s0;
    }
  }

  // 3. grade per segment, clamped; elevation re-integrated so rise = ds * sin(atan(grade)) holds
  const std::size_t n = x.size();
  out.grade_frac.assign(n, 0.0);
  out.elevation_m.assign(n, zs[0]);
  std::size_t clamp_start = n;
  double clamp_worst = 0.0;
  std::size_t reported = 0;
  auto flush = [&](std::size_t end) {
    if (clamp_start == n) return;
    if (reported < 20) {
      out.warnings.push_back({fmt("grade %.1f %% clamped to +/-%.1f %% between %.0f m and %.0f m", clamp_worst * 100.0,
                                  max_grade_frac * 100.0, x[clamp_start], x[end])});
    } else if (reported == 20) {
      out.warnings.push_back({"more grades clamped; further warnings suppressed"});
    }
    ++reported;
    clamp_start = n;
    clamp_worst = 0.0;
  };
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double ds = x[i + 1] - x[i];
    const double ratio = std::clamp((zs[i + 1] - zs[i]) / ds, -0.999999, 0.999999);
    double g = ratio / std::sqrt(1.0 - ratio * ratio);
    if (std::fabs(g) > max_grade_frac) {
      if (clamp_start == n) clamp_start = i;
      if (std::fabs(g) > std::fabs(clamp_worst)) clamp_worst = g;
      g = std::copysign(max_grade_frac, g);
    } else {
      flush(i);
    }
    out.grade_frac[i] = g;
    out.elevation_m[i + 1] = out.elevation_m[i] + rise_m(ds, g);
  }
  flush(n - 1);
  out.grade_frac[n - 1] = out.grade_frac[n - 2];
  return out;
}

}  // namespace semitco::routes
