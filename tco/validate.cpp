// validate(): every input in range, with the key and value named. Numeric ranges come from the
// parameter table (parameters.cpp); the cross-field rules are here.
#include <cmath>
#include <string>

#include "tco/cost_model.hpp"
#include "tco/finance.hpp"
#include "tco/parameters.hpp"

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
  check_truck(in, Powertrain::kBatteryElectric);
  check_truck(in, Powertrain::kDiesel);
  check_charging(in);
}

}  // namespace semitco::tco
