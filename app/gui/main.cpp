// semitco-gui: the desktop app. Thin: set up Qt, show the main window, open the default scenario.
#include <QApplication>
#include <QIcon>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "app/core/route_input.hpp"
#include "ui/analysis.hpp"
#include "ui/main_window.hpp"

int main(int argc, char** argv) {
  try {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("semitco");
    QApplication::setApplicationName("semitco");
    QApplication::setApplicationDisplayName("semitco");
    QApplication::setApplicationVersion(SEMITCO_VERSION);
    // semitco-gui [--strict] [--dem FILE|DIR] [--dem-check] [--integrator rk|cvode|quasi-static] [scenario files...]
    semitco::core::RouteInput input;
    std::vector<QString> files;
    auto integrator = semitco::physics::Integrator::RungeKutta;  // the Run menu's default
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      if (a == "--strict") input.strict = true;
      else if (a == "--integrator" && i + 1 < argc) integrator = semitco::physics::integrator_from_name(argv[++i]);
      else if (a == "--dem-check") input.dem_check_only = true;
      else if (a == "--dem" && i + 1 < argc) input.dem_path = argv[++i];
      else files.push_back(QString::fromLocal8Bit(argv[i]));
    }
    semitco::ui::set_route_input(input);
    semitco::ui::MainWindow w;
    w.setIntegrator(integrator);
    w.show();
    w.startUp();
    for (const auto& f : files) w.openFile(f);
    return app.exec();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "semitco-gui: %s\n", e.what());
    return 1;
  }
}
