// The result views beside the editor (the verdict strip is in verdict_strip.hpp): where the energy went, the cost breakdown
// (stacked $/mi and $/ton-mi, cumulative cost with break-even), the uncertainty view (tornado, Monte
// Carlo histogram) and the side-by-side comparison of all open scenarios.
#pragma once

#include <QFrame>
#include <QList>
#include <QPair>
#include <QWidget>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/units.hpp"
#include "ui/verdict_strip.hpp"

class QCustomPlot;
class QLabel;
class QProgressBar;
class QTableWidget;

namespace semitco::ui {

using NamedPlots = QList<QPair<QString, QCustomPlot*>>;


class EnergyView : public QWidget {
  Q_OBJECT
 public:
  explicit EnergyView(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] NamedPlots plots() const;

 private:
  QCustomPlot* plot_;
  QLabel* summary_;
  std::shared_ptr<const PhysicsRun> shown_;
};

class CostView : public QWidget {
  Q_OBJECT
 public:
  explicit CostView(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] NamedPlots plots() const;

 private:
  QCustomPlot *per_mile_, *per_ton_mile_, *cumulative_;
};

class UncertaintyView : public QWidget {
  Q_OBJECT
 public:
  explicit UncertaintyView(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] NamedPlots plots() const;

 private:
  QCustomPlot *tornado_, *histogram_;
};

/// Headline figures of every open scenario side by side.
class CompareView : public QWidget {
  Q_OBJECT
 public:
  explicit CompareView(QWidget* parent = nullptr);
  struct Column {
    QString name;
    std::shared_ptr<const Analysis> analysis;
  };
  void setScenarios(const QList<Column>& columns, UnitSystem units);
  [[nodiscard]] QTableWidget* table() const { return table_; }

 private:
  QTableWidget* table_;
};

/// Display name of an economics key ("prices.diesel_price_usd_per_gal" -> "Diesel price").
QString input_display_name(const std::string& key);

}  // namespace semitco::ui
