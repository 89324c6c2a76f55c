// The scenario's "uncertainty" section: which economics inputs the Monte Carlo varies, and over what
// range, each a triangular distribution with the scenario's value as its mode:
//
//   "uncertainty": {
//     "prices.diesel_price_usd_per_gal": {"low_frac": 0.75, "high_frac": 1.40, "source": "EIA 2015-2025"},
//     ...
//   }
//
// low_frac and high_frac multiply the scenario's value (0 <= low_frac <= 1 <= high_frac <= 10); keys are
// the economics parameter keys (tco/parameters.hpp). Without the section the ranges are
// default_uncertain_ranges() (docs/tco.md, "Uncertainty"). Read and written by the one scenario loader, used
// by the CLI's and the app's Monte Carlo.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/core/json_params.hpp"
#include "tco/inputs.hpp"
#include "tco/uncertainty.hpp"

namespace semitco::core {

struct UncertainRange {
  std::string key;  ///< economics parameter key
  double low_frac = 1.0, high_frac = 1.0;
  std::string source;  ///< where the range comes from (optional)
};

/// The inputs a buyer is least sure of: diesel and electricity prices, demand charge, the electric
/// truck's price, resale value, and both trucks' maintenance.
const std::vector<UncertainRange>& default_uncertain_ranges();

/// Reads the section; throws InputError naming file, key and value for an unknown key or a bad range.
std::vector<UncertainRange> read_uncertainty(JsonParams& section);
/// The section as read_uncertainty reads it.
nlohmann::ordered_json write_uncertainty(const std::vector<UncertainRange>& ranges);

/// Triangular distributions around the base values (inputs whose base is 0 are left out; the high end is
/// kept within the parameter's valid range).
std::vector<tco::UncertainInput> uncertain_inputs(const tco::TcoInputs& base, const std::vector<UncertainRange>& ranges);

}  // namespace semitco::core
