// C++ exceptions as Python exceptions. The message is what the CLI prints after "semitco: " (the
// exception's text made printable, app/core/text.hpp), so a script and the command line say the same.
//
//   semitco.Error            base of everything below (RuntimeError)
//   semitco.InputError       a file or dict is wrong (core::InputError, routes::RouteError,
//                            physics::ParameterError, tco::TcoInputError); also a ValueError
//   semitco.OutputRefused    an output would replace an input, a device or a symlink
//   semitco.BatchUsageError  a batch asks for something impossible (bad sweep, no inputs); a ValueError
//   semitco.SolverError      the integrator failed
#include <exception>

#include "app/core/atomic_file.hpp"
#include "app/core/batch.hpp"
#include "app/core/json_params.hpp"
#include "app/core/text.hpp"
#include "physics/trip_solver.hpp"
#include "python/bindings.hpp"
#include "routes/route_error.hpp"
#include "tco/inputs.hpp"

namespace py = pybind11;

namespace semitco::python {

void bind_errors(py::module_& m) {
  static py::exception<std::runtime_error> error(m, "Error", PyExc_RuntimeError);
  static py::handle input_error, output_refused, batch_usage, solver_error;
  auto make = [&](const char* name, py::tuple bases) {
    py::object type = py::reinterpret_steal<py::object>(
        PyErr_NewException((std::string("semitco.") + name).c_str(), bases.ptr(), nullptr));
    if (!type) throw py::error_already_set();
    m.attr(name) = type;
    return type.release();
  };
  input_error = make("InputError", py::make_tuple(error, py::handle(PyExc_ValueError)));
  output_refused = make("OutputRefused", py::make_tuple(error));
  batch_usage = make("BatchUsageError", py::make_tuple(error, py::handle(PyExc_ValueError)));
  solver_error = make("SolverError", py::make_tuple(error));

  py::register_exception_translator([](std::exception_ptr p) {
    auto raise = [](py::handle type, const std::exception& e) {
      PyErr_SetString(type.ptr(), core::printable(e.what()).c_str());
    };
    try {
      if (p) std::rethrow_exception(p);
    } catch (const core::InputError& e) {
      raise(input_error, e);
    } catch (const routes::RouteError& e) {
      raise(input_error, e);
    } catch (const physics::ParameterError& e) {
      raise(input_error, e);
    } catch (const tco::TcoInputError& e) {
      raise(input_error, e);
    } catch (const core::OutputRefused& e) {
      raise(output_refused, e);
    } catch (const core::BatchUsageError& e) {
      raise(batch_usage, e);
    } catch (const physics::SolverError& e) {
      raise(solver_error, e);
    } catch (const py::builtin_exception&) {
      throw;  // pybind11's own (type and cast errors): its translator makes them TypeError & co.
    } catch (const py::error_already_set&) {
      throw;
    } catch (const std::runtime_error& e) {  // filesystem errors and the like
      raise(error, e);
    }
  });
}

}  // namespace semitco::python
