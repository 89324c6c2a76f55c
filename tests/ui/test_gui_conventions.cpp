// The cost conventions and measured energy as a buyer sets them in the app, driving the real widgets
// (QT_QPA_PLATFORM=offscreen): "Beginning of year" discounts every operating year one year less, so the NPV
// grows by i times the discounted operating costs (checked from the ledger of the run before); "Measured at
// the plug" with 1.9 kWh/mi makes the electric report's energy basis say so, undo puts the simulated one
// back; a saved file reads back with the same choices through the one loader.
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "app/core/scenario.hpp"
#include "tests/ui/gui_test_util.hpp"
#include "ui/main_window.hpp"
#include "ui/scenario_editor.hpp"

using namespace semitco;
using semitco::gui_test::idle_with_result;
using semitco::gui_test::type_into;
using semitco::ui::MainWindow;

namespace {

void choose(QComboBox* combo, const QString& label) {
  const int i = combo->findText(label, Qt::MatchStartsWith);
  QVERIFY2(i >= 0, qPrintable(label));
  combo->setCurrentIndex(i);
  emit combo->activated(i);
}

// Present value of the operating years' cash flows (years 1..N, the resale value left out) in a ledger.
double discounted_operating_usd(const tco::CostReport& r) {
  double sum = 0.0;
  for (const auto& y : r.ledger) {
    if (y.year == 0) continue;
    const double residual = y.usd[static_cast<std::size_t>(tco::CostLine::kResidualValue)];
    sum += (y.total_usd - residual) * y.discount_factor;
  }
  return sum;
}

}  // namespace

class GuiConventions : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { gui_test::init_test_application(); }

  void beginningOfYearMeasuredEnergyUndoAndSave() {
    MainWindow w;
    w.show();
    w.startUp();
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    auto* doc = w.currentDocument();
    auto* tabs = w.editor()->findChild<QTabWidget*>("editorTabs");

    // ---- Beginning of year: every operating cash flow weighs (1 + i) times more ----
    tabs->setCurrentIndex(3);  // Economics
    QComboBox* timing = w.editor()->fieldChoice("economics.conventions.discount_timing");
    QVERIFY(timing);
    QVERIFY(timing->isVisible());
    QCOMPARE(timing->currentIndex(), 0);
    QVERIFY(timing->toolTip().contains("(1+i)^-(y-1)"));
    const auto before = doc->analysis();
    const double i = before->tco_inputs.discount_rate_frac;
    QVERIFY(i > 0.0);
    choose(timing, "Beginning of year");
    QVERIFY(doc->scenario().economics.conventions.discount_timing == tco::DiscountTiming::kBeginningOfYear);
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w) && doc->analysis() != before, 60000);
    const auto after = doc->analysis();
    QVERIFY(after->tco_inputs.conventions.discount_timing == tco::DiscountTiming::kBeginningOfYear);
    for (const bool ev : {true, false}) {
      const tco::CostReport& r0 = ev ? before->tco.electric : before->tco.diesel;
      const tco::CostReport& r1 = ev ? after->tco.electric : after->tco.diesel;
      // NPV = year 0 + operating years + resale; only the operating years move, by the factor (1 + i).
      const double op0 = discounted_operating_usd(r0);
      const double fixed = r0.npv_usd - op0;  // purchase and the resale value at (1+i)^-N
      QVERIFY(op0 > 0.0);
      const double ratio = (r1.npv_usd - fixed) / op0;
      QVERIFY2(std::abs(ratio - (1.0 + i)) < 1e-9, qPrintable(QString::number(ratio, 'g', 12)));
    }

    // ---- Measured at the plug, 1.9 kWh/mi: the report says so; undo gives the simulated energy back ----
    tabs->setCurrentIndex(1);  // Trucks
    QComboBox* basis = w.editor()->fieldChoice("economics.electric.economics.energy_basis");
    QLineEdit* value = w.editor()->fieldEdit("economics.electric.economics.energy_value");
    QLineEdit* factor = w.editor()->fieldEdit("economics.electric.economics.energy_value.factor");
    QVERIFY(basis && value && factor);
    QVERIFY(!value->isEnabled());
    QVERIFY(!factor->isEnabled());
    QCOMPARE(before->tco.electric.energy_basis, std::string("simulated"));
    choose(basis, "Measured at the plug");
    QVERIFY(value->isEnabled());
    QVERIFY(!factor->isEnabled());
    type_into(value, "1.9");
    QVERIFY(w.editor()->validationMessage().isEmpty());
    const auto& e = doc->scenario().economics.electric.economics.energy;
    QVERIFY(e.basis == tco::EnergyBasis::kMeasuredAtPlug);
    QCOMPARE(e.value, 1.9);
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w) && doc->analysis()->tco_inputs.electric.economics.energy.value == 1.9,
                             60000);
    const QString said = QString::fromStdString(doc->analysis()->tco.electric.energy_basis);
    QVERIFY2(said.contains("measured_at_plug") && said.contains("1.9"), qPrintable(said));
    // The app says so where it lists what the cost model noticed (Route tab), as the CLI prints it.
    auto* notes = w.editor()->findChild<QListWidget*>("routeWarnings");
    QVERIFY(notes);
    bool listed = false;
    for (int k = 0; k < notes->count(); ++k) listed |= notes->item(k)->text().contains("measured_at_plug");
    QVERIFY(listed);
    // The grid energy per mile the costs use is the entered figure.
    QVERIFY(std::abs(doc->analysis()->tco.electric.quantities.energy_kWh_per_mi - 1.9) < 1e-9);

    emit value->editingFinished();  // the buyer leaves the field

    // A refused value: not a number or out of range never reaches the model.
    type_into(value, "-3");
    QVERIFY(!w.editor()->validationMessage().isEmpty());
    QCOMPARE(doc->scenario().economics.electric.economics.energy.value, 1.9);
    emit value->editingFinished();
    QCOMPARE(value->text(), QStringLiteral("1.9"));

    // Saved and read back through the one loader: the same choices and value.
    QTemporaryDir dir;
    const QString path = dir.filePath("conventions.json");
    doc->save(path);
    const core::Scenario back = core::load_scenario(path.toStdString());
    QVERIFY(back.economics.conventions.discount_timing == tco::DiscountTiming::kBeginningOfYear);
    QVERIFY(back.economics.electric.economics.energy.basis == tco::EnergyBasis::kMeasuredAtPlug);
    QCOMPARE(back.economics.electric.economics.energy.value, 1.9);
    QVERIFY(back.economics.diesel.economics.energy.basis == tco::EnergyBasis::kSimulated);

    // Undo the value, then the choice: the simulated energy again, the value field disabled.
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QVERIFY(doc->scenario().economics.electric.economics.energy.basis == tco::EnergyBasis::kSimulated);
    QCOMPARE(basis->currentIndex(), 0);
    QVERIFY(!value->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w) && doc->analysis()->tco_inputs.electric.economics.energy.basis ==
                                                        tco::EnergyBasis::kSimulated,
                             60000);
    QCOMPARE(doc->analysis()->tco.electric.energy_basis, std::string("simulated"));
    // The conventions' choice is still in place, one more undo takes it back.
    QVERIFY(doc->scenario().economics.conventions.discount_timing == tco::DiscountTiming::kBeginningOfYear);
    doc->undoStack()->undo();
    QCOMPARE(timing->currentIndex(), 0);
  }

  void dieselMpgInMetricIsLitresPer100km() {
    MainWindow w;
    w.show();
    w.startUp();
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    auto* doc = w.currentDocument();
    w.editor()->setUnitSystem(ui::UnitSystem::Metric);
    w.editor()->findChild<QTabWidget*>("editorTabs")->setCurrentIndex(1);
    choose(w.editor()->fieldChoice("economics.diesel.economics.energy_basis"), "Measured fuel economy");
    QLineEdit* mpg = w.editor()->fieldEdit("economics.diesel.economics.energy_value");
    QVERIFY(mpg->isEnabled());
    // 33.6 L/100 km = 100 km / 33.6 L = (100 / 1.609344 mi) / (33.6 / 3.785411784 gal) = 7.0 mpg
    type_into(mpg, "33.6");
    const double want_mpg = (100.0 / 1.609344) / (33.6 / 3.785411784);
    QVERIFY(std::abs(doc->scenario().economics.diesel.economics.energy.value - want_mpg) < 1e-9);
    QVERIFY(doc->scenario().economics.diesel.economics.energy.basis == tco::EnergyBasis::kMeasuredMpg);
  }
};

QTEST_MAIN(GuiConventions)
#include "test_gui_conventions.moc"
