// Repair names, rules and the per-file log; see repairs.hpp.
#include "routes/repairs.hpp"

#include <algorithm>

#include "routes/route_error.hpp"

namespace semitco::routes {

std::string_view repair_name(RepairKind kind) {
  switch (kind) {
    case RepairKind::ByteOrderMark: return "UTF-8 byte-order mark dropped";
    case RepairKind::Utf16: return "UTF-16 text converted to UTF-8";
    case RepairKind::Semicolons: return "semicolon separators read as commas";
    case RepairKind::DecimalComma: return "decimal commas read as points";
    case RepairKind::RepeatedRow: return "repeated rows dropped";
    case RepairKind::RepeatedTime: return "repeated timestamps resolved";
    case RepairKind::RepeatedPoint: return "repeated points dropped";
    case RepairKind::BackwardStep: return "small backward time steps dropped";
    case RepairKind::TimeGap: return "time gaps bridged";
    case RepairKind::TripSplit: return "trips split at time gaps";
    case RepairKind::SpeedSpike: return "speed spikes filtered";
    case RepairKind::PositionSpike: return "position spikes dropped";
    case RepairKind::MergedPoint: return "standing GPS points merged";
    case RepairKind::EpochSeconds: return "epoch seconds recognised";
    case RepairKind::EpochMilliseconds: return "epoch milliseconds recognised";
    case RepairKind::MillisecondTime: return "millisecond time column recognised";
  }
  return "repair";
}

std::string_view repair_rule(RepairKind kind) {
  switch (kind) {
    case RepairKind::ByteOrderMark: return "the mark is not data";
    case RepairKind::Utf16: return "each character read as its UTF-8 bytes; the byte order from the mark";
    case RepairKind::Semicolons: return "the header has ';' and no ','";
    case RepairKind::DecimalComma: return "in a ';'-separated file ',' is the decimal mark";
    case RepairKind::RepeatedRow: return "a row equal to the previous one adds nothing";
    case RepairKind::RepeatedTime: return "the first row of the instant is kept, later ones dropped";
    case RepairKind::RepeatedPoint: return "the first row at the point is kept, later ones dropped";
    case RepairKind::BackwardStep: return "a row earlier than the previous one (by up to the allowed step) is dropped";
    case RepairKind::TimeGap: return "speed interpolated linearly across the gap (or a halt, with the stop rule)";
    case RepairKind::TripSplit: return "the trace before the gap ends a trip, the row after it starts the next (each from time 0)";
    case RepairKind::SpeedSpike: return "the sample is replaced by the interpolation of its neighbours";
    case RepairKind::PositionSpike: return "the point is dropped; its neighbours are joined";
    case RepairKind::MergedPoint: return "a point within 1 cm of the previous one adds no distance";
    case RepairKind::EpochSeconds: return "time shifted to start at 0";
    case RepairKind::EpochMilliseconds: return "time divided by 1000 and shifted to start at 0";
    case RepairKind::MillisecondTime: return "time divided by 1000";
  }
  return "";
}

bool strict_refuses(RepairKind kind) {
  return kind != RepairKind::ByteOrderMark && kind != RepairKind::EpochSeconds && kind != RepairKind::MergedPoint;
}

std::string repair_text(const Repair& r) {
  std::string s = std::to_string(r.count) + " x " + std::string(repair_name(r.kind));
  std::string where;
  if (r.first_line > 0) where = "line " + std::to_string(r.first_line);
  if (!r.first_place.empty()) where += (where.empty() ? "" : ", ") + r.first_place;
  if (!r.first_value.empty()) where += (where.empty() ? "'" : " '") + r.first_value + "'";
  if (!where.empty()) s += " (first at " + where + ")";
  return s + ": " + std::string(repair_rule(r.kind));
}

std::string repairs_summary(const std::vector<Repair>& repairs) {
  std::string s;
  for (const Repair& r : repairs) {
    if (!s.empty()) s += "; ";
    s += std::to_string(r.count) + " x " + std::string(repair_name(r.kind));
    if (r.first_line > 0) s += " (first line " + std::to_string(r.first_line) + ")";
  }
  return s;
}

void RepairLog::note(RepairKind kind, std::size_t line, const std::string& place, const std::string& value,
                     const std::string& problem, std::size_t count) {
  // an XML element names the place in the message; a column is already named in the problem
  if (strict_ && strict_refuses(kind))
    throw RouteError(file_, line, !place.empty() && place.front() == '<' ? place : std::string(), problem + " (refused in strict mode; without --strict: " +
                                             std::string(repair_name(kind)) + ", " + std::string(repair_rule(kind)) + ")",
                     value);
  for (Repair& r : entries_) {
    if (r.kind == kind) {
      r.count += count;
      return;
    }
  }
  entries_.push_back(Repair{kind, count, line, place, value.substr(0, 60)});
}

void RepairLog::merge_into(std::vector<Repair>& out) const {
  for (const Repair& e : entries_) {
    const auto it = std::find_if(out.begin(), out.end(), [&](const Repair& r) { return r.kind == e.kind; });
    if (it == out.end()) out.push_back(e);
    else it->count += e.count;
  }
}

}  // namespace semitco::routes
