// See view_page.hpp.
#include "ui/view_page.hpp"

#include <QVBoxLayout>

namespace semitco::ui {

QScrollArea* set_scrolling_page(QWidget* view, QWidget* page) {
  auto* scroll = new QScrollArea;
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setWidget(page);
  auto* outer = new QVBoxLayout(view);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(scroll);
  return scroll;
}

}  // namespace semitco::ui
