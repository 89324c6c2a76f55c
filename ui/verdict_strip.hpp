// The verdict strip across the top of the window: can each truck do it, and which costs less.
#pragma once

#include <QFrame>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/units.hpp"

class QLabel;
class QProgressBar;

namespace semitco::ui {

/// Headline figures: savings per mile and per year, break-even year, break-even diesel price; and before
/// them whether each truck can do the trip and the day (charge stops, brake fade, hours of service).
class VerdictStrip : public QFrame {
  Q_OBJECT
 public:
  explicit VerdictStrip(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  void setRunning(bool running);
  void setError(const QString& message);
  /// The savings per mile shown (diesel - electric, USD/mi), NaN before the first result.
  [[nodiscard]] double shownSavingsPerMile() const { return shown_savings_; }

 private:
  QLabel *headline_, *feasibility_, *per_mile_, *per_year_, *break_even_year_, *break_even_price_, *status_;
  QProgressBar* busy_;
  double shown_savings_;
};

}  // namespace semitco::ui
