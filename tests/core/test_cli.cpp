// The command-line tool as a user runs it: exit codes, messages, and `route info` on every bundled route
// and every shared cycle.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {
struct Run {
  int code = -1;
  std::string out;
};

std::string semitco() {
  const char* bin = std::getenv("SEMITCO_BIN_DIR");
  return std::string(bin ? bin : ".") + "/app/semitco";
}

Run run(const std::string& args) {
  Run r;
  const std::string cmd = "cd '" + std::string(SEMITCO_SOURCE_DIR) + "' && '" + semitco() + "' " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), p)) r.out += buf.data();
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}
}  // namespace

TEST_CASE("semitco route info runs on every bundled route and every shared cycle", "[cli]") {
  int files = 0;
  for (const auto& dir : {std::string(SEMITCO_SOURCE_DIR) + "/resources/routes", std::string(SEMITCO_CYCLES_DIR)}) {
    for (const auto& e : fs::directory_iterator(dir)) {
      const auto ext = e.path().extension().string();
      if (ext != ".csv" && ext != ".vdri" && ext != ".gpx") continue;
      const auto r = run("route info '" + e.path().string() + "'");
      INFO(e.path().string() << "\n" << r.out);
      CHECK(r.code == 0);
      CHECK_THAT(r.out, Catch::Contains("length") && Catch::Contains("climb") && Catch::Contains("stops"));
      ++files;
    }
  }
  CHECK(files >= 10);
}

TEST_CASE("semitco compare prints both trucks and the verdict", "[cli]") {
  const auto r = run("compare --route '" + std::string(SEMITCO_CYCLES_DIR) + "/EPA_Ph2_rural_interstate_65mph.csv'");
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("electric") && Catch::Contains("diesel") && Catch::Contains("verdict") &&
                        Catch::Contains("peak brake temperature") && Catch::Contains("break-even"));
}

TEST_CASE("semitco compare --integrator rk prints the reference figures", "[cli]") {
  // The energy line of both trucks, by either integrator, on a hilly public cycle.
  const std::string route = std::string(SEMITCO_CYCLES_DIR) + "/LongHaul.vdri";
  auto energy_line = [](const std::string& out) {
    const auto at = out.find("energy (kWh/mi)");
    REQUIRE(at != std::string::npos);
    return out.substr(at, out.find('\n', at) - at);
  };
  const auto ref = run("compare --route '" + route + "'");
  const auto fast = run("compare --route '" + route + "' --integrator rk");
  REQUIRE(ref.code == 0);
  REQUIRE(fast.code == 0);
  double ev_a = 0, d_a = 0, ev_b = 0, d_b = 0;
  REQUIRE(std::sscanf(energy_line(ref.out).c_str(), "energy (kWh/mi) %lf %lf", &ev_a, &d_a) == 2);
  REQUIRE(std::sscanf(energy_line(fast.out).c_str(), "energy (kWh/mi) %lf %lf", &ev_b, &d_b) == 2);
  CHECK(ev_b == Approx(ev_a).epsilon(2e-3));
  CHECK(d_b == Approx(d_a).epsilon(2e-3));
  CHECK(run("compare --integrator euler").code == 2);
}

TEST_CASE("the command line fails clearly on bad input", "[cli]") {
  SECTION("usage errors exit 2") {
    CHECK(run("").code == 2);
    CHECK(run("compare --no-such-option").code == 2);
    CHECK(run("simulate --route /no/such/file.csv --vehicle resources/vehicles/electric_semi.json").code == 2);
  }
  SECTION("a broken route file names file, line and value and exits 1") {
    const auto path = fs::temp_directory_path() / ("semitco-bad-" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path) << "distance_mi,elevation_ft,speed_limit_mph\n0,100,55\n1,abc,55\n";
    const auto r = run("simulate --route '" + path.string() + "' --vehicle resources/vehicles/electric_semi.json");
    fs::remove(path);
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains(path.filename().string() + ":3") && Catch::Contains("abc"));
  }
  SECTION("--version and --help") {
    CHECK_THAT(run("--version").out, Catch::Contains("semitco"));
    const auto help = run("compare --help");
    CHECK(help.code == 0);
    CHECK_THAT(help.out, Catch::Contains("--scenario") && Catch::Contains("Example"));
  }
}

TEST_CASE("semitco vehicles list and show print the library with units and sources", "[cli][vehicles]") {
  const auto list = run("vehicles list");
  REQUIRE(list.code == 0);
  for (const char* name :
       {"tesla_semi_standard_range", "tesla_semi_long_range", "freightliner_ecascadia_6x4_438kwh",
        "freightliner_ecascadia_4x2_291kwh", "volvo_vnr_electric_6x2_565kwh", "peterbilt_579ev_400kwh",
        "freightliner_cascadia_dd15", "kenworth_t680_mx13_daycab", "volvo_vnl_d13tc"}) {
    CHECK_THAT(list.out, Catch::Contains(name));
  }
  CHECK_THAT(list.out, Catch::Contains("822 kWh usable"));       // Tesla Long Range
  CHECK_THAT(list.out, Catch::Contains("500 mi at 82,000 lb"));  // its claim
  CHECK_THAT(list.out, Catch::Contains("377 kW (505 hp)"));      // DD15
  CHECK_THAT(list.out, Catch::Contains("metadata.claimed_range_mi: Tesla"));
  const auto metric = run("--metric vehicles list");
  REQUIRE(metric.code == 0);
  CHECK_THAT(metric.out, Catch::Contains("805 km at 37,195 kg"));

  const auto show = run("vehicles show volvo_vnr_electric_6x2_565kwh");
  REQUIRE(show.code == 0);
  CHECK_THAT(show.out, Catch::Contains("battery.capacity_Ah"));
  CHECK_THAT(show.out, Catch::Contains("chassis.cda_m2                               5.72 m2 (61.57 ft2)"));
  CHECK_THAT(show.out, Catch::Contains("source: Volvo Trucks North America press release"));
  CHECK_THAT(show.out, Catch::Contains("range note"));

  const auto unknown = run("vehicles show nope");
  CHECK(unknown.code == 1);
  CHECK_THAT(unknown.out, Catch::Contains("no vehicle 'nope'") && Catch::Contains("volvo_vnl_d13tc"));
}

TEST_CASE("command-line whole numbers state their real range in words", "[cli]") {
  struct Case {
    const char* args;
    const char* message;
  };
  const Case cases[] = {
      {"batch resources/routes --out /tmp/semitco-never.csv --jobs 0", "--jobs must be a whole number from 1 to 256"},
      {"batch resources/routes --out /tmp/semitco-never.csv --jobs 2.5", "--jobs must be a whole number from 1 to 256"},
      {"tco --monte-carlo 1e7", "--monte-carlo must be a whole number from 1 to 10,000,000"},
      {"tco --monte-carlo 10000001", "--monte-carlo must be a whole number from 1 to 10,000,000"},
      // -1 used to become 18446744073709551615.
      {"tco --seed -1", "--seed must be a whole number from 0 to 18,446,744,073,709,551,615"},
      {"tco --seed 18446744073709551616", "--seed must be a whole number from 0 to"},
  };
  for (const auto& c : cases) {
    const auto r = run(c.args);
    INFO(c.args << "\n" << r.out);
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains(c.message));
    CHECK(r.out.size() < 400);  // no 309-digit bound
  }
}
