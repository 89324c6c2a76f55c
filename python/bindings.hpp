// The pieces of the Python extension semitco._core: each bind_* adds one concern to the module.
//   errors.cpp   C++ exceptions -> semitco.InputError & co., with the CLI's message text
//   inputs.cpp   scenarios, routes and vehicles from files or from JSON/CSV text (dicts are turned into
//                text by the Python side and go through the same loaders as files)
//   runs.cpp     simulate, compare, tco, batch, with the GIL released while C++ runs
//   results.cpp  C++ results -> dicts of plain values and NumPy arrays (results.hpp)
#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "physics/diesel_params.hpp"
#include "physics/params.hpp"

namespace semitco::python {

/// One truck read from a vehicle file: its "type" decides which of the parameter sets is used.
struct Vehicle {
  std::string type;  ///< "electric" or "diesel"
  std::string file;  ///< the file it was read from, or the name given with its text
  physics::ElectricTruckParams electric;
  physics::DieselTruckParams diesel;
  [[nodiscard]] const std::string& name() const { return type == "electric" ? electric.name : diesel.name; }
};

void bind_errors(pybind11::module_& m);
void bind_inputs(pybind11::module_& m);
void bind_runs(pybind11::module_& m);
/// semitco depot and semitco fleet (python/fleet_depot.cpp).
void bind_fleet_depot(pybind11::module_& m);

}  // namespace semitco::python
