// Unit tests of the diesel engine model and of the powertrain's instantaneous energy balance.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "diesel_support.hpp"
#include "physics/diesel_engine.hpp"
#include "physics/diesel_powertrain.hpp"

using namespace semitco;
using physics::kRadpsPerRpm;

TEST_CASE("diesel engine: best BSFC 190-200 g/kWh and about 450 hp at rated speed", "[physics][diesel]") {
  const physics::DieselTruckParams p = test::diesel_truck();
  const physics::DieselEngine e(p.engine, p.fuel.lhv_J_per_kg);
  double best = 1e9;
  for (double rpm = 600.0; rpm <= 2000.0; rpm += 10.0) {
    const double w = rpm * kRadpsPerRpm;
    for (double t = 50.0; t <= e.full_load_Nm(w); t += 10.0) best = std::min(best, e.bsfc_g_per_kWh(w, t));
  }
  CHECK(best >= 190.0);
  CHECK(best <= 200.0);
  // 450 hp = 335.6 kW at 1,800 rpm; peak torque 1,650-1,850 lb-ft between 1,000 and 1,200 rpm.
  const double w_rated = p.engine.rated_speed_radps;
  CHECK(w_rated == Approx(1800.0 * kRadpsPerRpm));
  CHECK(e.full_load_Nm(w_rated) * w_rated / 745.69987 == Approx(450.0).epsilon(0.02));
  for (double rpm : {1000.0, 1100.0, 1200.0}) {
    const double lbft = e.full_load_Nm(rpm * kRadpsPerRpm) / 1.3558179;
    CHECK(lbft >= 1650.0);
    CHECK(lbft <= 1850.0);
  }
  // Fuel cut when motored beyond friction; the map is at least the friction fuel at zero torque.
  const double w = 1400.0 * kRadpsPerRpm;
  CHECK(e.fuel_kgps(w, -e.motoring_Nm(w) - 1.0) == 0.0);
  CHECK(e.fuel_kgps(w, 0.0) > 0.0);
  // Idle with 5 kW of accessories: 0.5-1.0 US gal/h is the usual range for a 15 L engine.
  const double gal_per_h =
      e.idle_fuel_kgps(5000.0) * 3600.0 / p.fuel.density_kg_per_m3 * 1000.0 / 3.785411784;
  CHECK(gal_per_h > 0.5);
  CHECK(gal_per_h < 1.0);
}

TEST_CASE("diesel flows: the balance closes and every loss is non-negative on a grid of speed force and gear",
          "[physics][diesel][invariant]") {
  const auto p = test::diesel_truck();
  const physics::DieselPowertrain pt(p);
  int checked = 0;
  for (int g = 1; g <= pt.gearbox().gears(); ++g) {
    for (double v = 0.0; v <= 35.0; v += 0.37) {
      const auto lim = pt.limits_in_gear(g, v);
      for (int k = -10; k <= 10; ++k) {
        const double f = k >= 0 ? lim.max_traction_N * k / 10.0 : lim.max_retard_N * k / 10.0;
        physics::PowerFlows fl;
        pt.flows_in_gear(g, v, f, fl);
        INFO("gear " << g << " v " << v << " F " << f);
        CHECK(fl.driveline_loss_W >= 0.0);
        CHECK(fl.engine_loss_W >= -1e-9 * fl.source_out_W);
        CHECK(fl.engine_brake_W >= 0.0);
        CHECK(fl.source_out_W >= 0.0);
        CHECK(fl.source_in_W == 0.0);
        const double sinks = f * v + fl.driveline_loss_W + fl.engine_loss_W + fl.aux_W + fl.engine_brake_W +
                             fl.motor_loss_W + fl.battery_loss_W;
        CHECK(std::abs(fl.source_out_W - fl.source_in_W - sinks) <=
              1e-9 * (fl.source_out_W + std::abs(f * v) + 1.0));
        // Fuel power is the fuel mass rate times the heating value; DEF follows the fuel volume.
        CHECK(fl.source_out_W == Approx(fl.fuel_rate_kgps * p.fuel.lhv_J_per_kg));
        CHECK(fl.def_rate_kgps == Approx(fl.fuel_rate_kgps / 847.0 * 0.025 * 1090.0));
        ++checked;
      }
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("diesel flows: fuel cut under full engine brake and traction limit from the full-load curve",
          "[physics][diesel]") {
  const auto p = test::diesel_truck();
  const physics::DieselPowertrain pt(p);
  const int g = 10;
  const double v = 20.0;
  const double i = p.gearbox.ratios[g - 1] * p.gearbox.final_drive_ratio;
  const double eta = p.gearbox.efficiencies[g - 1] * p.gearbox.final_drive_efficiency;
  const double w = v * i / p.chassis.wheel_radius_m;
  const physics::DieselEngine e(p.engine, p.fuel.lhv_J_per_kg);
  const auto lim = pt.limits_in_gear(g, v);
  // Hand value: (T_fl - P_aux / w) i eta / r.
  CHECK(lim.max_traction_N == Approx((e.full_load_Nm(w) - 5000.0 / w) * i * eta / 0.49).epsilon(1e-12));
  CHECK(lim.max_retard_N ==
        Approx((e.motoring_Nm(w) + e.engine_brake_Nm(w) + 5000.0 / w) * i / (0.49 * eta)));
  physics::PowerFlows fl;
  pt.flows_in_gear(g, v, -lim.max_retard_N, fl);
  CHECK(fl.fuel_rate_kgps == 0.0);
  CHECK(fl.engine_brake_W == Approx((e.motoring_Nm(w) + e.engine_brake_Nm(w)) * w));
  // A small retard demand below the aux need: the engine fuels for the difference.
  pt.flows_in_gear(g, v, -100.0, fl);
  CHECK(fl.fuel_rate_kgps > 0.0);
}
