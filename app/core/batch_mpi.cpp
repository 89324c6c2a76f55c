// Open MPI distribution of a batch; see batch_mpi.hpp and docs/batch.md ("MPI").
//
// Protocol (dynamic work distribution, so a slow route never stalls a rank):
//   worker -> 0  kTagResult  a result row as JSON text ("" on the first request)
//   0 -> worker  kTagJob     the next job index (uint64), or kNoMoreJobs
// Every rank expands the same job plan from the same arguments (an all-reduce checks that they agree);
// only indices and rows travel. Rank 0 does no simulations: it collects, journals and writes.
#ifdef SEMITCO_WITH_MPI

#include "app/core/batch_mpi.hpp"

#include <mpi.h>

#include <chrono>
#include <cstdint>
#include <thread>
#include <cstdlib>
#include <limits>
#include <ostream>
#include <string>

#include "app/core/batch_collector.hpp"

namespace semitco::core::batch {

namespace {

constexpr int kTagResult = 1;
constexpr int kTagJob = 2;
constexpr std::uint64_t kNoMoreJobs = std::numeric_limits<std::uint64_t>::max();

class MpiSession {
 public:
  MpiSession() {
    int initialized = 0;
    MPI_Initialized(&initialized);
    if (!initialized) {
      int provided = 0;
      MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
      owner_ = true;
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~MpiSession() {
    if (owner_) MPI_Finalize();
  }
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }

 private:
  bool owner_ = false;
  int rank_ = 0, size_ = 1;
};

// Every rank: 1 if fine. Returns whether all ranks are fine.
bool all_ok(bool ok) {
  int mine = ok ? 1 : 0, all = 0;
  MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  return all == 1;
}

void send_row(const std::string& text) {
  MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, kTagResult, MPI_COMM_WORLD);
}

void run_worker(const Plan& plan, const BatchOptions& opt) {
  const auto scenarios = load_scenarios(plan);
  RouteCache cache;
  send_row("");
  for (;;) {
    std::uint64_t index = 0;
    MPI_Recv(&index, 1, MPI_UINT64_T, 0, kTagJob, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (index == kNoMoreJobs) return;
    const Row row = run_job(plan, scenarios, static_cast<std::size_t>(index), opt, cache);
    send_row(row_to_json(plan, row).dump());
  }
}

BatchSummary run_coordinator(const Plan& plan, Collector& collector, int workers) {
  const auto& pending = collector.pending();
  std::size_t next = 0;
  int active = workers;
  std::string buffer;
  while (active > 0) {
    // Polling with a short sleep rather than a blocking probe: Open MPI's blocking calls spin, and
    // rank 0 would take a core from a worker on an oversubscribed machine.
    MPI_Status status;
    for (int flag = 0;;) {
      MPI_Iprobe(MPI_ANY_SOURCE, kTagResult, MPI_COMM_WORLD, &flag, &status);
      if (flag) break;
      collector.tick();
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    int count = 0;
    MPI_Get_count(&status, MPI_CHAR, &count);
    buffer.resize(static_cast<std::size_t>(count));
    MPI_Recv(buffer.data(), count, MPI_CHAR, status.MPI_SOURCE, kTagResult, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    // Hand out the next job before storing this row, so the worker is busy while rank 0 writes.
    const std::uint64_t job = next < pending.size() ? pending[next++] : kNoMoreJobs;
    MPI_Send(&job, 1, MPI_UINT64_T, status.MPI_SOURCE, kTagJob, MPI_COMM_WORLD);
    if (job == kNoMoreJobs) --active;
    if (!buffer.empty()) {
      Row row = row_from_json(plan, nlohmann::json::parse(buffer));
      const auto index = index_of(plan, row.job_id);
      if (!index) throw std::runtime_error("MPI rank " + std::to_string(status.MPI_SOURCE) + " sent an unknown job id");
      collector.add(*index, std::move(row));
    }
  }
  return collector.finish();
}

}  // namespace

bool launched_by_mpirun() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(v)) return true;
  }
  return false;
}

BatchSummary run_batch_mpi(const BatchOptions& opt, std::ostream& log) {
  MpiSession mpi;
  const bool root = mpi.rank() == 0;
  // Every rank plans; a usage error is reported once, by rank 0, and every rank stops.
  Plan plan;
  std::string error;
  try {
    plan = make_plan(opt);
  } catch (const BatchUsageError& e) {
    error = e.what();
  }
  if (!all_ok(error.empty())) {
    if (root) throw BatchUsageError(error.empty() ? "another MPI rank could not read the inputs" : error);
    return BatchSummary{0, 0, 0, 0, 2};
  }
  unsigned long long sizes[2] = {plan.size(), plan.size()}, agreed[2] = {0, 0};
  MPI_Allreduce(&sizes[0], &agreed[0], 1, MPI_UNSIGNED_LONG_LONG, MPI_MIN, MPI_COMM_WORLD);
  MPI_Allreduce(&sizes[1], &agreed[1], 1, MPI_UNSIGNED_LONG_LONG, MPI_MAX, MPI_COMM_WORLD);
  if (agreed[0] != agreed[1]) {
    if (root) throw BatchUsageError("MPI ranks see different inputs (job counts differ): are the files on every host?");
    return BatchSummary{0, 0, 0, 0, 2};
  }
  if (mpi.size() == 1) return run_plan_locally(plan, opt, log);

  // Rank 0 opens the result (and reads --resume); the workers wait to hear whether it could.
  std::unique_ptr<Collector> collector;
  std::string root_error;
  if (root) {
    try {
      collector = std::make_unique<Collector>(plan, opt, log);
    } catch (const std::exception& e) {
      root_error = e.what();
    }
  }
  int go = root_error.empty() ? 1 : 0;
  MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (!go) {
    if (root) throw BatchUsageError(root_error);
    return BatchSummary{0, 0, 0, 0, 2};
  }
  if (!root) {
    run_worker(plan, opt);
    return BatchSummary{};
  }
  log << "MPI: " << mpi.size() - 1 << " worker ranks, " << collector->pending().size() << " jobs to run\n";
  try {
    return run_coordinator(plan, *collector, mpi.size() - 1);
  } catch (const std::exception& e) {
    // The workers are blocked waiting for their next job: take the whole run down rather than hang.
    log << "semitco batch: " << e.what() << " (aborting all MPI ranks)\n";
    log.flush();
    MPI_Abort(MPI_COMM_WORLD, 1);
    throw;
  }
}

}  // namespace semitco::core::batch

#endif  // SEMITCO_WITH_MPI
