// The main window: scenario list (left), editor (middle), verdict strip and result views (right),
// menus with file handling, exports, undo/redo, units, recent files, autosave and crash recovery.
// Views, editor, documents and exports live in their own classes; this class wires them together.
#pragma once

#include <QMainWindow>
#include <QTimer>
#include <QUndoGroup>
#include <memory>

#include "ui/autosave.hpp"
#include "ui/scenario_document.hpp"

class QListWidget;
class QMenu;
class QActionGroup;

namespace semitco::ui {

class ScenarioEditor;
class ResultsPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Start-up: offers autosaved scenarios back, else opens the bundled default scenario.
  void startUp();
  /// Opens a scenario file as a new document; false (with a message box) on error.
  bool openFile(const QString& path);
  /// Saves the current document to `path` (Save As without the dialog). False on error.
  bool saveCurrentAs(const QString& path);
  void addDocument(std::unique_ptr<ScenarioDocument> doc);

  [[nodiscard]] ScenarioDocument* currentDocument() const { return current_; }
  [[nodiscard]] const std::vector<ScenarioDocument*>& documents() const { return docs_; }
  [[nodiscard]] ScenarioEditor* editor() const { return editor_; }
  [[nodiscard]] ResultsPanel* results() const { return results_; }
  [[nodiscard]] UnitSystem unitSystem() const { return units_; }
  void setUnitSystem(UnitSystem u);
  /// The trip model of every run (Run menu: Runge-Kutta by default, CVODE the reference, or the quasi-static
  /// screening model): given to every open document, the current one re-run at once. Not remembered
  /// between sessions: the app starts on the default.
  [[nodiscard]] physics::Integrator integrator() const { return integrator_; }
  void setIntegrator(physics::Integrator i);
  /// Writes every modified document's autosave now (the timer does this every few seconds).
  void autosaveNow();
  AutosaveStore& autosave() { return autosave_; }

 protected:
  void closeEvent(QCloseEvent* e) override;
  void dragEnterEvent(QDragEnterEvent* e) override;
  void dropEvent(QDropEvent* e) override;

 private:
  void buildMenus();
  void setCurrent(ScenarioDocument* doc);
  void refreshList();
  void refreshCompare();
  void refreshTitle();
  void addRecent(const QString& path);
  void rebuildRecentMenu();
  bool maybeSave(ScenarioDocument* doc);  ///< false: the user cancelled
  bool save(ScenarioDocument* doc, bool ask_path);
  void closeDocument(ScenarioDocument* doc);
  void importRoute(const QString& path = QString());
  void newScenario();
  void duplicateScenario();
  void renameScenario();
  void offerRecovery();
  void exportPlots(bool pdf);
  void exportResults(bool xlsx);
  void exportReport();
  [[nodiscard]] QString exportDir() const;         ///< where the export dialogs open
  void rememberExportDir(const QString& file);  ///< the folder of `file` is where they open next

  std::vector<ScenarioDocument*> docs_;  // owned through QObject parenting
  ScenarioDocument* current_ = nullptr;
  QListWidget* list_;
  ScenarioEditor* editor_;
  ResultsPanel* results_;
  QUndoGroup undo_group_;
  UnitSystem units_ = UnitSystem::US;
  QActionGroup* unit_actions_ = nullptr;
  physics::Integrator integrator_ = physics::Integrator::RungeKutta;
  QActionGroup* trip_model_actions_ = nullptr;  ///< Runge-Kutta, CVODE, quasi-static (in that order)
  QMenu* recent_menu_ = nullptr;
  QTimer autosave_timer_;
  AutosaveStore autosave_;
};

}  // namespace semitco::ui
