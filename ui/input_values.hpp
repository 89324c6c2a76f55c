// An economics input's value with its unit, from its key's suffix ("prices.diesel_price_usd_per_gal", 3.7 ->
// "$3.70/gal"; "..._frac", 0.25 -> "25 %"), for the Monte Carlo's ranges in the view and the report.
#pragma once

#include <QString>
#include <string>

namespace semitco::ui {

QString input_value_text(const std::string& key, double value);

}  // namespace semitco::ui
