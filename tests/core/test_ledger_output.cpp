// The ledger files (`semitco tco --ledger-out`, app/core/ledger_output.hpp): CSV, JSON and the XLSX sheet read
// back agree with the library's ledger to the cent, and `semitco tco --ledger` prints the same figures.
#include <catch2/catch.hpp>

#include <cmath>
#include <regex>
#include <sstream>

#include "app/core/comparison.hpp"
#include "app/core/ledger_output.hpp"
#include "app/core/scenario.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
using namespace batch_test;

namespace {

// Library rows in file order: every line of each truck, then TOTAL, discount_factor, discounted_total.
struct Expected {
  std::string truck, line;
  std::vector<double> by_year;
  double npv;
};
std::vector<Expected> expected(const tco::Comparison& c) {
  std::vector<Expected> rows;
  for (const auto* r : {&c.electric, &c.diesel}) {
    const std::string t = r == &c.electric ? "electric" : "diesel";
    for (const auto& line : r->lines) {
      Expected e{t, line.key, {}, line.npv_usd};
      for (const auto& y : r->ledger) e.by_year.push_back(y.usd[static_cast<std::size_t>(line.line)]);
      rows.push_back(e);
    }
    Expected total{t, "TOTAL", {}, r->npv_usd}, factor{t, "discount_factor", {}, 0.0},
        disc{t, "discounted_total", {}, r->npv_usd};
    for (const auto& y : r->ledger) {
      total.by_year.push_back(y.total_usd);
      factor.by_year.push_back(y.discount_factor);
      disc.by_year.push_back(y.discounted_total_usd);
    }
    rows.push_back(total);
    rows.push_back(factor);
    rows.push_back(disc);
  }
  return rows;
}

}  // namespace

TEST_CASE("ledger CSV, JSON and XLSX agree with the library's ledger to the cent", "[core][tco][ledger]") {
  TempDir tmp("ledger_out");
  const auto s = core::load_scenario(core::default_scenario_path());
  const auto r = core::run_comparison(s, core::load_route(s), core::RunOptions{false});
  REQUIRE(r.electric.summary.feasible);
  const auto want = expected(r.tco);
  const std::size_t years = r.tco.electric.ledger.size();

  const auto csv = tmp.path / "ledger.csv";
  core::write_ledger_file(r.tco, csv.string());
  const auto rows = read_csv_rows(csv);
  REQUIRE(rows.size() == want.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(rows[i].at("truck") == want[i].truck);
    CHECK(rows[i].at("line") == want[i].line);
    for (std::size_t y = 0; y < years; ++y)
      CHECK(std::stod(rows[i].at("year_" + std::to_string(y) + "_usd")) == Approx(want[i].by_year[y]).margin(0.005));
    if (want[i].line != "discount_factor") CHECK(std::stod(rows[i].at("npv_usd")) == Approx(want[i].npv).margin(0.005));
  }

  const auto json = tmp.path / "ledger.json";
  core::write_ledger_file(r.tco, json.string());
  const auto j = nlohmann::json::parse(read_text(json));
  for (const auto& e : want) {
    if (e.line == "TOTAL" || e.line == "discount_factor" || e.line == "discounted_total") continue;
    const auto& l = j.at(e.truck).at("lines").at(e.line);
    CHECK(l.at("npv_usd").get<double>() == Approx(e.npv).margin(0.005));
    for (std::size_t y = 0; y < years; ++y) CHECK(l.at("by_year")[y].get<double>() == Approx(e.by_year[y]).margin(0.005));
  }
  CHECK(j.at("diesel").at("npv_usd").get<double>() == Approx(r.tco.diesel.npv_usd).margin(0.005));

  // XLSX: the "ledger" sheet read back from the workbook's XML; row k + 2 is library row k, columns C.. the years.
  const auto xlsx = tmp.path / "ledger.xlsx";
  core::write_ledger_file(r.tco, xlsx.string());
  const auto sheet = run("unzip -p ledger.xlsx xl/worksheets/sheet1.xml", tmp.path);
  REQUIRE(sheet.exit_code == 0);
  const auto strings = run("unzip -p ledger.xlsx xl/sharedStrings.xml", tmp.path).out;
  CHECK(strings.find("driver_labour") != std::string::npos);
  const std::regex row_re("<row r=\"(\\d+)\"[^>]*>(.*?)</row>");
  const std::regex cell_re("<c r=\"([A-Z]+)\\d+\"[^>]*?>(?:<v>([^<]*)</v>)?</c>");
  std::size_t checked = 0;
  for (auto it = std::sregex_iterator(sheet.out.begin(), sheet.out.end(), row_re); it != std::sregex_iterator(); ++it) {
    const int row = std::stoi((*it)[1]);
    if (row < 2) continue;
    const auto& e = want.at(static_cast<std::size_t>(row - 2));
    const std::string cells = (*it)[2];
    for (auto c = std::sregex_iterator(cells.begin(), cells.end(), cell_re); c != std::sregex_iterator(); ++c) {
      const std::string col = (*c)[1];
      if (col.size() != 1 || col[0] < 'C') continue;
      const auto k = static_cast<std::size_t>(col[0] - 'C');
      const double v = std::stod((*c)[2]);
      if (k < years) CHECK(v == Approx(e.by_year[k]).margin(0.005));
      else CHECK(v == Approx(e.npv).margin(0.005));
      ++checked;
    }
  }
  CHECK(checked >= want.size() * years);

  CHECK_THROWS_WITH(core::write_ledger_file(r.tco, (tmp.path / "ledger.txt").string()), Catch::Contains(".xlsx"));
}

TEST_CASE("semitco tco --ledger prints and --ledger-out writes the library's ledger", "[core][tco][ledger][cli]") {
  if (bin().empty()) return;
  TempDir tmp("ledger_cli");
  const auto s = core::load_scenario(core::default_scenario_path());
  const auto r = core::run_comparison(s, core::load_route(s), core::RunOptions{false});
  const auto out = run(bin() + " tco --ledger --ledger-out ledger.csv", tmp.path);
  REQUIRE(out.exit_code == 0);
  // The printed TOTAL row of the electric truck: each year's cash, then the NPV, in cents.
  const auto at = out.out.find("\nTOTAL ");
  REQUIRE(at != std::string::npos);
  std::istringstream cells(out.out.substr(at + 7, out.out.find('\n', at + 1) - at - 7));
  for (const auto& y : r.tco.electric.ledger) {
    double v = 0.0;
    cells >> v;
    CHECK(v == Approx(y.total_usd).margin(0.005));
  }
  double npv = 0.0;
  cells >> npv;
  CHECK(npv == Approx(r.tco.electric.npv_usd).margin(0.005));
  const auto rows = read_csv_rows(tmp.path / "ledger.csv");
  REQUIRE_FALSE(rows.empty());
  CHECK(std::stod(rows.front().at("npv_usd")) == Approx(r.tco.electric.lines.front().npv_usd).margin(0.005));
}
