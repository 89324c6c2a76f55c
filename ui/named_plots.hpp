// A result view's plots, each with a file-name stem (for export and the report).
#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QCustomPlot;

namespace semitco::ui {

using NamedPlots = QList<QPair<QString, QCustomPlot*>>;

}  // namespace semitco::ui
