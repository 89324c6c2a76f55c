// The numbers a fleet buyer edits in the scenario editor: one table of every editable field with its
// group, label, display unit, valid range (from tco::parameters() for economics, from the physics
// parameter comments for chassis/ambient/driver), whether a change needs the trucks re-simulated, and
// how to read and write it on a core::Scenario. Values are stored as the model stores them.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <span>
#include <vector>

#include "app/core/scenario.hpp"
#include "ui/units.hpp"

namespace semitco::ui {

enum class FieldGroup { Route, Trucks, Operations, Economics };

/// What a change of the field invalidates: only the costs, or the simulated trips too.
enum class FieldEffect { Costs, Physics };

struct FieldSpec {
  const char* key;      ///< key path in the scenario file ("economics.prices.diesel_price_usd_per_gal")
  const char* label;    ///< form label
  FieldGroup group;
  const char* section;  ///< box inside the group ("Prices", "Electric truck", ...)
  UnitSpec unit;
  FieldEffect effect;
  double (*get)(const core::Scenario&);
  void (*set)(core::Scenario&, double);
  double min_value;     ///< stored units
  bool min_exclusive;
  double max_value;
  bool integer;
  const char* help;     ///< what it means (the source is appended from Scenario::sources)
  /// A choice instead of a number: the options' labels separated by '|'; the value is the option's index
  /// (0 .. n-1) and the editor shows a drop-down list.
  const char* choices = nullptr;
  /// When set, the field applies only where it returns true (the editor disables it otherwise), e.g. a
  /// measured energy value only with a measured energy basis.
  bool (*enabled)(const core::Scenario&) = nullptr;

  [[nodiscard]] bool in_range(double stored) const;
  /// "must be >= 0 $/gal" in display units.
  [[nodiscard]] QString range_text(UnitSystem u) const;
};

std::span<const FieldSpec> scenario_fields();
/// The cost conventions (economics.conventions) and each truck's energy used for costs
/// (economics.energy_basis / energy_value), appended to scenario_fields() (cost_convention_fields.cpp).
void append_cost_convention_fields(std::vector<FieldSpec>& fields);
/// The labels of a choice field's options (empty for a number).
QStringList field_choices(const FieldSpec& f);
const FieldSpec* find_field(std::string_view key);

/// Parses what the user typed in display units. On failure returns nullopt and sets *error to a
/// message naming the field, the text and the allowed range.
std::optional<double> parse_field_text(const FieldSpec& f, const QString& text, UnitSystem u, QString* error);

/// The tooltip: what the value is, its unit, range and where its default comes from.
QString field_tooltip(const FieldSpec& f, const core::Scenario& s, UnitSystem u);

}  // namespace semitco::ui
