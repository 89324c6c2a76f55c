// The ledger table; see ledger_view.hpp.
#include "ui/ledger_view.hpp"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "app/core/ledger_output.hpp"

namespace semitco::ui {

LedgerView::LedgerView(QWidget* parent) : QWidget(parent) {
  note_ = new QLabel;
  note_->setWordWrap(true);
  table_ = new QTableWidget;
  table_->setObjectName("ledgerTable");
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->setVisible(false);
  save_ = new QPushButton(tr("Save ledger..."));
  save_->setObjectName("saveLedger");
  save_->setToolTip(tr("Both trucks' ledger, unrounded, as CSV, JSON or XLSX (as semitco tco --ledger-out)"));
  connect(save_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save ledger"), "ledger.xlsx",
                                                      tr("Workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty()) return;
    const QString err = saveTo(path);
    if (!err.isEmpty()) QMessageBox::warning(this, tr("Save ledger"), err);
  });
  auto* top = new QHBoxLayout;
  top->addWidget(note_, 1);
  top->addWidget(save_);
  auto* lay = new QVBoxLayout(this);
  lay->addLayout(top);
  lay->addWidget(table_, 1);
}

QString LedgerView::saveTo(const QString& path) {
  if (!shown_ || !shown_->has_costs) return tr("No ledger to save: a truck could not finish the route.");
  try {
    core::write_ledger_file(shown_->tco, path.toStdString());
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

void LedgerView::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem) {
  if (!a) return;
  shown_ = a;
  table_->setVisible(a->has_costs);
  save_->setEnabled(a->has_costs);
  if (!a->has_costs) {
    note_->setText(tr("No ledger: a truck could not finish the route."));
    return;
  }
  note_->setText(tr("Nominal dollars by year (year 0 = purchase) and each line's NPV at %1 %; the discount "
                    "factor follows the scenario's conventions. The same table as semitco tco --ledger.")
                     .arg(QString::number(a->tco_inputs.discount_rate_frac * 100.0, 'f', 1)));
  std::vector<core::LedgerRow> rows;
  for (auto& row : core::ledger_rows(a->tco)) {
    bool any = row.line == "TOTAL" || row.line == "discount_factor" || row.line == "discounted_total";
    for (double v : row.by_year) any = any || std::abs(v) >= 0.005;
    if (any) rows.push_back(std::move(row));
  }
  const int years = static_cast<int>(a->tco.electric.ledger.size());
  QStringList head{tr("Truck"), tr("Line")};
  for (int y = 0; y < years; ++y) head << tr("Year %1").arg(y);
  head << tr("NPV");
  table_->clear();
  table_->setColumnCount(static_cast<int>(head.size()));
  table_->setHorizontalHeaderLabels(head);
  table_->setRowCount(static_cast<int>(rows.size()));
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    const auto& row = rows[static_cast<std::size_t>(r)];
    const bool factor = row.line == "discount_factor";
    table_->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(row.truck)));
    table_->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(row.line)));
    auto cell = [&](int col, double v) {
      auto* item = new QTableWidgetItem(factor ? QString::number(v, 'f', 6) : format_money(v, 2));
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      table_->setItem(r, col, item);
    };
    for (int y = 0; y < years && y < static_cast<int>(row.by_year.size()); ++y)
      cell(2 + y, row.by_year[static_cast<std::size_t>(y)]);
    if (!factor) cell(2 + years, row.npv_usd);
  }
  table_->resizeColumnsToContents();
}

}  // namespace semitco::ui
