// Scenario editor; see scenario_editor.hpp.
#include "ui/scenario_editor.hpp"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <filesystem>

#include "app/core/vehicle_library.hpp"
#include "routes/route_stats.hpp"
#include "ui/plot_style.hpp"
#include "ui/route_names.hpp"
#include "ui/route_views.hpp"

namespace semitco::ui {

namespace {
const char* kInvalidStyle = "QLineEdit { border: 2px solid #d92d20; background: #fff4f2; }";
}

ScenarioEditor::ScenarioEditor(QWidget* parent) : QWidget(parent) {
  auto* lay = new QVBoxLayout(this);
  lay->setContentsMargins(0, 0, 0, 0);
  message_ = new QLabel;
  message_->setObjectName("validationMessage");
  message_->setWordWrap(true);
  message_->setStyleSheet("QLabel { background:#fef3f2; color:#b42318; border:1px solid #fda29b; "
                          "border-radius:4px; padding:6px; }");
  message_->hide();
  tabs_ = new QTabWidget;
  tabs_->setObjectName("editorTabs");
  // Below the forms, so showing or hiding it never moves a field.
  lay->addWidget(tabs_, 1);
  lay->addWidget(message_);
  buildForms();
  connect(tabs_, &QTabWidget::currentChanged, this, [this] { showMessage(QString()); });
}

void ScenarioEditor::buildForms() {
  const std::pair<FieldGroup, QString> groups[] = {{FieldGroup::Route, tr("Route")},
                                                   {FieldGroup::Trucks, tr("Trucks")},
                                                   {FieldGroup::Operations, tr("Operations && charging")},
                                                   {FieldGroup::Economics, tr("Economics")}};
  for (const auto& [group, title] : groups) {
    auto* page = new QWidget;
    auto* v = new QVBoxLayout(page);
    if (group == FieldGroup::Route) v->addWidget(buildRoutePanel());
    if (group == FieldGroup::Trucks) v->addWidget(buildModelPanel());
    QHash<QString, QFormLayout*> sections;
    for (const auto& f : scenario_fields()) {
      if (f.group != group) continue;
      const QString sec = QString::fromUtf8(f.section);
      if (!sections.contains(sec)) {
        auto* box = new QGroupBox(sec);
        auto* form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setLabelAlignment(Qt::AlignRight);
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);  // a narrow editor puts a long label above its field
        sections.insert(sec, form);
        v->addWidget(box);
      }
      const FieldSpec* spec = &f;
      if (f.choices) {
        auto* combo = new QComboBox;
        combo->setObjectName(QString::fromUtf8(f.key));
        combo->addItems(field_choices(f));
        // As wide as the number fields, so a long option never pushes the form sideways.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        // Options longer than a number field is wide: the label above, the list the form's full width, so
        // no option is cut ("Beginning of year (as NREL T3CO)").
        const QStringList options = field_choices(f);
        const bool wide = std::any_of(options.begin(), options.end(), [](const QString& o) { return o.size() > 20; });
        if (wide) {
          sections[sec]->addRow(new QLabel(QString::fromUtf8(f.label) + ":"));
          sections[sec]->addRow(combo);
        } else {
          sections[sec]->addRow(QString::fromUtf8(f.label) + ":", combo);
        }
        combos_.insert(QString::fromUtf8(f.key), combo);
        connect(combo, qOverload<int>(&QComboBox::activated), this, [this, spec](int i) {
          if (doc_) doc_->setField(*spec, static_cast<double>(i));
        });
        continue;
      }
      auto* row = new QWidget;
      auto* h = new QHBoxLayout(row);
      h->setContentsMargins(0, 0, 0, 0);
      auto* edit = new QLineEdit;
      edit->setObjectName(QString::fromUtf8(f.key));
      edit->setAlignment(Qt::AlignRight);
      edit->setMinimumWidth(80);
      auto* unit = new QLabel;
      unit->setMinimumWidth(52);
      h->addWidget(edit, 1);
      h->addWidget(unit);
      sections[sec]->addRow(QString::fromUtf8(f.label) + ":", row);
      edits_.insert(QString::fromUtf8(f.key), edit);
      unit_labels_.insert(QString::fromUtf8(f.key), unit);
      connect(edit, &QLineEdit::textEdited, this, [this, spec, edit](const QString& t) { onTextEdited(*spec, edit, t); });
      connect(edit, &QLineEdit::editingFinished, this, [this, spec, edit] {
        // Leaving a field with a refused value: the field shows the value in use again (the one from before
        // the typing began: onTextEdited put it back) and the message goes.
        edit_start_.remove(edit);
        if (!doc_) return;
        QString err;
        const auto typed = parse_field_text(*spec, edit->text(), units_, &err);
        if (!typed) showMessage(QString());
        if (!typed || *typed != spec->get(doc_->scenario())) {
          edit->setText(format_quantity(spec->unit.to_display(spec->get(doc_->scenario()), units_)));
          edit->setStyleSheet(QString());
        }
      });
    }
    v->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // the forms fit the width, never scroll sideways
    scroll->setWidget(page);
    tabs_->addTab(scroll, title);
  }
}

QWidget* ScenarioEditor::buildRoutePanel() {
  auto* box = new QGroupBox(tr("Route"));
  auto* v = new QVBoxLayout(box);
  auto* h = new QHBoxLayout;
  route_combo_ = new QComboBox;
  route_combo_->setObjectName("routeCombo");
  route_combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  route_combo_->setMinimumContentsLength(16);
  route_combo_->setToolTip(tr("Bundled routes built from public milepost elevations (sources in each file). "
                              "Import your own GPX, route CSV, VECTO .vdri or drive-cycle file, or drop it on the window."));
  const QDir dir(QString::fromStdString(core::resources_dir()) + "/routes");
  for (const QFileInfo& fi : dir.entryInfoList({"*.csv", "*.gpx", "*.vdri"}, QDir::Files, QDir::Name)) {
    route_combo_->addItem(route_display_name(fi.absoluteFilePath()), fi.absoluteFilePath());
    route_combo_->setItemData(route_combo_->count() - 1, fi.fileName(), Qt::ToolTipRole);
  }
  auto* import = new QPushButton(tr("Import\xE2\x80\xA6"));
  import->setToolTip(tr("Import a route: GPX, route CSV, VECTO .vdri or FASTSim/T3CO drive cycle"));
  h->addWidget(route_combo_, 1);
  h->addWidget(import);
  v->addLayout(h);
  route_info_ = new QLabel;
  route_info_->setWordWrap(true);
  route_info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  v->addWidget(route_info_);
  route_plot_ = new QCustomPlot;
  route_plot_->setObjectName("routePreview");
  style_plot(route_plot_, QString());
  attach_graph_hover(route_plot_, tr("Distance"));
  route_plot_->setMinimumHeight(170);
  v->addWidget(route_plot_);
  route_warnings_ = new QListWidget;
  route_warnings_->setObjectName("routeWarnings");
  route_warnings_->setMaximumHeight(110);
  route_warnings_->setResizeMode(QListView::Adjust);
  route_warnings_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  route_warnings_->setToolTip(tr("What the route reader and the cost model noticed"));
  v->addWidget(route_warnings_);
  connect(route_combo_, qOverload<int>(&QComboBox::activated), this, [this](int i) {
    if (doc_) doc_->setRoute(route_combo_->itemData(i).toString());
  });
  connect(import, &QPushButton::clicked, this, &ScenarioEditor::importRouteRequested);
  return box;
}

void ScenarioEditor::setDocument(ScenarioDocument* doc) {
  disconnect(doc_changed_);
  disconnect(doc_ready_);
  doc_ = doc;
  message_->hide();
  edit_start_.clear();
  for (auto* e : std::as_const(edits_)) e->setStyleSheet(QString());
  if (doc_) {
    doc_changed_ = connect(doc_, &ScenarioDocument::scenarioChanged, this, [this] {
      refreshValues();
      refreshRoute();
    });
    doc_ready_ = connect(doc_, &ScenarioDocument::analysisReady, this, &ScenarioEditor::refreshRoute);
  }
  setEnabled(doc_ != nullptr);
  refreshValues();
  refreshRoute();
}

void ScenarioEditor::setUnitSystem(UnitSystem u) {
  units_ = u;
  refreshValues();
  if (doc_ && doc_->analysis()) plot_route_profile(route_plot_, *doc_->analysis()->physics->route, units_, true);
  refreshRoute();
}

QString ScenarioEditor::validationMessage() const { return message_->isVisible() ? message_->text() : QString(); }

void ScenarioEditor::showMessage(const QString& text) {
  message_->setText(text);
  message_->setVisible(!text.isEmpty());
}

void ScenarioEditor::onTextEdited(const FieldSpec& f, QLineEdit* edit, const QString& text) {
  if (!doc_) return;
  // Each valid keystroke is applied (the verdict follows the typing); a refused one puts back the value the
  // field had before the typing began, so "1000" runs a day never leaves "10" behind.
  if (!edit_start_.contains(edit)) edit_start_.insert(edit, f.get(doc_->scenario()));
  const auto refuse = [&](const QString& why) {
    edit->setStyleSheet(kInvalidStyle);
    showMessage(tr("Not applied \xE2\x80\x94 %1 The value in use stays %2 %3.")
                    .arg(why, format_quantity(f.unit.to_display(edit_start_.value(edit), units_)), f.unit.label(units_)));
    doc_->setField(f, edit_start_.value(edit));
  };
  QString err;
  const auto v = parse_field_text(f, text, units_, &err);
  if (!v) {
    refuse(err);
    return;
  }
  const QString refused = doc_->setField(f, *v);
  if (!refused.isEmpty()) {
    refuse(refused);
    return;
  }
  edit->setStyleSheet(QString());
  showMessage(QString());
}

QWidget* ScenarioEditor::buildModelPanel() {
  auto* box = new QGroupBox(tr("Truck models"));
  auto* form = new QFormLayout(box);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form->setLabelAlignment(Qt::AlignRight);
  std::vector<core::LibraryVehicle> library;
  try {
    library = core::load_vehicle_library();
  } catch (const std::exception&) {
    // An unreadable library leaves the pickers with the scenario's own trucks only.
  }
  for (const bool electric : {true, false}) {
    auto* combo = new QComboBox;
    combo->setObjectName(electric ? "electricModel" : "dieselModel");
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
    for (const auto& m : library) {
      if (m.is_electric() != electric) continue;
      combo->addItem(QString::fromStdString(m.meta.name), QString::fromStdString(m.id));
      QString tip = QString::fromStdString(m.meta.maker + " " + m.meta.model + (m.meta.duty.empty() ? "" : ", " + m.meta.duty));
      combo->setItemData(combo->count() - 1, tip, Qt::ToolTipRole);
    }
    auto* info = new QLabel;
    info->setWordWrap(true);
    info->setStyleSheet("QLabel { color: #475467; }");
    form->addRow(electric ? tr("Electric truck:") : tr("Diesel truck:"), combo);
    form->addRow(QString(), info);
    (electric ? ev_model_ : dsl_model_) = combo;
    (electric ? ev_model_info_ : dsl_model_info_) = info;
    combo->setToolTip(tr("A model of the vehicle library (semitco vehicles list), taken whole: its own mass, "
                         "battery or engine, aerodynamics and price. Parameters below then override it."));
    connect(combo, qOverload<int>(&QComboBox::activated), this, [this, combo, electric](int i) {
      if (!doc_) return;
      const QString ref = combo->itemData(i).toString();
      if (ref.isEmpty()) return;  // the scenario's own file: already in
      const QString refused = doc_->setVehicleModel(electric, ref);
      showMessage(refused.isEmpty() ? QString() : tr("Not applied \xE2\x80\x94 %1").arg(refused));
      if (!refused.isEmpty()) refreshModels();
    });
  }
  return box;
}

void ScenarioEditor::refreshModels() {
  if (!ev_model_ || !doc_) return;
  const auto& s = doc_->scenario();
  for (const bool electric : {true, false}) {
    QComboBox* combo = electric ? ev_model_ : dsl_model_;
    const std::string& ref = electric ? s.electric_ref : s.diesel_ref;
    const std::string stem = std::filesystem::path(ref).stem().string();
    // A library model by its name, or a path to the library's file.
    const std::string lib = core::vehicle_library_dir() + "/" + stem + ".json";
    std::error_code ec;
    const bool in_library =
        !ref.empty() && (ref == stem || std::filesystem::equivalent(lib, std::filesystem::path(s.dir()) / ref, ec));
    int idx = in_library ? combo->findData(QString::fromStdString(stem)) : -1;
    // Not a library model as it stands (its own file, inline, or overridden): say so in the list.
    const auto& overrides = electric ? s.electric_overrides : s.diesel_overrides;
    const QString own = QString::fromStdString(electric ? s.electric.name : s.diesel.name) +
                        (ref.empty() ? tr(" (in the scenario)") : overrides.empty() ? QString() : tr(" (changed)"));
    for (int i = combo->count() - 1; i >= 0; --i) {
      if (combo->itemData(i).toString().isEmpty()) combo->removeItem(i);
    }
    if (idx < 0 || !overrides.empty()) {
      combo->addItem(own, QString());
      idx = combo->count() - 1;
    }
    combo->setCurrentIndex(idx);
    QLabel* info = electric ? ev_model_info_ : dsl_model_info_;
    const auto& meta = electric ? s.electric_meta : s.diesel_meta;
    QString text = meta.maker.empty() ? QString() : QString::fromStdString(meta.maker + " " + meta.model);
    if (!meta.duty.empty()) text += QString::fromStdString(", " + meta.duty);
    if (meta.claimed_range_m) {
      const double r = units::kDistance.to_display(*meta.claimed_range_m, units_);
      text += tr("; claimed range %1 %2").arg(r, 0, 'f', 0).arg(units::kDistance.label(units_));
    }
    info->setText(text);
    info->setVisible(!text.isEmpty());
  }
}

void ScenarioEditor::refreshValues() {
  refreshModels();
  for (const auto& f : scenario_fields()) {
    const QString key = QString::fromUtf8(f.key);
    if (QComboBox* c = combos_.value(key)) {
      if (doc_) {
        c->setCurrentIndex(static_cast<int>(std::lround(f.get(doc_->scenario()))));
        c->setToolTip(field_tooltip(f, doc_->scenario(), units_));
      }
      continue;
    }
    QLineEdit* e = edits_.value(key);
    unit_labels_.value(key)->setText(f.unit.label(units_));
    if (!doc_) {
      e->clear();
      continue;
    }
    // A value that applies only with some choice (measured energy): disabled and blank without it.
    const bool applies = !f.enabled || f.enabled(doc_->scenario());
    e->setEnabled(applies);
    e->setToolTip(field_tooltip(f, doc_->scenario(), units_));
    if (!applies) {
      e->setPlaceholderText(tr("not used"));
      e->clear();
      continue;
    }
    const double shown = f.unit.to_display(f.get(doc_->scenario()), units_);
    // Leave the text being typed alone when it already means the model's value.
    QString err;
    const auto typed = parse_field_text(f, e->text(), units_, &err);
    const bool same = typed && std::abs(f.unit.to_display(*typed, units_) - shown) <= 1e-9 * std::max(1.0, std::abs(shown));
    // Leave a refused text being typed alone too (it is red, with its message).
    if (!(e->hasFocus() && (same || !typed))) e->setText(format_quantity(shown));  // 821.9 kWh, 42,000 lb, 0.9774 $/L
    e->setToolTip(field_tooltip(f, doc_->scenario(), units_));
  }
}

void ScenarioEditor::refreshRoute() {
  if (!route_combo_) return;
  route_warnings_->clear();
  if (!doc_) return;
  const QString path = QFileInfo(QString::fromStdString(doc_->scenario().route_path())).absoluteFilePath();
  int idx = route_combo_->findData(path);
  if (idx < 0) {
    route_combo_->addItem(route_display_name(path) + tr(" (imported)"), path);
    route_combo_->setItemData(route_combo_->count() - 1, path, Qt::ToolTipRole);
    idx = route_combo_->count() - 1;
  }
  route_combo_->setCurrentIndex(idx);
  const auto a = doc_->analysis();
  if (!a) {
    route_info_->setText(tr("Reading %1\xE2\x80\xA6").arg(path));
    return;
  }
  const auto& r = *a->physics->route;
  const auto st = routes::stats(r);
  const bool us = units_ == UnitSystem::US;
  const double L = units::kDistance.to_display(st.length_m, units_);
  route_info_->setText(tr("<b>%1</b> \xE2\x80\x94 %2 %3, climb %4 %5, descent %6 %5, grades %7 % to +%8 %, %9 stops")
                           .arg(route_display_name(path).toHtmlEscaped())
                           .arg(L, 0, 'f', 1)
                           .arg(us ? "mi" : "km")
                           .arg(units::kElevation.to_display(st.climb_m, units_), 0, 'f', 0)
                           .arg(us ? "ft" : "m")
                           .arg(units::kElevation.to_display(st.descent_m, units_), 0, 'f', 0)
                           .arg(st.min_grade_frac * 100, 0, 'f', 1)
                           .arg(st.max_grade_frac * 100, 0, 'f', 1)
                           .arg(st.stop_count));
  route_info_->setToolTip(QString::fromStdString(r.source));
  if (route_plot_->property("shownRoute").value<quintptr>() != reinterpret_cast<quintptr>(a->physics->route.get())) {
    route_plot_->setProperty("shownRoute", QVariant::fromValue(reinterpret_cast<quintptr>(a->physics->route.get())));
    plot_route_profile(route_plot_, r, units_, true);
  }
  for (const auto& w : a->warnings) {
    auto* item = new QListWidgetItem(plain_numbers(QString::fromStdString(w)));
    item->setToolTip(item->text());  // a long warning in full
    route_warnings_->addItem(item);
  }
  route_warnings_->setWordWrap(true);
  if (a->warnings.empty()) route_warnings_->addItem(tr("No warnings."));
}

}  // namespace semitco::ui
