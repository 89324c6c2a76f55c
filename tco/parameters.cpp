// The table of numeric inputs: key (= path in TcoInputs = scenario key), valid range, accessor.
// Ranges follow the field comments in inputs.hpp.
#include "tco/parameters.hpp"

#include <limits>
#include <sstream>

namespace semitco::tco {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// clang-format off
// Key = the member path, so the message names exactly the field (and scenario key) at fault.
#define SEMITCO_PARAM(path, lo, lo_excl, hi, info) \
  ParameterInfo { #path, [](TcoInputs& x) -> double* { return &x.path; }, lo, lo_excl, hi, info }

// Trip and economics fields of one truck. ev_only / diesel_only: true for the truck whose battery / diesel
// quantities must be strictly positive; the other truck records them as informational only.
#define SEMITCO_TRUCK_PARAMS(t, ev_only, diesel_only)                                   \
  SEMITCO_PARAM(t.trip.distance_m, 0.0, true, 1e8, false),                              \
  SEMITCO_PARAM(t.trip.duration_s, 0.0, true, 1e6, false),                              \
  SEMITCO_PARAM(t.trip.driving_time_s, 0.0, true, 1e6, false),                          \
  SEMITCO_PARAM(t.trip.energy_from_source_J, 0.0, ev_only, kInf, diesel_only),          \
  SEMITCO_PARAM(t.trip.battery_energy_out_J, 0.0, false, kInf, true),                   \
  SEMITCO_PARAM(t.trip.battery_energy_in_J, 0.0, false, kInf, true),                    \
  SEMITCO_PARAM(t.trip.start_soc_frac, 0.0, false, 1.0, diesel_only),                   \
  SEMITCO_PARAM(t.trip.min_soc_frac, -kInf, false, 1.0, true),                          \
  SEMITCO_PARAM(t.trip.usable_battery_J, 0.0, ev_only, kInf, diesel_only),              \
  SEMITCO_PARAM(t.trip.fuel_kg, 0.0, false, kInf, true),                                \
  SEMITCO_PARAM(t.trip.fuel_L, 0.0, diesel_only, kInf, ev_only),                        \
  SEMITCO_PARAM(t.trip.def_L, 0.0, false, kInf, ev_only),                               \
  SEMITCO_PARAM(t.trip.co2_kg, 0.0, false, kInf, false),                                \
  SEMITCO_PARAM(t.economics.purchase_price_usd, 0.0, true, kInf, false),                \
  SEMITCO_PARAM(t.economics.fet_rate_frac, 0.0, false, 1.0, false),                     \
  SEMITCO_PARAM(t.economics.sales_tax_rate_frac, 0.0, false, 1.0, false),               \
  SEMITCO_PARAM(t.economics.incentives_usd, 0.0, false, kInf, false),                   \
  SEMITCO_PARAM(t.economics.down_payment_frac, 0.0, false, 1.0, false),                 \
  SEMITCO_PARAM(t.economics.loan_apr_frac, 0.0, false, 1.0, false),                     \
  SEMITCO_PARAM(t.economics.residual_value_frac, 0.0, false, 1.0, false),               \
  SEMITCO_PARAM(t.economics.depreciation_rate_frac_per_yr, 0.0, false, 1.0, false),     \
  SEMITCO_PARAM(t.economics.maintenance_usd_per_mi, 0.0, false, kInf, false),           \
  SEMITCO_PARAM(t.economics.tyres_usd_per_mi, 0.0, false, kInf, false),                 \
  SEMITCO_PARAM(t.economics.insurance_frac_of_price_per_yr, 0.0, false, 1.0, false),    \
  SEMITCO_PARAM(t.economics.registration_usd_per_yr, 0.0, false, kInf, false),          \
  SEMITCO_PARAM(t.economics.tolls_usd_per_mi, 0.0, false, kInf, false),                 \
  SEMITCO_PARAM(t.economics.tare_kg, 0.0, true, kInf, false),                           \
  SEMITCO_PARAM(t.economics.energy_use_degradation_frac_per_yr, 0.0, false, 0.2, false), \
  SEMITCO_PARAM(t.economics.battery_capacity_fade_frac_per_yr, 0.0, false, 0.5, diesel_only), \
  SEMITCO_PARAM(t.economics.battery_replacement_usd_per_kWh, 0.0, false, kInf, diesel_only)

const ParameterInfo kParameters[] = {
    SEMITCO_PARAM(discount_rate_frac, 0.0, false, 1.0, false),
    SEMITCO_PARAM(cost_escalation_frac_per_yr, -0.5, false, 0.5, false),
    SEMITCO_TRUCK_PARAMS(electric, true, false),
    SEMITCO_TRUCK_PARAMS(diesel, false, true),
    SEMITCO_PARAM(prices.diesel_price_usd_per_gal, 0.0, false, kInf, false),
    SEMITCO_PARAM(prices.diesel_escalation_frac_per_yr, -0.5, false, 0.5, false),
    SEMITCO_PARAM(prices.def_price_usd_per_gal, 0.0, false, kInf, false),
    SEMITCO_PARAM(prices.electricity_price_usd_per_kWh, 0.0, false, kInf, false),
    SEMITCO_PARAM(prices.electricity_escalation_frac_per_yr, -0.5, false, 0.5, false),
    SEMITCO_PARAM(prices.demand_charge_usd_per_kW_month, 0.0, false, kInf, false),
    SEMITCO_PARAM(prices.fixed_fees_usd_per_month, 0.0, false, kInf, false),
    SEMITCO_PARAM(prices.public_charging_usd_per_kWh, 0.0, false, kInf, false),
    SEMITCO_PARAM(prices.public_charging_share_frac, 0.0, false, 1.0, false),
    SEMITCO_PARAM(prices.carbon_price_usd_per_t_co2, 0.0, false, kInf, false),
    SEMITCO_PARAM(prices.lcfs_credit_usd_per_kWh, 0.0, false, kInf, false),
    SEMITCO_PARAM(operations.annual_miles, 0.0, true, 1e7, false),
    SEMITCO_PARAM(operations.operating_days_per_yr, 0.0, false, 366.0, false),
    SEMITCO_PARAM(operations.day_plan.depot_dwell_s, 0.0, false, 86400.0, false),
    SEMITCO_PARAM(operations.annual_distance_override_mi, 0.0, false, 1e7, false),
    SEMITCO_PARAM(operations.payload_desired_kg, 0.0, true, kInf, false),
    SEMITCO_PARAM(operations.empty_return_share_frac, 0.0, false, 0.99, false),
    SEMITCO_PARAM(operations.driver_pay_usd_per_mi, 0.0, false, kInf, false),
    SEMITCO_PARAM(operations.driver_wage_usd_per_h, 0.0, false, kInf, false),
    SEMITCO_PARAM(operations.driver_benefits_frac, 0.0, false, 2.0, false),
    SEMITCO_PARAM(operations.hos_driving_before_break_s, 0.0, true, 86400.0, false),
    SEMITCO_PARAM(operations.hos_break_s, 0.0, false, 86400.0, false),
    SEMITCO_PARAM(operations.driver_assist_driver_cost_change_frac, -1.0, false, 1.0, false),
    SEMITCO_PARAM(operations.remote_supervision_usd_per_h, 0.0, false, kInf, false),
    SEMITCO_PARAM(operations.driverless_max_operating_h_per_day, 0.0, true, 24.0, false),
    SEMITCO_PARAM(operations.gross_weight_limit_kg, 0.0, true, kInf, false),
    SEMITCO_PARAM(operations.ev_weight_allowance_kg, 0.0, false, kInf, false),
    SEMITCO_PARAM(charging.reserve_soc_frac, 0.0, false, 0.99, false),
    SEMITCO_PARAM(charging.depot_charger_power_kW, 0.0, true, 1e5, false),
    SEMITCO_PARAM(charging.depot_efficiency_frac, 0.5, false, 1.0, false),
    SEMITCO_PARAM(charging.depot_hardware_usd, 0.0, false, kInf, false),
    SEMITCO_PARAM(charging.depot_installation_usd, 0.0, false, kInf, false),
    SEMITCO_PARAM(charging.trucks_per_charger, 1.0, false, 1000.0, false),
    SEMITCO_PARAM(charging.charger_life_yr, 1.0, false, 50.0, false),
    SEMITCO_PARAM(charging.charger_salvage_frac, 0.0, false, 1.0, false),
    SEMITCO_PARAM(charging.depot_arrival_h, 0.0, false, 24.0, false),
    SEMITCO_PARAM(charging.enroute_charger_power_kW, 0.0, true, 1500.0, false),
    SEMITCO_PARAM(charging.enroute_efficiency_frac, 0.5, false, 1.0, false),
    SEMITCO_PARAM(charging.enroute_target_soc_frac, 0.0, true, 1.0, false),
    SEMITCO_PARAM(charging.enroute_stop_overhead_s, 0.0, false, 86400.0, false),
};

#undef SEMITCO_TRUCK_PARAMS
#undef SEMITCO_PARAM
// clang-format on

}  // namespace

std::string format_value(double value) {
  std::ostringstream s;
  s.precision(10);
  s << value;
  return s.str();
}

std::string ParameterInfo::range_text() const {
  if (max_value == kInf)
    return std::string("must be ") + (min_exclusive ? "> " : ">= ") + format_value(min_value);
  if (min_value == -kInf) return "must be <= " + format_value(max_value);
  return std::string("must be in ") + (min_exclusive ? "(" : "[") + format_value(min_value) + ", " +
         format_value(max_value) + "]";
}

std::span<const ParameterInfo> parameters() { return kParameters; }

const ParameterInfo& find_parameter(std::string_view key) {
  for (const ParameterInfo& p : kParameters) {
    if (p.key == key) return p;
  }
  throw TcoInputError("unknown input key '" + std::string(key) + "'");
}

}  // namespace semitco::tco
