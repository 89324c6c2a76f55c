// LineTokenizer (see detail/line_tokenizer.hpp): streaming CSV/line tokenizer shared by the .vdri,
// drive-cycle and route-CSV readers. Numbers via std::from_chars, NaN/inf refused.
#include "routes/detail/line_tokenizer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

#include "routes/route_error.hpp"

namespace semitco::routes::detail {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

/// Printable excerpt of a value for messages (bounded, control bytes escaped).
std::string printable(std::string_view s) {
  std::string out;
  const std::size_t limit = 60;
  for (std::size_t i = 0; i < s.size() && i < limit; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      static const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  if (s.size() > limit) out += "...";
  return out;
}

}  // namespace

HeaderCell split_header_cell(std::string_view cell) {
  HeaderCell h;
  cell = trim(cell);
  h.raw = std::string(cell);
  std::string_view name = cell;
  const auto open = cell.find('[');
  if (open != std::string_view::npos && cell.back() == ']') {
    h.unit = std::string(trim(cell.substr(open + 1, cell.size() - open - 2)));
    name = trim(cell.substr(0, open));
  }
  h.name.reserve(name.size());
  for (char c : name) h.name += static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  return h;
}

bool parse_finite_double(std::string_view text, double& out) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  double v = 0.0;
  const auto res = std::from_chars(first, last, v, std::chars_format::general);
  if (res.ec != std::errc() || res.ptr != last || !std::isfinite(v)) return false;
  out = v;
  return true;
}

LineTokenizer::LineTokenizer(std::istream& in, std::string name, RepairLog* repairs)
    : name_(std::move(name)), in_(&in), repairs_(repairs), buffer_(kMaxLineBytes + 1) {
  // a UTF-16 byte-order mark: read through the converter (the mark itself is consumed)
  const int c0 = in.peek();
  if (c0 != 0xFF && c0 != 0xFE) return;
  in.get();
  const int c1 = in.peek();
  const char order = c1 == std::char_traits<char>::eof() ? 0 : utf16_bom(static_cast<unsigned char>(c0), static_cast<unsigned char>(c1));
  if (!order) {
    in.unget();
    return;
  }
  in.get();
  if (repairs_) {
    const std::string what = utf16_name(order);
    repairs_->note(RepairKind::Utf16, 1, {}, what,
                   what + " text (byte-order mark " + (order == 'L' ? "FF FE" : "FE FF") +
                       "): semitco reads UTF-8; save the file as UTF-8 (or CSV UTF-8)");
  }
  utf16_ = std::make_unique<Utf16ToUtf8>(in, order);
  utf16_in_ = std::make_unique<std::istream>(utf16_.get());
  in_ = utf16_in_.get();
}

bool LineTokenizer::next() {
  for (;;) {
    if (!in_->good()) return false;
    in_->getline(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    const auto got = static_cast<std::size_t>(in_->gcount());
    if (in_->bad()) fail("read error");
    if (utf16_ && in_->eof() && !utf16_->error().empty()) {  // the converted text before it is read
      ++line_;
      fail(utf16_->error());
    }
    if (in_->fail()) {
      if (in_->eof() && got == 0) return false;
      ++line_;
      fail("line longer than " + std::to_string(kMaxLineBytes) + " bytes");
    }
    ++line_;
    // gcount counts the extracted '\n' (not stored) unless the line ended at end of file.
    std::size_t len = in_->eof() ? got : (got > 0 ? got - 1 : 0);
    std::string_view s(buffer_.data(), len);
    if (line_ == 1 && s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") {
      s.remove_prefix(3);
      if (repairs_) repairs_->note(RepairKind::ByteOrderMark, 1, {}, {}, "UTF-8 byte-order mark");
    }
    const auto hash = s.find('#');
    if (hash != std::string_view::npos) s = s.substr(0, hash);
    s = trim(s);
    if (s.empty()) continue;
    if (s.find('\0') != std::string_view::npos) fail("NUL byte in text line");
    if (first_record_) {
      first_record_ = false;
      if (s.find(';') != std::string_view::npos && s.find(',') == std::string_view::npos) {
        separator_ = ';';
        if (repairs_)
          repairs_->note(RepairKind::Semicolons, line_, {}, printable(s),
                         "fields separated by ';' (a spreadsheet export): '" + printable(s) + "'");
      }
    }
    text_ = s;
    fields_.clear();
    std::size_t start = 0;
    for (;;) {
      const auto comma = s.find(separator_, start);
      fields_.push_back(trim(s.substr(start, comma == std::string_view::npos ? s.npos : comma - start)));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return true;
  }
}

double LineTokenizer::number(std::size_t i, std::string_view column) const {
  if (i >= fields_.size()) {
    fail("missing value in column " + std::string(column) + " (row has " + std::to_string(fields_.size()) +
         " fields)");
  }
  double v = 0.0;
  if (separator_ == ';' && fields_[i].find(',') != std::string_view::npos) {
    std::string dotted(fields_[i]);
    std::replace(dotted.begin(), dotted.end(), ',', '.');
    if (std::count(fields_[i].begin(), fields_[i].end(), ',') == 1 && parse_finite_double(dotted, v)) {
      if (repairs_)
        repairs_->note(RepairKind::DecimalComma, line_, std::string(column), printable(fields_[i]),
                       "decimal comma '" + printable(fields_[i]) + "' in column " + std::string(column));
      return v;
    }
  }
  if (!parse_finite_double(fields_[i], v)) {
    const std::string shown = printable(fields_[i]);
    std::string what = "non-numeric value";
    double probe = 0.0;
    std::string_view t = trim(fields_[i]);
    if (!t.empty() && t.front() == '+') t.remove_prefix(1);
    if (!t.empty() && std::from_chars(t.data(), t.data() + t.size(), probe).ptr == t.data() + t.size() &&
        !std::isfinite(probe)) {
      what = "NaN or infinite value";
    }
    if (t.empty()) what = "empty value";
    fail(what + " '" + shown + "' in column " + std::string(column), shown);
  }
  return v;
}

void LineTokenizer::fail(const std::string& problem, const std::string& value) const {
  throw RouteError(name_, line_, {}, problem, value);
}

}  // namespace semitco::routes::detail
