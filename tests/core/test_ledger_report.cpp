// `semitco tco --ledger`: the printed ledger is the library's to the cent, and each line's NPV is its years
// discounted by hand at the scenario's rate.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include "app/core/comparison.hpp"
#include "app/core/ledger_report.hpp"
#include "app/core/scenario.hpp"

using namespace semitco;

TEST_CASE("the printed ledger is the library's to the cent and every line's NPV discounts its years",
          "[core][tco][ledger]") {
  const auto s = core::load_scenario(core::default_scenario_path());
  const auto r = core::run_comparison(s, core::load_route(s), core::RunOptions{false});
  REQUIRE(r.electric.summary.feasible);
  std::ostringstream out;
  core::print_ledgers(out, r.tco);
  const std::string all = out.str();
  const auto split = all.find("Diesel truck ledger");
  REQUIRE(split != std::string::npos);
  for (const auto* report : {&r.tco.electric, &r.tco.diesel}) {
    const std::string text = report == &r.tco.electric ? all.substr(0, split) : all.substr(split);
    const double i = s.economics.discount_rate_frac;
    for (const auto& line : report->lines) {
      const auto k = static_cast<std::size_t>(line.line);
      double npv = 0.0, any = 0.0;
      for (const auto& y : report->ledger) {
        npv += y.usd[k] * std::pow(1.0 + i, -y.year);  // by hand: end-of-year cash, discounted from year 0
        any += std::abs(y.usd[k]);
      }
      CHECK(line.npv_usd == Approx(npv).margin(0.005));
      if (any < 0.005) continue;
      // The row: the key, then each year and the NPV in cents.
      const auto at = text.find("\n" + line.key + " ");
      REQUIRE(at != std::string::npos);
      std::istringstream cells(text.substr(at + 1, text.find('\n', at + 1) - at - 1));
      std::string key;
      cells >> key;
      for (const auto& y : report->ledger) {
        double v = 0.0;
        cells >> v;
        CHECK(v == Approx(y.usd[k]).margin(0.005));
      }
      double printed_npv = 0.0;
      cells >> printed_npv;
      CHECK(printed_npv == Approx(line.npv_usd).margin(0.005));
    }
  }
  CHECK(all.find("discount factor") != std::string::npos);
}
