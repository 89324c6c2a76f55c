// The scenario editor: grouped forms (Route, Trucks, Operations & charging, Economics) with units,
// validation as typed (a refused value shows a message and never reaches the model), tooltips with
// each value's meaning and source, and the route chooser with its elevation profile and warnings.
#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

#include "ui/scenario_document.hpp"

class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QListWidget;
class QTabWidget;

namespace semitco::ui {

class ScenarioEditor : public QWidget {
  Q_OBJECT
 public:
  explicit ScenarioEditor(QWidget* parent = nullptr);
  void setDocument(ScenarioDocument* doc);
  void setUnitSystem(UnitSystem u);
  [[nodiscard]] UnitSystem unitSystem() const { return units_; }
  /// The input of a field (by key), for tests and focus.
  [[nodiscard]] QLineEdit* fieldEdit(const QString& key) const { return edits_.value(key); }
  [[nodiscard]] QComboBox* fieldChoice(const QString& key) const { return combos_.value(key); }
  /// The Trucks tab's model pickers (library models of each kind, and the scenario's own file if it is none).
  [[nodiscard]] QComboBox* modelPicker(bool electric) const { return electric ? ev_model_ : dsl_model_; }
  /// The visible validation message ("" when none).
  [[nodiscard]] QString validationMessage() const;

 signals:
  void importRouteRequested();

 private:
  void buildForms();
  QWidget* buildRoutePanel();
  QWidget* buildModelPanel();
  void refreshModels();
  void refreshValues();
  void refreshRoute();
  void onTextEdited(const FieldSpec& f, QLineEdit* edit, const QString& text);
  void showMessage(const QString& text);

  QPointer<ScenarioDocument> doc_;
  UnitSystem units_ = UnitSystem::US;
  QTabWidget* tabs_;
  QLabel* message_;
  QHash<QString, QLineEdit*> edits_;
  QHash<QString, QComboBox*> combos_;  ///< choice fields
  QHash<QString, QLabel*> unit_labels_;
  QHash<QLineEdit*, double> edit_start_;  ///< the model's value when typing into a field began
  QComboBox* route_combo_ = nullptr;
  QComboBox* ev_model_ = nullptr;
  QComboBox* dsl_model_ = nullptr;
  QLabel* ev_model_info_ = nullptr;
  QLabel* dsl_model_info_ = nullptr;
  QLabel* route_info_ = nullptr;
  QListWidget* route_warnings_ = nullptr;
  QCustomPlot* route_plot_ = nullptr;
  QMetaObject::Connection doc_changed_, doc_ready_;
};

}  // namespace semitco::ui
