// Main window; see main_window.hpp.
#include "ui/main_window.hpp"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <cstdio>

#include "ui/exporters.hpp"
#include "ui/fleet_view.hpp"
#include "ui/results_panel.hpp"
#include "ui/scenario_editor.hpp"

namespace semitco::ui {

namespace {
const QString kScenarioFilter = QObject::tr("semitco scenarios (*.json);;All files (*)");
const QString kRouteFilter =
    QObject::tr("Routes (*.gpx *.csv *.vdri);;GPX tracks (*.gpx);;Route CSV or drive cycle (*.csv);;"
                "VECTO mission profile (*.vdri);;All files (*)");

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
  left->setMinimumWidth(180);

  editor_ = new ScenarioEditor;
  editor_->setMinimumWidth(340);
  results_ = new ResultsPanel;

  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(left);
  split->addWidget(editor_);
  split->addWidget(results_);
  split->setStretchFactor(0, 0);
  split->setStretchFactor(1, 1);
  split->setStretchFactor(2, 3);
  split->setSizes({200, 390, 900});

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

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  auto* act_new = file->addAction(tr("&New scenario"), this, &MainWindow::newScenario);
  act_new->setShortcut(QKeySequence::New);
  auto* act_open = file->addAction(tr("&Open\xE2\x80\xA6"), this, [this] {
    const QString p = QFileDialog::getOpenFileName(this, tr("Open scenario"),
                                                   QString::fromStdString(core::resources_dir() + "/scenarios"),
                                                   kScenarioFilter);
    if (!p.isEmpty()) openFile(p);
  });
  act_open->setShortcut(QKeySequence::Open);
  recent_menu_ = file->addMenu(tr("Open &recent"));
  rebuildRecentMenu();
  file->addSeparator();
  auto* act_save = file->addAction(tr("&Save"), this, [this] { save(current_, false); });
  act_save->setShortcut(QKeySequence::Save);
  auto* act_save_as = file->addAction(tr("Save &as\xE2\x80\xA6"), this, [this] { save(current_, true); });
  act_save_as->setShortcut(QKeySequence::SaveAs);
  auto* act_close = file->addAction(tr("&Close scenario"), this, [this] { closeDocument(current_); });
  act_close->setShortcut(QKeySequence::Close);
  file->addSeparator();
  auto* act_route = file->addAction(tr("&Import route\xE2\x80\xA6"), this, [this] { importRoute(); });
  act_route->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
  file->addAction(tr("Open &fleet folder\xE2\x80\xA6"), this, [this] { FleetDialog::openFolder(this, current_ ? current_->path() : QString(), units_); });
  QMenu* exp = file->addMenu(tr("&Export"));
  exp->addAction(tr("Plots as &PNG\xE2\x80\xA6"), this, [this] { exportPlots(false); })
      ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  exp->addAction(tr("Plots as P&DF\xE2\x80\xA6"), this, [this] { exportPlots(true); });
  exp->addAction(tr("Results as &CSV\xE2\x80\xA6"), this, [this] { exportResults(false); });
  exp->addAction(tr("Results as &XLSX\xE2\x80\xA6"), this, [this] { exportResults(true); });
  auto* act_report = exp->addAction(tr("One-page &report (PDF)\xE2\x80\xA6"), this, &MainWindow::exportReport);
  act_report->setShortcut(QKeySequence::Print);
  file->addSeparator();
  auto* act_quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  act_quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = undo_group_.createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = undo_group_.createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  edit->addAction(tr("&Duplicate scenario"), this, &MainWindow::duplicateScenario)
      ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
  edit->addAction(tr("Re&name scenario\xE2\x80\xA6"), this, &MainWindow::renameScenario)->setShortcut(QKeySequence(Qt::Key_F2));
  edit->addAction(tr("Re-run &now"), this, [this] {
    if (current_) current_->runNow();
  })->setShortcut(QKeySequence::Refresh);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  unit_actions_ = new QActionGroup(this);
  auto* us = view->addAction(tr("&US units (mi, lb, gal, \xC2\xB0""F)"));
  auto* metric = view->addAction(tr("&Metric units (km, kg, L, \xC2\xB0""C)"));
  for (auto* a : {us, metric}) {
    a->setCheckable(true);
    unit_actions_->addAction(a);
  }
  us->setChecked(true);
  us->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
  metric->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
  connect(us, &QAction::triggered, this, [this] { setUnitSystem(UnitSystem::US); });
  connect(metric, &QAction::triggered, this, [this] { setUnitSystem(UnitSystem::Metric); });
  view->addSeparator();
  for (int i = 0; i < results_->tabs()->count(); ++i) {
    auto* a = view->addAction(results_->tabs()->tabText(i), this, [this, i] { results_->tabs()->setCurrentIndex(i); });
    a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
  }

  auto* tb = addToolBar(tr("Main"));
  tb->setObjectName("mainToolbar");
  tb->setMovable(false);
  tb->addAction(act_new);
  tb->addAction(act_open);
  tb->addAction(act_save);
  tb->addSeparator();
  tb->addAction(undo);
  tb->addAction(redo);
  tb->addSeparator();
  tb->addAction(act_route);
  tb->addAction(act_report);
  tb->addSeparator();
  tb->addAction(us);
  tb->addAction(metric);
  tb->setToolButtonStyle(Qt::ToolButtonTextOnly);
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

void MainWindow::offerRecovery() {
  const QString answer = qEnvironmentVariable("SEMITCO_RECOVERY_ANSWER");  // test hook: yes / no
  for (const AutosaveEntry& e : autosave_.entries()) {
    if (!AutosaveStore::isNewerThanOriginal(e)) {
      AutosaveStore::discard(e);
      continue;
    }
    std::fprintf(stderr, "semitco-gui: recovery offered for \"%s\" (%s)\n", qPrintable(e.name),
                 qPrintable(e.original_path.isEmpty() ? QStringLiteral("untitled") : e.original_path));
    bool yes = answer == "yes";
    if (answer.isEmpty()) {
      yes = QMessageBox::question(this, tr("Recover unsaved changes?"),
                                  tr("semitco did not close normally. Unsaved changes to \"%1\" from %2 were kept.\n\n"
                                     "Recover them?")
                                      .arg(e.name, QLocale().toString(e.saved_at.toLocalTime(), QLocale::ShortFormat)),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
    }
    if (yes) {
      try {
        core::Scenario s = core::load_scenario(e.autosave_path.toStdString());
        auto doc = std::make_unique<ScenarioDocument>(std::move(s), e.original_path);
        doc->setForcedModified(true);
        addDocument(std::move(doc));
        statusBar()->showMessage(tr("Recovered unsaved changes to %1").arg(e.name), 8000);
      } catch (const std::exception& ex) {
        QMessageBox::warning(this, tr("Recovery failed"), QString::fromStdString(ex.what()));
      }
    }
    AutosaveStore::discard(e);
  }
  for (ScenarioDocument* d : docs_) autosave_.write(*d);  // recovered and still unsaved
}

void MainWindow::addDocument(std::unique_ptr<ScenarioDocument> owned) {
  ScenarioDocument* doc = owned.release();
  doc->setParent(this);
  docs_.push_back(doc);
  undo_group_.addStack(doc->undoStack());
  connect(doc, &ScenarioDocument::nameChanged, this, &MainWindow::refreshList);
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
      const bool cvode = a.physics->result.electric.trip.solver.integrator == physics::Integrator::Cvode;
      statusBar()->showMessage(a.physics_rerun ? tr("Updated: trucks simulated in %1 ms (%3), costs in %2 ms")
                                                     .arg(a.physics_ms, 0, 'f', 0)
                                                     .arg(a.costs_ms, 0, 'f', 1)
                                                     .arg(cvode ? tr("CVODE, the reference") : tr("Runge-Kutta"))
                                               : tr("Updated: costs re-run in %1 ms (trips reused)").arg(a.costs_ms, 0, 'f', 1));
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
  doc->runNow();
}

bool MainWindow::openFile(const QString& path) {
  const QString abs = QFileInfo(path).absoluteFilePath();
  for (ScenarioDocument* d : docs_) {
    if (d->path() == abs) {
      setCurrent(d);
      return true;
    }
  }
  try {
    addDocument(ScenarioDocument::open(abs));
    addRecent(abs);
    return true;
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Cannot open scenario"), QString::fromStdString(e.what()));
    return false;
  }
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

bool MainWindow::save(ScenarioDocument* doc, bool ask_path) {
  if (!doc) return false;
  QString path = doc->path();
  if (ask_path || path.isEmpty()) {
    const QString start = path.isEmpty() ? QString::fromStdString(doc->scenario().dir()) + "/" + doc->name() + ".json" : path;
    path = QFileDialog::getSaveFileName(this, tr("Save scenario"), start, kScenarioFilter);
    if (path.isEmpty()) return false;
    if (!path.endsWith(".json", Qt::CaseInsensitive)) path += ".json";
  }
  try {
    doc->save(path);
    autosave_.remove(*doc);
    addRecent(doc->path());
    statusBar()->showMessage(tr("Saved %1").arg(doc->path()), 5000);
    return true;
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Cannot save"), QString::fromStdString(e.what()));
    return false;
  }
}

bool MainWindow::saveCurrentAs(const QString& path) {
  if (!current_) return false;
  try {
    current_->save(path);
    autosave_.remove(*current_);
    addRecent(current_->path());
    return true;
  } catch (const std::exception& e) {
    statusBar()->showMessage(tr("Cannot save: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
}

bool MainWindow::maybeSave(ScenarioDocument* doc) {
  if (!doc || !doc->isModified()) return true;
  setCurrent(doc);
  const auto r = QMessageBox::warning(this, tr("Unsaved changes"),
                                      tr("\"%1\" has unsaved changes. Save them?").arg(doc->name()),
                                      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (r == QMessageBox::Cancel) return false;
  if (r == QMessageBox::Save) return save(doc, false);
  return true;
}

void MainWindow::closeDocument(ScenarioDocument* doc) {
  if (!doc || !maybeSave(doc)) return;
  autosave_.remove(*doc);
  undo_group_.removeStack(doc->undoStack());
  docs_.erase(std::find(docs_.begin(), docs_.end(), doc));
  if (current_ == doc) current_ = nullptr;
  doc->deleteLater();
  refreshList();
  setCurrent(docs_.empty() ? nullptr : docs_.back());
  refreshCompare();
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

void MainWindow::autosaveNow() {
  for (ScenarioDocument* d : docs_) {
    if (!d->isModified()) continue;
    try {
      autosave_.write(*d);
    } catch (const std::exception& ex) {
      statusBar()->showMessage(tr("Autosave failed: %1").arg(QString::fromStdString(ex.what())), 5000);
    }
  }
}

void MainWindow::addRecent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value("recentFiles").toStringList();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > 8) recent.removeLast();
  settings.setValue("recentFiles", recent);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  recent_menu_->clear();
  const QStringList recent = QSettings().value("recentFiles").toStringList();
  for (const QString& p : recent) recent_menu_->addAction(QFileInfo(p).fileName(), this, [this, p] { openFile(p); })->setToolTip(p);
  recent_menu_->setEnabled(!recent.isEmpty());
}

void MainWindow::importRoute(const QString& given) {
  if (!current_) return;
  QString path = given;
  if (path.isEmpty()) {
    path = QFileDialog::getOpenFileName(this, tr("Import route"), QString(), kRouteFilter);
    if (path.isEmpty()) return;
  }
  current_->setRoute(path);
  statusBar()->showMessage(tr("Route %1: simulating\xE2\x80\xA6").arg(QFileInfo(path).fileName()));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
  if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
  for (const QUrl& url : e->mimeData()->urls()) {
    const QString path = url.toLocalFile();
    if (path.isEmpty()) continue;
    if (path.endsWith(".json", Qt::CaseInsensitive)) openFile(path);
    else importRoute(path);
  }
  e->acceptProposedAction();
}

void MainWindow::exportPlots(bool pdf) {
  if (!current_ || !current_->analysis()) return;
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Export plots to folder"));
  if (dir.isEmpty()) return;
  try {
    const int n = export_plots(results_->plots(), dir, pdf);
    statusBar()->showMessage(tr("Wrote %1 plots to %2").arg(n).arg(dir), 5000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(e.what()));
  }
}

void MainWindow::exportResults(bool xlsx) {
  if (!current_ || !current_->analysis()) return;
  QString path = QFileDialog::getSaveFileName(this, tr("Export results"), current_->name() + (xlsx ? ".xlsx" : ""),
                                              xlsx ? tr("Excel workbook (*.xlsx)") : tr("CSV file stem (*)"));
  if (path.isEmpty()) return;
  try {
    if (xlsx) export_results_xlsx(*current_->analysis(), path);
    else export_results_csv(*current_->analysis(), path.endsWith(".csv") ? path.chopped(4) : path);
    statusBar()->showMessage(tr("Exported results to %1").arg(path), 5000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(e.what()));
  }
}

void MainWindow::exportReport() {
  if (!current_ || !current_->analysis()) return;
  const QString path = QFileDialog::getSaveFileName(this, tr("One-page report"), current_->name() + ".pdf",
                                                    tr("PDF (*.pdf)"));
  if (path.isEmpty()) return;
  try {
    export_report_pdf(*current_->analysis(), current_->name(), results_->plots(), path);
    statusBar()->showMessage(tr("Wrote report %1").arg(path), 5000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Report failed"), QString::fromStdString(e.what()));
  }
}

}  // namespace semitco::ui
