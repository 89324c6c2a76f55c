// Utf16ToUtf8: a std::streambuf that reads UTF-16 text (little- or big-endian, the byte-order mark already
// consumed) from a source stream and yields UTF-8, streamed through fixed buffers, so the line readers read
// a UTF-16 export (Windows "Unicode text", some telematics portals) as if it had been saved as UTF-8.
// Code units: U+0000..U+FFFF outside D800..DFFF are one unit; a high surrogate (D800..DBFF) followed by a
// low one (DC00..DFFF) is U+10000 + ((hi - D800) << 10) + (lo - DC00) (RFC 2781, section 2.2). A lone
// surrogate or an odd byte at the end stops the stream with error() set; the line reader turns that
// into a RouteError at the line.
#pragma once

#include <array>
#include <cstddef>
#include <istream>
#include <streambuf>
#include <string>

namespace semitco::routes::detail {

/// 0 when the bytes do not start with a UTF-16 byte-order mark; else 'L' (FF FE) or 'B' (FE FF).
char utf16_bom(unsigned char b0, unsigned char b1);
/// "UTF-16 little-endian" / "UTF-16 big-endian".
std::string utf16_name(char order);

class Utf16ToUtf8 : public std::streambuf {
 public:
  Utf16ToUtf8(std::istream& source, char order) : source_(source), little_(order == 'L') {}
  /// Why the stream ended early ("" when it did not): a lone surrogate, an odd trailing byte.
  [[nodiscard]] const std::string& error() const { return error_; }

 protected:
  int_type underflow() override;

 private:
  bool next_unit(unsigned& unit);  ///< false at the end of the source (or an odd byte: error_)

  std::istream& source_;
  bool little_ = true;
  std::array<char, 8192> in_{};
  std::size_t in_len_ = 0, in_pos_ = 0;
  std::array<char, 4 * 4096> out_{};
  std::string error_;
};

}  // namespace semitco::routes::detail
