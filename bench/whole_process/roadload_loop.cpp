// The bare reference of bench/compare_whole_process.py: reads a 1 Hz speed trace (FASTSim/T3CO cycle CSV:
// cycSecs,cycMps,cycGrade) and does only road-load arithmetic over it, backward from the trace (no driver,
// no limits, no powertrain, no integrator):
//   F = m a + m g (crr cos(theta) + sin(theta)) + 1/2 rho CdA v^2,   E_wheel = sum max(F v, 0) dt
// with the bundled diesel tractor's chassis (80,000 lb, CdA 5.68 m^2, crr 0.0061). Prints the
// positive wheel energy so the loop cannot be optimised away. Standard library only: its time is what
// reading the trace and this arithmetic cost, the floor under any simulator of the same trace.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s TRACE.csv [passes]\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "%s: cannot open\n", argv[1]);
    return 1;
  }
  std::vector<double> t, v, grade;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string a, b, c;
    if (!std::getline(row, a, ',') || !std::getline(row, b, ',')) continue;
    std::getline(row, c, ',');
    t.push_back(std::strtod(a.c_str(), nullptr));
    v.push_back(std::strtod(b.c_str(), nullptr));
    grade.push_back(c.empty() ? 0.0 : std::strtod(c.c_str(), nullptr));
  }
  const int passes = argc > 2 ? std::atoi(argv[2]) : 1;
  constexpr double m = 36287.0, g = 9.80665, crr = 0.0061, cda = 5.68, rho = 1.2;
  double wheel_J = 0.0;
  for (int p = 0; p < passes; ++p) {
    for (std::size_t i = 1; i < t.size(); ++i) {
      const double dt = t[i] - t[i - 1];
      if (dt <= 0.0) continue;
      const double vm = 0.5 * (v[i] + v[i - 1]);
      const double a = (v[i] - v[i - 1]) / dt;
      const double th = std::atan(grade[i - 1]);
      const double f = m * a + m * g * (crr * std::cos(th) + std::sin(th)) + 0.5 * rho * cda * vm * vm;
      wheel_J += std::max(f * vm, 0.0) * dt;
    }
  }
  std::printf("%zu samples, %.1f s, positive wheel energy %.1f kWh\n", t.size(), t.empty() ? 0.0 : t.back(),
              wheel_J / 3.6e6 / passes);
  return 0;
}
