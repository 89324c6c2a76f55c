// Acceptance tests of the desktop app, driving the real widgets (QT_QPA_PLATFORM=offscreen):
// the default scenario loads and runs; typing a higher diesel price re-runs and raises the EV savings
// (without re-simulating the trucks); invalid input is refused with a visible message and never reaches
// the model; open + save reproduces the file byte for byte; undo restores an edit; the Depot view shows
// the bundled 20-truck depot.
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <qcustomplot.h>
#include <QtTest>
#include <cmath>

#include "app/core/scenario.hpp"
#include "app/core/trip_verdict.hpp"
#include "ui/exporters.hpp"
#include "tests/ui/gui_test_util.hpp"
#include "ui/main_window.hpp"
#include "ui/result_views.hpp"
#include "ui/results_panel.hpp"
#include "ui/scenario_editor.hpp"

using namespace semitco;
using semitco::ui::MainWindow;
using semitco::gui_test::idle_with_result;
using semitco::gui_test::type_into;

namespace {
constexpr const char* kDieselKey = "economics.prices.diesel_price_usd_per_gal";
}  // namespace

class GuiAcceptance : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { gui_test::init_test_application(); }

  void defaultScenarioLoadsAndDieselPriceRaisesSavings() {
    MainWindow w;
    w.show();
    w.startUp();
    QCOMPARE(static_cast<int>(w.documents().size()), 1);
    QCOMPARE(w.currentDocument()->path(), QFileInfo(QString::fromStdString(core::default_scenario_path())).absoluteFilePath());
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    auto* verdict = w.results()->verdict();
    const double before = verdict->shownSavingsPerMile();
    QVERIFY(std::isfinite(before));
    const auto first = w.currentDocument()->analysis();

    w.editor()->findChild<QTabWidget*>("editorTabs")->setCurrentIndex(3);  // Economics
    QLineEdit* price = w.editor()->fieldEdit(kDieselKey);
    QVERIFY(price);
    QVERIFY(price->isVisible());
    QCOMPARE(price->text(), QStringLiteral("3.7"));
    QSignalSpy ready(w.currentDocument(), &ui::ScenarioDocument::analysisReady);
    type_into(price, "5.50");
    QCOMPARE(w.currentDocument()->scenario().economics.prices.diesel_price_usd_per_gal, 5.5);
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1 && idle_with_result(w) && w.currentDocument()->analysis() != first, 30000);
    const double after = verdict->shownSavingsPerMile();
    QVERIFY2(after > before + 0.1, qPrintable(QStringLiteral("savings %1 -> %2").arg(before).arg(after)));
    // Debounced: typing "5.50" (four keystrokes) ran once, and only the cost model re-ran.
    QCOMPARE(ready.count(), 1);
    QVERIFY(!w.currentDocument()->analysis()->physics_rerun);
    QVERIFY(w.currentDocument()->analysis()->physics == first->physics);
    QVERIFY(w.currentDocument()->isModified());
    QVERIFY(w.windowTitle().contains('*'));

    // Undo puts the price back and the verdict follows.
    w.currentDocument()->undoStack()->undo();
    QCOMPARE(w.currentDocument()->scenario().economics.prices.diesel_price_usd_per_gal, 3.7);
    QTRY_COMPARE_WITH_TIMEOUT(price->text(), QStringLiteral("3.7"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w) && std::abs(verdict->shownSavingsPerMile() - before) < 1e-9, 30000);
    QVERIFY(!w.currentDocument()->isModified());

    // A physics input (freight offered) re-simulates the trucks.
    w.editor()->findChild<QTabWidget*>("editorTabs")->setCurrentIndex(2);
    QLineEdit* payload = w.editor()->fieldEdit("economics.operations.payload_desired_kg");
    type_into(payload, "30000");
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w) && w.currentDocument()->analysis()->physics_rerun, 60000);
    w.currentDocument()->setForcedModified(false);
    w.currentDocument()->undoStack()->setClean();
  }

  void verdictSaysTripAndDayFirstAndChoicesApply() {
    MainWindow w;
    w.show();
    w.startUp();
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    // Before any cost: each truck's trip and day, from the same words the command line prints.
    auto* feas = w.results()->verdict()->findChild<QLabel*>("verdictFeasibility");
    QVERIFY(feas);
    const auto a = w.currentDocument()->analysis();
    const QString text = feas->text();
    QVERIFY2(text.contains(QString::fromStdString(core::describe_trip(a->physics->result.electric.trip,
                                                                      core::UnitSystem::US)).toHtmlEscaped()),
             qPrintable(text));
    QVERIFY2(text.contains(QString::fromStdString(core::describe_day(a->tco.electric)).toHtmlEscaped()),
             qPrintable(text));
    QVERIFY(text.contains("day:"));

    // A choice is a drop-down list; picking "per hour" applies it and re-runs the costs only.
    w.editor()->findChild<QTabWidget*>("editorTabs")->setCurrentIndex(2);
    QComboBox* pay = w.editor()->fieldChoice("economics.operations.driver_pay");
    QVERIFY(pay);
    QCOMPARE(pay->currentIndex(), 0);  // per mile, the default
    QSignalSpy ready(w.currentDocument(), &ui::ScenarioDocument::analysisReady);
    pay->setCurrentIndex(1);
    emit pay->activated(1);
    QCOMPARE(w.currentDocument()->scenario().economics.operations.driver_pay, tco::DriverPay::kPerHour);
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1 && idle_with_result(w), 30000);
    QVERIFY(!w.currentDocument()->analysis()->physics_rerun);
    w.currentDocument()->undoStack()->undo();
    QCOMPARE(w.currentDocument()->scenario().economics.operations.driver_pay, tco::DriverPay::kPerMile);
    QTRY_COMPARE_WITH_TIMEOUT(pay->currentIndex(), 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 30000);
    w.currentDocument()->setForcedModified(false);
    w.currentDocument()->undoStack()->setClean();
  }

  void invalidInputIsRefusedWithVisibleMessage() {
    MainWindow w;
    w.show();
    w.startUp();
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    w.editor()->findChild<QTabWidget*>("editorTabs")->setCurrentIndex(3);
    QLineEdit* price = w.editor()->fieldEdit(kDieselKey);
    auto* doc = w.currentDocument();
    QSignalSpy started(doc, &ui::ScenarioDocument::runStarted);

    type_into(price, "-1");
    QVERIFY(w.editor()->validationMessage().contains("Diesel price"));
    QVERIFY(w.editor()->validationMessage().contains(">= 0"));
    QVERIFY(w.editor()->findChild<QLabel*>("validationMessage")->isVisible());
    QCOMPARE(doc->scenario().economics.prices.diesel_price_usd_per_gal, 3.7);

    QLineEdit* ev_price = w.editor()->fieldEdit("economics.electric.economics.purchase_price_usd");
    type_into(ev_price, "abc");
    QVERIFY(w.editor()->validationMessage().contains("not a number"));
    QCOMPARE(doc->scenario().economics.electric.economics.purchase_price_usd, 411200.0);
    // Leaving the field puts the model's value back; nothing re-ran, nothing is modified.
    QTest::keyClick(ev_price, Qt::Key_Return);
    QTRY_COMPARE(ev_price->text(), QStringLiteral("411,200"));  // thousands separators
    QTest::qWait(500);
    QCOMPARE(started.count(), 0);
    QVERIFY(!doc->isModified());

    // A valid value clears the message.
    type_into(price, "4");
    QVERIFY(w.editor()->validationMessage().isEmpty());
    QCOMPARE(doc->scenario().economics.prices.diesel_price_usd_per_gal, 4.0);
    doc->undoStack()->undo();
  }

  void openSaveRoundTripIsByteIdentical() {
    MainWindow w;
    w.startUp();
    const QString original = QString::fromStdString(core::default_scenario_path());
    QVERIFY(w.openFile(original));
    const QString copy = QFileInfo(original).absolutePath() +
                         QStringLiteral("/.roundtrip_test_%1.json").arg(QCoreApplication::applicationPid());
    QVERIFY(w.saveCurrentAs(copy));
    QFile a(original), b(copy);
    QVERIFY(a.open(QIODevice::ReadOnly));
    QVERIFY(b.open(QIODevice::ReadOnly));
    const QByteArray bytes_a = a.readAll(), bytes_b = b.readAll();
    QFile::remove(copy);
    QCOMPARE(bytes_b, bytes_a);
  }

  void depotViewShowsTheBundledDepot() {
    // The 20-truck depot scenario: the Depot tab gets the load plot (unmanaged, managed, site limit) and
    // the table, with the managed demand charge per truck below the single-truck figure.
    MainWindow w;
    w.startUp();
    const QString path = QString::fromStdString(core::resources_dir() + "/scenarios/depot_20_trucks.json");
    QVERIFY(w.openFile(path));
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    const auto a = w.currentDocument()->analysis();
    QVERIFY(a->depot != nullptr);
    QVERIFY(a->depot->result.managed.feasible);
    QTRY_VERIFY_WITH_TIMEOUT(w.results()->findChild<QCustomPlot*>("plotDepotLoad")->graphCount() == 3, 10000);
    auto* table = w.results()->findChild<QTableWidget*>("depotTable");
    QVERIFY(table && table->rowCount() >= 5);
    QVERIFY(w.results()->findChild<QLabel*>("depotStatus")->text().contains("20 trucks"));
    // Its trucks are copies of the simulated day: the tab names the model those trips ran with.
    QVERIFY2(w.results()->findChild<QLabel*>("depotStatus")->text().contains("Trips: Runge-Kutta"),
             qPrintable(w.results()->findChild<QLabel*>("depotStatus")->text()));
    const auto& r = a->depot->result;
    QVERIFY(r.managed_costs.demand_usd_per_yr / 20.0 < r.single_truck_demand_usd_per_yr);
  }

  void exportsWriteReadableFiles() {
    MainWindow w;
    w.show();
    w.startUp();
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    const auto& a = *w.currentDocument()->analysis();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString stem = dir.filePath("donner");
    ui::export_results_csv(a, stem);
    for (const char* suffix : {"_costs.csv", "_electric_series.csv", "_diesel_series.csv"}) {
      QFile f(stem + suffix);
      QVERIFY2(f.open(QIODevice::ReadOnly), suffix);
      const QByteArray text = f.readAll();
      QVERIFY2(text.count('\n') > 10, suffix);  // a header and rows
    }
    // The workbook is a zip whose first sheet holds the summary: read it back with unzip.
    ui::export_results_xlsx(a, stem + ".xlsx");
    QProcess unzip;
    unzip.start("unzip", {"-p", stem + ".xlsx", "xl/worksheets/sheet1.xml"});
    QVERIFY(unzip.waitForFinished(20000));
    QCOMPARE(unzip.exitCode(), 0);
    QVERIFY(unzip.readAllStandardOutput().contains("<row"));
    const auto plots = w.results()->plots();
    QVERIFY(plots.size() >= 8);
    QCOMPARE(ui::export_plots(plots, dir.path(), false), static_cast<int>(plots.size()));
    QVERIFY(QFileInfo(dir.filePath(plots.front().first + ".png")).size() > 1000);
    ui::export_report_pdf(a, "Donner", plots, stem + "_report.pdf");
    QFile pdf(stem + "_report.pdf");
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(pdf.size() > 5000);
    // SEMITCO_KEEP_REPORT=<file>: keep a copy of the report to look at.
    if (qEnvironmentVariableIsSet("SEMITCO_KEEP_REPORT")) {
      QFile::remove(qEnvironmentVariable("SEMITCO_KEEP_REPORT"));
      QFile::copy(stem + "_report.pdf", qEnvironmentVariable("SEMITCO_KEEP_REPORT"));
    }
  }

  void unitSwitchShowsMetric() {
    MainWindow w;
    w.startUp();
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    w.setUnitSystem(ui::UnitSystem::Metric);
    QLineEdit* price = w.editor()->fieldEdit(kDieselKey);
    QCOMPARE(price->text().left(5), QStringLiteral("0.977"));  // $3.70/gal in $/L
    QVERIFY(price->toolTip().contains("EIA"));                   // source shown in the tooltip
    w.setUnitSystem(ui::UnitSystem::US);
    QCOMPARE(price->text(), QStringLiteral("3.7"));
  }

  // The editor's two-period tariff fields write charging.tou.weekday; off-peak price 0 is the flat price.
  void timeOfUseFieldsEditTheTariff() {
    core::Scenario s = core::load_scenario(core::default_scenario_path());
    const auto* price = ui::find_field("economics.charging.tou.weekday.off_peak_price_usd_per_kWh");
    const auto* from = ui::find_field("economics.charging.tou.weekday.off_peak_from_h");
    const auto* peak = ui::find_field("economics.charging.tou.weekday.peak_price_usd_per_kWh");
    QVERIFY(price && from && peak);
    QCOMPARE(price->get(s), 0.0);
    price->set(s, 0.08);
    from->set(s, 22.0);
    peak->set(s, 0.30);
    const auto& t = s.economics.charging.tou_weekday;
    QCOMPARE(static_cast<int>(t.size()), 2);
    QCOMPARE(t[0].start_h, 22.0);
    QCOMPARE(t[1].end_h, 22.0);
    QCOMPARE(t[0].price_usd_per_kWh, 0.08);
    QCOMPARE(t[1].price_usd_per_kWh, 0.30);
    price->set(s, 0.0);
    QVERIFY(s.economics.charging.tou_weekday.empty());
  }
};

QTEST_MAIN(GuiAcceptance)
#include "test_gui_acceptance.moc"
