// One open scenario: the model (core::Scenario), its file, its undo history and its results.
//
// Every edit goes through an undo command; each one schedules a re-run after a debounce (300 ms by
// default). Runs happen on a worker thread (QtConcurrent). The latest edit wins: a result that was
// computed from an older state of the scenario is discarded and the run repeated. The route profile
// and the last simulated trips are cached, so an edit that only touches economics re-runs the cost
// model alone, and only a route/vehicle/weather/driver/payload edit re-simulates the trucks.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <QUndoStack>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/scenario_fields.hpp"

namespace semitco::ui {

class ScenarioDocument : public QObject {
  Q_OBJECT

 public:
  /// `path` is where Save writes ("" = untitled: Save asks). The scenario's own `file` anchors its
  /// relative references and may differ (a new scenario keeps the template's folder).
  ScenarioDocument(core::Scenario scenario, QString path, QObject* parent = nullptr);
  ~ScenarioDocument() override;
  /// Reads a scenario file (throws core::InputError etc. with the file's message).
  static std::unique_ptr<ScenarioDocument> open(const QString& path);

  [[nodiscard]] const core::Scenario& scenario() const { return scenario_; }
  [[nodiscard]] QString path() const { return path_; }
  [[nodiscard]] QString name() const { return QString::fromStdString(scenario_.name); }
  [[nodiscard]] QString id() const { return id_; }
  [[nodiscard]] bool isModified() const { return forced_modified_ || !undo_.isClean(); }
  void setForcedModified(bool m);
  QUndoStack* undoStack() { return &undo_; }

  /// Edits (undoable). Values in stored units; the caller has checked the field's range. A value the
  /// scenario's loader still refuses (a vehicle key the vehicle file cannot take) is not applied: the
  /// message is returned, and nothing changes.
  QString setField(const FieldSpec& field, double value);
  /// Puts another truck in: a library model's name or a vehicle file path, whole (core::set_vehicle_reference).
  /// Returns the loader's message when it cannot be read (nothing changes).
  QString setVehicleModel(bool electric, const QString& ref);
  void setRoute(const QString& route_path, const QString& format = QStringLiteral("auto"));
  void setName(const QString& name);

  /// Writes the scenario file atomically (core::save_scenario) and marks the document clean.
  void save(const QString& path);
  /// Writes a copy for crash recovery (the document stays modified and keeps its path).
  void writeAutosave(const QString& autosave_path) const;

  [[nodiscard]] std::shared_ptr<const Analysis> analysis() const { return analysis_; }
  [[nodiscard]] bool isRunning() const { return watcher_.isRunning(); }
  [[nodiscard]] QString lastError() const { return last_error_; }
  void setDebounceMs(int ms) { debounce_.setInterval(ms); }
  /// Starts a run now (the first run of a freshly opened document).
  void runNow();
  /// The trip model its runs use (the main window's Run menu; not part of the scenario file). A change
  /// re-simulates the trucks after the debounce (runNow() to start at once); a result of the other model
  /// still running is discarded.
  void setIntegrator(physics::Integrator i);
  [[nodiscard]] physics::Integrator integrator() const { return integrator_; }

  // Used by the undo commands.
  void applyValue(const FieldSpec& field, double value);
  void applyRoute(const std::string& ref, const std::string& format);
  void applyName(const std::string& name);
  void applyScenario(const core::Scenario& s);

 signals:
  void scenarioChanged();  ///< values changed (the editor refreshes)
  void modifiedChanged(bool modified);
  void nameChanged();
  void runStarted();
  void analysisReady();    ///< analysis() holds a result of the current scenario
  void runFailed(const QString& message);

 private:
  struct Outcome {
    std::shared_ptr<const Analysis> analysis;
    QString error;
  };
  void schedule(bool physics);
  void startRun();
  void onRunFinished();

  core::Scenario scenario_;
  QString path_;
  QString id_;
  bool forced_modified_ = false;
  QUndoStack undo_;

  QTimer debounce_;
  QFutureWatcher<Outcome> watcher_;
  quint64 edit_generation_ = 0;     ///< bumped by every edit
  quint64 running_generation_ = 0;  ///< generation the running job computes
  bool running_needs_physics_ = false;
  bool pending_ = false;            ///< the debounce fired while a job was running
  bool physics_dirty_ = true;
  physics::Integrator integrator_ = physics::Integrator::RungeKutta;
  std::shared_ptr<const routes::RouteProfile> route_cache_;
  std::shared_ptr<const PhysicsRun> physics_cache_;
  std::shared_ptr<const Analysis> analysis_;
  QString last_error_;
};

}  // namespace semitco::ui
