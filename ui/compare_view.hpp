// The side-by-side comparison of all open scenarios.
#pragma once

#include <QList>
#include <QWidget>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/named_plots.hpp"
#include "ui/units.hpp"

class QTableWidget;

namespace semitco::ui {

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

}  // namespace semitco::ui
