// The Help menu's windows: a glossary of the words the app uses (NPV, LCFS, DEF, brake fade, ...) and the
// About box (version, what the program does, where its figures come from).
#pragma once

#include <QString>
#include <utility>
#include <vector>

class QWidget;

namespace semitco::ui {

/// The glossary: term and its meaning in a sentence or two, in the order shown.
const std::vector<std::pair<QString, QString>>& glossary();
/// Shows the glossary (modeless; one window).
void show_glossary(QWidget* parent);
/// Shows the About box.
void show_about(QWidget* parent);

}  // namespace semitco::ui
