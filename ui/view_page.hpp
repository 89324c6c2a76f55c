// A result view whose page is taller than the window at 1280x720: the page in a vertical scroll area that
// fills the view (it fits the width and never scrolls sideways; the wheel scrolls it, plot_interaction.hpp).
#pragma once

#include <QScrollArea>
#include <QWidget>

namespace semitco::ui {

/// Puts page into a frameless, width-fitting vertical scroll area that fills view's whole layout.
QScrollArea* set_scrolling_page(QWidget* view, QWidget* page);

}  // namespace semitco::ui
