// Shared look of every QCustomPlot in the app (fonts, colours, legend, interactions) and the hover
// tooltips that show the values under the mouse with their units.
#pragma once

#include <QColor>
#include <QString>
#include <functional>

class QCustomPlot;
class QCPGraph;

namespace semitco::ui {

namespace colors {
// Okabe-Ito palette (colour-blind safe).
inline const QColor kElectric{0, 114, 178};
inline const QColor kDiesel{213, 94, 0};
inline const QColor kTarget{120, 120, 120};
inline const QColor kGood{0, 158, 115};
inline const QColor kBad{204, 51, 17};
inline const QColor kNeutral{86, 86, 86};
/// Colours for categories (stacked bars).
QColor category(int i);
}  // namespace colors

/// Fonts, grid, legend, zoom/pan (Ctrl+wheel zooms, drag pans, both on the key axis by default; the wheel
/// scrolls the page; double-click resets: plot_interaction.hpp).
void style_plot(QCustomPlot* plot, const QString& title);
/// Moves the legend out of the plot to a row below it, `columns` entries a row: it never covers a curve.
void legend_below(QCustomPlot* plot, int columns);
/// Axis label with unit in brackets, "Distance [mi]".
QString axis_label(const QString& what, const QString& unit);
/// Marks a graph's unit and y-value format for hover text.
void set_graph_unit(QCPGraph* graph, const QString& unit, int decimals = 1);

/// Hover text for a position in plot coordinates (key, value); empty hides the tooltip.
using HoverText = std::function<QString(double key, double value)>;
void attach_hover(QCustomPlot* plot, HoverText text);
/// Hover for line plots: the key with its unit (the plot's "keyUnit" property), then every named
/// graph's value at that key.
void attach_graph_hover(QCustomPlot* plot, const QString& key_label);

}  // namespace semitco::ui
