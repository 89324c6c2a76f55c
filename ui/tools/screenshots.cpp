// semitco-gui-screenshots OUTDIR [SCENARIO [WIDTHxHEIGHT]]: opens the bundled default scenario (I-80
// Donner), or SCENARIO, in the real main window (1600x1000 unless given, e.g. 1280x720 or 1920x1080), waits
// for the results and writes a PNG of the window with each results view and each editor tab, the glossary,
// plus the full along-the-route stack. Run under a display: `xvfb-run -a build/ui/semitco-gui-screenshots docs/screenshots`.
#include <iterator>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTabWidget>
#include <cstdio>
#include <qcustomplot.h>

#include "ui/battery_size_view.hpp"
#include "ui/help_dialog.hpp"
#include "ui/main_window.hpp"
#include "ui/results_panel.hpp"
#include "ui/scenario_editor.hpp"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QStandardPaths::setTestModeEnabled(true);  // no recovery prompts, no settings from a real user
  QApplication::setOrganizationName("semitco-screenshots");
  QApplication::setApplicationName("semitco-screenshots");
  const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
  QDir().mkpath(out);

  semitco::ui::MainWindow w;
  int width = 1600, height = 1000;
  if (argc > 3) std::sscanf(argv[3], "%dx%d", &width, &height);
  w.resize(width, height);
  w.show();
  w.startUp();
  if (argc > 2 && !w.openFile(QString::fromLocal8Bit(argv[2]))) {
    std::fprintf(stderr, "cannot open %s\n", argv[2]);
    return 1;
  }
  QElapsedTimer t;
  t.start();
  while ((!w.currentDocument() || !w.currentDocument()->analysis() || w.currentDocument()->isRunning()) &&
         t.elapsed() < 60000) {
    QApplication::processEvents(QEventLoop::AllEvents, 50);
  }
  if (!w.currentDocument() || !w.currentDocument()->analysis()) {
    std::fprintf(stderr, "no result after 60 s\n");
    return 1;
  }
  auto settle = [] {
    for (int i = 0; i < 20; ++i) QApplication::processEvents(QEventLoop::AllEvents, 20);
  };
  QTabWidget* tabs = w.results()->tabs();
  const char* names[] = {"along_route", "energy", "cost", "uncertainty", "months", "compare", "battery_size", "depot", "ledger", "charging_cost"};
  int written = 0;
  for (int i = 0; i < tabs->count() && i < static_cast<int>(std::size(names)); ++i) {
    tabs->setCurrentIndex(i);
    settle();
    if (tabs->currentWidget() == w.results()->batterySize()) {
      // The battery-size sweep runs on request: run it, and wait for it.
      auto* view = w.results()->batterySize();
      view->sweep();
      QElapsedTimer s;
      s.start();
      while (view->isRunning() && s.elapsed() < 120000) QApplication::processEvents(QEventLoop::AllEvents, 50);
      settle();
    }
    const QString file = QDir(out).filePath(QStringLiteral("window_%1.png").arg(names[i]));
    if (w.grab().save(file)) ++written;
  }
  // The editor's tabs (route, trucks, operations and charging, economics), with the cost view beside.
  if (auto* et = w.editor()->findChild<QTabWidget*>("editorTabs")) {
    const char* editor_names[] = {"route", "trucks", "operations", "economics"};
    for (int i = 0; i < et->count() && i < 4; ++i) {
      et->setCurrentIndex(i);
      settle();
      if (w.grab().save(QDir(out).filePath(QStringLiteral("editor_%1.png").arg(editor_names[i])))) ++written;
    }
    // The forms' ends (scrolled to): each truck's energy used for costs, and the cost conventions.
    const std::pair<int, const char*> ends[] = {{1, "economics.diesel.economics.energy_value.factor"},
                                                {3, "economics.conventions.hvut"}};
    const char* end_names[] = {"trucks_energy", "economics_conventions"};
    for (int k = 0; k < 2; ++k) {
      et->setCurrentIndex(ends[k].first);
      QWidget* last = w.editor()->findChild<QWidget*>(QString::fromUtf8(ends[k].second));
      if (auto* scroll = qobject_cast<QScrollArea*>(et->currentWidget()); scroll && last) {
        settle();
        scroll->ensureWidgetVisible(last, 0, 16);
      }
      settle();
      if (w.grab().save(QDir(out).filePath(QStringLiteral("editor_%1.png").arg(end_names[k])))) ++written;
    }
    et->setCurrentIndex(0);
  }
  // Help > Glossary.
  semitco::ui::show_glossary(&w);
  settle();
  if (auto* g = w.findChild<QDialog*>("glossaryDialog")) {
    if (g->grab().save(QDir(out).filePath(QStringLiteral("help_glossary.png")))) ++written;
    g->close();
  }
  // The along-the-route stack in full (the window shows it in a scroll area).
  tabs->setCurrentIndex(0);
  settle();
  for (const auto& [name, plot] : w.results()->plots()) {
    const QString file = QDir(out).filePath(name + ".png");
    if (plot->savePng(file, 1100, name.startsWith("route_") ? 330 : 520, 1.0)) ++written;
  }
  std::printf("wrote %d PNGs to %s\n", written, qPrintable(out));
  return written > 0 ? 0 : 1;
}
