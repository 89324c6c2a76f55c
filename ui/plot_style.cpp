// Plot look and hover tooltips; see plot_style.hpp.
#include "ui/plot_style.hpp"

#include <QToolTip>
#include <qcustomplot.h>

#include "ui/plot_interaction.hpp"
#include "ui/units.hpp"

namespace semitco::ui {

QColor colors::category(int i) {
  static const QColor palette[] = {
      {0, 114, 178},  {230, 159, 0},  {86, 180, 233}, {0, 158, 115},  {240, 228, 66},
      {213, 94, 0},   {204, 121, 167}, {100, 100, 100}, {160, 200, 120}, {150, 80, 160}};
  return palette[static_cast<unsigned>(i) % (sizeof palette / sizeof palette[0])];
}

void style_plot(QCustomPlot* plot, const QString& title) {
  QFont base = plot->font();
  base.setPointSizeF(9.5);
  QFont label = base;
  label.setPointSizeF(10);
  QFont title_font = base;
  title_font.setPointSizeF(11.5);
  title_font.setBold(true);

  plot->setAntialiasedElements(QCP::aeAll);
  plot->setNoAntialiasingOnDrag(true);
  plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectPlottables | QCP::iSelectLegend);
  plot->axisRect()->setRangeDrag(Qt::Horizontal);
  plot->axisRect()->setRangeZoom(Qt::Horizontal);
  for (QCPAxis* ax : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
    ax->setTickLabelFont(base);
    ax->setLabelFont(label);
    ax->grid()->setPen(QPen(QColor(220, 220, 220), 0, Qt::SolidLine));
    ax->grid()->setSubGridVisible(false);
    ax->setBasePen(QPen(QColor(120, 120, 120)));
    ax->setTickPen(QPen(QColor(120, 120, 120)));
    ax->setSubTickPen(QPen(QColor(160, 160, 160)));
  }
  plot->legend->setVisible(true);
  plot->legend->setFont(base);
  plot->legend->setBrush(QBrush(QColor(255, 255, 255, 215)));
  plot->legend->setBorderPen(QPen(QColor(200, 200, 200)));
  plot->legend->setRowSpacing(0);
  plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

  if (!title.isEmpty()) {
    QCPTextElement* t = nullptr;
    if (plot->plotLayout()->rowCount() == 1) {
      plot->plotLayout()->insertRow(0);
    } else {
      t = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
    }
    if (!t) {
      t = new QCPTextElement(plot, title, title_font);
      plot->plotLayout()->addElement(0, 0, t);
    } else {
      t->setText(title);
    }
    t->setMargins(QMargins(0, 6, 0, 0));
  }
  plot->setBackground(Qt::white);
  plot->setMinimumHeight(200);
  attach_plot_interaction(plot);  // wheel scrolls the page, Ctrl+wheel zooms, double-click resets
}

void legend_below(QCustomPlot* plot, int columns) {
  QCPLayoutGrid* grid = plot->plotLayout();
  if (plot->legend->layout() == grid) return;
  const int row = grid->rowCount();
  grid->addElement(row, 0, plot->legend);  // takes it out of the axis rect's inset layout
  plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
  plot->legend->setWrap(columns);
  plot->legend->setBorderPen(Qt::NoPen);
  plot->legend->setBrush(Qt::NoBrush);
  plot->legend->setMargins(QMargins(4, 0, 4, 2));
  grid->setRowStretchFactor(row, 0.001);
}

QString axis_label(const QString& what, const QString& unit) {
  return unit.isEmpty() ? what : QStringLiteral("%1 [%2]").arg(what, unit);
}

void set_graph_unit(QCPGraph* graph, const QString& unit, int decimals) {
  graph->setProperty("unit", unit);
  graph->setProperty("decimals", decimals);
}

void attach_hover(QCustomPlot* plot, HoverText text) {
  plot->setMouseTracking(true);
  QObject::connect(plot, &QCustomPlot::mouseMove, plot, [plot, text](QMouseEvent* ev) {
    QCPAxisRect* rect = plot->axisRect();
    if (!rect->rect().contains(ev->pos())) {
      QToolTip::hideText();
      return;
    }
    const double key = plot->xAxis->pixelToCoord(ev->pos().x());
    const double value = plot->yAxis->pixelToCoord(ev->pos().y());
    const QString t = text(key, value);
    if (t.isEmpty()) {
      QToolTip::hideText();
    } else {
      QToolTip::showText(ev->globalPosition().toPoint(), t, plot);
    }
  });
}

void attach_graph_hover(QCustomPlot* plot, const QString& key_label) {
  attach_hover(plot, [plot, key_label](double key, double) {
    const QString key_unit = plot->property("keyUnit").toString();
    QString t = QStringLiteral("<b>%1: %2 %3</b>").arg(key_label, QString::number(key, 'f', 1), key_unit);
    int shown = 0;
    for (int i = 0; i < plot->graphCount(); ++i) {
      QCPGraph* g = plot->graph(i);
      if (!g->visible() || g->data()->isEmpty() || g->name().isEmpty()) continue;
      auto it = g->data()->findBegin(key, false);
      if (it == g->data()->constEnd()) continue;
      const int decimals = g->property("decimals").isValid() ? g->property("decimals").toInt() : 1;
      t += QStringLiteral("<br><span style='color:%1'>&#9632;</span> %2: %3 %4")
               .arg(g->pen().color().name(), g->name().toHtmlEscaped(), QString::number(it->value, 'f', decimals),
                    g->property("unit").toString());
      ++shown;
    }
    return shown ? t : QString();
  });
}

}  // namespace semitco::ui
