// One open scenario with undo, save and background runs; see scenario_document.hpp.
#include "ui/scenario_document.hpp"

#include <QDir>
#include <QFileInfo>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>
#include <chrono>
#include <filesystem>

namespace semitco::ui {

namespace {

enum CommandId { kFieldCommand = 1 };

class FieldCommand : public QUndoCommand {
 public:
  FieldCommand(ScenarioDocument* doc, const FieldSpec& f, double before, double after)
      : doc_(doc), field_(&f), before_(before), after_(after) {
    setText(QStringLiteral("Change %1").arg(QString::fromUtf8(f.label).toLower()));
  }
  void undo() override { doc_->applyValue(*field_, before_); }
  void redo() override { doc_->applyValue(*field_, after_); }
  int id() const override { return kFieldCommand; }
  bool mergeWith(const QUndoCommand* other) override {
    // Typing "4", "4.", "4.5" into one field is one undo step.
    const auto* o = static_cast<const FieldCommand*>(other);
    if (o->field_ != field_) return false;
    after_ = o->after_;
    setObsolete(after_ == before_);  // typed and taken back: no undo step
    return true;
  }

 private:
  ScenarioDocument* doc_;
  const FieldSpec* field_;
  double before_, after_;
};

class RouteCommand : public QUndoCommand {
 public:
  RouteCommand(ScenarioDocument* doc, std::string before_ref, std::string before_fmt, std::string ref,
               std::string fmt)
      : doc_(doc), before_ref_(std::move(before_ref)), before_fmt_(std::move(before_fmt)), ref_(std::move(ref)),
        fmt_(std::move(fmt)) {
    setText(QStringLiteral("Change route"));
  }
  void undo() override { doc_->applyRoute(before_ref_, before_fmt_); }
  void redo() override { doc_->applyRoute(ref_, fmt_); }

 private:
  ScenarioDocument* doc_;
  std::string before_ref_, before_fmt_, ref_, fmt_;
};

class NameCommand : public QUndoCommand {
 public:
  NameCommand(ScenarioDocument* doc, std::string before, std::string after)
      : doc_(doc), before_(std::move(before)), after_(std::move(after)) {
    setText(QStringLiteral("Rename scenario"));
  }
  void undo() override { doc_->applyName(before_); }
  void redo() override { doc_->applyName(after_); }

 private:
  ScenarioDocument* doc_;
  std::string before_, after_;
};

// A change that replaces the whole scenario (another truck model): both states kept.
class ScenarioCommand : public QUndoCommand {
 public:
  ScenarioCommand(ScenarioDocument* doc, core::Scenario before, core::Scenario after, const QString& text)
      : doc_(doc), before_(std::move(before)), after_(std::move(after)) {
    setText(text);
  }
  void undo() override { doc_->applyScenario(before_); }
  void redo() override { doc_->applyScenario(after_); }

 private:
  ScenarioDocument* doc_;
  core::Scenario before_, after_;
};

}  // namespace

ScenarioDocument::ScenarioDocument(core::Scenario scenario, QString path, QObject* parent)
    : QObject(parent), scenario_(std::move(scenario)), path_(std::move(path)),
      id_(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
  debounce_.setSingleShot(true);
  debounce_.setInterval(300);
  connect(&debounce_, &QTimer::timeout, this, &ScenarioDocument::startRun);
  connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &ScenarioDocument::onRunFinished);
  connect(&undo_, &QUndoStack::cleanChanged, this, [this] { emit modifiedChanged(isModified()); });
}

ScenarioDocument::~ScenarioDocument() { watcher_.waitForFinished(); }

std::unique_ptr<ScenarioDocument> ScenarioDocument::open(const QString& path) {
  const QString abs = QFileInfo(path).absoluteFilePath();
  return std::make_unique<ScenarioDocument>(core::load_scenario(abs.toStdString()), abs);
}

void ScenarioDocument::setForcedModified(bool m) {
  forced_modified_ = m;
  emit modifiedChanged(isModified());
}

QString ScenarioDocument::setField(const FieldSpec& field, double value) {
  const double before = field.get(scenario_);
  if (before == value) return {};
  try {
    core::Scenario probe = scenario_;
    field.set(probe, value);
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  undo_.push(new FieldCommand(this, field, before, value));
  return {};
}

QString ScenarioDocument::setVehicleModel(bool electric, const QString& ref) {
  core::Scenario after = scenario_;
  try {
    core::set_vehicle_reference(after, electric, ref.toStdString());
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  undo_.push(new ScenarioCommand(this, scenario_, std::move(after),
                                 electric ? tr("Change electric truck") : tr("Change diesel truck")));
  return {};
}

void ScenarioDocument::applyScenario(const core::Scenario& s) {
  scenario_ = s;
  emit scenarioChanged();
  schedule(true);
}

void ScenarioDocument::setRoute(const QString& route_path, const QString& format) {
  // Keep the reference relative to the scenario's folder when the route lies beside it (bundled routes).
  namespace fs = std::filesystem;
  const fs::path target = fs::absolute(route_path.toStdString()).lexically_normal();
  std::string ref = target.string();
  if (!scenario_.file.empty()) {
    const fs::path rel = target.lexically_relative(fs::absolute(scenario_.dir()).lexically_normal());
    if (!rel.empty() && rel.native().find("../../../") == std::string::npos) ref = rel.generic_string();
  }
  undo_.push(new RouteCommand(this, scenario_.route_ref, scenario_.route_format, ref, format.toStdString()));
}

void ScenarioDocument::setName(const QString& name) {
  if (name.toStdString() == scenario_.name) return;
  undo_.push(new NameCommand(this, scenario_.name, name.toStdString()));
}

void ScenarioDocument::applyValue(const FieldSpec& field, double value) {
  field.set(scenario_, value);
  emit scenarioChanged();
  schedule(field.effect == FieldEffect::Physics);
}

void ScenarioDocument::applyRoute(const std::string& ref, const std::string& format) {
  scenario_.route_ref = ref;
  scenario_.route_format = format;
  route_cache_.reset();
  emit scenarioChanged();
  schedule(true);
}

void ScenarioDocument::applyName(const std::string& name) {
  scenario_.name = name;
  emit nameChanged();
  emit scenarioChanged();
}

void ScenarioDocument::save(const QString& path) {
  core::save_scenario(scenario_, QFileInfo(path).absoluteFilePath().toStdString());
  path_ = QFileInfo(path).absoluteFilePath();
  forced_modified_ = false;
  undo_.setClean();
  emit modifiedChanged(false);
  emit nameChanged();
}

void ScenarioDocument::writeAutosave(const QString& autosave_path) const {
  core::Scenario copy = scenario_;
  core::save_scenario(copy, autosave_path.toStdString());
}

void ScenarioDocument::runNow() {
  debounce_.stop();
  startRun();
}

void ScenarioDocument::setIntegrator(physics::Integrator i) {
  if (i == integrator_) return;
  integrator_ = i;
  schedule(true);
}

void ScenarioDocument::schedule(bool physics) {
  physics_dirty_ = physics_dirty_ || physics;
  ++edit_generation_;
  debounce_.start();
}

void ScenarioDocument::startRun() {
  if (watcher_.isRunning()) {
    pending_ = true;
    return;
  }
  pending_ = false;
  running_generation_ = edit_generation_;
  running_needs_physics_ = physics_dirty_ || !physics_cache_;
  physics_dirty_ = false;
  emit runStarted();
  watcher_.setFuture(QtConcurrent::run(
      [s = scenario_, need_physics = running_needs_physics_, route = route_cache_, prev = physics_cache_,
       integrator = integrator_]() {
        Outcome out;
        try {
          std::shared_ptr<const PhysicsRun> physics = prev;
          bool rerun = need_physics || physics->integrator != integrator || !physics_matches_trips(s, *physics);
          if (rerun) physics = run_physics(s, route, integrator);
          auto a = std::make_shared<Analysis>(run_costs(s, physics));
          a->physics_rerun = rerun;
          a->physics_ms = rerun ? physics->elapsed_ms : 0.0;
          out.analysis = std::move(a);
        } catch (const std::exception& e) {
          out.error = QString::fromStdString(e.what());
        }
        return out;
      }));
}

void ScenarioDocument::onRunFinished() {
  const Outcome out = watcher_.result();
  if (out.analysis) {
    physics_cache_ = out.analysis->physics;
    // A route picked while this run went on must not be replaced by the run's (older) route: keep the
    // profile only when it is still the scenario's route.
    const auto& route = out.analysis->physics->route;
    if (QFileInfo(QString::fromStdString(route->source)).absoluteFilePath() ==
        QFileInfo(QString::fromStdString(scenario_.route_path())).absoluteFilePath()) {
      route_cache_ = route;
    } else {
      physics_dirty_ = true;
    }
  } else if (running_needs_physics_) {
    physics_dirty_ = true;
  }
  const bool stale = running_generation_ != edit_generation_;
  if (stale || pending_) {
    // Latest edit wins: this result belongs to an older scenario. Run again unless the debounce will.
    if (!debounce_.isActive()) startRun();
    return;
  }
  if (out.analysis) {
    analysis_ = out.analysis;
    last_error_.clear();
    emit analysisReady();
  } else {
    last_error_ = out.error;
    emit runFailed(out.error);
  }
}

}  // namespace semitco::ui
