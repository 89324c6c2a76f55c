// The Ledger tab (ui/ledger_view.hpp, QT_QPA_PLATFORM=offscreen): after the default scenario has run, the table
// holds both trucks' ledger rows, and each truck's TOTAL row shows the library's cash by year and NPV to the cent.
#include <QDir>
#include <QFile>
#include <QTableWidget>
#include <QtTest>

#include "tests/ui/gui_test_util.hpp"
#include "ui/ledger_view.hpp"
#include "ui/main_window.hpp"
#include "ui/results_panel.hpp"

using namespace semitco;
using semitco::gui_test::idle_with_result;

namespace {
double money_value(QString text) {
  text.remove('$').remove(',');
  return text.toDouble();
}
}  // namespace

class GuiLedger : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { gui_test::init_test_application(); }

  void ledgerTableIsTheLibrarysLedger() {
    ui::MainWindow w;
    w.show();
    w.startUp();
    QTRY_VERIFY_WITH_TIMEOUT(idle_with_result(w), 60000);
    auto* view = w.results()->findChild<ui::LedgerView*>();
    QVERIFY(view);
    const auto a = w.currentDocument()->analysis();
    QVERIFY(a->has_costs);
    QTableWidget* t = view->table();
    const int years = static_cast<int>(a->tco.electric.ledger.size());
    QCOMPARE(t->columnCount(), 2 + years + 1);
    int totals = 0;
    for (int r = 0; r < t->rowCount(); ++r) {
      if (t->item(r, 1)->text() != QStringLiteral("TOTAL")) continue;
      const bool ev = t->item(r, 0)->text() == QStringLiteral("electric");
      const auto& rep = ev ? a->tco.electric : a->tco.diesel;
      for (int y = 0; y < years; ++y) {
        const double shown = money_value(t->item(r, 2 + y)->text());
        QVERIFY2(std::abs(shown - rep.ledger[static_cast<std::size_t>(y)].total_usd) < 0.0051,
                 qPrintable(t->item(r, 2 + y)->text()));
      }
      QVERIFY(std::abs(money_value(t->item(r, 2 + years)->text()) - rep.npv_usd) < 0.0051);
      ++totals;
    }
    QCOMPARE(totals, 2);
    // Save ledger...: the CSV's TOTAL rows are the library's NPVs (the file format is tested in test_core).
    const QString csv = QDir::temp().filePath(QStringLiteral("semitco-gui-ledger-%1.csv").arg(QCoreApplication::applicationPid()));
    QCOMPARE(view->saveTo(csv), QString());
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    f.close();
    QFile::remove(csv);
    QVERIFY(text.startsWith(QStringLiteral("truck,line,year_0_usd")));
    QVERIFY(text.contains(QStringLiteral("\nelectric,TOTAL,")));
    QVERIFY(!view->saveTo(QDir::temp().filePath(QStringLiteral("ledger.txt"))).isEmpty());
    if (const QByteArray shot = qgetenv("SEMITCO_LEDGER_SHOT"); !shot.isEmpty()) {
      w.results()->tabs()->setCurrentWidget(view);
      w.resize(1280, 720);
      QTest::qWait(200);
      w.grab().save(QString::fromUtf8(shot));
    }
    w.currentDocument()->setForcedModified(false);
  }
};

QTEST_MAIN(GuiLedger)
#include "test_gui_ledger.moc"
