// The cost report of each truck and the comparison, levelised from the ledger core (cost_core.hpp: the
// year-by-year cash flows and their discounting; conventions in cost_model.hpp, formulas in docs/tco.md).
#include "tco/cost_model.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "tco/charging.hpp"
#include "tco/charging_cost.hpp"
#include "tco/cost_core.hpp"
#include "tco/day_feasibility.hpp"
#include "tco/duty.hpp"
#include "tco/finance.hpp"
#include "tco/measured_inputs.hpp"
#include "tco/units.hpp"

namespace semitco::tco {

namespace {

using namespace detail;

double safe_div(double a, double b) { return b != 0.0 ? a / b : 0.0; }

// A figure for a plain-language note: whole numbers with thousands separators from 1,000 up (44,092 lb),
// else 4 significant digits, never an exponent.
std::string fmt(double v) {
  std::ostringstream s;
  if (std::abs(v) >= 1000.0) {
    const long long n = std::llround(std::abs(v));
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
      digits.insert(static_cast<std::size_t>(i), ",");
    return (v < 0.0 ? "-" : "") + digits;
  }
  s.precision(4);
  s << v;
  return s.str();
}

CostReport report_from_core(const TcoInputs& in, Powertrain p, const TruckLedgerCore& c) {
  CostReport r;
  r.powertrain = p;
  r.quantities = c.q;
  r.feasible = c.feasible;
  const double yrs = c.per_yr_div;
  const double per_mi = c.per_mi_div;
  const double per_ton_mi = c.per_ton_mi_div;
  const double per_ton = c.per_ton_div;
  r.delivered = c.delivered;
  for (CostLine l : all_cost_lines()) {
    CostLineSummary s;
    s.line = l;
    s.key = std::string(cost_line_key(l));
    s.npv_usd = c.pv[idx(l)];
    s.usd_per_yr = safe_div(s.npv_usd, yrs);
    s.usd_per_mi = safe_div(s.npv_usd, per_mi);
    s.usd_per_ton_mi = safe_div(s.npv_usd, per_ton_mi);
    s.usd_per_ton = safe_div(s.npv_usd, per_ton);
    r.lines.push_back(std::move(s));
  }
  r.npv_usd = c.pv_total;
  r.usd_per_yr = safe_div(c.pv_total, yrs);
  r.usd_per_mi = safe_div(c.pv_total, per_mi);
  r.usd_per_ton_mi = safe_div(c.pv_total, per_ton_mi);
  r.usd_per_ton = safe_div(c.pv_total, per_ton);

  double cum = 0.0;
  double cum_d = 0.0;
  for (int y = 0; y <= c.years; ++y) {
    const auto yy = static_cast<std::size_t>(y);
    LedgerYear ly;
    ly.year = y;
    ly.usd = c.cash[yy];
    for (double v : ly.usd) ly.total_usd += v;
    ly.discount_factor = c.factor[yy];
    const double residual = ly.usd[idx(CostLine::kResidualValue)];
    ly.residual_discount_factor = y == c.years ? c.residual_factor : ly.discount_factor;
    ly.discounted_total_usd =
        (ly.total_usd - residual) * ly.discount_factor + residual * ly.residual_discount_factor;
    ly.miles = c.year_q[yy].miles;
    ly.driver_hours = c.year_q[yy].driver_hours;
    ly.diesel_gal = c.year_q[yy].diesel_gal;
    ly.grid_kWh = c.year_q[yy].grid_kWh;
    ly.enroute_stops_per_day = c.year_q[yy].enroute_stops_per_day;
    ly.paid_charging_h_per_day = c.year_q[yy].paid_charging_h_per_day;
    cum += ly.total_usd;
    cum_d += ly.discounted_total_usd;
    r.cumulative_usd.push_back(cum);
    r.cumulative_discounted_usd.push_back(cum_d);
    r.ledger.push_back(ly);
  }

  const bool ev = p == Powertrain::kBatteryElectric;
  const Operations& ops = in.operations;
  r.energy_basis = energy_basis_text(truck_of(in, p).economics, ev);
  if (r.energy_basis != "simulated") r.notes.push_back("energy: " + r.energy_basis);
  if (c.q.payload_multiplier != 1.0) {
    r.notes.push_back("convention: payload multiplier " + fmt(c.q.payload_multiplier) +
                      " trucks for the freight offered, applied to every cost (conventions.payload)");
  }
  r.day = judge_day(in, p, c.duty, c.plan1, c.schedule1);
  r.feasible = r.day.status != DayFeasibility::kInfeasible;
  if (!r.feasible)
    r.notes.push_back("the day cannot be done: " + r.day.reason);
  else if (!r.day.reason.empty())
    r.notes.push_back(r.day.reason);
  if (!c.feasible && r.feasible) {
    r.notes.push_back(
        "charging.enroute_charger_positions_m: in a later year a gap between chargers is longer than the "
        "usable pack allows; the shortfall is costed as extra stops");
  }
  if (c.schedule1.drivers == 2) {
    r.notes.push_back("assumption: a team of two drivers (operations.team_drivers), both paid for " +
                      fmt(c.schedule1.on_duty_h) + " h a day");
  }
  if (ops.automation == Automation::kDriverAssist) {
    r.notes.push_back("assumption (buyer-entered): driver assist changes the driver cost by " +
                      fmt(100.0 * ops.driver_assist_driver_cost_change_frac) +
                      " % (operations.driver_assist_driver_cost_change_frac); hours of service unchanged");
  } else if (ops.automation == Automation::kSupervisedDriverless) {
    r.notes.push_back(
        "assumption (buyer-entered): supervised driverless operation, no hours-of-service limits, "
        "remote supervision at $" +
        fmt(ops.remote_supervision_usd_per_h) + "/h for " + fmt(c.schedule1.supervised_h) +
        " h a day, at most " + fmt(ops.driverless_max_operating_h_per_day) + " h a day");
  }
  const double payload_desired = ops.payload_desired_kg;
  if (c.q.payload_kg < payload_desired) {
    r.notes.push_back(std::string(ev ? "electric" : "diesel") + " payload limited by gross weight to " +
                      fmt(units::lb_from_kg(c.q.payload_kg)) + " lb of the " +
                      fmt(units::lb_from_kg(payload_desired)) + " lb offered");
  }
  return r;
}

}  // namespace

std::string_view cost_line_key(CostLine line) {
  switch (line) {
    case CostLine::kVehiclePrice:
      return "vehicle_price";
    case CostLine::kExciseTax:
      return "excise_tax";
    case CostLine::kSalesTax:
      return "sales_tax";
    case CostLine::kIncentives:
      return "incentives";
    case CostLine::kFinancingInterest:
      return "financing_interest";
    case CostLine::kChargerCapital:
      return "charger_capital";
    case CostLine::kResidualValue:
      return "residual_value";
    case CostLine::kDieselFuel:
      return "diesel_fuel";
    case CostLine::kDef:
      return "def";
    case CostLine::kDepotElectricity:
      return "depot_electricity";
    case CostLine::kDemandCharge:
      return "demand_charge";
    case CostLine::kElectricityFixedFees:
      return "electricity_fixed_fees";
    case CostLine::kPublicCharging:
      return "public_charging";
    case CostLine::kEnrouteCharging:
      return "enroute_charging";
    case CostLine::kMaintenance:
      return "maintenance_repair";
    case CostLine::kTyres:
      return "tyres";
    case CostLine::kInsurance:
      return "insurance";
    case CostLine::kHvut:
      return "hvut";
    case CostLine::kRegistration:
      return "registration";
    case CostLine::kTolls:
      return "tolls";
    case CostLine::kDriverLabour:
      return "driver_labour";
    case CostLine::kRemoteSupervision:
      return "remote_supervision";
    case CostLine::kBatteryReplacement:
      return "battery_replacement";
    case CostLine::kCarbonCost:
      return "carbon_cost";
    case CostLine::kLcfsCredit:
      return "lcfs_credit";
  }
  return "unknown";
}

const std::array<CostLine, kCostLineCount>& all_cost_lines() {
  static const std::array<CostLine, kCostLineCount> lines = [] {
    std::array<CostLine, kCostLineCount> a{};
    for (std::size_t i = 0; i < kCostLineCount; ++i) a[i] = static_cast<CostLine>(i);
    return a;
  }();
  return lines;
}

double payload_kg(const TcoInputs& in, Powertrain p) {
  const Operations& ops = in.operations;
  const double limit =
      ops.gross_weight_limit_kg + (p == Powertrain::kBatteryElectric ? ops.ev_weight_allowance_kg : 0.0);
  return std::min(ops.payload_desired_kg, limit - truck_of(in, p).economics.tare_kg);
}

CostReport cost_report(const TcoInputs& inputs, Powertrain powertrain) {
  validate(inputs);
  TruckLedgerCore core;
  compute_core(inputs, powertrain, core);
  return report_from_core(inputs, powertrain, core);
}

QuickTotals quick_totals(const TcoInputs& inputs) {
  QuickTotals t;
  TruckLedgerCore core;
  compute_core(inputs, Powertrain::kBatteryElectric, core);
  t.electric_npv_usd = core.pv_total;
  t.electric_usd_per_mi = safe_div(core.pv_total, core.per_mi_div);
  compute_core(inputs, Powertrain::kDiesel, core);
  t.diesel_npv_usd = core.pv_total;
  t.diesel_usd_per_mi = safe_div(core.pv_total, core.per_mi_div);
  return t;
}

std::optional<int> break_even_year(std::span<const double> electric_cum, std::span<const double> diesel_cum) {
  // Walk back from the end of ownership while the electric truck is no dearer; the last year walked is
  // the first of the run that lasts to the end.
  const std::size_t n = std::min(electric_cum.size(), diesel_cum.size());
  std::optional<int> year;
  for (std::size_t y = n; y-- > 0;) {
    if (electric_cum[y] > diesel_cum[y]) break;
    year = static_cast<int>(y);
  }
  return year;
}

Comparison compare(const TcoInputs& inputs) {
  validate(inputs);
  Comparison c;
  {
    TruckLedgerCore core;
    compute_core(inputs, Powertrain::kBatteryElectric, core);
    c.electric = report_from_core(inputs, Powertrain::kBatteryElectric, core);
    compute_core(inputs, Powertrain::kDiesel, core);
    c.diesel = report_from_core(inputs, Powertrain::kDiesel, core);
  }
  c.savings_usd_per_mi = c.diesel.usd_per_mi - c.electric.usd_per_mi;
  c.savings_usd_per_yr = c.diesel.usd_per_yr - c.electric.usd_per_yr;
  c.savings_usd_per_ton_mi = c.diesel.usd_per_ton_mi - c.electric.usd_per_ton_mi;
  c.savings_usd_per_ton = c.diesel.usd_per_ton - c.electric.usd_per_ton;
  c.savings_npv_usd = c.diesel.npv_usd - c.electric.npv_usd;
  c.ev_runs_per_diesel_run_same_freight =
      safe_div(c.diesel.quantities.payload_kg, c.electric.quantities.payload_kg);

  c.break_even_year =
      break_even_year(c.electric.cumulative_discounted_usd, c.diesel.cumulative_discounted_usd);

  // Cost per mile is linear in each price (every energy line is quantity * price * escalation), so two
  // evaluations give the exact line and the break-even price follows in closed form.
  TcoInputs probe = inputs;
  {
    const double p0 = inputs.prices.diesel_price_usd_per_gal;
    probe.prices.diesel_price_usd_per_gal = p0 + 1.0;
    const double slope = quick_totals(probe).diesel_usd_per_mi - c.diesel.usd_per_mi;  // $/mi per $/gal
    probe.prices.diesel_price_usd_per_gal = p0;
    if (slope != 0.0)
      c.break_even_diesel_price_usd_per_gal = p0 + (c.electric.usd_per_mi - c.diesel.usd_per_mi) / slope;
  }
  {
    const double p0 = inputs.prices.electricity_price_usd_per_kWh;
    probe.prices.electricity_price_usd_per_kWh = p0 + 1.0;
    const double slope = quick_totals(probe).electric_usd_per_mi - c.electric.usd_per_mi;  // $/mi per $/kWh
    if (slope != 0.0) {
      c.break_even_electricity_price_usd_per_kWh = p0 + (c.diesel.usd_per_mi - c.electric.usd_per_mi) / slope;
    }
  }
  return c;
}

}  // namespace semitco::tco
