// The fleet in the desktop app (QT_QPA_PLATFORM=offscreen): the File menu opens a folder of vehicle-day
// files, and the fleet window shows the "electrify first" ranking, one row per vehicle, and the repairs made.
// Two vehicles, each one short synthetic day (ramps at 1 m/s^2), one of them with a repeated row.
#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

#include "tests/ui/gui_test_util.hpp"
#include "ui/fleet_view.hpp"
#include "ui/main_window.hpp"

using namespace semitco;

namespace {
/// 1 Hz, up from rest at 0.25 m/s^2 (a loaded truck follows that) to v, and down to rest at t_end.
QByteArray trace(double v, int t_end, bool repeat_a_row) {
  QByteArray s = "cycSecs,cycMps,cycGrade\n";
  for (int t = 0; t <= t_end; ++t) {
    const double speed = std::min({0.25 * t, v, 0.25 * (t_end - t)});
    const QByteArray row = QByteArray::number(t) + "," + QByteArray::number(speed, 'f', 2) + ",0\n";
    s += row;
    if (repeat_a_row && t == 50) s += row;
  }
  return s;
}
void write(const QString& path, const QByteArray& text) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(text);
}
}  // namespace

class FleetViewTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { gui_test::init_test_application(); }

  void menuOpensAFleetFolder() {
    ui::MainWindow w;
    bool found = false;
    for (QAction* a : w.menuBar()->findChildren<QAction*>())
      found = found || a->text().contains("fleet folder");
    QVERIFY(found);
  }

  void showsRankingVehiclesAndRepairs() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    write(dir.filePath("T01_d01_a.csv"), trace(10, 220, false));
    write(dir.filePath("T02_d01_a.csv"), trace(5, 120, true));
    ui::FleetDialog dialog(dir.path(), QString(), ui::UnitSystem::US);
    dialog.waitForResult();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.view()->vehicleTable()->rowCount() == 2, 60000);
    auto* vehicles = dialog.view()->vehicleTable();
    QCOMPARE(vehicles->item(0, 0)->text(), QStringLiteral("T01"));
    QCOMPARE(vehicles->item(1, 0)->text(), QStringLiteral("T02"));
    QCOMPARE(vehicles->item(0, 1)->text(), QStringLiteral("1"));  // days
    QCOMPARE(vehicles->item(0, 3)->text(), QStringLiteral("1"));  // trips
    // T01's distance: 200 m up, 140 s at 10 m/s, 200 m down = 1,800 m = 1.12 mi, shown to a tenth
    QCOMPARE(vehicles->item(0, 4)->text(), QStringLiteral("1.1 mi"));
    QCOMPARE(dialog.view()->rankingTable()->rowCount(), 2);
    QCOMPARE(dialog.view()->rankingTable()->item(0, 0)->text(), QStringLiteral("1"));
    auto* repairs = dialog.view()->repairTable();
    QCOMPARE(repairs->rowCount(), 1);
    QCOMPARE(repairs->item(0, 0)->text(), QStringLiteral("repeated rows dropped"));
    QCOMPARE(repairs->item(0, 1)->text(), QStringLiteral("1"));
    QCOMPARE(repairs->item(0, 3)->text(), QStringLiteral("T02_d01_a.csv"));
  }
};

QTEST_MAIN(FleetViewTest)
#include "test_fleet_view.moc"
