// The depot charging bill (tco/charging_cost.hpp) against hand calculations on the round-number scenario
// of hand_inputs.hpp: 400 kWh a day into the pack, 100 kW charger, 90 % efficiency, 200 days, 3 years at 5 %.
#include <catch2/catch.hpp>
#include <cmath>

#include "hand_inputs.hpp"
#include "tco/charging_cost.hpp"
#include "tco/cost_model.hpp"

using namespace semitco::tco;
using semitco::tco::test::hand_inputs;

namespace {
const Powertrain EV = Powertrain::kBatteryElectric;
double cash(const CostReport& r, int year, CostLine l) {
  return r.ledger[static_cast<std::size_t>(year)].usd[static_cast<std::size_t>(l)];
}
// Level electricity prices, so the levelised $/kWh equal each year's (hand_inputs escalates them 5 %/yr).
TcoInputs level_inputs() {
  TcoInputs in = hand_inputs();
  in.prices.electricity_escalation_frac_per_yr = 0.0;
  return in;
}
double total_charging_usd(const CostReport& r) {  // NPV of the depot lines that depend on when it charges
  return r.line(CostLine::kDepotElectricity).npv_usd + r.line(CostLine::kDemandCharge).npv_usd;
}
}  // namespace

TEST_CASE("capital recovery factor: closed form and the zero-rate limit", "[charging_cost]") {
  // 5 % over 15 years: 0.05 / (1 - 1.05^-15) = 0.05 / (1 - 0.481017) = 0.0963423
  CHECK(capital_recovery_factor(0.05, 15.0) == Approx(0.0963423).epsilon(1e-6));
  CHECK(capital_recovery_factor(0.0, 15.0) == Approx(1.0 / 15.0));
  // A 1-year life recovers the capital plus one year's interest.
  CHECK(capital_recovery_factor(0.07, 1.0) == Approx(1.07));
}

TEST_CASE("delivered $/kWh of a shared charger with a 15-year life matches the hand calculation",
          "[charging_cost][acceptance]") {
  TcoInputs in = level_inputs();
  in.charging.charger_capital = ChargerCapital::kCapitalRecovery;
  in.charging.charger_life_yr = 15.0;
  in.charging.charger_salvage_frac = 0.10;
  REQUIRE(in.charging.trucks_per_charger == 2.0);
  const CostReport r = cost_report(in, EV);

  // Grid energy a year: 400 kWh / 0.90 x 200 days = 88,888.89 kWh.
  const double kWh = 400.0 / 0.90 * 200.0;
  // Capital per truck C = (80,000 + 20,000) / 2 = 50,000; salvage S = 5,000 after 15 years.
  // A = (C - S 1.05^-15) CRF = (50,000 - 5,000 x 0.481017) x 0.0963423 = 4,585.40 a year.
  const double v15 = std::pow(1.05, -15.0);
  const double A = (50000.0 - 5000.0 * v15) * (0.05 / (1.0 - v15));
  CHECK(A == Approx(4585.40).margin(0.01));
  CHECK(cash(r, 0, CostLine::kChargerCapital) == 0.0);
  for (int y = 1; y <= 3; ++y) CHECK(cash(r, y, CostLine::kChargerCapital) == Approx(A));

  const DeliveredElectricity& d = r.delivered;
  CHECK(d.grid_kWh_per_yr == Approx(kWh));
  CHECK(d.energy_usd_per_kWh == Approx(0.10));  // the flat price
  // Demand: $10/kW-month x (100 kW / 0.90 from the grid) x 12 / 2 trucks = 6,666.67 a year -> $0.0750/kWh.
  CHECK(d.peak_grid_kW == Approx(100.0 / 0.90));
  CHECK(d.demand_usd_per_kWh == Approx(10.0 * (100.0 / 0.90) * 12.0 / 2.0 / kWh));
  CHECK(d.demand_usd_per_kWh == Approx(0.0750));
  // Fixed fees: $50/month x 12 / 2 = 300 a year -> $0.003375/kWh.
  CHECK(d.fixed_usd_per_kWh == Approx(0.003375));
  // Capital: 4,585.40 / 88,888.89 = $0.051586/kWh.
  CHECK(d.capital_usd_per_kWh == Approx(0.051586).epsilon(1e-5));
  CHECK(d.total_usd_per_kWh == Approx(0.10 + 0.0750 + 0.003375 + 0.051586).epsilon(1e-5));
  // The diesel truck buys no electricity (compare() evaluates both trucks on one core).
  const Comparison c = compare(in);
  CHECK(c.electric.delivered.total_usd_per_kWh == Approx(d.total_usd_per_kWh));
  CHECK(c.diesel.delivered.total_usd_per_kWh == 0.0);
  CHECK(c.diesel.delivered.grid_kWh_per_yr == 0.0);
}

TEST_CASE("charger paid cash: bought at year 0, renewed at the end of its life, value left credited",
          "[charging_cost]") {
  TcoInputs in = level_inputs();  // C = 50,000 per truck, 3 years
  in.charging.charger_capital = ChargerCapital::kCash;
  in.charging.charger_salvage_frac = 0.10;  // S = 5,000
  in.charging.charger_life_yr = 15.0;
  // Year 3: 3 of 15 years used, straight line from 50,000 to 5,000: worth 50,000 - 45,000 x 3/15 = 41,000.
  CHECK(charger_capital_cash_flow_usd(in, 0) == Approx(50000.0));
  CHECK(charger_capital_cash_flow_usd(in, 1) == 0.0);
  CHECK(charger_capital_cash_flow_usd(in, 3) == Approx(-41000.0));
  in.charging.charger_life_yr = 2.0;  // renewed at year 2, 1 year old at the end: 50,000 - 45,000 / 2
  CHECK(charger_capital_cash_flow_usd(in, 2) == Approx(50000.0));
  CHECK(charger_capital_cash_flow_usd(in, 3) == Approx(-27500.0));
  in.charging.charger_life_yr = 3.0;  // life = ownership, worth its salvage at the end
  CHECK(charger_capital_cash_flow_usd(in, 3) == Approx(-5000.0));
}

TEST_CASE("managed charging under time-of-use costs no more than unmanaged, and less when the cheap "
          "period fits the dwell window",
          "[charging_cost][acceptance]") {
  TcoInputs in = level_inputs();
  in.charging.trucks_per_charger = 1.0;
  in.charging.depot_arrival_h = 18.0;  // dwell 10 h: 18:00 to 04:00
  in.charging.tou_weekday = {{21.0, 6.0, 0.08}, {6.0, 16.0, 0.14}, {16.0, 21.0, 0.30}};
  in.charging.depot_charging = DepotCharging::kUnmanaged;
  const CostReport un = cost_report(in, EV);
  // Unmanaged: 400 kWh at 100 kW is 4 h from 18:00: 3 h at $0.30 and 1 h at $0.08, 111.1 kW from the grid.
  // 333.33 kWh x 0.30 + 111.11 kWh x 0.08 = 108.89 per day over 444.44 kWh = $0.2450/kWh.
  const double un_price = (3.0 * 100.0 / 0.9 * 0.30 + 1.0 * 100.0 / 0.9 * 0.08) / (400.0 / 0.9);
  CHECK(un_price == Approx(0.2450));
  CHECK(un.delivered.energy_usd_per_kWh == Approx(un_price));
  CHECK(cash(un, 1, CostLine::kDepotElectricity) == Approx(un_price * 400.0 / 0.9 * 200.0));

  in.charging.depot_charging = DepotCharging::kManaged;
  const CostReport m = cost_report(in, EV);
  // Managed: the cheap period 21:00-04:00 (7 h) holds the 4 h charge: all at $0.08, and spread over the
  // 7 h the charger needs only 400 / 7 = 57.1 kW (63.5 kW from the grid), lowering the demand charge too.
  CHECK(m.delivered.energy_usd_per_kWh == Approx(0.08));
  CHECK(m.delivered.peak_grid_kW == Approx(400.0 / 7.0 / 0.9));
  CHECK(m.delivered.unmanaged_energy_usd_per_kWh == Approx(un_price));
  CHECK(total_charging_usd(m) < total_charging_usd(un));
  CHECK(m.npv_usd < un.npv_usd);

  // No more, whatever the plug-in hour (the cheap period fitting the window or not) and the tariff.
  for (int h = 0; h < 24; ++h) {
    for (double dwell_h : {5.0, 10.0}) {
      INFO("arrival " << h << " h, dwell " << dwell_h << " h");
      in.charging.depot_arrival_h = h;
      in.operations.day_plan.depot_dwell_s = dwell_h * 3600.0;
      in.charging.depot_charging = DepotCharging::kUnmanaged;
      const double u = total_charging_usd(cost_report(in, EV));
      in.charging.depot_charging = DepotCharging::kManaged;
      const double g = total_charging_usd(cost_report(in, EV));
      CHECK(g <= u * (1.0 + 1e-12));
    }
  }
  // A flat price: managed only lowers the peak (spread over the whole 10 h window: 40 kW into the pack).
  in = level_inputs();
  in.charging.trucks_per_charger = 1.0;
  in.charging.depot_charging = DepotCharging::kManaged;
  const CostReport flat = cost_report(in, EV);
  CHECK(flat.delivered.energy_usd_per_kWh == Approx(0.10));
  CHECK(flat.delivered.peak_grid_kW == Approx(40.0 / 0.9));
}

TEST_CASE("shared charger under time-of-use: the trucks take turns in the cheap hours", "[charging_cost]") {
  TcoInputs in = level_inputs();  // 2 trucks per charger: 2 x 4 h of charging in a 10 h dwell from 18:00
  in.charging.depot_arrival_h = 18.0;
  in.charging.tou_weekday = {{21.0, 6.0, 0.08}, {6.0, 16.0, 0.14}, {16.0, 21.0, 0.30}};
  in.charging.depot_charging = DepotCharging::kUnmanaged;
  // Unmanaged: 18:00-02:00, 3 h at $0.30 and 5 h at $0.08: (3 x 0.30 + 5 x 0.08) / 8 = $0.1625/kWh.
  CHECK(cost_report(in, EV).delivered.energy_usd_per_kWh == Approx(0.1625));
  in.charging.depot_charging = DepotCharging::kManaged;
  // Managed: the cheap 7 h (21:00-04:00) cannot hold 8 h at 100 kW; the cheapest plan fills them and takes
  // the last hour at $0.30: (7 x 0.08 + 1 x 0.30) / 8 = $0.1075/kWh at the full 100 kW; the other plans
  // (the whole window at 80 kW) cost more energy for less demand: the cheaper in total is kept.
  const CostReport m = cost_report(in, EV);
  const double greedy = (7.0 * 0.08 + 0.30) / 8.0 * 400.0 / 0.9 * 200.0 + 10.0 * 100.0 / 0.9 * 12.0 / 2.0;
  const double spread = (3.0 * 0.30 + 7.0 * 0.08) / 10.0 * 400.0 / 0.9 * 200.0 + 10.0 * 80.0 / 0.9 * 12.0 / 2.0;
  const double year1 = cash(m, 1, CostLine::kDepotElectricity) + cash(m, 1, CostLine::kDemandCharge);
  CHECK(year1 == Approx(std::min(greedy, spread)));
}

TEST_CASE("weekend prices apply to the operating days beyond the weekdays", "[charging_cost]") {
  TcoInputs in = level_inputs();
  in.operations.annual_miles = 300.0 * 200.0;  // 300 days of 200 mi: 260.71 weekdays, 39.29 weekend days
  in.operations.operating_days_per_yr = 300.0;
  in.charging.tou_weekday = {{0.0, 24.0, 0.20}};
  in.charging.tou_weekend = {{0.0, 24.0, 0.05}};
  const double wd = 365.0 * 5.0 / 7.0;
  const CostReport r = cost_report(in, EV);
  CHECK(r.delivered.energy_usd_per_kWh == Approx((wd * 0.20 + (300.0 - wd) * 0.05) / 300.0));
}

TEST_CASE("bad time-of-use lists are refused with the key", "[charging_cost]") {
  TcoInputs in = level_inputs();
  in.charging.tou_weekday = {{0.0, 12.0, 0.1}};
  CHECK_THROWS_WITH(cost_report(in, EV), Catch::Contains("charging.tou.weekday") && Catch::Contains("cover"));
  in.charging.tou_weekday = {{0.0, 24.0, -0.1}};
  CHECK_THROWS_WITH(cost_report(in, EV), Catch::Contains("charging.tou.weekday[0].price_usd_per_kWh"));
  in.charging.tou_weekday.clear();
  in.charging.tou_weekend = {{0.0, 24.0, 0.1}};
  CHECK_THROWS_WITH(cost_report(in, EV), Catch::Contains("charging.tou.weekend"));
  in = level_inputs();
  in.charging.charger_life_yr = 0.0;
  CHECK_THROWS_WITH(cost_report(in, EV), Catch::Contains("charging.charger_life_yr"));
}

TEST_CASE("demand charge and fixed fees by year: each year's line at that year's price", "[charging_cost][by_year]") {
  TcoInputs in = hand_inputs();  // 3 years; $10/kW-month, $50/month, escalated 5 %/yr as scalars
  in.prices.demand_charge_by_year_usd_per_kW_month = {10.0, 20.0, 0.0};
  in.prices.fixed_fees_by_year_usd_per_month = {50.0, 60.0, 70.0};
  const CostReport r = cost_report(in, EV);
  // The grid peak of the day plan: 100 kW / 0.90; 2 trucks share the charger. A list is nominal.
  const double kW = 100.0 / 0.90;
  const double demand[] = {10.0 * kW * 12.0 / 2.0, 20.0 * kW * 12.0 / 2.0, 0.0};
  const double fees[] = {50.0 * 12.0 / 2.0, 60.0 * 12.0 / 2.0, 70.0 * 12.0 / 2.0};
  double npv = 0.0;
  for (int y = 1; y <= 3; ++y) {
    CHECK(cash(r, y, CostLine::kDemandCharge) == Approx(demand[y - 1]).margin(1e-9));
    CHECK(cash(r, y, CostLine::kElectricityFixedFees) == Approx(fees[y - 1]));
    npv += (demand[y - 1] + fees[y - 1]) * std::pow(1.05, -y);
  }
  CHECK(r.line(CostLine::kDemandCharge).npv_usd + r.line(CostLine::kElectricityFixedFees).npv_usd ==
        Approx(npv).epsilon(1e-12));
  // A list of the wrong length is refused with its key.
  in.prices.demand_charge_by_year_usd_per_kW_month = {10.0, 20.0};
  CHECK_THROWS_WITH(cost_report(in, EV), Catch::Contains("prices.demand_charge_usd_per_kW_month") &&
                                             Catch::Contains("one value per year of ownership: 3"));
}
