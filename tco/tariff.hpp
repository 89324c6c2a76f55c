// A utility tariff for charging: time-of-use energy prices, a demand charge on the month's peak and
// fixed monthly fees. Shared by the depot schedule (tco/depot_schedule.hpp) and meant for the
// single-truck time-of-use cost later (issue 13), so it knows nothing about depots.
//
//   energy bill of a day   = sum over the day of price(hour) [USD/kWh] * grid energy [kWh]
//   demand bill of a month = demand_charge_usd_per_kW_month * highest grid power of the month [kW]
//                            (utilities take the highest 15-minute average; the depot's slots are 15 min)
//   fixed bill of a month  = fixed_fees_usd_per_month (customer charge, meter)
// A day's price schedule is a list of periods [start_h, end_h) in local clock hours that cover the 24 h
// exactly once; a period may run across midnight (start_h = 21, end_h = 6). Weekends may have their own
// list; an empty weekend list means the weekday prices.
#pragma once

#include <string>
#include <vector>

namespace semitco::tco {

/// One price period of a day.
struct TouPeriod {
  double start_h = 0.0;            ///< clock hour the period starts [h], [0, 24)
  double end_h = 24.0;             ///< clock hour it ends [h], (0, 24]; < start_h: runs across midnight
  double price_usd_per_kWh = 0.0;  ///< energy price in the period [USD/kWh], >= 0
};

struct Tariff {
  std::vector<TouPeriod> weekday = {TouPeriod{}};  ///< Monday to Friday; must tile [0, 24)
  std::vector<TouPeriod> weekend;                  ///< Saturday, Sunday; empty: weekday prices
  double demand_charge_usd_per_kW_month = 0.0;     ///< on the month's peak grid power [USD/(kW*month)], >= 0
  double fixed_fees_usd_per_month = 0.0;           ///< customer charge, meter [USD/month], >= 0
};

/// Energy price at clock hour `hour` (any real; taken modulo 24) [USD/kWh].
double energy_price_usd_per_kWh(const Tariff& t, double hour, bool weekend = false);

/// Throws TcoInputError naming `key` (e.g. "depot.tariff") and the bad value: a negative price or fee,
/// an hour outside [0, 24], or periods that leave a gap or overlap.
void validate(const Tariff& t, const std::string& key);

}  // namespace semitco::tco
