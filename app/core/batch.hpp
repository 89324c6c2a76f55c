// The batch runner: many route files x scenario files x parameter-sweep points, one electric-vs-diesel
// comparison (run_comparison) per job, run on a thread pool or across Open MPI ranks, one result row
// per job written to CSV, JSON lines or XLSX. Usage, columns, resume and MPI: docs/batch.md.
//
// Determinism: the job list is a pure function of the options (inputs sorted and de-duplicated), every
// job is independent (run_comparison builds its physics objects per call and only reads the Scenario),
// numbers are rounded to their printed precision when the row is built, and rows are written in job-id
// order. So --jobs 1, --jobs N, MPI runs and resumed runs produce the same bytes.
//
// Crash safety: the result file is written under a temporary name and renamed when complete; while the
// batch runs, every finished row is appended (and flushed) to the journal "<out>.partial.jsonl", which
// --resume reads. The journal is removed once the result file is in place.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/core/route_input.hpp"

namespace semitco::core {

/// The command line asks for something impossible (bad sweep, no inputs, unknown output type, a
/// --resume file that belongs to another batch). The CLI exits with code 2.
class BatchUsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One swept input: a key of the economics (tco/parameters.hpp) or a physics key (ambient.temperature_C,
/// ambient.headwind_mps, grid_co2_kg_per_kWh), and its values.
struct SweepAxis {
  std::string key;  ///< canonical key, e.g. "prices.diesel_price_usd_per_gal"
  std::vector<double> values;
};

/// "key=start:stop:step" (stop included when hit within rounding) or "key=v1,v2,...". The key may be a
/// full path ("prices.diesel_price_usd_per_gal"), a unique last part ("diesel_price_usd_per_gal") or
/// "payload" (= operations.payload_desired_kg). Throws BatchUsageError naming the spec.
SweepAxis parse_sweep(const std::string& spec);

/// Route files named by the inputs: files as given; directories' .csv/.vdri/.gpx files (sub-directories
/// too when `recursive`); glob patterns (same extension filter). Sorted, duplicates removed. Throws
/// BatchUsageError when a directory or glob yields nothing.
std::vector<std::string> expand_route_inputs(const std::vector<std::string>& inputs, bool recursive);

enum class ProgressMode { Auto, Bar, Lines, Off };

struct BatchOptions {
  std::vector<std::string> inputs;     ///< route files, directories, globs
  bool recursive = false;
  std::vector<std::string> scenarios;  ///< scenario files; empty: the bundled default scenario
  std::vector<std::string> sweeps;     ///< sweep specs (parse_sweep)
  std::string route_format = "auto";
  std::string out;                     ///< result file: .csv, .jsonl (.json) or .xlsx
  std::string series_dir;              ///< per-job time series CSVs ("" = none)
  unsigned jobs = 0;                   ///< worker threads; 0 = hardware concurrency
  std::string integrator = "rk";       ///< "rk" (fast, the default), "cvode" (reference) or "quasi-static"; physics::integrator_from_name
  bool resume = false;
  ProgressMode progress = ProgressMode::Auto;
  /// Wall time one job may take [s] before it is abandoned and its row fails with the reason; 0 = no
  /// limit. Trips are also bounded in simulated time (core::kMaxTripDurationS). Thread runs only: under
  /// MPI a rank is not interrupted.
  double job_time_limit_s = 600.0;
  RouteInput route_input;              ///< --strict and --dem for every route file
};

/// What a batch run found; `exit_code` is 0 (all ok), 1 (some failed) or 2 (usage error).
struct BatchSummary {
  std::size_t total = 0, ran = 0, resumed = 0, failed = 0;
  int exit_code = 0;
  /// Jobs abandoned over the time limit whose threads are still running: the caller should end the
  /// process (std::_Exit after flushing) rather than return from main while they run. (Last, so the
  /// aggregate initialisers {total, ran, resumed, failed, exit_code} keep their meaning.)
  std::size_t abandoned = 0;
};

/// Runs the batch, writes `opt.out`, reports progress and the failure summary on `log`. Throws
/// BatchUsageError for usage errors (before any job runs). When built with SEMITCO_WITH_MPI and started
/// by mpirun with more than one rank, rank 0 hands out jobs and writes the result; other ranks return
/// a summary with exit_code 0.
BatchSummary run_batch(const BatchOptions& opt, std::ostream& log);

}  // namespace semitco::core
