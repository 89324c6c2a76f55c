// The one way semitco writes a result file (series CSV, batch results, scenario files, journals).
//
// A result is written to "<name>.tmp-<pid>" next to the final name, flushed, then renamed over it (atomic
// on POSIX file systems), so a crash or a kill never leaves a truncated file under the final name.
// Before anything is written the output is checked (check_output_path):
//  - only a new path or an existing regular file may be replaced: a symlink, a device, a named pipe, a
//    socket or a directory at the output path is refused (lstat), since the rename would turn it into a
//    regular file;
//  - an output that is the same file (st_dev, st_ino) as one of the run's inputs is refused, so a result
//    never overwrites the route, vehicle or scenario it was computed from.
// Temporary files: removed when the write fails or throws; registered while they exist so a SIGINT,
// SIGTERM or SIGHUP handler (install_temporary_cleanup_on_signals) removes them; and those of dead
// processes (a kill -9) are removed by the next write to the same path.
#pragma once

#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace semitco::core {

/// An output path semitco will not write; what() names the path and the reason.
class OutputRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Throws OutputRefused unless `path` is absent or a regular file (not followed if a symlink) and is not
/// the same file as any of `inputs` (inputs that do not exist are ignored).
void check_output_path(const std::string& path, const std::vector<std::string>& inputs = {});

/// Checks the output (check_output_path), calls `write` with a stream to a temporary file next to `path`,
/// then renames it to `path`. Throws OutputRefused or std::runtime_error naming the path if anything
/// fails; the temporary file is removed.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           const std::vector<std::string>& inputs = {});

/// For writers that need a file name (e.g. XLSX): checks the output like write_file_atomically, removes
/// stale temporaries of `path`, and returns the temporary name, registered for removal on a signal.
std::string temporary_name_for(const std::string& path, const std::vector<std::string>& inputs = {});
/// Renames a finished temporary file over `path` (checked again just before the rename).
void commit_temporary(const std::string& tmp, const std::string& path);
/// Removes a temporary file that will not be committed and forgets it.
void discard_temporary(const std::string& tmp);

/// Removes "<path>.tmp-<pid>" files whose process no longer exists (left by a kill -9).
void remove_stale_temporaries(const std::string& path);

/// Installs SIGINT/SIGTERM/SIGHUP handlers that remove the registered temporary files, then let the
/// signal end the process as it would have. Call once from main().
void install_temporary_cleanup_on_signals();

}  // namespace semitco::core
