// semitco._core: the compiled half of the Python package semitco (python/semitco/ is the other half).
#include "python/bindings.hpp"

namespace semitco {
const char* version();
}

PYBIND11_MODULE(_core, m) {
  m.doc() = "semitco core (app/core) for Python; use the package semitco, not this module";
  m.attr("__version__") = semitco::version();
  semitco::python::bind_errors(m);
  semitco::python::bind_inputs(m);
  semitco::python::bind_runs(m);
  semitco::python::bind_fleet_depot(m);
}
