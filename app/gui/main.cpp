// semitco-gui: the desktop app. Thin: set up Qt, show the main window, open the default scenario.
#include <QApplication>
#include <QIcon>
#include <cstdio>
#include <exception>

#include "ui/main_window.hpp"

int main(int argc, char** argv) {
  try {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("semitco");
    QApplication::setApplicationName("semitco");
    QApplication::setApplicationDisplayName("semitco");
    QApplication::setApplicationVersion(SEMITCO_VERSION);
    semitco::ui::MainWindow w;
    w.show();
    w.startUp();
    for (int i = 1; i < argc; ++i) w.openFile(QString::fromLocal8Bit(argv[i]));
    return app.exec();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "semitco-gui: %s\n", e.what());
    return 1;
  }
}
