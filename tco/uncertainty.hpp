// Uncertainty of the electric-vs-diesel verdict.
//
// One-at-a-time sensitivity (tornado): each input is set to its low and then its high value, all others
// at base; the bar records the savings per mile (diesel $/mi - electric $/mi) at both ends.
//
// Monte Carlo: each draw sets the chosen inputs to values drawn from their distributions and evaluates
// both trucks. Reproducible and thread-count independent: the random numbers of draw k for input j come
// from a counter-based generator, u = splitmix64(seed, k, 2j + m) for m = 0, 1, so no engine is shared
// between draws and the result is the same with 1 or N threads. Draws are clamped to the input's valid
// range. Percentiles interpolate linearly between order statistics (position (n - 1) p).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "tco/inputs.hpp"

namespace semitco::tco {

struct SensitivityRange {
  std::string key;  ///< parameter key, e.g. "prices.diesel_price_usd_per_gal"
  double low = 0.0;
  double high = 0.0;
};

struct TornadoBar {
  std::string key;
  double base_value = 0.0;
  double low_value = 0.0;
  double high_value = 0.0;
  double electric_usd_per_mi_low = 0.0, electric_usd_per_mi_high = 0.0;
  double diesel_usd_per_mi_low = 0.0, diesel_usd_per_mi_high = 0.0;
  double savings_usd_per_mi_low = 0.0;   ///< diesel - electric with the input at low
  double savings_usd_per_mi_high = 0.0;  ///< ... at high
  double swing_usd_per_mi = 0.0;         ///< |high - low| savings; bars are sorted by this, largest first
};

struct TornadoResult {
  double base_savings_usd_per_mi = 0.0;
  std::vector<TornadoBar> bars;
};

/// One-at-a-time sensitivity. Validates the base and each low/high variant (TcoInputError names the key).
TornadoResult tornado(const TcoInputs& base, std::span<const SensitivityRange> ranges);

/// +/- rel_frac around the base value for every input that the costs use and whose base is non-zero,
/// clamped to the input's valid range; variants that would break a cross-field rule are left out, and so
/// are the run's distance, duration and driving time (the route is shared by both trucks).
std::vector<SensitivityRange> default_sensitivity_ranges(const TcoInputs& base, double rel_frac = 0.2);

enum class DistributionKind { kUniform, kTriangular, kNormal, kLognormal };

/// a, b, c by kind: uniform(min a, max b); triangular(min a, mode b, max c); normal(mean a, sd b);
/// lognormal(mu a, sigma b of ln x, so the median is exp(a)).
struct Distribution {
  DistributionKind kind = DistributionKind::kUniform;
  double a = 0.0, b = 0.0, c = 0.0;

  static Distribution uniform(double min, double max) { return {DistributionKind::kUniform, min, max, 0.0}; }
  static Distribution triangular(double min, double mode, double max) {
    return {DistributionKind::kTriangular, min, mode, max};
  }
  static Distribution normal(double mean, double sd) { return {DistributionKind::kNormal, mean, sd, 0.0}; }
  static Distribution lognormal(double mu_log, double sigma_log) {
    return {DistributionKind::kLognormal, mu_log, sigma_log, 0.0};
  }
  /// Value for two independent uniforms u1, u2 in (0, 1) (u2 used by normal/lognormal only).
  [[nodiscard]] double sample(double u1, double u2) const;
};

struct UncertainInput {
  std::string key;  ///< parameter key
  Distribution distribution;
};

struct MonteCarloSettings {
  int draws = 10000;  ///< >= 1
  std::uint64_t seed = 20250101;
  int threads = 0;  ///< 0: std::thread::hardware_concurrency()
};

struct Percentiles {
  double p10 = 0.0, p50 = 0.0, p90 = 0.0, mean = 0.0;
};

struct MonteCarloResult {
  int draws = 0;
  std::uint64_t seed = 0;
  Percentiles savings_usd_per_mi;  ///< diesel - electric $/mi
  Percentiles savings_npv_usd;     ///< diesel - electric NPV
  Percentiles electric_usd_per_mi;
  Percentiles diesel_usd_per_mi;
  double probability_electric_cheaper = 0.0;       ///< share of draws with savings_usd_per_mi > 0
  std::vector<double> savings_usd_per_mi_by_draw;  ///< in draw order (for histograms)
};

/// Monte Carlo over the chosen inputs. Validates the base; unknown keys throw TcoInputError.
MonteCarloResult monte_carlo(const TcoInputs& base, std::span<const UncertainInput> inputs,
                             const MonteCarloSettings& settings = {});

/// Uniform in (0, 1) for (seed, draw, counter): counter-based, no state shared between draws.
double counter_uniform(std::uint64_t seed, std::uint64_t draw, std::uint64_t counter);

/// Linear-interpolated percentile (p in [0, 1]) of a sorted sample.
double percentile_sorted(std::span<const double> sorted, double p);

}  // namespace semitco::tco
