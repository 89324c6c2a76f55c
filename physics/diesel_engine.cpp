// Diesel engine curves and fuel map; see diesel_engine.hpp for the equations.
#include "physics/diesel_engine.hpp"

#include <algorithm>
#include <cmath>

namespace semitco::physics {

namespace {
// Index i of the interval [a[i], a[i+1]] holding x (clamped to the first/last interval: extrapolates),
// starting from the last answer `hint`.
std::size_t interval(const std::vector<double>& a, double x, std::size_t& hint) {
  const std::size_t last = a.size() - 2;
  std::size_t i = std::min(hint, last);
  const bool inside = (i == 0 || x >= a[i]) && (i == last || x < a[i + 1]);
  if (!inside) {
    const auto it = std::upper_bound(a.begin() + 1, a.end() - 1, x);
    i = static_cast<std::size_t>(it - a.begin()) - 1;
  }
  hint = i;
  return i;
}

Table1D table_of(const std::vector<TorquePoint>& c) {
  std::vector<double> w, t;
  for (const auto& q : c) {
    w.push_back(q.speed_radps);
    t.push_back(q.torque_Nm);
  }
  return Table1D(std::move(w), std::move(t));
}
}  // namespace

DieselEngine::DieselEngine(const DieselEngineParams& p, double lhv_J_per_kg)
    : p_((p.check(), p)),
      lhv_(lhv_J_per_kg),
      full_load_(table_of(p.full_load)),
      motoring_(table_of(p.motoring)),
      engine_brake_(table_of(p.engine_brake)) {
  require_in_range("fuel.lhv_J_per_kg", lhv_, 3e7, 5e7);
  map_ = p_.fuel_map.empty() ? willans_map(p_, lhv_) : p_.fuel_map;
  const double w0 = p_.full_load.front().speed_radps, w1 = p_.full_load.back().speed_radps;
  for (int i = 0; i <= 2000; ++i) {
    const double w = w0 + (w1 - w0) * i / 2000.0;
    max_power_W_ = std::max(max_power_W_, full_load_Nm(w) * w);
  }
}

double DieselEngine::curve(const std::vector<TorquePoint>& c, double w) {
  if (w <= c.front().speed_radps) return c.front().torque_Nm;
  if (w >= c.back().speed_radps) return c.back().torque_Nm;
  const auto it = std::upper_bound(c.begin(), c.end(), w,
                                   [](double x, const TorquePoint& q) { return x < q.speed_radps; });
  const auto& b = *it;
  const auto& a = *(it - 1);
  return a.torque_Nm + (b.torque_Nm - a.torque_Nm) * (w - a.speed_radps) / (b.speed_radps - a.speed_radps);
}

double DieselEngine::table(double w, double t) const {
  const auto& ws = map_.speed_radps;
  const auto& ts = map_.torque_Nm;
  const std::size_t i = interval(ws, w, speed_cursor_), j = interval(ts, t, torque_cursor_);
  const double u = (w - ws[i]) / (ws[i + 1] - ws[i]);
  const double s = (t - ts[j]) / (ts[j + 1] - ts[j]);
  const std::size_t nt = ts.size();
  const double f00 = map_.fuel_kgps[i * nt + j], f01 = map_.fuel_kgps[i * nt + j + 1];
  const double f10 = map_.fuel_kgps[(i + 1) * nt + j], f11 = map_.fuel_kgps[(i + 1) * nt + j + 1];
  return (1.0 - u) * ((1.0 - s) * f00 + s * f01) + u * ((1.0 - s) * f10 + s * f11);
}

double DieselEngine::fuel_kgps(double w, double torque) const {
  double f;
  if (torque >= 0.0) {
    f = table(w, torque);
  } else {
    const double t_mot = motoring_Nm(w);
    const double frac = t_mot > 0.0 ? std::max(0.0, 1.0 + torque / t_mot) : 0.0;
    f = table(w, 0.0) * frac;
  }
  // Never more than 50 % brake efficiency (guards extrapolated corners of the table).
  return std::max({f, 2.0 * torque * w / lhv_, 0.0});
}

double DieselEngine::bsfc_g_per_kWh(double w, double torque) const {
  const double p = torque * w;
  return p > 0.0 ? fuel_kgps(w, torque) / p * 3.6e9 : 0.0;
}

double DieselEngine::idle_fuel_kgps(double aux_W) const {
  const double w = p_.idle_speed_radps;
  return fuel_kgps(w, aux_W / w);
}

FuelMapTable DieselEngine::willans_map(const DieselEngineParams& p, double lhv) {
  const auto& m = p.willans;
  m.check();
  FuelMapTable t;
  for (double rpm = 500.0; rpm <= p.max_speed_radps / kRadpsPerRpm + 100.0; rpm += 100.0) {
    t.speed_radps.push_back(rpm * kRadpsPerRpm);
  }
  double t_max = 0.0;
  for (const auto& q : p.full_load) t_max = std::max(t_max, q.torque_Nm);
  for (double tq = 0.0; tq <= t_max + 100.0; tq += 100.0) t.torque_Nm.push_back(tq);
  for (const double w : t.speed_radps) {
    const double t_fric = curve(p.motoring, w);
    const double ds = w / m.speed_opt_radps - 1.0;
    const double eta_speed = m.indicated_eff_max * (1.0 - m.k_speed * ds * ds);
    for (const double tq : t.torque_Nm) {
      const double bmep = 4.0 * M_PI * tq / m.displacement_m3;
      const double dl = std::max(0.0, bmep / m.bmep_knee_Pa - 1.0);
      const double eta_i = std::max(0.05, eta_speed * (1.0 - m.k_load * dl * dl));
      t.fuel_kgps.push_back((tq + t_fric) * w / eta_i / lhv);
    }
  }
  return t;
}

}  // namespace semitco::physics
