// The TCO cost model: every cost line of each truck, year by year, discounted, and per mile, per ton-mile
// and per ton delivered; the electric-vs-diesel comparison with break-even prices and break-even year.
//
// Conventions (docs/tco.md has the full derivation):
//  * Cash flows: capital (down payment or cash price, FET, sales tax, incentives) at year 0 (the depot
//    charger by its own rule, charging_cost.hpp); loan payments, operating costs and the battery replacement at the END of year y = 1..N;
//    the residual value as a negative cost at the end of year N. Loan payments are monthly but summed
//    per year and booked at the year end.
//  * Discounting: NPV = sum_{y=0..N} C_y (1 + i)^-y. Other timings, residual booking, per-mile basis, payload
//    treatment and HVUT are scenario conventions (tco/conventions.hpp; the defaults are the rules here).
//  * Levelised values: $/yr = NPV / a_N with a_N = sum_{y=1..N} (1 + i)^-y;  $/mi = NPV / (miles/yr * a_N);
//    $/ton-mi and $/ton likewise with ton-miles/yr and tons/yr. Every line uses the same divisor, so the
//    lines add up to the total. Ton = US short ton (2,000 lb); ton-miles count loaded distance only.
//  * Prices escalate: year y pays p0 (1 + e)^(y-1).
//  * Payload = min(desired, gross limit (+ EV allowance) - tare). A truck that carries less per run
//    keeps the same schedule and delivers fewer tons, so its cost per ton and per ton-mile rise. For a
//    fixed freight task this equals running (tons_diesel / tons_EV) times as many EV runs (more trucks,
//    more miles): every cost scales with the number of identical trucks, so cost per ton is the same.
//  * Financed capital lines (price, FET, sales tax, incentives) are booked in proportion to the cash
//    actually paid: the down-payment share at year 0 and each year's principal repaid; interest is its
//    own line.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tco/charging_cost.hpp"
#include "tco/hours_of_service.hpp"
#include "tco/inputs.hpp"

namespace semitco::tco {

/// Every cost line. Negative amounts are revenue or value returned (incentives, residual, LCFS credit).
enum class CostLine : int {
  kVehiclePrice,          ///< truck price (cash share at year 0, principal share later when financed)
  kExciseTax,             ///< federal excise tax, 12 % (26 USC 4051)
  kSalesTax,              ///< state sales tax on price + FET
  kIncentives,            ///< user-entered incentives (negative)
  kFinancingInterest,     ///< loan interest
  kChargerCapital,        ///< depot charger hardware + installation / trucks per charger, over its life (EV;
                          ///< charging_cost.hpp)
  kResidualValue,         ///< resale value at the end of ownership (negative)
  kDieselFuel,            ///< diesel gallons * price
  kDef,                   ///< diesel exhaust fluid gallons * price
  kDepotElectricity,      ///< depot kWh from the grid * energy rate
  kDemandCharge,          ///< $/kW-month * the day plan's peak grid kW * 12 / trucks per charger
  kElectricityFixedFees,  ///< $/month * 12 / trucks per charger
  kPublicCharging,        ///< depot energy bought at public chargers instead (public_charging_share_frac)
                          ///< * public price
  kEnrouteCharging,       ///< en-route charge stops' grid kWh * public price (stops in CostReport::day)
  kMaintenance,           ///< repair & maintenance $/mi
  kTyres,                 ///< tyres $/mi
  kInsurance,             ///< % of purchase price per year
  kHvut,                  ///< heavy vehicle use tax (IRS 2290)
  kRegistration,          ///< registration, plates, permits
  kTolls,                 ///< tolls $/mi
  kDriverLabour,          ///< paid driver hours * wage * (1 + benefits) (* (1 + assist change))
  kRemoteSupervision,     ///< supervised driverless: operating hours * remote_supervision_usd_per_h
  kBatteryReplacement,    ///< mid-life pack replacement (EV)
  kCarbonCost,            ///< CO2 tonnes * carbon price
  kLcfsCredit,            ///< low-carbon-fuel credit revenue (negative)
};
inline constexpr std::size_t kCostLineCount = 25;

/// snake_case key of a line, as used in CSV/JSON output ("diesel_fuel", "driver_labour", ...).
std::string_view cost_line_key(CostLine line);

/// All lines in enum order.
const std::array<CostLine, kCostLineCount>& all_cost_lines();

/// One line of a CostReport.
struct CostLineSummary {
  CostLine line{};
  std::string key;
  double npv_usd = 0.0;         ///< present value over ownership [USD]
  double usd_per_yr = 0.0;      ///< levelised annual [USD/yr]
  double usd_per_mi = 0.0;      ///< [USD/mi]
  double usd_per_ton_mi = 0.0;  ///< [USD per short-ton-mile]
  double usd_per_ton = 0.0;     ///< [USD per short ton delivered]
};

/// One year of the ledger: nominal cash flow by line (year 0 = purchase).
struct LedgerYear {
  int year = 0;
  std::array<double, kCostLineCount> usd{};  ///< indexed by static_cast<int>(CostLine)
  double total_usd = 0.0;
  double discount_factor = 1.0;       ///< (1 + i)^-year
  double discounted_total_usd = 0.0;  ///< total_usd * discount_factor (the residual at its own factor)
  double residual_discount_factor = 1.0;  ///< factor of the residual value line (conventions.residual_booking)
  double miles = 0.0;
  double driver_hours = 0.0;
  double diesel_gal = 0.0;
  double grid_kWh = 0.0;  ///< depot + public energy drawn from the grid
  double enroute_stops_per_day = 0.0;
  double paid_charging_h_per_day = 0.0;  ///< en-route charging time outside HOS breaks
};

/// Physical quantities behind the costs (year 1 where they change with age).
struct OperatingQuantities {
  double payload_kg = 0.0;
  double runs_per_yr = 0.0;  ///< loads per year (one per leg; one a day without legs; runs from route)
  double days_per_yr = 0.0;
  double day_distance_mi = 0.0;
  double miles_per_yr = 0.0;
  double loaded_miles_per_yr = 0.0;
  double tons_per_yr = 0.0;       ///< short tons delivered
  double ton_miles_per_yr = 0.0;  ///< short tons * loaded miles
  int hos_breaks_per_day = 0;
  double driver_hours_per_day = 0.0;     ///< paid hours, year 1
  int enroute_stops_per_day = 0;         ///< year 1
  double enroute_time_h_per_day = 0.0;   ///< year 1, charging + overhead
  double paid_charging_h_per_day = 0.0;  ///< year 1, beyond the HOS breaks
  double depot_charge_h_per_day = 0.0;   ///< year 1, per truck
  double driving_h_per_day = 0.0;        ///< at the duty's time per mile
  int drivers = 1;                       ///< 1, 2 (team) or 0 (supervised driverless)
  double supervised_h_per_day = 0.0;     ///< remotely supervised hours (driverless)
  double taxable_gross_weight_lb = 0.0;  ///< tare + payload, for HVUT
  double payload_multiplier = 1.0;       ///< trucks per truck of the freight offered (conventions.payload =
                                         ///< truck_multiplier), applied to every cash flow; else 1
  // Energy the costs use (after TruckEconomics::energy), year 1, with its equivalents (docs/tco.md):
  double energy_kWh_per_mi = 0.0;  ///< electric: grid kWh per mile at the depot plug; diesel: fuel heat (LHV)
  double mpg_diesel_equivalent = 0.0;    ///< miles per US gallon of diesel (electric: per 37.656 kWh at the plug)
  double mpg_gasoline_equivalent = 0.0;  ///< miles per gasoline gallon equivalent (33.705 kWh, EPA MPGe)
  double lifetime_miles = 0.0;           ///< sum of the years' miles
};

/// Can the truck do the day, and how (judged before any cost; year 1). docs/tco.md, "Feasibility".
struct DayFeasibility {
  enum Status {
    kDepotOnly,     ///< feasible on depot charging alone (always, for a diesel that passes the hours)
    kNeedsEnroute,  ///< feasible with enroute_stops en-route charge stops
    kInfeasible,    ///< cannot be done: reason says why (range, hours of service, charging window)
  };
  struct Stop {
    double at_mi = 0.0;     ///< position from the start of the day [mi]
    double minutes = 0.0;   ///< charging plus overhead [min]
    double pack_kWh = 0.0;  ///< into the pack [kWh]
    double grid_kWh = 0.0;  ///< from the grid [kWh]
    double cost_usd = 0.0;  ///< grid kWh * public price, year 1 [USD]
  };
  Status status = kDepotOnly;
  int enroute_stops = 0;
  std::vector<Stop> stops;           ///< every stop of the day (at most DayChargingPlan::kMaxListedStops)
  double depot_shortfall_kWh = 0.0;  ///< what the depot window cannot put back [kWh] (0: it can)
  double day_h = 0.0;                ///< the whole day: working span + depot dwell [h]
  std::string reason;    ///< infeasible: why, with the figures; otherwise notes (e.g. a short window)
  DaySchedule schedule;  ///< hours of service
};

/// "depot_only", "needs_enroute", "infeasible" (batch columns, JSON).
const char* day_status_key(DayFeasibility::Status s);

struct CostReport {
  Powertrain powertrain{};
  std::vector<CostLineSummary> lines;  ///< every line in enum order (zero lines included)
  double npv_usd = 0.0;                ///< NPV of total cost of ownership [USD]
  double usd_per_yr = 0.0;
  double usd_per_mi = 0.0;
  double usd_per_ton_mi = 0.0;
  double usd_per_ton = 0.0;
  OperatingQuantities quantities;
  std::vector<LedgerYear> ledger;                 ///< years 0..N
  std::vector<double> cumulative_usd;             ///< nominal, years 0..N
  std::vector<double> cumulative_discounted_usd;  ///< years 0..N
  bool feasible = true;                           ///< day.status != kInfeasible
  DayFeasibility day;                             ///< the day's verdict, stops and schedule
  std::vector<std::string> notes;  ///< plain-language warnings (oversubscribed charger, > 11 h driving, ...)
  std::string energy_basis = "simulated";  ///< which energy the costs use (measured_inputs.hpp energy_basis_text)
  DeliveredElectricity delivered;  ///< electric: depot $/kWh by part (charging_cost.hpp); zero for diesel

  [[nodiscard]] const CostLineSummary& line(CostLine l) const { return lines[static_cast<std::size_t>(l)]; }
};

struct Comparison {
  CostReport electric;
  CostReport diesel;
  double savings_usd_per_mi = 0.0;  ///< diesel - electric (> 0: electric cheaper)
  double savings_usd_per_yr = 0.0;  ///< levelised
  double savings_usd_per_ton_mi = 0.0;
  double savings_usd_per_ton = 0.0;
  double savings_npv_usd = 0.0;
  std::optional<int> break_even_year;  ///< first year from which the cumulative discounted cost of the EV
                                       ///< stays <= the diesel's to the end of ownership (0 = from the
                                       ///< start); none ("never") if the EV is dearer at the end
                                       ///< (see break_even_year())
  std::optional<double> break_even_diesel_price_usd_per_gal;       ///< equal $/mi; may be negative
  std::optional<double> break_even_electricity_price_usd_per_kWh;  ///< depot rate for equal $/mi
  double ev_runs_per_diesel_run_same_freight = 1.0;                ///< diesel payload / EV payload
};

/// Payload per run: min(desired, gross limit (+ EV allowance) - tare) [kg].
double payload_kg(const TcoInputs& inputs, Powertrain powertrain);

/// Full report for one truck. Validates first (throws TcoInputError).
CostReport cost_report(const TcoInputs& inputs, Powertrain powertrain);

/// Both trucks, savings, break-even prices and year. Validates first (throws TcoInputError).
Comparison compare(const TcoInputs& inputs);

/// First year y such that electric_cum[t] <= diesel_cum[t] for every t >= y (cumulative costs by year
/// 0..N, same length); std::nullopt when the electric curve ends above the diesel's. A crossing that is
/// undone later does not count: curves that cross twice give the year of the last crossing.
std::optional<int> break_even_year(std::span<const double> electric_cum, std::span<const double> diesel_cum);

/// Totals only, without validation and without allocating: what Monte Carlo and sensitivity evaluate.
struct QuickTotals {
  double electric_usd_per_mi = 0.0;
  double diesel_usd_per_mi = 0.0;
  double electric_npv_usd = 0.0;
  double diesel_npv_usd = 0.0;
  [[nodiscard]] double savings_usd_per_mi() const { return diesel_usd_per_mi - electric_usd_per_mi; }
  [[nodiscard]] double savings_npv_usd() const { return diesel_npv_usd - electric_npv_usd; }
};
QuickTotals quick_totals(const TcoInputs& inputs);

}  // namespace semitco::tco
