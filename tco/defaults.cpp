// default_inputs(): public figures from ../shared/REFERENCE.md. resources/economics/defaults.json holds
// the same values with a source for each (a test checks the two agree); "estimate" marks figures nobody
// has published.
#include "tco/inputs.hpp"
#include "tco/units.hpp"

namespace semitco::tco {

ChargingCurve default_acceptance_curve() {
  // Estimate: flat to 60 % SOC at the Megacharger's ~1 MW, tapering above (Tesla: 60-70 % in 30 min).
  return ChargingCurve{{0.0, 0.6, 0.8, 1.0}, {1000.0, 1000.0, 500.0, 100.0}};
}

TcoInputs default_inputs() {
  using namespace units;
  TcoInputs in;
  in.ownership_years = 7;                // estimate
  in.discount_rate_frac = 0.07;          // OMB Circular A-4, 7 % real
  in.cost_escalation_frac_per_yr = 0.0;  // real dollars

  // Representative 225-mile run at 55 mph average with 30 min of scheduled stops (estimate; the app
  // replaces both trip summaries with simulated ones).
  const double run_m = m_from_miles(225.0);
  const double driving_s = 225.0 / 55.0 * kSecondsPerHour;
  TripSummary base;
  base.distance_m = run_m;
  base.driving_time_s = driving_s;
  base.duration_s = driving_s + 1800.0;

  TripSummary& ev = in.electric.trip;
  ev = base;
  ev.usable_battery_J = J_from_kWh(825.0);             // MIT Green Trucking fit to NACFE data: 820-830 kWh
  ev.energy_from_source_J = J_from_kWh(1.85 * 225.0);  // 1.85 kWh/mi, NACFE/MIT fleet central 1.8-1.9
  ev.battery_energy_out_J = J_from_kWh(1.85 * 225.0 * 1.12);  // estimate: regen returns ~11 % of draw
  ev.battery_energy_in_J = ev.battery_energy_out_J - ev.energy_from_source_J;
  ev.start_soc_frac = 1.0;
  ev.min_soc_frac = 1.0 - 1.85 * 225.0 / 825.0;
  ev.co2_kg = 0.0;  // tailpipe

  TripSummary& dz = in.diesel.trip;
  dz = base;
  const double gal = 225.0 / 7.0;  // 7.0 mpg: between FHWA 6.2-6.9 and NACFE fleets 7.8 (estimate)
  dz.fuel_L = gal * kLitresPerGallon;
  dz.fuel_kg = dz.fuel_L * 0.84;  // diesel density ~0.84 kg/L (estimate)
  dz.def_L = 0.025 * dz.fuel_L;   // DEF 2-3 % of diesel volume (industry practice)
  dz.co2_kg = 10.2 * gal;         // EPA: ~10.2 kg CO2 per gallon
  dz.start_soc_frac = 0.0;

  TruckEconomics& ee = in.electric.economics;
  ee.purchase_price_usd = 411200.0;             // ICCT MY2025 median battery-electric tractor
  ee.residual_value_frac = 0.15;                // estimate (thin resale market)
  ee.maintenance_usd_per_mi = 0.14;             // estimate: below diesel's $0.202 (T3CO, ATRI, Argonne)
  ee.tare_kg = kg_from_lb(38000.0);             // estimate: tractor + 53' van, ~5,000 lb battery penalty
  ee.battery_capacity_fade_frac_per_yr = 0.02;  // estimate
  ee.battery_replacement_year = 0;
  ee.battery_replacement_usd_per_kWh = 150.0;  // estimate

  TruckEconomics& de = in.diesel.economics;
  de.purchase_price_usd = 172500.0;   // ICCT MY2025 median diesel tractor
  de.residual_value_frac = 0.20;      // estimate
  de.maintenance_usd_per_mi = 0.202;  // ATRI 2024 update (2023 repair & maintenance)
  de.tare_kg = kg_from_lb(33000.0);   // estimate: tractor + 53' dry van
  de.battery_capacity_fade_frac_per_yr = 0.0;
  de.battery_replacement_usd_per_kWh = 0.0;

  // The duty: 100,000 mi a year on 250 days, one 400-mile day, 10 h parked at the depot (estimates; ATRI's
  // operational-cost surveys put the average tractor near 100,000 mi a year). Driver, no team.
  in.operations.utilisation = Utilisation::kAnnualMiles;
  in.operations.annual_miles = 100000.0;
  in.operations.operating_days_per_yr = 250.0;
  in.operations.day_plan = DayPlan{};
  in.operations.day_plan.depot_dwell_s = 10.0 * kSecondsPerHour;
  in.operations.automation = Automation::kDriver;
  in.operations.driver_pay = DriverPay::kPerMile;
  in.operations.driver_pay_usd_per_mi = 0.779;
  in.operations.team_drivers = false;

  in.charging.acceptance = default_acceptance_curve();
  return in;
}

}  // namespace semitco::tco
