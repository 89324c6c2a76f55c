// validate(): every input in range, with the key and value named. Numeric ranges come from the
// parameter table (parameters.cpp); the cross-field rules are here.
#include <cmath>
#include <string>
#include <utility>

#include "tco/cost_model.hpp"
#include "tco/duty.hpp"
#include "tco/finance.hpp"
#include "tco/hours_of_service.hpp"
#include "tco/measured_inputs.hpp"
#include "tco/parameters.hpp"
#include "tco/units.hpp"

namespace semitco::tco {

namespace {

[[noreturn]] void fail(const std::string& key, const std::string& value, const std::string& why) {
  throw TcoInputError(key + " = " + value + " (" + why + ")");
}

void check_truck(const TcoInputs& in, Powertrain p) {
  const bool ev = p == Powertrain::kBatteryElectric;
  const std::string t = ev ? "electric" : "diesel";
  const TruckCase& truck = ev ? in.electric : in.diesel;
  const TripSummary& trip = truck.trip;
  const TruckEconomics& e = truck.economics;

  if (!trip.feasible) {
    fail(t + ".trip.feasible", "false",
         "the physics could not complete the run: " +
             (trip.infeasible_reason.empty() ? "no reason given" : trip.infeasible_reason));
  }
  if (trip.driving_time_s > trip.duration_s) {
    fail(t + ".trip.driving_time_s", format_value(trip.driving_time_s),
         "must be <= " + t + ".trip.duration_s = " + format_value(trip.duration_s));
  }
  if (ev && !(trip.start_soc_frac > in.charging.reserve_soc_frac)) {
    fail(t + ".trip.start_soc_frac", format_value(trip.start_soc_frac),
         "must be > charging.reserve_soc_frac = " + format_value(in.charging.reserve_soc_frac));
  }
  if (e.financed) {
    if (e.loan_term_months < 1 || e.loan_term_months > 12 * in.ownership_years) {
      fail(t + ".economics.loan_term_months", std::to_string(e.loan_term_months),
           "must be in [1, 12 * ownership_years = " + std::to_string(12 * in.ownership_years) + "]");
    }
  }
  if (e.residual_rule == ResidualRule::kDecliningBalance && e.depreciation_rate_frac_per_yr >= 1.0) {
    fail(t + ".economics.depreciation_rate_frac_per_yr", format_value(e.depreciation_rate_frac_per_yr),
         "must be < 1");
  }
  const double gross_price = e.purchase_price_usd + excise_tax_usd(e) + sales_tax_usd(e);
  if (e.incentives_usd > gross_price) {
    fail(t + ".economics.incentives_usd", format_value(e.incentives_usd),
         "must be <= price + FET + sales tax = " + format_value(gross_price));
  }
  if (ev) {
    if (e.battery_replacement_year < 0 || e.battery_replacement_year >= in.ownership_years) {
      fail(t + ".economics.battery_replacement_year", std::to_string(e.battery_replacement_year),
           "must be 0 (never) or in [1, ownership_years - 1 = " + std::to_string(in.ownership_years - 1) +
               "]");
    }
  }
  const double payload = payload_kg(in, p);
  if (!(payload > 0.0)) {
    fail(t + ".economics.tare_kg", format_value(e.tare_kg),
         "leaves no payload under operations.gross_weight_limit_kg = " +
             format_value(in.operations.gross_weight_limit_kg) +
             (ev ? " + operations.ev_weight_allowance_kg = " +
                       format_value(in.operations.ev_weight_allowance_kg)
                 : ""));
  }
}

void check_charging(const TcoInputs& in) {
  const ChargingPlan& ch = in.charging;
  const ChargingCurve& c = ch.acceptance;
  if (c.soc_frac.empty() || c.soc_frac.size() != c.power_kW.size()) {
    fail("charging.acceptance.soc_frac", "[" + std::to_string(c.soc_frac.size()) + " points]",
         "must be non-empty and the same size as charging.acceptance.power_kW (" +
             std::to_string(c.power_kW.size()) + " points)");
  }
  for (std::size_t i = 0; i < c.soc_frac.size(); ++i) {
    const std::string at = "[" + std::to_string(i) + "]";
    if (!(c.soc_frac[i] >= 0.0 && c.soc_frac[i] <= 1.0) || (i > 0 && !(c.soc_frac[i] > c.soc_frac[i - 1]))) {
      fail("charging.acceptance.soc_frac" + at, format_value(c.soc_frac[i]),
           "must be in [0, 1] and strictly increasing");
    }
    if (!(c.power_kW[i] > 0.0) || !std::isfinite(c.power_kW[i])) {
      fail("charging.acceptance.power_kW" + at, format_value(c.power_kW[i]), "must be > 0");
    }
  }
  if (!(ch.enroute_target_soc_frac > ch.reserve_soc_frac)) {
    fail("charging.enroute_target_soc_frac", format_value(ch.enroute_target_soc_frac),
         "must be > charging.reserve_soc_frac = " + format_value(ch.reserve_soc_frac));
  }
  const auto& pos = ch.enroute_charger_positions_m;
  for (std::size_t i = 0; i < pos.size(); ++i) {
    if (!(pos[i] >= 0.0 && pos[i] <= in.electric.trip.distance_m) || (i > 0 && pos[i] < pos[i - 1])) {
      fail("charging.enroute_charger_positions_m[" + std::to_string(i) + "]", format_value(pos[i]),
           "must be sorted and in [0, electric.trip.distance_m = " +
               format_value(in.electric.trip.distance_m) + "]");
    }
  }
}

std::string hours_text(double s) {
  return format_value(std::round(units::h_from_s(s) * 100.0) / 100.0) + " h";
}

// The day plan against the year: at most 366 days, at most 24 h a day (duty.hpp for the day's figures).
void check_operations(const TcoInputs& in) {
  const Operations& o = in.operations;
  const auto& legs = o.day_plan.legs;
  double day_mi = 0.0;
  for (std::size_t i = 0; i < legs.size(); ++i) {
    const std::string at = "operations.day_plan.legs[" + std::to_string(i) + "]";
    if (!(legs[i].distance_m > 0.0) || !std::isfinite(legs[i].distance_m))
      fail(at + ".distance_mi", format_value(units::miles_from_m(legs[i].distance_m)), "must be > 0");
    if (!(legs[i].dwell_after_s >= 0.0) || !std::isfinite(legs[i].dwell_after_s))
      fail(at + ".dwell_after_min", format_value(legs[i].dwell_after_s / 60.0), "must be >= 0");
    day_mi += units::miles_from_m(legs[i].distance_m);
  }
  const std::string days_key = "operations.operating_days_per_yr = " + format_value(o.operating_days_per_yr);
  const std::string miles_key = "operations.annual_miles = " + format_value(o.annual_miles);
  if (o.utilisation == Utilisation::kAnnualMiles && !legs.empty()) {
    const double implied = o.annual_miles / day_mi;
    const std::string legs_key = "operations.day_plan.legs (" + format_value(day_mi) + " mi a day)";
    if (implied > 366.0 * (1.0 + 1e-12)) {
      throw TcoInputError(miles_key + " with " + legs_key + " needs " + format_value(implied) +
                          " operating days a year (must be <= 366): fewer annual miles or longer days");
    }
    if (o.operating_days_per_yr > 0.0 &&
        std::abs(implied - o.operating_days_per_yr) > 0.01 * o.operating_days_per_yr) {
      throw TcoInputError(miles_key + ", " + legs_key + " and " + days_key +
                          " disagree: the miles and the plan " + "give " + format_value(implied) +
                          " days a year (more than 1 % apart); change one, or " +
                          "set operations.operating_days_per_yr to 0 to derive it");
    }
  } else if (!(o.operating_days_per_yr >= 1.0)) {
    fail("operations.operating_days_per_yr", format_value(o.operating_days_per_yr),
         o.utilisation == Utilisation::kFromRoute
             ? "must be in [1, 366] with operations.utilisation = from_route"
             : "must be in [1, 366] when operations.day_plan.legs is empty");
  }
  const bool breaks_taken = o.automation != Automation::kSupervisedDriverless && !o.team_drivers;
  for (Powertrain p : {Powertrain::kBatteryElectric, Powertrain::kDiesel}) {
    const TripSummary& trip = p == Powertrain::kBatteryElectric ? in.electric.trip : in.diesel.trip;
    const std::string t = p == Powertrain::kBatteryElectric ? "electric" : "diesel";
    const DutyDay d = duty_day(o, trip);
    if (o.utilisation == Utilisation::kFromRoute && d.days_per_yr > 366.0 * (1.0 + 1e-12)) {
      fail("operations.annual_distance_override_mi", format_value(o.annual_distance_override_mi),
           "needs " + format_value(d.days_per_yr) + " operating days a year at operations.routes_per_day = " +
               std::to_string(o.routes_per_day) + " (must be <= 366)");
    }
    // An explicit day plan that cannot fit in a day is an input error; a day derived from the annual
    // miles (no legs, or from_route) that does not fit is judged infeasible instead (day_feasibility.hpp),
    // so a batch over slow cycles still reports every row with its verdict.
    if (o.utilisation == Utilisation::kFromRoute || legs.empty()) continue;
    const int breaks = breaks_taken ? hos_breaks_per_day(d.driving_s, o.hos_driving_before_break_s) : 0;
    const double day_s = d.driving_s + d.stops_s + d.dwell_s + breaks * o.hos_break_s + d.depot_dwell_s;
    if (day_s > 86400.0 * (1.0 + 1e-9)) {
      const std::string from = miles_key + " with operations.day_plan.legs";
      const double mph = units::miles_from_m(trip.distance_m) / units::h_from_s(trip.driving_time_s);
      throw TcoInputError(from + ": " + format_value(std::round(units::miles_from_m(d.distance_m))) +
                          " mi a day at the " + t + " trip's " + format_value(std::round(mph * 10.0) / 10.0) +
                          " mph is " + hours_text(d.driving_s) + " driving + " +
                          hours_text(d.stops_s + d.dwell_s) + " stops and dwells + " +
                          std::to_string(breaks) + " break(s) + operations.day_plan." + "depot_dwell_s = " +
                          hours_text(d.depot_dwell_s) + " = " + hours_text(day_s) + " (must fit in 24 h)");
    }
  }
}

// Lists by year: one value per year of ownership, each in the scalar's range; measured energy of the right kind.
void check_by_year(const TcoInputs& in) {
  for (const YearListInfo& l : year_lists()) {
    const std::vector<double>& v = *l.field(const_cast<TcoInputs&>(in));
    if (v.empty()) continue;
    if (static_cast<int>(v.size()) != in.ownership_years) {
      fail(std::string(l.key), "a list of " + std::to_string(v.size()) + " values",
           "must have one value per year of ownership: " + std::to_string(in.ownership_years));
    }
    const ParameterInfo& p = find_parameter(l.key);
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!p.in_range(v[i])) fail(std::string(l.key) + "[" + std::to_string(i) + "]", format_value(v[i]), p.range_text());
    }
  }
  if (!in.prices.electricity_by_year_usd_per_kWh.empty() &&
      !(in.charging.tou_weekday.empty() && in.charging.tou_weekend.empty())) {
    fail("prices.electricity_price_usd_per_kWh", "a list by year",
         "a list by year replaces a flat price: with charging.tou periods, give their prices and "
         "prices.electricity_escalation_frac_per_yr instead");
  }
  if (!in.operations.annual_miles_by_year.empty() && in.operations.utilisation != Utilisation::kAnnualMiles) {
    fail("operations.annual_miles", "a list", "a list by year needs operations.utilisation = annual_miles");
  }
  for (const bool ev : {true, false}) {
    const EnergyOverride& e = (ev ? in.electric : in.diesel).economics.energy;
    const std::string key = std::string(ev ? "electric" : "diesel") + ".economics.energy_basis";
    if (e.basis == EnergyBasis::kSimulated) continue;
    const bool ev_only = e.basis == EnergyBasis::kMeasuredAtPlug || e.basis == EnergyBasis::kMeasuredAtPack;
    if ((ev_only && !ev) || (e.basis == EnergyBasis::kMeasuredMpg && ev)) {
      fail(key, std::string(energy_basis_key(e.basis)),
           ev ? "the electric truck takes measured_at_plug, measured_at_pack or calibrated"
              : "the diesel truck takes measured_mpg or calibrated");
    }
    if (!(e.value > 0.0 && e.value < 1e6)) {
      fail(std::string(ev ? "electric" : "diesel") + ".economics.energy_value", format_value(e.value), "must be > 0");
    }
  }
}

}  // namespace

void validate(const TcoInputs& in) {
  if (in.ownership_years < 1 || in.ownership_years > kMaxOwnershipYears) {
    fail("ownership_years", std::to_string(in.ownership_years),
         "must be in [1, " + std::to_string(kMaxOwnershipYears) + "]");
  }
  if (in.operations.routes_per_day < 1 || in.operations.routes_per_day > 50) {
    fail("operations.routes_per_day", std::to_string(in.operations.routes_per_day), "must be in [1, 50]");
  }
  for (const ParameterInfo& p : parameters()) {
    const double v = p.get(in);
    if (!p.in_range(v)) fail(std::string(p.key), format_value(v), p.range_text());
  }
  check_by_year(in);
  check_truck(in, Powertrain::kBatteryElectric);
  check_truck(in, Powertrain::kDiesel);
  check_charging(in);
  validate_depot_charging(in);  // charging_cost.hpp
  check_operations(in);
  const DepotShare& d = in.charging.depot_share;
  if (d.enabled) {
    const std::pair<const char*, double> shares[] = {
        {"charging.depot_share.energy_price_usd_per_kWh", d.energy_price_usd_per_kWh},
        {"charging.depot_share.demand_charge_usd_per_yr", d.demand_charge_usd_per_yr},
        {"charging.depot_share.fixed_fees_usd_per_yr", d.fixed_fees_usd_per_yr},
        {"charging.depot_share.charger_capital_usd", d.charger_capital_usd}};
    for (const auto& [key, v] : shares) {
      if (!(v >= 0.0 && std::isfinite(v))) fail(key, format_value(v), "must be >= 0 and finite");
    }
  }
}

}  // namespace semitco::tco
