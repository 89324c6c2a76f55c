// Batch runner throughput and memory (issue 6). One route-simulation = one job = both trucks simulated
// and priced on a 108 km route (VECTO LongHaul.vdri from the shared public cycles), with 1 and 2 worker
// threads. Memory: peak RSS of a batch process (forked, measured by wait4) with N and 10 N jobs; the
// runner streams rows and keeps no time series, so it should not grow with N. Results: docs/performance.md.
#include <benchmark/benchmark.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "app/core/batch.hpp"

namespace {
using namespace semitco;

// `jobs` sweep points of `key` from `start` in steps of 0.001. A weather key (ambient.temperature_C)
// changes the physics, so every job simulates both trucks; a price key re-prices shared trips.
core::BatchOptions options(const std::string& route, std::size_t jobs, unsigned threads, const std::string& out,
                           const std::string& key = "ambient.temperature_C", double start = 20.0) {
  core::BatchOptions o;
  o.inputs = {route.find('/') == std::string::npos ? std::string(SEMITCO_CYCLES_DIR) + "/" + route : route};
  o.scenarios = {std::string(SEMITCO_SOURCE_DIR) + "/resources/scenarios/default.json"};
  o.sweeps = {key + "=" + std::to_string(start) + ":" + std::to_string(start + 0.001 * static_cast<double>(jobs - 1)) +
              ":0.001"};
  o.jobs = threads;
  o.out = out;
  o.progress = core::ProgressMode::Off;
  return o;
}

std::string temp_out(const char* tag) {
  return (std::filesystem::temp_directory_path() / ("semitco_bench_batch_" + std::string(tag) + "_" +
                                                     std::to_string(static_cast<long>(::getpid())) + ".csv"))
      .string();
}

// Runs the batch once per benchmark iteration; returns the number of jobs run.
std::size_t run_batches(benchmark::State& state, const core::BatchOptions& opt) {
  std::ostringstream log;
  std::size_t done = 0;
  for (auto _ : state) {
    const auto sum = core::run_batch(opt, log);
    if (sum.failed) state.SkipWithError("a batch job failed");
    done += sum.ran;
  }
  std::filesystem::remove(opt.out);
  return done;
}

// Jobs on one route; arguments: worker threads, integrator (0 = CVODE, 1 = Runge-Kutta: --integrator rk,
// 2 = the quasi-static screening model: --integrator quasi-static, an explicit option, not the forward model).
void batch_throughput(benchmark::State& state, const std::string& route, double route_km, const char* tag) {
  // Enough jobs that the batch's own set-up (reading the scenario and the route, starting the workers,
  // about 2 ms) is a small share of a run: 16 with CVODE (15-30 jobs/s), 64 with the Runge-Kutta pair,
  // 256 with the quasi-static model.
  const std::size_t jobs_of[] = {16, 64, 256};
  const std::size_t jobs = jobs_of[state.range(1)];
  auto opt = options(route, jobs, static_cast<unsigned>(state.range(0)), temp_out(tag));
  const char* const integrators[] = {"cvode", "rk", "quasi-static"};
  opt.integrator = integrators[state.range(1)];
  const std::size_t done = run_batches(state, opt);
  state.counters["route_sims_per_s"] = benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
  state.counters["route_km"] = route_km;
}

void BM_BatchLongHaul(benchmark::State& state) { batch_throughput(state, "LongHaul.vdri", 108.0, "longhaul"); }
BENCHMARK(BM_BatchLongHaul)
    ->ArgsProduct({{1, 2}, {0, 1, 2}})
    ->ArgNames({"jobs", "rk"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// The same on a route built from elevation points (the bundled I-5 Grapevine, 78.9 km): smooth grade, so
// none of the 2,000 grade steps of LongHaul's VECTO rows; closer to a fleet's telematics routes.
void BM_BatchGrapevine(benchmark::State& state) {
  batch_throughput(state, std::string(SEMITCO_SOURCE_DIR) + "/resources/routes/i5_grapevine.csv", 78.9, "grapevine");
}
BENCHMARK(BM_BatchGrapevine)
    ->ArgsProduct({{1, 2}, {0, 1, 2}})
    ->ArgNames({"jobs", "rk"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// A diesel-price sweep: the trips of one route are simulated once per worker and re-priced per job.
void BM_BatchPriceSweep(benchmark::State& state) {
  const std::size_t jobs = 200;
  const std::string out = temp_out("prices");
  const std::size_t done = run_batches(state, options("LongHaul.vdri", jobs, 2, out, "diesel_price_usd_per_gal", 3.0));
  state.counters["jobs_per_s"] = benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BatchPriceSweep)->UseRealTime()->Unit(benchmark::kMillisecond);

// Peak resident memory of a whole batch run in a child process (the parent's memory does not count).
void BM_BatchPeakMemory(benchmark::State& state) {
  const auto jobs = static_cast<std::size_t>(state.range(0));
  const std::string out = temp_out("memory");
  double peak_MB = 0.0;
  for (auto _ : state) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      std::ostringstream log;
      const auto sum = core::run_batch(options("EPA_Ph2_transient.csv", jobs, 2, out), log);
      ::_exit(sum.exit_code);
    }
    int status = 0;
    rusage ru{};
    ::wait4(pid, &status, 0, &ru);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) state.SkipWithError("batch child failed");
    peak_MB = static_cast<double>(ru.ru_maxrss) / 1024.0;
  }
  std::filesystem::remove(out);
  state.counters["jobs"] = static_cast<double>(jobs);
  state.counters["peak_rss_MB"] = peak_MB;
}
BENCHMARK(BM_BatchPeakMemory)->Arg(20)->Arg(200)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

}  // namespace
