// A 1 GiB route file of each kind is refused quickly and without reading it into memory. The files are
// sparse (a real header, then 1 GiB of zero bytes that take no disk space), so the test is cheap.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "routes/readers.hpp"

using namespace semitco::routes;
namespace fs = std::filesystem;

namespace {
long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

std::string sparse_file(const std::string& name, const std::string& head) {
  const auto path = (fs::temp_directory_path() / (std::to_string(::getpid()) + "-" + name)).string();
  const int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, head.data(), head.size()) == static_cast<ssize_t>(head.size()));
  REQUIRE(::ftruncate(fd, off_t{1} << 30) == 0);  // 1 GiB
  ::close(fd);
  return path;
}

void check_refused(const std::string& path, const std::string& expect_in_message) {
  const long before = peak_rss_kb();
  try {
    read_route(path);
    FAIL("a 1 GiB file of zeros was accepted");
  } catch (const RouteError& e) {
    const std::string msg = e.what();
    INFO(msg);
    CHECK_THAT(msg, Catch::Contains(fs::path(path).filename().string()) && Catch::Contains(expect_in_message));
  }
  // Streamed or refused up front: the peak memory grew by far less than the file.
  CHECK(peak_rss_kb() - before < 64 * 1024);
  fs::remove(path);
}
}  // namespace

TEST_CASE("a 1 GiB route file is refused without being read into memory", "[routes][bad-input][huge]") {
  check_refused(sparse_file("huge.vdri", "<s>,<v>,<grad>,<stop>\n0,0,0,2\n10,60,1,0\n"), ":4");
  check_refused(sparse_file("huge_cycle.csv", "cycSecs,cycMps,cycGrade,cycRoadType\n0,0,0,0\n1,1,0,0\n"), ":4");
  check_refused(sparse_file("huge_route.csv", "distance_m,elevation_m,speed_limit_mps\n0,100,25\n100,101,25\n"), ":4");
  // GPX is streamed now: the first zero byte is an XML error on the line after the header
  check_refused(sparse_file("huge.gpx", "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\">\n"), ":3: XML error");
}
