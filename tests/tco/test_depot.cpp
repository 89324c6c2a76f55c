// Depot charging (tco/depot_schedule.hpp): closed-form cases worked by hand in the comments, and the
// invariants between the unmanaged and the managed schedule.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "hand_inputs.hpp"
#include "tco/charger_assignment.hpp"
#include "tco/charging.hpp"
#include "tco/cost_model.hpp"
#include "tco/depot_lp.hpp"
#include "tco/depot_schedule.hpp"

using namespace semitco::tco;

namespace {

constexpr double kH = 3600.0;

// A site with round numbers: 1-hour slots, lossless charging, a flat $0.10/kWh, no demand charge, no
// acceptance limit but the 100 kW charger.
DepotSite round_site() {
  DepotSite s;
  s.slot_s = kH;
  s.efficiency_frac = 1.0;
  s.charger.power_kW = 100.0;
  s.tariff.weekday = {{0.0, 24.0, 0.10}};
  s.tariff.demand_charge_usd_per_kW_month = 0.0;
  s.operating_days_per_yr = 360.0;
  return s;
}

DepotTruck truck(const char* name, double arrive_h, double dwell_h, double need_kWh) {
  DepotTruck t;
  t.name = name;
  t.arrival_s = arrive_h * kH;
  t.dwell_s = dwell_h * kH;
  t.usable_kWh = 1000.0;
  t.arrival_soc_frac = 0.2;
  t.departure_soc_frac = 0.2 + need_kWh / 1000.0;
  return t;
}

double delivered_kWh(const DepotPlan& p, std::size_t k, double dt_h) {
  double e = 0.0;
  for (double kW : p.pack_kW[k]) e += kW * dt_h;
  return e;
}

}  // namespace

TEST_CASE("depot: two trucks whose stays do not overlap need one charger", "[depot]") {
  // A parks 08-12 h, B 14-18 h, each needs 200 kWh: on a 100 kW charger 2 h each. Their charging
  // intervals lie inside their stays, which do not meet, so one charger serves both, both ways.
  DepotSite s = round_site();
  s.trucks = {truck("A", 8, 4, 200), truck("B", 14, 4, 200)};
  const DepotResult r = schedule_depot(s);
  REQUIRE(r.unmanaged.feasible);
  REQUIRE(r.managed.feasible);
  CHECK(r.unmanaged.chargers == 1);
  CHECK(r.managed.chargers == 1);
  CHECK(r.unmanaged.peak_kW == Approx(100.0));  // one truck at a time at full power
  CHECK(delivered_kWh(r.managed, 0, 1.0) == Approx(200.0));
  CHECK(delivered_kWh(r.managed, 1, 1.0) == Approx(200.0));
}

TEST_CASE("depot: two overlapping trucks at the site limit share it", "[depot]") {
  // Both park 00-04 h and need 200 kWh each: 400 kWh in 4 h is 100 kW on average, so a 100 kW site
  // limit is met only with exactly 100 kW in every hour, shared. Unmanaged both take 100 kW at once
  // (200 kW for 2 h), above the limit.
  DepotSite s = round_site();
  s.site_limit_kW = 100.0;
  s.tariff.demand_charge_usd_per_kW_month = 10.0;
  s.trucks = {truck("A", 0, 4, 200), truck("B", 0, 4, 200)};
  const DepotResult r = schedule_depot(s);
  CHECK(r.unmanaged.peak_kW == Approx(200.0));
  REQUIRE(r.managed.feasible);
  CHECK(r.managed.peak_kW == Approx(100.0).margin(1e-6));
  for (int h = 0; h < 4; ++h)
    CHECK(r.managed.grid_kW[static_cast<std::size_t>(h)] == Approx(100.0).margin(1e-6));
  CHECK(delivered_kWh(r.managed, 0, 1.0) == Approx(200.0));
  CHECK(delivered_kWh(r.managed, 1, 1.0) == Approx(200.0));
  CHECK_FALSE(r.notes.empty());  // unmanaged would exceed the limit

  // 90 kW cannot do: 4 h x 90 kW = 360 kWh < 400 kWh; the least peak is 100 kW.
  s.site_limit_kW = 90.0;
  const DepotResult low = schedule_depot(s);
  CHECK_FALSE(low.managed.feasible);
  CHECK(low.managed.why.find("site limit too low") != std::string::npos);
  CHECK(low.managed.why.find("100 kW") != std::string::npos);
}

TEST_CASE("depot: the LP optimum equals the hand-computed optimum", "[depot]") {
  // One truck parked 20:00-04:00 needs 300 kWh; 150 kW charger, lossless. Energy $0.30/kWh before
  // midnight, $0.10/kWh after; demand $15/kW-month on 360 days: a day carries 15 * 12 / 360 = $0.50/kW.
  // With peak P >= 75 kW the cheap 4 h take all 300 kWh: cost 0.10 * 300 + 0.5 P, least at P = 75: $67.50.
  // With P < 75 the cheap hours take 4P, the rest costs 0.30: 0.4P + 0.3(300 - 4P) + 0.5P = 90 - 0.3P,
  // falling towards P = 75. The optimum: 75 kW flat from 00:00 to 04:00, $67.50 a day.
  // Unmanaged: 150 kW from 20:00 for 2 h: 0.30 * 300 + 0.5 * 150 = $165.
  DepotSite s = round_site();
  s.charger.power_kW = 150.0;
  s.tariff.weekday = {{20.0, 24.0, 0.30}, {0.0, 20.0, 0.10}};
  s.tariff.demand_charge_usd_per_kW_month = 15.0;
  s.trucks = {truck("A", 20, 8, 300)};
  const DepotResult r = schedule_depot(s);
  REQUIRE(r.managed.feasible);
  const double day_demand = 15.0 * 12.0 / 360.0;
  CHECK(r.managed.peak_kW == Approx(75.0).margin(1e-6));
  CHECK(r.managed.energy_usd_per_day + day_demand * r.managed.peak_kW == Approx(67.5).margin(1e-3));
  for (int h = 0; h < 4; ++h)
    CHECK(r.managed.grid_kW[static_cast<std::size_t>(h)] == Approx(75.0).margin(1e-6));
  CHECK(r.unmanaged.energy_usd_per_day + day_demand * r.unmanaged.peak_kW == Approx(165.0));
  // Per year: demand 15 * 75 * 12 = $13,500; energy 30 * 360 = $10,800.
  CHECK(r.managed_costs.demand_usd_per_yr == Approx(13500.0).margin(1e-2));
  CHECK(r.managed_costs.energy_usd_per_yr == Approx(10800.0).margin(1.0));
}

TEST_CASE("depot: managed peak and bill never above unmanaged", "[depot]") {
  // Invariant: the unmanaged schedule is a feasible point of the LP whenever it stays within the site
  // limit, so the LP's energy + demand cost cannot exceed it, nor can its peak when demand is charged.
  for (int seed = 1; seed <= 12; ++seed) {
    DepotSite s;
    s.charger.power_kW = 150.0;
    s.tariff.weekday = {{16.0, 21.0, 0.32}, {21.0, 6.0, 0.09}, {6.0, 16.0, 0.15}};
    s.tariff.demand_charge_usd_per_kW_month = 12.0 + seed;
    unsigned x = static_cast<unsigned>(seed) * 2654435761u;
    auto next = [&x]() {
      x = x * 1664525u + 1013904223u;
      return (x >> 8) / 16777216.0;
    };
    for (int k = 0; k < 8; ++k) {
      DepotTruck t;
      t.name = "t" + std::to_string(k);
      t.arrival_s = (15.0 + 6.0 * next()) * kH;
      t.dwell_s = (8.0 + 5.0 * next()) * kH;
      t.usable_kWh = 400.0 + 300.0 * next();
      t.arrival_soc_frac = 0.1 + 0.3 * next();
      t.departure_soc_frac = 0.9;
      t.acceptance = default_acceptance_curve();
      s.trucks.push_back(t);
    }
    const DepotResult r = schedule_depot(s);
    INFO("seed " << seed);
    REQUIRE(r.unmanaged.feasible);
    REQUIRE(r.managed.feasible);
    const double day_d = s.tariff.demand_charge_usd_per_kW_month * 12.0 / s.operating_days_per_yr;
    CHECK(r.managed.peak_kW <= r.unmanaged.peak_kW + 1e-6);
    CHECK(r.managed.energy_usd_per_day + day_d * r.managed.peak_kW <=
          r.unmanaged.energy_usd_per_day + day_d * r.unmanaged.peak_kW + 1e-3);
    for (std::size_t k = 0; k < s.trucks.size(); ++k) {
      CHECK(delivered_kWh(r.managed, k, 0.25) == Approx(r.need_pack_kWh[k]).epsilon(1e-6));
    }
  }
}

TEST_CASE("depot: power stays under the acceptance curve", "[depot]") {
  // A concave curve: 1,000 kW to 60 % SOC, then straight down to 100 kW at 100 %: lines p <= 1000 and
  // p <= 1000 - 2250 (soc - 0.6). A 1 MW charger and a truck from 50 % to 100 % of 500 kWh.
  const ChargingCurve curve{{0.0, 0.6, 1.0}, {1000.0, 1000.0, 100.0}};
  const auto cuts = acceptance_cuts(curve);
  REQUIRE(cuts.size() == 2);
  CHECK(cuts[0].a_kW == Approx(1000.0));
  CHECK(cuts[0].b_kW_per_soc == Approx(0.0).margin(1e-9));
  CHECK(cuts[1].b_kW_per_soc == Approx(-2250.0));
  CHECK(cuts[1].a_kW == Approx(1000.0 + 2250.0 * 0.6));
  CHECK(acceptance_hull_excess_kW(curve) == Approx(0.0).margin(1e-9));
  // The default curve tapers convexly (1000 -> 500 -> 100 kW at 60/80/100 %): its hull, the chord from
  // 60 % to 100 %, passes 550 kW at 80 %, 50 kW above the curve.
  CHECK(acceptance_hull_excess_kW(default_acceptance_curve()) == Approx(50.0));
  DepotSite s = round_site();
  s.slot_s = 900.0;
  s.charger.power_kW = 1000.0;
  DepotTruck t = truck("A", 0, 6, 250);
  t.usable_kWh = 500.0;
  t.arrival_soc_frac = 0.5;
  t.departure_soc_frac = 1.0;
  t.acceptance = curve;
  s.trucks = {t};
  const DepotResult r = schedule_depot(s);
  REQUIRE(r.managed.feasible);
  for (const DepotPlan* p : {&r.unmanaged, &r.managed}) {
    double e = 0.0;
    for (double kW : p->pack_kW[0]) {
      e += kW * 0.25;
      const double soc_end = 0.5 + e / 500.0;
      CHECK(kW <= acceptance_power_kW(t.acceptance, std::min(soc_end, 1.0)) + 1e-6);
    }
  }
}

TEST_CASE("depot: infeasible cases say why", "[depot]") {
  DepotSite s = round_site();
  SECTION("not enough dwell: 400 kWh in 2 h on 100 kW") {
    s.trucks = {truck("A", 8, 2, 400)};
    const DepotResult r = schedule_depot(s);
    CHECK_FALSE(r.unmanaged.feasible);
    CHECK_FALSE(r.managed.feasible);
    CHECK(r.managed.why.find("not enough dwell") != std::string::npos);
    CHECK(r.managed.why.find("A ") != std::string::npos);
  }
  SECTION("too few chargers: two trucks that must both charge for the whole 2 h") {
    // Each needs 200 kWh in 2 h on a 100 kW charger: both charge at full power together, 2 chargers.
    s.trucks = {truck("A", 8, 2, 200), truck("B", 8, 2, 200)};
    s.chargers_installed = 1;
    const DepotResult r = schedule_depot(s);
    CHECK_FALSE(r.managed.feasible);
    CHECK(r.managed.why.find("too few chargers") != std::string::npos);
    CHECK(r.managed.why.find("2 would do") != std::string::npos);
  }
  SECTION("bad inputs are refused with the key") {
    s.trucks = {truck("A", 8, 0, 100)};
    CHECK_THROWS_WITH(schedule_depot(s), Catch::Contains("depot.trucks[0].dwell_s"));
    s.trucks = {truck("A", 8, 2, 100)};
    s.tariff.weekday = {{0.0, 12.0, 0.1}};
    CHECK_THROWS_WITH(schedule_depot(s), Catch::Contains("depot.tariff.weekday"));
  }
}

TEST_CASE("charger assignment on the daily circle", "[depot]") {
  // 96 quarter-hour slots. 22:00-02:00 and 03:00-05:00 never meet: one charger. Three intervals that
  // all cover 01:00: three chargers.
  CHECK(assign_chargers({{88, 16}, {12, 8}}, 96).chargers == 1);
  const auto three = assign_chargers({{88, 16}, {0, 8}, {2, 10}}, 96);
  CHECK(three.max_overlap == 3);
  CHECK(three.chargers == 3);
  // Back to back on one charger: 06-08, 08-10, 10-12.
  CHECK(assign_chargers({{24, 8}, {32, 8}, {40, 8}}, 96).chargers == 1);
}

TEST_CASE("tariff: time-of-use look-up, across midnight", "[depot][tariff]") {
  Tariff t;
  t.weekday = {{21.0, 6.0, 0.08}, {6.0, 16.0, 0.14}, {16.0, 21.0, 0.35}};
  t.weekend = {{0.0, 24.0, 0.07}};
  CHECK(energy_price_usd_per_kWh(t, 23.5) == 0.08);
  CHECK(energy_price_usd_per_kWh(t, 2.0) == 0.08);
  CHECK(energy_price_usd_per_kWh(t, 6.0) == 0.14);
  CHECK(energy_price_usd_per_kWh(t, 20.99) == 0.35);
  CHECK(energy_price_usd_per_kWh(t, 12.0, true) == 0.07);
  CHECK_NOTHROW(validate(t, "tariff"));
  t.weekday.push_back({5.0, 7.0, 0.1});
  CHECK_THROWS_WITH(validate(t, "tariff"), Catch::Contains("overlap"));
}

TEST_CASE("a depot share replaces the single-truck charger lines in the cost model", "[depot][lines]") {
  TcoInputs in = semitco::tco::test::hand_inputs();
  in.charging.depot_share = {true, 0.05, 1234.0, 321.0, 20000.0};
  const CostReport r = cost_report(in, Powertrain::kBatteryElectric);
  auto cash = [&](int y, CostLine l) {
    return r.ledger[static_cast<std::size_t>(y)].usd[static_cast<std::size_t>(l)];
  };
  CHECK(cash(0, CostLine::kChargerCapital) == Approx(20000.0));
  CHECK(cash(1, CostLine::kDemandCharge) == Approx(1234.0));
  CHECK(cash(1, CostLine::kElectricityFixedFees) == Approx(321.0));
  // Energy: the same grid kWh at $0.05 instead of the scenario's price.
  TcoInputs plain = semitco::tco::test::hand_inputs();
  const CostReport p = cost_report(plain, Powertrain::kBatteryElectric);
  const double kWh = p.ledger[1].usd[static_cast<std::size_t>(CostLine::kDepotElectricity)] /
                     plain.prices.electricity_price_usd_per_kWh;
  CHECK(cash(1, CostLine::kDepotElectricity) == Approx(0.05 * kWh));
}

TEST_CASE("depot: the managed load is dealt to as few chargers as it allows", "[depot]") {
  // A and B both park 00-04 h and need 200 kWh each on 100 kW chargers; demand is charged, so the
  // managed load is a flat 100 kW for 4 h (400 kWh / 4 h). One charger carries it: A for the first 2 h,
  // B for the last 2 h (the power bound ceil(100 / 100) = 1 is met).
  DepotSite s = round_site();
  s.tariff.demand_charge_usd_per_kW_month = 10.0;
  s.trucks = {truck("A", 0, 4, 200), truck("B", 0, 4, 200)};
  const DepotResult r = schedule_depot(s);
  REQUIRE(r.managed.feasible);
  CHECK(r.managed.peak_kW == Approx(100.0).margin(1e-6));
  CHECK(r.managed.chargers_lower_bound == 1);
  CHECK(r.managed.chargers == 1);
  CHECK(r.unmanaged.chargers == 2);  // both plug in on arrival
}
