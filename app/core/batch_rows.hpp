// Internals of the batch runner shared by its parts (batch.cpp, batch_output.cpp, batch_mpi.cpp): the
// job plan, one result row, its columns with units, and the row writers/readers.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/core/batch.hpp"
#include "app/core/comparison.hpp"
#include "app/core/scenario.hpp"
#include "routes/route_profile.hpp"

namespace semitco::core::batch {

/// The numeric result columns, in output order.
enum Figure : std::size_t {
  kDistance,
  kEvEnergy,
  kEvMpge,
  kDieselMpg,
  kEvTripTime,
  kDieselTripTime,
  kEvPeakBrake,
  kDieselPeakBrake,
  kEvPayload,
  kDieselPayload,
  kEvCostPerMi,
  kDieselCostPerMi,
  kEvCostPerTonMi,
  kDieselCostPerTonMi,
  kSavingsPerMi,
  kSavingsPerYr,
  kBreakEvenDiesel,
  kBreakEvenElectricity,
  kEvEnrouteStops,  ///< en-route charge stops a day (CostReport::day)
  kEvUsable,        ///< usable pack energy [kWh]
  kEvRange,         ///< usable pack energy / energy per mile on this route [mi]
  kEvPrice,         ///< purchase price of the electric truck [USD]
  // The electric truck's delivered depot electricity, levelised (tco/charging_cost.hpp) [USD/kWh]:
  kEvDeliveredEnergy, kEvDeliveredDemand, kEvDeliveredFixed, kEvDeliveredCapital, kEvDeliveredTotal,
  // The scenario's depot day (semitco depot), when it has a "depot" section:
  kDepotUnmanagedPeak,  ///< depot peak, every truck charging at full power on arrival [kW]
  kDepotManagedPeak,    ///< depot peak, scheduled (the LP) [kW]
  kDepotChargers,       ///< chargers the managed schedule needs
  kDepotUsdPerKWh,      ///< delivered cost, managed: energy + demand + fixed + capital [USD/kWh]
  kDepotDemandPerTruck, ///< managed demand charge per truck [USD/yr]
  kFigureCount
};

/// The text result columns (status words), after the numbers.
enum Text : std::size_t {
  kEvTrip,      ///< trip_status_key(): completed, brake_fade, ended
  kDieselTrip,
  kEvDay,       ///< tco::day_status_key(): depot_only, needs_enroute, infeasible ("" when not costed)
  kDieselDay,
  kRepairs,     ///< routes::repairs_summary() of the route file ("" when nothing was repaired)
  kIntegrator,  ///< the trip model every job of the batch ran on: rk, cvode or quasi-static (its --integrator)
  kTextCount
};
struct TextColumn {
  const char* key;    ///< CSV/JSON name
  const char* label;  ///< XLSX header
};
extern const std::array<TextColumn, kTextCount> kTextColumns;

struct FigureColumn {
  const char* key;           ///< CSV/JSON name, unit as suffix
  const char* label;         ///< XLSX header, unit in brackets
  const char* excel_format;  ///< XLSX number format
};
extern const std::array<FigureColumn, kFigureCount> kFigureColumns;

/// One job's result. Numbers are already rounded to their printed precision (NaN = no value).
struct Row {
  std::string job_id, route_file, scenario;
  std::vector<double> sweep;  ///< one per sweep axis
  std::array<double, kFigureCount> figures{};
  std::array<std::string, kTextCount> texts;  ///< by Text
  bool ok = false;
  std::string error;  ///< failed: why; ok: ""
  /// Journal only (empty elsewhere): the integrator and the content hashes of the job's inputs when it
  /// ran, so --resume can tell a row that is still valid from one whose inputs changed.
  std::string integrator, route_hash, scenario_hash;
  Row() { figures.fill(std::nan("")); }
};

/// Rounds to the precision the writers print (7 significant digits), so every format and every
/// read-back of a row gives the same numbers.
double round_for_output(double v);
std::string format_number(double v);  ///< "" for NaN

/// Every job of a batch: routes x scenarios x sweep points, addressed by index (ids "r000001-s001-p000001").
struct Plan {
  std::vector<std::string> routes;     ///< as found, sorted
  std::vector<std::string> scenarios;  ///< scenario file paths
  std::vector<SweepAxis> axes;
  std::size_t points = 1;              ///< product of axis sizes
  [[nodiscard]] std::size_t size() const { return routes.size() * scenarios.size() * points; }
  [[nodiscard]] std::string job_id(std::size_t index) const;
  [[nodiscard]] std::size_t route_of(std::size_t index) const { return index / (scenarios.size() * points); }
  [[nodiscard]] std::size_t scenario_of(std::size_t index) const { return index / points % scenarios.size(); }
  [[nodiscard]] std::vector<double> sweep_values(std::size_t index) const;
};

/// Builds the plan and checks the outputs: --out and --series-dir must not lie where the batch reads
/// routes (an input directory, below one with --recursive, or matching an input glob), so a later run
/// never takes a result for a route. Throws BatchUsageError.
Plan make_plan(const BatchOptions& opt);

/// Every file the batch reads (routes and scenario files): no output may be one of them.
std::vector<std::string> input_files(const Plan& plan);

/// Scenario files, each loaded once (or the message of why it could not be).
struct LoadedScenario {
  std::optional<Scenario> scenario;
  std::string error;
};
std::vector<LoadedScenario> load_scenarios(const Plan& plan);
/// Every value of every swept vehicle key must be one each loaded scenario's vehicle accepts (the vehicle
/// loader's ranges): else BatchUsageError naming the key and the value, before any job runs.
void check_vehicle_sweeps(const Plan& plan, const std::vector<LoadedScenario>& scenarios);

/// The route most recently read by one worker (jobs of one route come in a row).
struct RouteCache {
  std::size_t index = static_cast<std::size_t>(-1);
  std::shared_ptr<const routes::RouteProfile> route;
  std::string error;
  // The last simulated trips and what they depend on: jobs that differ only in economics (a price
  // sweep) re-price them instead of simulating again. The simulation is deterministic, so a row does
  // not depend on whether its trips came from here.
  std::vector<double> trips_key;
  std::shared_ptr<const core::ComparisonResult> trips;
  // The worker's copy of the last job's scenario (index `scenario_index`). A next job of the same scenario
  // whose sweeps set no vehicle key takes back, from the loaded scenario, only what a sweep can set (the
  // weather, the grid's CO2, the economics) instead of copying the whole scenario with its vehicle
  // documents and sources: a tenth of a screening job.
  std::size_t scenario_index = static_cast<std::size_t>(-1);
  std::optional<Scenario> scenario;
};

/// Runs one job with the batch's route format, series folder and integrator; never throws (a failure is
/// a failed row with the message).
Row run_job(const Plan& plan, const std::vector<LoadedScenario>& scenarios, std::size_t index,
            const BatchOptions& opt, RouteCache& cache);

nlohmann::ordered_json row_to_json(const Plan& plan, const Row& row);
/// Throws BatchUsageError when the object lacks a column of this plan.
Row row_from_json(const Plan& plan, const nlohmann::json& j);

enum class OutputKind { Csv, Jsonl, Xlsx };
/// From the extension; throws BatchUsageError otherwise.
OutputKind output_kind(const std::string& path);

/// Writes rows in the order given to a temporary file; commit() renames it to the final name.
class RowWriter {
 public:
  virtual ~RowWriter() = default;
  virtual void write(const Row& row) = 0;
  virtual void commit() = 0;
};
std::unique_ptr<RowWriter> make_writer(const Plan& plan, const std::string& path);

/// Rows of an earlier result file (CSV or JSON lines; a truncated last line is ignored), by job id.
std::map<std::string, Row> read_result_rows(const Plan& plan, const std::string& path);

/// The journal next to a result file: "<out>.partial.jsonl".
std::string journal_path(const std::string& out);

/// 64-bit FNV-1a of a file's bytes as 16 hex digits; "unreadable" when it cannot be read (a failed row
/// then stays failed until the file can be read).
std::string content_hash_of_file(const std::string& path);

/// What every job's row depends on besides the plan: the content hash and newest modification time of
/// each route file and of each scenario with the files it refers to (vehicles, economics base).
struct InputState {
  std::vector<std::string> route_hash, scenario_hash;
  std::vector<std::filesystem::file_time_type> route_mtime, scenario_mtime;
};
InputState input_state(const Plan& plan);

/// A journal line: the row's JSON with the integrator and the input hashes of its job.
std::string journal_line(const Plan& plan, const InputState& inputs, const std::string& integrator,
                         std::size_t index, const Row& row);

}  // namespace semitco::core::batch
