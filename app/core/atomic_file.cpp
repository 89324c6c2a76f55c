// Safe result files; see atomic_file.hpp.
#include "app/core/atomic_file.hpp"
#include "app/core/text.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

namespace semitco::core {

namespace {

// Temporary files that exist right now, for the signal handler: fixed slots, no allocation in the
// handler. A slot is free (0), being filled (1) or holds a name (2).
constexpr std::size_t kSlots = 64;
constexpr std::size_t kNameMax = 4096;
struct Slot {
  std::atomic<int> state{0};
  char name[kNameMax];
};
std::array<Slot, kSlots> g_slots;

void register_temporary(const std::string& tmp) {
  if (tmp.size() >= kNameMax) return;  // too long to register: still removed on every other exit path
  for (auto& s : g_slots) {
    int expected = 0;
    if (s.state.compare_exchange_strong(expected, 1)) {
      std::memcpy(s.name, tmp.c_str(), tmp.size() + 1);
      s.state.store(2);
      return;
    }
  }
}

void unregister_temporary(const std::string& tmp) {
  for (auto& s : g_slots) {
    int expected = 2;
    if (s.state.load() == 2 && std::strcmp(s.name, tmp.c_str()) == 0 && s.state.compare_exchange_strong(expected, 1)) {
      s.state.store(0);
      return;
    }
  }
}

extern "C" void remove_temporaries_and_reraise(int sig) {
  for (auto& s : g_slots) {
    if (s.state.load() == 2) ::unlink(s.name);
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}


// Refuses anything but a regular file or a new path; returns whether the path exists.
bool check_replaceable(const std::string& path, struct stat* st) {
  if (path.empty()) throw OutputRefused("output path is empty");
  if (::lstat(path.c_str(), st) != 0) {
    if (errno == ENOENT) return false;
    throw OutputRefused(path + ": cannot check the output path (" + std::strerror(errno) + ")");
  }
  if (!S_ISREG(st->st_mode)) {
    throw OutputRefused(path + ": refusing to write: it is " + file_kind_words(st->st_mode) +
                        ", and semitco replaces only regular files (remove it or choose another path)");
  }
  return true;
}

}  // namespace

void check_output_path(const std::string& path, const std::vector<std::string>& inputs) {
  struct stat out{};
  if (!check_replaceable(path, &out)) return;
  for (const auto& in : inputs) {
    struct stat is{};
    if (in.empty() || ::stat(in.c_str(), &is) != 0) continue;
    if (is.st_dev == out.st_dev && is.st_ino == out.st_ino) {
      throw OutputRefused(path + ": refusing to write: it is the same file as the input " + in +
                          " (choose another output path)");
    }
  }
}

void remove_stale_temporaries(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  const std::string prefix = p.filename().string() + ".tmp-";
  std::error_code ec;
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.size() > 9 || pid_text.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    const long pid = std::strtol(pid_text.c_str(), nullptr, 10);
    std::error_code ec2;
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH && e.is_regular_file(ec2) &&
        !e.is_symlink(ec2)) {
      fs::remove(e.path(), ec2);
    }
  }
}

std::string temporary_name_for(const std::string& path, const std::vector<std::string>& inputs) {
  check_output_path(path, inputs);
  remove_stale_temporaries(path);
  const std::string tmp = path + ".tmp-" + std::to_string(static_cast<long>(::getpid()));
  ::unlink(tmp.c_str());  // ours from an earlier write of this process, or a link someone placed there
  register_temporary(tmp);
  return tmp;
}

void discard_temporary(const std::string& tmp) {
  std::remove(tmp.c_str());
  unregister_temporary(tmp);
}

void commit_temporary(const std::string& tmp, const std::string& path) {
  try {
    struct stat st{};
    (void)check_replaceable(path, &st);  // something may have appeared at the path while we wrote
  } catch (...) {
    discard_temporary(tmp);
    throw;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string err = std::strerror(errno);
    discard_temporary(tmp);
    throw std::runtime_error(path + ": cannot replace file (" + err + ")");
  }
  unregister_temporary(tmp);
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           const std::vector<std::string>& inputs) {
  const std::string tmp = temporary_name_for(path, inputs);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      const std::string err = std::strerror(errno);
      discard_temporary(tmp);
      throw std::runtime_error(path + ": cannot write (" + err + ")");
    }
    try {
      write(out);
    } catch (...) {
      out.close();
      discard_temporary(tmp);
      throw;
    }
    out.flush();
    if (!out) {
      out.close();
      discard_temporary(tmp);
      throw std::runtime_error(path + ": write failed (disk full?)");
    }
  }
  commit_temporary(tmp, path);
}

void install_temporary_cleanup_on_signals() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction sa{};
      sa.sa_handler = remove_temporaries_and_reraise;
      sigemptyset(&sa.sa_mask);
      ::sigaction(sig, &sa, nullptr);
    }
  });
}

}  // namespace semitco::core
