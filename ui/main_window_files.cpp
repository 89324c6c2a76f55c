// The main window's file handling: open, save, close, recent files, route import, drag and drop, autosave and
// crash recovery; see main_window.hpp.
#include "ui/main_window.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <cstdio>

#include "ui/file_filters.hpp"
#include "ui/results_panel.hpp"

namespace semitco::ui {

void MainWindow::offerRecovery() {
  const QString answer = qEnvironmentVariable("SEMITCO_RECOVERY_ANSWER");  // test hook: yes / no
  for (const AutosaveEntry& e : autosave_.entries()) {
    if (!AutosaveStore::isNewerThanOriginal(e)) {
      AutosaveStore::discard(e);
      continue;
    }
    std::fprintf(stderr, "semitco-gui: recovery offered for \"%s\" (%s)\n", qPrintable(e.name),
                 qPrintable(e.original_path.isEmpty() ? QStringLiteral("untitled") : e.original_path));
    bool yes = answer == "yes";
    if (answer.isEmpty()) {
      yes = QMessageBox::question(this, tr("Recover unsaved changes?"),
                                  tr("semitco did not close normally. Unsaved changes to \"%1\" from %2 were kept.\n\n"
                                     "Recover them?")
                                      .arg(e.name, QLocale().toString(e.saved_at.toLocalTime(), QLocale::ShortFormat)),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
    }
    if (yes) {
      try {
        core::Scenario s = core::load_scenario(e.autosave_path.toStdString());
        auto doc = std::make_unique<ScenarioDocument>(std::move(s), e.original_path);
        doc->setForcedModified(true);
        addDocument(std::move(doc));
        statusBar()->showMessage(tr("Recovered unsaved changes to %1").arg(e.name), 8000);
      } catch (const std::exception& ex) {
        QMessageBox::warning(this, tr("Recovery failed"), QString::fromStdString(ex.what()));
      }
    }
    AutosaveStore::discard(e);
  }
  for (ScenarioDocument* d : docs_) autosave_.write(*d);  // recovered and still unsaved
}

bool MainWindow::openFile(const QString& path) {
  const QString abs = QFileInfo(path).absoluteFilePath();
  for (ScenarioDocument* d : docs_) {
    if (d->path() == abs) {
      setCurrent(d);
      return true;
    }
  }
  try {
    addDocument(ScenarioDocument::open(abs));
    addRecent(abs);
    return true;
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Cannot open scenario"), QString::fromStdString(e.what()));
    return false;
  }
}

bool MainWindow::save(ScenarioDocument* doc, bool ask_path) {
  if (!doc) return false;
  QString path = doc->path();
  if (ask_path || path.isEmpty()) {
    // An untitled scenario: beside the scenario it came from, unless that is one of the bundled ones
    // (the program's own folder): then in the user's documents.
    QString dir = QString::fromStdString(doc->scenario().dir());
    if (QFileInfo(dir).canonicalFilePath().startsWith(QFileInfo(QString::fromStdString(core::resources_dir())).canonicalFilePath())) {
      dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    }
    const QString start = path.isEmpty() ? dir + "/" + doc->name() + ".json" : path;
    path = QFileDialog::getSaveFileName(this, tr("Save scenario"), start, scenario_file_filter());
    if (path.isEmpty()) return false;
    if (!path.endsWith(".json", Qt::CaseInsensitive)) path += ".json";
  }
  try {
    doc->save(path);
    autosave_.remove(*doc);
    addRecent(doc->path());
    statusBar()->showMessage(tr("Saved %1").arg(doc->path()), 5000);
    return true;
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Cannot save"), QString::fromStdString(e.what()));
    return false;
  }
}

bool MainWindow::saveCurrentAs(const QString& path) {
  if (!current_) return false;
  try {
    current_->save(path);
    autosave_.remove(*current_);
    addRecent(current_->path());
    return true;
  } catch (const std::exception& e) {
    statusBar()->showMessage(tr("Cannot save: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
}

bool MainWindow::maybeSave(ScenarioDocument* doc) {
  if (!doc || !doc->isModified()) return true;
  setCurrent(doc);
  const auto r = QMessageBox::warning(this, tr("Unsaved changes"),
                                      tr("\"%1\" has unsaved changes. Save them?").arg(doc->name()),
                                      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (r == QMessageBox::Cancel) return false;
  if (r == QMessageBox::Save) return save(doc, false);
  return true;
}

void MainWindow::closeDocument(ScenarioDocument* doc) {
  if (!doc || !maybeSave(doc)) return;
  autosave_.remove(*doc);
  undo_group_.removeStack(doc->undoStack());
  docs_.erase(std::find(docs_.begin(), docs_.end(), doc));
  if (current_ == doc) current_ = nullptr;
  doc->deleteLater();
  refreshList();
  setCurrent(docs_.empty() ? nullptr : docs_.back());
  refreshCompare();
}

void MainWindow::autosaveNow() {
  for (ScenarioDocument* d : docs_) {
    if (!d->isModified()) continue;
    try {
      autosave_.write(*d);
    } catch (const std::exception& ex) {
      statusBar()->showMessage(tr("Autosave failed: %1").arg(QString::fromStdString(ex.what())), 5000);
    }
  }
}

void MainWindow::addRecent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value("recentFiles").toStringList();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > 8) recent.removeLast();
  settings.setValue("recentFiles", recent);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  recent_menu_->clear();
  const QStringList recent = QSettings().value("recentFiles").toStringList();
  for (const QString& p : recent) recent_menu_->addAction(QFileInfo(p).fileName(), this, [this, p] { openFile(p); })->setToolTip(p);
  recent_menu_->setEnabled(!recent.isEmpty());
}

void MainWindow::importRoute(const QString& given) {
  if (!current_) return;
  QString path = given;
  if (path.isEmpty()) {
    // The folder of the last import, else the bundled routes.
    const QString start = QSettings().value("lastRouteDir", QString::fromStdString(core::resources_dir() + "/routes")).toString();
    path = QFileDialog::getOpenFileName(this, tr("Import route"), start, route_file_filter());
    if (path.isEmpty()) return;
    QSettings().setValue("lastRouteDir", QFileInfo(path).absolutePath());
  }
  current_->setRoute(path);
  statusBar()->showMessage(tr("Route %1: simulating\xE2\x80\xA6").arg(QFileInfo(path).fileName()));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
  if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
  for (const QUrl& url : e->mimeData()->urls()) {
    const QString path = url.toLocalFile();
    if (path.isEmpty()) continue;
    if (path.endsWith(".json", Qt::CaseInsensitive)) openFile(path);
    else importRoute(path);
  }
  e->acceptProposedAction();
}

}  // namespace semitco::ui
