// Money formulas against hand calculations written out from the formulas.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "tco/finance.hpp"

using namespace semitco::tco;

TEST_CASE("loan payment follows the annuity formula", "[finance]") {
  // L = 100,000, APR 6 % -> r = 0.005 per month, n = 60: M = L r / (1 - (1 + r)^-n) = 1,933.28
  const double r = 0.06 / 12.0;
  const double hand = 100000.0 * r / (1.0 - std::pow(1.0 + r, -60.0));
  CHECK(hand == Approx(1933.28).margin(0.005));
  CHECK(loan_payment_usd_per_month(100000.0, 0.06, 60) == Approx(hand).epsilon(1e-12));
  // Interest-free: L / n.
  CHECK(loan_payment_usd_per_month(120000.0, 0.0, 48) == Approx(2500.0));
}

TEST_CASE("loan balance matches a month-by-month amortisation", "[finance]") {
  const double L = 250000.0, apr = 0.075;
  const int n = 72;
  const double m = loan_payment_usd_per_month(L, apr, n);
  double bal = L;
  for (int k = 1; k <= n; ++k) {
    bal = bal * (1.0 + apr / 12.0) - m;  // interest accrues, then the payment
    if (k == 12 || k == 37) CHECK(loan_balance_usd(L, apr, n, k) == Approx(bal).epsilon(1e-10));
  }
  CHECK(std::abs(bal) < 1e-6);
  CHECK(loan_balance_usd(L, apr, n, n) == 0.0);
  CHECK(loan_balance_usd(L, apr, n, 0) == L);
  CHECK(loan_balance_usd(1200.0, 0.0, 12, 3) == Approx(900.0));
}

TEST_CASE("NPV discounts end-of-year cash flows / year 0 undiscounted", "[finance]") {
  const std::vector<double> flows{-100.0, 50.0, 60.0};
  // -100 + 50 / 1.1 + 60 / 1.21 = -100 + 45.4545... + 49.5867... = -4.9587
  CHECK(npv_usd(flows, 0.10) == Approx(-100.0 + 50.0 / 1.1 + 60.0 / 1.21));
  CHECK(npv_usd(flows, 0.0) == Approx(10.0));
  CHECK(discount_factor(0.07, 0) == 1.0);
  CHECK(discount_factor(0.07, 2) == Approx(1.0 / (1.07 * 1.07)));
  // a_3 at 5 %: 1/1.05 + 1/1.05^2 + 1/1.05^3 = (1 - 1.05^-3) / 0.05 = 2.72325
  CHECK(annuity_factor(0.05, 3) == Approx((1.0 - std::pow(1.05, -3.0)) / 0.05));
  CHECK(annuity_factor(0.0, 7) == 7.0);
}

TEST_CASE("residual value by fraction or declining balance", "[finance]") {
  TruckEconomics e;
  e.purchase_price_usd = 200000.0;
  e.residual_rule = ResidualRule::kFractionOfPrice;
  e.residual_value_frac = 0.25;
  CHECK(residual_value_usd(e, 7) == Approx(50000.0));
  e.residual_rule = ResidualRule::kDecliningBalance;
  e.depreciation_rate_frac_per_yr = 0.15;
  // 200,000 * 0.85^5 = 200,000 * 0.4437053125 = 88,741.06
  CHECK(residual_value_usd(e, 5) == Approx(88741.0625));
}

TEST_CASE("HVUT: $100 + $22 per 1000 lb (or fraction) over 55000 lb / capped at $550", "[finance]") {
  CHECK(hvut_usd_per_yr(54999.0) == 0.0);
  CHECK(hvut_usd_per_yr(55000.0) == 100.0);
  CHECK(hvut_usd_per_yr(55001.0) == 122.0);              // a fraction of 1,000 lb counts as a whole
  CHECK(hvut_usd_per_yr(60000.0) == 100.0 + 22.0 * 5);   // 210
  CHECK(hvut_usd_per_yr(60500.0) == 100.0 + 22.0 * 6);   // 232
  CHECK(hvut_usd_per_yr(75000.0) == 100.0 + 22.0 * 20);  // 540
  CHECK(hvut_usd_per_yr(75001.0) == 550.0);
  CHECK(hvut_usd_per_yr(80000.0) == 550.0);
  CHECK(hvut_usd_per_yr(82000.0) == 550.0);
  // A weight that went through kg keeps its bracket: 70,000 lb -> kg -> lb.
  CHECK(hvut_usd_per_yr(70000.0 * 0.45359237 / 0.45359237) == 100.0 + 22.0 * 15);
}

TEST_CASE("FET is 12 % of price / sales tax applies to price + FET", "[finance]") {
  TruckEconomics e;
  e.purchase_price_usd = 411200.0;
  e.fet_rate_frac = 0.12;
  e.sales_tax_rate_frac = 0.0725;
  CHECK(excise_tax_usd(e) == Approx(49344.0));                       // 0.12 * 411,200
  CHECK(sales_tax_usd(e) == Approx((411200.0 + 49344.0) * 0.0725));  // 33,389.44
}
