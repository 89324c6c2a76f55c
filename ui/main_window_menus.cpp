// The main window's menus and toolbar; see main_window.hpp.
#include "ui/main_window.hpp"

#include <QAction>
#include <QActionGroup>
#include <QFileDialog>
#include <QMenuBar>
#include <QTabWidget>
#include <QToolBar>

#include "ui/file_filters.hpp"
#include "ui/fleet_view.hpp"
#include "ui/help_dialog.hpp"
#include "ui/results_panel.hpp"

namespace semitco::ui {

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  auto* act_new = file->addAction(tr("&New scenario"), this, &MainWindow::newScenario);
  act_new->setShortcut(QKeySequence::New);
  auto* act_open = file->addAction(tr("&Open\xE2\x80\xA6"), this, [this] {
    const QString p = QFileDialog::getOpenFileName(this, tr("Open scenario"),
                                                   QString::fromStdString(core::resources_dir() + "/scenarios"),
                                                   scenario_file_filter());
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
  file->addAction(tr("Open &fleet folder\xE2\x80\xA6"), this,
                  [this] { FleetDialog::openFolder(this, current_ ? current_->path() : QString(), units_, integrator_); });
  QMenu* exp = file->addMenu(tr("&Export"));
  exp->addAction(tr("Plots as &PNG\xE2\x80\xA6"), this, [this] { exportPlots(false); })
      ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  exp->addAction(tr("Plots as P&DF\xE2\x80\xA6"), this, [this] { exportPlots(true); });
  exp->addAction(tr("Results as &CSV\xE2\x80\xA6"), this, [this] { exportResults(false); });
  exp->addAction(tr("Results as &XLSX\xE2\x80\xA6"), this, [this] { exportResults(true); });
  auto* act_report = exp->addAction(tr("&Report (PDF)\xE2\x80\xA6"), this, &MainWindow::exportReport);
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

  // The trip model: exclusive, the same for every open scenario (the Compare tab compares like with like).
  QMenu* run = menuBar()->addMenu(tr("&Run"));
  run->setObjectName("runMenu");
  run->addSection(tr("Trip model"));
  trip_model_actions_ = new QActionGroup(this);
  trip_model_actions_->setExclusive(true);
  const struct {
    physics::Integrator integrator;
    QString text, tip;
    const char* name;
  } models[] = {
      {physics::Integrator::RungeKutta, tr("Forward, &Runge-Kutta (default)"),
       tr("The forward model (driver, powertrain, brakes) with the Runge-Kutta pair: agrees with CVODE within "
          "0.1 % (electric) and 0.2 % (diesel) in energy"),
       "actionTripModelRk"},
      {physics::Integrator::Cvode, tr("Forward, &CVODE (reference)"),
       tr("The forward model with SUNDIALS CVODE at tight tolerances: the reference, several times slower"),
       "actionTripModelCvode"},
      {physics::Integrator::QuasiStatic, tr("&Quasi-static screening"),
       tr("The driver's law solved in closed form over steps of a second or more, the powertrain asked once a "
          "step, no en-route charge stops: within 1 % of the forward model in energy on every shared cycle "
          "(tests/physics/test_quasi_static.cpp), several times faster"),
       "actionTripModelQuasiStatic"},
  };
  for (const auto& m : models) {
    auto* a = run->addAction(m.text);
    a->setObjectName(m.name);
    a->setToolTip(m.tip);
    a->setCheckable(true);
    a->setChecked(m.integrator == integrator_);
    trip_model_actions_->addAction(a);
    connect(a, &QAction::triggered, this, [this, i = m.integrator] { setIntegrator(i); });
  }
  run->setToolTipsVisible(true);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&Glossary\xE2\x80\xA6"), this, [this] { show_glossary(this); })->setShortcut(QKeySequence::HelpContents);
  help->addAction(tr("&About semitco"), this, [this] { show_about(this); });

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

}  // namespace semitco::ui
