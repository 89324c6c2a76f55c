// Every cost line against a hand calculation from its formula, on the round-number scenario of
// hand_inputs.hpp (40,000 mi/yr in 400 runs of 100 mi; 200 days; 3 years at 5 %).
#include <catch2/catch.hpp>
#include <cmath>

#include "hand_inputs.hpp"
#include "tco/cost_model.hpp"

using namespace semitco::tco;
using semitco::tco::test::hand_inputs;

namespace {
double cash(const CostReport& r, int year, CostLine l) {
  return r.ledger[static_cast<std::size_t>(year)].usd[static_cast<std::size_t>(l)];
}
const Powertrain EV = Powertrain::kBatteryElectric;
const Powertrain DZ = Powertrain::kDiesel;
}  // namespace

TEST_CASE("capital lines at year 0 when paid cash: price / FET / sales tax / incentives / charger",
          "[lines]") {
  const CostReport r = cost_report(hand_inputs(), EV);
  CHECK(cash(r, 0, CostLine::kVehiclePrice) == Approx(300000.0));
  CHECK(cash(r, 0, CostLine::kExciseTax) == Approx(0.12 * 300000.0));             // 36,000
  CHECK(cash(r, 0, CostLine::kSalesTax) == Approx(0.05 * (300000.0 + 36000.0)));  // 16,800
  CHECK(cash(r, 0, CostLine::kIncentives) == Approx(-10000.0));
  CHECK(cash(r, 0, CostLine::kChargerCapital) == Approx((80000.0 + 20000.0) / 2.0));  // per truck
  CHECK(cash(r, 1, CostLine::kVehiclePrice) == 0.0);
  const CostReport d = cost_report(hand_inputs(), DZ);
  CHECK(cash(d, 0, CostLine::kChargerCapital) == 0.0);
  CHECK(cash(d, 0, CostLine::kExciseTax) == Approx(18000.0));
}

TEST_CASE("financed capital: down payment at year 0 / principal by year / interest line",
          "[lines][finance]") {
  TcoInputs in = hand_inputs();
  in.electric.economics.financed = true;
  in.electric.economics.down_payment_frac = 0.20;
  in.electric.economics.loan_apr_frac = 0.06;
  in.electric.economics.loan_term_months = 36;
  const CostReport r = cost_report(in, EV);

  const double capital = 300000.0 + 36000.0 + 16800.0 - 10000.0;  // 342,800
  const double L = 0.8 * capital;                                 // 274,240
  const double i = 0.06 / 12.0;
  const double M = L * i / (1.0 - std::pow(1.0 + i, -36.0));
  CHECK(cash(r, 0, CostLine::kVehiclePrice) == Approx(0.2 * 300000.0));
  CHECK(cash(r, 0, CostLine::kExciseTax) == Approx(0.2 * 36000.0));
  // Month-by-month schedule, summed per year.
  double bal = L;
  for (int y = 1; y <= 3; ++y) {
    double interest = 0.0, principal = 0.0;
    for (int m = 0; m < 12; ++m) {
      const double in_m = bal * i;
      interest += in_m;
      principal += M - in_m;
      bal -= M - in_m;
    }
    CHECK(cash(r, y, CostLine::kFinancingInterest) == Approx(interest).epsilon(1e-9));
    CHECK(cash(r, y, CostLine::kVehiclePrice) == Approx(300000.0 * principal / capital).epsilon(1e-9));
    CHECK(cash(r, y, CostLine::kIncentives) == Approx(-10000.0 * principal / capital).epsilon(1e-9));
  }
  // Over the loan the price line adds up to the price, the interest to all payments less the principal.
  double price_sum = 0.0, interest_sum = 0.0;
  for (const LedgerYear& ly : r.ledger) {
    price_sum += ly.usd[static_cast<std::size_t>(CostLine::kVehiclePrice)];
    interest_sum += ly.usd[static_cast<std::size_t>(CostLine::kFinancingInterest)];
  }
  CHECK(price_sum == Approx(300000.0));
  CHECK(interest_sum == Approx(36.0 * M - L));
}

TEST_CASE("residual value is a negative cost at the end of year N", "[lines]") {
  const CostReport r = cost_report(hand_inputs(), EV);
  CHECK(cash(r, 3, CostLine::kResidualValue) == Approx(-0.30 * 300000.0));
  CHECK(cash(r, 2, CostLine::kResidualValue) == 0.0);
  TcoInputs in = hand_inputs();
  in.diesel.economics.residual_rule = ResidualRule::kDecliningBalance;
  in.diesel.economics.depreciation_rate_frac_per_yr = 0.2;
  CHECK(cash(cost_report(in, DZ), 3, CostLine::kResidualValue) == Approx(-150000.0 * 0.8 * 0.8 * 0.8));
}

TEST_CASE("diesel energy lines: gallons x price with escalation / DEF / carbon", "[lines][energy]") {
  TcoInputs in = hand_inputs();
  in.diesel.economics.energy_use_degradation_frac_per_yr = 0.05;
  const CostReport d = cost_report(in, DZ);
  // 10 gal x 400 runs x $4, escalating 10 %/yr, fuel use growing 5 %/yr.
  CHECK(cash(d, 1, CostLine::kDieselFuel) == Approx(10.0 * 400.0 * 4.0));
  CHECK(cash(d, 2, CostLine::kDieselFuel) == Approx(10.0 * 400.0 * 4.0 * 1.10 * 1.05));
  CHECK(cash(d, 3, CostLine::kDieselFuel) == Approx(10.0 * 400.0 * 4.0 * 1.21 * 1.05 * 1.05));
  CHECK(cash(d, 1, CostLine::kDef) == Approx(0.25 * 400.0 * 3.0));
  CHECK(cash(d, 2, CostLine::kDef) == Approx(0.25 * 400.0 * 3.0 * 1.10 * 1.05));
  // 102 kg x 400 = 40.8 t x $50/t.
  CHECK(cash(d, 1, CostLine::kCarbonCost) == Approx(40.8 * 50.0));
  CHECK(d.ledger[1].diesel_gal == Approx(4000.0));
}

TEST_CASE("electricity lines: depot energy / demand / fixed fees / public share / LCFS credit",
          "[lines][energy]") {
  TcoInputs in = hand_inputs();
  const CostReport r = cost_report(in, EV);
  // Depot: 400 kWh/day into the pack / 0.90 x 200 days = 88,888.9 kWh at $0.10, +5 %/yr.
  const double grid_kWh = 400.0 / 0.90 * 200.0;
  CHECK(cash(r, 1, CostLine::kDepotElectricity) == Approx(grid_kWh * 0.10));
  CHECK(cash(r, 3, CostLine::kDepotElectricity) == Approx(grid_kWh * 0.10 * 1.05 * 1.05));
  // $/kW-mo x the charge's grid peak (100 kW charger / 0.90 efficiency) x 12 / trucks
  CHECK(cash(r, 1, CostLine::kDemandCharge) == Approx(10.0 * 100.0 / 0.90 * 12.0 / 2.0));
  CHECK(cash(r, 2, CostLine::kDemandCharge) == Approx(10.0 * 100.0 / 0.90 * 12.0 / 2.0 * 1.05));
  CHECK(cash(r, 1, CostLine::kElectricityFixedFees) == Approx(50.0 * 12.0 / 2.0));
  CHECK(cash(r, 1, CostLine::kPublicCharging) == 0.0);
  CHECK(cash(r, 1, CostLine::kLcfsCredit) == Approx(-grid_kWh * 0.02));
  CHECK(cash(r, 1, CostLine::kCarbonCost) == 0.0);

  in.prices.public_charging_share_frac = 0.25;
  const CostReport s = cost_report(in, EV);
  CHECK(cash(s, 1, CostLine::kDepotElectricity) == Approx(0.75 * grid_kWh * 0.10));
  CHECK(cash(s, 1, CostLine::kPublicCharging) == Approx(0.25 * grid_kWh * 0.40));
}

TEST_CASE("per-mile lines: maintenance / tyres / tolls / yearly: registration / insurance / HVUT",
          "[lines]") {
  TcoInputs in = hand_inputs();
  in.cost_escalation_frac_per_yr = 0.03;
  const CostReport d = cost_report(in, DZ);
  CHECK(cash(d, 1, CostLine::kMaintenance) == Approx(40000.0 * 0.20));
  CHECK(cash(d, 2, CostLine::kMaintenance) == Approx(40000.0 * 0.20 * 1.03));
  CHECK(cash(d, 1, CostLine::kTyres) == Approx(40000.0 * 0.04));
  CHECK(cash(d, 1, CostLine::kTolls) == Approx(40000.0 * 0.05));
  CHECK(cash(d, 2, CostLine::kRegistration) == Approx(1500.0 * 1.03));
  CHECK(cash(d, 2, CostLine::kInsurance) == Approx(0.04 * 150000.0));  // % of price, not escalated
  // HVUT on tare + payload: 15,000 + 20,000 kg = 77,162 lb -> over 75,000 lb -> $550.
  CHECK(cash(d, 1, CostLine::kHvut) == 550.0);
  // A light load: 15,000 + 10,000 kg = 55,116 lb -> $100 + $22 x 1 = $122.
  in.operations.payload_desired_kg = 10000.0;
  CHECK(cash(cost_report(in, DZ), 1, CostLine::kHvut) == 122.0);
}

TEST_CASE("driver labour from trip time / the HOS break and charging beyond it", "[lines][hos]") {
  TcoInputs in = hand_inputs();
  // No break (4 h driving a day): 2 runs x 2.5 h x 200 days = 1,000 h x $30 x 1.25.
  CHECK(cash(cost_report(in, DZ), 1, CostLine::kDriverLabour) == Approx(1000.0 * 30.0 * 1.25));

  // 2 runs of 4.5 h driving (5 h with stops): 9 h driving -> one 30 min break (unpaid).
  // EV run 300 kWh: day 600 kWh, 450 above reserve -> one stop of 150 kWh at 300 kW = 30 min + 10 min
  // overhead = 40 min, of which 30 min fall in the break: 10 min paid.
  in.electric.trip.driving_time_s = in.diesel.trip.driving_time_s = 4.5 * 3600.0;
  in.electric.trip.duration_s = in.diesel.trip.duration_s = 5.0 * 3600.0;
  in.electric.trip.energy_from_source_J = units::J_from_kWh(300.0);
  const CostReport e = cost_report(in, EV);
  const CostReport d = cost_report(in, DZ);
  CHECK(e.quantities.hos_breaks_per_day == 1);
  CHECK(e.quantities.enroute_stops_per_day == 1);
  CHECK(e.quantities.paid_charging_h_per_day == Approx(10.0 / 60.0));
  CHECK(cash(d, 1, CostLine::kDriverLabour) == Approx(10.0 * 200.0 * 37.5));
  CHECK(cash(e, 1, CostLine::kDriverLabour) == Approx((10.0 + 10.0 / 60.0) * 200.0 * 37.5));
  // En-route energy is public: 150 kWh / 0.95 x 200 days x $0.40; depot 450 kWh / 0.90 x 200 x $0.10.
  CHECK(cash(e, 1, CostLine::kEnrouteCharging) == Approx(150.0 / 0.95 * 200.0 * 0.40));
  CHECK(cash(e, 1, CostLine::kPublicCharging) == 0.0);  // no depot energy bought in public
  CHECK(cash(e, 1, CostLine::kDepotElectricity) == Approx(450.0 / 0.90 * 200.0 * 0.10));

  // A faster charger: 150 kWh at 1,000 kW = 9 min + 10 min = 19 min, all inside the break.
  in.charging.enroute_charger_power_kW = 1000.0;
  CHECK(cash(cost_report(in, EV), 1, CostLine::kDriverLabour) == Approx(10.0 * 200.0 * 37.5));

  // A paid break costs both trucks the same 30 min.
  in.charging.enroute_charger_power_kW = 300.0;
  in.operations.hos_break_paid = true;
  CHECK(cash(cost_report(in, DZ), 1, CostLine::kDriverLabour) == Approx(10.5 * 200.0 * 37.5));
  CHECK(cash(cost_report(in, EV), 1, CostLine::kDriverLabour) == Approx((10.5 + 10.0 / 60.0) * 200.0 * 37.5));
}

TEST_CASE("battery fade adds en-route charging / a replacement restores the pack", "[lines][battery]") {
  TcoInputs in = hand_inputs();
  in.electric.economics.battery_capacity_fade_frac_per_yr = 0.20;
  // Year 2: pack 500 x 0.8 = 400 kWh, 360 above reserve, day 400 -> 40 kWh en route at $0.40 x 1.05.
  const CostReport faded = cost_report(in, EV);
  CHECK(cash(faded, 1, CostLine::kEnrouteCharging) == 0.0);
  CHECK(cash(faded, 2, CostLine::kEnrouteCharging) == Approx(40.0 / 0.95 * 200.0 * 0.40 * 1.05));
  in.electric.economics.battery_replacement_year = 1;
  in.electric.economics.battery_replacement_usd_per_kWh = 150.0;
  const CostReport replaced = cost_report(in, EV);
  CHECK(cash(replaced, 1, CostLine::kBatteryReplacement) == Approx(500.0 * 150.0));
  CHECK(cash(replaced, 2, CostLine::kEnrouteCharging) == 0.0);  // new pack in year 2
}

TEST_CASE("annual distance override scales runs and days (utilisation from_route)", "[lines]") {
  TcoInputs in = hand_inputs();
  in.operations.utilisation = Utilisation::kFromRoute;  // the old rule, as old scenario files ask
  in.operations.annual_distance_override_mi = 60000.0;  // 600 runs, 300 days
  const CostReport d = cost_report(in, DZ);
  CHECK(d.quantities.miles_per_yr == Approx(60000.0));
  CHECK(cash(d, 1, CostLine::kDieselFuel) == Approx(10.0 * 600.0 * 4.0));
  CHECK(cash(d, 1, CostLine::kDriverLabour) == Approx(5.0 * 300.0 * 37.5));
}

TEST_CASE("a full year-by-year ledger rebuilt by hand (EV / cash purchase)", "[ledger]") {
  const TcoInputs in = hand_inputs();
  const CostReport r = cost_report(in, EV);
  REQUIRE(r.ledger.size() == 4);

  // Year 0: price + FET + sales tax - incentives + charger share.
  const double y0 = 300000.0 + 36000.0 + 16800.0 - 10000.0 + 50000.0;  // 392,800
  const double grid_kWh = 400.0 / 0.9 * 200.0;
  double hand[4] = {y0, 0.0, 0.0, 0.0};
  for (int y = 1; y <= 3; ++y) {
    const double esc_e = std::pow(1.05, y - 1);
    hand[y] = grid_kWh * 0.10 * esc_e              // depot electricity
              + 10.0 * 100.0 / 0.90 * 12.0 / 2.0 * esc_e  // demand charge (grid peak)
              + 50.0 * 12.0 / 2.0 * esc_e          // fixed fees
              - grid_kWh * 0.02                    // LCFS credit
              + 40000.0 * (0.10 + 0.04 + 0.05)     // maintenance, tyres, tolls
              + 1500.0                             // registration
              + 0.03 * 300000.0                    // insurance
              + 550.0                              // HVUT (37,000 kg = 81,571 lb)
              + 1000.0 * 30.0 * 1.25;              // driver
  }
  hand[3] -= 0.30 * 300000.0;  // residual
  // Year 1 written out: 8,888.89 + 6,666.67 + 300 - 1,777.78 + 7,600 + 1,500 + 9,000 + 550 + 37,500 = 70,227.78
  CHECK(hand[1] == Approx(70227.778).margin(0.01));

  double npv = 0.0, cum = 0.0;
  for (int y = 0; y <= 3; ++y) {
    INFO("year " << y);
    CHECK(r.ledger[static_cast<std::size_t>(y)].total_usd == Approx(hand[y]).epsilon(1e-12));
    npv += hand[y] / std::pow(1.05, y);
    cum += hand[y];
    CHECK(r.cumulative_usd[static_cast<std::size_t>(y)] == Approx(cum));
  }
  CHECK(r.npv_usd == Approx(npv).epsilon(1e-12));
  CHECK(r.cumulative_discounted_usd.back() == Approx(npv));

  // Levelised: a_3 = 1/1.05 + 1/1.05^2 + 1/1.05^3.
  const double a3 = 1.0 / 1.05 + 1.0 / (1.05 * 1.05) + 1.0 / (1.05 * 1.05 * 1.05);
  CHECK(r.usd_per_yr == Approx(npv / a3));
  CHECK(r.usd_per_mi == Approx(npv / (40000.0 * a3)));
  const double tons = 20000.0 / 907.18474;  // short tons per run
  CHECK(r.usd_per_ton_mi == Approx(npv / (400.0 * tons * 100.0 * a3)));
  CHECK(r.usd_per_ton == Approx(npv / (400.0 * tons * a3)));
  // The lines add up to the total in every unit.
  double sum_mi = 0.0;
  for (const CostLineSummary& l : r.lines) sum_mi += l.usd_per_mi;
  CHECK(sum_mi == Approx(r.usd_per_mi));
}
