// Scenarios, routes and vehicles for Python: read from a file, or from text that stands for a file (the
// Python side turns a dict into JSON text, a dict of columns into route CSV text), always through the
// loaders the CLI uses, so a dict is checked key by key exactly like a file and its errors name `name`.
#include <pybind11/stl.h>

#include <filesystem>
#include <sstream>

#include "app/core/comparison.hpp"
#include "app/core/diesel_file.hpp"
#include "app/core/scenario.hpp"
#include "app/core/vehicle_file.hpp"
#include "python/bindings.hpp"
#include "python/results.hpp"
#include "routes/readers.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace semitco::python {

namespace {

Vehicle vehicle_from_json(const nlohmann::json& j, const std::string& name) {
  core::JsonParams root(j, name);
  Vehicle v;
  v.file = name;
  v.type = core::JsonParams(j, name).text("type");
  if (v.type == "electric") {
    v.electric = core::read_electric_truck(root);
  } else if (v.type == "diesel") {
    v.diesel = core::read_diesel_truck(root);
  } else {  // the CLI's words for the same mistake (semitco simulate)
    throw core::InputError(name + ": type = \"" + v.type + "\": expected \"electric\" or \"diesel\"");
  }
  return v;
}

// A route given as text in one of the file formats, read by that format's stream reader.
routes::RouteProfile route_from_text(const std::string& text, const std::string& name,
                                     const std::string& format) {
  std::istringstream in(text);
  switch (routes::parse_format(format)) {
    case routes::Format::Vdri:
      return routes::read_vdri(in, name);
    case routes::Format::Cycle:
      return routes::read_cycle(in, name);
    case routes::Format::Gpx:
      return routes::read_gpx(in, name);
    case routes::Format::RouteCsv:
    case routes::Format::Auto:
      break;
  }
  return routes::read_route_csv(in, name);
}

py::dict route_stops(const routes::RouteProfile& r) {
  py::list stops, chargers;
  for (const auto& s : r.stops)
    stops.append(py::dict("distance_m"_a = s.distance_m, "dwell_s"_a = s.dwell_s, "name"_a = s.name));
  for (const auto& c : r.chargers) {
    chargers.append(py::dict("distance_m"_a = c.distance_m, "power_W"_a = c.power_W, "name"_a = c.name));
  }
  return py::dict("stops"_a = stops, "chargers"_a = chargers);
}

}  // namespace

void bind_inputs(py::module_& m) {
  py::class_<core::Scenario>(m, "Scenario", "A scenario: route, both trucks, weather, driver and economics")
      .def_readonly("name", &core::Scenario::name)
      .def_readonly("file", &core::Scenario::file, "where it was read from (or the name given with a dict)")
      .def_property_readonly("route_path", &core::Scenario::route_path, "the route file, resolved")
      .def_readonly("route_format", &core::Scenario::route_format)
      .def_property_readonly("electric_vehicle", [](const core::Scenario& s) { return s.electric.name; })
      .def_property_readonly("diesel_vehicle", [](const core::Scenario& s) { return s.diesel.name; })
      .def("to_text", &core::scenario_to_text, "the scenario as semitco would save it (JSON text)")
      .def(
          "to_dict",
          [](const core::Scenario& s) {
            return py::module_::import("json").attr("loads")(core::scenario_to_text(s));
          },
          "the scenario as a dict in the file's schema (load_scenario takes it back)")
      .def("input_files", &core::Scenario::input_files)
      .def("__repr__", [](const core::Scenario& s) { return "<semitco.Scenario '" + s.name + "'>"; });

  py::class_<routes::RouteProfile>(m, "Route", "A route profile along distance (and a speed trace in time)")
      .def_readonly("name", &routes::RouteProfile::name)
      .def_readonly("source", &routes::RouteProfile::source)
      .def_property_readonly("length_m", &routes::RouteProfile::length_m)
      .def_property_readonly("is_time_based", &routes::RouteProfile::is_time_based)
      .def_property_readonly(
          "columns", [](const routes::RouteProfile& r) { return route_columns(r); },
          "distance_m, elevation_m, grade_frac, speed_limit_mps (and lat/lon, trace) as arrays")
      .def_property_readonly("stops", [](const routes::RouteProfile& r) { return route_stops(r)["stops"]; })
      .def_property_readonly("chargers",
                             [](const routes::RouteProfile& r) { return route_stops(r)["chargers"]; })
      .def_property_readonly("warnings",
                             [](const routes::RouteProfile& r) {
                               std::vector<std::string> w;
                               for (const auto& x : r.warnings) w.push_back(x.message);
                               return w;
                             })
      .def("__repr__", [](const routes::RouteProfile& r) {
        return "<semitco.Route '" + r.name + "', " + std::to_string(r.length_m() / 1000.0) + " km>";
      });

  py::class_<Vehicle>(m, "Vehicle", "One truck from a vehicle file (electric or diesel)")
      .def_readonly("type", &Vehicle::type)
      .def_readonly("file", &Vehicle::file)
      .def_property_readonly("name", &Vehicle::name)
      .def("__repr__",
           [](const Vehicle& v) { return "<semitco.Vehicle '" + v.name() + "' (" + v.type + ")>"; });

  m.def("load_scenario", &core::load_scenario, "path"_a);
  m.def(
      "scenario_from_text",
      [](const std::string& text, const std::string& name) {
        return core::scenario_from_json(core::parse_json_text(text, name), name);
      },
      "text"_a, "name"_a);
  // The route input options of the command line: --strict, --dem FILE|DIR, --dem-check.
  auto route_input = [](bool strict, const std::string& dem, bool dem_check) {
    core::RouteInput in;
    in.strict = strict;
    in.dem_path = dem;
    in.dem_check_only = dem_check;
    return in;
  };
  m.def(
      "load_route",
      [route_input](const std::string& path, const std::string& format, bool strict, const std::string& dem,
                    bool dem_check) { return core::read_route_file(path, format, route_input(strict, dem, dem_check)); },
      "path"_a, "format"_a = "auto", "strict"_a = false, "dem"_a = "", "dem_check"_a = false);
  m.def("route_from_text", &route_from_text, "text"_a, "name"_a, "format"_a = "csv");
  m.def(
      "scenario_route",
      [route_input](const core::Scenario& s, bool strict, const std::string& dem, bool dem_check) {
        return core::load_route(s, route_input(strict, dem, dem_check));
      },
      "scenario"_a, "strict"_a = false, "dem"_a = "", "dem_check"_a = false, "the scenario's own route");
  m.def(
      "load_vehicle",
      [](const std::string& path) { return vehicle_from_json(core::read_json_file(path), path); }, "path"_a);
  m.def(
      "vehicle_from_text",
      [](const std::string& text, const std::string& name) {
        return vehicle_from_json(core::parse_json_text(text, name), name);
      },
      "text"_a, "name"_a);
  m.def("resources_dir", &core::resources_dir);
  m.def("default_scenario_path", &core::default_scenario_path);
}

}  // namespace semitco::python
