// Repairs: what a reader changed in a file to read it, counted by kind, with the first place of each.
//
// Real telematics exports repeat rows, step backwards by a fraction of a second, drop out, spike, count in
// milliseconds or since 1970, and come out of spreadsheets with semicolons and decimal commas. A reader
// repairs these quirks instead of refusing the file, and every repair is listed on the profile
// (RouteProfile::repairs): nothing is changed silently. ReadOptions::strict turns every repair that would
// change, drop or reinterpret a value into a RouteError at its file and line (today's refusals). Two kinds
// change no value and were always accepted, so strict keeps accepting them: a UTF-8 byte-order mark, a
// time column that starts at an epoch (shifted to 0 either way), and GPS points merged while standing.
// Nonsense is never a repair: text in a number column, a time jump back of more than
// ReadOptions::max_backward_step_s, a distance going back, are RouteErrors in either mode.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace semitco::routes {

enum class RepairKind {
  ByteOrderMark,      ///< UTF-8 byte-order mark at the start of the file, dropped
  Utf16,              ///< UTF-16 text (little- or big-endian, with a byte-order mark), converted to UTF-8
  Semicolons,         ///< ';' separates the fields (a spreadsheet export), read as ','
  DecimalComma,       ///< "12,5" in a ';'-separated file, read as 12.5 (counted per value)
  RepeatedRow,        ///< a row identical to the previous one, dropped
  RepeatedTime,       ///< a timestamp equal to the previous row's with other values: the first row is kept
  RepeatedPoint,      ///< a distance or position equal to the previous row's: the first row is kept
  BackwardStep,       ///< a time step back by at most max_backward_step_s: the row is dropped
  TimeGap,            ///< a time step longer than max_gap_s: bridged by linear interpolation (a warning)
  TripSplit,          ///< a time step longer than max_gap_s under GapRule::Split: a new trip starts there
  SpeedSpike,         ///< one sample whose speed jumps beyond max_spike_accel_mps2 and back: replaced by its
                      ///< neighbours' interpolation
  PositionSpike,      ///< one GPS point far off the line of its neighbours: dropped
  MergedPoint,        ///< a GPS point within 1 cm of the previous one (standing still): merged with it
  EpochSeconds,       ///< time in seconds since 1970: shifted to start at 0
  EpochMilliseconds,  ///< time in milliseconds since 1970: divided by 1000, shifted to start at 0
  MillisecondTime,    ///< a time column counting milliseconds (median step >= 100 "s"): divided by 1000
};

/// One kind of repair in one file: how many times, and where first.
struct Repair {
  RepairKind kind = RepairKind::RepeatedRow;
  std::size_t count = 0;
  std::size_t first_line = 0;    ///< 1-based line (or XML line) of the first occurrence, 0 if none
  std::string first_place;       ///< element or column of the first occurrence ("<trkpt> #12", "time")
  std::string first_value;       ///< the text as written at the first occurrence
};

/// Short name of a kind ("repeated rows dropped").
[[nodiscard]] std::string_view repair_name(RepairKind kind);
/// The rule applied, for messages ("the first row of the instant is kept").
[[nodiscard]] std::string_view repair_rule(RepairKind kind);
/// True for the kinds strict mode refuses (all but ByteOrderMark, EpochSeconds and MergedPoint).
[[nodiscard]] bool strict_refuses(RepairKind kind);

/// "3 repeated timestamps (first at line 12, time '120.0'): the first row of the instant is kept"
[[nodiscard]] std::string repair_text(const Repair& r);
/// "3 repeated timestamps, 1 UTF-8 byte-order mark" (one line, for tables); "" when there are none.
[[nodiscard]] std::string repairs_summary(const std::vector<Repair>& repairs);

/// The repairs of one file as a reader makes them. note() counts one occurrence, or, in strict mode,
/// throws a RouteError naming the file, line, place and value.
class RepairLog {
 public:
  RepairLog(std::string file, bool strict) : file_(std::move(file)), strict_(strict) {}

  /// problem: what was found, quoting the value ("time 120.0 repeats the previous row"), used as the
  /// strict-mode message.
  void note(RepairKind kind, std::size_t line, const std::string& place, const std::string& value,
            const std::string& problem, std::size_t count = 1);

  [[nodiscard]] bool strict() const { return strict_; }
  [[nodiscard]] const std::vector<Repair>& entries() const { return entries_; }
  /// Append the entries to a profile's list (kinds already there add their counts).
  void merge_into(std::vector<Repair>& out) const;

 private:
  std::string file_;
  bool strict_ = false;
  std::vector<Repair> entries_;  ///< in order of first occurrence
};

}  // namespace semitco::routes
