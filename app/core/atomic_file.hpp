// Writing result files so that a crash or kill never leaves a truncated file under the final name:
// write to "<name>.tmp-<pid>", flush, then rename over the final name (atomic on POSIX file systems).
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace semitco::core {

/// Calls `write` with a stream to a temporary file next to `path`, then renames it to `path`.
/// Throws std::runtime_error naming the path if anything fails; the temporary file is removed.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

/// Renames a finished temporary file over `path` (for writers that need a file name, e.g. XLSX).
std::string temporary_name_for(const std::string& path);
void commit_temporary(const std::string& tmp, const std::string& path);

}  // namespace semitco::core
