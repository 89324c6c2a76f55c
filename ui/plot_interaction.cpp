// Wheel, Ctrl+wheel, double-click and bounded zoom for plots; see plot_interaction.hpp.
//
// Home ranges: whatever the view's code sets. A range change made while the mouse is at work (inside the
// event filter below) is a user's; any other is the view's and becomes the new home, taken at the next
// user gesture. The user's ranges are clamped to home: never wider, never beyond either end.
#include "ui/plot_interaction.hpp"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <qcustomplot.h>

namespace semitco::ui {

namespace {

// Inside a user's gesture on any plot (linked axes move other plots' ranges too: those are the user's).
int g_user_gesture = 0;

struct AxisHome {
  QCPAxis* axis;
  QCPRange range;
};

class PlotInteraction : public QObject {
 public:
  explicit PlotInteraction(QCustomPlot* plot) : QObject(plot), plot_(plot) {
    plot->installEventFilter(this);
    for (QCPAxis* ax : plot->axisRect()->axes()) watch(ax);
  }

  bool reset() {
    if (!home_valid_) return false;
    bool changed = false;
    restoring_ = true;
    for (const auto& h : home_) {
      if (h.axis->range() != h.range) {
        h.axis->setRange(h.range);
        changed = true;
      }
    }
    restoring_ = false;
    home_valid_ = true;  // restoring home keeps it
    if (changed) plot_->replot(QCustomPlot::rpQueuedReplot);
    return changed;
  }

 protected:
  bool eventFilter(QObject* obj, QEvent* e) override {
    if (obj != plot_ || forwarding_) return false;
    switch (e->type()) {
      case QEvent::Wheel: {
        auto* we = static_cast<QWheelEvent*>(e);
        if (!(we->modifiers() & Qt::ControlModifier)) {
          // Scroll the page: hand the wheel to the nearest scroll area above the plot (none: nothing moves).
          for (QWidget* p = plot_->parentWidget(); p; p = p->parentWidget()) {
            if (auto* area = qobject_cast<QAbstractScrollArea*>(p)) {
              if (area->verticalScrollBar()) QApplication::sendEvent(area->verticalScrollBar(), we);
              break;
            }
          }
          return true;
        }
        return byUser(e);
      }
      case QEvent::MouseButtonPress:
      case QEvent::MouseMove:
      case QEvent::MouseButtonRelease:
        return byUser(e);
      case QEvent::MouseButtonDblClick:
        if (static_cast<QMouseEvent*>(e)->button() == Qt::LeftButton) {
          reset();
          return true;
        }
        return false;
      default:
        return false;
    }
  }

 private:
  void watch(QCPAxis* ax) {
    connect(ax, qOverload<const QCPRange&, const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this, ax](const QCPRange& r, const QCPRange& old) {
              if (restoring_) return;
              if (g_user_gesture == 0) {
                home_valid_ = false;  // the view set it: the new home, taken at the next gesture
                return;
              }
              if (!home_valid_) takeHome(ax, old);  // moved through a linked axis before any gesture here
              clamp(ax, r);
            });
  }

  void takeHome(QCPAxis* moved = nullptr, const QCPRange& before = {}) {
    home_.clear();
    for (QCPAxis* ax : plot_->axisRect()->axes()) home_.push_back({ax, ax == moved ? before : ax->range()});
    home_valid_ = true;
  }

  void clamp(QCPAxis* ax, const QCPRange& r) {
    for (const auto& h : home_) {
      if (h.axis != ax) continue;
      QCPRange c = r;
      if (c.size() >= h.range.size()) {
        c = h.range;
      } else if (c.lower < h.range.lower) {
        c = QCPRange(h.range.lower, h.range.lower + r.size());
      } else if (c.upper > h.range.upper) {
        c = QCPRange(h.range.upper - r.size(), h.range.upper);
      }
      if (c != r) {
        restoring_ = true;
        ax->setRange(c);
        restoring_ = false;
      }
    }
  }

  // Lets the plot handle a gesture with range changes marked as the user's.
  bool byUser(QEvent* e) {
    if (!home_valid_) takeHome();
    ++g_user_gesture;
    forwarding_ = true;
    QApplication::sendEvent(plot_, e);
    forwarding_ = false;
    --g_user_gesture;
    return true;
  }

  QCustomPlot* plot_;
  std::vector<AxisHome> home_;
  bool home_valid_ = false;
  bool restoring_ = false;
  bool forwarding_ = false;
};

}  // namespace

void attach_plot_interaction(QCustomPlot* plot) {
  if (plot->findChild<QObject*>("plotInteraction", Qt::FindDirectChildrenOnly)) return;
  auto* pi = new PlotInteraction(plot);
  pi->setObjectName("plotInteraction");
}

bool reset_plot_view(QCustomPlot* plot) {
  auto* pi = plot->findChild<QObject*>("plotInteraction", Qt::FindDirectChildrenOnly);
  return pi ? static_cast<PlotInteraction*>(pi)->reset() : false;
}

}  // namespace semitco::ui
