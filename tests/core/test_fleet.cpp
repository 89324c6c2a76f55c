// semitco fleet acceptance: a generated fleet month, 30 vehicles x 20 days built from the shared public
// cycles (../shared/data/cycles, by relative path), once clean and once with telematics quirks injected,
// one kind per file in turn (repeated rows, repeated timestamps, small backward steps, a one-minute gap,
// speed spikes, epoch seconds, epoch milliseconds, a millisecond counter, semicolons with decimal
// commas, UTF-16 in both byte orders, and a GPS position spike in a lat/lon CSV track and in a GPX track,
// the two track lanes a 30 km synthetic drive over rolling hills). Every quirk is reported with the count injected here, no file is refused, and every vehicle's
// miles, energy and savings equal the clean month's within 0.5 %. The XLSX is read back: one row per
// vehicle in the "electrify first" sheet, in the ranking's order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "app/core/fleet.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
using batch_test::TempDir;
namespace fs = std::filesystem;

namespace {

struct Cycle {
  std::string lane, header;  ///< header as written (with a byte-order mark if the file has one)
  std::vector<std::vector<std::string>> rows;
  bool has_bom = false;
};

Cycle load_cycle(const std::string& file, const std::string& lane) {
  std::ifstream in(std::string(SEMITCO_CYCLES_DIR) + "/" + file, std::ios::binary);
  REQUIRE(in);
  Cycle c;
  c.lane = lane;
  std::getline(in, c.header);
  c.has_bom = c.header.rfind("\xEF\xBB\xBF", 0) == 0;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream s(line);
    for (std::string x; std::getline(s, x, ',');) f.push_back(x);
    c.rows.push_back(f);
  }
  return c;
}

enum Quirk {
  kRepeatRow, kRepeatTime, kBackStep, kGap, kSpike, kEpochS, kEpochMs, kMsCounter, kSemicolons, kUtf16Le, kUtf16Be,
  kPositionSpikeCsv, kPositionSpikeGpx, kQuirks
};

/// ASCII text as UTF-16 with its byte-order mark ('L' little-endian, 'B' big-endian).
std::string utf16(const std::string& ascii, char order) {
  std::string out = order == 'L' ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) out += order == 'L' ? std::string{c, '\0'} : std::string{'\0', c};
  return out;
}

/// A GPS track of 1,200 s at 25 m/s along the equator (1 Hz, 0.000224578 deg a second: 25 m / (a pi / 180))
/// over a 30 m hill every 10 km, as a lat/lon CSV with time_s or as a GPX with <time>; with a spike, point
/// 600 jumps 0.01 deg (1.1 km) north for one sample.
std::string track(bool gpx, bool spike) {
  const double deg_per_s = 25.0 / (6378137.0 * 3.14159265358979 / 180.0);
  std::string text = gpx ? "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\"><trk><trkseg>\n" : "lat,lon,ele,time_s\n";
  char line[200];
  for (int i = 0; i <= 1200; ++i) {
    const double lat = spike && i == 600 ? 0.01 : 0.0, lon = deg_per_s * i;
    const double ele = 100.0 + 30.0 * std::sin(2.0 * 3.14159265358979 * 25.0 * i / 10000.0);
    if (gpx)
      std::snprintf(line, sizeof line, "<trkpt lat=\"%.6f\" lon=\"%.9f\"><ele>%.2f</ele><time>2024-05-01T08:%02d:%02dZ</time></trkpt>\n",
                    lat, lon, ele, i / 60, i % 60);
    else
      std::snprintf(line, sizeof line, "%.6f,%.9f,%.2f,%d\n", lat, lon, ele, 1714550400 + i);
    text += line;
  }
  return text + (gpx ? "</trkseg></trk></gpx>\n" : "");
}

std::string join(const std::vector<std::string>& f, char sep) {
  std::string s;
  for (std::size_t i = 0; i < f.size(); ++i) s += (i ? std::string(1, sep) : "") + f[i];
  return s;
}
std::string num(double v) {
  char b[40];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

/// The cycle's text with one quirk; `expect` gets the repairs the reader must report (kind -> count).
std::string with_quirk(const Cycle& c, Quirk q, std::map<routes::RepairKind, std::size_t>& expect) {
  using routes::RepairKind;
  auto rows = c.rows;
  const std::size_t k = rows.size() / 2;  // mid-trace
  const double tk = std::stod(rows[k][0]);
  switch (q) {
    case kRepeatRow:
      rows.insert(rows.begin() + static_cast<long>(k), rows[k]);
      ++expect[RepairKind::RepeatedRow];
      break;
    case kRepeatTime: {
      auto r = rows[k];
      r[1] = num(std::stod(r[1]) * 1.1 + 0.5);
      rows.insert(rows.begin() + static_cast<long>(k) + 1, r);
      ++expect[RepairKind::RepeatedTime];
      break;
    }
    case kBackStep: {
      auto r = rows[k];
      r[0] = num(tk - 0.5);
      rows.insert(rows.begin() + static_cast<long>(k) + 1, r);
      ++expect[RepairKind::BackwardStep];
      break;
    }
    case kGap:  // a 65 s dropout on the flat cruise cycle at ~54 mph: the linear interpolation is close
      rows.erase(rows.begin() + static_cast<long>(k), rows.begin() + static_cast<long>(k) + 64);
      ++expect[RepairKind::TimeGap];
      break;
    case kSpike:
      rows[k][1] = num(std::stod(rows[k][1]) + 20.0);  // +72 km/h for one second
      ++expect[RepairKind::SpeedSpike];
      break;
    case kEpochS:
      for (auto& r : rows) r[0] = num(std::stod(r[0]) + 1.7e9);
      ++expect[RepairKind::EpochSeconds];
      break;
    case kEpochMs:
      for (auto& r : rows) r[0] = num(std::stod(r[0]) * 1000.0 + 1.7e12);
      ++expect[RepairKind::EpochMilliseconds];
      break;
    case kMsCounter:
      for (auto& r : rows) r[0] = num(std::stod(r[0]) * 1000.0);
      ++expect[RepairKind::MillisecondTime];
      break;
    case kSemicolons:
      for (auto& r : rows)
        for (auto& f : r)
          if (f.find('.') != std::string::npos) {
            f[f.find('.')] = ',';
            ++expect[RepairKind::DecimalComma];
          }
      ++expect[RepairKind::Semicolons];
      break;
    case kUtf16Le:
    case kUtf16Be:
      ++expect[RepairKind::Utf16];
      break;
    case kPositionSpikeCsv:
    case kPositionSpikeGpx:
      ++expect[RepairKind::PositionSpike];
      return track(q == kPositionSpikeGpx, true);
    case kQuirks: break;
  }
  if (q == kUtf16Le || q == kUtf16Be) {  // the whole text converted (without the UTF-8 mark)
    std::string text = c.header.substr(c.has_bom ? 3 : 0) + "\n";
    for (const auto& r : rows) text += join(r, ',') + "\n";
    return utf16(text, q == kUtf16Le ? 'L' : 'B');
  }
  if (c.has_bom) ++expect[RepairKind::ByteOrderMark];
  const char sep = q == kSemicolons ? ';' : ',';
  std::string header = c.header;
  if (q == kSemicolons)
    for (auto& ch : header)
      if (ch == ',') ch = ';';
  std::string text = header + "\n";
  for (const auto& r : rows) text += join(r, sep) + "\n";
  return text;
}

std::string clean_text(const Cycle& c) {
  std::string text = c.header + "\n";
  for (const auto& r : c.rows) text += join(r, ',') + "\n";
  return text;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::size_t count_of(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("fleet: a generated month with every quirk gives the clean month's results", "[fleet][acceptance]") {
  const std::vector<Cycle> cycles = {load_cycle("EPA_Ph2_transient.csv", "transient"),
                                     load_cycle("EPA_Ph2_urban_highway_55mph.csv", "highway55"),
                                     load_cycle("EPA_Ph2_rural_interstate_65mph.csv", "rural65"),
                                     load_cycle("HHDDTCruiseSmooth.csv", "cruise")};
  TempDir tmp("fleet");
  const fs::path clean = tmp.path / "clean", quirky = tmp.path / "quirky";
  std::map<routes::RepairKind, std::size_t> expect;
  std::size_t files = 0;
  for (int v = 1; v <= 30; ++v) {
    char vehicle[8];
    std::snprintf(vehicle, sizeof vehicle, "T%02d", v);
    for (int d = 1; d <= 20; ++d) {
      const int j = (v - 1) * 20 + (d - 1);
      const auto q = static_cast<Quirk>(j % kQuirks);
      // each vehicle its own mix of lanes; a gap day drives the flat cruise cycle (a dropout on a graded
      // road loses the grade of the minute missing: no reader can restore that)
      const Cycle& c = q == kGap ? cycles[3] : cycles[static_cast<std::size_t>((v * 7 + d * (1 + v % 3)) % 4)];
      const bool gps = q == kPositionSpikeCsv || q == kPositionSpikeGpx;  // the GPS-track lanes
      const std::string lane = q == kPositionSpikeCsv ? "trackcsv" : q == kPositionSpikeGpx ? "trackgpx" : c.lane;
      const std::string ext = q == kPositionSpikeGpx ? ".gpx" : ".csv";
      char day[8];
      std::snprintf(day, sizeof day, "d%02d", d);
      // half the vehicles in sub-folders, half named in the file
      const std::string rel = v <= 15 ? std::string(vehicle) + "/" + day + "_" + lane + ext
                                      : std::string(vehicle) + "_" + day + "_" + lane + ext;
      write(clean / rel, gps ? track(q == kPositionSpikeGpx, false) : clean_text(c));
      write(quirky / rel, with_quirk(c, q, expect));
      ++files;
    }
  }
  std::ostringstream log;
  core::FleetOptions o;
  o.integrator = "rk";
  o.progress = core::ProgressMode::Off;
  o.dir = clean.string();
  const core::FleetReport base = core::run_fleet(o, log);
  o.dir = quirky.string();
  const core::FleetReport got = core::run_fleet(o, log);

  REQUIRE(base.days.size() == files);
  REQUIRE(got.days.size() == files);
  CHECK(base.failed == 0);
  CHECK(got.failed == 0);  // no file refused for a repairable quirk
  CHECK(base.simulated == 6);  // identical days are simulated once (four cycles, two tracks)
  for (const auto& d : got.days) {
    INFO(d.file << ": " << d.error);
    CHECK(d.ok);
  }
  // every quirk reported with the count injected
  REQUIRE(got.repairs.size() == expect.size());
  for (const auto& r : got.repairs) {
    INFO(routes::repair_name(r.kind));
    REQUIRE(expect.count(r.kind) == 1);
    CHECK(r.count == expect[r.kind]);
  }
  // the clean month needs no repair but the cycles' own byte-order marks
  for (const auto& r : base.repairs) CHECK(r.kind == routes::RepairKind::ByteOrderMark);

  for (std::size_t i = 0; i < got.days.size(); ++i) {
    const auto& a = base.days[i];
    const auto& b = got.days[i];
    INFO(b.file << " " << routes::repairs_summary(b.repairs));
    // each day too, but for the gap days (within 1 %: a minute of the speed trace is interpolated)
    CHECK(b.miles == Approx(a.miles).epsilon(0.005));
    const bool gap = std::any_of(b.repairs.begin(), b.repairs.end(), [](const routes::Repair& r) { return r.kind == routes::RepairKind::TimeGap; });
    CHECK(b.ev_energy_kWh == Approx(a.ev_energy_kWh).epsilon(gap ? 0.01 : 0.005));
  }
  REQUIRE(got.vehicles.size() == 30);
  REQUIRE(base.vehicles.size() == 30);
  for (std::size_t i = 0; i < 30; ++i) {
    const auto& a = base.vehicles[i];
    const auto& b = got.vehicles[i];
    INFO(a.name);
    REQUIRE(a.name == b.name);
    CHECK(b.days == 20);
    CHECK(b.miles == Approx(a.miles).epsilon(0.005));
    CHECK(b.ev_energy_kWh == Approx(a.ev_energy_kWh).epsilon(0.005));
    CHECK(b.depot_only_days == a.depot_only_days);
    CHECK(b.costed == a.costed);
    CHECK(b.ev_usd_per_mi == Approx(a.ev_usd_per_mi).epsilon(0.005));
    CHECK(b.savings_usd_per_yr == Approx(a.savings_usd_per_yr).epsilon(0.005));
  }
  REQUIRE(got.lanes.size() == 6);
  // a vehicle's miles are its days' cycle distances: the clean month against the days themselves
  double sum = 0.0;
  for (const auto& d : base.days)
    if (d.vehicle == "T01") sum += d.miles;
  CHECK(base.vehicles[0].miles == Approx(sum));

  // the workbook, read back
  const std::string xlsx = (tmp.path / "fleet.xlsx").string();
  core::write_fleet_xlsx(got, xlsx);
  const auto book = batch_test::run("unzip -p " + xlsx + " xl/workbook.xml", tmp.path);
  REQUIRE(book.exit_code == 0);
  CHECK_THAT(book.out, Catch::Contains("name=\"electrify first\""));
  CHECK_THAT(book.out, Catch::Contains("name=\"run\""));
  const auto sheet = batch_test::run("unzip -p " + xlsx + " xl/worksheets/sheet1.xml", tmp.path);
  const auto strings = batch_test::run("unzip -p " + xlsx + " xl/sharedStrings.xml", tmp.path);
  CHECK(count_of(sheet.out, "<row ") == 31);  // header + one row per vehicle
  // the ranking: savings a year descending down the sheet, every vehicle once
  const auto order = core::electrify_first(got);
  REQUIRE(order.size() == 30);
  for (std::size_t i = 1; i < order.size(); ++i)
    if (order[i]->costed) CHECK(order[i - 1]->savings_usd_per_yr >= order[i]->savings_usd_per_yr);
  for (const auto* g : order) CHECK(count_of(strings.out, "<t>" + g->name + "</t>") >= 1);
  // the "run" sheet names the model the trips ran with (every result that used one says which)
  CHECK(count_of(strings.out, "<t>Trips simulated with</t>") == 1);
  CHECK(count_of(strings.out, "<t>rk (fast)</t>") == 1);
  // the first data row's vehicle is the top of the ranking (shared string index of its name)
  std::vector<std::string> shared;
  for (auto p = strings.out.find("<t>"); p != std::string::npos; p = strings.out.find("<t>", p + 1))
    shared.push_back(strings.out.substr(p + 3, strings.out.find("</t>", p) - p - 3));
  const auto row2 = sheet.out.find("<row r=\"2\"");
  REQUIRE(row2 != std::string::npos);
  const auto cell = sheet.out.find("<c r=\"B2\" t=\"s\"><v>", row2);
  REQUIRE(cell != std::string::npos);
  const auto idx = static_cast<std::size_t>(std::stoul(sheet.out.substr(cell + 19)));
  REQUIRE(idx < shared.size());
  CHECK(shared[idx] == order.front()->name);
}
