// Fuzz smoke run for `make test` (gcc, no libFuzzer): every committed seed in fuzz/corpus/<reader>/ and
// deterministic mutations of it (truncations, byte flips, inserted separators/digits, duplicated lines)
// go through its reader; only RouteError may come out. The libFuzzer targets in fuzz/ do the real search.
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <sstream>

#include "route_test_util.hpp"

using namespace semitco::routes;
namespace fs = std::filesystem;

namespace {

using Reader = std::function<RouteProfile(std::istream&)>;

std::size_t feed(const std::string& bytes, const Reader& read) {
  std::istringstream in(bytes);
  try {
    (void)read(in);
  } catch (const RouteError&) {
    return 1;
  }
  return 0;
}

std::vector<std::string> mutations(const std::string& seed, std::mt19937& rng) {
  std::vector<std::string> out{seed, std::string(), seed.substr(0, seed.size() / 2)};
  const char* inserts[] = {",", "\n", "#", "-", "e", "9999999", "nan", "\xEF\xBB\xBF", "<", "\"", "\0", "1e308", "\r"};
  std::uniform_int_distribution<std::size_t> pos(0, seed.empty() ? 0 : seed.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int k = 0; k < 150; ++k) {
    std::string m = seed;
    if (m.empty()) break;
    switch (k % 5) {
      case 0: m[pos(rng)] = static_cast<char>(byte(rng)); break;
      case 1: m.insert(pos(rng), inserts[static_cast<std::size_t>(k / 5) % std::size(inserts)]); break;
      case 2: m.erase(pos(rng), 1 + pos(rng) % 8); break;
      case 3: m = m.substr(0, pos(rng)); break;
      case 4: {
        const std::size_t a = pos(rng);
        m.insert(a, m.substr(a, 40));
        break;
      }
    }
    out.push_back(m);
  }
  return out;
}

}  // namespace

TEST_CASE("fuzz smoke: seeds and mutations give a profile or a RouteError, nothing else", "[routes][fuzz]") {
  const std::pair<const char*, Reader> readers[] = {
      {"vdri", [](std::istream& in) { return read_vdri(in, "smoke.vdri"); }},
      {"cycle", [](std::istream& in) { return read_cycle(in, "smoke.csv"); }},
      {"route_csv", [](std::istream& in) { return read_route_csv(in, "smoke.csv"); }},
      {"gpx", [](std::istream& in) { return read_gpx(in, "smoke.gpx"); }},
  };
  std::mt19937 rng(12345);
  for (const auto& [dir, read] : readers) {
    const fs::path corpus = fs::path(semitco::routes::test::source_dir()) / "fuzz" / "corpus" / dir;
    REQUIRE(fs::is_directory(corpus));
    std::size_t seeds = 0, inputs = 0, accepted = 0;
    for (const auto& entry : fs::directory_iterator(corpus)) {
      std::ifstream f(entry.path(), std::ios::binary);
      const std::string seed((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
      ++seeds;
      CHECK(feed(seed, read) == 0);  // every committed seed is a valid input
      for (const std::string& m : mutations(seed, rng)) {
        INFO(dir << " mutation of " << entry.path().filename() << ": " << m);
        std::size_t rejected = 0;
        REQUIRE_NOTHROW(rejected = feed(m, read));
        accepted += 1 - rejected;
        ++inputs;
      }
    }
    INFO(dir);
    CHECK(seeds >= 2);
    CHECK(inputs > 300);
  }
}
