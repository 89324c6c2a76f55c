// Unit-aware JSON reading; see json_params.hpp. Conversion factors: NIST SP 811 (2008), Appendix B.
#include "app/core/json_params.hpp"

#include "app/core/text.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace semitco::core {

namespace {

struct Unit {
  Dim dim;
  const char* suffix;
  double scale;   // SI = value * scale + offset
  double offset;
};

// NIST SP 811 factors: lb 0.45359237 kg; ft 0.3048 m; mi 1609.344 m; mph 0.44704 m/s;
// hp (mechanical) 745.69987 W; gal (US) 3.785411784 L; lbf*ft 1.3558179 N*m.
constexpr Unit kUnits[] = {
    {Dim::Fraction, "frac", 1.0, 0.0},      {Dim::Fraction, "pct", 0.01, 0.0},
    {Dim::Mass, "kg", 1.0, 0.0},            {Dim::Mass, "lb", 0.45359237, 0.0},
    {Dim::Mass, "t", 1000.0, 0.0},          {Dim::Length, "m", 1.0, 0.0},
    {Dim::Length, "km", 1000.0, 0.0},       {Dim::Length, "mi", 1609.344, 0.0},
    {Dim::Length, "ft", 0.3048, 0.0},       {Dim::Speed, "mps", 1.0, 0.0},
    {Dim::Speed, "kmh", 1.0 / 3.6, 0.0},    {Dim::Speed, "mph", 0.44704, 0.0},
    {Dim::Accel, "mps2", 1.0, 0.0},         {Dim::Area, "m2", 1.0, 0.0},
    {Dim::Area, "ft2", 0.09290304, 0.0},    {Dim::Power, "W", 1.0, 0.0},
    {Dim::Power, "kW", 1000.0, 0.0},        {Dim::Power, "MW", 1.0e6, 0.0},
    {Dim::Power, "hp", 745.69987, 0.0},     {Dim::Energy, "J", 1.0, 0.0},
    {Dim::Energy, "kWh", 3.6e6, 0.0},       {Dim::Energy, "MJ", 1.0e6, 0.0},
    {Dim::Time, "s", 1.0, 0.0},             {Dim::Time, "min", 60.0, 0.0},
    {Dim::Time, "h", 3600.0, 0.0},          {Dim::Temperature, "C", 1.0, 0.0},
    {Dim::Temperature, "F", 5.0 / 9.0, -32.0 * 5.0 / 9.0},
    {Dim::Temperature, "K", 1.0, -273.15},  {Dim::Charge, "Ah", 1.0, 0.0},
    {Dim::Voltage, "V", 1.0, 0.0},          {Dim::Resistance, "ohm", 1.0, 0.0},
    {Dim::Torque, "Nm", 1.0, 0.0},          {Dim::Torque, "lbft", 1.3558179, 0.0},
    {Dim::AngularSpeed, "radps", 1.0, 0.0}, {Dim::AngularSpeed, "rpm", 2.0 * M_PI / 60.0, 0.0},
    {Dim::Volume, "L", 1.0, 0.0},           {Dim::Volume, "gal", 3.785411784, 0.0},
    {Dim::Money, "usd", 1.0, 0.0},
};

const Unit* find_unit(Dim dim, std::string_view suffix) {
  for (const auto& u : kUnits) {
    if (u.dim == dim && suffix == u.suffix) return &u;
  }
  return nullptr;
}

std::string value_text(const nlohmann::json& v) { return quote_json(v); }

// Appends a bounded rendering of v to out; stops adding once out reaches `budget` characters.
void quote_into(const nlohmann::json& v, std::string& out, std::size_t budget, int depth) {
  if (out.size() >= budget) return;
  if (v.is_array() || v.is_object()) {
    const bool arr = v.is_array();
    if (depth >= 4) {
      out += arr ? "[...]" : "{...}";
      return;
    }
    out += arr ? '[' : '{';
    bool first = true;
    for (auto it = v.begin(); it != v.end() && out.size() < budget; ++it) {
      if (!first) out += ',';
      first = false;
      if (!arr) out += nlohmann::json(it.key()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ':';
      quote_into(*it, out, budget, depth + 1);
    }
    out += arr ? ']' : '}';
    return;
  }
  std::string leaf = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (leaf.size() > budget) leaf.resize(budget);
  out += leaf;
}

std::string position_of(const std::string& text, std::size_t byte) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < std::min(byte, text.size()); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

// A cheap scan for the nesting depth (strings and comments skipped); returns the byte offset where the
// depth first exceeds the limit, or npos.
std::size_t too_deep_at(const std::string& t, std::size_t limit) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '"') {
      for (++i; i < t.size() && t[i] != '"'; ++i) {
        if (t[i] == '\\') ++i;
      }
    } else if (c == '/' && i + 1 < t.size() && t[i + 1] == '/') {
      while (i < t.size() && t[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < t.size() && t[i + 1] == '*') {
      const auto end = t.find("*/", i + 2);
      i = end == std::string::npos ? t.size() : end + 1;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string::npos;
}

// Calls on_comment at each comment start outside strings; stops when it returns true.
template <class F>
void scan_comments(const std::string& t, F&& on_comment) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '"') {
      for (++i; i < t.size() && t[i] != '"'; ++i) {
        if (t[i] == '\\') ++i;
      }
    } else if (t[i] == '/' && i + 1 < t.size() && (t[i + 1] == '/' || t[i + 1] == '*')) {
      if (on_comment(i)) return;
      const bool line = t[i + 1] == '/';
      const auto end = line ? t.find('\n', i) : t.find("*/", i + 2);
      i = end == std::string::npos ? t.size() : end + (line ? 0 : 1);
    }
  }
}

std::string mib(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }


}  // namespace

bool JsonParams::split_unit_key(std::string_view key, std::string* base, Dim* dim, std::string* unit) {
  const auto pos = key.rfind('_');
  if (pos == std::string_view::npos || pos == 0) return false;
  const std::string_view suffix = key.substr(pos + 1);
  for (const auto& u : kUnits) {
    if (suffix == u.suffix) {
      *base = key.substr(0, pos);
      *dim = u.dim;
      *unit = suffix;
      return true;
    }
  }
  return false;
}

double to_si(double value, Dim dim, std::string_view unit) {
  if (dim == Dim::None) return value;
  const Unit* u = find_unit(dim, unit);
  if (!u) throw InputError("unknown unit '" + std::string(unit) + "'");
  return value * u->scale + u->offset;
}

double from_si(double si, Dim dim, std::string_view unit) {
  if (dim == Dim::None) return si;
  const Unit* u = find_unit(dim, unit);
  if (!u) throw InputError("unknown unit '" + std::string(unit) + "'");
  return (si - u->offset) / u->scale;
}

std::string quote_json(const nlohmann::json& v, std::size_t max_chars) {
  std::string out;
  quote_into(v, out, max_chars, 0);
  if (out.size() > max_chars) out = out.substr(0, max_chars > 3 ? max_chars - 3 : 0) + "...";
  return printable(out);
}

bool json_has_comments(const std::string& text) {
  bool found = false;
  scan_comments(text, [&](std::size_t) { return found = true; });
  return found;
}

std::string text_file_hint(const std::string& head) {
  const auto u = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
  bool utf16 = head.size() >= 2 && ((u(0) == 0xFF && u(1) == 0xFE) || (u(0) == 0xFE && u(1) == 0xFF));
  if (!utf16 && head.size() >= 8) {  // no byte-order mark: ASCII with a NUL after (or before) each byte
    std::size_t nul_odd = 0, nul_even = 0;
    for (std::size_t i = 0; i + 1 < head.size(); i += 2) {
      nul_even += head[i] == '\0' && head[i + 1] != '\0';
      nul_odd += head[i + 1] == '\0' && head[i] != '\0';
    }
    utf16 = std::max(nul_odd, nul_even) * 4 >= head.size();  // at least half the pairs
  }
  if (utf16) return "the file looks UTF-16 encoded; semitco reads UTF-8 (or ASCII) text: save it as UTF-8";
  // The first line that is neither empty nor a comment.
  std::size_t from = head.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (from < head.size()) {
    const auto nl = head.find('\n', from);
    const std::string line = head.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
    const auto first = line.find_first_not_of(" \t\r");
    if (first != std::string::npos && line[first] != '#') {
      if (line.find(';') != std::string::npos && line.find(',') == std::string::npos) {
        return "the file looks semicolon-separated; semitco reads comma-separated values: replace ';' by ','";
      }
      break;
    }
    if (nl == std::string::npos) break;
    from = nl + 1;
  }
  return "";
}

void check_input_file(const std::string& path, std::size_t max_bytes, const char* limit_name) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) throw InputError(path + ": cannot open file (" + std::strerror(errno) + ")");
  if (!S_ISREG(st.st_mode)) {
    throw InputError(path + ": is " + file_kind_words(st.st_mode) + ", not a regular file; semitco reads input from files");
  }
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    throw InputError(path + ": file of " + std::to_string(st.st_size) + " bytes is larger than the " + mib(max_bytes) +
                     " limit (" + limit_name + ")");
  }
}

std::string read_input_file(const std::string& path, std::size_t max_bytes, const char* limit_name) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw InputError(path + ": cannot open file (" + std::strerror(errno) + ")");
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st{};
  if (::fstat(fd, &st) != 0) throw InputError(path + ": cannot read file (" + std::strerror(errno) + ")");
  if (!S_ISREG(st.st_mode)) {
    throw InputError(path + ": is " + file_kind_words(st.st_mode) + ", not a regular file; semitco reads input from files");
  }
  auto too_big = [&](std::size_t bytes) {
    return InputError(path + ": file of " + std::to_string(bytes) + " bytes is larger than the " + mib(max_bytes) +
                      " limit (" + limit_name + ")");
  };
  if (static_cast<std::size_t>(st.st_size) > max_bytes) throw too_big(static_cast<std::size_t>(st.st_size));
  std::string text;
  text.reserve(static_cast<std::size_t>(st.st_size));
  char buf[65536];
  for (;;) {  // bounded even if the file grows while it is read
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(path + ": cannot read file (" + std::strerror(errno) + ")");
    }
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
    if (text.size() > max_bytes) throw too_big(text.size());
  }
  return text;
}

nlohmann::json parse_json_text(const std::string& text, const std::string& name) {
  if (text.size() > kMaxJsonBytes) {
    throw InputError(name + ": JSON of " + std::to_string(text.size()) + " bytes is larger than the " +
                     mib(kMaxJsonBytes) + " limit (kMaxJsonBytes)");
  }
  if (const auto at = too_deep_at(text, kMaxJsonDepth); at != std::string::npos) {
    throw InputError(name + ":" + position_of(text, at) + ": JSON nested deeper than the limit of " +
                     std::to_string(kMaxJsonDepth) + " levels (kMaxJsonDepth)");
  }
  try {
    return nlohmann::json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    std::string msg = e.what();
    const auto p = msg.find("parse error");
    msg = p == std::string::npos ? msg : msg.substr(p);
    if (msg.size() > 200) msg = msg.substr(0, 197) + "...";  // nlohmann quotes the last token read
    const std::string hint = text_file_hint(text.substr(0, 4096));
    throw InputError(name + ":" + position_of(text, e.byte ? e.byte - 1 : 0) + ": invalid JSON (" + printable(msg) +
                     ")" + (hint.empty() || hint.find("UTF-16") == std::string::npos ? "" : ": " + hint));
  } catch (const nlohmann::json::exception& e) {  // out_of_range.406: a number beyond double, e.g. 1e5000
    std::string msg = e.what();
    if (msg.size() > 200) msg = msg.substr(0, 197) + "...";
    throw InputError(name + ": invalid JSON (" + printable(msg) + "): numbers must be finite doubles");
  }
}

nlohmann::json read_json_file(const std::string& path) {
  return parse_json_text(read_input_file(path, kMaxJsonBytes, "kMaxJsonBytes"), path);
}

JsonParams::JsonParams(const nlohmann::json& obj, std::string file, std::string path)
    : obj_(obj),
      file_(std::move(file)),
      path_(std::move(path)),
      used_(std::make_shared<std::set<std::string>>()),
      sources_(std::make_shared<std::map<std::string, std::string>>()),
      units_(std::make_shared<std::map<std::string, std::string>>()) {
  if (!obj_.is_object()) {
    throw InputError(file_ + ": " + (path_.empty() ? "top level" : path_) + " must be a JSON object, is " +
                     value_text(obj_));
  }
}

std::string JsonParams::where(std::string_view key) const {
  return file_ + ": " + (path_.empty() ? "" : path_ + ".") + std::string(key);
}

const nlohmann::json* JsonParams::find_unit_key(std::string_view base, Dim dim, std::string* key, double* scale,
                                                double* offset) const {
  if (dim == Dim::None) {
    auto it = obj_.find(std::string(base));
    if (it == obj_.end()) return nullptr;
    *key = base;
    *scale = 1.0;
    *offset = 0.0;
    return &*it;
  }
  const nlohmann::json* hit = nullptr;
  for (auto it = obj_.begin(); it != obj_.end(); ++it) {
    const std::string& k = it.key();
    if (k.size() <= base.size() + 1 || k.compare(0, base.size(), base) != 0 || k[base.size()] != '_') continue;
    const std::string_view suffix = std::string_view(k).substr(base.size() + 1);
    const Unit* u = find_unit(dim, suffix);
    if (!u) continue;  // another key sharing the prefix, or a unit we do not know: finish() reports it
    if (hit) throw InputError(where(k) + ": " + std::string(base) + " is given twice (also as " + *key + ")");
    hit = &it.value();
    *key = k;
    *scale = u->scale;
    *offset = u->offset;
  }
  return hit;
}

bool JsonParams::has(std::string_view base, Dim dim) const {
  std::string key;
  double s, o;
  return find_unit_key(base, dim, &key, &s, &o) != nullptr;
}

bool JsonParams::has_key(std::string_view key) const { return obj_.contains(std::string(key)); }

double JsonParams::number(std::string_view base, Dim dim, double lo, double hi) {
  std::string key;
  double scale = 1.0, offset = 0.0;
  const nlohmann::json* v = find_unit_key(base, dim, &key, &scale, &offset);
  if (!v) {
    std::string hint;
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
      const std::string& k = it.key();
      if (k.size() > base.size() + 1 && k.compare(0, base.size(), base) == 0 && k[base.size()] == '_' &&
          k.find('_', base.size() + 1) == std::string::npos) {
        hint = " (found '" + k + "': unknown unit '" + k.substr(base.size() + 1) + "')";
      }
    }
    throw InputError(where(base) + ": missing" + (dim == Dim::None ? "" : ", expected with a unit suffix") + hint);
  }
  used_->insert(key);
  if (dim != Dim::None) (*units_)[(path_.empty() ? "" : path_ + ".") + std::string(base)] = key.substr(base.size() + 1);
  const nlohmann::json* num = v;
  if (v->is_object()) {
    if (!v->contains("value")) throw InputError(where(key) + ": object without \"value\"");
    num = &(*v)["value"];
    if (v->contains("source") && (*v)["source"].is_string()) {
      (*sources_)[(path_.empty() ? "" : path_ + ".") + key] = (*v)["source"].get<std::string>();
    }
    for (auto it = v->begin(); it != v->end(); ++it) {
      if (it.key() != "value" && it.key() != "source" && it.key() != "note") {
        throw InputError(where(key) + ": unknown field '" + it.key() + "' (expected value, source, note)");
      }
    }
  }
  if (!num->is_number()) throw InputError(where(key) + " = " + value_text(*num) + ": not a number");
  const double raw_value = num->get<double>();
  const double si = raw_value * scale + offset;
  if (!std::isfinite(si) || si < lo || si > hi) {
    std::ostringstream os;
    os << where(key) << " = " << raw_value << ": out of range";
    if (lo > -1e299 || hi < 1e299) {
      os << " [" << (lo > -1e299 ? (lo - offset) / scale : -INFINITY) << ", "
         << (hi < 1e299 ? (hi - offset) / scale : INFINITY) << "]";
    }
    throw InputError(os.str());
  }
  return si;
}

double JsonParams::number_or(std::string_view base, Dim dim, double fallback, double lo, double hi) {
  return has(base, dim) ? number(base, dim, lo, hi) : fallback;
}

std::string JsonParams::text(std::string_view key) {
  const std::string k(key);
  if (!obj_.contains(k)) throw InputError(where(key) + ": missing (required text)");
  used_->insert(k);
  const auto& v = obj_[k];
  if (!v.is_string()) throw InputError(where(key) + " = " + value_text(v) + ": not a string");
  return v.get<std::string>();
}

std::string JsonParams::text_or(std::string_view key, std::string fallback) {
  return has_key(key) ? text(key) : std::move(fallback);
}

bool JsonParams::boolean_or(std::string_view key, bool fallback) {
  const std::string k(key);
  if (!obj_.contains(k)) return fallback;
  used_->insert(k);
  const auto& v = obj_[k];
  if (!v.is_boolean()) throw InputError(where(key) + " = " + value_text(v) + ": not true/false");
  return v.get<bool>();
}

JsonParams JsonParams::object(std::string_view key) {
  const std::string k(key);
  if (!obj_.contains(k)) throw InputError(where(key) + ": missing (required section)");
  used_->insert(k);
  JsonParams sub(obj_[k], file_, path_.empty() ? k : path_ + "." + k);
  sub.sources_ = sources_;
  sub.units_ = units_;
  return sub;
}

JsonParams JsonParams::object_or_empty(std::string_view key) {
  static const nlohmann::json empty = nlohmann::json::object();
  const std::string k(key);
  if (obj_.contains(k)) return object(key);
  JsonParams sub(empty, file_, path_.empty() ? k : path_ + "." + k);
  sub.sources_ = sources_;
  sub.units_ = units_;
  return sub;
}

const nlohmann::json& JsonParams::raw(std::string_view key) {
  const std::string k(key);
  if (!obj_.contains(k)) throw InputError(where(key) + ": missing");
  used_->insert(k);
  return obj_[k];
}

void JsonParams::finish() const {
  for (auto it = obj_.begin(); it != obj_.end(); ++it) {
    const std::string& k = it.key();
    if (k.rfind("_", 0) == 0 || k == "comment" || k == "source" || k == "note") continue;  // documentation keys
    if (!used_->count(k)) throw InputError(where(k) + ": unknown key");
  }
}

ValueProvenance ValueProvenance::of(const JsonParams& p, const std::string& prefix) {
  ValueProvenance v;
  auto strip = [&](const std::string& k) { return k.rfind(prefix, 0) == 0 ? k.substr(prefix.size()) : k; };
  for (const auto& [k, u] : p.units()) v.unit_of[strip(k)] = u;
  for (const auto& [k, t] : p.sources()) v.sources[strip(k)] = t;
  return v;
}

namespace {
double round_sig12(double x) {
  if (x == 0.0 || !std::isfinite(x)) return x;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", x);
  return std::strtod(buf, nullptr);
}

void put_with_source(nlohmann::ordered_json& obj, const std::string& path, const std::string& key, double value,
                     const ValueProvenance& prov) {
  const auto src = prov.sources.find(path.empty() ? key : path + "." + key);
  if (src == prov.sources.end()) {
    obj[key] = value;
  } else {
    obj[key] = nlohmann::ordered_json{{"value", value}, {"source", src->second}};
  }
}
}  // namespace

void put_quantity(nlohmann::ordered_json& obj, const std::string& path, std::string_view base, Dim dim,
                  double value_si, std::string_view default_unit, const ValueProvenance& prov) {
  const std::string full = path.empty() ? std::string(base) : path + "." + std::string(base);
  const auto u = prov.unit_of.find(full);
  const std::string unit = u != prov.unit_of.end() ? u->second : std::string(default_unit);
  put_with_source(obj, path, std::string(base) + "_" + unit, round_sig12(from_si(value_si, dim, unit)), prov);
}

void put_plain(nlohmann::ordered_json& obj, const std::string& path, std::string_view key, double value,
               const ValueProvenance& prov) {
  put_with_source(obj, path, std::string(key), value, prov);
}

}  // namespace semitco::core
