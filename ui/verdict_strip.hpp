// The verdict strip across the top of the window: can each truck do it, and which costs less.
#pragma once

#include <QFrame>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/units.hpp"

class QLabel;
class QProgressBar;

namespace semitco::ui {

/// Headline figures: savings per mile, per ton-mile and per year, break-even year, break-even diesel price;
/// why (the few cost groups that make the difference, core::describe_why); the payload effect (runs needed
/// for the same freight); and whether each truck can do the trip and the day (charge stops with where, how
/// long and at what price; brake fade; hours of service). An infeasible plan gets no confident verdict.
class VerdictStrip : public QFrame {
  Q_OBJECT
 public:
  explicit VerdictStrip(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  void setRunning(bool running);
  void setError(const QString& message);
  /// The savings per mile shown (diesel - electric, USD/mi), NaN before the first result.
  [[nodiscard]] double shownSavingsPerMile() const { return shown_savings_; }
  /// False when a truck cannot do the trip or the day as planned: the headline then says so instead of
  /// naming a cheaper truck, and the figures are greyed as "if it could".
  [[nodiscard]] bool isConfident() const { return confident_; }

 private:
  QLabel *headline_, *why_, *payload_, *feasibility_, *per_mile_, *per_ton_mile_, *per_year_, *break_even_year_,
      *break_even_price_, *status_, *model_;
  QProgressBar* busy_;
  double shown_savings_;
  bool confident_ = false;
};

}  // namespace semitco::ui
