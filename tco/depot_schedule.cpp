// Unmanaged and managed depot schedules, their chargers and their bills; see depot_schedule.hpp.
#include "tco/depot_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "tco/charger_assignment.hpp"
#include "tco/depot_dispatch.hpp"
#include "tco/depot_lp.hpp"
#include "tco/parameters.hpp"

namespace semitco::tco {

namespace {

[[noreturn]] void fail(const std::string& key, const std::string& value, const std::string& why) {
  throw TcoInputError(key + " = " + value + " (" + why + ")");
}

void check_range(const std::string& key, double v, double lo, double hi, bool lo_open = false) {
  const bool ok = std::isfinite(v) && (lo_open ? v > lo : v >= lo) && v <= hi;
  if (!ok)
    fail(key, format_value(v),
         "must be in " + std::string(lo_open ? "(" : "[") + format_value(lo) + ", " + format_value(hi) + "]");
}

std::string fmt(const char* f, double a) {
  char b[128];
  std::snprintf(b, sizeof b, f, a);
  return b;
}

std::string clock_text(double s) {
  const int min = static_cast<int>(std::lround(std::fmod(s, 86400.0) / 60.0)) % 1440;
  char b[16];
  std::snprintf(b, sizeof b, "%02d:%02d", min / 60, min % 60);
  return b;
}

constexpr double kOn_kW = 1e-3;  // a truck is charging in a slot above this power

// Grid load by clock slot, peak, energy bill, chargers of a plan whose pack_kW is filled in.
void finish_plan(const DepotSite& site, const DepotWindows& w, DepotPlan& plan) {
  plan.grid_kW.assign(static_cast<std::size_t>(w.day_slots), 0.0);
  std::vector<double> pack_load(static_cast<std::size_t>(w.day_slots), 0.0);
  std::vector<ChargingInterval> intervals;
  std::vector<int> on(static_cast<std::size_t>(w.day_slots), 0);
  plan.energy_usd_per_day = plan.grid_kWh_per_day = 0.0;
  for (std::size_t k = 0; k < plan.pack_kW.size(); ++k) {
    int lo = -1, hi = -1;
    for (std::size_t j = 0; j < plan.pack_kW[k].size(); ++j) {
      const double p = plan.pack_kW[k][j];
      const auto s = static_cast<std::size_t>((w.first[k] + static_cast<int>(j)) % w.day_slots);
      plan.grid_kW[s] += p / site.efficiency_frac;
      pack_load[s] += p;
      plan.grid_kWh_per_day += p / site.efficiency_frac * w.dt_h;
      plan.energy_usd_per_day += p / site.efficiency_frac * w.dt_h * w.price_usd_per_kWh[s];
      if (p > kOn_kW) {
        if (lo < 0) lo = static_cast<int>(j);
        hi = static_cast<int>(j);
        ++on[s];
      }
    }
    if (lo >= 0) intervals.push_back({(w.first[k] + lo) % w.day_slots, hi - lo + 1});
  }
  plan.peak_kW = *std::max_element(plan.grid_kW.begin(), plan.grid_kW.end());
  const double max_pack = *std::max_element(pack_load.begin(), pack_load.end());
  plan.chargers_lower_bound = static_cast<int>(std::ceil(max_pack / site.charger.power_kW - 1e-6));
  plan.max_simultaneous = *std::max_element(on.begin(), on.end());
  plan.chargers = assign_chargers(intervals, w.day_slots).chargers;
}

DepotPlan unmanaged_plan(const DepotSite& site, const DepotWindows& w) {
  DepotPlan plan;
  plan.feasible = true;
  plan.pack_kW.resize(site.trucks.size());
  for (std::size_t k = 0; k < site.trucks.size(); ++k) {
    double e = 0.0;
    for (int j = 0; j < w.count[k] && e < w.need_kWh[k] - 1e-9; ++j) {
      const double p = slot_power_kW(w, k, e, site.charger.power_kW);
      plan.pack_kW[k].push_back(p);
      e += p * w.dt_h;
    }
    plan.pack_kW[k].resize(static_cast<std::size_t>(w.count[k]), 0.0);
    if (e < w.need_kWh[k] - 1e-6 && plan.feasible) {
      const DepotTruck& t = site.trucks[k];
      plan.feasible = false;
      plan.why = "not enough dwell: " + (t.name.empty() ? "truck " + std::to_string(k + 1) : t.name) +
                 " is parked " + fmt("%.2f h", t.dwell_s / 3600.0) + " (" + clock_text(t.arrival_s) + " to " +
                 clock_text(t.arrival_s + t.dwell_s) + ", " + std::to_string(w.count[k]) +
                 " whole slots) and at " + "full power reaches only " + fmt("%.0f", e) + " of the " +
                 fmt("%.0f kWh", w.need_kWh[k]) + " it needs by departure";
    }
  }
  finish_plan(site, w, plan);
  return plan;
}

DepotCosts costs_of(const DepotSite& site, const DepotPlan& plan) {
  DepotCosts c;
  const double days = site.operating_days_per_yr;
  c.grid_kWh_per_yr = plan.grid_kWh_per_day * days;
  c.energy_usd_per_yr = plan.energy_usd_per_day * days;
  c.demand_usd_per_yr = site.tariff.demand_charge_usd_per_kW_month * plan.peak_kW * 12.0;
  const int n = plan.chargers;
  c.fixed_usd_per_yr =
      (site.tariff.fixed_fees_usd_per_month + n * site.charger.network_fees_usd_per_month) * 12.0;
  c.capital_usd = n * (site.charger.hardware_usd + site.charger.installation_usd);
  const double r = site.discount_rate_frac, life = site.charger.life_yr;
  const double crf = r > 0.0 ? r / (1.0 - std::pow(1.0 + r, -life)) : 1.0 / life;
  c.capital_usd_per_yr = c.capital_usd * crf;
  return c;
}

}  // namespace

int slots_per_day(const DepotSite& site) { return static_cast<int>(std::lround(86400.0 / site.slot_s)); }

void validate(const DepotSite& site) {
  check_range("depot.slot_s", site.slot_s, 60.0, 3600.0);
  if (std::fabs(86400.0 / site.slot_s - std::round(86400.0 / site.slot_s)) > 1e-9) {
    fail("depot.slot_s", format_value(site.slot_s), "must divide the 24 h day into whole slots (e.g. 900 s)");
  }
  if (site.trucks.empty()) fail("depot.trucks", "[]", "needs at least one truck");
  if (site.trucks.size() > 2000)
    fail("depot.trucks", std::to_string(site.trucks.size()) + " trucks", "at most 2000");
  check_range("depot.site_limit_kW", site.site_limit_kW, 0.0, 1e9, true);
  if (site.chargers_installed < 0)
    fail("depot.chargers_installed", std::to_string(site.chargers_installed), "must be >= 0");
  check_range("depot.efficiency_frac", site.efficiency_frac, 0.5, 1.0);
  check_range("depot.operating_days_per_yr", site.operating_days_per_yr, 1.0, 366.0);
  check_range("depot.discount_rate_frac", site.discount_rate_frac, 0.0, 1.0);
  const ChargerOption& c = site.charger;
  check_range("depot.charger.power_kW", c.power_kW, 0.0, 10000.0, true);
  check_range("depot.charger.hardware_usd", c.hardware_usd, 0.0, 1e8);
  check_range("depot.charger.installation_usd", c.installation_usd, 0.0, 1e8);
  check_range("depot.charger.life_yr", c.life_yr, 0.0, 50.0, true);
  check_range("depot.charger.network_fees_usd_per_month", c.network_fees_usd_per_month, 0.0, 1e6);
  validate(site.tariff, "depot.tariff");
  for (std::size_t k = 0; k < site.trucks.size(); ++k) {
    const DepotTruck& t = site.trucks[k];
    const std::string key = "depot.trucks[" + std::to_string(k) + "]";
    check_range(key + ".arrival_s", t.arrival_s, 0.0, 86400.0);
    if (t.arrival_s >= 86400.0)
      fail(key + ".arrival_s", format_value(t.arrival_s), "must be before midnight (< 86400 s)");
    check_range(key + ".dwell_s", t.dwell_s, 0.0, 86400.0, true);
    check_range(key + ".arrival_soc_frac", t.arrival_soc_frac, 0.0, 1.0);
    check_range(key + ".departure_soc_frac", t.departure_soc_frac, 0.0, 1.0);
    check_range(key + ".usable_kWh", t.usable_kWh, 0.0, 1e5, true);
    const auto& a = t.acceptance;
    if (a.soc_frac.size() != a.power_kW.size()) {
      fail(key + ".acceptance.soc_frac", std::to_string(a.soc_frac.size()) + " points",
           "must match acceptance.power_kW (" + std::to_string(a.power_kW.size()) + " points)");
    }
    for (std::size_t i = 0; i < a.soc_frac.size(); ++i) {
      check_range(key + ".acceptance.soc_frac[" + std::to_string(i) + "]", a.soc_frac[i], 0.0, 1.0);
      check_range(key + ".acceptance.power_kW[" + std::to_string(i) + "]", a.power_kW[i], 0.0, 1e5, true);
      if (i > 0 && !(a.soc_frac[i] > a.soc_frac[i - 1])) {
        fail(key + ".acceptance.soc_frac[" + std::to_string(i) + "]", format_value(a.soc_frac[i]),
             "must increase");
      }
    }
  }
}

DepotResult schedule_depot(const DepotSite& site) {
  validate(site);
  const DepotWindows w = depot_windows(site);
  DepotResult r;
  r.charger_life_yr = site.charger.life_yr;
  r.day_slots = w.day_slots;
  r.slot_s = site.slot_s;
  r.first_slot = w.first;
  r.slot_count = w.count;
  r.need_pack_kWh = w.need_kWh;
  r.single_truck_demand_usd_per_yr =
      site.tariff.demand_charge_usd_per_kW_month * site.charger.power_kW * 12.0;

  double excess = 0.0;
  for (const auto& t : site.trucks) excess = std::max(excess, acceptance_hull_excess_kW(t.acceptance));
  if (excess > 0.5) {
    r.notes.push_back("an acceptance curve is not concave: the schedules use its concave hull, up to " +
                      fmt("%.0f kW", excess) + " above the curve at some state of charge (docs/depot.md)");
  }
  r.unmanaged = unmanaged_plan(site, w);
  r.unmanaged_costs = costs_of(site, r.unmanaged);
  if (r.unmanaged.feasible && r.unmanaged.peak_kW > site.site_limit_kW * (1.0 + 1e-9)) {
    r.notes.push_back("unmanaged charging would draw " + fmt("%.0f kW", r.unmanaged.peak_kW) +
                      ", above the site limit of " + fmt("%.0f kW", site.site_limit_kW));
  }

  DepotPlan& m = r.managed;
  if (!r.unmanaged.feasible) {  // a truck that cannot charge in time at full power: no schedule helps
    m.why = r.unmanaged.why;
    return r;
  }
  const DepotLpSolution lp = solve_depot_lp(site, w, DepotLpGoal::kMinimumCost, true);
  if (!lp.optimal) {
    // Why: the site limit, or (with a fixed number of chargers) the chargers.
    DepotSite open = site;
    open.chargers_installed = 0;
    const DepotLpSolution least = solve_depot_lp(open, w, DepotLpGoal::kMinimumPeak, false);
    const DepotLpSolution within = solve_depot_lp(open, w, DepotLpGoal::kMinimumPeak, true);
    if (least.optimal && least.peak_kW > site.site_limit_kW * (1.0 + 1e-7)) {
      m.why = "site limit too low: " + fmt("%.0f kW", site.site_limit_kW) +
              "; the lowest peak that charges every truck "
              "by its departure is " +
              fmt("%.0f kW", std::ceil(least.peak_kW));
    } else if (site.chargers_installed > 0 && within.optimal) {
      DepotPlan probe;
      probe.pack_kW = within.pack_kW;
      finish_plan(site, w, probe);
      m.why = "too few chargers: " + std::to_string(site.chargers_installed) +
              " installed; a schedule within the site "
              "limit needs at least " +
              std::to_string(probe.chargers_lower_bound) + " by power, and " +
              std::to_string(probe.chargers) + " would do";
    } else {
      m.why = lp.infeasible ? "no schedule meets every departure within the limits"
                            : "the LP solver (Clp) failed";
    }
    return r;
  }
  m.pack_kW = lp.pack_kW;
  finish_plan(site, w, m);
  m.feasible = true;
  r.managed_lp_optimum_usd_per_day = m.energy_usd_per_day + site.tariff.demand_charge_usd_per_kW_month *
                                                                12.0 / site.operating_days_per_yr * m.peak_kW;
  {
    // The same load on fewer chargers (depot_dispatch.hpp), from the power bound up.
    std::vector<double> load(static_cast<std::size_t>(w.day_slots), 0.0);
    for (std::size_t k = 0; k < m.pack_kW.size(); ++k) {
      for (std::size_t j = 0; j < m.pack_kW[k].size(); ++j) {
        load[static_cast<std::size_t>((w.first[k] + static_cast<int>(j)) % w.day_slots)] += m.pack_kW[k][j];
      }
    }
    // Try c chargers: the dispatch alone when it delivers everything (same load, same bill), else the
    // LP again with power only while plugged, accepted within kChargerCostTolerance of the optimum.
    // Bisection on c between the power bound and the LP's own count.
    const double day_demand = site.tariff.demand_charge_usd_per_kW_month * 12.0 / site.operating_days_per_yr;
    const double optimum = m.energy_usd_per_day + day_demand * m.peak_kW;
    const bool unmanaged_within_limit = r.unmanaged.peak_kW <= site.site_limit_kW * (1.0 + 1e-9);
    const double unmanaged_cost = r.unmanaged.energy_usd_per_day + day_demand * r.unmanaged.peak_kW;
    auto attempt = [&](int c) -> std::optional<DepotPlan> {
      Dispatch d = dispatch_on_chargers(site, w, load, c);
      DepotPlan p;
      if (d.complete) {
        p.pack_kW = std::move(d.pack_kW);
      } else {
        const DepotLpSolution again = solve_depot_lp(site, w, DepotLpGoal::kMinimumCost, true, &d.plugged);
        if (!again.optimal) return std::nullopt;
        p.pack_kW = again.pack_kW;
      }
      finish_plan(site, w, p);
      const double cost = p.energy_usd_per_day + day_demand * p.peak_kW;
      if (p.chargers > c || cost > optimum * (1.0 + kChargerCostTolerance) + 1e-9) return std::nullopt;
      // Never worse than unmanaged where unmanaged is a feasible schedule (the invariant of docs/depot.md).
      if (unmanaged_within_limit && (cost > unmanaged_cost || p.peak_kW > r.unmanaged.peak_kW + 1e-9)) {
        return std::nullopt;
      }
      p.feasible = true;
      return p;
    };
    int lo = std::max(1, m.chargers_lower_bound), hi = m.chargers;  // hi: known to do (the LP itself)
    std::optional<DepotPlan> best;
    while (lo < hi) {
      const int mid = lo + (hi - lo) / 2;
      if (auto p = attempt(mid)) {
        hi = std::min(mid, p->chargers);
        best = std::move(p);
      } else {
        lo = mid + 1;
      }
    }
    if (best && best->chargers < m.chargers) {
      r.managed_lp_optimum_usd_per_day = optimum;
      m = std::move(*best);
    }
  }
  if (site.chargers_installed > 0 && m.chargers > site.chargers_installed) {
    m.feasible = false;
    m.why = "too few chargers: " + std::to_string(site.chargers_installed) +
            " installed; the managed schedule needs " + std::to_string(m.chargers) +
            " (no schedule of its load does with fewer than " + std::to_string(m.chargers_lower_bound) + ")";
  }
  r.managed_costs = costs_of(site, m);
  // Each truck: its own energy; demand, fixed and capital in proportion to its grid energy.
  const double total_kWh = m.grid_kWh_per_day;
  for (std::size_t k = 0; k < site.trucks.size(); ++k) {
    TruckShare s;
    s.name = site.trucks[k].name;
    double usd = 0.0;
    for (std::size_t j = 0; j < m.pack_kW[k].size(); ++j) {
      const double kWh = m.pack_kW[k][j] / site.efficiency_frac * w.dt_h;
      s.grid_kWh_per_day += kWh;
      usd +=
          kWh * w.price_usd_per_kWh[static_cast<std::size_t>((w.first[k] + static_cast<int>(j)) % w.day_slots)];
    }
    const double f =
        total_kWh > 0.0 ? s.grid_kWh_per_day / total_kWh : 1.0 / static_cast<double>(site.trucks.size());
    s.energy_usd_per_yr = usd * site.operating_days_per_yr;
    s.demand_usd_per_yr = f * r.managed_costs.demand_usd_per_yr;
    s.fixed_usd_per_yr = f * r.managed_costs.fixed_usd_per_yr;
    s.capital_usd_per_yr = f * r.managed_costs.capital_usd_per_yr;
    r.managed_shares.push_back(s);
  }
  return r;
}

DepotShare depot_share(const DepotResult& r) {
  DepotShare s;
  if (!r.managed.feasible || r.managed_shares.empty()) return s;
  const auto n = static_cast<double>(r.managed_shares.size());
  const DepotCosts& c = r.managed_costs;
  s.enabled = true;
  s.energy_price_usd_per_kWh = c.usd_per_kWh(c.energy_usd_per_yr);
  s.demand_charge_usd_per_yr = c.demand_usd_per_yr / n;
  s.fixed_fees_usd_per_yr = c.fixed_usd_per_yr / n;
  s.charger_capital_usd = c.capital_usd / n;
  s.charger_life_yr = r.charger_life_yr;
  return s;
}

}  // namespace semitco::tco
