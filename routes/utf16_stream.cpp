// UTF-16 -> UTF-8 conversion of a stream; see detail/utf16_stream.hpp.
#include "routes/detail/utf16_stream.hpp"

namespace semitco::routes::detail {

char utf16_bom(unsigned char b0, unsigned char b1) {
  if (b0 == 0xFF && b1 == 0xFE) return 'L';
  if (b0 == 0xFE && b1 == 0xFF) return 'B';
  return 0;
}

std::string utf16_name(char order) { return order == 'L' ? "UTF-16 little-endian" : "UTF-16 big-endian"; }

bool Utf16ToUtf8::next_unit(unsigned& unit) {
  unsigned char b[2];
  for (int k = 0; k < 2; ++k) {
    if (in_pos_ == in_len_) {
      source_.read(in_.data(), static_cast<std::streamsize>(in_.size()));
      in_len_ = static_cast<std::size_t>(source_.gcount());
      in_pos_ = 0;
      if (in_len_ == 0) {
        if (k == 1) error_ = "odd number of bytes in UTF-16 text (the last character is cut)";
        return false;
      }
    }
    b[k] = static_cast<unsigned char>(in_[in_pos_++]);
  }
  unit = little_ ? (b[0] | (b[1] << 8)) : ((b[0] << 8) | b[1]);
  return true;
}

Utf16ToUtf8::int_type Utf16ToUtf8::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (!error_.empty()) return traits_type::eof();
  std::size_t n = 0;
  unsigned unit = 0;
  while (n + 4 <= out_.size() && next_unit(unit)) {
    unsigned cp = unit;
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      error_ = "lone low surrogate in UTF-16 text";
      break;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      unsigned low = 0;
      if (!next_unit(low) || low < 0xDC00 || low > 0xDFFF) {
        if (error_.empty()) error_ = "high surrogate without its low surrogate in UTF-16 text";
        break;
      }
      cp = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
    char* o = out_.data() + n;
    if (cp < 0x80) {
      o[0] = static_cast<char>(cp);
      n += 1;
    } else if (cp < 0x800) {
      o[0] = static_cast<char>(0xC0 | (cp >> 6));
      o[1] = static_cast<char>(0x80 | (cp & 0x3F));
      n += 2;
    } else if (cp < 0x10000) {
      o[0] = static_cast<char>(0xE0 | (cp >> 12));
      o[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      o[2] = static_cast<char>(0x80 | (cp & 0x3F));
      n += 3;
    } else {
      o[0] = static_cast<char>(0xF0 | (cp >> 18));
      o[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      o[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      o[3] = static_cast<char>(0x80 | (cp & 0x3F));
      n += 4;
    }
  }
  if (n == 0) return traits_type::eof();
  setg(out_.data(), out_.data(), out_.data() + n);
  return traits_type::to_int_type(*gptr());
}

}  // namespace semitco::routes::detail
