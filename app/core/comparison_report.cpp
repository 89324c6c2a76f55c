// Comparison tables; see comparison_report.hpp.
#include "app/core/comparison_report.hpp"

#include "app/core/charging_cost_report.hpp"
#include "app/core/cost_why.hpp"
#include "app/core/text.hpp"
#include "app/core/trip_verdict.hpp"
#include "app/core/weather.hpp"

#include "tco/parameters.hpp"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <string>

namespace semitco::core {

namespace {

std::string f(const char* fmt, double a) {
  char buf[128];
  std::snprintf(buf, sizeof buf, fmt, a);
  return buf;
}

void row(std::ostream& out, const std::string& label, const std::string& ev, const std::string& diesel) {
  out << "  " << std::left << std::setw(32) << label << std::right << std::setw(18) << ev << std::setw(18) << diesel
      << "\n";
}

std::string money(double usd) {
  const long long cents = std::llround(std::abs(usd) * 100.0);
  const std::string digits = std::to_string(cents / 100);
  std::string whole;  // thousands separated by commas
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) whole += ',';
    whole += digits[i];
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s$%s.%02lld", usd < 0 ? "-" : "", whole.c_str(), cents % 100);
  return buf;
}

// "feasible on depot charging alone" / "needs N en-route stops (at .. mi, .. min, .. kWh, $..; ...)" /
// "infeasible: reason", then the schedule.
void print_day(std::ostream& out, const char* truck, const tco::CostReport& c) {
  const auto& d = c.day;
  out << "  " << std::left << std::setw(10) << truck << std::right << describe_day(c) << "\n";
  if (d.status == tco::DayFeasibility::kNeedsEnroute && !d.reason.empty()) {
    out << "            " << d.reason << "\n";
  }
  const auto& s = d.schedule;
  out << "            "
      << (s.drivers == 0 ? std::string("driverless (supervised)")
                         : std::to_string(s.drivers) + (s.drivers == 1 ? " driver" : " drivers"))
      << ", " << f("%.1f h driving", s.driving_h) << ", " << f("%.1f h away from the depot", s.span_h) << ", "
      << s.breaks << (s.breaks == 1 ? " break" : " breaks") << "\n";
}

}  // namespace

void print_day_verdict(std::ostream& out, const ComparisonResult& r) {
  const auto& q = r.tco.electric.quantities;
  const auto& ops = r.tco_inputs.operations;
  out << "the day: " << f("%.0f mi", q.day_distance_mi) << " a day, " << f("%.0f days", q.days_per_yr) << " a year, "
      << f("%.0f mi a year", q.miles_per_yr)
      << (ops.utilisation == tco::Utilisation::kFromRoute ? " (route length x runs per day)"
                                                          : " (the route as a representative duty)")
      << "\n";
  print_day(out, "electric", r.tco.electric);
  print_day(out, "diesel", r.tco.diesel);
}

void print_months(std::ostream& out, const ComparisonResult& r, UnitSystem units) {
  const bool us = units == UnitSystem::US;
  const auto& e = r.electric;
  const auto& d = r.diesel;
  const double per_unit = us ? 1.0 : 1000.0 / kMetersPerMile;  // kWh per mi -> per km
  auto energy = [&](double kWh_per_mi) { return f("%.3f", kWh_per_mi * per_unit); };
  auto range = [&](double m) { return us ? f("%.0f mi", m / kMetersPerMile) : f("%.0f km", m / 1000.0); };
  auto temp = [&](double c) { return us ? f("%.0f F", c * 1.8 + 32.0) : f("%.1f C", c); };
  auto fuel = [&](double mpg) { return us ? f("%.2f", mpg) : f("%.1f", mpg > 0 ? 235.214583 / mpg : 0.0); };
  out << "by month, " << printable(r.weather_label)
      << " (each month's mean temperature; range = usable pack / energy per " << (us ? "mile" : "km") << "):\n";
  out << "  " << std::left << std::setw(7) << "month" << std::right << std::setw(8) << "temp" << std::setw(10)
      << "EV aux" << std::setw(12) << (us ? "EV kWh/mi" : "EV kWh/km") << std::setw(11) << "EV range"
      << std::setw(14) << (us ? "diesel mpg" : "diesel L/100") << "\n";
  for (std::size_t i = 0; i < e.months.size() && i < d.months.size(); ++i) {
    const auto& me = e.months[i];
    const auto& md = d.months[i];
    out << "  " << std::left << std::setw(7) << month_abbreviation(me.month) << std::right << std::setw(8)
        << temp(me.temperature_C) << std::setw(10) << f("%.1f kW", me.aux_W / 1000.0) << std::setw(12)
        << energy(me.energy_kWh_per_mi) << std::setw(11) << range(me.range_m) << std::setw(14) << fuel(md.mpg)
        << (me.feasible ? "" : "  (electric did not finish)") << (md.feasible ? "" : "  (diesel did not finish)")
        << "\n";
  }
  const double usable = e.summary.usable_battery_J;
  const double J_per_m = e.summary.distance_m > 0 ? e.summary.energy_from_source_J / e.summary.distance_m : 0.0;
  out << "  " << std::left << std::setw(7) << "year" << std::right << std::setw(8) << "" << std::setw(10) << ""
      << std::setw(12) << energy(e.energy_kWh_per_mi) << std::setw(11) << range(J_per_m > 0 ? usable / J_per_m : 0.0)
      << std::setw(14) << fuel(d.mpg) << "  (months weighted by days; the costs use this)\n";
}

const char* integrator_description(physics::Integrator i) {
  switch (i) {
    case physics::Integrator::Cvode: return "cvode (the reference)";
    case physics::Integrator::RungeKutta: return "rk (fast)";
    case physics::Integrator::QuasiStatic: return "quasi-static (screening)";
  }
  return "unknown";
}

void print_trip_comparison(std::ostream& out, const ComparisonResult& r, UnitSystem units) {
  const bool us = units == UnitSystem::US;
  const auto& e = r.electric;
  const auto& d = r.diesel;
  auto dist = [&](double m) { return us ? f("%.1f mi", m / kMetersPerMile) : f("%.1f km", m / 1000.0); };
  auto speed = [&](double v) { return us ? f("%.1f mph", v / 0.44704) : f("%.1f km/h", v * 3.6); };
  auto temp = [&](double c) { return us ? f("%.0f F", c * 1.8 + 32.0) : f("%.0f C", c); };
  auto mass = [&](double kg) { return us ? f("%.0f lb", kg / 0.45359237) : f("%.0f kg", kg); };
  auto kwh = [&](double J) { return f("%.1f kWh", J / 3.6e6); };

  out << printable(r.scenario) << " - " << printable(r.route) << "\n";
  row(out, "", "electric", "diesel");
  auto status = [](const physics::TripSummary& s) {
    const std::string key = trip_status_key(s);
    return key == "completed" ? "completed" : key == "brake_fade" ? "BRAKE FADE" : "DID NOT FINISH";
  };
  row(out, "status", status(e.trip.summary), status(d.trip.summary));
  row(out, "distance", dist(e.trip.summary.distance_m), dist(d.trip.summary.distance_m));
  row(out, "payload", mass(e.payload_kg), mass(d.payload_kg));
  row(out, "gross weight", mass(e.tare_kg + e.payload_kg), mass(d.tare_kg + d.payload_kg));
  // With a year of weather the per-distance figures are the year's (the costs use them), the rest the trip's.
  const bool year = !e.months.empty();
  auto per_km = [&](const TruckOutcome& t) {
    return year ? t.energy_kWh_per_mi * 1000.0 / kMetersPerMile : t.trip.summary.energy_kWh_per_km;
  };
  row(out, std::string(year ? "year: " : "") + (us ? "energy (kWh/mi)" : "energy (kWh/km)"),
      f("%.3f", us ? e.energy_kWh_per_mi : per_km(e)), f("%.3f", us ? d.energy_kWh_per_mi : per_km(d)));
  const char* economy = us ? (year ? "year: mpg (EV: diesel gal eq.)" : "mpg (electric: per diesel gal eq.)")
                           : (year ? "year: L/100 km (EV: diesel eq.)" : "L/100 km (electric: diesel eq.)");
  row(out, economy,
      us ? f("%.2f", e.mpg) : f("%.1f", e.mpg > 0 ? 235.214583 / e.mpg : 0.0),
      us ? f("%.2f", d.mpg) : f("%.1f", d.mpg > 0 ? 235.214583 / d.mpg : 0.0));
  row(out, "battery used / fuel burned", kwh(e.trip.ledger.source_net_J()),
      us ? f("%.1f gal", d.summary.fuel_L / kLitersPerGallon) : f("%.1f L", d.summary.fuel_L));
  row(out, "trip time", format_duration(e.trip.summary.duration_s), format_duration(d.trip.summary.duration_s));
  row(out, "average speed", speed(e.trip.summary.average_speed_mps), speed(d.trip.summary.average_speed_mps));
  row(out, "time < 40 mph on climbs", f("%.0f s", e.trip.summary.time_below_40mph_climbing_s),
      f("%.0f s", d.trip.summary.time_below_40mph_climbing_s));
  row(out, "peak brake temperature", temp(e.trip.summary.peak_brake_temperature_C),
      temp(d.trip.summary.peak_brake_temperature_C));
  row(out, "friction-brake heat", kwh(e.trip.ledger.friction_brake_J), kwh(d.trip.ledger.friction_brake_J));
  row(out, "regen recovered / engine brake", kwh(e.trip.ledger.source_in_J), kwh(d.trip.ledger.engine_brake_J));
  row(out, "CO2 (electric: grid)", f("%.0f kg", e.co2_kg), f("%.0f kg", d.co2_kg));
  row(out, "lowest state of charge", f("%.1f %%", e.trip.summary.min_soc * 100.0), "-");
  const auto& es = e.trip.summary;
  row(out, "charge stops on the trip", es.charge_stops == 0 ? std::string("none")
                                                           : std::to_string(es.charge_stops) + ", " +
                                                                 format_duration(es.charging_time_s),
      "-");
  for (const auto& c : e.trip.charge_stops) {
    out << "    charge stop at " << dist(c.distance_m) << " (" << format_duration(c.arrival_s) << " into the trip): "
        << f("%.0f min", c.minutes()) << ", " << kwh(c.pack_J) << " into the pack (" << kwh(c.grid_J)
        << " from the grid), " << f("%.0f %%", c.soc_in * 100.0) << " -> " << f("%.0f %%", c.soc_out * 100.0)
        << "\n";
  }
  for (const auto* t : {&e, &d}) {
    if (t->trip.summary.outcome != physics::TripOutcome::kCompleted) {
      out << "    " << (t == &e ? "electric" : "diesel") << ": " << describe_trip(t->trip, units) << "\n";
    }
  }
  // One name for both trucks (they always run on the same model), right-aligned across both columns: the
  // longer names do not fit one column.
  const auto ei = e.trip.solver.integrator, di = d.trip.solver.integrator;
  if (ei == di) {
    out << "  " << std::left << std::setw(32) << "integrator" << std::right << std::setw(36)
        << integrator_description(ei) << "\n";
  } else {
    out << "  integrator: electric " << integrator_description(ei) << ", diesel " << integrator_description(di)
        << "\n";
  }
  if (!e.months.empty()) print_months(out, r, units);
}

void print_cost_comparison(std::ostream& out, const ComparisonResult& r) {
  if (!r.electric.summary.feasible || !r.diesel.summary.feasible) {
    const auto& why = !r.electric.summary.feasible ? r.electric.summary : r.diesel.summary;
    out << "  no cost comparison: " << (&why == &r.electric.summary ? "electric" : "diesel")
        << " truck: " << printable(why.infeasible_reason) << "\n";
    return;
  }
  print_day_verdict(out, r);  // can each truck do the day: said before any cost
  const auto& ce = r.tco.electric;
  const auto& cd = r.tco.diesel;
  out << "cost of ownership over " << r.tco_inputs.ownership_years << " years (discount rate "
      << f("%.1f %%", r.tco_inputs.discount_rate_frac * 100.0) << ")\n";
  out << "  " << std::left << std::setw(26) << "line" << std::right << std::setw(12) << "EV $/mi" << std::setw(12)
      << "diesel $/mi" << std::setw(14) << "EV $/ton-mi" << std::setw(14) << "dsl $/ton-mi" << "\n";
  for (std::size_t i = 0; i < ce.lines.size(); ++i) {
    const auto& a = ce.lines[i];
    const auto& b = cd.lines[i];
    if (a.npv_usd == 0.0 && b.npv_usd == 0.0) continue;
    out << "  " << std::left << std::setw(26) << a.key << std::right << std::setw(12) << f("%.4f", a.usd_per_mi)
        << std::setw(12) << f("%.4f", b.usd_per_mi) << std::setw(14) << f("%.5f", a.usd_per_ton_mi) << std::setw(14)
        << f("%.5f", b.usd_per_ton_mi) << "\n";
  }
  out << "  " << std::left << std::setw(26) << "TOTAL" << std::right << std::setw(12) << f("%.4f", ce.usd_per_mi)
      << std::setw(12) << f("%.4f", cd.usd_per_mi) << std::setw(14) << f("%.5f", ce.usd_per_ton_mi) << std::setw(14)
      << f("%.5f", cd.usd_per_ton_mi) << "\n";
  out << "  NPV of cost of ownership       " << std::setw(16) << money(ce.npv_usd) << std::setw(18) << money(cd.npv_usd)
      << "\n";
  out << "  miles per year                 " << std::setw(16) << f("%.0f", ce.quantities.miles_per_yr) << std::setw(18)
      << f("%.0f", cd.quantities.miles_per_yr) << "\n";
  out << "  en-route charge stops per day  " << std::setw(16) << std::to_string(ce.quantities.enroute_stops_per_day)
      << std::setw(18) << "-" << "\n";
  // The energy the costs use, named with its equivalents (docs/tco.md, "Energy equivalents").
  out << "  energy the costs use (kWh/mi)  " << std::setw(16) << f("%.3f", ce.quantities.energy_kWh_per_mi)
      << std::setw(18) << f("%.3f", cd.quantities.energy_kWh_per_mi) << "  (EV at the depot plug; diesel LHV)\n";
  out << "  mpg, diesel gallon (37.66 kWh) " << std::setw(16) << f("%.2f", ce.quantities.mpg_diesel_equivalent)
      << std::setw(18) << f("%.2f", cd.quantities.mpg_diesel_equivalent) << "\n";
  out << "  MPGe, gasoline gallon (33.7 kWh)" << std::setw(15) << f("%.2f", ce.quantities.mpg_gasoline_equivalent)
      << std::setw(18) << f("%.2f", cd.quantities.mpg_gasoline_equivalent) << "\n";
  out << "  energy source                  " << "electric " << printable(ce.energy_basis) << "; diesel "
      << printable(cd.energy_basis) << "\n";
  const auto& t = r.tco;
  // Same definition as the verdict: from this year to the end of ownership the electric truck's cumulative
  // discounted cost stays at or below the diesel's, so a year is shown exactly when the electric truck is
  // not the dearer one at the end.
  out << "  break-even year                "
      << (!t.break_even_year          ? "never (the electric truck is dearer at the end of ownership)"
          : *t.break_even_year == 0 ? std::string("0 (no dearer from purchase to the end of ownership)")
                                    : std::to_string(*t.break_even_year) +
                                          " (no dearer from then to the end of ownership)")
      << "\n";
  out << "  break-even diesel price        "
      << (t.break_even_diesel_price_usd_per_gal ? f("$%.2f/gal", *t.break_even_diesel_price_usd_per_gal) : "-")
      << " (now " << f("$%.2f", r.tco_inputs.prices.diesel_price_usd_per_gal) << ")\n";
  const auto& be_e = t.break_even_electricity_price_usd_per_kWh;
  out << "  break-even electricity price   "
      << (!be_e ? "-"
          : *be_e < 0 ? f("none (the electric truck costs more even with free depot power: %.3f $/kWh)", *be_e)
                      : f("$%.3f/kWh", *be_e))
      << " (now " << f("$%.3f", r.tco_inputs.prices.electricity_price_usd_per_kWh) << ")\n";
  out << "\n";
  print_delivered_electricity(out, r.tco_inputs, ce);
}

std::vector<tco::UncertainInput> default_uncertain_inputs(const tco::TcoInputs& base) {
  return uncertain_inputs(base, default_uncertain_ranges());
}

void print_uncertainty(std::ostream& out, const ComparisonResult& r, int draws, std::uint64_t seed) {
  print_uncertainty(out, r, draws, seed, default_uncertain_ranges());
}

void print_uncertainty(std::ostream& out, const ComparisonResult& r, int draws, std::uint64_t seed,
                       const std::vector<UncertainRange>& ranges) {
  if (!r.electric.summary.feasible || !r.diesel.summary.feasible) return;
  const auto tor = tco::tornado(r.tco_inputs, tco::default_sensitivity_ranges(r.tco_inputs, 0.2));
  out << "sensitivity of the savings per mile to each input at -20 % / +20 % (largest first)\n";
  const auto& bars = tor.bars;  // sorted by swing, largest first
  for (std::size_t i = 0; i < std::min<std::size_t>(bars.size(), 8); ++i) {
    const auto& b = bars[i];
    out << "  " << std::left << std::setw(48) << b.key << std::right << std::setw(10)
        << f("%+.3f", b.savings_usd_per_mi_low - tor.base_savings_usd_per_mi) << std::setw(10)
        << f("%+.3f", b.savings_usd_per_mi_high - tor.base_savings_usd_per_mi) << " $/mi\n";
  }
  const auto inputs = uncertain_inputs(r.tco_inputs, ranges);
  tco::MonteCarloSettings ms;
  ms.draws = draws;
  ms.seed = seed;
  const auto mc = tco::monte_carlo(r.tco_inputs, inputs, ms);
  out << "Monte Carlo, " << mc.draws << " draws (seed " << mc.seed << "), savings per mile (diesel - electric):\n";
  out << "  P10 " << f("$%+.3f", mc.savings_usd_per_mi.p10) << "   P50 " << f("$%+.3f", mc.savings_usd_per_mi.p50)
      << "   P90 " << f("$%+.3f", mc.savings_usd_per_mi.p90) << "   probability the electric truck is cheaper "
      << f("%.1f %%", 100.0 * mc.probability_electric_cheaper) << "\n";
}

void print_verdict(std::ostream& out, const ComparisonResult& r) {
  if (!r.electric.summary.feasible || !r.diesel.summary.feasible) {
    out << "verdict: no cost comparison (" << printable(r.warnings.empty() ? "" : r.warnings.back()) << ")\n";
    for (const auto& w : r.warnings) {
      if (w.starts_with("electric trip: ") || w.starts_with("diesel trip: ")) out << "  note: " << printable(w) << "\n";
    }
    return;
  }
  const auto& t = r.tco;
  const bool ev_cheaper = t.savings_usd_per_mi > 0;
  if (t.savings_usd_per_mi == 0.0) {
    out << "verdict: the two trucks cost the same per mile\n";
    for (const auto& w : r.warnings) out << "  note: " << printable(w) << "\n";
    return;
  }
  // A day a truck cannot do (hours of service, a pack that runs out between chargers) has no winner: say so
  // first, and give the figures only as "if it could" (the app's verdict strip says the same).
  const bool ev_day = t.electric.day.status != tco::DayFeasibility::kInfeasible;
  const bool dsl_day = t.diesel.day.status != tco::DayFeasibility::kInfeasible;
  if (!ev_day || !dsl_day) {
    out << "verdict: not feasible as planned: "
        << (!ev_day && !dsl_day ? "neither truck" : !ev_day ? "the electric truck" : "the diesel truck")
        << " cannot do the day (" << printable((!ev_day ? t.electric : t.diesel).day.reason)
        << "); if it could, the " << (ev_cheaper ? "electric" : "diesel") << " truck would be cheaper by "
        << f("$%.3f", std::abs(t.savings_usd_per_mi)) << " per mile\n";
  } else {
    out << "verdict: the " << (ev_cheaper ? "electric" : "diesel") << " truck is cheaper by "
        << f("$%.3f", std::abs(t.savings_usd_per_mi)) << " per mile (" << money(std::abs(t.savings_usd_per_yr))
        << " per year, " << f("$%.4f", std::abs(t.savings_usd_per_ton_mi)) << " per ton-mile)\n";
  }
  // The few cost groups that make the difference, electric minus diesel (docs/tco.md, "Why").
  if (const std::string why = describe_why(t, UnitSystem::US); !why.empty()) {
    out << "  why (electric minus diesel): " << why << "\n";
  }
  for (const auto& w : r.warnings) out << "  note: " << printable(w) << "\n";
}

}  // namespace semitco::core
