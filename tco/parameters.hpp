// Registry of the numeric inputs by key: one table gives each double field of TcoInputs its key (its
// path, as scenario files name it), its valid range, and an accessor. validate() checks the ranges from
// this table; sensitivity and Monte Carlo find inputs through it.
#pragma once

#include <cmath>
#include <span>
#include <string>
#include <string_view>

#include "tco/inputs.hpp"

namespace semitco::tco {

struct ParameterInfo {
  std::string_view key;          ///< e.g. "prices.diesel_price_usd_per_gal"
  double* (*field)(TcoInputs&);  ///< where the value lives
  double min_value;              ///< valid range [min, max] (min exclusive when min_exclusive)
  bool min_exclusive;
  double max_value;
  bool informational;  ///< recorded for reports but not used by the costs (left out of sensitivity)

  [[nodiscard]] double get(const TcoInputs& in) const { return *field(const_cast<TcoInputs&>(in)); }
  void set(TcoInputs& in, double v) const { *field(in) = v; }
  [[nodiscard]] bool in_range(double v) const {
    return std::isfinite(v) && (min_exclusive ? v > min_value : v >= min_value) && v <= max_value;
  }
  [[nodiscard]] std::string range_text() const;  ///< e.g. "must be > 0" or "must be in [0, 1]"
};

/// Every numeric (double) input.
std::span<const ParameterInfo> parameters();

/// The parameter with this key; throws TcoInputError("unknown input key 'x'") otherwise.
const ParameterInfo& find_parameter(std::string_view key);

/// Short text of a value for messages: "-1", "0.12", "4.112e+05".
std::string format_value(double value);

}  // namespace semitco::tco
