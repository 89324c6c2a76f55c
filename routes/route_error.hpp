// RouteError: the one exception every route reader, writer and check throws on bad input.
//
// It carries where the problem is (file, line number or XML element) and the offending value, so a
// user can fix the file: "LongHaul.vdri:57: non-numeric value 'abc' in column <grad>".
// Readers never assert and never substitute a silent default; anything they cannot read is a RouteError.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace semitco::routes {

class RouteError : public std::runtime_error {
 public:
  /// file: path or name given to the reader; line: 1-based line number, 0 when not applicable;
  /// element: XML element or field ("trkpt #12", "distance_m[4]"), may be empty;
  /// problem: what is wrong, already quoting the value; value: the offending text (may be empty).
  RouteError(std::string file, std::size_t line, std::string element, const std::string& problem,
             std::string value = {})
      : std::runtime_error(format(file, line, element, problem)),
        file_(std::move(file)),
        element_(std::move(element)),
        value_(std::move(value)),
        line_(line) {}

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::size_t line() const { return line_; }
  [[nodiscard]] const std::string& element() const { return element_; }
  [[nodiscard]] const std::string& value() const { return value_; }

 private:
  static std::string format(const std::string& file, std::size_t line, const std::string& element,
                            const std::string& problem) {
    std::string where = file.empty() ? std::string("<input>") : file;
    if (line > 0) where += ":" + std::to_string(line);
    if (!element.empty()) where += ": " + element;
    return where + ": " + problem;
  }

  std::string file_;
  std::string element_;
  std::string value_;
  std::size_t line_ = 0;
};

}  // namespace semitco::routes
