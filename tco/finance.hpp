// Money formulas of the TCO model: loan annuity, discounting, residual value, statutory taxes.
//
//   loan payment     M = L r / (1 - (1 + r)^-n),  r = APR / 12, n = term in months (M = L / n when r = 0)
//   balance after k  B_k = L (1 + r)^k - M ((1 + r)^k - 1) / r              (B_k = L - k M when r = 0)
//   discount factor  d_y = (1 + i)^-y  for a cash flow at the end of year y (year 0 = purchase, d_0 = 1)
//   NPV              sum_y C_y d_y
//   annuity factor   a_N = sum_{y=1..N} d_y = (1 - (1 + i)^-N) / i      (= N when i = 0)
//   residual value   price * f  (fraction rule)  or  price * (1 - rate)^N  (declining balance)
//   FET              12 % of the first retail sale price (26 USC 4051)
//   HVUT (IRS 2290)  0 below 55,000 lb; $100 + $22 per 1,000 lb (or fraction) over 55,000 lb; at most $550
// See docs/tco.md for the conventions.
#pragma once

#include <span>

#include "tco/inputs.hpp"

namespace semitco::tco {

/// Level monthly payment of a loan of principal_usd over term_months at apr_frac (monthly compounding).
double loan_payment_usd_per_month(double principal_usd, double apr_frac, int term_months);

/// Outstanding balance after `months` payments (0 <= months <= term; clamps to 0 after the term).
double loan_balance_usd(double principal_usd, double apr_frac, int term_months, int months);

/// Discount factor (1 + rate)^-year for a cash flow at the end of `year` (year 0: today).
double discount_factor(double rate_frac, int year);

/// Net present value of cash flows [C_0, C_1, ..., C_N], C_y at the end of year y.
double npv_usd(std::span<const double> cash_flows_usd, double rate_frac);

/// Present value of 1 $ at the end of each year 1..years.
double annuity_factor(double rate_frac, int years);

/// Resale value at the end of `years` of ownership by the truck's residual rule.
double residual_value_usd(const TruckEconomics& economics, int years);

/// Heavy vehicle use tax per year for a taxable gross weight in pounds (IRS Form 2290).
double hvut_usd_per_yr(double taxable_gross_weight_lb);

/// Federal excise tax on the purchase price (rate 12 % by 26 USC 4051, from TruckEconomics::fet_rate_frac).
double excise_tax_usd(const TruckEconomics& economics);

/// Sales tax on price + FET.
double sales_tax_usd(const TruckEconomics& economics);

}  // namespace semitco::tco
