// The trip model in the desktop app (QT_QPA_PLATFORM=offscreen): the Run menu's three exclusive choices,
// picking the quasi-static screening model re-simulates the trucks with it, and every place that shows the
// result names it (status bar, verdict strip, Compare, the report's line on the trips); its electric energy
// per mile agrees with the default (Runge-Kutta) run of the same scenario within 1 % (the model's stated
// agreement, physics/quasi_static.hpp). A new document takes the window's choice.
//
// SEMITCO_KEEP_SCREENSHOT=<dir>: writes the window at 1280x720 and the open Run menu there (run under
// xvfb-run with QT_QPA_PLATFORM=xcb to see them as a user does).
#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "tests/ui/gui_test_util.hpp"
#include "ui/compare_view.hpp"
#include "ui/exporters.hpp"
#include "ui/main_window.hpp"
#include "ui/results_panel.hpp"

using namespace semitco;
using semitco::gui_test::idle_with_result;
using semitco::ui::MainWindow;

namespace {

QString compare_cell(const QTableWidget* t, const QString& row_label, int column) {
  for (int r = 0; r < t->rowCount(); ++r) {
    if (t->verticalHeaderItem(r) && t->verticalHeaderItem(r)->text() == row_label) {
      return t->item(r, column) ? t->item(r, column)->text() : QString();
    }
  }
  return QStringLiteral("(no row %1)").arg(row_label);
}

}  // namespace

class GuiTripModel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { gui_test::init_test_application(); }

  void quasiStaticIsChosenRunAndNamed() {
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    w.startUp();
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    ui::ScenarioDocument* doc = w.currentDocument();

    // The default: the forward model with Runge-Kutta, checked in the Run menu and named on the result.
    auto* rk = w.findChild<QAction*>("actionTripModelRk");
    auto* cvode = w.findChild<QAction*>("actionTripModelCvode");
    auto* qs = w.findChild<QAction*>("actionTripModelQuasiStatic");
    QVERIFY(rk && cvode && qs);
    QVERIFY(rk->isChecked() && !cvode->isChecked() && !qs->isChecked());
    QVERIFY(rk->actionGroup() && rk->actionGroup()->isExclusive() && rk->actionGroup() == qs->actionGroup() &&
            rk->actionGroup() == cvode->actionGroup());
    const auto base = doc->analysis();
    QVERIFY(base->physics->result.electric.trip.solver.integrator == physics::Integrator::RungeKutta);
    QVERIFY(base->physics->result.electric.trip.summary.completed);
    const double rk_kWh_per_mi = base->physics->result.electric.energy_kWh_per_mi;
    QVERIFY(rk_kWh_per_mi > 0.5 && rk_kWh_per_mi < 5.0);  // a Class 8 electric truck: about 1 to 3 kWh/mi
    auto* model = w.results()->verdict()->findChild<QLabel*>("verdictTripModel");
    QVERIFY(model);
    QVERIFY2(model->text().contains("Runge-Kutta"), qPrintable(model->text()));

    // Choose the screening model as a user does: the trucks are simulated again with it.
    QSignalSpy ready(doc, &ui::ScenarioDocument::analysisReady);
    qs->trigger();
    QVERIFY(qs->isChecked() && !rk->isChecked() && !cvode->isChecked());
    QCOMPARE(w.integrator(), physics::Integrator::QuasiStatic);
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1 && idle_with_result(w), 60000);
    const auto a = doc->analysis();
    QVERIFY(a->physics_rerun);
    QVERIFY(a->physics->result.electric.trip.solver.integrator == physics::Integrator::QuasiStatic);
    QVERIFY(a->physics->result.diesel.trip.solver.integrator == physics::Integrator::QuasiStatic);
    QVERIFY(a->physics->result.electric.trip.summary.completed);

    // Named wherever the result shows: status bar, verdict strip, Compare, the report.
    const QString status = w.statusBar()->currentMessage();
    QVERIFY2(status.contains("quasi-static screening"), qPrintable(status));
    QVERIFY2(model->text().contains("quasi-static screening"), qPrintable(model->text()));
    QTableWidget* cmp = w.results()->compare()->table();
    QCOMPARE(compare_cell(cmp, "Trip model", 0), QStringLiteral("quasi-static screening"));
    const QString trips_line = ui::report_trips_assumption(*a);
    QVERIFY2(trips_line.contains("quasi-static screening"), qPrintable(trips_line));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pdf = dir.filePath("qs_report.pdf");
    ui::export_report_pdf(*a, "Donner", w.results()->plots(), pdf);
    if (!QStandardPaths::findExecutable("pdftotext").isEmpty()) {  // poppler-utils, when installed
      QProcess p;
      p.start("pdftotext", {pdf, "-"});
      QVERIFY(p.waitForFinished(20000));
      const QString text = QString::fromUtf8(p.readAllStandardOutput()).remove(QRegularExpression("\\s"));
      QVERIFY2(text.contains("quasi-staticscreening"), "the PDF report does not name the trip model");
    }

    // Agreement with the default run of the same scenario: within 1 % in electric energy per mile.
    const double qs_kWh_per_mi = a->physics->result.electric.energy_kWh_per_mi;
    const double rel = std::abs(qs_kWh_per_mi - rk_kWh_per_mi) / rk_kWh_per_mi;
    QVERIFY2(rel < 0.01, qPrintable(QStringLiteral("quasi-static %1 vs Runge-Kutta %2 kWh/mi (%3 %)")
                                         .arg(qs_kWh_per_mi, 0, 'f', 4)
                                         .arg(rk_kWh_per_mi, 0, 'f', 4)
                                         .arg(rel * 100, 0, 'f', 2)));

    if (qEnvironmentVariableIsSet("SEMITCO_KEEP_SCREENSHOT")) {
      const QDir out(qEnvironmentVariable("SEMITCO_KEEP_SCREENSHOT"));
      QVERIFY(w.grab().save(out.filePath("trip_model_status.png")));
      auto* run = w.menuBar()->findChild<QMenu*>("runMenu");
      QVERIFY(run);
      run->popup(w.mapToGlobal(QPoint(200, 30)));
      QTest::qWait(300);
      QVERIFY(run->grab().save(out.filePath("trip_model_menu.png")));
      run->hide();
    }

    // A scenario opened now runs on the window's choice too.
    auto copy = std::make_unique<ui::ScenarioDocument>(doc->scenario(), QString());
    ui::ScenarioDocument* second = copy.get();
    w.addDocument(std::move(copy));
    QCOMPARE(second->integrator(), physics::Integrator::QuasiStatic);
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w) && w.currentDocument() == second, 60000);
    QVERIFY(second->analysis()->physics->result.electric.trip.solver.integrator == physics::Integrator::QuasiStatic);

    // Back to the default: both documents re-run with Runge-Kutta, and the figure is the first run's again.
    rk->trigger();
    QCOMPARE(doc->integrator(), physics::Integrator::RungeKutta);
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w) && !doc->isRunning() && doc->analysis() &&
                                 doc->analysis()->physics->result.electric.trip.solver.integrator ==
                                     physics::Integrator::RungeKutta &&
                                 second->analysis()->physics->result.electric.trip.solver.integrator ==
                                     physics::Integrator::RungeKutta,
                             60000);
    QCOMPARE(doc->analysis()->physics->result.electric.energy_kWh_per_mi, rk_kWh_per_mi);
    QVERIFY2(w.statusBar()->currentMessage().contains("Runge-Kutta"), qPrintable(w.statusBar()->currentMessage()));
  }
};

QTEST_MAIN(GuiTripModel)
#include "test_gui_trip_model.moc"
