// The editable fields of a scenario; see scenario_fields.hpp.
#include "ui/scenario_fields.hpp"

#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <limits>
#include <vector>

#include "app/core/vehicle_overrides.hpp"
#include "physics/battery_pack.hpp"
#include "tco/measured_inputs.hpp"
#include "tco/parameters.hpp"

namespace semitco::ui {

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
using G = FieldGroup;
using E = FieldEffect;
namespace u = units;
constexpr UnitSpec kClockHour{"h (clock)", 1, 0, "h (clock)", 1, 0};

// A two-period weekday time-of-use tariff (charging.tou.weekday = [off-peak, peak]) as four numbers; a
// longer list from the file is shown by its first two periods and replaced only when the off-peak price
// is edited. Off-peak price 0: the flat prices.electricity_price_usd_per_kWh.
std::vector<tco::TouPeriod>& tou(core::Scenario& s) { return s.economics.charging.tou_weekday; }
const std::vector<tco::TouPeriod>& tou(const core::Scenario& s) { return s.economics.charging.tou_weekday; }
void set_offpeak_price(core::Scenario& s, double v) {
  auto& t = tou(s);
  if (v <= 0.0) {
    t.clear();
    s.economics.charging.tou_weekend.clear();
  } else if (t.size() != 2) {
    t = {{21.0, 6.0, v}, {6.0, 21.0, s.economics.prices.electricity_price_usd_per_kWh}};
  } else {
    t[0].price_usd_per_kWh = v;
  }
}
void set_offpeak_hour(core::Scenario& s, double v, bool start) {
  auto& t = tou(s);
  if (t.size() != 2) return;
  (start ? t[0].start_h : t[0].end_h) = v;
  (start ? t[1].end_h : t[1].start_h) = v;
}

// An economics input: range filled in from tco::parameters() by its key.
// Editing a key given by year replaces its list with the one value typed (docs/tco.md, "Inputs by year").
void clear_year_list(core::Scenario& s, const char* key) {
  if (const auto* l = tco::find_year_list(key)) l->field(s.economics)->clear();
}
#define SEMITCO_ECON(path, label, group, section, unit, effect, help)                                      \
  FieldSpec {                                                                                              \
    "economics." #path, label, group, section, unit, effect,                                             \
        [](const core::Scenario& s) -> double { return s.economics.path; },                              \
        [](core::Scenario& s, double v) { s.economics.path = v; clear_year_list(s, #path); }, kNan, false, \
        kNan, false, help                                                                                \
  }
// An integer economics input with its own range (tco::validate's rules).
#define SEMITCO_ECON_INT(path, label, group, section, unit, lo, hi, help)                                  \
  FieldSpec {                                                                                              \
    "economics." #path, label, group, section, unit, E::Costs,                                           \
        [](const core::Scenario& s) -> double { return static_cast<double>(s.economics.path); },          \
        [](core::Scenario& s, double v) { s.economics.path = static_cast<int>(std::lround(v)); }, lo, false, \
        hi, true, help                                                                                     \
  }
// A physics input (chassis, ambient, driver): range from physics/params.hpp.
#define SEMITCO_PHYS(key, member, label, group, section, unit, lo, lo_excl, hi, help)                     \
  FieldSpec {                                                                                              \
    key, label, group, section, unit, E::Physics, [](const core::Scenario& s) -> double { return s.member; }, \
        [](core::Scenario& s, double v) { s.member = v; }, lo, lo_excl, hi, false, help                    \
  }

// A choice (an enum or a flag of the scenario) shown as a drop-down list; `get` gives the option's index.
#define SEMITCO_CHOICE(key, label, group, section, effect, get_expr, set_stmt, n, choices, help)           \
  FieldSpec {                                                                                              \
    key, label, group, section, u::kCount, effect,                                                        \
        [](const core::Scenario& s) -> double { return static_cast<double>(get_expr); },                 \
        [](core::Scenario& s, double v) {                                                                \
          const int i = static_cast<int>(std::lround(v));                                                \
          set_stmt;                                                                                      \
        },                                                                                               \
        0.0, false, (n) - 1.0, true, help, choices                                                       \
  }

// A vehicle input set through the vehicle loader (core::set_vehicle_value), so what follows from it (the
// pack's mass, resistance and price) follows, and the file's ranges apply. `scale` converts the stored
// (SI) value to the unit of the vehicle key.
#define SEMITCO_VEH(key, vkey, scale, label, section, unit, lo, lo_excl, hi, get_expr, help)                 \
  FieldSpec {                                                                                              \
    key, label, G::Trucks, section, unit, E::Physics, [](const core::Scenario& s) -> double { return get_expr; }, \
        [](core::Scenario& s, double v) { core::set_vehicle_value(s, vkey, v * (scale)); }, lo, lo_excl, hi,    \
        false, help                                                                                        \
  }

double usable_J(const physics::BatteryParams& b) {
  return physics::BatteryPack(b).energy_between_J(b.soc_min, b.soc_max);
}

// The year of weather as a choice: none, one of the bundled regions (in this order), or the scenario's own
// entered list (kept while chosen; chosen without one, it starts as twelve months at the air temperature).
constexpr const char* kWeatherRegions[] = {"sacramento", "reno", "los_angeles", "bakersfield", "denver"};
constexpr int kWeatherChoices = 2 + static_cast<int>(std::size(kWeatherRegions));

int weather_choice(const core::Scenario& s) {
  if (!s.weather) return 0;
  for (int i = 0; i < static_cast<int>(std::size(kWeatherRegions)); ++i) {
    if (s.weather->region == kWeatherRegions[i]) return i + 1;
  }
  return kWeatherChoices - 1;
}

void set_weather_choice(core::Scenario& s, int i) {
  if (i <= 0) {
    s.weather.reset();
  } else if (i <= static_cast<int>(std::size(kWeatherRegions))) {
    s.weather = core::load_weather_region(kWeatherRegions[i - 1]);
  } else if (!s.weather || !s.weather->region.empty()) {
    core::YearOfWeather w;
    std::array<double, 12> t;
    t.fill(s.ambient.temperature_C);
    w.set_monthly_C(t);
    s.weather = w;
  }
}

std::vector<FieldSpec> build_fields() {
  std::vector<FieldSpec> f = {
      // ---- Route: weather and driver ----
      SEMITCO_PHYS("ambient.temperature_C", ambient.temperature_C, "Air temperature", G::Route, "Weather",
                   u::kTemperature, -50, false, 60, "Ambient air temperature: sets air density (drag) and the "
                   "cabin/battery thermal load. With a year of weather it sets only the trip shown; the costs use "
                   "the months."),
      SEMITCO_CHOICE("weather.region", "Year of weather", G::Route, "Weather", E::Physics, weather_choice(s),
                     set_weather_choice(s, i), kWeatherChoices,
                     "none: one day at the air temperature|Sacramento, CA|Reno, NV|Los Angeles, CA|Bakersfield, CA|"
                     "Denver, CO|entered in the scenario file",
                     "Twelve monthly mean temperatures (NOAA 1991-2020 normals for the bundled routes' regions, or "
                     "the scenario file's own \"weather\" list): each month is simulated at its temperature and "
                     "the costs use the months weighted by their days; the Months view shows range and energy "
                     "by month."),
      SEMITCO_PHYS("ambient.headwind_mps", ambient.headwind_mps, "Headwind", G::Route, "Weather", u::kWindSpeed,
                   -40, false, 40, "Wind against the direction of travel; negative is a tail wind."),
      SEMITCO_PHYS("ambient.base_altitude_m", ambient.base_altitude_m, "Base altitude", G::Route, "Weather",
                   u::kAltitude, -500, false, 6000,
                   "Added to the route elevation when the route gives elevation relative to its start."),
      SEMITCO_PHYS("driver.max_accel_mps2", driver.max_accel_mps2, "Max acceleration", G::Route, "Driver",
                   u::kAccel, 0, true, 5, "Largest acceleration the driver asks for."),
      SEMITCO_PHYS("driver.comfort_decel_mps2", driver.comfort_decel_mps2, "Comfort deceleration", G::Route,
                   "Driver", u::kAccel, 0, true, 5, "Deceleration used to slow for lower limits and stops."),
      SEMITCO_PHYS("driver.brake_margin_C", driver.brake_margin_C, "Brake margin below fade limit", G::Route,
                   "Driver", u::kTempDelta, 0, false, 200,
                   "The driver slows on long descents to keep the brakes this far below the fade limit "
                   "(260 \xC2\xB0""C / 500 \xC2\xB0""F, FHWA Grade Severity Rating System)."),
      // ---- Trucks: each truck's parameters, grouped; vehicle keys go through the vehicle loader ----
      SEMITCO_VEH("electric_vehicle.battery.usable_kWh", "electric.battery.usable_kWh", 1.0 / 3.6e6,
                  "Usable battery", "Electric truck: battery", u::kEnergyKWh, 3.6e6, false, 3.6e10,
                  usable_J(s.electric.battery),
                  "Energy in the pack's usable window. A bigger pack weighs more (pack-level Wh/kg below), takes "
                  "its mass off the payload under the gross limit, has a lower resistance and, with a built-up "
                  "price, costs more."),
      SEMITCO_VEH("electric_vehicle.battery.pack_specific_energy_Wh_per_kg",
                  "electric.battery.pack_specific_energy_Wh_per_kg", 1.0, "Pack specific energy",
                  "Electric truck: battery", u::kWhPerKg, 20, false, 1000,
                  s.electric.battery.pack_specific_energy_Wh_per_kg,
                  "Nominal pack energy per pack mass, at pack level (cells, housing, cooling); 0 = not stated, "
                  "and the tare does not follow the pack."),
      SEMITCO_VEH("electric_vehicle.battery.max_charge_power_kW", "electric.battery.max_charge_power_kW", 1e-3,
                  "Peak charge power", "Electric truck: battery", u::kKWFromW, 0, false, 1e8,
                  s.electric.battery.max_charge_power_W,
                  "Most the pack accepts (the charger's output is the other limit); it tapers near the top."),
      SEMITCO_VEH("electric_vehicle.motor.peak_power_kW", "electric.motor.peak_power_kW", 1e-3, "Motor peak power",
                  "Electric truck: motor", u::kKWFromW, 1, false, 1e7, s.electric.motor.peak_power_W,
                  "Motoring power limit at the shaft, all motors together."),
      SEMITCO_VEH("electric_vehicle.motor.peak_regen_power_kW", "electric.motor.peak_regen_power_kW", 1e-3,
                  "Motor peak regen", "Electric truck: motor", u::kKWFromW, 0, false, 1e7,
                  s.electric.motor.peak_regen_power_W, "Generating power limit at the shaft (regenerative braking)."),
      SEMITCO_PHYS("electric_vehicle.chassis.tractor_mass_kg", electric.chassis.tractor_mass_kg,
                   "Tractor mass", G::Trucks, "Electric truck: mass, aerodynamics and tyres", u::kMass, 0, true, 1e5,
                   "Curb mass of the electric tractor including the battery pack (follows the pack when its size "
                   "changes)."),
      SEMITCO_PHYS("electric_vehicle.chassis.trailer_mass_kg", electric.chassis.trailer_mass_kg,
                   "Trailer mass", G::Trucks, "Electric truck: mass, aerodynamics and tyres", u::kMass, 0, false, 1e5,
                   "Empty trailer mass."),
      SEMITCO_PHYS("electric_vehicle.chassis.cda_m2", electric.chassis.cda_m2, "Drag area CdA", G::Trucks,
                   "Electric truck: mass, aerodynamics and tyres", u::kArea, 0, true, 30,
                   "Drag coefficient times frontal area of tractor and trailer."),
      SEMITCO_PHYS("electric_vehicle.chassis.crr", electric.chassis.crr, "Rolling resistance Crr", G::Trucks,
                   "Electric truck: mass, aerodynamics and tyres", u::kPlain, 0, false, 0.05,
                   "Tyre rolling resistance coefficient."),
      SEMITCO_VEH("electric_vehicle.price.glider_usd", "electric.price.glider_usd", 1.0, "Glider price",
                  "Electric truck: price", u::kUsd, 0, false, 1e8,
                  s.electric_meta.price.glider_usd.value_or(kNan),
                  "The truck without pack and motor, in the vehicle file's price build-up (used when the "
                  "economics take the price from the vehicle)."),
      SEMITCO_VEH("electric_vehicle.price.pack_usd_per_kWh", "electric.price.pack_usd_per_kWh", 1.0, "Pack price",
                  "Electric truck: price", u::kUsdPerKWh, 0, false, 1e4, s.electric_meta.price.pack_usd_per_kWh,
                  "Per kWh of nominal pack energy, in the price build-up."),
      SEMITCO_PHYS("diesel_vehicle.chassis.tractor_mass_kg", diesel.chassis.tractor_mass_kg, "Tractor mass",
                   G::Trucks, "Diesel truck: mass, aerodynamics and tyres", u::kMass, 0, true, 1e5,
                   "Curb mass of the diesel tractor with fuel."),
      SEMITCO_PHYS("diesel_vehicle.chassis.trailer_mass_kg", diesel.chassis.trailer_mass_kg, "Trailer mass",
                   G::Trucks, "Diesel truck: mass, aerodynamics and tyres", u::kMass, 0, false, 1e5,
                   "Empty trailer mass."),
      SEMITCO_PHYS("diesel_vehicle.chassis.cda_m2", diesel.chassis.cda_m2, "Drag area CdA", G::Trucks,
                   "Diesel truck: mass, aerodynamics and tyres", u::kArea, 0, true, 30,
                   "Drag coefficient times frontal area of tractor and trailer."),
      SEMITCO_PHYS("diesel_vehicle.chassis.crr", diesel.chassis.crr, "Rolling resistance Crr", G::Trucks,
                   "Diesel truck: mass, aerodynamics and tyres", u::kPlain, 0, false, 0.05,
                   "Tyre rolling resistance coefficient."),
      SEMITCO_VEH("diesel_vehicle.price.quoted_usd", "diesel.price.quoted_usd", 1.0, "Quoted price",
                  "Diesel truck: price", u::kUsd, 1, false, 1e8, s.diesel_meta.price.quoted_usd.value_or(kNan),
                  "The vehicle file's quoted price (used when the economics take the price from the vehicle)."),
      // ---- Operations & charging ----
      SEMITCO_ECON_INT(operations.routes_per_day, "Runs per day", G::Operations, "Operations", u::kCount, 1, 50,
                       "Runs of the route per operating day."),
      SEMITCO_ECON(operations.operating_days_per_yr, "Operating days", G::Operations, "Operations", u::kCount,
                   E::Costs, "Operating days per year."),
      SEMITCO_ECON(operations.annual_miles, "Annual miles", G::Operations, "Operations", u::kMilesPerYr, E::Costs,
                   "Miles a year; the route is a representative duty (its energy and time per mile)."),
      SEMITCO_ECON(operations.annual_distance_override_mi, "Annual distance (0 = from runs)", G::Operations,
                   "Operations", u::kMilesPerYr, E::Costs,
                   "Distance per year; 0 derives it from runs per day and operating days."),
      SEMITCO_ECON(operations.payload_desired_kg, "Freight offered per run", G::Operations, "Operations",
                   u::kMass, E::Physics,
                   "Freight offered per run; each truck carries what its gross weight limit allows."),
      SEMITCO_ECON(operations.empty_return_share_frac, "Empty (deadhead) share", G::Operations, "Operations",
                   u::kPercent, E::Costs, "Share of the run driven empty; ton-miles count loaded miles only."),
      SEMITCO_ECON(operations.gross_weight_limit_kg, "Gross weight limit", G::Operations, "Operations", u::kMass,
                   E::Physics, "Gross combination weight limit (80,000 lb on the Interstate, 23 USC 127)."),
      SEMITCO_ECON(operations.ev_weight_allowance_kg, "EV weight allowance", G::Operations, "Operations",
                   u::kMass, E::Physics, "Extra gross weight allowed for battery-electric trucks."),
      SEMITCO_ECON(operations.driver_pay_usd_per_mi, "Driver pay per mile", G::Operations, "Driver pay",
                   u::kUsdPerMi, E::Costs,
                   "Driver pay per mile driven (with per-mile pay, the default; ATRI: $0.779/mi in 2023)."),
      SEMITCO_ECON(operations.driver_wage_usd_per_h, "Driver wage", G::Operations, "Driver pay", u::kUsdPerH,
                   E::Costs, "Driver wage per paid hour (with hourly pay), and for en-route charging time beyond the breaks."),
      SEMITCO_ECON(operations.driver_benefits_frac, "Driver benefits", G::Operations, "Driver pay", u::kPercent,
                   E::Costs, "Benefits on top of the wage."),
      SEMITCO_CHOICE("economics.operations.driver_pay", "Driver paid", G::Operations, "Driver pay", E::Costs,
                     s.economics.operations.driver_pay == tco::DriverPay::kPerHour ? 1 : 0,
                     s.economics.operations.driver_pay = i == 1 ? tco::DriverPay::kPerHour : tco::DriverPay::kPerMile,
                     2, "per mile|per hour",
                     "Per mile (ATRI's $/mi, the usual truckload pay) or per hour on duty (local fleets)."),
      SEMITCO_CHOICE("economics.operations.team_drivers", "Drivers", G::Operations, "Driver pay", E::Costs,
                     s.economics.operations.team_drivers ? 1 : 0, s.economics.operations.team_drivers = i == 1, 2,
                     "one driver|team of two",
                     "A day one driver cannot do under hours of service (11 h driving, 14 h on duty) is "
                     "infeasible, or shared by a team of two, both paid."),
      SEMITCO_CHOICE("economics.operations.automation", "Automation", G::Operations, "Operations", E::Costs,
                     static_cast<int>(s.economics.operations.automation),
                     s.economics.operations.automation = static_cast<tco::Automation>(std::clamp(i, 0, 2)), 3,
                     "driver|driver assist|driverless (supervised)",
                     "Who drives. Driver assist and driverless are assumptions you enter: driver cost change, "
                     "remote supervision per hour and operating hours a day are in the scenario file."),
      SEMITCO_CHOICE("economics.operations.utilisation", "Annual miles from", G::Operations, "Operations", E::Costs,
                     s.economics.operations.utilisation == tco::Utilisation::kFromRoute ? 1 : 0,
                     s.economics.operations.utilisation =
                         i == 1 ? tco::Utilisation::kFromRoute : tco::Utilisation::kAnnualMiles,
                     2, "annual miles|route x runs x days",
                     "With annual miles the route is a representative duty: its energy and time per mile are "
                     "applied to your miles, so the cost per mile does not depend on the route's length."),
      SEMITCO_CHOICE("trip_charging.keep_regen_headroom", "Departure charge", G::Operations, "Charging",
                     E::Physics, s.keep_regen_headroom ? 1 : 0, s.keep_regen_headroom = i == 1, 2,
                     "full|regen headroom",
                     "Leaving full, a truck has no room for regen down a long descent and brakes on friction; "
                     "with headroom it leaves at the SOC that keeps room for the route's largest descent."),
      SEMITCO_ECON(charging.depot_charger_power_kW, "Depot charger power", G::Operations, "Charging", u::kKW,
                   E::Costs, "Output power of the depot charger."),
      SEMITCO_ECON(charging.depot_hardware_usd, "Depot charger hardware", G::Operations, "Charging", u::kUsd,
                   E::Costs, "Charger hardware price per charger."),
      SEMITCO_ECON(charging.depot_installation_usd, "Depot charger installation", G::Operations, "Charging",
                   u::kUsd, E::Costs, "Installation cost per charger."),
      SEMITCO_ECON(charging.trucks_per_charger, "Trucks per charger", G::Operations, "Charging", u::kCount,
                   E::Costs, "Trucks sharing one depot charger."),
      // The depot's bill (tco/charging_cost.hpp); the time-of-use list is read from the scenario file.
      SEMITCO_CHOICE("economics.charging.charger_capital", "Charger capital", G::Operations, "Charging", E::Costs,
                     static_cast<int>(s.economics.charging.charger_capital),
                     s.economics.charging.charger_capital = static_cast<tco::ChargerCapital>(std::clamp(i, 0, 1)), 2,
                     "capital recovery|cash",
                     "Capital recovery: a level yearly charge over the charger's life at the discount rate. Cash: "
                     "paid at purchase and at each renewal, the value left credited at the end of ownership."),
      SEMITCO_ECON(charging.charger_life_yr, "Charger life", G::Operations, "Charging", u::kYears, E::Costs,
                   "Service life of the depot charger."),
      SEMITCO_ECON(charging.charger_salvage_frac, "Charger salvage", G::Operations, "Charging", u::kPercent,
                   E::Costs, "Value left at the end of the charger's life, share of hardware and installation."),
      SEMITCO_CHOICE("economics.charging.depot_charging", "Depot charging", G::Operations, "Charging", E::Costs,
                     static_cast<int>(s.economics.charging.depot_charging),
                     s.economics.charging.depot_charging = static_cast<tco::DepotCharging>(std::clamp(i, 0, 1)), 2,
                     "as soon as plugged in|managed",
                     "Managed: at the cheapest hours of the dwell window that still meet departure."),
      SEMITCO_ECON(charging.depot_arrival_h, "Plugged in at", G::Operations, "Charging", kClockHour, E::Costs,
                   "Clock hour the truck plugs in at the depot (prices the time-of-use tariff)."),
      FieldSpec{"economics.charging.tou.weekday.off_peak_price_usd_per_kWh", "Off-peak price (0 = flat)",
                G::Operations, "Charging", u::kUsdPerKWh, E::Costs,
                [](const core::Scenario& s) { return tou(s).empty() ? 0.0 : tou(s)[0].price_usd_per_kWh; },
                set_offpeak_price, 0.0, false, 100.0, false,
                "Weekday time-of-use tariff in two periods: the off-peak price; 0 = the flat depot electricity "
                "price all day. Longer lists (and weekend prices) are read from the scenario file."},
      FieldSpec{"economics.charging.tou.weekday.off_peak_from_h", "Off-peak from", G::Operations, "Charging",
                kClockHour, E::Costs,
                [](const core::Scenario& s) { return tou(s).size() == 2 ? tou(s)[0].start_h : 21.0; },
                [](core::Scenario& s, double v) { set_offpeak_hour(s, v, true); }, 0.0, false, 23.99, false,
                "Clock hour the off-peak period starts (it may run across midnight)."},
      FieldSpec{"economics.charging.tou.weekday.off_peak_to_h", "Off-peak to", G::Operations, "Charging",
                kClockHour, E::Costs,
                [](const core::Scenario& s) { return tou(s).size() == 2 ? tou(s)[0].end_h : 6.0; },
                [](core::Scenario& s, double v) { set_offpeak_hour(s, v, false); }, 0.0, false, 23.99, false,
                "Clock hour the off-peak period ends."},
      FieldSpec{"economics.charging.tou.weekday.peak_price_usd_per_kWh", "Peak price", G::Operations, "Charging",
                u::kUsdPerKWh, E::Costs,
                [](const core::Scenario& s) {
                  return tou(s).size() == 2 ? tou(s)[1].price_usd_per_kWh
                                            : s.economics.prices.electricity_price_usd_per_kWh;
                },
                [](core::Scenario& s, double v) {
                  if (tou(s).size() == 2) tou(s)[1].price_usd_per_kWh = v;
                },
                0.0, false, 100.0, false, "Price outside the off-peak period (two-period tariff only)."},
      SEMITCO_ECON(operations.day_plan.depot_dwell_s, "Depot dwell (charging window)", G::Operations, "Charging",
                   u::kHoursFromS, E::Costs, "Time parked at the depot each day: the depot charging window."),
      SEMITCO_ECON(charging.reserve_soc_frac, "Reserve state of charge", G::Operations, "Charging", u::kPercent,
                   E::Costs, "Never plan below this state of charge."),
      SEMITCO_ECON(charging.enroute_charger_power_kW, "En-route charger power", G::Operations, "Charging",
                   u::kKW, E::Costs, "High-power charger output en route."),
      SEMITCO_ECON(charging.enroute_target_soc_frac, "En-route charge to", G::Operations, "Charging",
                   u::kPercent, E::Costs, "State of charge en-route stops charge up to."),
      SEMITCO_ECON(charging.enroute_stop_overhead_s, "Stop overhead", G::Operations, "Charging",
                   u::kMinutesFromS, E::Costs, "Detour, queue and plug in/out per en-route stop."),
      // ---- Economics ----
      SEMITCO_ECON(prices.diesel_price_usd_per_gal, "Diesel price", G::Economics, "Energy prices", u::kUsdPerGal,
                   E::Costs, "Diesel pump price."),
      SEMITCO_ECON(prices.diesel_escalation_frac_per_yr, "Diesel price escalation", G::Economics,
                   "Energy prices", u::kPerYr, E::Costs, "Yearly change of the diesel (and DEF) price."),
      SEMITCO_ECON(prices.def_price_usd_per_gal, "Exhaust fluid (DEF) price", G::Economics, "Energy prices", u::kUsdPerGal,
                   E::Costs, "Diesel exhaust fluid (DEF): urea solution a diesel injects into its exhaust to cut NOx, about 2.5 % of the fuel burned."),
      SEMITCO_ECON(prices.electricity_price_usd_per_kWh, "Depot electricity", G::Economics, "Energy prices",
                   u::kUsdPerKWh, E::Costs, "Depot energy rate."),
      SEMITCO_ECON(prices.electricity_escalation_frac_per_yr, "Electricity escalation", G::Economics,
                   "Energy prices", u::kPerYr, E::Costs, "Yearly change of every electricity price."),
      SEMITCO_ECON(prices.demand_charge_usd_per_kW_month, "Demand charge", G::Economics, "Energy prices",
                   u::kUsdPerKWMonth, E::Costs, "Utility demand charge on the depot charger's power."),
      SEMITCO_ECON(prices.fixed_fees_usd_per_month, "Charger fixed fees", G::Economics, "Energy prices",
                   u::kUsdPerMonth, E::Costs, "Meter, network and upkeep per depot charger."),
      SEMITCO_ECON(prices.public_charging_usd_per_kWh, "Public charging price", G::Economics, "Energy prices",
                   u::kUsdPerKWh, E::Costs, "Price at en-route / public chargers."),
      SEMITCO_ECON(prices.public_charging_share_frac, "Public charging share", G::Economics, "Energy prices",
                   u::kPercent, E::Costs, "Share of the depot energy bought at public chargers instead."),
      SEMITCO_ECON(prices.carbon_price_usd_per_t_co2, "Carbon price", G::Economics, "Energy prices",
                   u::kUsdPerTonne, E::Costs, "Optional price on CO2 emitted."),
      SEMITCO_ECON(prices.lcfs_credit_usd_per_kWh, "Low-carbon fuel credit (LCFS)", G::Economics, "Energy prices", u::kUsdPerKWh,
                   E::Costs, "Optional Low Carbon Fuel Standard (LCFS; California, Oregon, Washington) credit revenue per kWh dispensed to the EV: an income, shown as a negative cost."),
      FieldSpec{"grid_co2_kg_per_kWh", "Grid CO\xE2\x82\x82 intensity", G::Economics, "Energy prices",
                u::kKgPerKWh, E::Costs, [](const core::Scenario& s) { return s.grid_co2_kg_per_kWh; },
                [](core::Scenario& s, double v) { s.grid_co2_kg_per_kWh = v; }, 0, false, 5, false,
                "CO2 per kWh drawn from the grid, charged to the electric truck."},
      SEMITCO_ECON_INT(ownership_years, "Ownership period", G::Economics, "Finance", u::kYears, 1, 30,
                       "Years of ownership (cost of ownership horizon)."),
      SEMITCO_ECON(discount_rate_frac, "Discount rate", G::Economics, "Finance", u::kPercent, E::Costs,
                   "Real discount rate for the net present value."),
      SEMITCO_ECON(cost_escalation_frac_per_yr, "Cost escalation", G::Economics, "Finance", u::kPerYr, E::Costs,
                   "Yearly change of maintenance, tyres, tolls, registration and wages."),
  };
  // Per-truck economics.
#define SEMITCO_TRUCK(t, section)                                                                          \
  SEMITCO_ECON(t.economics.purchase_price_usd, "Purchase price", G::Economics, section, u::kUsd, E::Costs,    \
               "Tractor price before taxes."),                                                             \
      SEMITCO_ECON(t.economics.incentives_usd, "Incentives", G::Economics, section, u::kUsd, E::Costs,       \
                   "Purchase incentives you expect to receive."),                                          \
      SEMITCO_ECON(t.economics.sales_tax_rate_frac, "Sales tax", G::Economics, section, u::kPercent, E::Costs, \
                   "State sales tax on price plus excise tax."),                                           \
      SEMITCO_ECON(t.economics.down_payment_frac, "Down payment", G::Economics, section, u::kPercent,        \
                   E::Costs, "Share paid up front when financed."),                                        \
      SEMITCO_ECON(t.economics.loan_apr_frac, "Loan APR", G::Economics, section, u::kPercent, E::Costs,       \
                   "Annual percentage rate of the truck loan."),                                           \
      SEMITCO_ECON(t.economics.residual_value_frac, "Residual value", G::Economics, section, u::kPercent,    \
                   E::Costs, "Resale value at the end of ownership as a share of the price."),             \
      SEMITCO_ECON(t.economics.maintenance_usd_per_mi, "Maintenance", G::Economics, section, u::kUsdPerMi,   \
                   E::Costs, "Repair and maintenance per mile."),                                          \
      SEMITCO_ECON(t.economics.tyres_usd_per_mi, "Tyres", G::Economics, section, u::kUsdPerMi, E::Costs,     \
                   "Tyre cost per mile."),                                                                 \
      SEMITCO_ECON(t.economics.insurance_frac_of_price_per_yr, "Insurance", G::Economics, section,          \
                   u::kPerYr, E::Costs, "Insurance per year as a share of the purchase price."),           \
      SEMITCO_ECON(t.economics.registration_usd_per_yr, "Registration", G::Economics, section, u::kUsdPerYr, \
                   E::Costs, "Plates and permits per year."),                                              \
      SEMITCO_ECON(t.economics.tolls_usd_per_mi, "Tolls", G::Economics, section, u::kUsdPerMi, E::Costs,     \
                   "Tolls per mile.")
  const FieldSpec trucks[] = {
      SEMITCO_TRUCK(electric, "Electric truck"),
      SEMITCO_ECON(electric.economics.battery_capacity_fade_frac_per_yr, "Battery capacity fade", G::Economics,
                   "Electric truck", u::kPerYr, E::Costs, "Usable capacity lost per year of pack age."),
      SEMITCO_ECON(electric.economics.battery_replacement_usd_per_kWh, "Replacement pack price", G::Economics,
                   "Electric truck", u::kUsdPerKWh, E::Costs, "Pack price per usable kWh if replaced."),
      SEMITCO_TRUCK(diesel, "Diesel truck"),
  };
#undef SEMITCO_TRUCK
  f.insert(f.end(), std::begin(trucks), std::end(trucks));
  append_cost_convention_fields(f);
  for (auto& spec : f) {
    if (!std::isnan(spec.min_value)) continue;
    const auto& p = tco::find_parameter(std::string_view(spec.key).substr(std::string_view("economics.").size()));
    spec.min_value = p.min_value;
    spec.min_exclusive = p.min_exclusive;
    spec.max_value = p.max_value;
  }
  return f;
}

#undef SEMITCO_ECON
#undef SEMITCO_ECON_INT
#undef SEMITCO_PHYS
#undef SEMITCO_CHOICE

}  // namespace

QStringList field_choices(const FieldSpec& f) {
  return f.choices ? QString::fromUtf8(f.choices).split('|') : QStringList{};
}

bool FieldSpec::in_range(double v) const {
  if (!std::isfinite(v)) return false;
  if (integer && v != std::round(v)) return false;
  return (min_exclusive ? v > min_value : v >= min_value) && v <= max_value;
}

QString FieldSpec::range_text(UnitSystem u) const {
  const QString unit_label = unit.label(u);
  const QString sfx = unit_label.isEmpty() ? QString() : " " + unit_label;
  double lo = unit.to_display(min_value, u);
  double hi = unit.to_display(max_value, u);
  if (lo > hi) std::swap(lo, hi);  // a reciprocal unit (L/100 km) turns the range round
  const QString what = integer ? QStringLiteral("a whole number ") : QString();
  if (std::isinf(max_value)) {
    return QStringLiteral("must be %1%2 %3%4").arg(what, min_exclusive ? ">" : ">=", format_quantity(lo, 6), sfx);
  }
  if (min_exclusive) {
    return QStringLiteral("must be %1> %2 and <= %3%4").arg(what, format_quantity(lo, 6), format_quantity(hi, 6), sfx);
  }
  return QStringLiteral("must be %1between %2 and %3%4").arg(what, format_quantity(lo, 6), format_quantity(hi, 6), sfx);
}

std::span<const FieldSpec> scenario_fields() {
  static const std::vector<FieldSpec> fields = build_fields();
  return fields;
}

const FieldSpec* find_field(std::string_view key) {
  for (const auto& f : scenario_fields()) {
    if (key == f.key) return &f;
  }
  return nullptr;
}

std::optional<double> parse_field_text(const FieldSpec& f, const QString& text, UnitSystem u, QString* error) {
  QString t = text.trimmed();
  t.remove(',');  // thousands separators as a buyer types them ("411,200")
  t.remove('$');
  bool ok = false;
  const double shown = QLocale::c().toDouble(t, &ok);
  if (t.isEmpty() || !ok) {
    if (error) *error = QStringLiteral("%1: \"%2\" is not a number; %3.").arg(f.label, text, f.range_text(u));
    return std::nullopt;
  }
  const double stored = f.unit.from_display(shown, u);
  const double check = f.integer ? std::round(stored * 1e9) / 1e9 : stored;
  if (!f.in_range(check)) {
    if (error) *error = QStringLiteral("%1: %2 %3.").arg(f.label, text.trimmed(), f.range_text(u));
    return std::nullopt;
  }
  return check;
}

QString field_tooltip(const FieldSpec& f, const core::Scenario& s, UnitSystem u) {
  QString tip = QStringLiteral("<b>%1</b>").arg(QString::fromUtf8(f.label).toHtmlEscaped());
  const QString unit = f.unit.label(u);
  if (!unit.isEmpty()) tip += QStringLiteral(" [%1]").arg(unit.toHtmlEscaped());
  tip += "<br>" + QString::fromUtf8(f.help).toHtmlEscaped();
  if (!f.choices) tip += "<br><i>Valid: " + f.range_text(u).toHtmlEscaped() + "</i>";
  // Sources are keyed by the path as written in the file, with whatever unit suffix it used.
  const std::string key = f.key;
  const auto us = key.rfind('_');
  const std::string base = us == std::string::npos ? key : key.substr(0, us);
  QString source;
  for (const auto& [k, v] : s.sources) {
    if (k == key || k.rfind(base + "_", 0) == 0 || k == base) {
      source = QString::fromStdString(v);
      if (k == key) break;
    }
  }
  tip += "<br>Source: " + (source.isEmpty() ? QStringLiteral("the vehicle or scenario file (no source noted)")
                                            : source.toHtmlEscaped());
  tip += QStringLiteral("<br><span style='color:gray'>Key: %1</span>").arg(QString::fromUtf8(f.key));
  return tip;
}

QString format_number(double v, int digits) {
  if (!std::isfinite(v)) return QStringLiteral("-");
  if (v == 0.0) return QStringLiteral("0");
  QString t = QString::number(v, 'g', digits);
  if (t.contains('e')) t = QString::number(v, 'f', 2);
  return t;
}

QString format_quantity(double v, int digits) {
  if (!std::isfinite(v)) return QStringLiteral("-");
  const QLocale en(QLocale::English, QLocale::UnitedStates);
  if (std::abs(v) >= 1000.0) return en.toString(std::round(v), 'f', 0);
  if (v == 0.0) return QStringLiteral("0");
  // Significant digits, as decimals (never an exponent), trailing zeros dropped.
  const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(v))));
  const int decimals = std::clamp(digits - 1 - magnitude, 0, 12);
  QString t = QString::number(v, 'f', decimals);
  if (t.contains('.')) {
    while (t.endsWith('0')) t.chop(1);
    if (t.endsWith('.')) t.chop(1);
  }
  return t == QLatin1String("-0") ? QStringLiteral("0") : t;
}

QString plain_numbers(const QString& text) {
  static const QRegularExpression exp_number(QStringLiteral("-?\\d+(?:\\.\\d+)?[eE][+-]?\\d+"));
  QString out;
  qsizetype at = 0;
  for (auto it = exp_number.globalMatch(text); it.hasNext();) {
    const auto m = it.next();
    out += text.mid(at, m.capturedStart() - at);
    out += format_quantity(m.captured().toDouble());
    at = m.capturedEnd();
  }
  return out + text.mid(at);
}

QString format_money(double usd, int decimals) {
  const QString digits = QLocale(QLocale::English, QLocale::UnitedStates).toString(std::abs(usd), 'f', decimals);
  return (usd < 0 ? QStringLiteral("-$") : QStringLiteral("$")) + digits;
}

}  // namespace semitco::ui
