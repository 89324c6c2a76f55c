// Display units of the desktop app. The model holds SI (and market money units named by suffix); the
// app converts at the edge only: display = stored * scale + offset, in US (default) or metric units.
#pragma once

#include <QString>

namespace semitco::ui {

enum class UnitSystem { US, Metric };

struct UnitSpec {
  const char* us = "";
  double us_scale = 1.0;
  double us_offset = 0.0;
  const char* metric = "";
  double metric_scale = 1.0;
  double metric_offset = 0.0;
  /// When > 0, metric display = metric_reciprocal / stored instead (mpg -> L/100 km = 235.2 / mpg).
  double metric_reciprocal = 0.0;

  [[nodiscard]] QString label(UnitSystem u) const { return QString::fromUtf8(u == UnitSystem::US ? us : metric); }
  [[nodiscard]] double to_display(double stored, UnitSystem u) const {
    if (u == UnitSystem::Metric && metric_reciprocal > 0.0) return metric_reciprocal / stored;
    return u == UnitSystem::US ? stored * us_scale + us_offset : stored * metric_scale + metric_offset;
  }
  [[nodiscard]] double from_display(double shown, UnitSystem u) const {
    if (u == UnitSystem::Metric && metric_reciprocal > 0.0) return metric_reciprocal / shown;
    return u == UnitSystem::US ? (shown - us_offset) / us_scale : (shown - metric_offset) / metric_scale;
  }
};

namespace units {
inline constexpr double kLbPerKg = 1.0 / 0.45359237;
inline constexpr double kMilesPerMeter = 1.0 / 1609.344;
inline constexpr double kFeetPerMeter = 1.0 / 0.3048;
inline constexpr double kMphPerMps = 1.0 / 0.44704;
inline constexpr double kLitersPerGallon = 3.785411784;

inline constexpr UnitSpec kMass{"lb", kLbPerKg, 0, "kg", 1, 0};
inline constexpr UnitSpec kTemperature{"\xC2\xB0""F", 1.8, 32.0, "\xC2\xB0""C", 1, 0};
inline constexpr UnitSpec kSpeed{"mph", kMphPerMps, 0, "km/h", 3.6, 0};
inline constexpr UnitSpec kPercent{"%", 100, 0, "%", 100, 0};
inline constexpr UnitSpec kUsd{"$", 1, 0, "$", 1, 0};
inline constexpr UnitSpec kUsdPerGal{"$/gal", 1, 0, "$/L", 1.0 / kLitersPerGallon, 0};
inline constexpr UnitSpec kUsdPerMi{"$/mi", 1, 0, "$/km", 1.0 / 1.609344, 0};
inline constexpr UnitSpec kMilesPerYr{"mi/yr", 1, 0, "km/yr", 1.609344, 0};
inline constexpr UnitSpec kUsdPerKWh{"$/kWh", 1, 0, "$/kWh", 1, 0};
inline constexpr UnitSpec kUsdPerKWMonth{"$/kW-month", 1, 0, "$/kW-month", 1, 0};
inline constexpr UnitSpec kUsdPerMonth{"$/month", 1, 0, "$/month", 1, 0};
inline constexpr UnitSpec kUsdPerYr{"$/yr", 1, 0, "$/yr", 1, 0};
inline constexpr UnitSpec kUsdPerH{"$/h", 1, 0, "$/h", 1, 0};
inline constexpr UnitSpec kUsdPerTonne{"$/t CO\xE2\x82\x82", 1, 0, "$/t CO\xE2\x82\x82", 1, 0};
inline constexpr UnitSpec kKW{"kW", 1, 0, "kW", 1, 0};
inline constexpr UnitSpec kHoursFromS{"h", 1.0 / 3600, 0, "h", 1.0 / 3600, 0};
inline constexpr UnitSpec kMinutesFromS{"min", 1.0 / 60, 0, "min", 1.0 / 60, 0};
inline constexpr UnitSpec kArea{"ft\xC2\xB2", kFeetPerMeter * kFeetPerMeter, 0, "m\xC2\xB2", 1, 0};
inline constexpr UnitSpec kEnergyKWh{"kWh", 1.0 / 3.6e6, 0, "kWh", 1.0 / 3.6e6, 0};  // stored in J
inline constexpr UnitSpec kKWFromW{"kW", 1e-3, 0, "kW", 1e-3, 0};
inline constexpr UnitSpec kWhPerKg{"Wh/kg", 1, 0, "Wh/kg", 1, 0};
inline constexpr UnitSpec kUsdPerKW{"$/kW", 1, 0, "$/kW", 1, 0};
inline constexpr UnitSpec kPlain{"", 1, 0, "", 1, 0};
inline constexpr UnitSpec kPerYr{"%/yr", 100, 0, "%/yr", 100, 0};
inline constexpr UnitSpec kAccel{"mph/s", kMphPerMps, 0, "m/s\xC2\xB2", 1, 0};
inline constexpr UnitSpec kWindSpeed{"mph", kMphPerMps, 0, "m/s", 1, 0};
inline constexpr UnitSpec kAltitude{"ft", kFeetPerMeter, 0, "m", 1, 0};
inline constexpr UnitSpec kKWhPerMi{"kWh/mi", 1, 0, "kWh/km", 1.0 / 1.609344, 0};
// 100 km / (mpg * 1.609344 km/mi) * 3.785411784 L/gal = 235.2146 / mpg
inline constexpr UnitSpec kMpg{"mpg", 1, 0, "L/100 km", 1, 0, 100.0 * kLitersPerGallon / 1.609344};
inline constexpr UnitSpec kFactor{"\xC3\x97", 1, 0, "\xC3\x97", 1, 0};
inline constexpr UnitSpec kKgPerKWh{"lb/kWh", kLbPerKg, 0, "kg/kWh", 1, 0};
inline constexpr UnitSpec kTempDelta{"\xC2\xB0""F", 1.8, 0, "\xC2\xB0""C", 1, 0};
inline constexpr UnitSpec kCount{"", 1, 0, "", 1, 0};
inline constexpr UnitSpec kYears{"years", 1, 0, "years", 1, 0};
inline constexpr UnitSpec kMonths{"months", 1, 0, "months", 1, 0};
// Plots.
inline constexpr UnitSpec kDistance{"mi", kMilesPerMeter, 0, "km", 1e-3, 0};
inline constexpr UnitSpec kElevation{"ft", kFeetPerMeter, 0, "m", 1, 0};
inline constexpr UnitSpec kFuelMass{"gal", 0, 0, "L", 0, 0};  // via fuel density, see route_views.cpp
}  // namespace units

/// Number as typed/displayed: up to `digits` significant digits, no exponent for ordinary magnitudes.
QString format_number(double v, int digits = 8);
/// A quantity for people: thousands separators, no exponent; `digits` significant digits below 1,000 and
/// whole numbers from 1,000 up ("44,092", "821.9", "0.8223").
QString format_quantity(double v, int digits = 4);
/// `text` (a message from the models) with every number written with an exponent ("4.409e+04") put as
/// format_quantity writes it ("44,090").
QString plain_numbers(const QString& text);
/// "$1,234" / "-$0.123" style money text with `decimals` decimals.
QString format_money(double usd, int decimals = 0);

}  // namespace semitco::ui
