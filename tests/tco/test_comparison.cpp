// Comparison: payload rule, cost per ton-mile, break-even prices and year.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "hand_inputs.hpp"
#include "tco/cost_model.hpp"

using namespace semitco::tco;
using semitco::tco::test::hand_inputs;
using units::kg_from_lb;

TEST_CASE("weight-limited freight: payload loss shows in cost per ton-mile", "[payload]") {
  TcoInputs in = hand_inputs();
  in.operations.gross_weight_limit_kg = kg_from_lb(80000.0);
  in.operations.ev_weight_allowance_kg = kg_from_lb(2000.0);
  in.diesel.economics.tare_kg = kg_from_lb(33000.0);
  in.electric.economics.tare_kg = kg_from_lb(38000.0);
  in.operations.payload_desired_kg = kg_from_lb(47000.0);  // fills the diesel to 80,000 lb

  SECTION("EV 5,000 lb heavier: the 2,000 lb allowance covers part, 3,000 lb lost") {
    // Diesel payload 47,000 lb = 23.5 short tons; EV 82,000 - 38,000 = 44,000 lb = 22 tons.
    const Comparison c = compare(in);
    CHECK(units::lb_from_kg(c.diesel.quantities.payload_kg) == Approx(47000.0));
    CHECK(units::lb_from_kg(c.electric.quantities.payload_kg) == Approx(44000.0));
    // Every mile is loaded, so $/ton-mi = $/mi / tons per run.
    CHECK(c.diesel.usd_per_ton_mi == Approx(c.diesel.usd_per_mi / 23.5));
    CHECK(c.electric.usd_per_ton_mi == Approx(c.electric.usd_per_mi / 22.0));
    // $/ton = $/mi x 100 mi per run / tons per run.
    CHECK(c.electric.usd_per_ton == Approx(c.electric.usd_per_mi * 100.0 / 22.0));
    // Same freight task: 47/44 EV runs per diesel run.
    CHECK(c.ev_runs_per_diesel_run_same_freight == Approx(47.0 / 44.0));
    // The per-ton-mile gap is wider than the per-mile gap by exactly the payload ratio.
    CHECK(c.electric.usd_per_ton_mi / c.diesel.usd_per_ton_mi ==
          Approx(c.electric.usd_per_mi / c.diesel.usd_per_mi * 23.5 / 22.0));
  }
  SECTION("EV 2,000 lb heavier: the allowance covers it, no payload loss") {
    in.electric.economics.tare_kg = kg_from_lb(35000.0);
    const Comparison c = compare(in);
    CHECK(units::lb_from_kg(c.electric.quantities.payload_kg) == Approx(47000.0));
    CHECK(c.electric.usd_per_ton_mi == Approx(c.electric.usd_per_mi / 23.5));
    CHECK(c.ev_runs_per_diesel_run_same_freight == Approx(1.0));
  }
  SECTION("empty return share: ton-miles count loaded miles only") {
    in.operations.empty_return_share_frac = 0.25;
    const Comparison c = compare(in);
    CHECK(c.diesel.usd_per_ton_mi == Approx(c.diesel.usd_per_mi / (23.5 * 0.75)));
  }
}

TEST_CASE("break-even prices fed back give equal cost per mile within $0.001", "[breakeven]") {
  TcoInputs in = default_inputs();
  in.electric.economics.purchase_price_usd = 250000.0;  // so both break-even prices are positive
  in.prices.diesel_price_usd_per_gal = 5.0;
  const Comparison c = compare(in);
  REQUIRE(c.break_even_diesel_price_usd_per_gal.has_value());
  REQUIRE(c.break_even_electricity_price_usd_per_kWh.has_value());
  REQUIRE(*c.break_even_diesel_price_usd_per_gal > 0.0);
  REQUIRE(*c.break_even_electricity_price_usd_per_kWh > 0.0);

  TcoInputs at_diesel = in;
  at_diesel.prices.diesel_price_usd_per_gal = *c.break_even_diesel_price_usd_per_gal;
  const Comparison cd = compare(at_diesel);
  CHECK(std::abs(cd.electric.usd_per_mi - cd.diesel.usd_per_mi) < 0.001);

  TcoInputs at_elec = in;
  at_elec.prices.electricity_price_usd_per_kWh = *c.break_even_electricity_price_usd_per_kWh;
  const Comparison ce = compare(at_elec);
  CHECK(std::abs(ce.electric.usd_per_mi - ce.diesel.usd_per_mi) < 0.001);

  // And by hand on the round-number case: the diesel line is 4,000 gal/yr x p (x 1.1^(y-1)), so
  // d($/mi)/dp = 4,000 x (1/1.05 + 1.1/1.05^2 + 1.21/1.05^3) / (40,000 x a_3).
  const TcoInputs h = hand_inputs();
  const Comparison hc = compare(h);
  const double a3 = 1.0 / 1.05 + 1.0 / std::pow(1.05, 2) + 1.0 / std::pow(1.05, 3);
  const double slope =
      4000.0 * (1.0 / 1.05 + 1.1 / std::pow(1.05, 2) + 1.21 / std::pow(1.05, 3)) / (40000.0 * a3);
  CHECK(*hc.break_even_diesel_price_usd_per_gal ==
        Approx(4.0 + (hc.electric.usd_per_mi - hc.diesel.usd_per_mi) / slope));
}

TEST_CASE("break-even year from cumulative discounted cost", "[breakeven]") {
  TcoInputs in = hand_inputs();
  in.ownership_years = 10;
  in.prices.diesel_price_usd_per_gal = 12.0;  // expensive diesel: the EV catches up
  CHECK(compare(in).savings_npv_usd > 0.0);
  const Comparison c = compare(in);
  REQUIRE(c.break_even_year.has_value());
  const int y = *c.break_even_year;
  CHECK(y > 0);
  const auto yy = static_cast<std::size_t>(y);
  CHECK(c.electric.cumulative_discounted_usd[yy] <= c.diesel.cumulative_discounted_usd[yy]);
  if (y > 0) CHECK(c.electric.cumulative_discounted_usd[yy - 1] > c.diesel.cumulative_discounted_usd[yy - 1]);
  TcoInputs free_diesel = hand_inputs();
  free_diesel.prices.diesel_price_usd_per_gal = 0.0;  // the EV never catches up
  CHECK_FALSE(compare(free_diesel).break_even_year.has_value());
}

TEST_CASE("break-even year: the first year from which the electric truck stays no dearer", "[breakeven]") {
  // Curves that cross twice: the electric truck is cheaper at purchase (year 0), dearer in years 1-2 and
  // cheaper again from year 3 to the end. The first crossing does not count: break-even is year 3.
  const std::vector<double> electric = {100.0, 220.0, 330.0, 400.0, 450.0, 500.0};
  const std::vector<double> diesel = {150.0, 200.0, 300.0, 400.0, 480.0, 560.0};
  REQUIRE(break_even_year(electric, diesel).has_value());
  CHECK(*break_even_year(electric, diesel) == 3);  // year 3: equal (400 <= 400), below after that
  // Cheaper at first, dearer from year 2 to the end: never.
  const std::vector<double> e2 = {100.0, 190.0, 310.0, 420.0};
  const std::vector<double> d2 = {150.0, 200.0, 300.0, 400.0};
  CHECK_FALSE(break_even_year(e2, d2).has_value());
  // No dearer in any year: from the start.
  CHECK(*break_even_year(std::vector<double>{1.0, 2.0}, std::vector<double>{1.0, 3.0}) == 0);
  // Dearer only in the last year: never, whatever came before.
  CHECK_FALSE(
      break_even_year(std::vector<double>{1.0, 2.0, 5.0}, std::vector<double>{2.0, 3.0, 4.0}).has_value());
}

TEST_CASE("a truck cheaper at purchase but dearer later has no break-even year", "[breakeven]") {
  // The electric truck costs less to buy than the diesel but far more to run: cumulative cost below the
  // diesel's at year 0, above it at the end. The old rule gave "year 0" next to "the diesel is cheaper".
  TcoInputs in = hand_inputs();
  in.electric.economics.purchase_price_usd = 100000.0;  // diesel 150,000
  in.electric.economics.incentives_usd = 0.0;
  in.prices.electricity_price_usd_per_kWh = 2.0;
  in.prices.diesel_price_usd_per_gal = 1.0;
  const Comparison c = compare(in);
  REQUIRE(c.electric.cumulative_discounted_usd.front() < c.diesel.cumulative_discounted_usd.front());
  REQUIRE(c.savings_npv_usd < 0.0);
  CHECK_FALSE(c.break_even_year.has_value());
}

TEST_CASE("savings are diesel minus electric in every unit", "[comparison]") {
  const Comparison c = compare(hand_inputs());
  CHECK(c.savings_usd_per_mi == Approx(c.diesel.usd_per_mi - c.electric.usd_per_mi));
  CHECK(c.savings_npv_usd == Approx(c.diesel.npv_usd - c.electric.npv_usd));
  CHECK(c.savings_usd_per_yr == Approx(c.diesel.usd_per_yr - c.electric.usd_per_yr));
  const QuickTotals q = quick_totals(hand_inputs());
  CHECK(q.electric_usd_per_mi == Approx(c.electric.usd_per_mi).epsilon(1e-14));
  CHECK(q.diesel_npv_usd == Approx(c.diesel.npv_usd).epsilon(1e-14));
}
