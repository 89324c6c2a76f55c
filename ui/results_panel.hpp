// The right-hand side: verdict strip above tabs of result views (along the route, energy, costs,
// uncertainty, months of weather, compare, battery size, depot).
#pragma once

#include <QTabWidget>
#include <QWidget>
#include <functional>
#include <vector>

#include "ui/battery_size_view.hpp"
#include "ui/charging_cost_view.hpp"
#include "ui/month_view.hpp"
#include "ui/depot_view.hpp"
#include "ui/result_views.hpp"
#include "ui/route_views.hpp"

namespace semitco::ui {

class ResultsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ResultsPanel(QWidget* parent = nullptr);
  /// Shows a document's analysis (null clears nothing; the old figures stay until the new ones come).
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] VerdictStrip* verdict() const { return verdict_; }
  [[nodiscard]] CompareView* compare() const { return compare_; }
  [[nodiscard]] BatterySizeView* batterySize() const { return battery_size_; }
  [[nodiscard]] QTabWidget* tabs() const { return tabs_; }
  /// Every plot with a file-name stem, for export.
  [[nodiscard]] NamedPlots plots() const;

  /// Adds a result view as a tab: it is shown every analysis when it has setAnalysis(a, units), and its
  /// plots are exported when it has plots(). One line registers a new view.
  template <class View>
  View* addView(View* view, const QString& title) {
    tabs_->addTab(view, title);
    if constexpr (requires(View* v, const std::shared_ptr<const Analysis>& a, UnitSystem u) { v->setAnalysis(a, u); }) {
      show_.push_back([view](const std::shared_ptr<const Analysis>& a, UnitSystem u) { view->setAnalysis(a, u); });
    }
    if constexpr (requires(const View* v) { { v->plots() } -> std::convertible_to<NamedPlots>; }) {
      plots_.push_back([view] { return view->plots(); });
    }
    return view;
  }

 signals:
  void repainted();  ///< the views show the last analysis passed in

 private:
  std::vector<std::function<void(const std::shared_ptr<const Analysis>&, UnitSystem)>> show_;
  std::vector<std::function<NamedPlots()>> plots_;
  VerdictStrip* verdict_;
  QTabWidget* tabs_;
  CompareView* compare_;
  BatterySizeView* battery_size_;
};

}  // namespace semitco::ui
