// The fleet view: a folder of vehicle-day files (semitco fleet, app/core/fleet.hpp) in the app -- the
// "electrify first" ranking, the per-vehicle table (days, trips, distance, energy, depot-only share, en-route
// days, cost per distance, savings a year) and the repairs made to read the files. FleetView shows a report;
// FleetDialog asks for the folder, runs the fleet off the GUI thread with the scenario's saved file and the
// route options of the command line's defaults, and offers the XLSX workbook of `semitco fleet --out`.
#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <QWidget>
#include <memory>

#include "app/core/fleet.hpp"
#include "physics/params.hpp"
#include "ui/units.hpp"

class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace semitco::ui {

class FleetView : public QWidget {
  Q_OBJECT
 public:
  explicit FleetView(QWidget* parent = nullptr);
  void setReport(std::shared_ptr<const core::FleetReport> report, UnitSystem units);
  void setStatus(const QString& text);
  [[nodiscard]] QTableWidget* rankingTable() const { return ranking_; }
  [[nodiscard]] QTableWidget* vehicleTable() const { return vehicles_; }
  [[nodiscard]] QTableWidget* repairTable() const { return repairs_; }

 private:
  QLabel* status_;
  QTabWidget* tabs_;
  QTableWidget *ranking_, *vehicles_, *repairs_;
};

/// What a fleet run gave: the report, or why there is none.
struct FleetOutcome {
  std::shared_ptr<const core::FleetReport> report;
  QString error;
};

/// A window of its own: the fleet runs while the scenarios stay editable (closing the window lets the run
/// finish on its thread and drops the result).
class FleetDialog : public QDialog {
  Q_OBJECT
 public:
  /// `integrator`: the trip model of the days (the main window's Run menu), named in the window's title.
  FleetDialog(const QString& folder, const QString& scenario_path, UnitSystem units, QWidget* parent = nullptr,
              physics::Integrator integrator = physics::Integrator::RungeKutta);
  /// Asks for a folder and opens a FleetDialog on it (nothing when cancelled). One line in the main window.
  static void openFolder(QWidget* parent, const QString& scenario_path, UnitSystem units,
                         physics::Integrator integrator = physics::Integrator::RungeKutta);
  [[nodiscard]] FleetView* view() const { return view_; }
  /// Waits for the run (tests).
  void waitForResult();

 private:
  void exportXlsx();
  FleetView* view_;
  QPushButton* export_;
  UnitSystem units_;
  QFutureWatcher<FleetOutcome> watcher_;
  std::shared_ptr<const core::FleetReport> report_;
};

}  // namespace semitco::ui
