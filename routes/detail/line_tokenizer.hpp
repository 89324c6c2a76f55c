// LineTokenizer: the one CSV/line tokenizer shared by every CSV-like reader (VECTO .vdri, FASTSim/T3CO
// cycles, route CSV). It streams a std::istream line by line through a fixed buffer (a 1 GB file is never
// held in memory; a line longer than kMaxLineBytes is refused), skips blank lines and '#' comments,
// drops a UTF-8 byte-order mark and a trailing '\r', splits on ',' and trims blanks around fields.
// Numbers are parsed with std::from_chars (locale independent); NaN and infinity are refused.
// Spreadsheet exports: when the first record has ';' and no ',', ';' separates the fields and ',' is the
// decimal mark. The byte-order mark, the separator and each decimal comma are repairs noted in the
// RepairLog given (strict mode refuses the last two). UTF-16 text with a byte-order mark (either byte
// order) is converted to UTF-8 as it streams (detail/utf16_stream.hpp), a repair strict mode refuses
// naming the encoding.
// Every failure is a RouteError naming the file, the line and the offending text.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "routes/detail/utf16_stream.hpp"
#include "routes/repairs.hpp"

namespace semitco::routes::detail {

/// A header cell split into its name and an optional unit: "<v> [km/h]" -> {"<v>", "km/h"},
/// "Time (s)" stays whole (the cycle reader matches it literally). The name is lower-cased.
struct HeaderCell {
  std::string name;
  std::string unit;  ///< text inside "[...]", empty if none
  std::string raw;   ///< the cell as written (for messages)
};
HeaderCell split_header_cell(std::string_view cell);

/// Parse a whole field as a finite double; false if it is not exactly one finite number.
bool parse_finite_double(std::string_view text, double& out);

class LineTokenizer {
 public:
  static constexpr std::size_t kMaxLineBytes = 64 * 1024;

  /// repairs: where the byte-order mark, semicolons and decimal commas are noted (may be null: then they
  /// are accepted unnoted, as for format sniffing).
  LineTokenizer(std::istream& in, std::string name, RepairLog* repairs = nullptr);

  /// Advance to the next record (non-blank, non-comment line). False at end of input.
  bool next();

  [[nodiscard]] std::size_t line() const { return line_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::size_t size() const { return fields_.size(); }
  [[nodiscard]] std::string_view field(std::size_t i) const { return fields_.at(i); }
  [[nodiscard]] std::string_view text() const { return text_; }
  [[nodiscard]] char separator() const { return separator_; }

  /// Field i as a finite number; throws "non-numeric value 'x' in column C" at this line otherwise.
  [[nodiscard]] double number(std::size_t i, std::string_view column) const;

  /// Throw a RouteError at the current line.
  [[noreturn]] void fail(const std::string& problem, const std::string& value = {}) const;

 private:
  std::string name_;
  std::unique_ptr<Utf16ToUtf8> utf16_;       ///< set for a UTF-16 input: converts it to UTF-8
  std::unique_ptr<std::istream> utf16_in_;   ///< reads utf16_
  std::istream* in_ = nullptr;               ///< the input, or utf16_in_
  RepairLog* repairs_ = nullptr;
  char separator_ = ',';
  bool first_record_ = true;
  std::vector<char> buffer_;
  std::string_view text_;
  std::vector<std::string_view> fields_;
  std::size_t line_ = 0;
};

}  // namespace semitco::routes::detail
