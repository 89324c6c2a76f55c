// The depot's charging bill for one truck: the charger as an investment, and the tariff applied to the
// day plan's charge (docs/tco.md, "Delivered electricity"). Units: money in year-0 USD, energy in kWh,
// power in kW, time in h or s as named.
//
// Charger capital. Per truck C = (hardware + installation) / n, n = charging.trucks_per_charger (or the
// depot schedule's share, DepotShare::charger_capital_usd). Salvage S = charger_salvage_frac * C at the
// end of the life L = charger_life_yr (the depot's charger life when a depot schedule is used).
//   capital recovery (default): every year y = 1..N books A = (C - S (1 + i)^-L) * CRF(i, L),
//                               CRF(i, L) = i / (1 - (1 + i)^-L)  (1 / L when i = 0)
//   cash: C at year 0 and at each renewal year round(k L) < N (k = 1, 2, ...); at year N the value left,
//         straight line from C to S over the life, is credited: -(C - (C - S) a / L), a = age at year N
//         (a = L: S). With L = N and S = 0 this is the old rule (all of C at year 0, nothing after).
//
// The day's charge. plan_day_charging() says the depot puts E = depot_pack_J into the pack, from
// s_e = s0 - E / U up to the departure SOC s0. The pack takes p = min(cap, P_c, P(s)) (P_c the charger,
// P(s) the acceptance curve); the grid gives p / efficiency. The n trucks of a charger take turns; each
// needs T(cap) = charge_time_s(s_e -> s0 at cap), so the charger works n T(cap) in the dwell window
// [arrival_h, arrival_h + dwell).
//   unmanaged: cap = P_c, from arrival, the trucks one after another.
//   managed:   the cheapest of (a) unmanaged, (b) cap = P_c in the cheapest parts of the window (price,
//              then time), (c) for each price level lambda_k, the whole of the window priced <= lambda_k at the
//              lowest cap that still puts E back: n T(cap) = W_k. Cost compared = energy + demand, so
//              managed never costs more than unmanaged.
//   energy bill of a day = sum over the charger's working time of price(clock hour) * grid kWh (per truck:
//   / n); the night takes the price list of its plug-in day; operating days are weekdays first
//   (at most 365 * 5 / 7 a year), the rest weekend days.
//   demand per year = demand_charge_usd_per_kW_month * peak grid kW * 12 / n, peak = min(cap, max P(s)) / eff:
//   the charger's highest power on the day plan, not its nameplate.
//   fixed per year  = fixed_fees_usd_per_month * 12 / n.
//
// Delivered electricity cost [USD per grid kWh bought at the depot] of each part = NPV of its ledger line
// / NPV of the depot kWh (both discounted the same way), so energy + demand + fixed + capital = total.
#pragma once

#include <span>

#include "tco/charging.hpp"
#include "tco/inputs.hpp"

namespace semitco::tco {

/// Capital recovery factor i / (1 - (1 + i)^-L) (1 / L at i = 0); L > 0 may be fractional.
double capital_recovery_factor(double rate_frac, double life_yr);

/// The depot charger's capital per truck [USD] and its life [yr] (the depot schedule's when it is used).
double charger_capital_per_truck_usd(const TcoInputs& in);
double charger_life_yr(const TcoInputs& in);

/// Charger capital booked in `year` (0..ownership_years) for one truck [USD, nominal]; negative: the value
/// left credited at the end of ownership (cash rule).
double charger_capital_cash_flow_usd(const TcoInputs& in, int year);

/// One truck's depot charging on one operating day.
struct DepotChargingDay {
  double grid_kWh = 0.0;              ///< from the grid a day [kWh]
  double energy_usd = 0.0;            ///< its energy bill a day at year-0 prices [USD] (weekday/weekend mix)
  double peak_grid_kW = 0.0;          ///< the charger's highest grid power [kW]
  double charge_h = 0.0;              ///< this truck's charging time [h]
  double demand_usd_per_yr = 0.0;     ///< demand charge share [USD/yr], year-0 prices
  double fixed_usd_per_yr = 0.0;      ///< fixed fees share [USD/yr]
  [[nodiscard]] double energy_usd_per_kWh() const { return grid_kWh > 0.0 ? energy_usd / grid_kWh : 0.0; }
};

/// The day's depot charge of `plan` (its depot_pack_J and start SOC on a pack of usable_J) priced by the
/// scenario's tariff in charging mode `mode`. Allocation-free. days_per_yr: operating days.
DepotChargingDay depot_charging_day(const TcoInputs& in, const DayChargingPlan& plan, double usable_J,
                                    double depot_dwell_s, double days_per_yr, DepotCharging mode);

/// Delivered electricity cost, levelised [USD per grid kWh bought at the depot].
struct DeliveredElectricity {
  double grid_kWh_per_yr = 0.0;  ///< year 1
  double energy_usd_per_kWh = 0.0, demand_usd_per_kWh = 0.0, fixed_usd_per_kWh = 0.0, capital_usd_per_kWh = 0.0;
  double total_usd_per_kWh = 0.0;
  double peak_grid_kW = 0.0;         ///< the charger's highest grid power, year 1 [kW]
  double charge_h_per_day = 0.0;     ///< this truck's depot charging time, year 1 [h]
  double unmanaged_energy_usd_per_kWh = 0.0;  ///< the same night charged as soon as plugged in (year 1)
  bool from_depot_schedule = false;  ///< the depot section's schedule set energy, demand and fixed fees
};

/// From the NPVs of the four depot lines and of the depot kWh.
DeliveredElectricity delivered_electricity(double pv_energy_usd, double pv_demand_usd, double pv_fixed_usd,
                                           double pv_capital_usd, double pv_depot_kWh);

/// "capital_recovery" / "cash", "unmanaged" / "managed" (scenario spellings).
const char* charger_capital_key(ChargerCapital c);
const char* depot_charging_key(DepotCharging m);

/// Throws TcoInputError for a bad time-of-use list ("charging.tou.weekday[1].end_h = 25 (...)").
void validate_depot_charging(const TcoInputs& in);

}  // namespace semitco::tco
