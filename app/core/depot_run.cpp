// A scenario's depot: site, schedule, report, CSV; see depot_run.hpp.
#include "app/core/depot_run.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/core/comparison_report.hpp"
#include "app/core/text.hpp"
#include "physics/battery_pack.hpp"
#include "tco/charging.hpp"
#include "tco/duty.hpp"
#include "tco/hours_of_service.hpp"

namespace semitco::core {

namespace {

std::string f(const char* fmt, double v) {
  char b[64];
  std::snprintf(b, sizeof b, fmt, v);
  return b;
}

std::string usd(double v) {  // $12,345
  const long long n = std::llround(v);
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-$" : "$") + out;
}

std::string clock(double s) {
  const int m = static_cast<int>(std::lround(std::fmod(s, 86400.0) / 60.0)) % 1440;
  char b[16];
  std::snprintf(b, sizeof b, "%02d:%02d", m / 60, m % 60);
  return b;
}

}  // namespace

bool depot_needs_trips(const Scenario& s) { return s.depot && s.depot->from_day_plan.has_value(); }

namespace {
void schedule_options(const Scenario& s, DepotRun& run);
}

DepotRun depot_run(const Scenario& s, const ComparisonResult* r) {
  if (!s.depot) throw InputError(s.file + ": has no \"depot\" section");
  DepotRun run;
  run.scenario = s.name;
  run.site = s.depot->site;
  if (r != nullptr) run.trips_integrator = r->electric.trip.solver.integrator;
  const tco::Operations& ops = s.economics.operations;
  if (s.depot->from_day_plan) {
    if (r == nullptr || !r->electric.summary.feasible || r->electric.summary.usable_battery_J <= 0.0) {
      throw InputError(s.file + ": depot.fleet_from_day_plan needs the electric truck's simulated day" +
                       (r && !r->electric.summary.infeasible_reason.empty()
                            ? ", which failed: " + r->electric.summary.infeasible_reason
                            : std::string()));
    }
    const tco::TripSummary& trip = r->electric.summary;
    const tco::DutyDay duty = tco::duty_day(ops, trip);
    tco::DayChargingDemand dem;
    dem.day_distance_m = duty.distance_m;
    dem.day_energy_J = trip.energy_from_source_J * duty.per_m;
    dem.run_distance_m = trip.distance_m;
    dem.usable_J = trip.usable_battery_J;
    dem.start_soc_frac = trip.start_soc_frac;
    dem.depot_window_s = duty.depot_dwell_s;
    dem.hos_breaks_per_day = tco::hos_breaks_per_day(duty.driving_s, ops.hos_driving_before_break_s);
    dem.hos_break_s = ops.hos_break_s;
    const tco::DayChargingPlan plan = tco::plan_day_charging(s.economics.charging, dem);
    const double usable_kWh = trip.usable_battery_J / 3.6e6;
    const double depot_kWh = plan.depot_pack_J / 3.6e6;
    const double depart = plan.start_soc_frac;
    const double arrive = std::max(0.0, depart - depot_kWh / usable_kWh);
    const auto& rule = *s.depot->from_day_plan;
    run.site.trucks.clear();
    for (int i = 0; i < rule.trucks; ++i) {
      tco::DepotTruck t;
      t.name = "truck " + std::to_string(i + 1);
      t.arrival_s = std::fmod(rule.first_arrival_s + i * rule.arrival_spacing_s, 86400.0);
      t.dwell_s = duty.depot_dwell_s;
      t.arrival_soc_frac = arrive;
      t.departure_soc_frac = depart;
      t.usable_kWh = usable_kWh;
      t.acceptance = s.economics.charging.acceptance;
      run.site.trucks.push_back(t);
    }
    if (duty.days_per_yr >= 1.0) run.site.operating_days_per_yr = std::min(366.0, duty.days_per_yr);
    run.from_day_plan = true;
    run.day_note =
        "each truck drives the scenario's day: " + f("%.0f mi", duty.distance_m / 1609.344) + ", " +
        f("%.0f kWh", depot_kWh) + " back into the pack at the depot" +
        (plan.enroute_stops > 0 ? " (after " + std::to_string(plan.enroute_stops) + " en-route stops)" : "") +
        "; arrives at " + f("%.0f %%", arrive * 100.0) + ", leaves at " + f("%.0f %%", depart * 100.0) +
        " of " + f("%.0f kWh", usable_kWh) + " usable, parked " + f("%.1f h", duty.depot_dwell_s / 3600.0);
    validate_depot_site(run.site, s.file);
  }
  schedule_options(s, run);
  return run;
}

namespace {

// Schedules the site with every charger option and keeps the cheapest feasible one.
void schedule_options(const Scenario& s, DepotRun& run) {
  try {
    for (const auto& c : s.depot->charger_options) {
      tco::DepotSite site = run.site;
      site.charger = c;
      run.options.push_back({c, tco::schedule_depot(site)});
    }
  } catch (const tco::TcoInputError& e) {
    throw InputError(s.file + ": " + e.what());
  }
  for (std::size_t i = 0; i < run.options.size(); ++i) {
    const auto& best = run.options[run.chosen].result;
    const auto& o = run.options[i].result;
    if (o.managed.feasible && (!best.managed.feasible || o.managed_costs.total_usd_per_yr() <
                                                             best.managed_costs.total_usd_per_yr())) {
      run.chosen = i;
    }
  }
  run.site.charger = run.options[run.chosen].charger;
  run.result = run.options[run.chosen].result;
  // The figure to beat is the cost model's own single-truck assumption: the economics' demand charge on
  // the economics' depot charger's grid draw (output / efficiency, tco/charging_cost.hpp), shared by
  // trucks_per_charger.
  const auto& ch = s.economics.charging;
  run.single_truck_charger_kW = ch.depot_charger_power_kW;
  run.single_truck_trucks_per_charger = ch.trucks_per_charger;
  run.result.single_truck_demand_usd_per_yr = s.economics.prices.demand_charge_usd_per_kW_month *
                                              ch.depot_charger_power_kW / ch.depot_efficiency_frac * 12.0 /
                                              ch.trucks_per_charger;
}

}  // namespace

DepotRun depot_run_for_fleet(const Scenario& s, const FleetReport& fleet) {
  if (!s.depot) throw InputError(s.file + ": has no \"depot\" section");
  DepotRun run;
  run.scenario = s.name;
  run.site = s.depot->site;
  run.trips_integrator = fleet.integrator;
  const auto& b = s.electric.battery;
  const double usable_kWh = physics::BatteryPack(b).energy_between_J(b.soc_min, b.soc_max) / 3.6e6;
  const double depart = std::clamp((s.electric.initial_soc - b.soc_min) / (b.soc_max - b.soc_min), 0.0, 1.0);
  // Arrivals as the depot section's rule spaces them (or from 16:00, 12 minutes apart), each parked the
  // scenario's depot dwell.
  DepotFleetRule rule;
  rule.first_arrival_s = 16.0 * 3600.0;
  rule.arrival_spacing_s = 12.0 * 60.0;
  if (s.depot->from_day_plan) rule = *s.depot->from_day_plan;
  const double dwell = s.economics.operations.day_plan.depot_dwell_s;
  std::vector<tco::DepotTruck> trucks;
  double total_kWh = 0.0;
  for (const auto& g : fleet.vehicles) {
    const std::size_t ok_days = g.days - g.failed_days;
    if (ok_days == 0) continue;
    const double day_kWh = g.ev_energy_kWh / static_cast<double>(ok_days);
    tco::DepotTruck t;
    t.name = g.name;
    const auto i = static_cast<double>(trucks.size());
    t.arrival_s = std::fmod(rule.first_arrival_s + i * rule.arrival_spacing_s, 86400.0);
    t.dwell_s = dwell;
    t.departure_soc_frac = depart;
    t.arrival_soc_frac = std::max(0.0, depart - day_kWh / usable_kWh);
    t.usable_kWh = usable_kWh;
    t.acceptance = s.economics.charging.acceptance;
    trucks.push_back(t);
    total_kWh += std::min(day_kWh, depart * usable_kWh);
  }
  if (trucks.empty()) throw InputError("semitco depot --fleet: no vehicle of the fleet has a day that ran");
  run.site.trucks = std::move(trucks);
  run.from_day_plan = true;
  run.day_note = "trucks from the fleet: " + std::to_string(run.site.trucks.size()) + " vehicles, each its own mean day (" +
                 f("%.0f kWh", total_kWh / static_cast<double>(run.site.trucks.size())) +
                 " a day back into the pack on average), leaving at " + f("%.0f %%", depart * 100.0) + " of " +
                 f("%.0f kWh", usable_kWh) + " usable, parked " + f("%.1f h", dwell / 3600.0);
  validate_depot_site(run.site, s.file);
  schedule_options(s, run);
  return run;
}

tco::DepotShare scenario_depot_share(const Scenario& s, const ComparisonResult& r) {
  if (!s.depot || !s.depot->feed_into_tco) return {};
  const DepotRun run = depot_run(s, &r);
  return tco::depot_share(run.result);
}

void print_depot(std::ostream& o, const DepotRun& run) {
  const auto& site = run.site;
  const auto& r = run.result;
  const auto n = site.trucks.size();
  o << "Depot: " << printable(run.scenario) << "\n";
  o << "  " << n << " trucks, chargers: " << printable(site.charger.name) << " ("
    << f("%.0f kW", site.charger.power_kW) << " output), site limit " << f("%.0f kW", site.site_limit_kW)
    << ", " << f("%.0f-minute", site.slot_s / 60.0) << " slots, demand charge "
    << f("$%.2f/kW-month", site.tariff.demand_charge_usd_per_kW_month) << "\n";
  if (run.from_day_plan) o << "  " << run.day_note << "\n";
  if (run.trips_integrator)
    o << "  trips simulated with " << integrator_description(*run.trips_integrator) << "\n";
  if (run.options.size() > 1) {
    o << "\n  Charger options (managed schedule):\n";
    char l[256];
    std::snprintf(l, sizeof l, "  %-22s %8s %9s %7s %10s %12s %12s\n", "charger", "power", "chargers", "bound",
                  "peak", "capital", "delivered");
    o << l;
    for (std::size_t i = 0; i < run.options.size(); ++i) {
      const auto& c = run.options[i].charger;
      const auto& m = run.options[i].result.managed;
      const auto& mc = run.options[i].result.managed_costs;
      if (!m.feasible) {
        std::snprintf(l, sizeof l, "  %-22s %8s  infeasible: ", printable(c.name).substr(0, 22).c_str(),
                      f("%.0f kW", c.power_kW).c_str());
        o << l << printable(m.why) << "\n";
        continue;
      }
      std::snprintf(l, sizeof l, "  %-22s %8s %9d %7d %10s %12s %12s%s\n", printable(c.name).substr(0, 22).c_str(),
                    f("%.0f kW", c.power_kW).c_str(), m.chargers, m.chargers_lower_bound,
                    f("%.0f kW", m.peak_kW).c_str(), usd(mc.capital_usd).c_str(),
                    f("$%.3f/kWh", mc.usd_per_kWh(mc.total_usd_per_yr())).c_str(),
                    i == run.chosen ? "  <- cheapest, shown below" : "");
      o << l;
    }
  }
  for (const auto& note : r.notes) o << "  note: " << printable(note) << "\n";
  o << "\n";
  char line[256];
  std::snprintf(line, sizeof line, "  %-34s %14s %14s\n", "", "unmanaged", "managed");
  o << line;
  auto row = [&](const char* label, const std::string& a, const std::string& b) {
    std::snprintf(line, sizeof line, "  %-34s %14s %14s\n", label, a.c_str(), b.c_str());
    o << line;
  };
  const auto& u = r.unmanaged;
  const auto& m = r.managed;
  const auto& uc = r.unmanaged_costs;
  const auto& mc = r.managed_costs;
  row("schedule", u.feasible ? "feasible" : "INFEASIBLE", m.feasible ? "feasible" : "INFEASIBLE");
  if (!m.feasible) {
    o << "\n  managed schedule infeasible: " << printable(m.why) << "\n";
    if (!u.feasible && u.why != m.why) o << "  unmanaged: " << printable(u.why) << "\n";
    return;
  }
  row("peak grid power", f("%.0f kW", u.peak_kW), f("%.0f kW", m.peak_kW));
  row("chargers (assignment)", std::to_string(u.chargers), std::to_string(m.chargers));
  row("  lower bound by power", std::to_string(u.chargers_lower_bound),
      std::to_string(m.chargers_lower_bound));
  row("  most trucks charging at once", std::to_string(u.max_simultaneous),
      std::to_string(m.max_simultaneous));
  row("grid energy a day", f("%.0f kWh", u.grid_kWh_per_day), f("%.0f kWh", m.grid_kWh_per_day));
  row("delivered cost", f("$%.3f/kWh", uc.usd_per_kWh(uc.total_usd_per_yr())),
      f("$%.3f/kWh", mc.usd_per_kWh(mc.total_usd_per_yr())));
  row("  energy (time of use)", f("$%.3f/kWh", uc.usd_per_kWh(uc.energy_usd_per_yr)),
      f("$%.3f/kWh", mc.usd_per_kWh(mc.energy_usd_per_yr)));
  row("  demand charge", f("$%.3f/kWh", uc.usd_per_kWh(uc.demand_usd_per_yr)),
      f("$%.3f/kWh", mc.usd_per_kWh(mc.demand_usd_per_yr)));
  row("  fixed fees", f("$%.3f/kWh", uc.usd_per_kWh(uc.fixed_usd_per_yr)),
      f("$%.3f/kWh", mc.usd_per_kWh(mc.fixed_usd_per_yr)));
  row("  charger capital (annualised)", f("$%.3f/kWh", uc.usd_per_kWh(uc.capital_usd_per_yr)),
      f("$%.3f/kWh", mc.usd_per_kWh(mc.capital_usd_per_yr)));
  row("depot bill a year", usd(uc.total_usd_per_yr()), usd(mc.total_usd_per_yr()));
  row("charger capital", usd(uc.capital_usd), usd(mc.capital_usd));
  const double nd = static_cast<double>(n);
  row("demand charge per truck a year", usd(uc.demand_usd_per_yr / nd), usd(mc.demand_usd_per_yr / nd));
  o << "\n  Demand charge per truck: " << usd(mc.demand_usd_per_yr / nd) << "/yr with managed charging ("
    << usd(uc.demand_usd_per_yr / nd) << " unmanaged) against " << usd(r.single_truck_demand_usd_per_yr)
    << "/yr on the cost model's single-truck assumption (the demand charge on one "
    << f("%.0f kW", run.single_truck_charger_kW) << " charger's grid draw every month"
    << (run.single_truck_trucks_per_charger > 1.0 ? f(", shared by %.3g trucks", run.single_truck_trucks_per_charger)
                                                  : std::string()) << ").\n";
  if (r.managed_lp_optimum_usd_per_day > 0.0) {
    const double day_d = site.tariff.demand_charge_usd_per_kW_month * 12.0 / site.operating_days_per_yr;
    const double cost = m.energy_usd_per_day + day_d * m.peak_kW;
    o << "  Chargers: the LP's optimum dealt to " << m.chargers << " chargers costs "
      << f("%.2f %%", std::max(0.0, (cost / r.managed_lp_optimum_usd_per_day - 1.0) * 100.0))
      << " more in energy and demand; no schedule of this load needs fewer than " << m.chargers_lower_bound
      << " (gap " << (m.chargers - m.chargers_lower_bound) << ").\n";
  } else {
    o << "  Chargers: " << m.chargers << " by the interval assignment; the power bound is "
      << m.chargers_lower_bound << " (gap " << (m.chargers - m.chargers_lower_bound) << ").\n";
  }
  if (site.chargers_installed > 0) o << "  Installed: " << site.chargers_installed << " chargers.\n";

  o << "\n  Per truck (managed; energy its own, the rest in proportion to its kWh), a year:\n";
  std::snprintf(line, sizeof line, "  %-14s %7s %6s %10s %9s %9s %9s %10s %8s\n", "truck", "arrives", "SOC",
                "kWh/day", "energy", "demand", "fixed", "capital", "$/kWh");
  o << line;
  for (std::size_t k = 0; k < n; ++k) {
    const auto& t = site.trucks[k];
    const auto& s = r.managed_shares[k];
    const double total =
        s.energy_usd_per_yr + s.demand_usd_per_yr + s.fixed_usd_per_yr + s.capital_usd_per_yr;
    const double kWh_yr = s.grid_kWh_per_day * site.operating_days_per_yr;
    std::snprintf(line, sizeof line, "  %-14s %7s %2.0f-%2.0f%% %10.0f %9s %9s %9s %10s %8.3f\n",
                  printable(t.name).substr(0, 14).c_str(), clock(t.arrival_s).c_str(),
                  t.arrival_soc_frac * 100.0, t.departure_soc_frac * 100.0, s.grid_kWh_per_day,
                  usd(s.energy_usd_per_yr).c_str(), usd(s.demand_usd_per_yr).c_str(),
                  usd(s.fixed_usd_per_yr).c_str(), usd(s.capital_usd_per_yr).c_str(),
                  kWh_yr > 0 ? total / kWh_yr : 0.0);
    o << line;
  }
}

void write_depot_load_csv(std::ostream& o, const DepotRun& run) {
  const auto& r = run.result;
  o << "time,unmanaged_kW,managed_kW,site_limit_kW,price_usd_per_kWh\n";
  for (int s = 0; s < r.day_slots; ++s) {
    const auto i = static_cast<std::size_t>(s);
    const double t = s * r.slot_s;
    const double h = (s + 0.5) * r.slot_s / 3600.0;
    char b[160];
    std::snprintf(b, sizeof b, "%s,%.1f,%.1f,%.1f,%.4f\n", clock(t).c_str(),
                  i < r.unmanaged.grid_kW.size() ? r.unmanaged.grid_kW[i] : 0.0,
                  r.managed.feasible && i < r.managed.grid_kW.size() ? r.managed.grid_kW[i] : 0.0,
                  run.site.site_limit_kW,
                  tco::energy_price_usd_per_kWh(run.site.tariff, h, run.site.weekend_prices));
    o << b;
  }
}

}  // namespace semitco::core
