// Loan annuity, discounting, residual value, FET, sales tax and HVUT: formulas in finance.hpp and
// docs/tco.md.
#include "tco/finance.hpp"

#include <algorithm>
#include <cmath>

namespace semitco::tco {

double loan_payment_usd_per_month(double principal_usd, double apr_frac, int term_months) {
  if (term_months <= 0)
    throw TcoInputError("loan_term_months = " + std::to_string(term_months) + " (must be >= 1)");
  const double r = apr_frac / 12.0;
  const double n = static_cast<double>(term_months);
  if (r == 0.0) return principal_usd / n;
  return principal_usd * r / (1.0 - std::pow(1.0 + r, -n));
}

double loan_balance_usd(double principal_usd, double apr_frac, int term_months, int months) {
  if (months >= term_months) return 0.0;
  if (months <= 0) return principal_usd;
  const double m = loan_payment_usd_per_month(principal_usd, apr_frac, term_months);
  const double r = apr_frac / 12.0;
  const double k = static_cast<double>(months);
  if (r == 0.0) return principal_usd - k * m;
  const double g = std::pow(1.0 + r, k);
  return std::max(0.0, principal_usd * g - m * (g - 1.0) / r);
}

double discount_factor(double rate_frac, int year) {
  return std::pow(1.0 + rate_frac, -static_cast<double>(year));
}

double npv_usd(std::span<const double> cash_flows_usd, double rate_frac) {
  double sum = 0.0;
  for (std::size_t y = 0; y < cash_flows_usd.size(); ++y) {
    sum += cash_flows_usd[y] * discount_factor(rate_frac, static_cast<int>(y));
  }
  return sum;
}

double annuity_factor(double rate_frac, int years) {
  double sum = 0.0;
  for (int y = 1; y <= years; ++y) sum += discount_factor(rate_frac, y);
  return sum;
}

double residual_value_usd(const TruckEconomics& e, int years) {
  switch (e.residual_rule) {
    case ResidualRule::kFractionOfPrice:
      return e.purchase_price_usd * e.residual_value_frac;
    case ResidualRule::kDecliningBalance:
      return e.purchase_price_usd *
             std::pow(1.0 - e.depreciation_rate_frac_per_yr, static_cast<double>(years));
  }
  return 0.0;
}

double hvut_usd_per_yr(double taxable_gross_weight_lb) {
  // Round to a thousandth of a pound first so that a weight converted from kg (80,000 lb -> 36,287.39 kg
  // -> 79,999.9999...) lands in the right 1,000-lb bracket.
  const double w = std::round(taxable_gross_weight_lb * 1000.0) / 1000.0;
  if (w < 55000.0) return 0.0;
  const double brackets = std::ceil((w - 55000.0) / 1000.0);
  return std::min(550.0, 100.0 + 22.0 * brackets);
}

double excise_tax_usd(const TruckEconomics& e) { return e.purchase_price_usd * e.fet_rate_frac; }

double sales_tax_usd(const TruckEconomics& e) {
  return (e.purchase_price_usd + excise_tax_usd(e)) * e.sales_tax_rate_frac;
}

}  // namespace semitco::tco
