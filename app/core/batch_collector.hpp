// The receiving end of a batch (the main thread, or MPI rank 0): takes finished rows in any order,
// appends each to the journal, writes the result file in job-id order through a small reorder
// buffer (memory stays flat however many jobs there are), shows progress and prints the failure summary.
#pragma once

#include <chrono>
#include <fstream>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/batch_rows.hpp"
#include "app/core/batch_sizing.hpp"

namespace semitco::core::batch {

/// Progress on stderr: a redrawn bar on a terminal, throttled "done k/n" lines otherwise.
class Progress {
 public:
  Progress(std::size_t total, ProgressMode mode, std::ostream& log);
  void update(std::size_t done, bool force = false);
  void finish();

 private:
  std::size_t total_;
  bool bar_ = false, off_ = false;
  std::ostream* log_;
  std::chrono::steady_clock::time_point start_, last_;
  std::size_t last_done_ = static_cast<std::size_t>(-1);
};

/// Job index of a job id of this plan, if it is one.
std::optional<std::size_t> index_of(const Plan& plan, const std::string& id);

class Collector {
 public:
  /// Reads what --resume finds (journal and earlier result file), checks that it belongs to this plan
  /// (BatchUsageError otherwise), opens the journal and the result writer.
  Collector(const Plan& plan, const BatchOptions& opt, std::ostream& log);
  ~Collector();
  /// Job indices still to run, ascending.
  [[nodiscard]] const std::vector<std::size_t>& pending() const { return pending_; }
  void add(std::size_t index, Row row);
  void tick() { progress_.update(done_); }
  /// Writes what is left, renames the result into place, removes the journal, prints the summary.
  BatchSummary finish();

 private:
  void emit_ready();
  const Plan& plan_;
  const BatchOptions& opt_;
  std::ostream& log_;
  std::map<std::size_t, Row> resumed_, ready_;
  std::vector<std::size_t> pending_;
  std::ofstream journal_;
  std::unique_ptr<RowWriter> writer_;
  InputState inputs_;  // hashes recorded in the journal, checked by --resume
  std::size_t next_ = 0, done_ = 0, failed_ = 0;
  struct Failure {
    std::string first_job, error;
    std::size_t count = 0;
  };
  std::vector<Failure> failures_;  // first few distinct errors, for the summary
  std::size_t unlisted_ = 0;
  Progress progress_;
  SizingReport sizing_;  // the lowest cost per ton-mile over a swept vehicle key
};

}  // namespace semitco::core::batch
