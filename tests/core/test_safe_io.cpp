// Safe result files (issue 14, findings 1, 2 and the orphan temporary of 8): the built command line must
// refuse to replace a device, a named pipe or a symlink, refuse an output that is one of its inputs, and
// leave no temporary file behind; the writer itself is checked in-process too.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/core/atomic_file.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
namespace fs = std::filesystem;
using batch_test::bin;
using batch_test::read_text;
using batch_test::run;
using batch_test::TempDir;

namespace {

const std::string kSource = SEMITCO_SOURCE_DIR;
const std::string kRoute = kSource + "/resources/routes/flat_corridor.csv";
const std::string kElectric = kSource + "/resources/vehicles/electric_semi.json";

mode_t type_of(const fs::path& p) {
  struct stat st{};
  REQUIRE(::lstat(p.c_str(), &st) == 0);
  return st.st_mode & S_IFMT;
}

// A pid that certainly belonged to a process that has ended.
pid_t dead_pid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return pid;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_CASE("a write never replaces a device, a named pipe or a symlink", "[safe-io]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("special-outputs");
  const auto fifo = dir.path / "pipe.csv";
  const auto chr = dir.path / "null.csv";
  const auto full = dir.path / "full.json";
  const auto link = dir.path / "link.csv";
  const auto target = dir.path / "target.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  REQUIRE(::mknod(chr.c_str(), S_IFCHR | 0600, makedev(1, 3)) == 0);   // like /dev/null
  REQUIRE(::mknod(full.c_str(), S_IFCHR | 0600, makedev(1, 7)) == 0);  // like /dev/full
  std::ofstream(target) << "keep me\n";
  fs::create_symlink(target, link);

  for (const auto& out : {fifo, chr, link}) {
    const auto r = run(exe + " simulate -r '" + kRoute + "' -v '" + kElectric + "' --series-csv " + quoted(out),
                       dir.path);
    INFO(out << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("refusing to write") && Catch::Contains(out.filename().string()));
  }
  const auto f = run(exe + " scenario format '" + kSource + "/resources/scenarios/default.json' -o " + quoted(full),
                     dir.path);
  CHECK(f.exit_code == 1);
  CHECK_THAT(f.err, Catch::Contains("character device"));
  const auto b = run(exe + " batch '" + kRoute + "' --integrator rk --progress off --out " + quoted(fifo), dir.path);
  CHECK(b.exit_code != 0);
  CHECK_THAT(b.err, Catch::Contains("named pipe"));

  CHECK(type_of(fifo) == S_IFIFO);
  CHECK(type_of(chr) == S_IFCHR);
  CHECK(type_of(full) == S_IFCHR);
  CHECK(type_of(link) == S_IFLNK);
  CHECK(read_text(target) == "keep me\n");
  for (const auto& e : fs::directory_iterator(dir.path)) {
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
  }
}

TEST_CASE("an output that is also an input is refused and the input kept", "[safe-io]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("same-file");
  const auto routes = dir.path / "routes";
  fs::create_directories(routes);
  const auto tr = routes / "tr.csv";
  fs::copy_file(kRoute, tr);
  const std::string original = read_text(tr);

  SECTION("simulate --series-csv onto its route") {
    const auto r = run(exe + " simulate -r " + quoted(tr) + " -v '" + kElectric + "' --series-csv " + quoted(tr),
                       dir.path);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("same file as the input"));
  }
  SECTION("simulate --series-csv onto a hard link of its vehicle file") {
    const auto vehicle = dir.path / "ev.json";
    fs::copy_file(kElectric, vehicle);
    fs::create_hard_link(vehicle, dir.path / "ev_link.csv");
    const std::string before = read_text(vehicle);
    const auto r = run(exe + " simulate -r " + quoted(tr) + " -v " + quoted(vehicle) + " --series-csv ev_link.csv",
                       dir.path);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("same file as the input"));
    CHECK(read_text(vehicle) == before);
  }
  SECTION("batch --out onto a route, or anywhere in the folder it reads routes from") {
    for (const std::string out : {"routes/tr.csv", "routes/results.csv", "routes/results.jsonl"}) {
      const auto r = run(exe + " batch routes --integrator rk --progress off --out " + out, dir.path);
      INFO(out << ": " << r.err);
      CHECK(r.exit_code == 2);
      CHECK_THAT(r.err, Catch::Contains("input folder"));
    }
    const auto s = run(exe + " batch routes --integrator rk --progress off --series-dir routes --out r.csv",
                       dir.path);
    CHECK(s.exit_code == 2);
    const auto g = run(exe + " batch 'routes/*.csv' --integrator rk --progress off --out routes/new.csv", dir.path);
    CHECK(g.exit_code == 2);
    CHECK_THAT(g.err, Catch::Contains("pattern"));
    fs::create_directories(routes / "sub");
    const auto rec = run(exe + " batch routes -R --integrator rk --progress off --out routes/sub/r.csv", dir.path);
    CHECK(rec.exit_code == 2);
    CHECK(!fs::exists(routes / "sub" / "r.csv"));
    CHECK(!fs::exists(routes / "results.csv"));
  }
  SECTION("compare --series-dir onto the folder of its route electric.csv") {
    const auto electric = routes / "electric.csv";
    fs::copy_file(kRoute, electric);
    const auto r = run(exe + " compare --integrator rk -r " + quoted(electric) + " --series-dir " + quoted(routes),
                       dir.path);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("same file as the input"));
    CHECK(read_text(electric) == original);
  }
  CHECK(read_text(tr) == original);
}

TEST_CASE("a temporary file left by a killed run is removed by the next write", "[safe-io]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("orphan");
  const auto orphan = dir.path / ("out.csv.tmp-" + std::to_string(dead_pid()));
  std::ofstream(orphan) << "half a series";
  const auto r = run(exe + " simulate --integrator rk -r '" + kRoute + "' -v '" + kElectric + "' --series-csv out.csv",
                     dir.path);
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(dir.path / "out.csv"));
  CHECK(!fs::exists(orphan));
}

TEST_CASE("write_file_atomically refuses special files and same-file outputs in-process", "[safe-io]") {
  TempDir dir("writer");
  const auto fifo = dir.path / "p";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto write = [](std::ostream& o) { o << "x"; };
  CHECK_THROWS_AS(core::write_file_atomically(fifo.string(), write), core::OutputRefused);
  CHECK(type_of(fifo) == S_IFIFO);
  CHECK_THROWS_AS(core::write_file_atomically(dir.path.string(), write), core::OutputRefused);
  const auto in = dir.path / "in.txt";
  std::ofstream(in) << "input";
  CHECK_THROWS_WITH(core::write_file_atomically(in.string(), write, {in.string()}),
                    Catch::Contains("same file as the input"));
  CHECK(read_text(in) == "input");
  // A throwing writer leaves neither the output nor its temporary file.
  const auto out = dir.path / "out.txt";
  CHECK_THROWS(core::write_file_atomically(out.string(), [](std::ostream&) { throw std::runtime_error("no"); }));
  CHECK(!fs::exists(out));
  core::write_file_atomically(out.string(), write, {in.string()});
  CHECK(read_text(out) == "x");
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) files += e.path().filename().string().find(".tmp-") == std::string::npos;
  CHECK(files == 3);
}
