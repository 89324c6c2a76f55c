// Crash recovery: run semitco-gui as a child with a private data folder, edit the diesel price (test
// hook SEMITCO_TEST_EDIT applies it through the same undoable model path as typing), wait for the
// autosave, kill -9, restart: the app must offer the autosaved scenario back, and accepting it
// (SEMITCO_RECOVERY_ANSWER=yes answers the dialog) brings back the edited, still-unsaved scenario.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class AutosaveRecovery : public QObject {
  Q_OBJECT

 private slots:
  void killedAppOffersAutosaveBack() {
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("XDG_DATA_HOME", home.filePath("data"));
    env.insert("XDG_CONFIG_HOME", home.filePath("config"));
    env.insert("SEMITCO_AUTOSAVE_MS", "200");
    env.insert("SEMITCO_RECOVERY_ANSWER", "no");

    QProcess first;
    QProcessEnvironment e1 = env;
    e1.insert("SEMITCO_TEST_EDIT", "economics.prices.diesel_price_usd_per_gal=5.25");
    first.setProcessEnvironment(e1);
    first.start(SEMITCO_GUI_BIN, {});
    QVERIFY(first.waitForStarted(10000));
    const QDir autosave(home.filePath("data/semitco/semitco/autosave"));
    QTRY_VERIFY_WITH_TIMEOUT(!autosave.entryList({"*.meta.json"}, QDir::Files).isEmpty(), 30000);
    QTest::qWait(300);
    first.kill();  // SIGKILL: no clean shutdown, the autosave stays
    QVERIFY(first.waitForFinished(10000));

    QProcess second;
    QProcessEnvironment e2 = env;
    e2.insert("SEMITCO_RECOVERY_ANSWER", "yes");
    e2.insert("SEMITCO_TEST_REPORT_AND_QUIT", "1");
    second.setProcessEnvironment(e2);
    second.start(SEMITCO_GUI_BIN, {});
    QVERIFY(second.waitForFinished(60000));
    const QString err = QString::fromLocal8Bit(second.readAllStandardError());
    QVERIFY2(err.contains("recovery offered for \"I-80 Donner Pass"), qPrintable(err));
    QVERIFY2(err.contains("modified=1 diesel_price=5.25"), qPrintable(err));
    QCOMPARE(second.exitCode(), 0);
  }
};

QTEST_GUILESS_MAIN(AutosaveRecovery)
#include "test_autosave_recovery.moc"
