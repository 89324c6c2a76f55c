// The command line shows what the route readers repaired: `route info` lists each repair with its count
// and first line, `--strict` refuses the file at that line, a comparison prints the repairs as notes, and
// `semitco fleet` runs a small folder (vehicle from a sub-folder and from a file name) into a workbook.
#include <catch2/catch.hpp>

#include <fstream>

#include "test_batch_util.hpp"

using batch_test::bin;
using batch_test::run;
using batch_test::TempDir;

namespace {
// 1 Hz at 10 m/s, one repeated row (line 4) and one repeated timestamp with another speed (line 6)
const char* kQuirky = "cycSecs,cycMps,cycGrade\n0,10,0\n1,10,0\n1,10,0\n2,10,0\n2,12,0\n3,10,0\n4,10,0\n";
}  // namespace

TEST_CASE("route info lists the repairs, --strict refuses them at file and line", "[cli][repairs]") {
  if (bin().empty()) return;
  TempDir tmp("repairs-cli");
  std::ofstream(tmp.path / "quirky.csv") << kQuirky;
  const auto info = run(bin() + " route info quirky.csv", tmp.path);
  CHECK(info.exit_code == 0);
  CHECK_THAT(info.out, Catch::Contains("repairs       2"));
  CHECK_THAT(info.out, Catch::Contains("1 x repeated rows dropped (first at line 4"));
  CHECK_THAT(info.out, Catch::Contains("1 x repeated timestamps resolved (first at line 6"));
  CHECK_THAT(info.out, Catch::Contains("length        0.02 mi"));  // 40 m: 4 s at 10 m/s
  const auto strict = run(bin() + " route info --strict quirky.csv", tmp.path);
  CHECK(strict.exit_code == 1);
  CHECK_THAT(strict.err, Catch::Contains("quirky.csv:4: row repeats the previous row"));
  const auto cmp = run(bin() + " compare --integrator rk --route quirky.csv", tmp.path);
  CHECK_THAT(cmp.out, Catch::Contains("repaired: 1 x repeated rows dropped"));
}

TEST_CASE("semitco fleet runs a folder into per-vehicle lines and a workbook", "[cli][fleet]") {
  if (bin().empty()) return;
  TempDir tmp("fleet-cli");
  std::filesystem::create_directories(tmp.path / "days" / "A1");
  std::ofstream(tmp.path / "days" / "A1" / "d1_yard.csv") << kQuirky;
  std::ofstream(tmp.path / "days" / "A1" / "d2_yard.csv") << kQuirky;
  std::ofstream(tmp.path / "days" / "B2_d1_yard.csv") << kQuirky;
  std::ofstream(tmp.path / "days" / "notes.csv") << kQuirky;  // no vehicle in its name: a failed day
  const auto r = run(bin() + " fleet days --integrator rk --out fleet.xlsx", tmp.path);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("4 vehicle-day files, 3 trips, 2 vehicles, 1 lanes, 1 failed (1 distinct files simulated)"));
  CHECK_THAT(r.out, Catch::Contains("3 x repeated rows dropped in 3 files"));
  CHECK_THAT(r.out, Catch::Contains("failed: ") && Catch::Contains("notes.csv"));
  const auto book = run("unzip -p fleet.xlsx xl/workbook.xml", tmp.path);
  CHECK_THAT(book.out, Catch::Contains("name=\"electrify first\"") && Catch::Contains("name=\"repairs\""));
  CHECK_FALSE(std::filesystem::exists(tmp.path / "fleet.xlsx.partial.jsonl"));  // the journal goes with the report
  const auto resumed = run(bin() + " fleet days --integrator rk --out fleet.xlsx --resume", tmp.path);
  CHECK(resumed.exit_code == 1);
  CHECK_THAT(resumed.err, Catch::Contains("--resume: no journal"));
}

TEST_CASE("gap split: route info lists the trips, a one-trip command refuses the file at its gap", "[cli][repairs]") {
  if (bin().empty()) return;
  TempDir tmp("gap-split-cli");
  // 10 m/s, no row for 99 s, 10 m/s again: two trips of 10 m and 20 m
  std::ofstream(tmp.path / "gap.csv") << "cycSecs,cycMps,cycGrade\n0,10,0\n1,10,0\n100,10,0\n101,10,0\n102,10,0\n";
  const auto info = run(bin() + " route info --gap-split gap.csv", tmp.path);
  CHECK(info.exit_code == 0);
  CHECK_THAT(info.out, Catch::Contains("trip 1 of 2") && Catch::Contains("trip 2 of 2"));
  CHECK_THAT(info.out, Catch::Contains("1 x trips split at time gaps (first at line 4"));
  const auto cmp = run(bin() + " compare --integrator rk --gap-split --route gap.csv", tmp.path);
  CHECK(cmp.exit_code != 0);
  CHECK_THAT(cmp.err, Catch::Contains("gap.csv:4") && Catch::Contains("splits into 2 trips"));
  const auto both = run(bin() + " route info --gap-split --gap-stop gap.csv", tmp.path);
  CHECK(both.exit_code != 0);
}
