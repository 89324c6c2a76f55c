// How a plot answers the mouse, the same in every view: the wheel scrolls the page the plot sits in;
// Ctrl+wheel zooms (about the mouse, on the plot's zoom axes); drag pans; a double-click puts back the
// ranges the view chose ("home"). Zooming and panning never leave home's bounds, so a distance axis never
// runs to negative miles and a zoom-out stops at the whole route.
#pragma once

class QCustomPlot;

namespace semitco::ui {

/// Installs the behaviour above (style_plot does this for every plot of the app).
void attach_plot_interaction(QCustomPlot* plot);

/// Puts the plot's home ranges back (what a double-click does); false when it is already there.
bool reset_plot_view(QCustomPlot* plot);

}  // namespace semitco::ui
