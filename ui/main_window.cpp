// Main window: construction, documents and their wiring; see main_window.hpp. Menus, files and exports are in
// main_window_menus.cpp, main_window_files.cpp and main_window_exports.cpp.
#include "ui/main_window.hpp"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>
#include <cstdio>

#include "ui/result_format.hpp"
#include "ui/results_panel.hpp"
#include "ui/scenario_editor.hpp"

namespace semitco::ui {

namespace {
int autosave_interval_ms() {
  bool ok = false;
  const int ms = qEnvironmentVariableIntValue("SEMITCO_AUTOSAVE_MS", &ok);
  return ok && ms > 0 ? ms : 10000;
}
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle("semitco");
  setAcceptDrops(true);
  // Left: scenario list with its buttons.
  auto* left = new QWidget;
  auto* lv = new QVBoxLayout(left);
  lv->setContentsMargins(6, 6, 0, 6);
  auto* caption = new QLabel(tr("<b>Scenarios</b>"));
  list_ = new QListWidget;
  list_->setObjectName("scenarioList");
  list_->setToolTip(tr("Open scenarios. Double-click to rename; the Compare tab shows them side by side."));
  list_->setWordWrap(true);  // a long name wraps instead of being cut
  list_->setTextElideMode(Qt::ElideNone);
  lv->addWidget(caption);
  lv->addWidget(list_, 1);
  auto* buttons = new QGridLayout;
  int button_count = 0;
  auto add_button = [&](const QString& text, const QString& tip, auto slot) {
    auto* b = new QPushButton(text);
    b->setToolTip(tip);
    connect(b, &QPushButton::clicked, this, slot);
    buttons->addWidget(b, button_count / 2, button_count % 2);
    ++button_count;
    return b;
  };
  add_button(tr("Add"), tr("New scenario from the bundled default"), &MainWindow::newScenario);
  add_button(tr("Duplicate"), tr("Copy the selected scenario"), &MainWindow::duplicateScenario);
  add_button(tr("Rename"), tr("Rename the selected scenario"), &MainWindow::renameScenario);
  add_button(tr("Delete"), tr("Close the selected scenario"), [this] { closeDocument(current_); });
  lv->addLayout(buttons);
  left->setMinimumWidth(130);

  editor_ = new ScenarioEditor;
  editor_->setMinimumWidth(370);
  results_ = new ResultsPanel;

  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(left);
  split->addWidget(editor_);
  split->addWidget(results_);
  split->setStretchFactor(0, 0);
  split->setStretchFactor(1, 1);
  split->setStretchFactor(2, 3);
  split->setSizes({150, 430, 900});

  auto* central = new QWidget;
  auto* cv = new QVBoxLayout(central);
  cv->setContentsMargins(6, 6, 6, 0);
  cv->addWidget(results_->verdict());  // the verdict strip spans the window
  cv->addWidget(split, 1);
  setCentralWidget(central);

  connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0 && row < static_cast<int>(docs_.size())) setCurrent(docs_[static_cast<std::size_t>(row)]);
  });
  connect(list_, &QListWidget::itemDoubleClicked, this, &MainWindow::renameScenario);
  connect(editor_, &ScenarioEditor::importRouteRequested, this, [this] { importRoute(); });

  buildMenus();
  statusBar()->showMessage(tr("Ready"));

  QSettings settings;
  if (settings.value("units").toString() == "metric") setUnitSystem(UnitSystem::Metric);
  if (!restoreGeometry(settings.value("geometry").toByteArray())) resize(1500, 920);

  autosave_timer_.setInterval(autosave_interval_ms());
  connect(&autosave_timer_, &QTimer::timeout, this, &MainWindow::autosaveNow);
  autosave_timer_.start();
}

MainWindow::~MainWindow() {
  // The documents go with the window (QObject children); their last signals must not reach it half gone.
  for (ScenarioDocument* d : docs_) d->disconnect(this);
}

void MainWindow::startUp() {
  offerRecovery();
  if (docs_.empty()) openFile(QString::fromStdString(core::default_scenario_path()));
  // Test hook: "key=value" applied through the model as if typed (crash-recovery test).
  const QString edit = qEnvironmentVariable("SEMITCO_TEST_EDIT");
  if (!edit.isEmpty() && current_) {
    const auto parts = edit.split('=');
    if (const FieldSpec* f = find_field(parts.value(0).toStdString())) current_->setField(*f, parts.value(1).toDouble());
  }
  if (qEnvironmentVariableIsSet("SEMITCO_TEST_REPORT_AND_QUIT")) {
    for (ScenarioDocument* d : docs_) {
      std::fprintf(stderr, "semitco-gui: open \"%s\" modified=%d diesel_price=%g\n", qPrintable(d->name()),
                   d->isModified() ? 1 : 0, d->scenario().economics.prices.diesel_price_usd_per_gal);
    }
    QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
  }
}

void MainWindow::addDocument(std::unique_ptr<ScenarioDocument> owned) {
  ScenarioDocument* doc = owned.release();
  doc->setParent(this);
  docs_.push_back(doc);
  undo_group_.addStack(doc->undoStack());
  connect(doc, &ScenarioDocument::nameChanged, this, [this] {
    refreshList();
    refreshCompare();  // the Compare headers are the names as they are now
  });
  connect(doc, &ScenarioDocument::modifiedChanged, this, [this] {
    refreshList();
    refreshTitle();
  });
  connect(doc, &ScenarioDocument::runStarted, this, [this, doc] {
    if (doc == current_) results_->verdict()->setRunning(true);
  });
  connect(doc, &ScenarioDocument::analysisReady, this, [this, doc] {
    if (doc == current_) {
      results_->verdict()->setRunning(doc->isRunning());
      results_->setAnalysis(doc->analysis(), units_);
      const auto& a = *doc->analysis();
      const QString model = trip_model_name(a.physics->result.electric.trip.solver.integrator);
      statusBar()->showMessage(a.physics_rerun ? tr("Updated: trucks simulated in %1 ms (%3), costs in %2 ms")
                                                     .arg(a.physics_ms, 0, 'f', 0)
                                                     .arg(a.costs_ms, 0, 'f', 1)
                                                     .arg(model)
                                               : tr("Updated: costs re-run in %1 ms (trips reused, %2)")
                                                     .arg(a.costs_ms, 0, 'f', 1)
                                                     .arg(model));
    }
    refreshCompare();
  });
  connect(doc, &ScenarioDocument::runFailed, this, [this, doc](const QString& msg) {
    if (doc != current_) return;
    results_->verdict()->setRunning(false);
    results_->verdict()->setError(msg);
    statusBar()->showMessage(tr("Run failed: %1").arg(msg));
  });
  refreshList();
  setCurrent(doc);
  doc->setIntegrator(integrator_);
  doc->runNow();
}

void MainWindow::setCurrent(ScenarioDocument* doc) {
  current_ = doc;
  undo_group_.setActiveStack(doc ? doc->undoStack() : nullptr);
  editor_->setDocument(doc);
  results_->batterySize()->setDocument(doc);
  const int row = static_cast<int>(std::find(docs_.begin(), docs_.end(), doc) - docs_.begin());
  if (list_->currentRow() != row && doc) list_->setCurrentRow(row);
  if (doc) {
    results_->verdict()->setRunning(doc->isRunning() || !doc->analysis());
    results_->setAnalysis(doc->analysis(), units_);
  }
  refreshTitle();
}

void MainWindow::refreshList() {
  const QSignalBlocker block(list_);
  list_->clear();
  for (ScenarioDocument* d : docs_) {
    auto* item = new QListWidgetItem(d->name() + (d->isModified() ? " *" : ""));
    item->setToolTip(d->path().isEmpty() ? tr("not saved yet") : d->path());
    list_->addItem(item);
  }
  const auto it = std::find(docs_.begin(), docs_.end(), current_);
  if (it != docs_.end()) list_->setCurrentRow(static_cast<int>(it - docs_.begin()));
  refreshTitle();
}

void MainWindow::refreshCompare() {
  QList<CompareView::Column> cols;
  for (ScenarioDocument* d : docs_) cols.push_back({d->name(), d->analysis()});
  results_->compare()->setScenarios(cols, units_);
}

void MainWindow::refreshTitle() {
  if (!current_) {
    setWindowTitle("semitco");
    return;
  }
  const QString file = current_->path().isEmpty() ? tr("untitled") : QFileInfo(current_->path()).fileName();
  setWindowTitle(QString::fromUtf8("%1 \xE2\x80\x94 %2%3 \xE2\x80\x94 semitco").arg(current_->name(), file,
                                                                                 current_->isModified() ? " *" : ""));
}

void MainWindow::setUnitSystem(UnitSystem u) {
  units_ = u;
  if (unit_actions_) unit_actions_->actions().at(u == UnitSystem::US ? 0 : 1)->setChecked(true);
  editor_->setUnitSystem(u);
  results_->batterySize()->setUnitSystem(u);
  if (current_) results_->setAnalysis(current_->analysis(), u);
  refreshCompare();
  QSettings().setValue("units", u == UnitSystem::US ? "us" : "metric");
}

void MainWindow::setIntegrator(physics::Integrator i) {
  const int index = i == physics::Integrator::RungeKutta ? 0 : i == physics::Integrator::Cvode ? 1 : 2;
  if (trip_model_actions_) trip_model_actions_->actions().at(index)->setChecked(true);
  if (i == integrator_) return;
  integrator_ = i;
  for (ScenarioDocument* d : docs_) d->setIntegrator(i);  // the others after their debounce
  if (!current_) return;
  current_->runNow();
  statusBar()->showMessage(tr("Trip model: %1; re-running\xE2\x80\xA6").arg(trip_model_name(i)));
}

void MainWindow::newScenario() {
  try {
    // A copy of the bundled default, untitled; it keeps the default's folder for its references.
    core::Scenario s = core::load_scenario(core::default_scenario_path());
    s.name = tr("New scenario %1").arg(docs_.size() + 1).toStdString();
    auto doc = std::make_unique<ScenarioDocument>(std::move(s), QString());
    doc->setForcedModified(true);
    addDocument(std::move(doc));
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Cannot create scenario"), QString::fromStdString(e.what()));
  }
}

void MainWindow::duplicateScenario() {
  if (!current_) return;
  core::Scenario s = current_->scenario();
  s.name += " (copy)";
  auto doc = std::make_unique<ScenarioDocument>(std::move(s), QString());
  doc->setForcedModified(true);
  addDocument(std::move(doc));
}

void MainWindow::renameScenario() {
  if (!current_) return;
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("Rename scenario"), tr("Name:"), QLineEdit::Normal,
                                             current_->name(), &ok);
  if (ok && !name.trimmed().isEmpty()) current_->setName(name.trimmed());
}

void MainWindow::closeEvent(QCloseEvent* e) {
  for (ScenarioDocument* d : docs_) {
    if (!maybeSave(d)) {
      e->ignore();
      return;
    }
  }
  for (ScenarioDocument* d : docs_) autosave_.remove(*d);
  QSettings().setValue("geometry", saveGeometry());
  e->accept();
}

}  // namespace semitco::ui
