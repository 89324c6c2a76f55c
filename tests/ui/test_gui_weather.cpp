// The year of weather in the desktop app (QT_QPA_PLATFORM=offscreen): picking a region on the Route tab
// re-simulates the trucks month by month, the Months view shows range and energy for each month, and undo
// takes the scenario back to one trip at its air temperature.
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

#include "tests/ui/gui_test_util.hpp"
#include "ui/main_window.hpp"
#include "ui/month_view.hpp"
#include "ui/results_panel.hpp"
#include "ui/scenario_editor.hpp"

using namespace semitco;
using semitco::ui::MainWindow;
using semitco::gui_test::idle_with_result;
using semitco::gui_test::type_into;

class GuiWeather : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { gui_test::init_test_application(); }

  void regionGivesTheMonths() {
    MainWindow w;
    w.show();
    w.startUp();
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    auto* months = w.results()->findChild<ui::MonthView*>();
    QVERIFY(months);
    QVERIFY(!months->table()->isVisibleTo(months));  // the default scenario has no year of weather

    QComboBox* weather = w.editor()->fieldChoice("weather.region");
    QVERIFY(weather);
    QCOMPARE(weather->currentIndex(), 0);
    const int reno = weather->findText("Reno, NV");
    QVERIFY(reno > 0);
    QSignalSpy ready(w.currentDocument(), &ui::ScenarioDocument::analysisReady);
    weather->setCurrentIndex(reno);
    emit weather->activated(reno);
    QVERIFY(w.currentDocument()->scenario().weather);
    QCOMPARE(QString::fromStdString(w.currentDocument()->scenario().weather->region), QStringLiteral("reno"));
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1 && idle_with_result(w), 120000);
    const auto a = w.currentDocument()->analysis();
    QVERIFY(a->physics_rerun);
    QCOMPARE(static_cast<int>(a->physics->result.electric.months.size()), 12);

    QVERIFY(months->table()->isVisibleTo(months));
    QCOMPARE(months->table()->rowCount(), 12);
    QCOMPARE(months->table()->item(0, 0)->text(), QStringLiteral("January"));
    // December in Reno is colder than July, so it needs more energy per mile and has less range (US units).
    const double dec_energy = months->table()->item(11, 3)->text().toDouble();
    const double jul_energy = months->table()->item(6, 3)->text().toDouble();
    QVERIFY2(dec_energy > jul_energy, qPrintable(QStringLiteral("%1 vs %2").arg(dec_energy).arg(jul_energy)));
    QVERIFY(months->table()->item(11, 4)->text().toDouble() < months->table()->item(6, 4)->text().toDouble());

    w.currentDocument()->undoStack()->undo();
    QVERIFY(!w.currentDocument()->scenario().weather);
    QTRY_COMPARE_WITH_TIMEOUT(weather->currentIndex(), 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        idle_with_result(w) && w.currentDocument()->analysis()->physics->result.electric.months.empty(),
        60000);
    QTRY_VERIFY_WITH_TIMEOUT(!months->table()->isVisibleTo(months), 5000);
    w.currentDocument()->setForcedModified(false);
    w.currentDocument()->undoStack()->setClean();
  }
};

QTEST_MAIN(GuiWeather)
#include "test_gui_weather.moc"
