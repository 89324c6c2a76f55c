// The batch runner: collector, progress, thread pool; see batch.hpp and docs/batch.md.
#include "app/core/batch.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <ostream>
#include <thread>

#include "app/core/atomic_file.hpp"
#include "app/core/batch_collector.hpp"
#include "app/core/batch_mpi.hpp"
#include "app/core/text.hpp"

namespace semitco::core {

namespace batch {

namespace {

std::string duration_text(double s) {
  char buf[32];
  if (!std::isfinite(s) || s < 0) return "?";
  const long t = std::lround(s);
  if (t >= 3600) {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", t / 3600, t / 60 % 60);
  } else if (t >= 60) {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", t / 60, t % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lds", t);
  }
  return buf;
}

}  // namespace

Progress::Progress(std::size_t total, ProgressMode mode, std::ostream& log)
    : total_(total), log_(&log), start_(std::chrono::steady_clock::now()), last_(start_) {
  off_ = mode == ProgressMode::Off;
  bar_ = mode == ProgressMode::Bar || (mode == ProgressMode::Auto && ::isatty(STDERR_FILENO) == 1);
}

void Progress::update(std::size_t done, bool force) {
  if (off_ || done == last_done_) return;
  const auto now = std::chrono::steady_clock::now();
  const double since_last = std::chrono::duration<double>(now - last_).count();
  // A terminal bar is redrawn up to 10 times a second; lines appear every 5 s (and at the end).
  if (!force && done != total_ && since_last < (bar_ ? 0.1 : 5.0)) return;
  last_ = now;
  last_done_ = done;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : -1.0;
  char figures[128];
  std::snprintf(figures, sizeof figures, "%zu/%zu  %.1f jobs/s  ETA %s", done, total_, rate,
                done == total_ ? "0s" : duration_text(eta).c_str());
  if (bar_) {
    constexpr int kWidth = 30;
    const int filled = total_ ? static_cast<int>(kWidth * static_cast<double>(done) / static_cast<double>(total_)) : kWidth;
    *log_ << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(kWidth - filled), ' ') << "] " << figures << "   " << std::flush;
  } else {
    *log_ << "done " << figures << "\n" << std::flush;
  }
}

void Progress::finish() {
  update(total_, true);
  if (bar_ && !off_) *log_ << "\n" << std::flush;
}

std::optional<std::size_t> index_of(const Plan& plan, const std::string& id) {
  unsigned long r = 0, s = 0, p = 0;
  int used = 0;
  if (std::sscanf(id.c_str(), "r%6lu-s%3lu-p%6lu%n", &r, &s, &p, &used) != 3 || static_cast<std::size_t>(used) != id.size())
    return std::nullopt;
  if (r < 1 || r > plan.routes.size() || s < 1 || s > plan.scenarios.size() || p < 1 || p > plan.points)
    return std::nullopt;
  const std::size_t index = ((r - 1) * plan.scenarios.size() + (s - 1)) * plan.points + (p - 1);
  if (plan.job_id(index) != id) return std::nullopt;
  return index;
}

Collector::Collector(const Plan& plan, const BatchOptions& opt, std::ostream& log)
    : plan_(plan), opt_(opt), log_(log), progress_(0, ProgressMode::Off, log), sizing_(plan) {
  const std::string journal = journal_path(opt.out);
  remove_stale_temporaries(opt.out);
  inputs_ = input_state(plan);
  if (opt.resume) {
    std::map<std::string, Row> found;
    std::set<std::string> from_journal;
    std::error_code ec;
    // An earlier complete result file, then the journal of an interrupted run (rows are the same).
    std::filesystem::file_time_type result_written = std::filesystem::file_time_type::min();
    if (std::filesystem::exists(opt.out, ec)) {
      if (output_kind(opt.out) != OutputKind::Xlsx || !std::filesystem::exists(journal, ec)) {
        found = read_result_rows(plan, opt.out);
        result_written = std::filesystem::last_write_time(opt.out, ec);
      }
    }
    for (auto& [id, row] : read_result_rows(plan, journal)) {
      from_journal.insert(id);
      found[id] = std::move(row);
    }
    std::vector<std::string> changed, other_integrator;
    for (auto& [id, row] : found) {
      const auto index = index_of(plan, id);
      if (!index || row.route_file != printable(plan.routes[plan.route_of(*index)]) ||
          row.scenario != printable(plan.scenarios[plan.scenario_of(*index)]) || row.sweep != plan.sweep_values(*index)) {
        throw BatchUsageError("--resume: row " + printable(id) + " (" + printable(row.route_file) +
                              ") is not a job of this batch; the result file was written with other inputs, "
                              "scenarios or sweeps");
      }
      // A row is kept only while what it was computed from is unchanged: the journal records the
      // integrator and the inputs' content hashes; a finished result file, its integrator column and its
      // time against the inputs'.
      const std::size_t ri = plan.route_of(*index), si = plan.scenario_of(*index);
      const std::string job = id + " (" + row.route_file + ")";
      if (from_journal.count(id)) {
        if (row.integrator != opt.integrator) {
          other_integrator.push_back(job);
          continue;
        }
        if (row.route_hash != inputs_.route_hash[ri] || row.scenario_hash != inputs_.scenario_hash[si]) {
          changed.push_back(job + (row.route_hash != inputs_.route_hash[ri] ? ": route file" : ": scenario files"));
          continue;
        }
      } else if (row.texts[kIntegrator] != opt.integrator) {
        other_integrator.push_back(job);
        continue;
      } else if (inputs_.route_mtime[ri] > result_written || inputs_.scenario_mtime[si] > result_written) {
        changed.push_back(job + (inputs_.route_mtime[ri] > result_written ? ": route file" : ": scenario files") +
                          " newer than " + printable(opt.out));
        continue;
      }
      resumed_.emplace(*index, std::move(row));
    }
    auto say = [&](const std::vector<std::string>& jobs, const std::string& why) {
      if (jobs.empty()) return;
      log_ << "--resume: re-running " << jobs.size() << (jobs.size() == 1 ? " job " : " jobs ") << why << ":";
      for (std::size_t i = 0; i < jobs.size() && i < 5; ++i) log_ << (i ? "; " : " ") << jobs[i];
      if (jobs.size() > 5) log_ << "; ... and " << jobs.size() - 5 << " more";
      log_ << "\n";
    };
    say(changed, "whose inputs changed since they ran");
    say(other_integrator, "run with another integrator (this run: --integrator " + opt.integrator + ")");
    if (!resumed_.empty()) log_ << "resuming: " << resumed_.size() << " of " << plan.size() << " jobs already done\n";
  }
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (!resumed_.count(i)) pending_.push_back(i);
  }
  // The journal starts with what was resumed (a row cut short by a kill is dropped) and grows per row.
  write_file_atomically(
      journal, [&](std::ostream& o) {
        for (const auto& [i, row] : resumed_) o << journal_line(plan_, inputs_, opt_.integrator, i, row) << "\n";
      },
      input_files(plan));
  journal_.open(journal, std::ios::binary | std::ios::app);
  if (!journal_) throw std::runtime_error(journal + ": cannot append");
  writer_ = make_writer(plan, opt.out);
  progress_ = Progress(pending_.size(), opt.progress, log);
  emit_ready();
}

Collector::~Collector() = default;

void Collector::add(std::size_t index, Row row) {
  journal_ << journal_line(plan_, inputs_, opt_.integrator, index, row) << "\n" << std::flush;
  if (!journal_) throw std::runtime_error(journal_path(opt_.out) + ": write failed (disk full?)");
  ready_.emplace(index, std::move(row));
  ++done_;
  emit_ready();
  progress_.update(done_);
}

void Collector::emit_ready() {
  while (next_ < plan_.size()) {
    Row row;
    if (auto it = resumed_.find(next_); it != resumed_.end()) {
      row = std::move(it->second);
      resumed_.erase(it);
    } else if (auto jt = ready_.find(next_); jt != ready_.end()) {
      row = std::move(jt->second);
      ready_.erase(jt);
    } else {
      return;
    }
    if (!row.ok) {
      ++failed_;
      // Jobs failing for the same reason (a scenario that cannot be loaded fails each of its jobs) are
      // listed once, with their count.
      auto same = std::find_if(failures_.begin(), failures_.end(), [&](const Failure& f) { return f.error == row.error; });
      if (same != failures_.end()) {
        ++same->count;
      } else if (failures_.size() < 20) {
        failures_.push_back({row.job_id + "  " + row.route_file, row.error, 1});
      } else {
        ++unlisted_;
      }
    }
    sizing_.add(row);
    writer_->write(row);
    ++next_;
  }
}

BatchSummary Collector::finish() {
  emit_ready();
  progress_.finish();
  if (next_ != plan_.size()) throw std::logic_error("batch: not every job produced a row");
  writer_->commit();
  journal_.close();
  std::remove(journal_path(opt_.out).c_str());
  BatchSummary sum;
  sum.total = plan_.size();
  sum.ran = done_;
  sum.resumed = plan_.size() - done_;
  sum.failed = failed_;
  sum.exit_code = failed_ ? 1 : 0;
  log_ << "batch: " << sum.total << " jobs (" << sum.ran << " run, " << sum.resumed << " resumed), "
       << sum.total - failed_ << " ok, " << failed_ << " failed; results in " << opt_.out << "\n";
  if (failed_) {
    log_ << "failed jobs:\n";
    for (const auto& f : failures_) {
      log_ << "  " << f.first_job << ": " << f.error;
      if (f.count > 1) log_ << "  (and " << f.count - 1 << " more jobs with this error)";
      log_ << "\n";
    }
    if (unlisted_ > 0) log_ << "  ... and " << unlisted_ << " more (see the error column)\n";
  }
  sizing_.print(log_);
  return sum;
}

namespace {

// What the worker threads share with the collecting thread. Held by shared_ptr: a worker whose job
// overran the per-job time limit is abandoned (detached) and may outlive run_local.
struct Pool {
  Plan plan;
  BatchOptions opt;
  std::vector<LoadedScenario> scenarios;
  std::vector<std::size_t> pending;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable cv;
  std::deque<std::pair<std::size_t, Row>> finished;
  struct Running {
    std::size_t index;
    std::chrono::steady_clock::time_point start;
    bool abandoned = false;
  };
  std::map<unsigned, Running> running;  // by worker id
};

void work(const std::shared_ptr<Pool>& pool, unsigned id) {
  RouteCache cache;
  for (;;) {
    const std::size_t k = pool->next.fetch_add(1);
    if (k >= pool->pending.size() || pool->stop) return;
    const std::size_t index = pool->pending[k];
    {
      std::lock_guard lock(pool->mutex);
      pool->running[id] = {index, std::chrono::steady_clock::now()};
    }
    Row row = run_job(pool->plan, pool->scenarios, index, pool->opt, cache);
    {
      std::lock_guard lock(pool->mutex);
      const bool abandoned = pool->running[id].abandoned;
      pool->running.erase(id);
      if (abandoned) return;  // its row was written as failed; this thread is detached
      pool->finished.emplace_back(index, std::move(row));
    }
    pool->cv.notify_one();
  }
}

Row timed_out_row(const Plan& plan, std::size_t index, double limit_s) {
  Row row;
  row.job_id = plan.job_id(index);
  row.route_file = printable(plan.routes[plan.route_of(index)]);
  row.scenario = printable(plan.scenarios[plan.scenario_of(index)]);
  row.sweep = plan.sweep_values(index);
  char buf[160];
  std::snprintf(buf, sizeof buf, "no result within the per-job time limit of %.0f s (--job-timeout); job abandoned",
                limit_s);
  row.error = buf;
  return row;
}

// Worker threads take job indices from a shared counter and hand rows to the collector (this thread),
// which also abandons a job that runs longer than opt.job_time_limit_s: its row fails with the reason, a
// new worker takes its place, and the stuck thread is detached at the end.
BatchSummary run_local(const Plan& plan, const BatchOptions& opt, std::ostream& log) {
  auto pool = std::make_shared<Pool>();
  pool->plan = plan;
  pool->opt = opt;
  pool->scenarios = load_scenarios(pool->plan);
  check_vehicle_sweeps(pool->plan, pool->scenarios);  // a usage error before any file is opened
  Collector collector(pool->plan, pool->opt, log);
  pool->pending = collector.pending();
  const auto& pending = pool->pending;
  unsigned threads = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(pending.size(), 1)));

  std::vector<std::thread> workers;
  std::set<unsigned> stuck;
  auto start_worker = [&] {
    const auto id = static_cast<unsigned>(workers.size());
    workers.emplace_back(work, pool, id);
  };
  auto finish_workers = [&] {
    for (unsigned id = 0; id < workers.size(); ++id) {
      if (stuck.count(id)) {
        workers[id].detach();
      } else {
        workers[id].join();
      }
    }
  };
  for (unsigned t = 0; t < threads; ++t) start_worker();
  try {
    std::size_t received = 0;
    while (received < pending.size()) {
      std::deque<std::pair<std::size_t, Row>> batch_rows;
      std::size_t replacements = 0;
      {
        std::unique_lock lock(pool->mutex);
        pool->cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return !pool->finished.empty(); });
        batch_rows.swap(pool->finished);
        if (opt.job_time_limit_s > 0) {
          const auto now = std::chrono::steady_clock::now();
          for (auto& [id, r] : pool->running) {
            if (r.abandoned || std::chrono::duration<double>(now - r.start).count() <= opt.job_time_limit_s) continue;
            r.abandoned = true;
            stuck.insert(id);
            batch_rows.emplace_back(r.index, timed_out_row(pool->plan, r.index, opt.job_time_limit_s));
            ++replacements;
          }
        }
      }
      for (std::size_t i = 0; i < replacements; ++i) start_worker();
      for (auto& [index, row] : batch_rows) {
        collector.add(index, std::move(row));
        ++received;
      }
      collector.tick();
    }
  } catch (...) {
    pool->stop = true;
    finish_workers();
    throw;
  }
  finish_workers();
  BatchSummary sum = collector.finish();
  sum.abandoned = stuck.size();
  return sum;
}

}  // namespace

BatchSummary run_plan_locally(const Plan& plan, const BatchOptions& opt, std::ostream& log) {
  return run_local(plan, opt, log);
}

}  // namespace batch

BatchSummary run_batch(const BatchOptions& opt, std::ostream& log) {
  if (opt.out.empty()) throw BatchUsageError("--out is required (a .csv, .jsonl or .xlsx file)");
  (void)batch::output_kind(opt.out);
  try {
    (void)physics::integrator_from_name(opt.integrator);
  } catch (const std::exception& e) {
    throw BatchUsageError(std::string("--integrator: ") + e.what());
  }
#ifdef SEMITCO_WITH_MPI
  if (batch::launched_by_mpirun()) return batch::run_batch_mpi(opt, log);
#endif
  const batch::Plan plan = batch::make_plan(opt);
  return batch::run_plan_locally(plan, opt, log);
}

}  // namespace semitco::core
