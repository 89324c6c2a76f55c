// Text from hostile inputs (issue 14, finding 4 and the terminal/scenario items of 8): every text that
// reaches a writer or the terminal is printable UTF-8, a failing job is a row and the batch always
// finishes; and the acceptance run: 300 files, good, broken and binary with non-UTF-8 names.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "app/core/text.hpp"
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

std::string random_bytes(std::mt19937& rng, std::size_t n) {
  std::uniform_int_distribution<int> byte(0, 255);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(byte(rng));
  return s;
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> rows;
  std::size_t from = 0;
  for (auto nl = text.find('\n'); nl != std::string::npos; from = nl + 1, nl = text.find('\n', from)) {
    rows.push_back(nlohmann::json::parse(text.substr(from, nl - from)));  // throws on invalid UTF-8
  }
  return rows;
}

}  // namespace

TEST_CASE("printable escapes invalid UTF-8 and control characters and keeps the rest", "[text]") {
  CHECK(core::printable("plain ascii, 42 %") == "plain ascii, 42 %");
  CHECK(core::printable("caf\xC3\xA9 \xE2\x86\x92 \xF0\x9F\x9A\x9B") == "caf\xC3\xA9 \xE2\x86\x92 \xF0\x9F\x9A\x9B");
  CHECK(core::printable("a\xFF" "b") == "a\\xFFb");
  CHECK(core::printable("\x1B[2J\a") == "\\x1B[2J\\x07");
  CHECK(core::printable("line\nnext\ttab\r") == "line\\nnext\\ttab\\r");
  CHECK(core::printable("\xC0\xAF") == "\\xC0\\xAF");          // overlong '/'
  CHECK(core::printable("\xED\xA0\x80") == "\\xED\\xA0\\x80");  // a UTF-16 surrogate
  CHECK(core::printable("\xC2\x9B") == "\\u{9B}");              // C1 control (CSI)
  CHECK(core::printable(std::string("nul\0byte", 8)) == "nul\\x00byte");
  std::mt19937 rng(14);
  for (int i = 0; i < 2000; ++i) {
    const std::string s = random_bytes(rng, 1 + i % 40);
    const std::string p = core::printable(s);
    REQUIRE(core::is_printable(p));
    REQUIRE(core::printable(p) == p);
    REQUIRE_NOTHROW(nlohmann::json(p).dump());
  }
}

TEST_CASE("a route with a non-UTF-8 name and a binary file fail as rows, and the batch and its resume finish",
          "[batch][cli][text]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("non-utf8");
  const auto routes = dir.path / "routes";
  fs::create_directories(routes);
  fs::copy_file(kRoute, routes / "good\xFF\xFE.csv");
  std::mt19937 rng(4);
  std::ofstream(routes / "binary\x80.csv", std::ios::binary) << "distance_mi,elevation_ft\n" << random_bytes(rng, 4000);
  for (const char* ext : {".jsonl", ".csv", ".xlsx"}) {
    const std::string out = std::string("r") + ext;
    const auto r = run(exe + " batch routes --integrator rk --progress off --out " + out, dir.path);
    INFO(ext << " " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("1 ok, 1 failed"));
    CHECK(core::is_printable(r.err.substr(0, r.err.size() - 1)) == (r.err.find('\n') == r.err.size() - 1));
    CHECK(r.err.find('\x80') == std::string::npos);
    CHECK(fs::exists(dir.path / out));
    CHECK(!fs::exists(dir.path / (out + ".partial.jsonl")));
  }
  const auto rows = json_lines(read_text(dir.path / "r.jsonl"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["route_file"].get<std::string>().find("\\x80") != std::string::npos);
  CHECK(rows[0]["status"] == "failed");
  CHECK(rows[1]["route_file"].get<std::string>().find("good\\xFF\\xFE.csv") != std::string::npos);
  CHECK(rows[1]["status"] == "ok");
  const auto resumed = run(exe + " batch routes --integrator rk --progress off --resume --out r.jsonl", dir.path);
  CHECK(resumed.exit_code == 1);
  CHECK_THAT(resumed.err, Catch::Contains("resuming: 2 of 2"));
}

TEST_CASE("a batch over 300 good, broken and binary files with non-UTF-8 names gives one row per file",
          "[batch][cli][text]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("three-hundred");
  const auto routes = dir.path / "routes";
  fs::create_directories(routes);
  std::mt19937 rng(300);
  std::set<std::string> names;
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(i);
    fs::path p;
    switch (i % 3) {
      case 0:  // a good route
        p = routes / ("good_" + n + ".csv");
        fs::copy_file(kRoute, p);
        break;
      case 1:  // broken text, names with bytes that are not UTF-8
        p = routes / ("broken_\xE9_" + n + (i % 2 ? ".vdri" : ".csv"));
        std::ofstream(p) << "<s>,<v>,<grad>,<stop>\n0,80,0,0\n100,\x1B[31meighty,0,0\n";
        break;
      default:  // binary
        p = routes / ("binary_\xFF\xC0_" + n + (i % 2 ? ".gpx" : ".csv"));
        std::ofstream(p, std::ios::binary) << random_bytes(rng, 200 + static_cast<std::size_t>(i));
    }
    names.insert(core::printable(p.lexically_normal().string().substr(dir.path.string().size() + 1)));
  }
  const auto r = run(exe + " batch routes --integrator rk --jobs 2 --progress off --out r.jsonl", dir.path);
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("300 jobs") && Catch::Contains("100 ok, 200 failed"));
  CHECK(r.err.find('\x1B') == std::string::npos);
  const auto rows = json_lines(read_text(dir.path / "r.jsonl"));
  REQUIRE(rows.size() == 300);
  std::set<std::string> seen;
  std::size_t ok = 0;
  for (const auto& row : rows) {
    seen.insert(row["route_file"].get<std::string>());
    ok += row["status"] == "ok";
    if (row["status"] != "ok") CHECK(!row["error"].get<std::string>().empty());
  }
  CHECK(seen == names);
  CHECK(ok == 100);
}

TEST_CASE("route info never echoes raw bytes or escape sequences to the terminal", "[cli][text]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("terminal");
  std::ofstream(dir.path / "evil\x1B]0;title\x07.csv") << "distance_mi,\x1B[2Jelevation_ft\xFF\n0,1\n";
  const auto r = run(exe + " route info evil*.csv", dir.path);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find('\x1B') == std::string::npos);
  CHECK(r.err.find('\xFF') == std::string::npos);
  CHECK_THAT(r.err, Catch::Contains("\\x1B"));
}

TEST_CASE("a vehicle name with escape sequences is printed escaped", "[cli][text]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("terminal-name");
  std::string vehicle = read_text(kSource + "/resources/vehicles/electric_semi.json");
  const auto at = vehicle.find("\"name\": \"") + 9;
  vehicle.insert(at, "\\u001b]0;owned\\u0007\\u001b[2J");
  std::ofstream(dir.path / "ev.json") << vehicle;
  const auto r = run(exe + " simulate --integrator rk -r '" + kRoute + "' -v ev.json", dir.path);
  INFO(r.out.substr(0, 300));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find('\x1B') == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
  CHECK_THAT(r.out, Catch::Contains("\\x1B]0;owned\\x07"));
}

TEST_CASE("a scenario that cannot be loaded is reported once, not once per job", "[batch][cli]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("bad-scenario");
  std::ofstream(dir.path / "bad.json") << "{\"name\": \"x\", \"route\": 7}";
  for (int i = 0; i < 4; ++i) fs::copy_file(kRoute, dir.path / ("r" + std::to_string(i) + ".csv"));
  const auto r = run(exe + " batch r0.csv r1.csv r2.csv r3.csv -s bad.json --integrator rk --progress off --out o.csv",
                     dir.path);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("4 failed"));
  std::size_t count = 0;
  for (auto p = r.err.find("route = 7"); p != std::string::npos; p = r.err.find("route = 7", p + 1)) ++count;
  CHECK(count == 1);
  CHECK_THAT(r.err, Catch::Contains("and 3 more jobs with this error"));
}
