// Tornado and Monte Carlo (conventions in uncertainty.hpp). The per-draw evaluation is quick_totals():
// fixed-size arrays, no allocation; each thread works on its own copy of the inputs.
#include "tco/uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <numbers>
#include <string_view>
#include <thread>

#include "tco/cost_model.hpp"
#include "tco/parameters.hpp"

namespace semitco::tco {

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

Percentiles summarise(std::vector<double> v) {
  Percentiles p;
  if (v.empty()) return p;
  double sum = 0.0;
  for (double x : v) sum += x;  // in draw order: identical for any thread count
  p.mean = sum / static_cast<double>(v.size());
  std::sort(v.begin(), v.end());
  p.p10 = percentile_sorted(v, 0.10);
  p.p50 = percentile_sorted(v, 0.50);
  p.p90 = percentile_sorted(v, 0.90);
  return p;
}

// Distance and time of the run describe the route both trucks share; moving them for one truck alone
// would compare different routes, so the default ranges leave them out (energy per run stays in).
bool is_route_quantity(std::string_view key) {
  return key.ends_with(".trip.distance_m") || key.ends_with(".trip.duration_s") ||
         key.ends_with(".trip.driving_time_s");
}

// With day-plan legs the operating days follow from the annual miles (operating_days_per_yr is only a
// cross-check, duty.hpp), so varying the annual miles is done with the check off: the costs are the same.
TcoInputs with_derived_days(const TcoInputs& in) {
  TcoInputs w = in;
  if (w.operations.utilisation == Utilisation::kAnnualMiles && !w.operations.day_plan.legs.empty())
    w.operations.operating_days_per_yr = 0.0;
  return w;
}

}  // namespace

double counter_uniform(std::uint64_t seed, std::uint64_t draw, std::uint64_t counter) {
  const std::uint64_t h = splitmix64(splitmix64(splitmix64(seed) ^ draw) ^ (counter * 0xD1B54A32D192ED03ULL));
  // 53 random bits, shifted half a step so the value is never 0 or 1.
  return (static_cast<double>(h >> 11) + 0.5) * 0x1.0p-53;
}

double Distribution::sample(double u1, double u2) const {
  switch (kind) {
    case DistributionKind::kUniform:
      return a + (b - a) * u1;
    case DistributionKind::kTriangular: {
      const double lo = a, mode = b, hi = c;
      if (hi <= lo) return lo;
      const double f = (mode - lo) / (hi - lo);
      if (u1 < f) return lo + std::sqrt(u1 * (hi - lo) * (mode - lo));
      return hi - std::sqrt((1.0 - u1) * (hi - lo) * (hi - mode));
    }
    case DistributionKind::kNormal:
    case DistributionKind::kLognormal: {
      const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);  // Box-Muller
      const double x = a + b * z;
      return kind == DistributionKind::kNormal ? x : std::exp(x);
    }
  }
  return a;
}

double percentile_sorted(std::span<const double> s, double p) {
  if (s.empty()) return 0.0;
  const double h = (static_cast<double>(s.size()) - 1.0) * std::clamp(p, 0.0, 1.0);
  const auto i = static_cast<std::size_t>(std::floor(h));
  if (i + 1 >= s.size()) return s.back();
  return s[i] + (h - std::floor(h)) * (s[i + 1] - s[i]);
}

TornadoResult tornado(const TcoInputs& base, std::span<const SensitivityRange> ranges) {
  validate(base);
  TornadoResult out;
  out.base_savings_usd_per_mi = quick_totals(base).savings_usd_per_mi();
  TcoInputs work = with_derived_days(base);
  for (const SensitivityRange& r : ranges) {
    const ParameterInfo& p = find_parameter(r.key);
    TornadoBar bar;
    bar.key = r.key;
    bar.base_value = p.get(base);
    bar.low_value = r.low;
    bar.high_value = r.high;
    const double restore = p.get(work);
    p.set(work, r.low);
    validate(work);
    const QuickTotals lo = quick_totals(work);
    p.set(work, r.high);
    validate(work);
    const QuickTotals hi = quick_totals(work);
    p.set(work, restore);
    bar.electric_usd_per_mi_low = lo.electric_usd_per_mi;
    bar.electric_usd_per_mi_high = hi.electric_usd_per_mi;
    bar.diesel_usd_per_mi_low = lo.diesel_usd_per_mi;
    bar.diesel_usd_per_mi_high = hi.diesel_usd_per_mi;
    bar.savings_usd_per_mi_low = lo.savings_usd_per_mi();
    bar.savings_usd_per_mi_high = hi.savings_usd_per_mi();
    bar.swing_usd_per_mi = std::abs(bar.savings_usd_per_mi_high - bar.savings_usd_per_mi_low);
    out.bars.push_back(std::move(bar));
  }
  std::stable_sort(out.bars.begin(), out.bars.end(), [](const TornadoBar& x, const TornadoBar& y) {
    return x.swing_usd_per_mi > y.swing_usd_per_mi;
  });
  return out;
}

std::vector<SensitivityRange> default_sensitivity_ranges(const TcoInputs& base, double rel_frac) {
  std::vector<SensitivityRange> out;
  TcoInputs work = with_derived_days(base);
  for (const ParameterInfo& p : parameters()) {
    if (p.informational || is_route_quantity(p.key)) continue;
    const double v = p.get(base);
    if (v == 0.0) continue;
    SensitivityRange r{std::string(p.key), std::clamp(v * (1.0 - rel_frac), p.min_value, p.max_value),
                       std::clamp(v * (1.0 + rel_frac), p.min_value, p.max_value)};
    if (r.low == r.high) continue;
    const double restore = p.get(work);
    bool ok = true;
    for (double x : {r.low, r.high}) {
      p.set(work, x);
      try {
        validate(work);
      } catch (const TcoInputError&) {
        ok = false;
      }
    }
    p.set(work, restore);
    if (ok) out.push_back(std::move(r));
  }
  return out;
}

MonteCarloResult monte_carlo(const TcoInputs& base, std::span<const UncertainInput> inputs,
                             const MonteCarloSettings& settings) {
  validate(base);
  if (settings.draws < 1)
    throw TcoInputError("monte_carlo.draws = " + std::to_string(settings.draws) + " (must be >= 1)");
  std::vector<const ParameterInfo*> params;
  for (const UncertainInput& u : inputs) params.push_back(&find_parameter(u.key));

  const auto n = static_cast<std::size_t>(settings.draws);
  std::vector<double> ev_mi(n), dz_mi(n), ev_npv(n), dz_npv(n);
  int threads =
      settings.threads > 0 ? settings.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, settings.draws);

  auto run_block = [&](std::size_t begin, std::size_t end) {
    TcoInputs work = base;  // one copy per thread; each draw overwrites only the sampled scalars
    for (std::size_t k = begin; k < end; ++k) {
      for (std::size_t j = 0; j < params.size(); ++j) {
        const double u1 = counter_uniform(settings.seed, k, 2 * j);
        const double u2 = counter_uniform(settings.seed, k, 2 * j + 1);
        const ParameterInfo& p = *params[j];
        const double lo = p.min_exclusive ? std::nextafter(p.min_value, p.max_value) : p.min_value;
        p.set(work, std::clamp(inputs[j].distribution.sample(u1, u2), lo, p.max_value));
      }
      const QuickTotals t = quick_totals(work);
      ev_mi[k] = t.electric_usd_per_mi;
      dz_mi[k] = t.diesel_usd_per_mi;
      ev_npv[k] = t.electric_npv_usd;
      dz_npv[k] = t.diesel_npv_usd;
    }
  };

  if (threads == 1) {
    run_block(0, n);
  } else {
    std::vector<std::thread> pool;
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
    const std::size_t per = (n + static_cast<std::size_t>(threads) - 1) / static_cast<std::size_t>(threads);
    for (int t = 0; t < threads; ++t) {
      const std::size_t b = std::min(n, per * static_cast<std::size_t>(t));
      const std::size_t e = std::min(n, b + per);
      pool.emplace_back([&, b, e, t] {
        try {
          run_block(b, e);
        } catch (...) {
          errors[static_cast<std::size_t>(t)] = std::current_exception();
        }
      });
    }
    for (auto& th : pool) th.join();
    for (auto& err : errors) {
      if (err) std::rethrow_exception(err);
    }
  }

  MonteCarloResult r;
  r.draws = settings.draws;
  r.seed = settings.seed;
  r.savings_usd_per_mi_by_draw.resize(n);
  std::vector<double> sav_npv(n);
  std::size_t cheaper = 0;
  for (std::size_t k = 0; k < n; ++k) {
    r.savings_usd_per_mi_by_draw[k] = dz_mi[k] - ev_mi[k];
    sav_npv[k] = dz_npv[k] - ev_npv[k];
    if (r.savings_usd_per_mi_by_draw[k] > 0.0) ++cheaper;
  }
  r.probability_electric_cheaper = static_cast<double>(cheaper) / static_cast<double>(n);
  r.savings_usd_per_mi = summarise(r.savings_usd_per_mi_by_draw);
  r.savings_npv_usd = summarise(std::move(sav_npv));
  r.electric_usd_per_mi = summarise(std::move(ev_mi));
  r.diesel_usd_per_mi = summarise(std::move(dz_mi));
  return r;
}

}  // namespace semitco::tco
