// read_route: format detection and dispatch. Content decides first (XML -> GPX; a header with <s> -> VECTO;
// cycSecs / "Time (s)" -> drive cycle; distance_*/lat -> route CSV); the extension decides only when the
// first record is not conclusive; an explicit Format overrides both.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "routes/detail/line_tokenizer.hpp"
#include "routes/detail/utf16_stream.hpp"
#include "routes/readers.hpp"

namespace semitco::routes {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c); });
  return out;
}

}  // namespace

std::string_view format_name(Format f) {
  switch (f) {
    case Format::Auto: return "auto";
    case Format::Vdri: return "vdri";
    case Format::Cycle: return "cycle";
    case Format::RouteCsv: return "csv";
    case Format::Gpx: return "gpx";
  }
  return "unknown";
}

Format parse_format(std::string_view name) {
  const std::string n = lower(name);
  for (Format f : {Format::Auto, Format::Vdri, Format::Cycle, Format::RouteCsv, Format::Gpx})
    if (n == format_name(f)) return f;
  throw RouteError({}, 0, "format", "unknown route format '" + std::string(name) + "' (auto, vdri, cycle, csv, gpx)",
                   std::string(name));
}

Format detect_format(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RouteError(path, 0, {}, "cannot open file");
  const std::string ext = lower(std::filesystem::path(path).extension().string());
  // the first bytes: XML?
  char head[512] = {};
  in.read(head, sizeof head);
  std::string_view h(head, static_cast<std::size_t>(in.gcount()));
  // UTF-16 with a byte-order mark: look at its first characters as UTF-8
  const char order = h.size() >= 2 ? detail::utf16_bom(static_cast<unsigned char>(h[0]), static_cast<unsigned char>(h[1])) : 0;
  std::string converted;
  if (order) {
    in.clear();
    in.seekg(2);
    detail::Utf16ToUtf8 utf8(in, order);
    std::istream text(&utf8);
    converted.resize(sizeof head);
    text.read(converted.data(), static_cast<std::streamsize>(converted.size()));
    converted.resize(static_cast<std::size_t>(text.gcount()));
    h = converted;
  }
  if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
  const auto first = h.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && h[first] == '<' && (h.substr(first, 5) == "<?xml" || h.substr(first, 4) == "<gpx"))
    return Format::Gpx;
  // the first record of a CSV-like file
  in.clear();
  in.seekg(0);
  detail::LineTokenizer tok(in, path);
  try {
    if (tok.next()) {
      const std::string line = lower(tok.text());
      if (line.find("<s>") != std::string::npos) return Format::Vdri;
      if (line.find("cycsecs") != std::string::npos || line.find("time (s)") != std::string::npos) return Format::Cycle;
      const auto c0 = detail::split_header_cell(tok.field(0)).name;
      if (c0.rfind("distance_", 0) == 0 || c0 == "lat" || c0 == "lat_deg" || c0 == "lon" || c0 == "lon_deg")
        return Format::RouteCsv;
      for (std::size_t i = 0; i < tok.size(); ++i) {
        const auto c = detail::split_header_cell(tok.field(i)).name;
        if (c.rfind("distance_", 0) == 0 || c == "lat" || c == "lat_deg") return Format::RouteCsv;
      }
    }
  } catch (const RouteError&) {
    // unreadable first line: fall back to the extension, the reader will report the problem
  }
  if (ext == ".gpx") return Format::Gpx;
  if (ext == ".vdri") return Format::Vdri;
  if (ext == ".csv") return Format::RouteCsv;
  throw RouteError(path, 0, {}, "cannot tell the route format from the content or the extension '" + ext +
                                    "' (use vdri, cycle, csv or gpx explicitly)", ext);
}

RouteProfile read_route(const std::string& path, Format fmt, const ReadOptions& options) {
  if (fmt == Format::Auto) fmt = detect_format(path);
  switch (fmt) {
    case Format::Vdri: return read_vdri(path, options);
    case Format::Cycle: return read_cycle(path, options);
    case Format::RouteCsv: return read_route_csv(path, options);
    case Format::Gpx: return read_gpx(path, options);
    case Format::Auto: break;
  }
  throw RouteError(path, 0, {}, "no reader for the format");
}

}  // namespace semitco::routes

namespace semitco::routes {

std::vector<RouteProfile> read_route_trips(const std::string& path, Format fmt, const ReadOptions& options) {
  if (fmt == Format::Auto) fmt = detect_format(path);
  if (fmt == Format::Cycle) return read_cycle_trips(path, options);
  std::vector<RouteProfile> one;
  one.push_back(read_route(path, fmt, options));
  return one;
}

}  // namespace semitco::routes
