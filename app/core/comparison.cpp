// Electric-vs-diesel comparison on one route; see comparison.hpp.
#include "app/core/comparison.hpp"
#include "app/core/depot_run.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <map>

#include "app/core/json_params.hpp"
#include "physics/battery_pack.hpp"
#include "physics/descent_planner.hpp"
#include "physics/diesel_powertrain.hpp"
#include "physics/trip_solver.hpp"
#include "routes/readers.hpp"
#include "terrain/dem_loader.hpp"
#include "tco/duty.hpp"

namespace semitco::core {

std::size_t max_route_file_bytes() { return kMaxRouteFileBytes; }

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

namespace {
/// Reads a route file as `read` does (a profile or its trips) with the options of `input`.
template <class Read>
auto read_with_input(const std::string& path, const std::string& format, const RouteInput& input, Read read) {
  const auto fmt = routes::parse_format(format);
  check_input_file(path, max_route_file_bytes(), "kMaxRouteFileBytes");
  routes::ReadOptions options;
  options.strict = input.strict;
  if (input.gaps_as_stops && input.gaps_split) throw InputError("--gap-stop and --gap-split: choose one rule for gaps");
  if (input.gaps_as_stops) options.gap_rule = routes::ReadOptions::GapRule::Stop;
  if (input.gaps_split) options.gap_rule = routes::ReadOptions::GapRule::Split;
  std::unique_ptr<routes::ElevationSource> dem;
  if (!input.dem_path.empty()) {
    try {
      dem = terrain::open_dem(input.dem_path);
    } catch (const std::runtime_error& e) {
      throw InputError(std::string("--dem: ") + e.what());
    }
    options.terrain = dem.get();
    options.terrain_use = input.dem_check_only ? routes::TerrainUse::Check : routes::TerrainUse::Replace;
  }
  try {
    return read(path, fmt, options);
  } catch (const routes::RouteError& e) {
    // semicolon-separated files and UTF-16 with a byte-order mark are read now (repairs); the UTF-16 hint
    // still explains a refusal of UTF-16 without a mark, or in strict mode
    const std::string hint = encoding_hint(path);
    if (hint.find("UTF-16") == std::string::npos) throw;
    throw InputError(std::string(e.what()) + " (" + hint + ")");
  }
}
}  // namespace

routes::RouteProfile read_route_file(const std::string& path, const std::string& format, const RouteInput& input) {
  return read_with_input(path, format, input, [](const std::string& p, routes::Format f, const routes::ReadOptions& o) {
    return routes::read_route(p, f, o);
  });
}

std::vector<routes::RouteProfile> read_route_trips_file(const std::string& path, const std::string& format,
                                                        const RouteInput& input) {
  return read_with_input(path, format, input, [](const std::string& p, routes::Format f, const routes::ReadOptions& o) {
    return routes::read_route_trips(p, f, o);
  });
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

routes::RouteProfile load_route(const Scenario& s, const RouteInput& input) {
  return read_route_file(s.route_path(), s.route_format, input);
}

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

// The TCO trip summary of the electric truck's trip and its per-mile figures, into `out`.
void summarize_electric(const physics::TripResult& t, const physics::ElectricTruckParams& ev, double depot_soc,
                        TruckOutcome& out) {
  auto& sum = out.summary;
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
  out.energy_kWh_per_mi = t.summary.energy_kWh_per_mi;
  out.mpg = t.summary.energy_kWh_per_mi > 0 ? kDieselGallonEquivalent_kWh / t.summary.energy_kWh_per_mi : 0;
}

// The same for the diesel truck.
void summarize_diesel(const physics::TripResult& t, const physics::DieselTruckParams& dsl, TruckOutcome& out) {
  auto& sum = out.summary;
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
  out.energy_kWh_per_mi = t.summary.energy_kWh_per_mi;
  const double gal = sum.fuel_L / kLitersPerGallon;
  out.mpg = gal > 0 ? miles(sum.distance_m) / gal : 0.0;
  out.co2_kg = sum.co2_kg;
}

MonthOutcome month_outcome(int m, double temperature_C, const physics::AuxParams& aux, const TruckOutcome& o) {
  MonthOutcome mo;
  mo.month = m;
  mo.temperature_C = temperature_C;
  mo.aux_W = aux.power_at_W(temperature_C);
  mo.energy_kWh_per_mi = o.energy_kWh_per_mi;
  mo.mpg = o.mpg;
  const double J_per_m = o.summary.distance_m > 0.0 ? o.summary.energy_from_source_J / o.summary.distance_m : 0.0;
  mo.range_m = (o.summary.usable_battery_J > 0.0 && J_per_m > 0.0) ? o.summary.usable_battery_J / J_per_m : 0.0;
  mo.feasible = o.summary.feasible;
  mo.reason = o.summary.infeasible_reason;
  return mo;
}

// The year of weather: both trucks once per distinct monthly temperature (the scenario's ambient reuses the
// trips already run), their month table, and the year's summaries for the cost model (weather.hpp).
void simulate_year(const Scenario& s, const routes::RouteProfile& route, const TripSetup& setup,
                   const RunOptions& opt, ComparisonResult& r) {
  const YearOfWeather& w = *s.weather;
  struct Trips {
    TruckOutcome ev, dsl;  // summaries and per-mile figures; no trip kept
  };
  std::map<double, Trips> by_temperature;
  {
    Trips here;
    here.ev.summary = r.electric.summary;
    here.ev.energy_kWh_per_mi = r.electric.energy_kWh_per_mi;
    here.ev.mpg = r.electric.mpg;
    here.dsl.summary = r.diesel.summary;
    here.dsl.energy_kWh_per_mi = r.diesel.energy_kWh_per_mi;
    here.dsl.mpg = r.diesel.mpg;
    here.dsl.co2_kg = r.diesel.co2_kg;
    by_temperature.emplace(s.ambient.temperature_C, std::move(here));
  }
  // The options of the trip at the ambient, so a month's trip is the one a scenario at its temperature runs.
  std::string why_limit;
  const auto solver = trip_solver_options(route, opt, &why_limit);
  std::array<tco::TripSummary, 12> ev_year, dsl_year;
  double ev_kWh_per_mi = 0.0, dsl_kWh_per_mi = 0.0, dsl_gal_per_mi = 0.0;
  for (int m = 0; m < 12; ++m) {
    const double T = w.temperature_C[static_cast<std::size_t>(m)];
    auto it = by_temperature.find(T);
    if (it == by_temperature.end()) {
      physics::Ambient a = s.ambient;
      a.temperature_C = T;
      Trips t;
      auto ev_trip =
          physics::simulate_electric(route, setup.ev, a, s.driver, solver, opt.record_series, false, setup.charging);
      auto dsl_trip = physics::simulate_diesel(route, setup.dsl, a, s.driver, solver, opt.record_series);
      annotate_time_limit(ev_trip, why_limit);
      annotate_time_limit(dsl_trip, why_limit);
      summarize_electric(ev_trip, setup.ev, setup.depot_soc, t.ev);
      summarize_diesel(dsl_trip, setup.dsl, t.dsl);
      it = by_temperature.emplace(T, std::move(t)).first;
    }
    const Trips& t = it->second;
    r.electric.months.push_back(month_outcome(m, T, setup.ev.aux, t.ev));
    r.diesel.months.push_back(month_outcome(m, T, setup.dsl.aux, t.dsl));
    ev_year[static_cast<std::size_t>(m)] = t.ev.summary;
    dsl_year[static_cast<std::size_t>(m)] = t.dsl.summary;
    ev_kWh_per_mi += month_weight(m) * t.ev.energy_kWh_per_mi;
    dsl_kWh_per_mi += month_weight(m) * t.dsl.energy_kWh_per_mi;
    dsl_gal_per_mi += month_weight(m) * (t.dsl.mpg > 0.0 ? 1.0 / t.dsl.mpg : 0.0);
  }
  r.electric.summary = annual_summary(ev_year, w.temperature_C);
  r.diesel.summary = annual_summary(dsl_year, w.temperature_C);
  r.electric.energy_kWh_per_mi = ev_kWh_per_mi;
  r.electric.mpg = ev_kWh_per_mi > 0.0 ? kDieselGallonEquivalent_kWh / ev_kWh_per_mi : 0.0;
  r.diesel.energy_kWh_per_mi = dsl_kWh_per_mi;
  r.diesel.mpg = dsl_gal_per_mi > 0.0 ? 1.0 / dsl_gal_per_mi : 0.0;
  r.diesel.co2_kg = r.diesel.summary.co2_kg;
  r.weather_label = w.region.empty() ? "entered monthly temperatures" : w.label;
  char buf[320];
  std::snprintf(buf, sizeof buf,
                "costs use the year of weather (%s): %.2f kWh/mi electric and %.2f mpg diesel over the months; the "
                "trip shown is the one at the scenario's ambient %.1f degC",
                r.weather_label.c_str(), ev_kWh_per_mi, r.diesel.mpg, s.ambient.temperature_C);
  r.warnings.emplace_back(buf);
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
  // The trucks themselves, as the app and the batch's vehicle sweeps change them.
  for (const auto* ch : {&t.ev.chassis, &t.dsl.chassis}) {
    k.insert(k.end(), {ch->tractor_mass_kg, ch->trailer_mass_kg, ch->cda_m2, ch->crr, ch->rotating_equiv_mass_kg});
  }
  const auto& b = t.ev.battery;
  const auto& m = t.ev.motor;
  k.insert(k.end(), {b.capacity_Ah, b.resistance_ohm, b.max_discharge_power_W, b.max_charge_power_W, b.soc_min,
                     b.soc_max, m.peak_power_W, m.peak_regen_power_W, m.peak_torque_Nm, t.ev.aux.power_W,
                     t.dsl.aux.power_W});
  k.push_back(s.weather ? 12.0 : 0.0);  // the year of weather, when given
  if (s.weather) k.insert(k.end(), s.weather->temperature_C.begin(), s.weather->temperature_C.end());
  return k;
}

ComparisonResult simulate_comparison(const Scenario& s, const routes::RouteProfile& route, const RunOptions& opt) {
  ComparisonResult r;
  r.scenario = s.name;
  r.route = route.name;
  for (const auto& w : route.warnings) r.warnings.push_back(w.message);
  r.repairs = route.repairs;
  for (const auto& rep : route.repairs) r.warnings.push_back(route.source + ": repaired: " + routes::repair_text(rep));

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

  summarize_electric(r.electric.trip, ev, depot_soc, r.electric);
  summarize_diesel(r.diesel.trip, dsl, r.diesel);
  if (s.weather) simulate_year(s, route, setup, opt, r);

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
