// The year-by-year ledger of both trucks in a table (what `semitco tco --ledger` prints): a row per cost line
// that is not zero in every year, with its nominal cash by year (year 0 = purchase) and its NPV, then each
// year's total, discount factor and discounted total; electric rows first, then diesel. The rows come from
// core::ledger_rows (app/core/ledger_output.hpp), the same as the CSV, JSON and XLSX ledger files; "Save
// ledger..." writes one of those (as `semitco tco --ledger-out`).
#pragma once

#include <QWidget>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/units.hpp"

class QLabel;
class QPushButton;
class QTableWidget;

namespace semitco::ui {

class LedgerView : public QWidget {
  Q_OBJECT
 public:
  explicit LedgerView(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] QTableWidget* table() const { return table_; }
  /// Writes the shown ledger to `path` (.csv, .json or .xlsx); an empty string, or the error's text.
  QString saveTo(const QString& path);

 private:
  QLabel* note_;
  QPushButton* save_;
  QTableWidget* table_;
  std::shared_ptr<const Analysis> shown_;
};

}  // namespace semitco::ui
