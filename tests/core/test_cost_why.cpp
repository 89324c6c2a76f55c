// The "why" beside the verdict: cost groups, electric minus diesel, largest first, with their signs. The
// comparison is built by hand: every line zero but a few, so the expected order and sums are known.
#include <catch2/catch.hpp>

#include <sstream>

#include "app/core/comparison_report.hpp"
#include "app/core/cost_why.hpp"

using namespace semitco;
using L = tco::CostLine;

namespace {
tco::CostReport zero_report() {
  tco::CostReport r;
  for (const auto l : tco::all_cost_lines()) {
    tco::CostLineSummary s;
    s.line = l;
    r.lines.push_back(s);
  }
  return r;
}
void set(tco::CostReport& r, L l, double usd_per_mi) { r.lines[static_cast<std::size_t>(l)].usd_per_mi = usd_per_mi; }
}  // namespace

TEST_CASE("why: the largest group difference comes first, with its sign", "[why]") {
  tco::Comparison c;
  c.electric = zero_report();
  c.diesel = zero_report();
  // Truck price: EV 0.50 + FET 0.06 vs diesel 0.20 + 0.024 -> +0.336 $/mi for the EV.
  set(c.electric, L::kVehiclePrice, 0.50);
  set(c.electric, L::kExciseTax, 0.06);
  set(c.diesel, L::kVehiclePrice, 0.20);
  set(c.diesel, L::kExciseTax, 0.024);
  // Energy: EV depot 0.25 + en route 0.05 vs diesel fuel 0.70 + DEF 0.02 -> -0.42 $/mi (the largest).
  set(c.electric, L::kDepotElectricity, 0.25);
  set(c.electric, L::kEnrouteCharging, 0.05);
  set(c.diesel, L::kDieselFuel, 0.70);
  set(c.diesel, L::kDef, 0.02);
  // Demand charge only for the EV: +0.27. Insurance follows the price: +0.04. Driver equal: left out.
  set(c.electric, L::kDemandCharge, 0.27);
  set(c.electric, L::kInsurance, 0.09);
  set(c.diesel, L::kInsurance, 0.05);
  set(c.electric, L::kDriverLabour, 0.80);
  set(c.diesel, L::kDriverLabour, 0.80);

  const auto d = core::cost_differences(c);
  REQUIRE(d.size() == 4);
  CHECK(d[0].name == "energy");
  CHECK(d[0].electric_minus_diesel_usd_per_mi == Approx(0.30 - 0.72));
  CHECK(d[1].name == "truck price & taxes");
  CHECK(d[1].electric_minus_diesel_usd_per_mi == Approx(0.56 - 0.224));
  CHECK(d[2].name == "demand charge & fees");
  CHECK(d[2].electric_minus_diesel_usd_per_mi == Approx(0.27));
  CHECK(d[3].name == "insurance");
  CHECK(d[3].electric_minus_diesel_usd_per_mi == Approx(0.04));

  CHECK(core::describe_why(c, core::UnitSystem::US, 3) ==
        "energy \xE2\x88\x92$0.420/mi, truck price & taxes +$0.336/mi, demand charge & fees +$0.270/mi");
  // Per km: 0.42 / 1.609344 = 0.261.
  CHECK(core::describe_why(c, core::UnitSystem::Metric, 1) == "energy \xE2\x88\x92$0.261/km");
}

TEST_CASE("why: every cost line is in exactly one group", "[why]") {
  std::vector<int> seen(tco::kCostLineCount, 0);
  for (const auto& g : core::cost_difference_groups()) {
    CHECK(!g.driven_by.empty());
    for (const auto l : g.lines) ++seen[static_cast<std::size_t>(l)];
  }
  for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == 1);
}

TEST_CASE("verdict: a day a truck cannot do names no cheaper truck", "[why][verdict]") {
  core::ComparisonResult r;
  r.electric.summary.feasible = true;
  r.diesel.summary.feasible = true;
  r.tco.electric = zero_report();
  r.tco.diesel = zero_report();
  r.tco.savings_usd_per_mi = 0.25;  // the electric truck would be cheaper, if it could do the day
  auto verdict = [&] {
    std::ostringstream out;
    core::print_verdict(out, r);
    return out.str();
  };
  CHECK_THAT(verdict(), Catch::StartsWith("verdict: the electric truck is cheaper by $0.250 per mile"));
  r.tco.electric.day.status = tco::DayFeasibility::kInfeasible;
  r.tco.electric.day.reason = "14.2 h of driving is past the 11 h a driver may drive";
  const std::string text = verdict();
  CHECK_THAT(text, Catch::StartsWith("verdict: not feasible as planned: the electric truck cannot do the day (14.2 h"));
  CHECK_THAT(text, Catch::Contains("if it could, the electric truck would be cheaper by $0.250 per mile"));
  CHECK_THAT(text, !Catch::Contains("verdict: the electric truck is cheaper"));
  r.tco.diesel.day.status = tco::DayFeasibility::kInfeasible;
  CHECK_THAT(verdict(), Catch::StartsWith("verdict: not feasible as planned: neither truck"));
}
