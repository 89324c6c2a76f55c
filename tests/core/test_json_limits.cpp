// Bounded JSON input (issue 14, findings 3 and 6): the size and depth limits are checked before parsing
// and named in the error; a message quoting input stays short and never recurses without limit; a
// device, a pipe or an oversized file is refused at once.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "app/core/json_params.hpp"
#include "app/core/scenario.hpp"
#include "app/core/text.hpp"
#include "app/core/vehicle_file.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
namespace fs = std::filesystem;
using batch_test::TempDir;

namespace {

std::string nested_array(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

double seconds_of(const std::function<void()>& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("a JSON array nested 100,000 deep is refused by the depth limit, not a stack overflow", "[json]") {
  TempDir dir("deep-json");
  const auto scenario = dir.path / "deep.json";
  std::ofstream(scenario) << "{\"name\": " << nested_array(100000) << "}";
  const std::string msg = error_of([&] { (void)core::load_scenario(scenario.string()); });
  INFO(msg);
  CHECK_THAT(msg, Catch::Contains("nested deeper than the limit of 256 levels") && Catch::Contains("deep.json:1:"));
  const auto vehicle = dir.path / "ev.json";
  std::ofstream(vehicle) << "{\"type\": \"electric\", \"chassis\": {\"tractor_mass_kg\": " << nested_array(100000)
                         << "}}";
  CHECK_THAT(error_of([&] { (void)core::load_electric_truck(vehicle.string()); }), Catch::Contains("256 levels"));
  // Brackets inside strings and comments do not count.
  CHECK_NOTHROW(core::parse_json_text("{\"a\": \"" + std::string(1000, '[') + "\" // " + std::string(1000, '{') +
                                          "\n}",
                                      "strings.json"));
}

TEST_CASE("an error quoting a nested or long value stays short", "[json]") {
  TempDir dir("quote-json");
  const auto scenario = dir.path / "s.json";
  // 250 deep passes the depth limit: the "not a string" message must quote it in bounded form.
  std::ofstream(scenario) << "{\"name\": " << nested_array(250) << "}";
  const std::string msg = error_of([&] { (void)core::load_scenario(scenario.string()); });
  INFO(msg);
  CHECK_THAT(msg, Catch::Contains("not a string"));
  CHECK(msg.size() < scenario.string().size() + 120);
  const nlohmann::json long_string = std::string(100000, 'x');
  CHECK(core::quote_json(long_string).size() <= 60);
  CHECK(core::quote_json(nlohmann::json::parse(nested_array(250))) == "[[[[[...]]]]]");
  // A binary value quoted in a message is printable UTF-8.
  const nlohmann::json bad = std::string("\x1b[31m\xff\xfe");
  CHECK(core::is_printable(core::quote_json(bad)));
}

TEST_CASE("/dev/zero, a pipe, a directory and an oversized file are refused at once", "[json]") {
  TempDir dir("big-json");
  double took = seconds_of([] {
    CHECK_THAT(error_of([] { (void)core::load_scenario("/dev/zero"); }), Catch::Contains("character device"));
  });
  CHECK(took < 1.0);
  const auto fifo = dir.path / "pipe.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  took = seconds_of([&] {
    CHECK_THAT(error_of([&] { (void)core::load_scenario(fifo.string()); }), Catch::Contains("named pipe"));
  });
  CHECK(took < 1.0);
  CHECK_THAT(error_of([&] { (void)core::read_json_file(dir.path.string()); }), Catch::Contains("directory"));
  const auto big = dir.path / "big.json";
  { std::ofstream(big) << "{}"; }
  fs::resize_file(big, core::kMaxJsonBytes + 1);  // sparse: no disk used
  took = seconds_of([&] {
    CHECK_THAT(error_of([&] { (void)core::load_scenario(big.string()); }),
               Catch::Contains("64 MiB limit") && Catch::Contains("kMaxJsonBytes"));
  });
  CHECK(took < 1.0);
}

TEST_CASE("the command line refuses --scenario /dev/zero quickly", "[json][cli]") {
  const std::string exe = batch_test::bin();
  if (exe.empty()) return;
  TempDir dir("dev-zero-cli");
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = batch_test::run(exe + " compare --scenario /dev/zero", dir.path);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 5.0);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("/dev/zero") && Catch::Contains("not a regular file"));
}

TEST_CASE("a number beyond a double is an input error naming the file (found by fuzz_scenario)", "[json]") {
  for (const char* number : {"1e5000", "-2222222222222222222222222222E2222222222222222222222"}) {
    const std::string msg = error_of([&] {
      (void)core::parse_json_text(std::string("{\"name\": ") + number + "}", "huge.json");
    });
    INFO(msg);
    CHECK_THAT(msg, Catch::Contains("huge.json: invalid JSON") && Catch::Contains("finite"));
    CHECK_THROWS_AS(core::parse_json_text(std::string("[") + number + "]", "huge.json"), core::InputError);
  }
}
