// Inputs of the total-cost-of-ownership (TCO) model: what the physics says about one route run
// (TripSummary) and what the buyer says about money, operations and charging.
//
// Units: physical quantities in SI (m, s, kg, J); money rates in the units the market quotes them
// in, named by suffix (usd_per_gal, usd_per_mi, usd_per_kWh, usd_per_kW_month); shares and rates
// as fractions (0.12 = 12 %). Every field gives its unit, its valid range (checked by validate())
// and where the default in default_inputs() comes from (see resources/economics/defaults.json and
// ../shared/REFERENCE.md). "estimate" marks figures no maker or agency has published.
//
// Keys: error messages, sensitivity and Monte Carlo inputs name a field by its path in TcoInputs,
// e.g. "prices.diesel_price_usd_per_gal" or "electric.economics.purchase_price_usd". Scenario files
// use the same names, so the message points at the key the user typed.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "tco/conventions.hpp"
#include "tco/tariff.hpp"
#include "tco/units.hpp"

namespace semitco::tco {

/// Raised by validate() (and by functions that take a parameter name) for bad input. The message
/// names the key and the offending value, e.g. "prices.diesel_price_usd_per_gal = -1 (must be >= 0)".
class TcoInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Powertrain { kBatteryElectric, kDiesel };

/// What the physics reports for one run of the route (the app maps the solver's TripResult into this).
/// The run is what the truck drives once per "route" in Operations::routes_per_day; if the route is
/// out-and-back, simulate the round trip. The physics should not stop a battery-electric run when the
/// pack would fall below reserve: TCO plans the charge stops itself from the energy per metre.
struct TripSummary {
  double distance_m = 0.0;      ///< run length [m], > 0
  double duration_s = 0.0;      ///< driving plus scheduled stops (loading, lights) [s], >= driving_time_s
  double driving_time_s = 0.0;  ///< time moving [s], > 0; counts toward the hours-of-service 8 h limit

  // ---- battery-electric (zero for diesel) ----
  double energy_from_source_J = 0.0;  ///< battery chemical energy out minus regen in [J], > 0 for EV
  double battery_energy_out_J = 0.0;  ///< gross energy drawn from the pack [J], >= 0 (informational)
  double battery_energy_in_J = 0.0;   ///< regenerative energy put back [J], >= 0 (informational)
  double start_soc_frac = 1.0;        ///< state of charge at the start of the run, of usable [0..1]; the
                                      ///< depot charges the truck back to this every night
  double min_soc_frac = 0.0;  ///< lowest state of charge in the run as simulated [-inf..1] (informational)
  double usable_battery_J = 0.0;  ///< usable pack energy when new [J], > 0 for EV

  // ---- diesel (zero for EV) ----
  double fuel_kg = 0.0;  ///< diesel burned [kg], >= 0 (informational)
  double fuel_L = 0.0;   ///< diesel burned [L], > 0 for diesel
  double def_L = 0.0;    ///< diesel exhaust fluid used [L], >= 0

  double co2_kg = 0.0;   ///< CO2 charged to the run [kg], >= 0 (tank-to-wheel for diesel; the app decides
                         ///< whether the EV carries grid CO2); priced by EnergyPrices::carbon_price
  bool feasible = true;  ///< false when the physics could not complete the run (grade, speed, ...)
  std::string infeasible_reason;  ///< why not, when feasible == false
};

/// How the residual (resale) value at the end of ownership is found.
enum class ResidualRule {
  kFractionOfPrice,   ///< residual = price * residual_value_frac
  kDecliningBalance,  ///< residual = price * (1 - depreciation_rate_frac_per_yr)^ownership_years
};

/// Money for one truck. Prices are in dollars of year 0; escalation rates are per year.
struct TruckEconomics {
  double purchase_price_usd = 0.0;   ///< tractor price before taxes [USD], > 0; ICCT MY2025 medians:
                                     ///< $411,200 battery-electric, $172,500 diesel
  double fet_rate_frac = 0.12;       ///< federal excise tax on first retail sale [0..1]; 12 % (26 USC 4051)
  double sales_tax_rate_frac = 0.0;  ///< state sales tax on price + FET [0..1]; default 0 (many states
                                     ///< exempt interstate rolling stock; enter your state's rate)
  double incentives_usd = 0.0;       ///< purchase incentives, user-entered [USD], >= 0, <= price + taxes.
                                     ///< Note: the federal 45W commercial clean vehicle credit is not
                                     ///< available for vehicles acquired after 30 Sep 2025.
  bool financed = true;              ///< true: loan; false: cash at year 0
  double down_payment_frac = 0.10;   ///< share of price + taxes - incentives paid at year 0 [0..1] (estimate)
  double loan_apr_frac = 0.08;       ///< annual percentage rate, monthly compounding [0..1] (estimate)
  int loan_term_months = 60;         ///< [1 .. 12 * ownership_years] (estimate; common 60-month term)

  ResidualRule residual_rule = ResidualRule::kFractionOfPrice;
  double residual_value_frac = 0.25;  ///< resale value after ownership as a share of price [0..1] (estimate)
  double depreciation_rate_frac_per_yr = 0.15;  ///< declining-balance rate [0..1) (estimate)

  double maintenance_usd_per_mi = 0.202;  ///< repair & maintenance [USD/mi], >= 0; ATRI 2024 update (2023):
                                          ///< $0.202 diesel; EV lower (estimate)
  double tyres_usd_per_mi = 0.045;        ///< tyres [USD/mi], >= 0 (estimate, order of ATRI's tire line)
  double insurance_frac_of_price_per_yr = 0.04;  ///< [0..1]; 3-5 % of price per year (T3CO demo)
  double registration_usd_per_yr = 2000.0;       ///< plates, permits [USD/yr], >= 0 (estimate)
  double tolls_usd_per_mi = 0.0;                 ///< [USD/mi], >= 0
  double tare_kg = 15000.0;  ///< empty tractor + trailer, ready to run [kg], > 0 (from the vehicle file)

  double energy_use_degradation_frac_per_yr = 0.0;  ///< growth of energy (or fuel) per mile with age
                                                    ///< [0..0.2] per year; default 0
  // ---- battery-electric only ----
  double battery_capacity_fade_frac_per_yr = 0.02;  ///< usable capacity lost per year of pack age
                                                    ///< [0..0.5] (estimate)
  int battery_replacement_year = 0;  ///< replace the pack at the end of this year [0 = never, 1..years-1]
  double battery_replacement_usd_per_kWh = 150.0;  ///< pack price per usable kWh [USD/kWh], >= 0 (estimate)

  // ---- by year (docs/tco.md, "Inputs by year"): empty = the scalar above (escalated); else one nominal value
  // per year of ownership, used as given (no escalation) ----
  std::vector<double> maintenance_by_year_usd_per_mi;  ///< key electric|diesel.economics.maintenance_usd_per_mi
  std::vector<double> tyres_by_year_usd_per_mi;        ///< key ...tyres_usd_per_mi
  std::vector<double> insurance_by_year_frac;          ///< key ...insurance_frac_of_price_per_yr
  EnergyOverride energy;  ///< measured energy instead of the simulation (key ...energy_basis / energy_value)
};

/// One truck: its simulated run and its money.
struct TruckCase {
  TripSummary trip;
  TruckEconomics economics;
};

/// Energy prices in year-0 dollars. Year y (1-based) pays price * (1 + escalation)^(y-1).
struct EnergyPrices {
  double diesel_price_usd_per_gal = 3.70;       ///< [USD/gal], >= 0 (estimate; EIA on-highway diesel, 2025)
  double diesel_escalation_frac_per_yr = 0.0;   ///< [-0.5..0.5] per year; also applies to DEF
  double def_price_usd_per_gal = 3.00;          ///< diesel exhaust fluid [USD/gal], >= 0 (estimate)
  double electricity_price_usd_per_kWh = 0.12;  ///< depot energy rate [USD/kWh], >= 0 (estimate;
                                                ///< EIA commercial average about $0.12-0.13)
  double electricity_escalation_frac_per_yr = 0.0;  ///< [-0.5..0.5]; applies to every electricity line
  double demand_charge_usd_per_kW_month = 10.0;     ///< on the depot charger's power [USD/(kW*month)], >= 0
                                                    ///< (estimate; tariffs range $5-30)
  double fixed_fees_usd_per_month = 60.0;     ///< per depot charger: meter, network, upkeep [USD/month], >= 0
                                              ///< (MIT Green Trucking: $60/month)
  double public_charging_usd_per_kWh = 0.45;  ///< en-route / public charging [USD/kWh], >= 0 (estimate)
  double public_charging_share_frac = 0.0;    ///< share of the depot energy bought at public chargers
                                              ///< instead [0..1]; en-route stops are always public
  double carbon_price_usd_per_t_co2 = 0.0;    ///< optional carbon price [USD per tonne CO2], >= 0
  double lcfs_credit_usd_per_kWh = 0.0;       ///< optional low-carbon-fuel credit revenue per kWh dispensed
                                              ///< to the EV [USD/kWh], >= 0
  // By year (the scalar's key written as a list, one nominal value per year of ownership; no escalation).
  std::vector<double> diesel_by_year_usd_per_gal;
  std::vector<double> def_by_year_usd_per_gal;
  std::vector<double> electricity_by_year_usd_per_kWh;
  std::vector<double> public_charging_by_year_usd_per_kWh;
  std::vector<double> demand_charge_by_year_usd_per_kW_month;  ///< the single-truck tariff's (not a depot's)
  std::vector<double> fixed_fees_by_year_usd_per_month;        ///< the single-truck tariff's (not a depot's)
};

/// How the year's miles are found.
enum class Utilisation {
  kAnnualMiles,  ///< Operations::annual_miles (and the day plan): the trip is a representative duty whose
                 ///< energy, fuel and time per mile are applied to the operation's own miles
  kFromRoute,    ///< the old rule: route length * routes_per_day * operating days (or
                 ///< annual_distance_override_mi); only when the scenario asks for it
};

/// Who drives (docs/tco.md, "Automation"). Every level other than kDriver is a buyer-entered assumption.
enum class Automation {
  kDriver,                ///< a driver under US hours of service (49 CFR 395.3)
  kDriverAssist,          ///< same hours; driver cost changed by driver_assist_driver_cost_change_frac
  kSupervisedDriverless,  ///< hub-to-hub without a driver: no hours-of-service limits, remote supervision
                          ///< paid per operating hour, at most driverless_max_operating_h_per_day a day
};

/// How the driver is paid (docs/tco.md, "Driver pay").
enum class DriverPay {
  kPerMile,  ///< driver_pay_usd_per_mi for every mile driven (the driving day's stops and dwells included,
             ///< as US truckload pay is quoted); en-route charging beyond the breaks by the hour
  kPerHour,  ///< driver_wage_usd_per_h for every paid hour on duty
};

/// One leg of the day plan: drive distance_m, then stand dwell_after_s (loading, unloading; on duty).
struct DayLeg {
  double distance_m = 0.0;     ///< [m], > 0 (scenario key distance_mi or any length unit)
  double dwell_after_s = 0.0;  ///< [s], >= 0 (scenario key dwell_after_min or any time unit)
};

/// The operating day: legs driven one after the other, then the truck parks at the depot.
struct DayPlan {
  std::vector<DayLeg> legs;  ///< empty: the day is one leg of annual_miles / operating_days_per_yr
  double depot_dwell_s = 10.0 * 3600.0;  ///< time parked at the depot [s], [0, 86400]; the depot
                                         ///< charging window (replaces charging.depot_window_s) (estimate)
};

/// Duty cycle. Hours-of-service: 49 CFR 395.3 (11 h driving, 14 h on duty, a 30-minute break after 8 h of
/// cumulative driving, 10 h off duty), scheduled by tco/hours_of_service.hpp.
struct Operations {
  Utilisation utilisation = Utilisation::kAnnualMiles;
  double annual_miles = 100000.0;  ///< miles per year [mi], (0, 1e7] (estimate: 400 mi a day on 250 days)
  std::vector<double> annual_miles_by_year;  ///< kAnnualMiles only: one value per year (key annual_miles as a
                                             ///< list); year y drives the same day on days * miles_y / miles_1
  DayPlan day_plan;
  int routes_per_day = 2;                    ///< kFromRoute only: runs of the route per day [1..50]
  double operating_days_per_yr = 250.0;      ///< [0..366] (estimate: 5 days a week, 50 weeks); with day-plan
                                             ///< legs 0 = annual_miles / daily distance, else it must agree
                                             ///< with that within 1 %; without legs it must be >= 1
  double annual_distance_override_mi = 0.0;  ///< kFromRoute only. 0: derive from routes and days; > 0:
                                             ///< miles per year, days scale to match
  /// freight offered per load [kg], > 0 (42,000 lb, estimate); one load per leg (per run for kFromRoute,
  /// per day without legs)
  double payload_desired_kg = units::kg_from_lb(42000.0);
  double empty_return_share_frac = 0.0;  ///< share of the distance driven empty [0..1) (deadhead);
                                         ///< ton-miles count only loaded distance
  DriverPay driver_pay = DriverPay::kPerMile;
  double driver_pay_usd_per_mi = 0.779;  ///< kPerMile: per mile driven [USD/mi], >= 0; ATRI Operational Costs
                                         ///< of Trucking, 2024 update: driver wages $0.779/mi (2023)
  double driver_wage_usd_per_h = 35.0;   ///< [USD/h], >= 0: every paid hour (kPerHour) or charging time
                                         ///< (kPerMile) (estimate: ATRI's $0.779/mi times ~45 mph)
  double driver_benefits_frac = 0.26;    ///< benefits on top of wage [0..2] (estimate)
  double hos_driving_before_break_s = 8.0 * 3600.0;  ///< driving allowed before a break [s] (49 CFR 395.3)
  double hos_break_s = 1800.0;  ///< length of the mandatory break [s] (49 CFR 395.3: 30 min)
  bool hos_break_paid = false;  ///< whether the driver is paid during the mandatory break
  bool team_drivers = false;    ///< a day one driver cannot do is shared by two (both paid), else infeasible
  Automation automation = Automation::kDriver;
  double driver_assist_driver_cost_change_frac = 0.0;  ///< kDriverAssist: change of driver cost [-1..1]
                                                       ///< (assumption entered by the buyer; default 0)
  double remote_supervision_usd_per_h = 15.0;  ///< kSupervisedDriverless: per operating hour [USD/h], >= 0
                                               ///< (estimate: a $45/h remote operator watching 3 trucks)
  double driverless_max_operating_h_per_day = 20.0;  ///< kSupervisedDriverless: hours a day the truck may
                                                     ///< operate (0, 24] (estimate: 4 h a day for
                                                     ///< inspection, maintenance and hub handling)
  /// gross combination weight limit [kg], > 0; 80,000 lb (23 USC 127)
  double gross_weight_limit_kg = units::kg_from_lb(80000.0);
  double ev_weight_allowance_kg = units::kg_from_lb(2000.0);  ///< extra gross weight for battery-electric
                                                              ///< [kg]; 2,000 lb (23 USC 127, FAST Act)
};

/// Maximum power the pack accepts as a function of state of charge: piecewise linear between points,
/// constant beyond the ends. Both vectors the same size (>= 1), soc strictly increasing in [0, 1].
struct ChargingCurve {
  std::vector<double> soc_frac;  ///< state of charge of the usable pack [0..1]
  std::vector<double> power_kW;  ///< power into the pack [kW], > 0
};

/// The depot's bill per truck from a fleet schedule (tco/depot_schedule.hpp, depot_share()), used in place
/// of the single-truck assumption (demand charge on one charger's power, 1 / trucks_per_charger of a
/// charger and of its fees) when `enabled`. Year-0 dollars; escalated like every electricity line.
struct DepotShare {
  bool enabled = false;
  double energy_price_usd_per_kWh = 0.0;  ///< time-of-use energy per grid kWh at the depot [USD/kWh], >= 0;
                                          ///< replaces prices.electricity_price_usd_per_kWh for depot energy
  double demand_charge_usd_per_yr = 0.0;  ///< this truck's share of the depot's demand charge [USD/yr], >= 0
  double fixed_fees_usd_per_yr = 0.0;     ///< share of the tariff's and chargers' fixed fees [USD/yr], >= 0
  double charger_capital_usd = 0.0;       ///< share of the chargers' hardware + installation [USD], >= 0
  double charger_life_yr = 0.0;           ///< the depot's charger life [yr]; 0: charging.charger_life_yr
};

/// How the depot charger's capital reaches the ledger (tco/charging_cost.hpp, docs/tco.md "Delivered electricity").
enum class ChargerCapital {
  kCapitalRecovery,  ///< a level charge every year: (C - S (1 + i)^-L) * CRF(i, L)
  kCash,             ///< C at year 0 (and at each renewal), the value left credited at the end of ownership
};

/// When the depot charges the truck within its dwell window.
enum class DepotCharging {
  kUnmanaged,  ///< as soon as plugged in, at the charger's power
  kManaged,    ///< at the cheapest hours of the dwell window that still meet departure
};

/// Depot (overnight) and en-route charging. Power limits are at the charger output; the energy taken
/// from the grid is energy into the pack / efficiency.
struct ChargingPlan {
  ChargingCurve
      acceptance;  ///< vehicle charge acceptance vs SOC (estimate; Tesla: 60-70 % in 30 min at ~1 MW)
  double reserve_soc_frac = 0.10;  ///< never plan below this SOC [0..1) (estimate)

  double depot_charger_power_kW = 150.0;    ///< [kW], > 0 (estimate)
  double depot_efficiency_frac = 0.92;      ///< grid to pack [0.5..1] (estimate)
  double depot_hardware_usd = 87500.0;      ///< per charger [USD], >= 0 (MIT Green Trucking)
  double depot_installation_usd = 33179.0;  ///< per charger [USD], >= 0 (MIT Green Trucking)
  double trucks_per_charger = 1.0;          ///< trucks sharing one depot charger [>= 1]; each truck gets
                                            ///< operations.day_plan.depot_dwell_s / trucks_per_charger
  // The depot's bill for one truck (tco/charging_cost.hpp; docs/tco.md "Delivered electricity").
  ChargerCapital charger_capital = ChargerCapital::kCapitalRecovery;
  double charger_life_yr = 10.0;       ///< depot charger service life [yr], [1, 50] (estimate; as depot.charger.life_yr)
  double charger_salvage_frac = 0.0;   ///< value left at the end of the life, share of hardware + installation
                                       ///< [0..1] (estimate: 0)
  DepotCharging depot_charging = DepotCharging::kUnmanaged;
  double depot_arrival_h = 18.0;       ///< clock hour the truck plugs in at the depot [h], [0, 24] (estimate)
  std::vector<TouPeriod> tou_weekday;  ///< depot energy prices by hour, Monday-Friday (tariff.hpp); empty: the
                                       ///< flat prices.electricity_price_usd_per_kWh
  std::vector<TouPeriod> tou_weekend;  ///< Saturday, Sunday; empty: the weekday periods

  double enroute_charger_power_kW = 750.0;  ///< high-power charger output [kW], (0..1500]
                                            ///< (Megacharger up to ~1 MW; estimate of typical)
  double enroute_efficiency_frac = 0.94;    ///< grid to pack [0.5..1] (estimate)
  double enroute_target_soc_frac = 0.80;    ///< charge en route up to this SOC (reserve..1] (estimate)
  double enroute_stop_overhead_s = 600.0;   ///< detour, queue, plug in/out per stop [s], >= 0 (estimate)
  std::vector<double> enroute_charger_positions_m;  ///< chargers along the run [m from run start], sorted,
                                                    ///< in [0, distance], repeated every run length over
                                                    ///< the day; empty: a charger wherever needed
  DepotShare depot_share;  ///< from a depot schedule; not a scenario key of its own (the depot section)
};

/// Everything the TCO model needs for one electric-vs-diesel comparison.
struct TcoInputs {
  int ownership_years = 7;                   ///< [1..30] (estimate)
  double discount_rate_frac = 0.07;          ///< per year [0..1] (OMB Circular A-4: 7 % real)
  double cost_escalation_frac_per_yr = 0.0;  ///< maintenance, tyres, tolls, registration, driver wage
                                             ///< [-0.5..0.5]; 0 = real (constant) dollars
  TruckCase electric;
  TruckCase diesel;
  EnergyPrices prices;
  Operations operations;
  ChargingPlan charging;
  Conventions conventions;  ///< discounting, residual, per-mile figure, payload, HVUT (tco/conventions.hpp)
};

/// Largest ownership period the model accepts (fixed-size ledgers keep Monte Carlo allocation-free).
inline constexpr int kMaxOwnershipYears = 30;

/// Throws TcoInputError naming the first bad key and its value; returns normally when every input is
/// in range. Checks stay on in Release.
void validate(const TcoInputs& inputs);

/// Defaults from public figures (../shared/REFERENCE.md), including representative trip summaries for a
/// 225-mile run (1.85 kWh/mi EV, 7.0 mpg diesel). resources/economics/defaults.json holds the same
/// values with a source for each.
TcoInputs default_inputs();

/// The default EV charge-acceptance curve (estimate): 1,000 kW to 60 % SOC, tapering to 100 kW at 100 %.
ChargingCurve default_acceptance_curve();

}  // namespace semitco::tco
