// One electric-vs-diesel comparison on one route: both trucks simulated with the payload each can carry,
// their trips turned into TCO trip summaries, and the cost comparison. Both front ends and the batch
// runner call this.
#pragma once

#include <string>
#include <vector>

#include "app/core/route_input.hpp"
#include "app/core/scenario.hpp"
#include "physics/charge_planner.hpp"
#include "physics/params.hpp"
#include "physics/trip_result.hpp"
#include "routes/route_profile.hpp"
#include "tco/cost_model.hpp"

namespace semitco::core {

/// Energy of a US gallon of diesel, lower heating value: 128,488 Btu/gal (GREET, as listed by the
/// US DOE Alternative Fuels Data Center fuel properties table) = 37.66 kWh. Used for "diesel gallon
/// equivalent" figures of the electric truck.
inline constexpr double kDieselGallonEquivalent_kWh = 128488.0 * 1055.05585262 / 3.6e6;
inline constexpr double kMetersPerMile = 1609.344;
inline constexpr double kLitersPerGallon = 3.785411784;

/// One month of a scenario's year of weather (weather.hpp): the truck's trip at that month's mean temperature.
struct MonthOutcome {
  int month = 0;                  ///< 0 = January
  double temperature_C = 0.0;     ///< the month's mean ambient temperature
  double aux_W = 0.0;             ///< auxiliary draw at that temperature (physics::AuxParams::power_at_W)
  double energy_kWh_per_mi = 0.0; ///< battery (net) or fuel energy per mile
  double mpg = 0.0;               ///< diesel: miles per gallon; electric: miles per diesel gallon equivalent
  double range_m = 0.0;           ///< electric: usable pack energy / energy per distance (0 for diesel)
  bool feasible = true;           ///< the trip completed
  std::string reason;             ///< why not, when it did not
};

struct TruckOutcome {
  physics::TripResult trip;
  tco::TripSummary summary;     ///< what the TCO model saw
  double payload_kg = 0.0;      ///< carried on this run (weight-limited freight)
  double tare_kg = 0.0;
  double energy_kWh_per_mi = 0.0;   ///< battery (net) or fuel energy per mile
  double mpg = 0.0;                 ///< diesel: miles per gallon; electric: miles per diesel gallon equivalent
  double co2_kg = 0.0;
  /// With a year of weather: the twelve months, January first; then `summary`, energy_kWh_per_mi and mpg
  /// are the year's (day-weighted) figures, while `trip` stays the one at the scenario's ambient. Empty
  /// without weather.
  std::vector<MonthOutcome> months;
};

struct ComparisonResult {
  std::string scenario;
  std::string route;
  TruckOutcome electric, diesel;
  std::string weather_label;    ///< with a year of weather: its region's name or "entered monthly temperatures"
  tco::TcoInputs tco_inputs;    ///< the scenario's economics with trips and tares filled in
  tco::Comparison tco;
  std::vector<std::string> warnings;  ///< from the route reader and the cost model
  std::vector<routes::Repair> repairs;  ///< what the route reader repaired (also summarised in warnings)
};

/// The longest trip semitco simulates (7 days of simulated time): a trace or route asking for more is
/// cut there and the trip ends with the reason, so no input can make a run take hours.
constexpr double kMaxTripDurationS = 7.0 * 24.0 * 3600.0;
/// The most time-series samples kept per trip (about 55 h at the 1 Hz default), bounding memory.
constexpr double kMaxSeriesSamples = 200000.0;

struct RunOptions {
  bool record_series = true;
  /// The Runge-Kutta pair (physics/stepper.hpp; the default: it agrees with CVODE within the tolerances of
  /// tests/physics/test_integrators.cpp), CVODE (the reference), each at its default tolerances, or the
  /// quasi-static screening model (physics/quasi_static.hpp; an explicit choice only).
  physics::Integrator integrator = physics::Integrator::RungeKutta;
  /// Simulated-time limit per trip [s]; 0: derived from the route (the trace's duration, or the
  /// route's length at 0.5 m/s plus its stops and an hour), at most kMaxTripDurationS.
  double max_trip_duration_s = 0.0;
};

/// Solver options of a trip on `route`: the integrator's defaults with max_duration_s set from the
/// route and `opt` (and from kMaxSeriesSamples when the series is recorded). `why_limit` receives the
/// sentence that explains the limit, for annotate_time_limit.
physics::SolverOptions trip_solver_options(const routes::RouteProfile& route, const RunOptions& opt,
                                           std::string* why_limit);
/// A trip cut by its time limit gets the explanation appended to its end reason.
void annotate_time_limit(physics::TripResult& trip, const std::string& why_limit);

/// Simulates both trucks on `route` and compares their costs. Throws InputError / ParameterError for
/// bad inputs; a truck that cannot finish the route is reported in its summary (feasible = false) and
/// the cost comparison is skipped with a warning.
ComparisonResult run_comparison(const Scenario& s, const routes::RouteProfile& route, const RunOptions& opt = {});

/// The physics half of run_comparison: payloads, both trips and their TCO trip summaries; r.tco is left
/// empty. Deterministic: the same scenario physics on the same route gives the same bits, so trips may be
/// shared between comparisons that differ only in economics (price sweeps in a batch).
ComparisonResult simulate_comparison(const Scenario& s, const routes::RouteProfile& route, const RunOptions& opt = {});

/// Payload each truck carries under the scenario: min(freight offered, gross limit (+ BEV allowance) - tare).
std::pair<double, double> payloads_kg(const Scenario& s);

/// The cost half of run_comparison: fills r.tco_inputs and r.tco from the trips already in `r` and the
/// scenario's economics (tares from the vehicles, the electric truck's grid CO2). An economics edit in
/// the desktop app re-prices existing trips with this instead of simulating again.
void price_comparison(const Scenario& s, ComparisonResult& r);

/// En-route charging inside the electric truck's trip, from the scenario's charging plan: reserve and
/// target (fractions of the usable window) as states of charge of the pack, charger power and efficiency,
/// plug time, and the chargers along the route: those the route file marks (charger_kW column), else the
/// scenario's enroute_charger_positions_m, else a charger wherever needed.
physics::EnrouteCharging trip_charging(const Scenario& s, const routes::RouteProfile& route);

/// Everything the trips depend on besides the vehicle files and the driver: payloads, weather (the ambient
/// and the year of monthly temperatures), the
/// electric truck's departure SOC (regen headroom, a short trip as a sample of the day) and its charging.
/// Equal keys give the same trips, so a batch or the app may reuse them across economics edits.
std::vector<double> trip_inputs_key(const Scenario& s, const routes::RouteProfile& route);

/// The departure SOC that keeps room for the route's largest descent on regen (at most the vehicle's
/// own initial SOC).
double regen_headroom_soc(const Scenario& s, const routes::RouteProfile& route, const physics::Chassis& chassis);

/// The scenario's route, read with its format.
routes::RouteProfile load_route(const Scenario& s, const RouteInput& input = {});
/// Size cap of a route file read through read_route_file, every format. Every reader streams (GPX too,
/// through Expat), so the cap only guards against a device or a runaway file: 16 GiB.
inline constexpr std::size_t kMaxRouteFileBytes = std::size_t{16} << 30;
std::size_t max_route_file_bytes();
/// A route file, refused first unless it is a regular file within max_route_file_bytes() (a device or a
/// pipe would otherwise be read until memory or patience runs out). Format: "auto", "vdri", ...
/// With input.dem_path the terrain model is opened for this read (terrain/dem_loader.hpp: GDAL is loaded then).
routes::RouteProfile read_route_file(const std::string& path, const std::string& format, const RouteInput& input = {});
/// The trips of a route file (routes::read_route_trips): with input.gaps_split a drive cycle with gaps is
/// several trips; read_route_file refuses such a file at its first gap.
std::vector<routes::RouteProfile> read_route_trips_file(const std::string& path, const std::string& format,
                                                        const RouteInput& input = {});

}  // namespace semitco::core
