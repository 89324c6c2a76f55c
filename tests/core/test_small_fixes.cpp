// The smaller findings of issue 14 (8): scenario format on a bare file name and on a file with comments,
// messages that name UTF-16 and semicolon-separated files. (The others have their tests next to their
// subject: the orphan temporary in test_safe_io, --jobs/--monte-carlo in test_cli, idle_speed_rpm in
// test_diesel_file, terminal bytes and the scenario reported once in test_batch_hostile.)
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <fstream>
#include <string>

#include "app/core/comparison.hpp"
#include "app/core/json_params.hpp"
#include "app/core/scenario.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
namespace fs = std::filesystem;
using batch_test::bin;
using batch_test::read_text;
using batch_test::run;
using batch_test::TempDir;

namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

std::string utf16le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

}  // namespace

TEST_CASE("scenario format works on a bare file name in the current folder", "[cli][scenario]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("format-bare");
  auto s = core::load_scenario(core::default_scenario_path());
  core::save_scenario(s, (dir.path / "mine.json").string());  // references re-anchored to this folder
  const auto r = run(exe + " scenario format mine.json", dir.path);
  INFO(r.err);
  CHECK(r.exit_code == 0);  // was "cannot make absolute path"
  CHECK_THAT(r.out, Catch::Contains("written mine.json"));
  CHECK_NOTHROW(core::load_scenario((dir.path / "mine.json").string()));
}

TEST_CASE("scenario format refuses to drop the comments of a file formatted in place", "[cli][scenario]") {
  const std::string exe = bin();
  if (exe.empty()) return;
  TempDir dir("format-comments");
  auto s = core::load_scenario(core::default_scenario_path());
  core::save_scenario(s, (dir.path / "mine.json").string());
  const std::string text = read_text(dir.path / "mine.json");
  const std::string commented = "// fleet A, checked by the finance team\n" + text;
  std::ofstream(dir.path / "mine.json") << commented;
  const auto r = run(exe + " scenario format mine.json", dir.path);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("comments") && Catch::Contains("-o"));
  CHECK(read_text(dir.path / "mine.json") == commented);
  const auto elsewhere = run(exe + " scenario format mine.json -o plain.json", dir.path);
  CHECK(elsewhere.exit_code == 0);
  CHECK(read_text(dir.path / "plain.json") == text);
  // Comment markers inside strings are not comments.
  CHECK_FALSE(core::json_has_comments("{\"url\": \"https://example.com/a/*b*/\"}"));
  CHECK(core::json_has_comments("{} /* x */"));
}

TEST_CASE("UTF-16 route files are read as a repair (refused in strict mode naming it), UTF-16 JSON is refused naming the cause, semicolon-separated files are read as a repair", "[routes][json]") {
  TempDir dir("encodings");
  const std::string csv = "distance_mi,elevation_ft,speed_limit_mph\n0,100,55\n10,120,55\n";
  std::ofstream(dir.path / "u16.csv", std::ios::binary) << utf16le(csv);
  std::ofstream(dir.path / "semi.csv") << "# exported from a spreadsheet\ndistance_mi;elevation_ft;speed_limit_mph\n"
                                          "0;100;55\n10;120;55\n";
  std::ofstream(dir.path / "u16.json", std::ios::binary) << utf16le("{\"name\": \"x\"}");
  const auto u16 = core::read_route_file((dir.path / "u16.csv").string(), "auto");
  REQUIRE(u16.repairs.size() == 1);
  CHECK(u16.repairs[0].kind == semitco::routes::RepairKind::Utf16);
  CHECK(u16.length_m() == Approx(10 * 1609.344));
  core::RouteInput strict_u16;
  strict_u16.strict = true;
  CHECK_THAT(error_of([&] { (void)core::read_route_file((dir.path / "u16.csv").string(), "auto", strict_u16); }),
             Catch::Contains("u16.csv:1") && Catch::Contains("UTF-16 little-endian"));
  const auto semi = core::read_route_file((dir.path / "semi.csv").string(), "auto");
  REQUIRE(semi.repairs.size() == 1);
  CHECK(semi.repairs[0].kind == semitco::routes::RepairKind::Semicolons);
  CHECK(semi.repairs[0].first_line == 2);  // after the comment line
  CHECK(semi.length_m() == Approx(10 * 1609.344));
  core::RouteInput strict;
  strict.strict = true;
  CHECK_THAT(error_of([&] { (void)core::read_route_file((dir.path / "semi.csv").string(), "auto", strict); }),
             Catch::Contains("semi.csv:2") && Catch::Contains("';'"));
  CHECK_THAT(error_of([&] { (void)core::load_scenario((dir.path / "u16.json").string()); }),
             Catch::Contains("u16.json") && Catch::Contains("UTF-16"));
  // Without a byte-order mark too; an ordinary broken file gets no such hint.
  CHECK_THAT(core::text_file_hint(utf16le(csv).substr(2)), Catch::Contains("UTF-16"));
  CHECK(core::text_file_hint("distance_mi,elevation_ft\n0;1\n").empty());
}
