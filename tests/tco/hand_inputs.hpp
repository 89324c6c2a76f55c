// A small scenario with round numbers, so every cost line can be worked out by hand in the tests.
#pragma once

#include "tco/inputs.hpp"
#include "tco/units.hpp"

namespace semitco::tco::test {

// 3 years, 5 % discount. One run: 100 mi, 2 h driving, 2.5 h with stops; 40,000 mi a year as two 100-mile
// legs a day (two loads) on 200 days. EV: 200 kWh per run, 500 kWh usable pack (no en-route charging:
// the day needs 400 kWh, 450 kWh sit above the 10 % reserve). Diesel: 10 gal and 0.25 gal DEF per run,
// 102 kg CO2.
inline TcoInputs hand_inputs() {
  using namespace units;
  TcoInputs in;
  in.ownership_years = 3;
  in.discount_rate_frac = 0.05;
  in.cost_escalation_frac_per_yr = 0.0;

  TripSummary trip;
  trip.distance_m = m_from_miles(100.0);
  trip.driving_time_s = 7200.0;
  trip.duration_s = 9000.0;

  in.electric.trip = trip;
  in.electric.trip.energy_from_source_J = J_from_kWh(200.0);
  in.electric.trip.usable_battery_J = J_from_kWh(500.0);
  in.electric.trip.start_soc_frac = 1.0;

  in.diesel.trip = trip;
  in.diesel.trip.fuel_L = 10.0 * kLitresPerGallon;
  in.diesel.trip.def_L = 0.25 * kLitresPerGallon;
  in.diesel.trip.co2_kg = 102.0;

  TruckEconomics& ev = in.electric.economics;
  ev.purchase_price_usd = 300000.0;
  ev.fet_rate_frac = 0.12;
  ev.sales_tax_rate_frac = 0.05;
  ev.incentives_usd = 10000.0;
  ev.financed = false;
  ev.residual_rule = ResidualRule::kFractionOfPrice;
  ev.residual_value_frac = 0.30;
  ev.maintenance_usd_per_mi = 0.10;
  ev.tyres_usd_per_mi = 0.04;
  ev.insurance_frac_of_price_per_yr = 0.03;
  ev.registration_usd_per_yr = 1500.0;
  ev.tolls_usd_per_mi = 0.05;
  ev.tare_kg = 17000.0;
  ev.energy_use_degradation_frac_per_yr = 0.0;
  ev.battery_capacity_fade_frac_per_yr = 0.0;
  ev.battery_replacement_year = 0;

  TruckEconomics& dz = in.diesel.economics;
  dz = ev;
  dz.purchase_price_usd = 150000.0;
  dz.incentives_usd = 0.0;
  dz.residual_value_frac = 0.35;
  dz.maintenance_usd_per_mi = 0.20;
  dz.insurance_frac_of_price_per_yr = 0.04;
  dz.tare_kg = 15000.0;

  EnergyPrices& p = in.prices;
  p.diesel_price_usd_per_gal = 4.0;
  p.diesel_escalation_frac_per_yr = 0.10;
  p.def_price_usd_per_gal = 3.0;
  p.electricity_price_usd_per_kWh = 0.10;
  p.electricity_escalation_frac_per_yr = 0.05;
  p.demand_charge_usd_per_kW_month = 10.0;
  p.fixed_fees_usd_per_month = 50.0;
  p.public_charging_usd_per_kWh = 0.40;
  p.public_charging_share_frac = 0.0;
  p.carbon_price_usd_per_t_co2 = 50.0;
  p.lcfs_credit_usd_per_kWh = 0.02;

  Operations& o = in.operations;
  o.utilisation = Utilisation::kAnnualMiles;
  o.annual_miles = 40000.0;  // two 100-mile legs a day (one load each) on 200 days
  o.operating_days_per_yr = 200.0;
  o.day_plan = DayPlan{};
  o.day_plan.legs = {DayLeg{m_from_miles(100.0), 0.0}, DayLeg{m_from_miles(100.0), 0.0}};
  o.day_plan.depot_dwell_s = 10.0 * 3600.0;
  o.routes_per_day = 2;  // used only with utilisation = from_route
  o.annual_distance_override_mi = 0.0;
  o.payload_desired_kg = 20000.0;
  o.empty_return_share_frac = 0.0;
  o.driver_pay = DriverPay::kPerHour;  // the hand calculations pay by the hour; per mile has its own test
  o.driver_wage_usd_per_h = 30.0;
  o.driver_benefits_frac = 0.25;
  o.hos_break_paid = false;

  ChargingPlan& c = in.charging;
  c.acceptance = ChargingCurve{{0.0, 1.0}, {1000.0, 1000.0}};  // flat: the charger limits
  c.reserve_soc_frac = 0.10;
  c.depot_charger_power_kW = 100.0;
  c.depot_efficiency_frac = 0.90;
  c.depot_hardware_usd = 80000.0;
  c.depot_installation_usd = 20000.0;
  c.trucks_per_charger = 2.0;
  // Paid cash over a life equal to the ownership, no salvage: the whole share at year 0, nothing after
  // (test_charging_cost.cpp checks capital recovery and longer lives).
  c.charger_capital = ChargerCapital::kCash;
  c.charger_life_yr = 3.0;
  c.enroute_charger_power_kW = 300.0;
  c.enroute_efficiency_frac = 0.95;
  c.enroute_target_soc_frac = 0.80;
  c.enroute_stop_overhead_s = 600.0;
  return in;
}

}  // namespace semitco::tco::test
