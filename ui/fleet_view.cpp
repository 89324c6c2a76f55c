// Fleet view and dialog; see fleet_view.hpp.
#include "ui/fleet_view.hpp"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>
#include <sstream>

#include "app/core/scenario.hpp"
#include "ui/result_format.hpp"

namespace semitco::ui {
namespace {

QTableWidget* make_table(const char* name, const QStringList& headers) {
  auto* t = new QTableWidget(0, static_cast<int>(headers.size()));
  t->setObjectName(name);
  t->setHorizontalHeaderLabels(headers);
  t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  t->verticalHeader()->hide();
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setSortingEnabled(false);
  return t;
}

void put(QTableWidget* t, int row, int col, const QString& text, bool right = true) {
  auto* item = new QTableWidgetItem(text);
  if (right) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  t->setItem(row, col, item);
}

QString whole(double v) { return QStringLiteral("%L1").arg(v, 0, 'f', 0); }
QString money(double v) {
  return v < 0 ? QStringLiteral("-$%L1").arg(-v, 0, 'f', 0) : QStringLiteral("$%L1").arg(v, 0, 'f', 0);
}
QString percent(double frac) { return QStringLiteral("%1 %").arg(100.0 * frac, 0, 'f', 0); }

}  // namespace

FleetView::FleetView(QWidget* parent) : QWidget(parent) {
  status_ = new QLabel;
  status_->setObjectName("fleetStatus");
  status_->setWordWrap(true);
  tabs_ = new QTabWidget;
  ranking_ = make_table(
      "fleetRanking", {tr("Rank"), tr("Vehicle"), tr("Savings a year"), tr("Savings"), tr("Annual distance"),
                       tr("Depot-only days"), tr("Days needing en-route charging")});
  vehicles_ =
      make_table("fleetVehicles", {tr("Vehicle"), tr("Days"), tr("Failed"), tr("Trips"), tr("Distance"),
                                   tr("EV energy"), tr("Depot-only days"), tr("En-route days"), tr("EV cost"),
                                   tr("Diesel cost"), tr("Savings a year")});
  repairs_ = make_table("fleetRepairs",
                        {tr("Repair"), tr("Count"), tr("Files"), tr("First file"), tr("First line")});
  tabs_->addTab(ranking_, tr("Electrify first"));
  tabs_->addTab(vehicles_, tr("Vehicles"));
  tabs_->addTab(repairs_, tr("Repairs"));
  auto* lay = new QVBoxLayout(this);
  lay->addWidget(status_);
  lay->addWidget(tabs_, 1);
}

void FleetView::setStatus(const QString& text) { status_->setText(text); }

void FleetView::setReport(std::shared_ptr<const core::FleetReport> r, UnitSystem u) {
  ranking_->setRowCount(0);
  vehicles_->setRowCount(0);
  repairs_->setRowCount(0);
  if (!r) return;
  const bool us = u == UnitSystem::US;
  const double per_mi_scale = us ? 1.0 : 1.0 / 1.609344;  // $/mi -> $/km
  auto dist = [&](double miles) {  // a decimal for short distances: a day of 2.2 mi is not "2 mi"
    const double v = us ? miles : miles * 1.609344;
    return QStringLiteral("%L1").arg(v, 0, 'f', v < 100.0 ? 1 : 0) + (us ? " mi" : " km");
  };
  auto cost = [&](double usd_per_mi) {
    const double v = usd_per_mi * per_mi_scale;
    return QStringLiteral("%1$%2").arg(v < 0 ? "-" : "").arg(std::abs(v), 0, 'f', 3) + (us ? "/mi" : "/km");
  };
  std::size_t repaired = 0;
  for (const auto& rep : r->repairs) repaired += rep.count;
  setStatus(
      tr("%1 vehicle-day files, %2 trips, %3 vehicles, %4 failed; repairs made to read them: %5, of %6 kinds "
         "(tab Repairs)")
          .arg(r->days.size())
          .arg(r->trips)
          .arg(r->vehicles.size())
          .arg(r->failed)
          .arg(repaired)
          .arg(r->repairs.size()));
  int row = 0;
  for (const core::FleetGroup* g : core::electrify_first(*r)) {
    ranking_->insertRow(row);
    put(ranking_, row, 0, QString::number(row + 1));
    put(ranking_, row, 1, QString::fromStdString(g->name), false);
    put(ranking_, row, 2, g->costed ? money(g->savings_usd_per_yr) : tr("not costed"));
    put(ranking_, row, 3, g->costed ? cost(g->savings_usd_per_mi) : QString());
    put(ranking_, row, 4, dist(g->annual_miles));
    put(ranking_, row, 5, percent(g->depot_only_share()));
    put(ranking_, row, 6, QString::number(g->enroute_days));
    ++row;
  }
  row = 0;
  for (const core::FleetGroup& g : r->vehicles) {
    vehicles_->insertRow(row);
    put(vehicles_, row, 0, QString::fromStdString(g.name), false);
    put(vehicles_, row, 1, QString::number(g.days));
    put(vehicles_, row, 2, QString::number(g.failed_days));
    put(vehicles_, row, 3, QString::number(g.trips));
    put(vehicles_, row, 4, dist(g.miles));
    put(vehicles_, row, 5, whole(g.ev_energy_kWh) + " kWh");
    put(vehicles_, row, 6, percent(g.depot_only_share()));
    put(vehicles_, row, 7, QString::number(g.enroute_days));
    put(vehicles_, row, 8, g.costed ? cost(g.ev_usd_per_mi) : tr("not costed"));
    put(vehicles_, row, 9, g.costed ? cost(g.diesel_usd_per_mi) : QString());
    put(vehicles_, row, 10, g.costed ? money(g.savings_usd_per_yr) : QString());
    ++row;
  }
  row = 0;
  for (const core::FleetRepair& rep : r->repairs) {
    repairs_->insertRow(row);
    put(repairs_, row, 0, QString::fromStdString(std::string(routes::repair_name(rep.kind))), false);
    put(repairs_, row, 1, QString::number(rep.count));
    put(repairs_, row, 2, QString::number(rep.files));
    put(repairs_, row, 3, QFileInfo(QString::fromStdString(rep.first_file)).fileName(), false);
    put(repairs_, row, 4, QString::number(rep.first_line));
    ++row;
  }
}

FleetDialog::FleetDialog(const QString& folder, const QString& scenario_path, UnitSystem units,
                         QWidget* parent, physics::Integrator integrator)
    : QDialog(parent), units_(units) {
  setWindowTitle(tr("Fleet: %1 \xE2\x80\x94 trips: %2").arg(QFileInfo(folder).fileName(), trip_model_name(integrator)));
  setAttribute(Qt::WA_DeleteOnClose);
  resize(1100, 640);
  view_ = new FleetView;
  const QString scenario =
      scenario_path.isEmpty() ? QString::fromStdString(core::default_scenario_path()) : scenario_path;
  view_->setStatus(tr("Simulating the files of %1 with the scenario %2 (as saved), trip model: %3\xE2\x80\xA6")
                       .arg(folder, QFileInfo(scenario).fileName(), trip_model_name(integrator)));
  export_ = new QPushButton(tr("Export &XLSX\xE2\x80\xA6"));
  export_->setEnabled(false);
  connect(export_, &QPushButton::clicked, this, &FleetDialog::exportXlsx);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  buttons->addButton(export_, QDialogButtonBox::ActionRole);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  auto* lay = new QVBoxLayout(this);
  lay->addWidget(view_, 1);
  lay->addWidget(buttons);

  core::FleetOptions o;
  o.dir = folder.toStdString();
  o.scenario = scenario.toStdString();
  o.progress = core::ProgressMode::Off;
  o.integrator = physics::integrator_name(integrator);
  connect(&watcher_, &QFutureWatcher<FleetOutcome>::finished, this, [this] {
    const FleetOutcome got = watcher_.result();
    report_ = got.report;
    if (!report_) {
      view_->setStatus(tr("Fleet: %1").arg(got.error));
      return;
    }
    view_->setReport(report_, units_);
    export_->setEnabled(true);
  });
  watcher_.setFuture(QtConcurrent::run([o]() {  // no `this`: the window may close first
    FleetOutcome out;
    try {
      std::ostringstream log;
      out.report = std::make_shared<const core::FleetReport>(core::run_fleet(o, log));
    } catch (const std::exception& e) {
      out.error = QString::fromStdString(e.what());
    }
    return out;
  }));
}

void FleetDialog::waitForResult() {
  watcher_.waitForFinished();
  QCoreApplication::processEvents();
}

void FleetDialog::openFolder(QWidget* parent, const QString& scenario_path, UnitSystem units,
                             physics::Integrator integrator) {
  const QString dir = QFileDialog::getExistingDirectory(parent, tr("Open a folder of vehicle-day files"));
  if (dir.isEmpty()) return;
  (new FleetDialog(dir, scenario_path, units, parent, integrator))->show();
}

void FleetDialog::exportXlsx() {
  if (!report_) return;
  const QString path = QFileDialog::getSaveFileName(this, tr("Export the fleet report"), QString(),
                                                    tr("Excel workbook (*.xlsx)"));
  if (path.isEmpty()) return;
  try {
    core::write_fleet_xlsx(*report_, path.toStdString());
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Export"), QString::fromStdString(e.what()));
  }
}

}  // namespace semitco::ui
