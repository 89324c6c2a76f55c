// The editor's fields of the cost conventions (economics.conventions, tco/conventions.hpp) and of each truck's
// energy used for costs (electric|diesel.economics.energy_basis / energy_value, tco/measured_inputs.hpp);
// docs/tco.md, "Conventions" and "Measured energy". They are ordinary FieldSpecs: edits go through
// ScenarioDocument::setField (undo, re-run, save) like every other field.
#include <algorithm>
#include <cmath>
#include <span>

#include "ui/scenario_fields.hpp"

namespace semitco::ui {

namespace {

using G = FieldGroup;
using E = FieldEffect;
using tco::EnergyBasis;
namespace u = units;

constexpr const char* kConventions = "Cost conventions";
constexpr const char* kElectricEnergy = "Electric truck: energy used for costs";
constexpr const char* kDieselEnergy = "Diesel truck: energy used for costs";

// A choice of the conventions; its value is the option's index, which is the enum's value.
FieldSpec convention(const char* key, const char* label, double (*get)(const core::Scenario&),
                     void (*set)(core::Scenario&, double), int n, const char* choices, const char* help) {
  return FieldSpec{key, label, G::Economics, kConventions, u::kCount, E::Costs, get, set, 0.0, false,
                   n - 1.0, true, help, choices};
}

int index_of(double v, int n) { return std::clamp(static_cast<int>(std::lround(v)), 0, n - 1); }

// The options each truck offers, in the drop-down's order (validate() refuses the others for the truck).
constexpr EnergyBasis kElectricBases[] = {EnergyBasis::kSimulated, EnergyBasis::kMeasuredAtPlug,
                                          EnergyBasis::kMeasuredAtPack, EnergyBasis::kCalibrated};
constexpr EnergyBasis kDieselBases[] = {EnergyBasis::kSimulated, EnergyBasis::kMeasuredMpg, EnergyBasis::kCalibrated};

tco::EnergyOverride& energy(core::Scenario& s, bool electric) {
  return (electric ? s.economics.electric : s.economics.diesel).economics.energy;
}
const tco::EnergyOverride& energy(const core::Scenario& s, bool electric) {
  return (electric ? s.economics.electric : s.economics.diesel).economics.energy;
}

bool measured(EnergyBasis b) {
  return b == EnergyBasis::kMeasuredAtPlug || b == EnergyBasis::kMeasuredAtPack || b == EnergyBasis::kMeasuredMpg;
}

// A starting value when the basis changes to one whose value means something else: typical figures the
// buyer then replaces (plug: 2.0 kWh/mi, pack: 1.8 kWh/mi, diesel 6.5 mpg, calibration 1). Back to
// simulated, the value goes (it is not saved then), so undo gives the scenario as it was.
double starting_value(EnergyBasis b) {
  switch (b) {
    case EnergyBasis::kMeasuredAtPlug: return 2.0;
    case EnergyBasis::kMeasuredAtPack: return 1.8;
    case EnergyBasis::kMeasuredMpg: return 6.5;
    case EnergyBasis::kCalibrated: return 1.0;
    case EnergyBasis::kSimulated: break;
  }
  return 0.0;
}

template <bool Electric>
double get_basis(const core::Scenario& s) {
  const auto& bases = Electric ? std::span<const EnergyBasis>(kElectricBases) : std::span<const EnergyBasis>(kDieselBases);
  const auto it = std::find(bases.begin(), bases.end(), energy(s, Electric).basis);
  return it == bases.end() ? 0.0 : static_cast<double>(it - bases.begin());
}

template <bool Electric>
void set_basis(core::Scenario& s, double v) {
  const auto& bases = Electric ? std::span<const EnergyBasis>(kElectricBases) : std::span<const EnergyBasis>(kDieselBases);
  auto& e = energy(s, Electric);
  const EnergyBasis b = bases[static_cast<std::size_t>(index_of(v, static_cast<int>(bases.size())))];
  const bool same_kind = (measured(b) && measured(e.basis)) || b == e.basis;
  if (b == EnergyBasis::kSimulated) {
    e.value = 0.0;
  } else if (!same_kind || !(e.value > 0.0)) {
    e.value = starting_value(b);
  }
  e.basis = b;
}

template <bool Electric>
bool is_measured(const core::Scenario& s) {
  return measured(energy(s, Electric).basis);
}
template <bool Electric>
bool is_calibrated(const core::Scenario& s) {
  return energy(s, Electric).basis == EnergyBasis::kCalibrated;
}
template <bool Electric>
double get_value(const core::Scenario& s) {
  return energy(s, Electric).value;
}
template <bool Electric>
void set_value(core::Scenario& s, double v) {
  energy(s, Electric).value = v;
}

}  // namespace

void append_cost_convention_fields(std::vector<FieldSpec>& f) {
  f.push_back(convention(
      "economics.conventions.discount_timing", "Discounting of a year's costs",
      [](const core::Scenario& s) { return static_cast<double>(s.economics.conventions.discount_timing); },
      [](core::Scenario& s, double v) {
        s.economics.conventions.discount_timing = static_cast<tco::DiscountTiming>(index_of(v, 3));
      },
      3, "End of year (default)|Beginning of year (as NREL T3CO)|Mid-year",
      "When in its year a year's operating costs are discounted. End of year (default): year y at "
      "(1+i)^-y. Beginning of year (NREL T3CO): (1+i)^-(y-1), so year 1 is not discounted and every "
      "operating cost weighs (1+i) times more. Mid-year: (1+i)^-(y-1/2). The purchase (year 0) is never "
      "discounted."));
  f.push_back(convention(
      "economics.conventions.residual_booking", "Resale value booked",
      [](const core::Scenario& s) { return static_cast<double>(s.economics.conventions.residual_booking); },
      [](core::Scenario& s, double v) {
        s.economics.conventions.residual_booking = static_cast<tco::ResidualBooking>(index_of(v, 2));
      },
      2, "At the end of ownership (default)|With the last year (as T3CO)",
      "The resale value is discounted at (1+i)^-N, the end of ownership (default), or with the last "
      "operating year at that year's factor d_N (T3CO)."));
  f.push_back(convention(
      "economics.conventions.per_mile", "Cost per mile over",
      [](const core::Scenario& s) { return static_cast<double>(s.economics.conventions.per_mile); },
      [](core::Scenario& s, double v) {
        s.economics.conventions.per_mile = static_cast<tco::PerMileBasis>(index_of(v, 2));
      },
      2, "Discounted miles (levelised, default)|Lifetime miles (as T3CO, MIT)",
      "Levelised (default): $/mi = NPV / sum of each year's miles x d_y, the steady price per mile worth the "
      "NPV. Lifetime miles (T3CO, MIT): NPV / sum of the miles, undiscounted. $/yr, $/ton-mi and $/ton "
      "alike."));
  f.push_back(convention(
      "economics.conventions.payload", "Payload limit counted as",
      [](const core::Scenario& s) { return static_cast<double>(s.economics.conventions.payload); },
      [](core::Scenario& s, double v) {
        s.economics.conventions.payload = static_cast<tco::PayloadTreatment>(index_of(v, 2));
      },
      2, "Less freight per truck (default)|Extra trucks (as T3CO, MIT)",
      "Capacity cap (default): a truck over the gross limit carries less, and $/ton-mi shows it. Truck "
      "multiplier (T3CO, MIT): every cash flow times m = payload offered / payload carried >= 1, the extra "
      "trucks the freight needs; tons count the freight offered."));
  f.push_back(convention(
      "economics.conventions.hvut", "Heavy-vehicle use tax",
      [](const core::Scenario& s) { return s.economics.conventions.hvut ? 0.0 : 1.0; },
      [](core::Scenario& s, double v) { s.economics.conventions.hvut = index_of(v, 2) == 0; }, 2,
      "Charged (IRS Form 2290, default)|Left out (as T3CO)",
      "The federal heavy-vehicle use tax (IRS Form 2290, by taxable gross weight) charged each year "
      "(default), or left out as T3CO does."));

  // Each truck: the energy basis, and its value in the unit the basis needs (the other value field is
  // disabled). Both value fields hold energy_value; only the enabled one is shown.
  f.push_back(FieldSpec{
      "economics.electric.economics.energy_basis", "Energy used for costs", G::Trucks, kElectricEnergy, u::kCount,
      E::Costs, get_basis<true>, set_basis<true>, 0.0, false, 3.0, true,
      "Where the electric truck's energy per mile comes from. Simulated (default): the simulated trip. "
      "Measured at the plug: the grid kWh/mi you measured at the depot charger (pack energy = value x depot "
      "efficiency). Measured at the pack: kWh/mi out of the pack, net of regen. Calibrated: the simulated "
      "energy times a factor. Every energy cost and the charging plan use it; the report says which.",
      "Simulated (default)|Measured at the plug|Measured at the pack|Calibrated to the simulation"});
  f.push_back(FieldSpec{"economics.electric.economics.energy_value", "Measured energy", G::Trucks,
                        kElectricEnergy, u::kKWhPerMi, E::Costs, get_value<true>, set_value<true>, 0.1, false,
                        20.0, false,
                        "The electric truck's measured energy per distance: at the depot plug or out of the "
                        "pack, as chosen above.",
                        nullptr, is_measured<true>});
  f.push_back(FieldSpec{"economics.electric.economics.energy_value.factor", "Calibration factor", G::Trucks,
                        kElectricEnergy, u::kFactor, E::Costs, get_value<true>, set_value<true>, 0.1, false, 10.0,
                        false, "The simulated energy is multiplied by this factor (1.05 = 5 % more).", nullptr,
                        is_calibrated<true>});
  f.push_back(FieldSpec{
      "economics.diesel.economics.energy_basis", "Energy used for costs", G::Trucks, kDieselEnergy, u::kCount,
      E::Costs, get_basis<false>, set_basis<false>, 0.0, false, 2.0, true,
      "Where the diesel truck's fuel per mile comes from. Simulated (default): the simulated trip. "
      "Measured mpg: the fuel economy you measured (fuel = miles / mpg; DEF and CO2 follow the fuel). "
      "Calibrated: the simulated fuel, DEF and CO2 times a factor.",
      "Simulated (default)|Measured fuel economy|Calibrated to the simulation"});
  f.push_back(FieldSpec{"economics.diesel.economics.energy_value", "Measured fuel economy", G::Trucks,
                        kDieselEnergy, u::kMpg, E::Costs, get_value<false>, set_value<false>, 0.5, false, 100.0,
                        false, "The diesel truck's measured fuel economy (miles per US gallon; L/100 km in metric).",
                        nullptr, is_measured<false>});
  f.push_back(FieldSpec{"economics.diesel.economics.energy_value.factor", "Calibration factor", G::Trucks,
                        kDieselEnergy, u::kFactor, E::Costs, get_value<false>, set_value<false>, 0.1, false, 10.0,
                        false, "The simulated fuel, DEF and CO2 are multiplied by this factor (1.05 = 5 % more).",
                        nullptr, is_calibrated<false>});
}

}  // namespace semitco::ui
