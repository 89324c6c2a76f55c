// --resume after an edit (issue 14, finding 7): the journal records each job's integrator and the
// content hashes of its inputs, so a row whose route or scenario changed, or that another integrator
// computed, is run again - and the batch says so - instead of being kept stale.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "test_batch_util.hpp"

namespace fs = std::filesystem;
using batch_test::bin;
using batch_test::read_text;
using batch_test::run;
using batch_test::TempDir;

namespace {

const std::string kSource = SEMITCO_SOURCE_DIR;

std::size_t lines_of(const std::string& t) { return static_cast<std::size_t>(std::count(t.begin(), t.end(), '\n')); }

// 2,000 miles of hills: seconds of simulation, so a batch can be killed while it runs this job.
void write_slow_route(const fs::path& p) {
  std::ofstream f(p);
  f << "distance_mi,elevation_ft,speed_limit_mph,stop_s\n";
  for (int i = 0; i <= 4000; ++i) {
    f << i * 0.5 << "," << std::lround(1000 + 800 * std::sin(i / 7.0)) << "," << (i % 40 < 30 ? 55 : 35) << ",0\n";
  }
}

}  // namespace

TEST_CASE("resume re-runs a job whose route was edited after the result file was written", "[batch][cli][resume]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("resume-edit");
  fs::copy_file(kSource + "/resources/routes/flat_corridor.csv", dir.path / "a.csv");
  fs::copy_file(kSource + "/resources/routes/i5_grapevine.csv", dir.path / "b.csv");
  const std::string cmd = exe + " batch a.csv b.csv --integrator rk --progress off --resume --out r.csv";
  REQUIRE(run(cmd, dir.path).exit_code == 0);
  const auto unchanged = run(cmd, dir.path);
  CHECK_THAT(unchanged.err, Catch::Contains("2 jobs (0 run, 2 resumed)"));
  // Fix a route: b.csv becomes the flat corridor. Its row must follow.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  fs::copy_file(dir.path / "a.csv", dir.path / "b.csv", fs::copy_options::overwrite_existing);
  const auto edited = run(cmd, dir.path);
  INFO(edited.err);
  CHECK(edited.exit_code == 0);
  CHECK_THAT(edited.err, Catch::Contains("re-running 1 job whose inputs changed") && Catch::Contains("b.csv") &&
                             Catch::Contains("1 run, 1 resumed"));
  const std::string csv = read_text(dir.path / "r.csv");
  const auto row_a = csv.substr(csv.find("a.csv") + 5, csv.find('\n', csv.find("a.csv")) - csv.find("a.csv") - 5);
  const auto row_b = csv.substr(csv.find("b.csv") + 5, csv.find('\n', csv.find("b.csv")) - csv.find("b.csv") - 5);
  CHECK(row_a == row_b);  // same route now, same figures
}

TEST_CASE("resume from a journal checks the input hashes and the integrator", "[batch][cli][resume]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("resume-journal");
  fs::copy_file(kSource + "/resources/routes/flat_corridor.csv", dir.path / "a.csv");
  write_slow_route(dir.path / "b.csv");
  const auto journal = dir.path / "r.jsonl.partial.jsonl";
  // --jobs 1: a.csv first, then the slow b.csv, during which the run is killed.
  const pid_t pid = batch_test::spawn(exe + " batch a.csv b.csv --jobs 1 --progress off --out r.jsonl", dir.path);
  bool killed = false;
  for (int i = 0; i < 6000 && !killed; ++i) {
    if (lines_of(read_text(journal)) >= 1) killed = ::kill(pid, SIGKILL) == 0;
    int status = 0;
    if (!killed && ::waitpid(pid, &status, WNOHANG) == pid) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(killed);
  const auto first = nlohmann::json::parse(read_text(journal).substr(0, read_text(journal).find('\n')));
  CHECK(first["integrator"] == "rk");  // the default
  CHECK(first["route_fnv1a64"].get<std::string>().size() == 16);
  CHECK(first.contains("scenario_fnv1a64"));

  // Another integrator: the journal's row is not taken.
  const std::string journal_text = read_text(journal);
  const auto other = run(exe + " batch a.csv b.csv --resume --integrator cvode --job-timeout 1 --progress off --out r.jsonl",
                         dir.path);
  CHECK_THAT(other.err, Catch::Contains("re-running 1 job run with another integrator (this run: --integrator cvode)"));

  // An edit of a.csv (a comment changes its bytes, not its figures): re-run and said so.
  std::ofstream(journal) << journal_text;
  fs::remove(dir.path / "r.jsonl");
  std::ofstream(dir.path / "a.csv", std::ios::app) << "# edited\n";
  const auto edited = run(exe + " batch a.csv b.csv --resume --job-timeout 1 --progress off --out r.jsonl", dir.path);
  INFO(edited.err);
  CHECK_THAT(edited.err, Catch::Contains("re-running 1 job whose inputs changed since they ran") &&
                             Catch::Contains("a.csv") && Catch::Contains("route file"));
  CHECK_THAT(edited.err, Catch::Contains("2 run, 0 resumed"));
}
