// C++ results -> Python dicts and NumPy arrays; see results.hpp. Field names are the C++ names, units
// in their suffixes (SI, except where the C++ field says otherwise: usd_per_mi, fuel_L ...).
#include "python/results.hpp"

#include "app/core/charging_cost_report.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

namespace py = pybind11;
using namespace pybind11::literals;

namespace semitco::python {

namespace {

py::array_t<double> array(const std::vector<double>& v) {
  return py::array_t<double>(py::ssize_t(v.size()), v.data());
}

template <class T>
py::object optional(const std::optional<T>& v) {
  return v ? py::cast(*v) : py::none();
}

const char* outcome_key(physics::TripOutcome o) {
  switch (o) {
    case physics::TripOutcome::kCompleted:
      return "completed";
    case physics::TripOutcome::kBrakeFade:
      return "brake_fade";
    case physics::TripOutcome::kEnded:
      break;
  }
  return "ended";
}

py::dict summary_dict(const physics::TripSummary& s) {
  return py::dict("completed"_a = s.completed, "reached_end"_a = s.reached_end,
                  "outcome"_a = outcome_key(s.outcome), "end_reason"_a = s.end_reason,
                  "distance_m"_a = s.distance_m, "duration_s"_a = s.duration_s,
                  "moving_time_s"_a = s.moving_time_s, "average_speed_mps"_a = s.average_speed_mps,
                  "energy_kWh_per_mi"_a = s.energy_kWh_per_mi, "energy_kWh_per_km"_a = s.energy_kWh_per_km,
                  "initial_soc"_a = s.initial_soc, "final_soc"_a = s.final_soc, "min_soc"_a = s.min_soc,
                  "peak_brake_temperature_C"_a = s.peak_brake_temperature_C,
                  "peak_brake_temperature_at_m"_a = s.peak_brake_temperature_at_m,
                  "max_speed_shortfall_mps"_a = s.max_speed_shortfall_mps,
                  "max_speed_shortfall_at_m"_a = s.max_speed_shortfall_at_m,
                  "time_below_target_s"_a = s.time_below_target_s,
                  "trace_distance_shortfall_m"_a = s.trace_distance_shortfall_m,
                  "time_below_40mph_climbing_s"_a = s.time_below_40mph_climbing_s,
                  "stops_made"_a = s.stops_made, "brake_fade"_a = s.brake_fade,
                  "brake_fade_at_m"_a = s.brake_fade_at_m, "brake_fade_at_s"_a = s.brake_fade_at_s,
                  "brake_fade_limit_C"_a = s.brake_fade_limit_C, "charge_stops"_a = s.charge_stops,
                  "charging_time_s"_a = s.charging_time_s, "charge_pack_J"_a = s.charge_pack_J,
                  "charge_grid_J"_a = s.charge_grid_J, "reserve_soc"_a = s.reserve_soc);
}

py::dict ledger_dict(const physics::EnergyLedger& L) {
  return py::dict(
      "source_out_J"_a = L.source_out_J, "source_in_J"_a = L.source_in_J, "source_net_J"_a = L.source_net_J(),
      "grid_in_J"_a = L.grid_in_J, "charge_in_J"_a = L.charge_in_J, "aero_J"_a = L.aero_J,
      "rolling_J"_a = L.rolling_J, "climbing_J"_a = L.climbing_J, "descending_J"_a = L.descending_J,
      "inertia_J"_a = L.inertia_J, "motor_loss_J"_a = L.motor_loss_J, "battery_loss_J"_a = L.battery_loss_J,
      "driveline_loss_J"_a = L.driveline_loss_J, "engine_loss_J"_a = L.engine_loss_J, "aux_J"_a = L.aux_J,
      "friction_brake_J"_a = L.friction_brake_J, "engine_brake_J"_a = L.engine_brake_J,
      "charger_loss_J"_a = L.charger_loss_J, "sinks_J"_a = L.sinks_J(), "supplied_J"_a = L.supplied_J(),
      "closure"_a = L.closure(), "regen_wheel_J"_a = L.regen_wheel_J,
      "traction_wheel_J"_a = L.traction_wheel_J, "fuel_kg"_a = L.fuel_kg, "def_kg"_a = L.def_kg);
}

py::dict series_dict(const physics::TimeSeries& t) {
  return py::dict(
      "time_s"_a = array(t.time_s), "distance_m"_a = array(t.distance_m), "speed_mps"_a = array(t.speed_mps),
      "target_speed_mps"_a = array(t.target_speed_mps), "elevation_m"_a = array(t.elevation_m),
      "grade_frac"_a = array(t.grade_frac), "wheel_power_W"_a = array(t.wheel_power_W),
      "source_power_W"_a = array(t.source_power_W), "regen_power_W"_a = array(t.regen_power_W),
      "friction_brake_power_W"_a = array(t.friction_brake_power_W), "soc"_a = array(t.soc),
      "brake_temperature_C"_a = array(t.brake_temperature_C), "fuel_used_kg"_a = array(t.fuel_used_kg),
      "gear"_a = array(t.gear), "machine_speed_rpm"_a = array(t.machine_speed_rpm),
      "charge_power_W"_a = array(t.charge_power_W));
}

py::dict tco_trip_dict(const tco::TripSummary& s) {
  return py::dict("distance_m"_a = s.distance_m, "duration_s"_a = s.duration_s,
                  "driving_time_s"_a = s.driving_time_s, "energy_from_source_J"_a = s.energy_from_source_J,
                  "battery_energy_out_J"_a = s.battery_energy_out_J,
                  "battery_energy_in_J"_a = s.battery_energy_in_J, "start_soc_frac"_a = s.start_soc_frac,
                  "min_soc_frac"_a = s.min_soc_frac, "usable_battery_J"_a = s.usable_battery_J,
                  "fuel_kg"_a = s.fuel_kg, "fuel_L"_a = s.fuel_L, "def_L"_a = s.def_L, "co2_kg"_a = s.co2_kg,
                  "feasible"_a = s.feasible, "infeasible_reason"_a = s.infeasible_reason);
}

py::dict cost_line_dict(const tco::CostLineSummary& l) {
  return py::dict("npv_usd"_a = l.npv_usd, "usd_per_yr"_a = l.usd_per_yr, "usd_per_mi"_a = l.usd_per_mi,
                  "usd_per_ton_mi"_a = l.usd_per_ton_mi, "usd_per_ton"_a = l.usd_per_ton);
}

// The yearly cash-flow ledger as columns: "year" and one array per cost line and per quantity.
py::dict yearly_ledger(const std::vector<tco::LedgerYear>& years) {
  py::dict out;
  auto column = [&](const char* key, auto get) {
    std::vector<double> v;
    for (const auto& y : years) v.push_back(static_cast<double>(get(y)));
    out[key] = array(v);
  };
  column("year", [](const tco::LedgerYear& y) { return y.year; });
  for (const auto line : tco::all_cost_lines()) {
    const std::string key(tco::cost_line_key(line));
    std::vector<double> v;
    for (const auto& y : years) v.push_back(y.usd[static_cast<std::size_t>(line)]);
    out[py::str(key + "_usd")] = array(v);
  }
  column("total_usd", [](const tco::LedgerYear& y) { return y.total_usd; });
  column("discount_factor", [](const tco::LedgerYear& y) { return y.discount_factor; });
  column("discounted_total_usd", [](const tco::LedgerYear& y) { return y.discounted_total_usd; });
  column("residual_discount_factor", [](const tco::LedgerYear& y) { return y.residual_discount_factor; });
  column("miles", [](const tco::LedgerYear& y) { return y.miles; });
  column("driver_hours", [](const tco::LedgerYear& y) { return y.driver_hours; });
  column("diesel_gal", [](const tco::LedgerYear& y) { return y.diesel_gal; });
  column("grid_kWh", [](const tco::LedgerYear& y) { return y.grid_kWh; });
  return out;
}

py::dict quantities_dict(const tco::OperatingQuantities& q) {
  return py::dict(
      "payload_kg"_a = q.payload_kg, "runs_per_yr"_a = q.runs_per_yr, "days_per_yr"_a = q.days_per_yr,
      "day_distance_mi"_a = q.day_distance_mi, "miles_per_yr"_a = q.miles_per_yr,
      "loaded_miles_per_yr"_a = q.loaded_miles_per_yr, "tons_per_yr"_a = q.tons_per_yr,
      "ton_miles_per_yr"_a = q.ton_miles_per_yr, "hos_breaks_per_day"_a = q.hos_breaks_per_day,
      "driver_hours_per_day"_a = q.driver_hours_per_day, "enroute_stops_per_day"_a = q.enroute_stops_per_day,
      "enroute_time_h_per_day"_a = q.enroute_time_h_per_day,
      "paid_charging_h_per_day"_a = q.paid_charging_h_per_day,
      "depot_charge_h_per_day"_a = q.depot_charge_h_per_day, "driving_h_per_day"_a = q.driving_h_per_day,
      "drivers"_a = q.drivers, "supervised_h_per_day"_a = q.supervised_h_per_day,
      "taxable_gross_weight_lb"_a = q.taxable_gross_weight_lb, "payload_multiplier"_a = q.payload_multiplier,
      "energy_kWh_per_mi"_a = q.energy_kWh_per_mi, "mpg_diesel_equivalent"_a = q.mpg_diesel_equivalent,
      "mpg_gasoline_equivalent"_a = q.mpg_gasoline_equivalent, "lifetime_miles"_a = q.lifetime_miles);
}

py::dict day_dict(const tco::DayFeasibility& d) {
  py::list stops;
  for (const auto& s : d.stops) {
    stops.append(py::dict("at_mi"_a = s.at_mi, "minutes"_a = s.minutes, "pack_kWh"_a = s.pack_kWh,
                          "grid_kWh"_a = s.grid_kWh, "cost_usd"_a = s.cost_usd));
  }
  const auto& h = d.schedule;
  return py::dict(
      "status"_a = tco::day_status_key(d.status), "enroute_stops"_a = d.enroute_stops, "stops"_a = stops,
      "depot_shortfall_kWh"_a = d.depot_shortfall_kWh, "day_h"_a = d.day_h, "reason"_a = d.reason,
      "schedule"_a =
          py::dict("driving_h"_a = h.driving_h, "on_duty_h"_a = h.on_duty_h, "span_h"_a = h.span_h,
                   "breaks"_a = h.breaks, "drivers"_a = h.drivers, "paid_driver_h"_a = h.paid_driver_h,
                   "supervised_h"_a = h.supervised_h, "feasible"_a = h.feasible, "reason"_a = h.reason));
}

py::dict cost_report_dict(const tco::CostReport& c) {
  py::dict lines;
  for (const auto& l : c.lines) lines[py::str(l.key)] = cost_line_dict(l);
  py::dict out("npv_usd"_a = c.npv_usd, "usd_per_yr"_a = c.usd_per_yr, "usd_per_mi"_a = c.usd_per_mi,
                  "usd_per_ton_mi"_a = c.usd_per_ton_mi, "usd_per_ton"_a = c.usd_per_ton, "lines"_a = lines,
                  "quantities"_a = quantities_dict(c.quantities), "ledger"_a = yearly_ledger(c.ledger),
                  "cumulative_usd"_a = array(c.cumulative_usd),
                  "cumulative_discounted_usd"_a = array(c.cumulative_discounted_usd),
                  "feasible"_a = c.feasible, "day"_a = day_dict(c.day), "notes"_a = py::cast(c.notes),
                  "energy_basis"_a = c.energy_basis);
  py::dict delivered;  // the depot's $/kWh by part (tco/charging_cost.hpp); zeros for diesel
  for (const auto& [k, v] : core::delivered_electricity_figures(c)) delivered[py::str(k)] = v;
  out["delivered_electricity"] = delivered;
  return out;
}

py::dict truck_dict(const core::TruckOutcome& t, bool with_series) {
  return py::dict("trip"_a = trip_dict(t.trip, with_series), "tco_trip"_a = tco_trip_dict(t.summary),
                  "payload_kg"_a = t.payload_kg, "tare_kg"_a = t.tare_kg,
                  "energy_kWh_per_mi"_a = t.energy_kWh_per_mi, "mpg"_a = t.mpg, "co2_kg"_a = t.co2_kg);
}

}  // namespace

py::dict trip_dict(const physics::TripResult& t, bool with_series) {
  py::list stops, charge_stops;
  for (const auto& s : t.stops) {
    stops.append(py::dict("distance_m"_a = s.distance_m, "arrival_s"_a = s.arrival_s,
                          "departure_s"_a = s.departure_s));
  }
  for (const auto& c : t.charge_stops) {
    charge_stops.append(py::dict("distance_m"_a = c.distance_m, "arrival_s"_a = c.arrival_s,
                                 "departure_s"_a = c.departure_s, "soc_in"_a = c.soc_in,
                                 "soc_out"_a = c.soc_out, "pack_J"_a = c.pack_J, "grid_J"_a = c.grid_J,
                                 "charger_power_W"_a = c.charger_power_W));
  }
  const auto& v = t.solver;
  return py::dict(
      "vehicle"_a = t.vehicle, "route"_a = t.route, "summary"_a = summary_dict(t.summary),
      "ledger"_a = ledger_dict(t.ledger),
      "series"_a = with_series ? py::object(series_dict(t.series)) : py::object(py::none()),
      "stops"_a = stops, "charge_stops"_a = charge_stops,
      "solver"_a = py::dict("integrator"_a = physics::integrator_name(v.integrator), "steps"_a = v.steps,
                            "rhs_evals"_a = v.rhs_evals, "root_evals"_a = v.root_evals,
                            "restarts"_a = v.restarts, "error_test_failures"_a = v.error_test_failures));
}

py::dict cost_dict(const tco::Comparison& c) {
  return py::dict(
      "electric"_a = cost_report_dict(c.electric), "diesel"_a = cost_report_dict(c.diesel),
      "savings_usd_per_mi"_a = c.savings_usd_per_mi, "savings_usd_per_yr"_a = c.savings_usd_per_yr,
      "savings_usd_per_ton_mi"_a = c.savings_usd_per_ton_mi, "savings_usd_per_ton"_a = c.savings_usd_per_ton,
      "savings_npv_usd"_a = c.savings_npv_usd, "break_even_year"_a = optional(c.break_even_year),
      "break_even_diesel_price_usd_per_gal"_a = optional(c.break_even_diesel_price_usd_per_gal),
      "break_even_electricity_price_usd_per_kWh"_a = optional(c.break_even_electricity_price_usd_per_kWh),
      "ev_runs_per_diesel_run_same_freight"_a = c.ev_runs_per_diesel_run_same_freight);
}

py::dict comparison_dict(const core::ComparisonResult& r, bool with_series) {
  const bool priced =
      r.electric.summary.feasible && r.diesel.summary.feasible && !r.tco.electric.lines.empty();
  return py::dict("scenario"_a = r.scenario, "route"_a = r.route,
                  "electric"_a = truck_dict(r.electric, with_series),
                  "diesel"_a = truck_dict(r.diesel, with_series),
                  "cost"_a = priced ? py::object(cost_dict(r.tco)) : py::object(py::none()),
                  "warnings"_a = py::cast(r.warnings));
}

py::dict route_columns(const routes::RouteProfile& r) {
  py::dict out("distance_m"_a = array(r.distance_m), "elevation_m"_a = array(r.elevation_m),
               "grade_frac"_a = array(r.grade_frac), "speed_limit_mps"_a = array(r.speed_limit_mps));
  if (!r.lat_deg.empty()) {
    out["lat_deg"] = array(r.lat_deg);
    out["lon_deg"] = array(r.lon_deg);
  }
  if (r.is_time_based()) {
    out["trace_time_s"] = array(r.trace_time_s);
    out["trace_speed_mps"] = array(r.trace_speed_mps);
  }
  return out;
}

}  // namespace semitco::python
