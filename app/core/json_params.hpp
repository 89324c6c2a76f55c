// Reading numbers with units out of JSON files (vehicles, scenarios).
//
// A key carries its unit as a suffix: "tractor_mass_kg", "tractor_mass_lb", "speed_mph". The loader
// asks for a quantity by its base name and dimension ("tractor_mass", Dim::Mass), accepts any unit of
// that dimension it knows, converts once to SI, and refuses an unknown unit by name. A value is
// either a number or {"value": number, "source": "where the number comes from"}; sources are kept
// for display. Keys the loader never asked for are errors ("unknown key"), so typos do not pass
// silently. Every error names the file, the key path and the value.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace semitco::core {

/// An input file is wrong; what() names file, key and value.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Dim {
  None,         // plain number, key without unit suffix
  Fraction,     // _frac, _pct
  Mass,         // _kg, _lb, _t
  Length,       // _m, _km, _mi, _ft
  Speed,        // _mps, _kmh, _mph
  Accel,        // _mps2
  Area,         // _m2, _ft2
  Power,        // _W, _kW, _MW, _hp
  Energy,       // _J, _kWh, _MJ
  Time,         // _s, _min, _h
  Temperature,  // _C, _F, _K   (absolute temperatures; result in degC)
  Charge,       // _Ah
  Voltage,      // _V
  Resistance,   // _ohm
  Torque,       // _Nm, _lbft
  AngularSpeed, // _radps, _rpm
  Volume,       // _L, _gal
  Money,        // _usd
};

/// Limits on an input JSON file (scenario, vehicle, economics base), checked before parsing so a huge or
/// deeply nested file is refused quickly and in bounded memory.
constexpr std::size_t kMaxJsonBytes = 64u * 1024u * 1024u;  ///< 64 MiB; real files are a few KiB
constexpr std::size_t kMaxJsonDepth = 256;                  ///< arrays/objects inside each other

/// Reads a whole input file of at most `max_bytes`, refusing anything but a regular file (a device such
/// as /dev/zero, a pipe, a directory) by name, before reading. Throws InputError naming the limit.
std::string read_input_file(const std::string& path, std::size_t max_bytes, const char* limit_name);
/// Throws InputError unless `path` is a regular file of at most `max_bytes` (for readers that open the
/// file themselves, e.g. the route readers).
void check_input_file(const std::string& path, std::size_t max_bytes, const char* limit_name);

/// Parses JSON text (comments allowed) after checking its size and nesting depth against kMaxJsonBytes
/// and kMaxJsonDepth; errors name `name`, line and column, and the limit when one is exceeded.
nlohmann::json parse_json_text(const std::string& text, const std::string& name);
/// A hint naming why a text file was not understood, from its first bytes: "the file looks UTF-16
/// encoded ..." (a byte-order mark, or NUL bytes between ASCII ones) or "the file looks
/// semicolon-separated ..." (a first data line with ';' and no ','); "" otherwise.
std::string text_file_hint(const std::string& head);
/// True when the JSON text has // or /* */ comments (outside strings), which a rewrite drops.
bool json_has_comments(const std::string& text);

/// Parses a file into JSON (read_input_file + parse_json_text).
nlohmann::json read_json_file(const std::string& path);

/// A JSON value quoted in an error message: at most `max_chars` characters and 4 levels of nesting,
/// never recursing without limit, strings made printable UTF-8.
std::string quote_json(const nlohmann::json& v, std::size_t max_chars = 60);

/// One JSON object being read; remembers which keys were used.
class JsonParams {
 public:
  JsonParams(const nlohmann::json& obj, std::string file, std::string path = "");

  /// Required quantity in SI. Throws InputError if missing, of an unknown unit, or outside [lo, hi]
  /// (bounds in SI).
  double number(std::string_view base, Dim dim, double lo = -1e300, double hi = 1e300);
  /// Optional quantity: `fallback` (SI) when absent.
  double number_or(std::string_view base, Dim dim, double fallback, double lo = -1e300, double hi = 1e300);
  [[nodiscard]] bool has(std::string_view base, Dim dim) const;

  std::string text(std::string_view key);
  std::string text_or(std::string_view key, std::string fallback);
  bool boolean_or(std::string_view key, bool fallback);

  /// Sub-object; required or optional (an empty object when absent).
  JsonParams object(std::string_view key);
  JsonParams object_or_empty(std::string_view key);
  [[nodiscard]] bool has_key(std::string_view key) const;
  /// Raw access for arrays (marks the key used).
  const nlohmann::json& raw(std::string_view key);

  /// Records the source of a value read through raw() (arrays).
  void note_source(std::string_view key, std::string text) {
    (*sources_)[(path_.empty() ? "" : path_ + ".") + std::string(key)] = std::move(text);
  }

  /// Throws if the object has keys nobody asked for. Call after reading everything.
  void finish() const;

  /// "file: path.key" for messages.
  [[nodiscard]] std::string where(std::string_view key) const;
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  /// The JSON object itself (reading through it does not mark keys used).
  [[nodiscard]] const nlohmann::json& json() const { return obj_; }
  /// Source notes of the values read so far, by full key path.
  [[nodiscard]] const std::map<std::string, std::string>& sources() const { return *sources_; }
  /// Unit suffix each quantity was written in, by full path of its base name ("chassis.payload" -> "lb").
  [[nodiscard]] const std::map<std::string, std::string>& units() const { return *units_; }
  /// The dimension a key's unit suffix names, if its last "_word" is a known unit ("payload_kg" -> Mass).
  static bool split_unit_key(std::string_view key, std::string* base, Dim* dim, std::string* unit);

 private:
  const nlohmann::json* find_unit_key(std::string_view base, Dim dim, std::string* key, double* scale,
                                      double* offset) const;
  const nlohmann::json& obj_;
  std::string file_, path_;
  std::shared_ptr<std::set<std::string>> used_;
  std::shared_ptr<std::map<std::string, std::string>> sources_;
  std::shared_ptr<std::map<std::string, std::string>> units_;
};

/// How a file wrote its values: the unit of each quantity (by base path, "chassis.payload" -> "lb") and
/// the source of each value (by key path, "chassis.payload_lb" -> text). Paths are relative to the object
/// the provenance belongs to.
struct ValueProvenance {
  std::map<std::string, std::string> unit_of;
  std::map<std::string, std::string> sources;
  /// The provenance of what `p` read, with `prefix` (e.g. "electric_vehicle.") removed from the paths.
  static ValueProvenance of(const JsonParams& p, const std::string& prefix = "");
};

/// Writes a quantity held in SI as key base_<unit> in the unit the provenance says (else default_unit),
/// as {"value", "source"} when a source is known. `path` is the object's path for provenance look-ups.
void put_quantity(nlohmann::ordered_json& obj, const std::string& path, std::string_view base, Dim dim,
                  double value_si, std::string_view default_unit, const ValueProvenance& prov);
/// Writes a plain number under its exact key (with its source when known).
void put_plain(nlohmann::ordered_json& obj, const std::string& path, std::string_view key, double value,
               const ValueProvenance& prov);

/// Conversion of an SI value to a unit of its dimension (display); throws for unknown units.
double from_si(double value_si, Dim dim, std::string_view unit);
double to_si(double value, Dim dim, std::string_view unit);

}  // namespace semitco::core
