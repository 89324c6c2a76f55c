// Unit conversions used at the edges of the TCO model.
//
// The TCO model keeps physical quantities in SI (m, s, kg, J) like the rest of semitco, and money
// rates in the units the market quotes them in, always named by suffix: usd_per_gal, usd_per_mi,
// usd_per_kWh, usd_per_kW_month. These constants convert between the two. Exact by definition
// (NIST SP 811 / international yard and pound agreement, 1959; US liquid gallon = 231 in^3).
#pragma once

namespace semitco::tco::units {

inline constexpr double kMetresPerMile = 1609.344;       ///< international mile [m]
inline constexpr double kKgPerLb = 0.45359237;           ///< avoirdupois pound [kg]
inline constexpr double kLitresPerGallon = 3.785411784;  ///< US liquid gallon [L]
inline constexpr double kJoulesPerKWh = 3.6e6;           ///< [J/kWh]
inline constexpr double kSecondsPerHour = 3600.0;        ///< [s/h]
inline constexpr double kLbPerShortTon = 2000.0;         ///< US short ton, the ton of US freight statistics
inline constexpr double kKgPerShortTon = kLbPerShortTon * kKgPerLb;  ///< 907.18474 kg
inline constexpr double kKgPerMetricTon = 1000.0;                    ///< tonne (used for CO2 prices, $/t CO2)
/// Energy equivalents (docs/tco.md, "Energy equivalents"): a US gallon of diesel, lower heating value 128,488 Btu
/// (US DOE Alternative Fuels Data Center / GREET), and the EPA's gasoline gallon equivalent, 33.705 kWh (the
/// MPGe label, 40 CFR 600). NREL T3CO uses 37.95 and 33.7 kWh.
inline constexpr double kKWhPerDieselGallon = 128488.0 * 1055.05585262 / 3.6e6;  ///< 37.656 kWh
inline constexpr double kKWhPerGasolineGallon = 33.705;                          ///< [kWh]

constexpr double miles_from_m(double m) { return m / kMetresPerMile; }
constexpr double m_from_miles(double mi) { return mi * kMetresPerMile; }
constexpr double kg_from_lb(double lb) { return lb * kKgPerLb; }
constexpr double lb_from_kg(double kg) { return kg / kKgPerLb; }
constexpr double gal_from_L(double litres) { return litres / kLitresPerGallon; }
constexpr double kWh_from_J(double joules) { return joules / kJoulesPerKWh; }
constexpr double J_from_kWh(double kWh) { return kWh * kJoulesPerKWh; }
constexpr double h_from_s(double s) { return s / kSecondsPerHour; }
constexpr double short_tons_from_kg(double kg) { return kg / kKgPerShortTon; }

}  // namespace semitco::tco::units
