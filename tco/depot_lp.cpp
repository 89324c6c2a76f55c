// The depot LP (formulation in depot_lp.hpp and docs/depot.md), handed to COIN-OR Clp's dual simplex.
#include "tco/depot_lp.hpp"

#include <ClpSimplex.hpp>
#include <algorithm>
#include <cmath>
#include <limits>

namespace semitco::tco {

std::vector<AcceptanceCut> acceptance_cuts(const ChargingCurve& curve) {
  std::vector<AcceptanceCut> cuts;
  if (curve.soc_frac.empty() || curve.soc_frac.size() != curve.power_kW.size()) return cuts;
  // Points on [0, 1], the curve constant beyond its ends.
  std::vector<std::pair<double, double>> pts;
  if (curve.soc_frac.front() > 0.0) pts.emplace_back(0.0, curve.power_kW.front());
  for (std::size_t i = 0; i < curve.soc_frac.size(); ++i) {
    const double s = curve.soc_frac[i];
    if (s >= 0.0 && s <= 1.0) pts.emplace_back(s, curve.power_kW[i]);
  }
  if (curve.soc_frac.back() < 1.0) pts.emplace_back(1.0, curve.power_kW.back());
  if (pts.size() == 1) return {AcceptanceCut{pts.front().second, 0.0}};
  // Upper hull (monotone chain): drop a middle point that lies on or below the chord of its neighbours.
  std::vector<std::pair<double, double>> hull;
  for (const auto& q : pts) {
    while (hull.size() >= 2) {
      const auto& a = hull[hull.size() - 2];
      const auto& b = hull.back();
      const double cross =
          (b.first - a.first) * (q.second - a.second) - (b.second - a.second) * (q.first - a.first);
      if (cross >= 0.0) {
        hull.pop_back();
      } else {
        break;
      }
    }
    hull.push_back(q);
  }
  for (std::size_t i = 0; i + 1 < hull.size(); ++i) {
    const auto& [s0, p0] = hull[i];
    const auto& [s1, p1] = hull[i + 1];
    if (s1 <= s0) continue;
    const double b = (p1 - p0) / (s1 - s0);
    cuts.push_back({p0 - b * s0, b});
  }
  return cuts;
}

double acceptance_hull_excess_kW(const ChargingCurve& curve) {
  const auto cuts = acceptance_cuts(curve);
  double worst = 0.0;
  for (std::size_t i = 0; i < curve.soc_frac.size() && i < curve.power_kW.size(); ++i) {
    double hull = COIN_DBL_MAX;
    for (const auto& c : cuts) hull = std::min(hull, c.a_kW + c.b_kW_per_soc * curve.soc_frac[i]);
    if (!cuts.empty()) worst = std::max(worst, hull - curve.power_kW[i]);
  }
  return worst;
}

DepotWindows depot_windows(const DepotSite& site) {
  DepotWindows w;
  w.day_slots = slots_per_day(site);
  w.dt_h = site.slot_s / 3600.0;
  const double day_s = 86400.0;
  for (const DepotTruck& t : site.trucks) {
    // Whole slots inside [arrival, arrival + dwell]: arrival rounded up, departure rounded down.
    const double a = std::ceil(t.arrival_s / site.slot_s - 1e-9);
    const double d = std::floor((t.arrival_s + t.dwell_s) / site.slot_s + 1e-9);
    const int n = std::max(0, static_cast<int>(d - a));
    w.first.push_back(static_cast<int>(a) % w.day_slots);
    w.count.push_back(std::min(n, w.day_slots));
    w.need_kWh.push_back(std::max(0.0, (t.departure_soc_frac - t.arrival_soc_frac) * t.usable_kWh));
    w.soc0.push_back(t.arrival_soc_frac);
    w.usable_kWh.push_back(t.usable_kWh);
    w.cuts.push_back(acceptance_cuts(t.acceptance));
  }
  for (int s = 0; s < w.day_slots; ++s) {
    const double mid_h = (s + 0.5) * site.slot_s / 3600.0;
    w.price_usd_per_kWh.push_back(
        energy_price_usd_per_kWh(site.tariff, std::fmod(mid_h, day_s / 3600.0), site.weekend_prices));
  }
  return w;
}

namespace {

// Column-major sparse matrix being built one column at a time.
struct Columns {
  std::vector<CoinBigIndex> start{0};
  std::vector<int> row;
  std::vector<double> value;
  std::vector<double> lo, hi, cost;
  int add(double lower, double upper, double c) {
    lo.push_back(lower);
    hi.push_back(upper);
    cost.push_back(c);
    start.push_back(start.back());
    return static_cast<int>(lo.size()) - 1;
  }
  void put(int r, double v) {  // into the column added last
    row.push_back(r);
    value.push_back(v);
    ++start.back();
  }
};

}  // namespace

DepotLpSolution solve_depot_lp(const DepotSite& site, const DepotWindows& w, DepotLpGoal goal,
                               bool use_site_limit, const std::vector<std::vector<bool>>* plugged) {
  const double inf = COIN_DBL_MAX;
  const double eta = site.efficiency_frac;
  const double pc = site.charger.power_kW;
  const std::size_t K = site.trucks.size();
  const bool cost_goal = goal == DepotLpGoal::kMinimumCost;
  // Rows: first the slot-load rows (S), then the charger rows (S, when installed), then per truck.
  std::vector<double> row_lo, row_hi;
  const int S = w.day_slots;
  for (int s = 0; s < S; ++s) {
    row_lo.push_back(-inf);
    row_hi.push_back(0.0);
  }
  const bool charger_rows = site.chargers_installed > 0;
  if (charger_rows) {
    for (int s = 0; s < S; ++s) {
      row_lo.push_back(-inf);
      row_hi.push_back(site.chargers_installed * pc);
    }
  }
  auto new_row = [&](double lo, double hi) {
    row_lo.push_back(lo);
    row_hi.push_back(hi);
    return static_cast<int>(row_lo.size()) - 1;
  };

  Columns m;
  std::vector<std::vector<int>> p_col(K);
  const double demand_per_day =
      site.tariff.demand_charge_usd_per_kW_month * 12.0 / site.operating_days_per_yr;
  for (std::size_t k = 0; k < K; ++k) {
    const int n = w.count[k];
    if (w.need_kWh[k] <= 0.0 || n <= 0) continue;
    const double U = w.usable_kWh[k];
    const auto& cuts = w.cuts[k];
    // This truck's rows first: dynamics e[j] - e[j-1] - dt p[j] = 0, then the acceptance cuts of slot j.
    std::vector<int> dyn(static_cast<std::size_t>(n));
    std::vector<std::vector<int>> cut_row(static_cast<std::size_t>(n));
    for (int j = 0; j < n; ++j) {
      dyn[static_cast<std::size_t>(j)] = new_row(0.0, 0.0);
      for (const auto& c : cuts)
        cut_row[static_cast<std::size_t>(j)].push_back(new_row(-inf, c.a_kW + c.b_kW_per_soc * w.soc0[k]));
    }
    for (int j = 0; j < n; ++j) {
      const auto ju = static_cast<std::size_t>(j);
      const int s = (w.first[k] + j) % S;
      // p[k][j]: grid load of slot s, chargers of slot s, dynamics (-dt), cuts (+1).
      const double cost =
          cost_goal ? w.price_usd_per_kWh[static_cast<std::size_t>(s)] * w.dt_h / eta + 1e-6 * j * w.dt_h
                    : 0.0;
      const bool on = plugged == nullptr || (*plugged)[k][ju];
      p_col[k].push_back(m.add(0.0, on ? pc : 0.0, cost));
      m.put(s, 1.0 / eta);
      if (charger_rows) m.put(S + s, 1.0);
      m.put(dyn[ju], -w.dt_h);
      for (int r : cut_row[ju]) m.put(r, 1.0);
      // e[k][j]: its dynamics row (+1), the next slot's (-1), the cuts (-b / U); the last one is fixed at
      // E_k.
      const bool last = j == n - 1;
      m.add(last ? w.need_kWh[k] : 0.0, w.need_kWh[k], 0.0);
      m.put(dyn[ju], 1.0);
      if (!last) m.put(dyn[ju + 1], -1.0);
      for (std::size_t c = 0; c < cuts.size(); ++c) m.put(cut_row[ju][c], -cuts[c].b_kW_per_soc / U);
    }
  }
  // P, the peak: -1 in every slot-load row.
  const double p_hi = use_site_limit ? site.site_limit_kW : inf;
  const int peak_col = m.add(0.0, p_hi, cost_goal ? demand_per_day : 1.0);
  for (int s = 0; s < S; ++s) m.put(s, -1.0);

  ClpSimplex lp;
  lp.setLogLevel(0);
  lp.loadProblem(static_cast<int>(m.lo.size()), static_cast<int>(row_lo.size()), m.start.data(), m.row.data(),
                 m.value.data(), m.lo.data(), m.hi.data(), m.cost.data(), row_lo.data(), row_hi.data());
  lp.initialSolve();  // presolve, then the dual simplex: the masked re-solves drop most columns
  DepotLpSolution sol;
  sol.optimal = lp.isProvenOptimal();
  sol.infeasible = lp.isProvenPrimalInfeasible();
  if (!sol.optimal) return sol;
  const double* x = lp.getColSolution();
  sol.pack_kW.resize(K);
  for (std::size_t k = 0; k < K; ++k) {
    sol.pack_kW[k].assign(static_cast<std::size_t>(std::max(0, w.count[k])), 0.0);
    for (std::size_t j = 0; j < p_col[k].size(); ++j) sol.pack_kW[k][j] = std::max(0.0, x[p_col[k][j]]);
  }
  sol.peak_kW = x[peak_col];
  sol.objective = lp.objectiveValue();
  return sol;
}

}  // namespace semitco::tco
