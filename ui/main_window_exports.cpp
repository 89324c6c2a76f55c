// The main window's exports: plots (PNG/PDF), results (CSV/XLSX) and the report; see main_window.hpp.
#include "ui/main_window.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QMessageBox>
#include <QStatusBar>

#include "ui/exporters.hpp"
#include "ui/results_panel.hpp"

namespace semitco::ui {

QString MainWindow::exportDir() const {
  // The folder of the last export, else the user's documents (never the program's folder).
  return QSettings().value("lastExportDir", QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
}

void MainWindow::rememberExportDir(const QString& file) { QSettings().setValue("lastExportDir", QFileInfo(file).absolutePath()); }

void MainWindow::exportPlots(bool pdf) {
  if (!current_ || !current_->analysis()) return;
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Export plots to folder"), exportDir());
  if (dir.isEmpty()) return;
  rememberExportDir(dir + "/x");
  try {
    const int n = export_plots(results_->plots(), dir, pdf);
    statusBar()->showMessage(tr("Wrote %1 plots to %2").arg(n).arg(dir), 5000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(e.what()));
  }
}

void MainWindow::exportResults(bool xlsx) {
  if (!current_ || !current_->analysis()) return;
  QString path = QFileDialog::getSaveFileName(this, tr("Export results"), exportDir() + "/" + current_->name() + (xlsx ? ".xlsx" : ""),
                                              xlsx ? tr("Excel workbook (*.xlsx)") : tr("CSV file stem (*)"));
  if (path.isEmpty()) return;
  rememberExportDir(path);
  try {
    if (xlsx) export_results_xlsx(*current_->analysis(), path);
    else export_results_csv(*current_->analysis(), path.endsWith(".csv") ? path.chopped(4) : path);
    statusBar()->showMessage(tr("Exported results to %1").arg(path), 5000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(e.what()));
  }
}

void MainWindow::exportReport() {
  if (!current_ || !current_->analysis()) return;
  const QString path = QFileDialog::getSaveFileName(this, tr("Report (PDF)"), exportDir() + "/" + current_->name() + ".pdf",
                                                    tr("PDF (*.pdf)"));
  if (path.isEmpty()) return;
  rememberExportDir(path);
  try {
    export_report_pdf(*current_->analysis(), current_->name(), results_->plots(), path);
    statusBar()->showMessage(tr("Wrote report %1").arg(path), 5000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Report failed"), QString::fromStdString(e.what()));
  }
}

}  // namespace semitco::ui
