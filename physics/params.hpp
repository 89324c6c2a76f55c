// Parameter structs of the longitudinal truck model. SI units throughout; every field names its unit
// and valid range. Defaults here are neutral placeholders for tests; the shipped vehicles live in
// resources/vehicles/*.json with a source per number.
//
// Every struct has a check() that throws ParameterError naming the field and the offending value.
// These checks stay on in Release builds (no assert).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace semitco::physics {

/// Thrown for a physically meaningless parameter; the message names the field and the value.
class ParameterError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Throws ParameterError("<name> = <value>: <why>") unless lo <= value <= hi (and value is finite).
void require_in_range(const char* name, double value, double lo, double hi);

/// Mass, aerodynamics, tyres: everything that makes up the road load.
struct Chassis {
  double tractor_mass_kg = 10000.0;   ///< curb mass of the tractor incl. battery or fuel, (0, 1e5]
  double trailer_mass_kg = 7000.0;    ///< empty trailer, [0, 1e5]
  double payload_kg = 20000.0;        ///< cargo, [0, 1e5]
  double rotating_equiv_mass_kg = 1000.0;  ///< wheels, axles, motor/engine inertia as mass, [0, 2e4]
  double cda_m2 = 5.0;                ///< drag coefficient x frontal area, (0, 30]
  double crr = 0.006;                 ///< rolling resistance coefficient at low speed, [0, 0.05]
  double crr_per_mps = 0.0;           ///< speed dependence: Crr(v) = crr + crr_per_mps * v, [0, 0.01]
  double wheel_radius_m = 0.5;        ///< dynamic rolling radius of the drive wheels, (0.2, 1.0]

  [[nodiscard]] double mass_kg() const { return tractor_mass_kg + trailer_mass_kg + payload_kg; }
  [[nodiscard]] double inertial_mass_kg() const { return mass_kg() + rotating_equiv_mass_kg; }
  void check() const;
};

/// Weather and location: what sets air density and wind.
struct Ambient {
  double temperature_C = 20.0;        ///< ambient air temperature, [-50, 60]
  double headwind_mps = 0.0;          ///< wind against the direction of travel (negative: tail wind), [-40, 40]
  double base_altitude_m = 0.0;       ///< added to route elevation when that is relative, [-500, 6000]
  void check() const;
};

/// How the driver follows targets.
struct DriverParams {
  double max_accel_mps2 = 1.0;        ///< largest acceleration the driver asks for, (0, 5]
  double comfort_decel_mps2 = 0.5;    ///< deceleration used to slow for lower targets and stops, (0, 5]
  double max_decel_mps2 = 3.0;        ///< hardest braking a trace may ask for, (0, 10]
  double response_time_s = 2.0;       ///< time constant of speed tracking (also the preview), [0.2, 20]
  double stop_approach_speed_mps = 0.5;  ///< speed at which the truck reaches a stop point, (0, 3]
  double trace_miss_tolerance_mps = 1.0; ///< shortfall below target that counts as trace miss, (0, 10]
  // Long descents (distance-based routes): the driver picks a speed at which the brakes stay cool.
  bool manage_brake_temperature = true;  ///< slow down on descents so brakes stay under the fade limit
  double brake_margin_C = 20.0;          ///< aim this far below the fade limit, [0, 200]
  double descent_min_grade_frac = 0.01;  ///< grades at least this steep downhill form a descent, (0, 0.2]
  double descent_min_speed_mps = 4.5;    ///< never crawl slower than this (about 10 mph), (0, 30]
  void check() const;
};

/// One point of the battery's open-circuit voltage curve.
struct OcvPoint {
  double soc = 0.0;       ///< state of charge [0, 1]
  double voltage_V = 0.0; ///< open-circuit voltage of the pack [V]
};

/// Battery pack: a voltage source with internal resistance (Thevenin without RC branch).
struct BatteryParams {
  double capacity_Ah = 1000.0;        ///< nominal charge capacity, (0, 1e5]
  std::vector<OcvPoint> ocv;          ///< open-circuit voltage vs SOC, SOC strictly increasing over [0,1]
  double resistance_ohm = 0.04;       ///< internal resistance of the pack, [0, 10]
  double soc_min = 0.05;              ///< bottom of the usable window, [0, 1)
  double soc_max = 0.95;              ///< top of the usable window, (soc_min, 1]
  double max_discharge_power_W = 1.0e6;  ///< terminal power limit out of the pack, (0, 1e8]
  double max_charge_power_W = 6.0e5;     ///< terminal power limit into the pack, (0, 1e8]
  double charge_taper_start_soc = 0.8;   ///< charge limit falls linearly from here to 0 at soc_max
  /// Pack-level nominal energy per pack mass [Wh/kg] (cells, modules, housing, cooling), [0, 1000]; 0 = not
  /// stated. The physics does not use it: it lets the vehicle loader make the tare follow the pack.
  double pack_specific_energy_Wh_per_kg = 0.0;
  void check() const;
};

/// Electric traction motor(s), lumped into one equivalent machine at the gearbox input.
/// Loss model (motor + inverter), valid for motoring and generating:
///   P_loss = c0 + c_speed*w + c_torque*T^2 + c_speed2*w^2      [W], w in rad/s, T in N*m
/// (constant inverter losses, switching, copper I^2R ~ T^2, iron and windage).
struct MotorParams {
  double peak_power_W = 8.0e5;        ///< motoring power limit at the shaft, (0, 1e7]
  double peak_regen_power_W = 6.0e5;  ///< generating power limit at the shaft, [0, 1e7]
  double peak_torque_Nm = 2500.0;     ///< torque limit (both directions), (0, 1e6]
  double max_speed_radps = 1400.0;    ///< no torque above this shaft speed, (0, 1e5]
  double loss_const_W = 300.0;        ///< c0, [0, 1e5]
  double loss_speed_W_per_radps = 2.0;       ///< c_speed, [0, 1e3]
  double loss_torque_W_per_Nm2 = 0.0048;     ///< c_torque, [0, 10]
  double loss_speed2_W_per_radps2 = 0.006;   ///< c_speed2, [0, 10]
  double regen_fade_low_mps = 1.5;    ///< no regen below this road speed, [0, 10]
  double regen_fade_high_mps = 4.0;   ///< full regen above this road speed, [regen_fade_low, 20]
  void check() const;
};

/// Fixed reduction and driveline (gear, propeller shaft, axles).
struct DrivelineParams {
  double gear_ratio = 12.0;           ///< motor speed / wheel speed, (0, 100]
  double efficiency = 0.97;           ///< same in both directions, (0, 1]
  void check() const;
};

/// Auxiliary loads (HVAC, air compressor, 24 V electronics, cooling pumps) as a function of the ambient
/// temperature T [degC], constant over a trip:
///   P_aux(T) = P_base + h_cab max(0, T_heat - T) + c_cab max(0, T - T_cool)
///                     + h_bat max(0, T_bat_heat - T) + c_bat max(0, T - T_bat_cool)          [W]
/// P_base is the draw inside the comfort band (what older vehicle files call the whole aux power);
/// the cabin terms are the cab heater and air conditioning (heat loss and gain of the cab divided by
/// the device's efficiency, per kelvin of difference), the battery terms the pack's thermal management
/// (electric trucks: heating in the cold, the chiller in the heat; zero for a diesel). All coefficients
/// default to 0, so a truck without them draws P_base at every temperature. Defaults with sources live
/// in resources/vehicles/*.json; docs/physics.md explains the estimates.
struct AuxParams {
  double power_W = 4000.0;                  ///< P_base, [0, 1e5]
  double cabin_heating_below_C = 15.0;      ///< T_heat: the cab heater runs below this, [-50, 60]
  double cabin_heating_W_per_K = 0.0;       ///< h_cab, [0, 5000]
  double cabin_cooling_above_C = 24.0;      ///< T_cool: air conditioning above this, [T_heat, 60]
  double cabin_cooling_W_per_K = 0.0;       ///< c_cab, [0, 5000]
  double battery_heating_below_C = 10.0;    ///< T_bat_heat: the pack is heated below this, [-50, 60]
  double battery_heating_W_per_K = 0.0;     ///< h_bat, [0, 5000]
  double battery_cooling_above_C = 25.0;    ///< T_bat_cool: the pack is chilled above this, [T_bat_heat, 60]
  double battery_cooling_W_per_K = 0.0;     ///< c_bat, [0, 5000]

  /// The terms of P_aux(T) [W].
  struct Breakdown {
    double base_W = 0.0, cabin_heating_W = 0.0, cabin_cooling_W = 0.0, battery_heating_W = 0.0,
           battery_cooling_W = 0.0;
    [[nodiscard]] double total_W() const {
      return base_W + cabin_heating_W + cabin_cooling_W + battery_heating_W + battery_cooling_W;
    }
  };
  [[nodiscard]] Breakdown breakdown(double ambient_C) const;
  /// P_aux(T) [W] at ambient temperature `ambient_C` [degC].
  [[nodiscard]] double power_at_W(double ambient_C) const { return breakdown(ambient_C).total_W(); }
  /// True when some coefficient is not zero (the draw depends on the temperature).
  [[nodiscard]] bool depends_on_temperature() const;
  void check() const;
};

/// Lumped brake temperature of all wheel brakes together:
///   C dT/dt = P_brake - h(v) (T - T_amb),   h(v) = C K1(v),   K1(v) = (k1_const + k1_per_mph v_mph) / 3600 [1/s]
/// The speed-dependent cooling rate K1 is the one of the FHWA Grade Severity Rating System
/// (Myers et al. 1981, FHWA-RD-81-185, as updated for Wyoming DOT 2016-2020), whose equation has the
/// same form, dT/dt = K1 (T_amb + K2 P_brake - T). The heating side is written with a physical heat
/// capacity C instead of the GSRS K2 (K2 = 1 / (C K1)): C is an engineering estimate (see the vehicle
/// files), which makes T rise by P dt / C at the start of a brake application as it must.
struct BrakeThermalParams {
  double k1_const_per_h = 1.1852;        ///< cooling rate at standstill [1/h] (GSRS), [0, 100]
  double k1_per_mph_per_h = 0.0331;      ///< cooling rate growth with speed [1/h per mph] (GSRS), [0, 10]
  double heat_capacity_J_per_K = 2.8e5;  ///< all brakes together (estimate: 10 drums x 60 kg x 460 J/kgK)
  double initial_temperature_C = 65.5;   ///< GSRS starting brake temperature (150 degF), [-50, 600]
  double fade_limit_C = 260.0;           ///< usual fade limit, 500 degF (GSRS), (0, 1000]
  void check() const;
};

/// Electric tractor-trailer: all parameters of the battery-electric truck.
struct ElectricTruckParams {
  std::string name = "electric";
  Chassis chassis;
  MotorParams motor;
  DrivelineParams driveline;
  BatteryParams battery;
  AuxParams aux;
  BrakeThermalParams brakes;
  double initial_soc = 0.95;          ///< SOC at the start of the trip, [battery.soc_min, 1]
  void check() const;
};

/// What runs a trip: the forward model integrated by CVODE (the reference) or by the explicit Runge-Kutta
/// pair (physics/stepper.hpp, the default), or the quasi-static screening model (physics/quasi_static.hpp:
/// the speed taken from the trace or the driver's target, a fixed step, no driver dynamics), an explicit
/// choice only, tested against the forward model within 1 % in energy (tests/physics/test_quasi_static.cpp).
enum class Integrator { Cvode, RungeKutta, QuasiStatic };
/// "cvode" / "rk" / "quasi-static"; integrator_from_name throws ParameterError for anything else.
const char* integrator_name(Integrator i);
Integrator integrator_from_name(const std::string& name);

/// Solver settings and what to record.
struct SolverOptions {
  Integrator integrator = Integrator::Cvode;
  double rel_tol = 1e-6;              ///< relative tolerance of the integrator, [1e-12, 1e-2]
  double abs_tol_distance_m = 1e-3;   ///< absolute tolerance on distance
  double abs_tol_speed_mps = 1e-5;    ///< absolute tolerance on speed
  double sample_interval_s = 1.0;     ///< time series interval; 0 records no time series
  double initial_speed_mps = 0.0;     ///< speed at t = 0, [0, 60]; a speed trace starts at least at its first speed
  double max_duration_s = 0.0;        ///< give up after this much simulated time; 0 = derived from the route
  /// Quasi-static model: the longest steady step along a route [m], 1.5 times it at a cruise (steps also
  /// end at stops, changes of grade and the end).
  double quasi_static_step_m = 100.0;
  void check() const;
  /// Defaults for an integrator: CVODE at rel_tol 1e-6 (the reference), Runge-Kutta at 1e-4, where it
  /// agrees with the reference within 1e-4 in energy per mile on the shared cycles
  /// (tests/physics/test_integrators.cpp, docs/performance.md).
  static SolverOptions defaults_for(Integrator i);
};

}  // namespace semitco::physics
