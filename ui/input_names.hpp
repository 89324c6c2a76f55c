// Display names of the economics and trip keys the sensitivity analysis varies.
#pragma once

#include <QString>
#include <string>

namespace semitco::ui {

/// Display name of an economics key ("prices.diesel_price_usd_per_gal" -> "Diesel price").
QString input_display_name(const std::string& key);

}  // namespace semitco::ui
