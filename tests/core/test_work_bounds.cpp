// Bounds on work (issue 14, finding 6): a trip's simulated duration, the time series' length and a
// batch job's wall time are bounded, and a run that hits a bound says which and why, in seconds.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/core/comparison.hpp"
#include "routes/readers.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
namespace fs = std::filesystem;
using batch_test::bin;
using batch_test::read_text;
using batch_test::run;
using batch_test::TempDir;

namespace {

const std::string kSource = SEMITCO_SOURCE_DIR;
const std::string kElectric = kSource + "/resources/vehicles/electric_semi.json";

// A 3-line FASTSim cycle at 0.001 m/s lasting 1e9 s.
void write_endless_trace(const fs::path& p) {
  std::ofstream(p) << "cycSecs,cycMps,cycGrade,cycRoadType\n0,0.001,0,0\n500000000,0.001,0,0\n1000000000,0.001,0,0\n";
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("a 1e9 s trace ends at the trip duration limit, with the reason in seconds", "[bounds][cli]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("endless");
  write_endless_trace(dir.path / "endless.csv");
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = run(exe + " simulate --integrator rk -r endless.csv -v '" + kElectric + "'", dir.path);
  CHECK(seconds_since(t0) < 20.0);
  CHECK(r.exit_code == 1);
  char limit[64];
  std::snprintf(limit, sizeof limit, "time limit of %.0f s reached", core::kMaxTripDurationS);
  CHECK_THAT(r.out, Catch::Contains(limit) && Catch::Contains("kMaxTripDurationS") &&
                        Catch::Contains("trace lasts 1000000000 s"));
  // With a time series the samples are capped first, and the message says so.
  const auto s = run(exe + " simulate --integrator rk -r endless.csv -v '" + kElectric + "' --series-csv s.csv",
                     dir.path);
  CHECK(s.exit_code == 1);
  CHECK_THAT(s.out, Catch::Contains("kMaxSeriesSamples"));
  std::size_t lines = 0;
  for (char c : read_text(dir.path / "s.csv")) lines += c == '\n';
  CHECK(lines <= static_cast<std::size_t>(core::kMaxSeriesSamples) + 3);  // header, t = 0 and the end
}

TEST_CASE("the trip duration limit derives from the route and can be set", "[bounds]") {
  TempDir dir("limits");
  write_endless_trace(dir.path / "endless.csv");
  const auto trace = core::read_route_file((dir.path / "endless.csv").string(), "auto");
  std::string why;
  core::RunOptions opt;
  opt.record_series = false;
  CHECK(core::trip_solver_options(trace, opt, &why).max_duration_s == core::kMaxTripDurationS);
  CHECK_THAT(why, Catch::Contains("kMaxTripDurationS"));
  opt.max_trip_duration_s = 3600;
  CHECK(core::trip_solver_options(trace, opt, &why).max_duration_s == 3600);
  std::ofstream(dir.path / "short.csv") << "distance_mi,elevation_ft,speed_limit_mph,stop_s\n0,10,55,0\n10,20,55,0\n";
  const auto short_route = core::read_route_file((dir.path / "short.csv").string(), "auto");
  opt.max_trip_duration_s = 0;
  const double derived = core::trip_solver_options(short_route, opt, &why).max_duration_s;
  CHECK(derived == Approx(10 * 1609.344 / 0.5 + 3600.0));
  const auto flat = core::read_route_file(kSource + "/resources/routes/flat_corridor.csv", "auto");
  CHECK(core::trip_solver_options(flat, opt, &why).max_duration_s == core::kMaxTripDurationS);  // 249 mi at 0.5 m/s
  opt.record_series = true;
  CHECK(core::trip_solver_options(trace, opt, &why).max_duration_s == core::kMaxSeriesSamples);
}

TEST_CASE("a batch job over --job-timeout fails with the reason and the batch finishes", "[bounds][batch][cli]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("job-timeout");
  {
    // 4,000 miles of hills: several seconds of CVODE for each truck.
    std::ofstream f(dir.path / "a_long_hills.csv");
    f << "distance_mi,elevation_ft,speed_limit_mph,stop_s\n";
    for (int i = 0; i <= 8000; ++i) {
      f << i * 0.5 << "," << std::lround(1000 + 800 * std::sin(i / 7.0) + 300 * std::sin(i / 2.3)) << ","
        << (i % 40 < 30 ? 55 : 35) << "," << (i % 200 == 199 ? 60 : 0) << "\n";
    }
  }
  {
    // Five flat miles: done well within the second even under the sanitizers on a busy machine.
    std::ofstream f(dir.path / "b_flat.csv");
    f << "distance_mi,elevation_ft,speed_limit_mph\n0,100,55\n5,100,55\n";
  }
  const auto t0 = std::chrono::steady_clock::now();
  // CVODE, the slower integrator, so the long job surely outlasts the second (the default Runge-Kutta pair
  // may finish it within it on a quiet machine).
  const auto r = run(exe + " batch a_long_hills.csv b_flat.csv --integrator cvode --job-timeout 1 --progress off --out r.jsonl",
                     dir.path);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("per-job time limit of 1 s"));
  CHECK(seconds_since(t0) < 60.0);
  const std::string text = read_text(dir.path / "r.jsonl");
  const auto first = nlohmann::json::parse(text.substr(0, text.find('\n')));
  CHECK(first["status"] == "failed");
  CHECK_THAT(first["error"].get<std::string>(), Catch::Contains("--job-timeout"));
  const auto second = nlohmann::json::parse(text.substr(text.find('\n') + 1, text.rfind('\n') - text.find('\n') - 1));
  CHECK(second["status"] == "ok");
  CHECK(!fs::exists(dir.path / "r.jsonl.partial.jsonl"));
}
