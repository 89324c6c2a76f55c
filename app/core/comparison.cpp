// Electric-vs-diesel comparison on one route; see comparison.hpp.
#include "app/core/comparison.hpp"
#include "app/core/depot_run.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "app/core/json_params.hpp"
#include "physics/battery_pack.hpp"
#include "physics/descent_planner.hpp"
#include "physics/diesel_powertrain.hpp"
#include "physics/trip_solver.hpp"
#include "routes/readers.hpp"
#include "tco/duty.hpp"

namespace semitco::core {

std::size_t max_route_file_bytes() { return routes::ReadOptions{}.max_xml_bytes; }

namespace {
// Why a text file may have been refused, from its first bytes: UTF-16 or semicolon-separated values,
// which the readers only report as the first token they cannot read. "" when neither.
std::string encoding_hint(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return text_file_hint(head);
}
}  // namespace

routes::RouteProfile read_route_file(const std::string& path, const std::string& format) {
  const auto fmt = routes::parse_format(format);
  check_input_file(path, max_route_file_bytes(), "routes::ReadOptions::max_xml_bytes");
  try {
    return routes::read_route(path, fmt);
  } catch (const routes::RouteError& e) {
    const std::string hint = encoding_hint(path);
    if (hint.empty()) throw;
    throw InputError(std::string(e.what()) + " (" + hint + ")");
  }
}

namespace {
std::string seconds_text(double s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f s", s);
  return buf;
}
}  // namespace

physics::SolverOptions trip_solver_options(const routes::RouteProfile& route, const RunOptions& opt,
                                           std::string* why_limit) {
  auto solver = physics::SolverOptions::defaults_for(opt.integrator);
  double derived;
  std::string what;
  if (route.is_time_based()) {
    derived = route.trace_time_s.back();
    what = "the route's speed trace lasts " + seconds_text(derived);
  } else {
    double dwell = 0.0;
    for (const auto& st : route.stops) dwell += st.dwell_s;
    derived = route.length_m() / 0.5 + dwell + 3600.0;  // the physics' own default
    what = "the route allows " + seconds_text(derived) + " (its length at 0.5 m/s, its stops and an hour)";
  }
  double limit;
  std::string why;
  if (opt.max_trip_duration_s > 0.0) {
    limit = std::min(opt.max_trip_duration_s, kMaxTripDurationS);
    why = "the trip time limit asked for; " + what;
  } else if (derived > kMaxTripDurationS) {
    limit = kMaxTripDurationS;
    why = "the longest trip semitco simulates is " + seconds_text(kMaxTripDurationS) + " (kMaxTripDurationS); " + what;
  } else {
    limit = derived;
    why = what;
  }
  if (opt.record_series && solver.sample_interval_s > 0.0 && limit > kMaxSeriesSamples * solver.sample_interval_s) {
    limit = kMaxSeriesSamples * solver.sample_interval_s;
    why = "a time series keeps at most " + std::to_string(static_cast<long>(kMaxSeriesSamples)) +
          " samples (kMaxSeriesSamples, " + seconds_text(limit) +
          " at its interval); run without the series for a longer trip";
  }
  solver.max_duration_s = limit;
  if (why_limit) *why_limit = why;
  return solver;
}

void annotate_time_limit(physics::TripResult& trip, const std::string& why_limit) {
  auto& reason = trip.summary.end_reason;
  if (!trip.summary.completed && reason.rfind("time limit", 0) == 0 && !why_limit.empty()) {
    reason += " (" + why_limit + ")";
  }
}

routes::RouteProfile load_route(const Scenario& s) { return read_route_file(s.route_path(), s.route_format); }

namespace {

double miles(double m) { return m / kMetersPerMile; }

// Fraction of the usable window: 0 at soc_min, 1 at soc_max (may leave [0, 1]).
double usable_fraction(const physics::BatteryParams& b, double soc) {
  return (soc - b.soc_min) / (b.soc_max - b.soc_min);
}
double soc_of_usable(const physics::BatteryParams& b, double frac) { return b.soc_min + frac * (b.soc_max - b.soc_min); }

}  // namespace

physics::EnrouteCharging trip_charging(const Scenario& s, const routes::RouteProfile& route) {
  const auto& ch = s.economics.charging;
  const auto& b = s.electric.battery;
  physics::EnrouteCharging c;
  c.enabled = true;
  c.charger_power_W = ch.enroute_charger_power_kW * 1000.0;
  c.efficiency = ch.enroute_efficiency_frac;
  c.reserve_soc = soc_of_usable(b, ch.reserve_soc_frac);
  c.target_soc = std::max(soc_of_usable(b, ch.enroute_target_soc_frac), c.reserve_soc + 0.01);
  c.plug_time_s = ch.enroute_stop_overhead_s;
  // Chargers the route file marks come first; else the scenario's positions; else wherever needed.
  if (!route.chargers.empty() && !route.is_time_based()) {
    for (const auto& k : route.chargers) c.chargers.push_back(physics::ChargerSite{k.distance_m, k.power_W, k.name});
  } else {
    for (double x : ch.enroute_charger_positions_m) c.chargers.push_back(physics::ChargerSite{x, 0.0, ""});
  }
  c.wherever_needed = c.chargers.empty();
  return c;
}

double regen_headroom_soc(const Scenario& s, const routes::RouteProfile& route, const physics::Chassis& chassis) {
  const auto& b = s.electric.battery;
  // An upper bound, so the room is really there: everything the grade gives beyond rolling and the aero
  // drag at the driver's slowest descent speed, with no loss in the regen chain. (With 85 % at 20 m/s the
  // default truck still filled its pack just before the bottom of 60 km at -7 %.)
  const double e_J =
      physics::regen_energy_of_largest_descent_J(route, chassis, s.ambient, s.driver.descent_min_speed_mps, 1.0);
  const physics::BatteryPack pack(b);
  const double soc_per_J = 1.0 / (pack.capacity_C() * pack.ocv_V(b.soc_max));
  return std::clamp(b.soc_max - e_J * soc_per_J, b.soc_min, s.electric.initial_soc);
}

std::pair<double, double> payloads_kg(const Scenario& s) {
  tco::TcoInputs in = s.economics;
  in.electric.economics.tare_kg = s.electric.chassis.tractor_mass_kg + s.electric.chassis.trailer_mass_kg;
  in.diesel.economics.tare_kg = s.diesel.chassis.tractor_mass_kg + s.diesel.chassis.trailer_mass_kg;
  return {tco::payload_kg(in, tco::Powertrain::kBatteryElectric), tco::payload_kg(in, tco::Powertrain::kDiesel)};
}

ComparisonResult run_comparison(const Scenario& s, const routes::RouteProfile& route, const RunOptions& opt) {
  ComparisonResult r = simulate_comparison(s, route, opt);
  price_comparison(s, r);
  return r;
}

namespace {

/// Both trucks as they drive the route: payloads, the electric truck's departure SOC and its charging,
/// with what was decided about them in words.
struct TripSetup {
  physics::ElectricTruckParams ev;
  physics::DieselTruckParams dsl;
  physics::EnrouteCharging charging;
  double depot_soc = 0.0;  ///< the SOC the depot sends the electric truck out with every day
  std::vector<std::string> notes;
};

TripSetup prepare_trips(const Scenario& s, const routes::RouteProfile& route) {
  TripSetup t;
  t.ev = s.electric;
  t.dsl = s.diesel;
  // Payload each truck carries: min(freight offered, gross limit (+ BEV allowance) - tare).
  std::tie(t.ev.chassis.payload_kg, t.dsl.chassis.payload_kg) = payloads_kg(s);
  auto& ev = t.ev;
  if (s.keep_regen_headroom) {
    const double soc0 = ev.initial_soc;
    ev.initial_soc = regen_headroom_soc(s, route, ev.chassis);
    if (ev.initial_soc < soc0 - 1e-6) {
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    "electric trip: leaves at %.0f %% state of charge instead of %.0f %% to keep regen headroom for the "
                    "route's largest descent (trip_charging.keep_regen_headroom)",
                    ev.initial_soc * 100.0, soc0 * 100.0);
      t.notes.emplace_back(buf);
    }
  }
  t.depot_soc = ev.initial_soc;
  // A trip much shorter than the day is a sample of it: most of the day is driven below the top of the
  // pack, where regen is not cut back by a full pack, so the sample is simulated from there (at most the
  // start of the charge taper). Simulated from the top, a short cycle would carry the full pack's lost regen
  // into every mile of the day (8 % on a 16-mile delivery cycle).
  tco::TripSummary probe;
  probe.distance_m = route.length_m();
  const double day_m = tco::duty_day(s.economics.operations, probe).distance_m;
  const double taper = ev.battery.charge_taper_start_soc;
  if (day_m > 1.5 * route.length_m() && ev.initial_soc > taper) {
    ev.initial_soc = std::max(taper, ev.battery.soc_min);
    char buf[240];
    std::snprintf(buf, sizeof buf,
                  "electric trip: the %.1f-mile trip stands for a %.0f-mile day, so it is simulated from %.0f %% state "
                  "of charge (where a full pack does not cut back regen), not the %.0f %% it leaves the depot with",
                  route.length_m() / kMetersPerMile, day_m / kMetersPerMile, ev.initial_soc * 100.0,
                  t.depot_soc * 100.0);
    t.notes.emplace_back(buf);
  }
  t.charging = trip_charging(s, route);
  return t;
}

}  // namespace

std::vector<double> trip_inputs_key(const Scenario& s, const routes::RouteProfile& route) {
  const TripSetup t = prepare_trips(s, route);
  const auto& c = t.charging;
  std::vector<double> k = {t.ev.chassis.payload_kg, t.dsl.chassis.payload_kg, s.ambient.temperature_C,
                           s.ambient.headwind_mps, s.ambient.base_altitude_m, t.ev.initial_soc, t.depot_soc,
                           c.charger_power_W, c.efficiency, c.reserve_soc, c.target_soc, c.plug_time_s,
                           c.wherever_needed ? 1.0 : 0.0};
  for (const auto& site : c.chargers) {
    k.push_back(site.distance_m);
    k.push_back(site.power_W);
  }
  return k;
}

ComparisonResult simulate_comparison(const Scenario& s, const routes::RouteProfile& route, const RunOptions& opt) {
  ComparisonResult r;
  r.scenario = s.name;
  r.route = route.name;
  for (const auto& w : route.warnings) r.warnings.push_back(w.message);

  TripSetup setup = prepare_trips(s, route);
  const auto& ev = setup.ev;
  const auto& dsl = setup.dsl;
  const double depot_soc = setup.depot_soc;
  r.electric.payload_kg = ev.chassis.payload_kg;
  r.diesel.payload_kg = dsl.chassis.payload_kg;
  r.electric.tare_kg = ev.chassis.tractor_mass_kg + ev.chassis.trailer_mass_kg;
  r.diesel.tare_kg = dsl.chassis.tractor_mass_kg + dsl.chassis.trailer_mass_kg;
  for (auto& n : setup.notes) r.warnings.push_back(std::move(n));

  // The electric truck charges on the way where its pack would go below the reserve (physics/charge_planner.hpp).
  std::string why_limit;
  const auto solver = trip_solver_options(route, opt, &why_limit);
  r.electric.trip =
      physics::simulate_electric(route, ev, s.ambient, s.driver, solver, opt.record_series, false, setup.charging);
  r.diesel.trip = physics::simulate_diesel(route, dsl, s.ambient, s.driver, solver, opt.record_series);
  annotate_time_limit(r.electric.trip, why_limit);
  annotate_time_limit(r.diesel.trip, why_limit);

  {
    const auto& t = r.electric.trip;
    auto& sum = r.electric.summary;
    const physics::BatteryPack pack(ev.battery);
    sum.distance_m = t.summary.distance_m;
    // The day's charging is planned by the cost model from the energy per mile; the stops this trip made
    // are shown with it, not counted twice.
    sum.duration_s = t.summary.duration_s - t.summary.charging_time_s;
    sum.driving_time_s = std::min(t.summary.moving_time_s, sum.duration_s);  // integral of 1 vs t: rounding
    sum.energy_from_source_J = t.ledger.source_net_J();
    sum.battery_energy_out_J = t.ledger.source_out_J;
    sum.battery_energy_in_J = t.ledger.source_in_J;
    sum.start_soc_frac = std::clamp(usable_fraction(ev.battery, depot_soc), 0.0, 1.0);
    sum.min_soc_frac = usable_fraction(ev.battery, t.summary.min_soc);
    sum.usable_battery_J = pack.energy_between_J(ev.battery.soc_min, ev.battery.soc_max);
    sum.feasible = t.summary.completed;
    if (!sum.feasible) sum.infeasible_reason = t.summary.end_reason;
    if (sum.feasible && sum.energy_from_source_J <= 0.0) {
      // Not a duty a cost per mile can be built on: every mile of it would charge the pack.
      sum.feasible = false;
      sum.infeasible_reason = "the trip gains energy on balance (it mostly descends): as a representative duty it "
                              "needs a route that uses energy, such as the same road out and back";
    }
    r.electric.energy_kWh_per_mi = t.summary.energy_kWh_per_mi;
    r.electric.mpg = t.summary.energy_kWh_per_mi > 0 ? kDieselGallonEquivalent_kWh / t.summary.energy_kWh_per_mi : 0;
  }
  {
    const auto& t = r.diesel.trip;
    auto& sum = r.diesel.summary;
    sum.distance_m = t.summary.distance_m;
    sum.duration_s = t.summary.duration_s;
    sum.driving_time_s = std::min(t.summary.moving_time_s, t.summary.duration_s);  // integral of 1 vs t: rounding
    sum.fuel_kg = t.ledger.fuel_kg;
    sum.fuel_L = t.ledger.fuel_kg / dsl.fuel.density_kg_per_m3 * 1000.0;
    sum.def_L = t.ledger.def_kg / dsl.fuel.def_density_kg_per_m3 * 1000.0;
    sum.co2_kg = t.ledger.fuel_kg * dsl.fuel.co2_kg_per_kg();
    sum.start_soc_frac = 0.0;
    sum.feasible = t.summary.completed;
    if (!sum.feasible) sum.infeasible_reason = t.summary.end_reason;
    r.diesel.energy_kWh_per_mi = t.summary.energy_kWh_per_mi;
    const double gal = sum.fuel_L / kLitersPerGallon;
    r.diesel.mpg = gal > 0 ? miles(sum.distance_m) / gal : 0.0;
    r.diesel.co2_kg = sum.co2_kg;
  }

  return r;
}

void price_comparison(const Scenario& s, ComparisonResult& r) {
  tco::TcoInputs in = s.economics;
  in.electric.economics.tare_kg = r.electric.tare_kg;
  in.diesel.economics.tare_kg = r.diesel.tare_kg;
  // Grid CO2 of the energy the depot must draw to put the battery energy back.
  const double grid_kWh = r.electric.summary.energy_from_source_J / 3.6e6 / in.charging.depot_efficiency_frac;
  r.electric.summary.co2_kg = r.electric.co2_kg = grid_kWh * s.grid_co2_kg_per_kWh;
  in.electric.trip = r.electric.summary;
  in.diesel.trip = r.diesel.summary;
  // A depot section with feed_into_tco: the fleet schedule's per-truck bill replaces the single-truck
  // charger lines (app/core/depot_run.hpp).
  if (s.depot && s.depot->feed_into_tco && r.electric.summary.feasible) {
    in.charging.depot_share = scenario_depot_share(s, r);
  }
  r.tco_inputs = in;
  r.tco = tco::Comparison{};
  std::erase_if(r.warnings, [](const std::string& w) {
    return w.starts_with("no cost comparison") || w.starts_with("electric: ") || w.starts_with("diesel: ") ||
           w.starts_with("depot: ");
  });
  if (s.depot && s.depot->feed_into_tco && r.electric.summary.feasible && !in.charging.depot_share.enabled) {
    r.warnings.push_back("depot: the managed schedule is infeasible, so the single-truck charger costs are used "
                         "(semitco depot says why)");
  } else if (in.charging.depot_share.enabled) {
    r.warnings.push_back("depot: the electric truck's depot electricity, demand charge, fees and charger capital are "
                         "its share of the scenario's managed depot schedule");
  }
  if (!r.electric.summary.feasible || !r.diesel.summary.feasible) {
    r.warnings.push_back("no cost comparison: " +
                         (!r.electric.summary.feasible ? "electric truck: " + r.electric.summary.infeasible_reason
                                                       : "diesel truck: " + r.diesel.summary.infeasible_reason));
    return;
  }
  r.tco = tco::compare(in);
  for (const auto& n : r.tco.electric.notes) r.warnings.push_back("electric: " + n);
  for (const auto& n : r.tco.diesel.notes) r.warnings.push_back("diesel: " + n);
}

}  // namespace semitco::core
