// Depot charging for a fleet: which truck charges when, at what power, on how many chargers, and what the
// depot's electricity costs per kWh and per truck (docs/depot.md).
//
// Time: one operating day repeated, cut into slots of slot_s (15 min by default, the utilities' demand
// interval). Clock time t in [0, 24 h) maps to slot floor(t / slot_s); a truck parked across midnight
// wraps round to the start of the day, so the depot load is a 24-hour profile that repeats every day.
// A truck may charge in the slots wholly inside its stay: arrival rounded up and departure rounded down
// to a slot boundary (a conservative reading of a partial slot).
//
// Powers: p is the power into the pack [kW], at most the charger's output and the pack's acceptance
// at its state of charge; the grid supplies p / efficiency. Peaks, the site limit and the tariff are on
// grid power.
//
// Unmanaged: each truck charges on arrival at the most it may take until it has its departure energy.
// Managed: the linear programme of tco/depot_lp.hpp (minimum energy plus demand cost).
// Chargers: tco/charger_assignment.hpp assigns the charging intervals of a schedule to chargers.
// Costs per kWh delivered to the grid side: energy (time-of-use), demand (month's peak), fixed (tariff
// fees plus each charger's network/upkeep fee), capital (hardware + installation annualised over the
// charger's life at the discount rate: capital recovery factor r / (1 - (1 + r)^-n)).
#pragma once

#include <string>
#include <vector>

#include "tco/inputs.hpp"
#include "tco/tariff.hpp"

namespace semitco::tco {

/// One truck's stay at the depot on the operating day.
struct DepotTruck {
  std::string name;                 ///< for reports ("truck 3")
  double arrival_s = 0.0;           ///< clock time of arrival [s from midnight], [0, 86400)
  double dwell_s = 0.0;             ///< time parked [s], (0, 86400]; departure = arrival + dwell (next day
                                    ///< when past midnight)
  double arrival_soc_frac = 0.2;    ///< state of charge of the usable pack on arrival [0..1]
  double departure_soc_frac = 0.9;  ///< required when leaving [0..1]; below arrival: no charge needed
  double usable_kWh = 500.0;        ///< usable pack energy [kWh], > 0
  ChargingCurve acceptance;         ///< power the pack accepts vs SOC (empty: no limit but the charger)
};

/// A charger model the depot may install.
struct ChargerOption {
  std::string name = "DC charger";
  double power_kW = 150.0;                   ///< output [kW], > 0
  double hardware_usd = 87500.0;             ///< per charger [USD], >= 0 (MIT Green Trucking)
  double installation_usd = 33179.0;         ///< per charger [USD], >= 0 (MIT Green Trucking)
  double life_yr = 10.0;                     ///< service life for annualising [yr], (0, 50] (estimate)
  double network_fees_usd_per_month = 60.0;  ///< per charger: network, upkeep [USD/month], >= 0 (MIT)
};

struct DepotSite {
  std::vector<DepotTruck> trucks;
  ChargerOption charger;
  double site_limit_kW = 1e9;     ///< grid connection [kW], > 0
  int chargers_installed = 0;     ///< 0: as many as the schedule needs; > 0: at most this many
  double efficiency_frac = 0.92;  ///< grid to pack [0.5..1]
  double slot_s = 900.0;          ///< slot length [s], divides 86400, [60, 3600]
  Tariff tariff;
  double operating_days_per_yr = 250.0;  ///< days the schedule repeats [1..366]; the demand charge is paid
                                         ///< every month whatever the days
  bool weekend_prices = false;           ///< price the day with the tariff's weekend periods
  double discount_rate_frac = 0.07;      ///< for the charger's capital recovery factor [0..1]
};

/// Throws TcoInputError naming the field ("depot.trucks[3].dwell_s = 0 (must be > 0)").
void validate(const DepotSite& site);

/// Number of slots in a day (86400 / slot_s).
int slots_per_day(const DepotSite& site);

/// A charging schedule: power into each truck's pack in each of its slots.
struct DepotPlan {
  bool feasible = false;
  std::string why;                           ///< when infeasible: the reason, with the figures that would do
  std::vector<std::vector<double>> pack_kW;  ///< [truck][j], j-th slot of the truck's stay
  std::vector<double> grid_kW;               ///< depot load by clock slot [kW], slots_per_day entries
  double peak_kW = 0.0;                      ///< max of grid_kW
  double energy_usd_per_day = 0.0;
  double grid_kWh_per_day = 0.0;
  int chargers = 0;              ///< from the interval assignment
  int chargers_lower_bound = 0;  ///< ceil(max pack load / charger kW): no schedule of this load
                                 ///< does with fewer
  int max_simultaneous = 0;      ///< most trucks charging in one slot (this schedule)
};

/// Money of a plan, per year and per kWh of grid energy.
struct DepotCosts {
  double grid_kWh_per_yr = 0.0;
  double energy_usd_per_yr = 0.0, demand_usd_per_yr = 0.0, fixed_usd_per_yr = 0.0, capital_usd_per_yr = 0.0;
  double capital_usd = 0.0;  ///< chargers' hardware + installation, paid once
  [[nodiscard]] double total_usd_per_yr() const {
    return energy_usd_per_yr + demand_usd_per_yr + fixed_usd_per_yr + capital_usd_per_yr;
  }
  [[nodiscard]] double usd_per_kWh(double usd_per_yr) const {
    return grid_kWh_per_yr > 0.0 ? usd_per_yr / grid_kWh_per_yr : 0.0;
  }
};

/// One truck's share of the depot's bill (energy its own, the rest in proportion to its grid kWh).
struct TruckShare {
  std::string name;
  double grid_kWh_per_day = 0.0;
  double energy_usd_per_yr = 0.0, demand_usd_per_yr = 0.0, fixed_usd_per_yr = 0.0, capital_usd_per_yr = 0.0;
};

struct DepotResult {
  int day_slots = 0;  ///< slots in a day (not "slots": a Qt keyword)
  double slot_s = 900.0;
  std::vector<int> first_slot;        ///< [truck] clock slot of the truck's first charging slot
  std::vector<int> slot_count;        ///< [truck] slots it may charge in
  std::vector<double> need_pack_kWh;  ///< [truck] energy to put back
  DepotPlan unmanaged, managed;
  /// Energy + demand cost of a day of the LP's optimum [USD]; the managed plan, dealt to fewer chargers,
  /// may cost up to kChargerCostTolerance more.
  double managed_lp_optimum_usd_per_day = 0.0;
  DepotCosts unmanaged_costs, managed_costs;
  std::vector<TruckShare> managed_shares;
  /// A single truck's demand charge for comparison [USD/yr per truck]: the tariff's demand charge on one
  /// of the site's chargers every month (app/core/depot_run.cpp puts the cost model's own assumption here).
  double single_truck_demand_usd_per_yr = 0.0;
  std::vector<std::string> notes;  ///< e.g. "unmanaged charging would exceed the site limit"
  double charger_life_yr = 10.0;   ///< the site's charger life (DepotSite::charger.life_yr) [yr]
};

/// How much more energy + demand cost a day the managed schedule may take to need fewer chargers (0.5 %).
inline constexpr double kChargerCostTolerance = 0.005;

/// Schedules the depot both ways and prices both. Throws TcoInputError for bad input (validate());
/// infeasible cases come back with feasible = false and the reason.
DepotResult schedule_depot(const DepotSite& site);

/// What a depot schedule gives the cost model in place of its single-truck assumption (per truck).
DepotShare depot_share(const DepotResult& r);

}  // namespace semitco::tco
