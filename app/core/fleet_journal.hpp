// The journal of `semitco fleet --out FILE`: "<FILE>.partial.jsonl", one JSON line per distinct file content
// simulated (its trips' summaries as the cost model sees them, its repairs, or its error), appended and
// flushed as each finishes, so an interrupted month is resumed (--resume) without simulating again what is
// done. The first line names the run (folder, scenario and its content, pattern, format, integrator, route
// options); --resume refuses a journal of another run, naming what differs. Files are keyed by the hash of
// their bytes, so a file changed since is simulated again. The journal is removed once the report is written.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/core/comparison.hpp"
#include "routes/repairs.hpp"

namespace semitco::core {

struct FleetOptions;

namespace fleet_journal {

/// What one distinct file content gave: the day's trips combined (null when it failed), its repairs.
struct Simulated {
  std::shared_ptr<const ComparisonResult> trips;
  std::size_t trip_count = 0;
  std::vector<routes::Repair> repairs;
  std::string error;
};

std::string path_for(const std::string& out);
/// The identity line of a run (JSON).
std::string header(const FleetOptions& o, const std::string& scenario_path);
/// One entry (JSON, no newline).
std::string entry_line(const std::string& hash, const Simulated& s);
/// The entries of a journal, by content hash. Throws InputError when its header is not `expected_header`
/// (another run) or a line is not an entry; a last line cut short by a kill is ignored.
std::map<std::string, Simulated> read(const std::string& path, const std::string& expected_header);

}  // namespace fleet_journal
}  // namespace semitco::core
