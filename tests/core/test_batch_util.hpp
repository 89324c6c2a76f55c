// Helpers for the batch tests: the built semitco binary, running it, temporary folders.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

extern char** environ;

namespace batch_test {

/// $SEMITCO_BIN_DIR/app/semitco (set by CTest); "" (with a warning) when not set.
inline std::string bin() {
  const char* dir = std::getenv("SEMITCO_BIN_DIR");
  if (!dir) {
    WARN("SEMITCO_BIN_DIR is not set (run through ctest): skipping the command-line test");
    return "";
  }
  return std::string(dir) + "/app/semitco";
}

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& tag) {
    path = std::filesystem::temp_directory_path() /
           ("semitco-batch-" + tag + "-" + std::to_string(static_cast<long>(::getpid())));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

/// Runs a shell command in `dir`, capturing stdout and stderr.
inline RunResult run(const std::string& cmd, const std::filesystem::path& dir) {
  const auto out = dir / "cmd.stdout";
  const auto err = dir / "cmd.stderr";
  const std::string full = "cd '" + dir.string() + "' && " + cmd + " >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(full.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_text(out);
  r.err = read_text(err);
  INFO(cmd << "\nstderr: " << r.err);
  return r;
}

/// Starts `cmd` (split on spaces, no quoting) in `dir` without a shell; returns its pid.
inline pid_t spawn(const std::string& cmd, const std::filesystem::path& dir) {
  std::vector<std::string> args;
  std::istringstream words(cmd);
  for (std::string w; words >> w;) args.push_back(w);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const auto old = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  std::filesystem::current_path(old);
  if (rc != 0) throw std::runtime_error("cannot start " + args.front());
  return pid;
}

/// The rows of a batch result CSV, each cell by its column's name (a quoted cell may hold commas and "").
inline std::vector<std::map<std::string, std::string>> read_csv_rows(const std::filesystem::path& p) {
  auto split = [](const std::string& line) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.emplace_back();
      } else if (c != '\r') {
        cells.back() += c;
      }
    }
    return cells;
  };
  std::istringstream in(read_text(p));
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    const auto cells = split(line);
    auto& row = rows.emplace_back();
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = i < cells.size() ? cells[i] : "";
  }
  return rows;
}

}  // namespace batch_test
