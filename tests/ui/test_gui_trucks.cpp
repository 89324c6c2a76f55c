// The Trucks tab as a buyer uses it, driving the real widgets (QT_QPA_PLATFORM=offscreen): pick a library
// model, change its battery, see the tare and the verdict follow; an invalid battery size is refused with a
// visible message and never reaches the model; the Battery size view finds the cheapest size per ton-mile.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>
#include <cmath>

#include "physics/battery_pack.hpp"
#include "ui/battery_size_view.hpp"
#include "tests/ui/gui_test_util.hpp"
#include "ui/main_window.hpp"
#include "ui/results_panel.hpp"
#include "ui/scenario_editor.hpp"
#include "ui/verdict_strip.hpp"

using namespace semitco;
using semitco::ui::MainWindow;
using semitco::gui_test::idle_with_result;
using semitco::gui_test::type_into;

namespace {
constexpr const char* kUsableKey = "electric_vehicle.battery.usable_kWh";

double usable_kWh(const core::Scenario& s) {
  const auto& b = s.electric.battery;
  return physics::BatteryPack(b).energy_between_J(b.soc_min, b.soc_max) / 3.6e6;
}
}  // namespace

class GuiTrucks : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { gui_test::init_test_application(); }

  void pickModelChangeBatteryAndRefuseNonsense() {
    MainWindow w;
    w.show();
    w.startUp();
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    auto* doc = w.currentDocument();
    w.editor()->findChild<QTabWidget*>("editorTabs")->setCurrentIndex(1);  // Trucks

    // The picker lists the library's electric models; picking the Tesla Semi Long Range puts it in whole.
    QComboBox* picker = w.editor()->modelPicker(true);
    QVERIFY(picker);
    QVERIFY(picker->count() >= 5);
    const int tesla = picker->findData(QStringLiteral("tesla_semi_long_range"));
    QVERIFY(tesla >= 0);
    picker->setCurrentIndex(tesla);
    emit picker->activated(tesla);
    QCOMPARE(QString::fromStdString(doc->scenario().electric_ref), QStringLiteral("tesla_semi_long_range"));
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w) && doc->analysis()->physics_rerun, 60000);
    QLineEdit* usable = w.editor()->fieldEdit(kUsableKey);
    QVERIFY(usable);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(usable->text().toDouble() - usable_kWh(doc->scenario())) < 1.0, 5000);
    const double before_kWh = usable_kWh(doc->scenario());
    const double before_tare = doc->scenario().electric.chassis.tractor_mass_kg;
    const double before_savings = w.results()->verdict()->shownSavingsPerMile();
    const int before_stops = doc->analysis()->tco.electric.day.enroute_stops;
    QVERIFY(std::isfinite(before_savings));

    // Nonsense is refused with the field's name and range, and the model keeps its pack.
    type_into(usable, "-5");
    QVERIFY2(w.editor()->validationMessage().contains("Usable battery"), qPrintable(w.editor()->validationMessage()));
    QVERIFY(w.editor()->findChild<QLabel*>("validationMessage")->isVisible());
    QCOMPARE(usable_kWh(doc->scenario()), before_kWh);

    // A 300 kWh pack: lighter by its mass at 160 Wh/kg, and it must charge on the way several times a day,
    // at the public price, so the electric truck's cost per mile rises and the savings fall.
    QSignalSpy ready(doc, &ui::ScenarioDocument::analysisReady);
    type_into(usable, "300");
    QVERIFY(w.editor()->validationMessage().isEmpty());
    QVERIFY(std::abs(usable_kWh(doc->scenario()) - 300.0) < 1e-6);
    const double nominal_ratio = 911.0 / 822.0;  // vehicles show: 822 kWh usable of 911 nominal
    const double lighter_kg = (before_kWh - 300.0) * nominal_ratio * 1000.0 / 160.0;
    QVERIFY2(std::abs((before_tare - doc->scenario().electric.chassis.tractor_mass_kg) - lighter_kg) < 0.01 * lighter_kg,
             qPrintable(QStringLiteral("tare %1 -> %2").arg(before_tare).arg(doc->scenario().electric.chassis.tractor_mass_kg)));
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1 && idle_with_result(w) && doc->analysis()->physics_rerun, 60000);
    const double after_savings = w.results()->verdict()->shownSavingsPerMile();
    QVERIFY2(doc->analysis()->tco.electric.day.enroute_stops > before_stops,
             qPrintable(QStringLiteral("stops %1 -> %2").arg(before_stops).arg(doc->analysis()->tco.electric.day.enroute_stops)));
    QVERIFY2(after_savings < before_savings, qPrintable(QStringLiteral("savings %1 -> %2").arg(before_savings).arg(after_savings)));

    // Undo puts the pack (and its mass) back.
    doc->undoStack()->undo();
    QVERIFY(std::abs(usable_kWh(doc->scenario()) - before_kWh) < 1e-6);
    QVERIFY(std::abs(doc->scenario().electric.chassis.tractor_mass_kg - before_tare) < 1e-6);
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);

    // The Battery size view sweeps the pack and marks the cheapest size per ton-mile.
    auto* view = w.results()->batterySize();
    QSignalSpy swept(view, &ui::BatterySizeView::sweepFinished);
    view->findChild<QLineEdit*>("sizeFrom")->setText("300");
    view->findChild<QLineEdit*>("sizeTo")->setText("1100");
    view->findChild<QLineEdit*>("sizeStep")->setText("200");
    QTest::mouseClick(view->findChild<QPushButton*>("sweepBatterySize"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(swept.count() == 1, 120000);
    const auto& curve = view->curve();
    QCOMPARE(static_cast<int>(curve.points.size()), 5);
    QVERIFY(curve.best);
    for (const auto& p : curve.points) {
      if (p.costed && p.day_feasible) QVERIFY(p.usd_per_ton_mi >= curve.points[*curve.best].usd_per_ton_mi);
    }
    QVERIFY(view->findChild<QLabel*>("batterySizeSummary")->text().contains("Lowest cost per ton-mile"));
    doc->setForcedModified(false);
    doc->undoStack()->setClean();
  }
};

QTEST_MAIN(GuiTrucks)
#include "test_gui_trucks.moc"
