// The depot's charging bill for one truck; formulas in charging_cost.hpp and docs/tco.md.
#include "tco/charging_cost.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "tco/parameters.hpp"
#include "tco/units.hpp"

namespace semitco::tco {

namespace {

constexpr double kWeekdaysPerYr = 365.0 * 5.0 / 7.0;
constexpr int kMaxPieces = 128;
constexpr double kJPerKWh = 3.6e6;

// A part of the dwell window at one price; hours from the plug-in day's midnight.
struct Piece {
  double t0_h = 0.0, t1_h = 0.0, price = 0.0;
  [[nodiscard]] double len_s() const { return (t1_h - t0_h) * 3600.0; }
};

bool contains(const TouPeriod& p, double h) {
  if (p.start_h <= p.end_h) return h >= p.start_h && h < p.end_h;
  return h >= p.start_h || h < p.end_h;
}

double price_at(const std::vector<TouPeriod>& day, double flat, double hour) {
  if (day.empty()) return flat;
  double h = std::fmod(hour, 24.0);
  if (h < 0.0) h += 24.0;
  for (const auto& p : day)
    if (contains(p, h)) return p.price_usd_per_kWh;
  return day.front().price_usd_per_kWh;
}

// The window [a, a + w) cut at every period boundary (today's and tomorrow's).
int window_pieces(const std::vector<TouPeriod>& day, double flat, double a_h, double w_h,
                  std::array<Piece, kMaxPieces>& out) {
  std::array<double, kMaxPieces> cuts{};
  int nc = 0;
  cuts[static_cast<std::size_t>(nc++)] = a_h;
  for (int k = 0; k <= 2; ++k) {
    for (const auto& p : day) {
      const double c = p.start_h + 24.0 * k;
      if (c > a_h + 1e-12 && c < a_h + w_h - 1e-12 && nc < kMaxPieces - 1) cuts[static_cast<std::size_t>(nc++)] = c;
    }
  }
  cuts[static_cast<std::size_t>(nc++)] = a_h + w_h;
  std::sort(cuts.begin(), cuts.begin() + nc);
  int np = 0;
  for (int i = 0; i + 1 < nc; ++i) {
    const double t0 = cuts[static_cast<std::size_t>(i)], t1 = cuts[static_cast<std::size_t>(i + 1)];
    if (t1 - t0 < 1e-12) continue;
    out[static_cast<std::size_t>(np++)] = Piece{t0, t1, price_at(day, flat, 0.5 * (t0 + t1))};
  }
  return np;
}

// One truck's charge from s_e to s_0 with the pack's power capped at cap_kW.
struct Charge {
  const ChargingCurve* curve = nullptr;
  double U_J = 0.0, s_e = 0.0, s_0 = 0.0, cap_kW = 0.0, T_s = 0.0;
  bool constant = false;  // the curve never falls below the cap: constant power
  [[nodiscard]] double soc_at(double tau_s) const {
    if (tau_s <= 0.0) return s_e;
    if (tau_s >= T_s) return s_0;
    if (constant) return s_e + cap_kW * 1000.0 * tau_s / U_J;
    return std::min(s_0, soc_after_charging(*curve, U_J, s_e, tau_s, cap_kW));
  }
};

Charge make_charge(const ChargingCurve& curve, double U_J, double s_e, double s_0, double cap_kW, double min_acc_kW) {
  Charge c;
  c.curve = &curve;
  c.U_J = U_J;
  c.s_e = s_e;
  c.s_0 = s_0;
  c.cap_kW = cap_kW;
  c.constant = min_acc_kW >= cap_kW;
  c.T_s = c.constant ? (s_0 - s_e) * U_J / (cap_kW * 1000.0) : charge_time_s(curve, U_J, s_e, s_0, cap_kW);
  return c;
}

// Pack energy [J] the charger puts in while its working time runs from c0 to c1 [s]: n trucks in turn,
// each the same profile of length T (the last one cut short when n is not whole).
double pack_J_between(const Charge& ch, double n, double c0, double c1) {
  double J = 0.0;
  const int trucks = static_cast<int>(std::ceil(n - 1e-9));
  const double end = n * ch.T_s;
  for (int j = 0; j < trucks; ++j) {
    const double off = j * ch.T_s;
    const double a = std::max(c0 - off, 0.0);
    const double b = std::min({c1 - off, ch.T_s, end - off});
    if (b > a) J += ch.U_J * (ch.soc_at(b) - ch.soc_at(a));
  }
  return J;
}

struct Priced {
  double usd_per_kWh = 0.0;  // mean price of the charger's grid energy
  double peak_grid_kW = 0.0;
  double cost = 0.0;  // energy + demand per truck per day, for choosing
  double charge_s = 0.0;
};

// Prices a schedule: used_s[i] seconds of piece i (its earliest part), in time order.
Priced price_schedule(const std::array<Piece, kMaxPieces>& pieces, int np, const std::array<double, kMaxPieces>& used_s,
                      const Charge& ch, double n, double eff, double max_acc_kW, double truck_kWh,
                      double demand_usd_per_grid_kW_day) {
  double c = 0.0, usd = 0.0, kWh = 0.0;
  for (int i = 0; i < np; ++i) {
    const double u = used_s[static_cast<std::size_t>(i)];
    if (u <= 0.0) continue;
    const double e = pack_J_between(ch, n, c, c + u) / eff / kJPerKWh;
    usd += e * pieces[static_cast<std::size_t>(i)].price;
    kWh += e;
    c += u;
  }
  Priced p;
  p.usd_per_kWh = kWh > 0.0 ? usd / kWh : 0.0;
  p.peak_grid_kW = std::min(ch.cap_kW, max_acc_kW) / eff;
  p.charge_s = ch.T_s;
  p.cost = p.usd_per_kWh * truck_kWh + demand_usd_per_grid_kW_day * p.peak_grid_kW;
  return p;
}

struct DayInputs {
  const ChargingCurve* curve;
  double U_J, s_e, s_0, Pc, n, eff, min_acc, max_acc, truck_kWh, demand_per_kW_day, arrival_h, dwell_h, flat;
};

// Lowest cap (<= Pc) at which n trucks fit their charge into w_s of charger time.
double cap_for_time(const DayInputs& d, double w_s) {
  const double E_J = (d.s_0 - d.s_e) * d.U_J;
  const double c0 = d.n * E_J / w_s / 1000.0;  // constant power
  if (c0 <= d.min_acc) return std::min(c0, d.Pc);
  double lo = std::min(d.min_acc, d.Pc), hi = d.Pc;
  for (int it = 0; it < 50; ++it) {
    const double mid = 0.5 * (lo + hi);
    if (d.n * charge_time_s(*d.curve, d.U_J, d.s_e, d.s_0, mid) > w_s) lo = mid;
    else hi = mid;
  }
  return hi;
}

Priced price_day(const DayInputs& d, const std::vector<TouPeriod>& periods, DepotCharging mode, bool* managed_better) {
  std::array<Piece, kMaxPieces> pieces{};
  const int np = window_pieces(periods, d.flat, d.arrival_h, d.dwell_h, pieces);
  std::array<double, kMaxPieces> used{};
  const Charge full = make_charge(*d.curve, d.U_J, d.s_e, d.s_0, d.Pc, d.min_acc);
  const double need_s = d.n * full.T_s;
  // (a) unmanaged: from arrival.
  double left = need_s;
  for (int i = 0; i < np; ++i) {
    const double u = std::min(left, pieces[static_cast<std::size_t>(i)].len_s());
    used[static_cast<std::size_t>(i)] = u;
    left -= u;
  }
  const Priced unmanaged = price_schedule(pieces, np, used, full, d.n, d.eff, d.max_acc, d.truck_kWh, d.demand_per_kW_day);
  if (mode == DepotCharging::kUnmanaged) return unmanaged;
  Priced best = unmanaged;
  // (b) the full power in the cheapest parts (price, then time).
  std::array<int, kMaxPieces> order{};
  for (int i = 0; i < np; ++i) order[static_cast<std::size_t>(i)] = i;
  std::stable_sort(order.begin(), order.begin() + np, [&](int a, int b) {
    return pieces[static_cast<std::size_t>(a)].price < pieces[static_cast<std::size_t>(b)].price;
  });
  used.fill(0.0);
  left = need_s;
  for (int k = 0; k < np; ++k) {
    const int i = order[static_cast<std::size_t>(k)];
    const double u = std::min(left, pieces[static_cast<std::size_t>(i)].len_s());
    used[static_cast<std::size_t>(i)] = u;
    left -= u;
  }
  const Priced greedy = price_schedule(pieces, np, used, full, d.n, d.eff, d.max_acc, d.truck_kWh, d.demand_per_kW_day);
  if (greedy.cost < best.cost) best = greedy;
  // (c) every price level: the whole window up to that price at the lowest cap that still meets departure.
  for (int k = 0; k < np; ++k) {
    const double level = pieces[static_cast<std::size_t>(order[static_cast<std::size_t>(k)])].price;
    if (k + 1 < np && pieces[static_cast<std::size_t>(order[static_cast<std::size_t>(k + 1)])].price == level) continue;
    double w_s = 0.0;
    for (int i = 0; i < np; ++i) {
      const Piece& p = pieces[static_cast<std::size_t>(i)];
      used[static_cast<std::size_t>(i)] = p.price <= level ? p.len_s() : 0.0;
      w_s += used[static_cast<std::size_t>(i)];
    }
    if (w_s < need_s || w_s <= 0.0) continue;
    const Charge spread = make_charge(*d.curve, d.U_J, d.s_e, d.s_0, cap_for_time(d, w_s), d.min_acc);
    const Priced p = price_schedule(pieces, np, used, spread, d.n, d.eff, d.max_acc, d.truck_kWh, d.demand_per_kW_day);
    if (p.cost < best.cost) best = p;
  }
  if (managed_better) *managed_better = best.cost < unmanaged.cost;
  return best;
}

}  // namespace

double capital_recovery_factor(double rate_frac, double life_yr) {
  if (!(life_yr > 0.0)) return 0.0;
  if (rate_frac == 0.0) return 1.0 / life_yr;
  return rate_frac / (1.0 - std::pow(1.0 + rate_frac, -life_yr));
}

double charger_capital_per_truck_usd(const TcoInputs& in) {
  const ChargingPlan& ch = in.charging;
  return ch.depot_share.enabled ? ch.depot_share.charger_capital_usd
                                : (ch.depot_hardware_usd + ch.depot_installation_usd) / ch.trucks_per_charger;
}

double charger_life_yr(const TcoInputs& in) {
  const DepotShare& s = in.charging.depot_share;
  return s.enabled && s.charger_life_yr > 0.0 ? s.charger_life_yr : in.charging.charger_life_yr;
}

double charger_capital_cash_flow_usd(const TcoInputs& in, int year) {
  const double C = charger_capital_per_truck_usd(in);
  const double S = in.charging.charger_salvage_frac * C;
  const double L = charger_life_yr(in);
  const int N = in.ownership_years;
  const double i = in.discount_rate_frac;
  if (C == 0.0 || !(L > 0.0) || year < 0 || year > N) return 0.0;
  if (in.charging.charger_capital == ChargerCapital::kCapitalRecovery) {
    return year == 0 ? 0.0 : (C - S * std::pow(1.0 + i, -L)) * capital_recovery_factor(i, L);
  }
  // Cash: bought at 0 and renewed at round(k L) < N; the value left credited at N.
  double usd = 0.0;
  int last = 0;
  for (int k = 0;; ++k) {
    const int at = static_cast<int>(std::lround(k * L));
    if (k > 0 && at >= N) break;
    if (at == year) usd += C;
    last = at;
  }
  if (year == N) {
    const double age = std::min(static_cast<double>(N - last), L);
    usd -= C - (C - S) * age / L;
  }
  return usd;
}

DepotChargingDay depot_charging_day(const TcoInputs& in, const DayChargingPlan& plan, double usable_J,
                                    double depot_dwell_s, double days_per_yr, DepotCharging mode) {
  const ChargingPlan& ch = in.charging;
  const EnergyPrices& pr = in.prices;
  DepotChargingDay out;
  const double n = ch.trucks_per_charger;
  const double eff = ch.depot_efficiency_frac;
  out.grid_kWh = plan.depot_pack_J / eff / kJPerKWh;
  out.fixed_usd_per_yr = pr.fixed_fees_usd_per_month * 12.0 / n;
  if (!(plan.depot_pack_J > 0.0) || !(usable_J > 0.0) || !(depot_dwell_s > 0.0)) return out;
  DayInputs d{};
  d.curve = &ch.acceptance;
  d.U_J = usable_J;
  d.s_0 = plan.start_soc_frac;
  d.s_e = d.s_0 - plan.depot_pack_J / usable_J;
  d.Pc = ch.depot_charger_power_kW;
  d.n = n;
  d.eff = eff;
  d.min_acc = d.max_acc = acceptance_power_kW(ch.acceptance, d.s_e);
  auto take = [&](double s) {
    const double p = acceptance_power_kW(ch.acceptance, s);
    d.min_acc = std::min(d.min_acc, p);
    d.max_acc = std::max(d.max_acc, p);
  };
  take(d.s_0);
  for (double s : ch.acceptance.soc_frac)
    if (s > d.s_e && s < d.s_0) take(s);
  d.truck_kWh = out.grid_kWh;
  d.demand_per_kW_day = days_per_yr > 0.0 ? pr.demand_charge_usd_per_kW_month * 12.0 / n / days_per_yr : 0.0;
  d.arrival_h = ch.depot_arrival_h;
  d.dwell_h = depot_dwell_s / 3600.0;
  d.flat = pr.electricity_price_usd_per_kWh;
  const Priced wd = price_day(d, ch.tou_weekday, mode, nullptr);
  const double w = days_per_yr > 0.0 ? std::min(days_per_yr, kWeekdaysPerYr) / days_per_yr : 1.0;
  Priced we = wd;
  if (!ch.tou_weekend.empty() && w < 1.0) we = price_day(d, ch.tou_weekend, mode, nullptr);
  out.energy_usd = (w * wd.usd_per_kWh + (1.0 - w) * we.usd_per_kWh) * out.grid_kWh;
  out.peak_grid_kW = std::max(wd.peak_grid_kW, w < 1.0 ? we.peak_grid_kW : 0.0);
  out.charge_h = wd.charge_s / 3600.0;
  out.demand_usd_per_yr = pr.demand_charge_usd_per_kW_month * out.peak_grid_kW * 12.0 / n;
  return out;
}

DeliveredElectricity delivered_electricity(double pv_energy_usd, double pv_demand_usd, double pv_fixed_usd,
                                           double pv_capital_usd, double pv_depot_kWh) {
  DeliveredElectricity d;
  if (!(pv_depot_kWh > 0.0)) return d;
  d.energy_usd_per_kWh = pv_energy_usd / pv_depot_kWh;
  d.demand_usd_per_kWh = pv_demand_usd / pv_depot_kWh;
  d.fixed_usd_per_kWh = pv_fixed_usd / pv_depot_kWh;
  d.capital_usd_per_kWh = pv_capital_usd / pv_depot_kWh;
  d.total_usd_per_kWh = d.energy_usd_per_kWh + d.demand_usd_per_kWh + d.fixed_usd_per_kWh + d.capital_usd_per_kWh;
  return d;
}

const char* charger_capital_key(ChargerCapital c) {
  return c == ChargerCapital::kCash ? "cash" : "capital_recovery";
}

const char* depot_charging_key(DepotCharging m) { return m == DepotCharging::kManaged ? "managed" : "unmanaged"; }

void validate_depot_charging(const TcoInputs& in) {
  const ChargingPlan& ch = in.charging;
  Tariff t;
  if (!ch.tou_weekday.empty()) {
    t.weekday = ch.tou_weekday;
  } else if (!ch.tou_weekend.empty()) {
    throw TcoInputError("charging.tou.weekend: given without charging.tou.weekday (give both, or only weekday)");
  }
  t.weekend = ch.tou_weekend;
  validate(t, "charging.tou");
}

}  // namespace semitco::tco
