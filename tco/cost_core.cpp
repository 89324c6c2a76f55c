// One truck's year-by-year cash flows of each cost line, their discounting and the divisors of the levelised
// figures (conventions in cost_model.hpp and conventions.hpp, formulas in docs/tco.md).
#include "tco/cost_core.hpp"

#include <algorithm>
#include <cmath>

#include "tco/day_feasibility.hpp"
#include "tco/finance.hpp"
#include "tco/measured_inputs.hpp"
#include "tco/units.hpp"

namespace semitco::tco::detail {

namespace {

double escalate(double rate, int year) { return std::pow(1.0 + rate, static_cast<double>(year - 1)); }

}  // namespace

double by_year(const std::vector<double>& list, int year) {
  return list[static_cast<std::size_t>(std::clamp(year, 1, static_cast<int>(list.size())) - 1)];
}

const TruckCase& truck_of(const TcoInputs& in, Powertrain p) {
  return p == Powertrain::kBatteryElectric ? in.electric : in.diesel;
}

void compute_core(const TcoInputs& in, Powertrain p, TruckLedgerCore& out) {
  const bool ev = p == Powertrain::kBatteryElectric;
  const TruckCase& truck = truck_of(in, p);
  const TripSummary trip = effective_trip(truck, in.charging);  // measured energy in place of the simulated
  const TruckEconomics& e = truck.economics;
  const Operations& ops = in.operations;
  const EnergyPrices& pr = in.prices;
  const ChargingPlan& ch = in.charging;
  const int N = std::clamp(in.ownership_years, 1, kMaxOwnershipYears);
  out.years = N;
  for (int y = 0; y <= N; ++y) {
    out.cash[static_cast<std::size_t>(y)].fill(0.0);
    out.year_q[static_cast<std::size_t>(y)] = YearQuantities{};
  }
  out.q = OperatingQuantities{};
  out.plan1 = DayChargingPlan{};
  out.delivered = DeliveredElectricity{};  // zero for diesel (the core is reused for both trucks)
  out.feasible = true;

  // ---- operations: the trip as a representative duty (duty.hpp) ----
  OperatingQuantities& q = out.q;
  const DutyDay& duty = out.duty = duty_day(ops, trip);
  q.days_per_yr = duty.days_per_yr;
  q.miles_per_yr = duty.miles_per_yr;
  q.day_distance_mi = units::miles_from_m(duty.distance_m);
  q.runs_per_yr = duty.loads_per_day * duty.days_per_yr;
  q.loaded_miles_per_yr = q.miles_per_yr * (1.0 - ops.empty_return_share_frac);
  q.payload_kg = payload_kg(in, p);
  const Conventions& cv = in.conventions;
  // Truck multiplier: the freight offered needs desired / payload trucks; every cash flow scales, tons count
  // the freight offered.
  const bool multiply = cv.payload == PayloadTreatment::kTruckMultiplier && q.payload_kg > 0.0 &&
                        q.payload_kg < ops.payload_desired_kg;
  q.payload_multiplier = multiply ? ops.payload_desired_kg / q.payload_kg : 1.0;
  const double freight_kg = multiply ? ops.payload_desired_kg : q.payload_kg;
  q.tons_per_yr = q.runs_per_yr * units::short_tons_from_kg(freight_kg);
  q.ton_miles_per_yr = units::short_tons_from_kg(freight_kg) * q.loaded_miles_per_yr;
  q.taxable_gross_weight_lb = units::lb_from_kg(e.tare_kg + q.payload_kg);
  q.driving_h_per_day = units::h_from_s(duty.driving_s);
  // Trip quantities per year: per trip * (trip distances driven a year).
  const double trips_per_yr = duty.per_m * duty.days_per_yr;
  // Energy per mile the costs use, with its equivalents (year 1, before degradation).
  {
    const double mi = units::miles_from_m(trip.distance_m);
    const double kWh = ev ? units::kWh_from_J(trip.energy_from_source_J) / ch.depot_efficiency_frac
                          : units::gal_from_L(trip.fuel_L) * units::kKWhPerDieselGallon;
    q.energy_kWh_per_mi = mi > 0.0 ? kWh / mi : 0.0;
    q.mpg_diesel_equivalent = kWh > 0.0 ? mi * units::kKWhPerDieselGallon / kWh : 0.0;
    q.mpg_gasoline_equivalent = kWh > 0.0 ? mi * units::kKWhPerGasolineGallon / kWh : 0.0;
  }
  // Miles by year: year y drives the same day on days * miles_y / miles_1 days (operations.annual_miles
  // list).
  const std::vector<double>& miles_list = ops.annual_miles_by_year;
  auto year_scale = [&](int y) {
    return miles_list.empty() || q.miles_per_yr <= 0.0
               ? 1.0
               : miles_list[static_cast<std::size_t>(std::min(y, static_cast<int>(miles_list.size())) - 1)] /
                     q.miles_per_yr;
  };

  const bool driverless = ops.automation == Automation::kSupervisedDriverless;
  // Breaks one driver takes: the charging plan lays its longest stops over them (a team or no driver
  // takes none; schedule_day() then pays all the charging time).
  const int single_driver_breaks =
      driverless ? 0 : hos_breaks_per_day(duty.driving_s, ops.hos_driving_before_break_s);
  DayWork work;
  work.driving_s = duty.driving_s;
  work.on_duty_other_s = duty.stops_s + duty.dwell_s;
  const double labour_factor =
      ops.automation == Automation::kDriverAssist ? 1.0 + ops.driver_assist_driver_cost_change_frac : 1.0;

  // ---- capital at year 0 and financing ----
  const double price = e.purchase_price_usd;
  const double fet = excise_tax_usd(e);
  const double sales = sales_tax_usd(e);
  const double capital = price + fet + sales - e.incentives_usd;
  const double paid_now_frac = e.financed ? e.down_payment_frac : 1.0;
  const double principal = e.financed ? capital * (1.0 - e.down_payment_frac) : 0.0;
  auto book_capital = [&](LineArray& row, double frac) {
    row[idx(CostLine::kVehiclePrice)] += price * frac;
    row[idx(CostLine::kExciseTax)] += fet * frac;
    row[idx(CostLine::kSalesTax)] += sales * frac;
    row[idx(CostLine::kIncentives)] -= e.incentives_usd * frac;
  };
  book_capital(out.cash[0], paid_now_frac);
  if (ev) {  // charging_cost.hpp: capital recovery over the charger's life, or cash
    for (int y = 0; y <= N; ++y)
      out.cash[static_cast<std::size_t>(y)][idx(CostLine::kChargerCapital)] =
          charger_capital_cash_flow_usd(in, y);
  }
  const double monthly = (e.financed && principal > 0.0)
                             ? loan_payment_usd_per_month(principal, e.loan_apr_frac, e.loan_term_months)
                             : 0.0;

  const double hvut = cv.hvut ? hvut_usd_per_yr(q.taxable_gross_weight_lb) : 0.0;
  const double usable0_J = trip.usable_battery_J;
  const double co2_price_per_kg = pr.carbon_price_usd_per_t_co2 / units::kKgPerMetricTon;
  const double wage = ops.driver_wage_usd_per_h * (1.0 + ops.driver_benefits_frac);

  for (int y = 1; y <= N; ++y) {
    LineArray& row = out.cash[static_cast<std::size_t>(y)];
    YearQuantities& yq = out.year_q[static_cast<std::size_t>(y)];
    const double grow = escalate(e.energy_use_degradation_frac_per_yr, y);
    const double esc_o = escalate(in.cost_escalation_frac_per_yr, y);
    const double scale_y = year_scale(y);
    const double miles_y = q.miles_per_yr * scale_y;
    const double days_y = q.days_per_yr * scale_y;
    const double trips_y = trips_per_yr * scale_y;
    yq.miles = miles_y;

    // Financing: payments falling in months 12(y-1)+1 .. 12y, booked at the end of year y.
    if (e.financed && principal > 0.0) {
      const int m0 = 12 * (y - 1);
      const int m1 = 12 * y;
      const double repaid = loan_balance_usd(principal, e.loan_apr_frac, e.loan_term_months, m0) -
                            loan_balance_usd(principal, e.loan_apr_frac, e.loan_term_months, m1);
      const int months = std::clamp(e.loan_term_months - m0, 0, 12);
      const double payments = monthly * months;
      if (capital > 0.0) book_capital(row, repaid / capital);
      row[idx(CostLine::kFinancingInterest)] = payments - repaid;
    }

    if (ev) {
      const double esc_e = escalate(pr.electricity_escalation_frac_per_yr, y);
      // A list by year is nominal: its value replaces price * escalation.
      const std::vector<double>& elist = pr.electricity_by_year_usd_per_kWh;
      const std::vector<double>& plist = pr.public_charging_by_year_usd_per_kWh;
      int age = y - 1;
      if (e.battery_replacement_year > 0 && y > e.battery_replacement_year)
        age = y - 1 - e.battery_replacement_year;
      const double usable_J =
          usable0_J * std::pow(1.0 - e.battery_capacity_fade_frac_per_yr, static_cast<double>(age));
      DayChargingDemand demand;
      demand.day_distance_m = duty.distance_m;
      demand.day_energy_J = trip.energy_from_source_J * duty.per_m * grow;
      demand.run_distance_m = trip.distance_m;
      demand.usable_J = usable_J;
      demand.start_soc_frac = trip.start_soc_frac;
      demand.depot_window_s = duty.depot_dwell_s / ch.trucks_per_charger;
      demand.hos_breaks_per_day = single_driver_breaks;
      demand.hos_break_s = ops.hos_break_s;
      const DayChargingPlan plan = plan_day_charging(ch, demand);
      out.feasible = out.feasible && plan.feasible;
      if (y == 1) out.plan1 = plan;

      const double enroute_grid_kWh =
          units::kWh_from_J(plan.enroute_pack_J / ch.enroute_efficiency_frac) * days_y;
      const double depot_grid_kWh = units::kWh_from_J(plan.depot_pack_J / ch.depot_efficiency_frac) * days_y;
      const double public_kWh = pr.public_charging_share_frac * depot_grid_kWh;
      const double depot_kWh = (1.0 - pr.public_charging_share_frac) * depot_grid_kWh;
      const DepotShare& share = ch.depot_share;
      const DepotChargingDay dc =
          depot_charging_day(in, plan, usable_J, duty.depot_dwell_s, q.days_per_yr, ch.depot_charging);
      // The single-truck tariff on the day plan's charge (charging_cost.hpp); a flat price given as a list by
      // year replaces price * escalation (time-of-use periods and a list by year are refused together).
      const double depot_price = share.enabled ? share.energy_price_usd_per_kWh : dc.energy_usd_per_kWh();
      row[idx(CostLine::kDepotElectricity)] =
          share.enabled || elist.empty() ? depot_kWh * depot_price * esc_e : depot_kWh * by_year(elist, y);
      row[idx(CostLine::kPublicCharging)] = plist.empty()
                                                ? public_kWh * pr.public_charging_usd_per_kWh * esc_e
                                                : public_kWh * by_year(plist, y);
      row[idx(CostLine::kEnrouteCharging)] = plist.empty()
                                                 ? enroute_grid_kWh * pr.public_charging_usd_per_kWh * esc_e
                                                 : enroute_grid_kWh * by_year(plist, y);
      // A depot schedule's share replaces the single-truck tariff (charging_cost.hpp: the day plan's peak).
      // The single-truck tariff's demand price and fixed fees may be lists by year (nominal, no escalation).
      const std::vector<double>& dlist = pr.demand_charge_by_year_usd_per_kW_month;
      const std::vector<double>& flist = pr.fixed_fees_by_year_usd_per_month;
      const double n_share = ch.trucks_per_charger;
      row[idx(CostLine::kDemandCharge)] =
          share.enabled   ? share.demand_charge_usd_per_yr * esc_e
          : dlist.empty() ? dc.demand_usd_per_yr * esc_e
                          : by_year(dlist, y) * dc.peak_grid_kW * 12.0 / n_share;
      row[idx(CostLine::kElectricityFixedFees)] = share.enabled   ? share.fixed_fees_usd_per_yr * esc_e
                                                  : flist.empty() ? dc.fixed_usd_per_yr * esc_e
                                                                  : by_year(flist, y) * 12.0 / n_share;
      yq.depot_kWh = depot_kWh;
      row[idx(CostLine::kLcfsCredit)] =
          -(depot_kWh + public_kWh + enroute_grid_kWh) * pr.lcfs_credit_usd_per_kWh;
      if (y == e.battery_replacement_year) {
        row[idx(CostLine::kBatteryReplacement)] =
            units::kWh_from_J(usable0_J) * e.battery_replacement_usd_per_kWh;
      }
      work.enroute_charging_s = plan.enroute_time_s;
      work.charging_in_breaks_s = plan.break_overlap_s;
      yq.grid_kWh = depot_kWh + public_kWh + enroute_grid_kWh;
      yq.enroute_stops_per_day = plan.enroute_stops;
      if (y == 1) {
        q.enroute_stops_per_day = plan.enroute_stops;
        q.enroute_time_h_per_day = units::h_from_s(plan.enroute_time_s);
        q.depot_charge_h_per_day = units::h_from_s(plan.depot_time_s);
        out.delivered = DeliveredElectricity{};
        out.delivered.grid_kWh_per_yr = depot_kWh;
        out.delivered.peak_grid_kW = share.enabled ? 0.0 : dc.peak_grid_kW;
        out.delivered.charge_h_per_day = dc.charge_h;
        out.delivered.from_depot_schedule = share.enabled;
        out.delivered.unmanaged_energy_usd_per_kWh =
            depot_charging_day(in, plan, usable_J, duty.depot_dwell_s, q.days_per_yr,
                               DepotCharging::kUnmanaged)
                .energy_usd_per_kWh();
      }
    } else {
      const double esc_d = escalate(pr.diesel_escalation_frac_per_yr, y);
      const double gal = units::gal_from_L(trip.fuel_L) * trips_y * grow;
      const double def_gal = units::gal_from_L(trip.def_L) * trips_y * grow;
      const std::vector<double>& dlist = pr.diesel_by_year_usd_per_gal;
      const std::vector<double>& flist = pr.def_by_year_usd_per_gal;
      row[idx(CostLine::kDieselFuel)] =
          dlist.empty() ? gal * pr.diesel_price_usd_per_gal * esc_d : gal * by_year(dlist, y);
      row[idx(CostLine::kDef)] =
          flist.empty() ? def_gal * pr.def_price_usd_per_gal * esc_d : def_gal * by_year(flist, y);
      yq.diesel_gal = gal;
    }

    const DaySchedule sched = schedule_day(ops, work);
    // Charging a driver is paid for: beyond the breaks for one driver, all of it for a team, none driverless.
    const double paid_charging_s = sched.drivers == 1   ? work.enroute_charging_s - work.charging_in_breaks_s
                                   : sched.drivers == 2 ? work.enroute_charging_s
                                                        : 0.0;
    yq.paid_charging_h_per_day = units::h_from_s(paid_charging_s);
    if (y == 1) {
      out.schedule1 = sched;
      q.hos_breaks_per_day = sched.breaks;
      q.paid_charging_h_per_day = yq.paid_charging_h_per_day;
      q.driver_hours_per_day = sched.paid_driver_h;
      q.drivers = sched.drivers;
      q.supervised_h_per_day = sched.supervised_h;
    }
    yq.driver_hours = sched.paid_driver_h * days_y;
    if (ops.driver_pay == DriverPay::kPerMile) {
      // Each driver paid by the mile for the driving day; charging beyond the breaks paid by the hour.
      const double per_mile = ops.driver_pay_usd_per_mi * (1.0 + ops.driver_benefits_frac);
      row[idx(CostLine::kDriverLabour)] =
          (miles_y * per_mile * sched.drivers + yq.paid_charging_h_per_day * days_y * wage) * labour_factor *
          esc_o;
    } else {
      row[idx(CostLine::kDriverLabour)] = yq.driver_hours * wage * labour_factor * esc_o;
    }
    row[idx(CostLine::kRemoteSupervision)] =
        sched.supervised_h * days_y * ops.remote_supervision_usd_per_h * esc_o;
    row[idx(CostLine::kMaintenance)] = e.maintenance_by_year_usd_per_mi.empty()
                                           ? miles_y * e.maintenance_usd_per_mi * esc_o
                                           : miles_y * by_year(e.maintenance_by_year_usd_per_mi, y);
    row[idx(CostLine::kTyres)] = e.tyres_by_year_usd_per_mi.empty()
                                     ? miles_y * e.tyres_usd_per_mi * esc_o
                                     : miles_y * by_year(e.tyres_by_year_usd_per_mi, y);
    row[idx(CostLine::kTolls)] = miles_y * e.tolls_usd_per_mi * esc_o;
    row[idx(CostLine::kRegistration)] = e.registration_usd_per_yr * esc_o;
    row[idx(CostLine::kInsurance)] =
        (e.insurance_by_year_frac.empty() ? e.insurance_frac_of_price_per_yr
                                          : by_year(e.insurance_by_year_frac, y)) *
        price;
    row[idx(CostLine::kHvut)] = hvut;
    row[idx(CostLine::kCarbonCost)] = trip.co2_kg * trips_y * grow * co2_price_per_kg;
    if (y == N) row[idx(CostLine::kResidualValue)] = -residual_value_usd(e, N);
  }

  if (q.payload_multiplier != 1.0) {
    for (int y = 0; y <= N; ++y) {
      for (double& v : out.cash[static_cast<std::size_t>(y)]) v *= q.payload_multiplier;
    }
  }

  // ---- discounting (conventions.discount_timing, residual_booking) ----
  const double i = in.discount_rate_frac;
  const bool end_of_year = cv.discount_timing == DiscountTiming::kEndOfYear;
  for (int y = 0; y <= N; ++y)
    out.factor[static_cast<std::size_t>(y)] = operating_discount_factor(i, y, cv.discount_timing);
  out.residual_factor = cv.residual_booking == ResidualBooking::kEndOfOwnership
                            ? discount_factor(i, N)
                            : out.factor[static_cast<std::size_t>(N)];
  out.pv.fill(0.0);
  out.pv_total = 0.0;
  for (int y = 0; y <= N; ++y) {
    const double d = out.factor[static_cast<std::size_t>(y)];
    for (std::size_t l = 0; l < kCostLineCount; ++l)
      out.pv[l] += out.cash[static_cast<std::size_t>(y)][l] *
                   (l == idx(CostLine::kResidualValue) ? out.residual_factor : d);
  }
  for (double v : out.pv) out.pv_total += v;
  out.annuity = annuity_factor(i, N);

  // ---- divisors (conventions.per_mile) ----
  q.lifetime_miles = 0.0;
  double disc_years = 0.0, disc_miles = 0.0, life_scale = 0.0;
  for (int y = 1; y <= N; ++y) {
    const double d = out.factor[static_cast<std::size_t>(y)];
    const double s = year_scale(y);
    disc_years += d;
    disc_miles += s * d;
    life_scale += s;
    q.lifetime_miles += q.miles_per_yr * s;
  }
  if (cv.per_mile == PerMileBasis::kLifetimeMiles) {
    out.per_yr_div = N;
    out.per_mi_div = q.miles_per_yr * life_scale;
    out.per_ton_mi_div = q.ton_miles_per_yr * life_scale;
    out.per_ton_div = q.tons_per_yr * life_scale;
  } else if (end_of_year && miles_list.empty()) {
    // The closed form, as before the conventions existed.
    out.per_yr_div = out.annuity;
    out.per_mi_div = q.miles_per_yr * out.annuity;
    out.per_ton_mi_div = q.ton_miles_per_yr * out.annuity;
    out.per_ton_div = q.tons_per_yr * out.annuity;
  } else {
    out.per_yr_div = disc_years;
    out.per_mi_div = q.miles_per_yr * disc_miles;
    out.per_ton_mi_div = q.ton_miles_per_yr * disc_miles;
    out.per_ton_div = q.tons_per_yr * disc_miles;
  }
  if (ev) {  // the delivered $/kWh by part, over the discounted kWh (the same factors and multiplier as the
             // costs)
    double pv_kWh = 0.0;
    for (int y = 1; y <= N; ++y)
      pv_kWh += out.year_q[static_cast<std::size_t>(y)].depot_kWh * out.factor[static_cast<std::size_t>(y)] *
                q.payload_multiplier;
    const DeliveredElectricity day1 = out.delivered;
    out.delivered = delivered_electricity(
        out.pv[idx(CostLine::kDepotElectricity)], out.pv[idx(CostLine::kDemandCharge)],
        out.pv[idx(CostLine::kElectricityFixedFees)], out.pv[idx(CostLine::kChargerCapital)], pv_kWh);
    out.delivered.grid_kWh_per_yr = day1.grid_kWh_per_yr;
    out.delivered.peak_grid_kW = day1.peak_grid_kW;
    out.delivered.charge_h_per_day = day1.charge_h_per_day;
    out.delivered.from_depot_schedule = day1.from_depot_schedule;
    out.delivered.unmanaged_energy_usd_per_kWh = day1.unmanaged_energy_usd_per_kWh;
  }
}

}  // namespace semitco::tco::detail
