// Conventions, inputs by year and measured energy (tco/conventions.hpp, tco/measured_inputs.hpp), each against
// its formula in docs/tco.md on a case small enough to work out by hand: the diesel truck of hand_inputs.hpp
// paid cash with every line but price, residual, fuel, maintenance and HVUT set to zero.
//
//   price 150,000 at year 0; residual 35 % = 52,500 at the end of year 3; 5 % discount, 3 years
//   fuel 400 runs * 10 gal * $4 = 16,000 a year; maintenance 40,000 mi * $0.20 = 8,000 a year
//   HVUT: 15,000 kg tare + 20,000 kg payload = 77,162 lb -> $100 + $22 * 23 = $606, capped at $550 a year
#include <catch2/catch.hpp>
#include <cmath>

#include "hand_inputs.hpp"
#include "tco/cost_model.hpp"
#include "tco/measured_inputs.hpp"

using namespace semitco::tco;
using semitco::tco::test::hand_inputs;

namespace {

TcoInputs bare_diesel() {
  TcoInputs in = hand_inputs();
  TruckEconomics& d = in.diesel.economics;
  d.fet_rate_frac = 0.0;
  d.sales_tax_rate_frac = 0.0;
  d.tyres_usd_per_mi = 0.0;
  d.insurance_frac_of_price_per_yr = 0.0;
  d.registration_usd_per_yr = 0.0;
  d.tolls_usd_per_mi = 0.0;
  in.diesel.trip.def_L = 0.0;
  in.diesel.trip.co2_kg = 0.0;
  in.prices.diesel_escalation_frac_per_yr = 0.0;
  in.operations.driver_wage_usd_per_h = 0.0;
  return in;
}

constexpr double kYearly = 16000.0 + 8000.0 + 550.0;
constexpr double kResidual = 52500.0;
double p(int t) { return std::pow(1.05, -t); }
double ph(double t) { return std::pow(1.05, -t); }

}  // namespace

TEST_CASE("conventions: the defaults are end-of-year discounting and the residual at the end of ownership",
          "[conventions]") {
  const CostReport r = cost_report(bare_diesel(), Powertrain::kDiesel);
  const double npv = 150000.0 + kYearly * (p(1) + p(2) + p(3)) - kResidual * p(3);
  CHECK(r.npv_usd == Approx(npv).epsilon(1e-12));
  CHECK(r.usd_per_mi == Approx(npv / (40000.0 * (p(1) + p(2) + p(3)))).epsilon(1e-12));
  CHECK(r.line(CostLine::kHvut).npv_usd == Approx(550.0 * (p(1) + p(2) + p(3))));
}

TEST_CASE("conventions: beginning-of-year and mid-year discounting, residual with the last year",
          "[conventions]") {
  TcoInputs in = bare_diesel();
  in.conventions.discount_timing = DiscountTiming::kBeginningOfYear;
  CostReport r = cost_report(in, Powertrain::kDiesel);
  CHECK(r.npv_usd == Approx(150000.0 + kYearly * (1.0 + p(1) + p(2)) - kResidual * p(3)).epsilon(1e-12));
  CHECK(r.ledger[1].discount_factor == Approx(1.0));
  CHECK(r.ledger[3].residual_discount_factor == Approx(p(3)));
  // Levelised per mile: over the discounted miles of the same timing.
  CHECK(r.usd_per_mi == Approx(r.npv_usd / (40000.0 * (1.0 + p(1) + p(2)))).epsilon(1e-12));

  in.conventions.residual_booking = ResidualBooking::kWithLastYear;
  r = cost_report(in, Powertrain::kDiesel);
  CHECK(r.npv_usd == Approx(150000.0 + kYearly * (1.0 + p(1) + p(2)) - kResidual * p(2)).epsilon(1e-12));
  double discounted = 0.0;
  for (const auto& y : r.ledger) discounted += y.discounted_total_usd;
  CHECK(discounted == Approx(r.npv_usd).epsilon(1e-12));

  in.conventions.discount_timing = DiscountTiming::kMidYear;
  in.conventions.residual_booking = ResidualBooking::kEndOfOwnership;
  r = cost_report(in, Powertrain::kDiesel);
  CHECK(r.npv_usd == Approx(150000.0 + kYearly * (ph(0.5) + ph(1.5) + ph(2.5)) - kResidual * p(3)).epsilon(1e-12));
}

TEST_CASE("conventions: per mile over undiscounted lifetime miles", "[conventions]") {
  TcoInputs in = bare_diesel();
  in.conventions.per_mile = PerMileBasis::kLifetimeMiles;
  const CostReport r = cost_report(in, Powertrain::kDiesel);
  const double npv = 150000.0 + kYearly * (p(1) + p(2) + p(3)) - kResidual * p(3);
  CHECK(r.npv_usd == Approx(npv).epsilon(1e-12));  // the NPV is the same; only the divisor changes
  CHECK(r.usd_per_mi == Approx(npv / 120000.0).epsilon(1e-12));
  CHECK(r.usd_per_yr == Approx(npv / 3.0).epsilon(1e-12));
  CHECK(r.quantities.lifetime_miles == Approx(120000.0));
}

TEST_CASE("conventions: heavy-vehicle use tax off", "[conventions]") {
  TcoInputs in = bare_diesel();
  in.conventions.hvut = false;
  const CostReport r = cost_report(in, Powertrain::kDiesel);
  CHECK(r.line(CostLine::kHvut).npv_usd == 0.0);
  CHECK(r.npv_usd == Approx(150000.0 + (kYearly - 550.0) * (p(1) + p(2) + p(3)) - kResidual * p(3)).epsilon(1e-12));
}

TEST_CASE("conventions: the payload multiplier scales every cost by the trucks the freight needs",
          "[conventions]") {
  TcoInputs in = bare_diesel();
  in.operations.payload_desired_kg = 25000.0;  // the diesel carries 80,000 lb - 15,000 kg = 21,287.4 kg of it
  const double carried = units::kg_from_lb(80000.0) - 15000.0;
  const double m = 25000.0 / carried;
  const CostReport cap = cost_report(in, Powertrain::kDiesel);
  in.conventions.payload = PayloadTreatment::kTruckMultiplier;
  const CostReport mul = cost_report(in, Powertrain::kDiesel);
  CHECK(mul.quantities.payload_multiplier == Approx(m));
  CHECK(mul.npv_usd == Approx(cap.npv_usd * m).epsilon(1e-12));
  CHECK(mul.usd_per_mi == Approx(cap.usd_per_mi * m).epsilon(1e-12));
  // Tons count the freight offered: cost per ton-mile is the capacity cap's (the same freight, the same cost).
  CHECK(mul.usd_per_ton_mi == Approx(cap.usd_per_ton_mi).epsilon(1e-12));
  // A truck that carries all the freight offered is one truck.
  in.operations.payload_desired_kg = 20000.0;
  CHECK(cost_report(in, Powertrain::kDiesel).quantities.payload_multiplier == 1.0);
}

TEST_CASE("inputs by year: a diesel price and maintenance list give the hand-calculated NPV", "[by_year]") {
  TcoInputs in = bare_diesel();
  in.prices.diesel_escalation_frac_per_yr = 0.10;  // a list is nominal: the escalation does not apply to it
  in.prices.diesel_by_year_usd_per_gal = {3.0, 4.5, 5.0};
  in.diesel.economics.maintenance_by_year_usd_per_mi = {0.10, 0.20, 0.30};
  const CostReport r = cost_report(in, Powertrain::kDiesel);
  // 4,000 gal a year; 40,000 mi a year.
  const double fuel = 4000.0 * (3.0 * p(1) + 4.5 * p(2) + 5.0 * p(3));
  const double maint = 40000.0 * (0.10 * p(1) + 0.20 * p(2) + 0.30 * p(3));
  CHECK(r.line(CostLine::kDieselFuel).npv_usd == Approx(fuel).epsilon(1e-12));
  CHECK(r.line(CostLine::kMaintenance).npv_usd == Approx(maint).epsilon(1e-12));
  CHECK(r.npv_usd == Approx(150000.0 + fuel + maint + 550.0 * (p(1) + p(2) + p(3)) - kResidual * p(3)).epsilon(1e-12));
}

TEST_CASE("inputs by year: annual miles by year scale the year's days, and the per-mile divisor", "[by_year]") {
  TcoInputs in = bare_diesel();
  in.operations.annual_miles_by_year = {40000.0, 30000.0, 20000.0};
  const CostReport r = cost_report(in, Powertrain::kDiesel);
  CHECK(r.ledger[2].miles == Approx(30000.0));
  CHECK(r.ledger[3].usd[static_cast<std::size_t>(CostLine::kDieselFuel)] == Approx(2000.0 * 4.0));
  CHECK(r.ledger[3].usd[static_cast<std::size_t>(CostLine::kMaintenance)] == Approx(20000.0 * 0.20));
  const double disc_miles = 40000.0 * p(1) + 30000.0 * p(2) + 20000.0 * p(3);
  CHECK(r.usd_per_mi == Approx(r.npv_usd / disc_miles).epsilon(1e-12));
}

TEST_CASE("inputs by year: a list of the wrong length or a value out of range is refused with its key",
          "[by_year]") {
  TcoInputs in = bare_diesel();
  in.prices.diesel_by_year_usd_per_gal = {3.0, 4.0};
  CHECK_THROWS_WITH(cost_report(in, Powertrain::kDiesel),
                    Catch::Contains("prices.diesel_price_usd_per_gal") && Catch::Contains("3"));
  in.prices.diesel_by_year_usd_per_gal = {3.0, -4.0, 5.0};
  CHECK_THROWS_WITH(cost_report(in, Powertrain::kDiesel), Catch::Contains("prices.diesel_price_usd_per_gal[1]"));
}

TEST_CASE("measured energy: an entered 1.9 kWh/mi at the plug replaces the simulation in every energy line",
          "[measured]") {
  TcoInputs in = hand_inputs();
  in.electric.economics.energy = {EnergyBasis::kMeasuredAtPlug, 1.9};
  const CostReport r = cost_report(in, Powertrain::kBatteryElectric);
  // 40,000 mi * 1.9 kWh/mi = 76,000 kWh from the grid a year (the simulation's 200 kWh/100 mi at the pack
  // would be 88,889 kWh); depot energy at $0.10 escalating 5 %, LCFS credit at $0.02.
  CHECK(r.ledger[1].grid_kWh == Approx(76000.0));
  CHECK(r.ledger[1].usd[static_cast<std::size_t>(CostLine::kDepotElectricity)] == Approx(7600.0));
  CHECK(r.ledger[2].usd[static_cast<std::size_t>(CostLine::kDepotElectricity)] == Approx(7600.0 * 1.05));
  CHECK(r.ledger[1].usd[static_cast<std::size_t>(CostLine::kLcfsCredit)] == Approx(-1520.0));
  CHECK(r.line(CostLine::kEnrouteCharging).npv_usd == 0.0);
  CHECK(r.quantities.energy_kWh_per_mi == Approx(1.9));
  CHECK(r.quantities.mpg_diesel_equivalent == Approx(units::kKWhPerDieselGallon / 1.9));
  CHECK(r.quantities.mpg_gasoline_equivalent == Approx(33.705 / 1.9));
  CHECK_THAT(r.energy_basis, Catch::Contains("1.9 kWh/mi") && Catch::Contains("plug"));
  bool noted = false;
  for (const auto& n : r.notes) noted = noted || n.find("1.9 kWh/mi") != std::string::npos;
  CHECK(noted);

  // At the pack: the grid supplies the pack energy / depot efficiency (0.90).
  in.electric.economics.energy = {EnergyBasis::kMeasuredAtPack, 1.9};
  CHECK(cost_report(in, Powertrain::kBatteryElectric).ledger[1].grid_kWh == Approx(76000.0 / 0.90));
}

TEST_CASE("measured energy: diesel mpg and a calibration factor", "[measured]") {
  TcoInputs in = hand_inputs();
  in.diesel.economics.energy = {EnergyBasis::kMeasuredMpg, 8.0};
  CostReport r = cost_report(in, Powertrain::kDiesel);
  CHECK(r.ledger[1].diesel_gal == Approx(40000.0 / 8.0));
  // DEF scales with the fuel: 0.25 gal per 10 gal -> 125 gal at $3.
  CHECK(r.ledger[1].usd[static_cast<std::size_t>(CostLine::kDef)] == Approx(125.0 * 3.0));
  CHECK(r.quantities.mpg_diesel_equivalent == Approx(8.0));

  in.diesel.economics.energy = {EnergyBasis::kCalibrated, 1.1};
  r = cost_report(in, Powertrain::kDiesel);
  CHECK(r.ledger[1].diesel_gal == Approx(4000.0 * 1.1));
  CHECK_THAT(r.energy_basis, Catch::Contains("calibration"));

  in.diesel.economics.energy = {EnergyBasis::kMeasuredAtPlug, 1.9};
  CHECK_THROWS_WITH(cost_report(in, Powertrain::kDiesel), Catch::Contains("diesel.economics.energy_basis"));
}
