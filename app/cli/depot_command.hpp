// `semitco depot`: the scenario's depot charging for a fleet (app/core/depot_run.hpp). Kept apart from
// main.cpp, which only adds the command and calls run_depot_command.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

struct DepotArgs {
  std::string scenario;
  std::string load_csv;
  std::string integrator = "rk";  // the command line's default (fast); "cvode" the reference, "quasi-static" screening
  std::string fleet_dir;          // --fleet DIR: the trucks from a fleet's vehicle-day files (semitco fleet)
  std::string fleet_pattern;      // --pattern for the fleet's files ("" = semitco fleet's default)
};

CLI::App* add_depot_command(CLI::App& app, DepotArgs& a);
/// Exit code: 0 a feasible managed schedule, 1 infeasible or a bad input (printed), as the other commands.
int run_depot_command(const DepotArgs& a);
