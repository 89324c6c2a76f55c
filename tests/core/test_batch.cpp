// semitco batch: job expansion, sweeps, and the built command line on the shared public cycles:
// failed rows for broken files, XLSX read back, --jobs 1 vs 2 byte-identical, SIGKILL + --resume.
#include <catch2/catch.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/core/batch.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
namespace fs = std::filesystem;
using batch_test::bin;
using batch_test::read_text;
using batch_test::run;
using batch_test::TempDir;

namespace {

const std::string kCycles = SEMITCO_CYCLES_DIR;

// Three broken route files: wrong CSV header, a bad number in a VDRI, truncated GPX.
std::vector<std::string> write_broken_files(const fs::path& dir) {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"broken_header.csv", "garbage,columns\n1,2\n"},
      {"broken_number.vdri", "<s>,<v>,<grad>,<stop>\n0,80,0,0\n100,eighty,0,0\n"},
      {"broken_truncated.gpx", "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"1\""},
  };
  std::vector<std::string> paths;
  for (const auto& [name, text] : files) {
    std::ofstream(dir / name) << text;
    paths.push_back((dir / name).string());
  }
  return paths;
}

std::size_t count_lines(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

}  // namespace

TEST_CASE("batch sweep specs: ranges and lists and short keys", "[batch]") {
  auto a = core::parse_sweep("diesel_price_usd_per_gal=3.0:5.0:0.25");
  CHECK(a.key == "prices.diesel_price_usd_per_gal");
  REQUIRE(a.values.size() == 9);
  CHECK(a.values.front() == 3.0);
  CHECK(a.values[3] == 3.75);
  CHECK(a.values.back() == 5.0);
  auto b = core::parse_sweep("payload=15000,20000");
  CHECK(b.key == "operations.payload_desired_kg");
  CHECK(b.values == std::vector<double>{15000.0, 20000.0});
  CHECK(core::parse_sweep("prices.electricity_price_usd_per_kWh=0.1:0.3:0.1").values.size() == 3);
  CHECK(core::parse_sweep("ambient.temperature_C=-10,35").key == "ambient.temperature_C");
  CHECK_THROWS_WITH(core::parse_sweep("no_such_key=1:2:1"), Catch::Contains("unknown key 'no_such_key'"));
  CHECK_THROWS_WITH(core::expand_route_inputs({"/no/such/route.gpx"}, false),
                    Catch::Contains("/no/such/route.gpx") && Catch::Contains("no such file"));
  CHECK_THROWS_WITH(core::parse_sweep("diesel_price_usd_per_gal=5:3:1"), Catch::Contains("stop must be >= start"));
  CHECK_THROWS_WITH(core::parse_sweep("diesel_price_usd_per_gal=3:5:0"), Catch::Contains("step must be > 0"));
  CHECK_THROWS_WITH(core::parse_sweep("diesel_price_usd_per_gal=-1"), Catch::Contains("must be >= 0"));
  CHECK_THROWS_WITH(core::parse_sweep("purchase_price_usd=1"), Catch::Contains("ambiguous"));
  CHECK_THROWS_WITH(core::parse_sweep("electric.trip.distance_m=1"), Catch::Contains("cannot be swept"));
  CHECK_THROWS_AS(core::parse_sweep("diesel_price_usd_per_gal"), core::BatchUsageError);
}

TEST_CASE("batch inputs: directories give their route files only and globs and files are merged", "[batch]") {
  const auto all = core::expand_route_inputs({kCycles}, false);
  CHECK(all.size() == 10);
  for (const auto& f : all) CHECK(f.find("SOURCE-") == std::string::npos);
  const auto some = core::expand_route_inputs({kCycles + "/*.vdri", kCycles + "/LongHaul.vdri"}, false);
  CHECK(some.size() == 5);  // de-duplicated, sorted
  CHECK(std::is_sorted(some.begin(), some.end()));
  CHECK_THROWS_AS(core::expand_route_inputs({kCycles + "/*.nothing"}, false), core::BatchUsageError);
}

TEST_CASE("batch over every shared cycle and three broken files: rows and failures and XLSX", "[batch][cli]") {
  if (bin().empty()) return;
  TempDir tmp("all");
  const auto broken = write_broken_files(tmp.path);
  const std::string xlsx = (tmp.path / "results.xlsx").string();
  std::string cmd = bin() + " batch " + kCycles;
  for (const auto& b : broken) cmd += " " + b;
  const auto r = run(cmd + " --jobs 2 --out " + xlsx, tmp.path);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("3 failed"));
  CHECK_THAT(r.err, Catch::Contains("broken_number.vdri"));
  CHECK_FALSE(fs::exists(xlsx + ".partial.jsonl"));
  REQUIRE(fs::exists(xlsx));

  const auto sheet = run("unzip -p " + xlsx + " xl/worksheets/sheet1.xml", tmp.path);
  REQUIRE(sheet.exit_code == 0);
  CHECK_THAT(sheet.out, Catch::Contains("<pane ySplit=\"1\""));  // frozen header
  CHECK_THAT(sheet.out, Catch::Contains("Savings, EV vs diesel [$/mi]"));
  for (const auto& f : core::expand_route_inputs({kCycles}, false)) {
    CHECK_THAT(sheet.out, Catch::Contains(fs::path(f).filename().string()));
  }
  // 1 header + 10 cycles + 3 broken files.
  std::size_t rows = 0;
  for (auto p = sheet.out.find("<row "); p != std::string::npos; p = sheet.out.find("<row ", p + 1)) ++rows;
  CHECK(rows == 14);
  std::size_t oks = 0, fails = 0;
  for (auto p = sheet.out.find("<t>ok</t>"); p != std::string::npos; p = sheet.out.find("<t>ok</t>", p + 1)) ++oks;
  for (auto p = sheet.out.find("<t>failed</t>"); p != std::string::npos; p = sheet.out.find("<t>failed</t>", p + 1))
    ++fails;
  CHECK(oks == 10);
  CHECK(fails == 3);
  CHECK_THAT(sheet.out, Catch::Contains("broken_header.csv:1: unknown column"));
  CHECK_THAT(sheet.out, Catch::Contains("non-numeric value"));
  CHECK_THAT(sheet.out, Catch::Contains("broken_truncated.gpx:"));
  const auto summary = run("unzip -p " + xlsx + " xl/worksheets/sheet2.xml", tmp.path);
  CHECK_THAT(summary.out, Catch::Contains("LongHaul.vdri"));
  const auto book = run("unzip -p " + xlsx + " xl/workbook.xml", tmp.path);
  CHECK_THAT(book.out, Catch::Contains("name=\"results\""));
  CHECK_THAT(book.out, Catch::Contains("name=\"summary\""));
}

TEST_CASE("batch with --jobs 1 and --jobs 2 writes byte-identical CSV and JSON lines", "[batch][cli]") {
  if (bin().empty()) return;
  TempDir tmp("jobs");
  const auto broken = write_broken_files(tmp.path);
  const std::string args = " batch " + kCycles + "/EPA_Ph2_transient.csv " + kCycles + "/Construction.vdri " +
                           kCycles + "/EPA_Ph2_urban_highway_55mph.csv " + broken[1] +
                           " --sweep diesel_price_usd_per_gal=3:5:1 --sweep payload=15000,20000 --progress off";
  for (const char* ext : {".csv", ".jsonl"}) {
    const std::string one = (tmp.path / (std::string("one") + ext)).string();
    const std::string two = (tmp.path / (std::string("two") + ext)).string();
    CHECK(run(bin() + args + " --jobs 1 --out " + one, tmp.path).exit_code == 1);
    CHECK(run(bin() + args + " --jobs 2 --out " + two, tmp.path).exit_code == 1);
    const std::string a = read_text(one), b = read_text(two);
    CHECK(count_lines(a) == (std::string(ext) == ".csv" ? 25u : 24u));  // 4 routes x 3 x 2 (+ header)
    CHECK(a == b);
  }
  // Sweeps of no vehicle key: each worker re-uses its scenario, taking back only what the sweeps set, so a
  // row must not depend on the jobs its worker ran before it (with 2 workers each runs other ones).
  const std::string reuse = " batch " + kCycles + "/EPA_Ph2_transient.csv " + kCycles +
                            "/UrbanDelivery.vdri" +
                            " --sweep ambient.temperature_C=30,-5,12 --sweep diesel_price_usd_per_gal=5,3" +
                            " --sweep electricity_price_usd_per_kWh=0.3,0.1 --progress off";
  const std::string one = (tmp.path / "reuse_one.csv").string(), two = (tmp.path / "reuse_two.csv").string();
  CHECK(run(bin() + reuse + " --jobs 1 --out " + one, tmp.path).exit_code == 0);
  CHECK(run(bin() + reuse + " --jobs 2 --out " + two, tmp.path).exit_code == 0);
  CHECK(count_lines(read_text(one)) == 25u);  // 2 routes x 3 x 2 x 2 (+ header)
  CHECK(read_text(one) == read_text(two));
  CHECK(run(bin() + args + " --out " + (tmp.path / "x.txt").string(), tmp.path).exit_code == 2);
  CHECK(run(bin() + " batch " + kCycles + " --sweep nope=1:2:1 --out a.csv", tmp.path).exit_code == 2);
}

TEST_CASE("batch killed with SIGKILL leaves no result file and --resume completes it", "[batch][cli]") {
  if (bin().empty()) return;
  TempDir tmp("kill");
  const std::string args = " batch " + kCycles + "/EPA_Ph2_transient.csv " + kCycles +
                           "/EPA_Ph2_urban_highway_55mph.csv --sweep diesel_price_usd_per_gal=3:5:0.025 --jobs 2 "
                           "--progress off --out ";
  const std::string reference = (tmp.path / "reference.csv").string();
  const std::string out = (tmp.path / "killed.csv").string();
  const std::string journal = out + ".partial.jsonl";

  // Starts a batch, kills it once it has finished a few jobs; true if it was still running then.
  auto start_and_kill = [&]() {
    const pid_t pid = batch_test::spawn(bin() + args + out, tmp.path);
    bool killed = false;
    for (int i = 0; i < 3000; ++i) {
      if (count_lines(read_text(journal)) >= 5) {
        killed = ::kill(pid, SIGKILL) == 0;
        break;
      }
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return killed && WIFSIGNALED(status);
  };

  REQUIRE(start_and_kill());
  CHECK_FALSE(fs::exists(out));  // no truncated file under the final name
  CHECK(fs::exists(journal));
  const auto resumed = run(bin() + args + out + " --resume", tmp.path);
  CHECK(resumed.exit_code == 0);
  CHECK_THAT(resumed.err, Catch::Contains("resuming:"));
  CHECK(run(bin() + args + reference, tmp.path).exit_code == 0);
  const std::string complete = read_text(out);
  CHECK(count_lines(complete) == 163);  // 2 routes x 81 prices + header
  CHECK(complete == read_text(reference));
  CHECK_FALSE(fs::exists(journal));

  // Killing a rerun leaves the earlier complete file as it was.
  REQUIRE(start_and_kill());
  CHECK(read_text(out) == complete);
  // A journal from another batch is refused.
  CHECK(run(bin() + " batch " + kCycles + "/Construction.vdri --progress off --resume --out " + out, tmp.path)
            .exit_code == 2);
}

TEST_CASE("batch --integrator rk gives the rows of the reference integrator within 0.2 %", "[batch][cli]") {
  if (bin().empty()) return;
  TempDir tmp("integrator");
  const std::string args = " batch " + kCycles + "/LongHaul.vdri " + kCycles + "/EPA_Ph2_transient.csv " + kCycles +
                           "/HHDDTCruiseSmooth.csv --progress off";
  const std::string ref = (tmp.path / "cvode.jsonl").string(), fast = (tmp.path / "rk.jsonl").string();
  // (The default is rk since issue 18: the reference is asked for by name.)
  REQUIRE(run(bin() + args + " --integrator cvode --out " + ref, tmp.path).exit_code == 0);
  REQUIRE(run(bin() + args + " --integrator rk --out " + fast, tmp.path).exit_code == 0);
  std::istringstream a(read_text(ref)), b(read_text(fast));
  std::string la, lb;
  int rows = 0;
  while (std::getline(a, la) && std::getline(b, lb)) {
    const auto ja = nlohmann::json::parse(la), jb = nlohmann::json::parse(lb);
    INFO(ja["route_file"]);
    CHECK(jb["job_id"] == ja["job_id"]);
    CHECK(ja["integrator"] == "cvode");
    CHECK(jb["integrator"] == "rk");
    for (const char* key : {"ev_energy_kWh_per_mi", "diesel_mpg", "ev_trip_time_h", "diesel_trip_time_h",
                            "ev_cost_usd_per_mi", "diesel_cost_usd_per_mi"}) {
      INFO(key);
      CHECK(jb[key].get<double>() == Approx(ja[key].get<double>()).epsilon(2e-3));
    }
    ++rows;
  }
  CHECK(rows == 3);
  CHECK(run(bin() + args + " --integrator euler --out " + (tmp.path / "x.csv").string(), tmp.path).exit_code == 2);
}

TEST_CASE("batch --integrator quasi-static names the model on every row and agrees with rk within 1 %", "[batch][cli]") {
  if (bin().empty()) return;
  TempDir tmp("quasi_static");
  // One route, two jobs (a price sweep: the trips are simulated once per integrator).
  const std::string args =
      " batch " + kCycles + "/LongHaul.vdri --sweep diesel_price_usd_per_gal=3,4 --jobs 1 --progress off";
  const std::string rk = (tmp.path / "rk.jsonl").string(), qs = (tmp.path / "qs.jsonl").string(),
                    qs_csv = (tmp.path / "qs.csv").string();
  REQUIRE(run(bin() + args + " --out " + rk, tmp.path).exit_code == 0);
  REQUIRE(run(bin() + args + " --integrator quasi-static --out " + qs, tmp.path).exit_code == 0);
  REQUIRE(run(bin() + args + " --integrator quasi-static --out " + qs_csv, tmp.path).exit_code == 0);
  std::istringstream a(read_text(rk)), b(read_text(qs));
  std::string la, lb;
  int rows = 0;
  while (std::getline(a, la) && std::getline(b, lb)) {
    const auto ja = nlohmann::json::parse(la), jb = nlohmann::json::parse(lb);
    CHECK(ja["integrator"] == "rk");
    CHECK(jb["integrator"] == "quasi-static");
    CHECK(jb["status"] == "ok");
    CHECK(jb["ev_energy_kWh_per_mi"].get<double>() == Approx(ja["ev_energy_kWh_per_mi"].get<double>()).epsilon(0.01));
    CHECK(jb["ev_energy_kWh_per_mi"].get<double>() != ja["ev_energy_kWh_per_mi"].get<double>());  // another model ran
    ++rows;
  }
  CHECK(rows == 2);
  // The CSV has the column too, "quasi-static" on both rows.
  std::istringstream csv(read_text(qs_csv));
  std::string header, line;
  REQUIRE(std::getline(csv, header));
  std::vector<std::string> names;
  for (std::istringstream h(header); std::getline(h, line, ',');) names.push_back(line);
  const auto col = std::find(names.begin(), names.end(), "integrator") - names.begin();
  REQUIRE(col < static_cast<long>(names.size()));
  int csv_rows = 0;
  while (std::getline(csv, line)) {
    std::vector<std::string> cells;
    for (std::istringstream r(line); std::getline(r, la, ',');) cells.push_back(la);
    REQUIRE(static_cast<long>(cells.size()) > col);
    CHECK(cells[static_cast<std::size_t>(col)] == "quasi-static");
    ++csv_rows;
  }
  CHECK(csv_rows == 2);
  // Resuming that finished file with another integrator keeps none of its rows.
  const auto again = run(bin() + args + " --resume --out " + qs_csv, tmp.path);
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.err, Catch::Contains("re-running 2 jobs run with another integrator (this run: --integrator rk)"));
  CHECK(read_text(qs_csv).find("quasi-static") == std::string::npos);
}
