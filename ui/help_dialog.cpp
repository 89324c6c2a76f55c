// Glossary and About; see help_dialog.hpp.
#include "ui/help_dialog.hpp"

#include <QDialog>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPointer>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace semitco::ui {

const std::vector<std::pair<QString, QString>>& glossary() {
  static const std::vector<std::pair<QString, QString>> terms = {
      {QObject::tr("Cost per mile (per km)"),
       QObject::tr("Everything the truck costs over its ownership (price, taxes, financing, energy, maintenance, "
                   "insurance, driver, ...) less its resale value, spread evenly over the miles it drives.")},
      {QObject::tr("Cost per ton-mile (per tonne-km)"),
       QObject::tr("The cost per mile divided by the freight carried: what moving one short ton of freight one mile "
                   "costs. A heavier battery leaves less payload, so an electric truck can cost less per mile yet "
                   "more per ton-mile.")},
      {QObject::tr("NPV (net present value)"),
       QObject::tr("The sum of all the years' costs, each discounted to today at the discount rate, so a dollar "
                   "paid in year 8 counts less than one paid today. \"EV savings, NPV\" is the diesel's NPV minus "
                   "the electric truck's.")},
      {QObject::tr("Break-even year"),
       QObject::tr("The first year from which the electric truck's cumulative discounted cost stays at or below "
                   "the diesel's to the end of ownership.")},
      {QObject::tr("Break-even diesel price"),
       QObject::tr("The diesel price at which both trucks would cost the same per mile, all else unchanged.")},
      {QObject::tr("Demand charge"),
       QObject::tr("A utility's monthly charge per kW of the highest power drawn, here the depot charger's power "
                   "shared by the trucks that use it. It is paid whether the truck drives a little or a lot.")},
      {QObject::tr("En-route (public) charging"),
       QObject::tr("Charging on the way at a high-power public charger, when the pack cannot do the day on depot "
                   "charging alone. Its energy is bought at the public price and its stop time is paid driver "
                   "time unless it falls inside a mandatory break.")},
      {QObject::tr("DEF (diesel exhaust fluid)"),
       QObject::tr("Urea solution a modern diesel injects into its exhaust to cut NOx, about 2.5 % of the diesel "
                   "burned; bought separately.")},
      {QObject::tr("FET (federal excise tax)"),
       QObject::tr("The 12 % US federal retail excise tax on new heavy trucks and tractors (26 USC 4051).")},
      {QObject::tr("HVUT"),
       QObject::tr("Heavy vehicle use tax (IRS form 2290), an annual federal tax by taxable gross weight.")},
      {QObject::tr("LCFS credit"),
       QObject::tr("Low Carbon Fuel Standard (California, Oregon, Washington): a fleet charging an electric "
                   "truck earns credits for the carbon it avoids, and sells them; an income, shown as a negative "
                   "cost.")},
      {QObject::tr("Residual (resale) value"),
       QObject::tr("What the truck sells for at the end of ownership; returned, so a negative cost.")},
      {QObject::tr("Brake fade, brake margin"),
       QObject::tr("Friction brakes lose grip when hot. The fade limit is the temperature past which a descent is "
                   "unsafe; the brake margin is how far below it the hottest moment of the trip stays. A trip past "
                   "the limit is flagged unsafe and not costed.")},
      {QObject::tr("Regenerative braking (regen)"),
       QObject::tr("The electric motor slowing the truck and charging the pack; energy a diesel turns into brake "
                   "heat.")},
      {QObject::tr("State of charge (SOC)"),
       QObject::tr("How full the pack is, as a share of its usable energy.")},
      {QObject::tr("Hours of service (HOS)"),
       QObject::tr("US federal limits on a driver's day: at most 11 h driving within 14 h on duty, a 30-minute "
                   "break after 8 h driving. A plan that needs more is infeasible for one driver.")},
      {QObject::tr("Payload, gross weight limit"),
       QObject::tr("Freight per run. The truck and its load may weigh at most the gross limit (80,000 lb in the "
                   "US, plus up to 2,000 lb for an electric truck), so a heavier tractor carries less.")},
      {QObject::tr("Tornado (sensitivity)"),
       QObject::tr("Each bar moves one input 20 % down and up with all others fixed and shows how the EV savings "
                   "change; the longest bars are the inputs worth checking first. \"(simulated)\" marks figures "
                   "the simulation gives (energy per run), not prices.")},
      {QObject::tr("Monte Carlo, P10 / P50 / P90"),
       QObject::tr("Thousands of draws with the uncertain inputs varied at once over their ranges. P50 is the "
                   "median savings; 10 % of draws fall below P10 and 10 % above P90.")},
      {QObject::tr("kWh/mi, mpg, diesel-gallon equivalent"),
       QObject::tr("Energy per distance. An electric truck's mpg-equivalent counts 37.66 kWh as one gallon of "
                   "diesel (its heating value).")},
  };
  return terms;
}

void show_glossary(QWidget* parent) {
  static QPointer<QDialog> dialog;
  if (!dialog) {
    dialog = new QDialog(parent);
    dialog->setObjectName("glossaryDialog");
    dialog->setWindowTitle(QObject::tr("Glossary \xE2\x80\x94 semitco"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* lay = new QVBoxLayout(dialog);
    auto* text = new QTextBrowser;
    QString html = QStringLiteral("<h3>%1</h3><dl>").arg(QObject::tr("Words the app uses"));
    for (const auto& [term, meaning] : glossary()) {
      html += QStringLiteral("<dt><b>%1</b></dt><dd>%2<br></dd>").arg(term.toHtmlEscaped(), meaning.toHtmlEscaped());
    }
    text->setHtml(html + "</dl>");
    lay->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    lay->addWidget(buttons);
    dialog->resize(620, 560);
  }
  dialog->show();
  dialog->raise();
}

void show_about(QWidget* parent) {
  QMessageBox::about(
      parent, QObject::tr("About semitco"),
      QObject::tr("<h3>semitco %1</h3>"
                  "<p>What an electric Class 8 semi costs per mile and per ton-mile against a diesel tractor, on "
                  "your own routes and operation: both trucks are simulated along the route (energy, brakes, "
                  "charging), then every cost of ownership is added up year by year.</p>"
                  "<p>Public figures are named with their sources in each field's tooltip and in the docs "
                  "(docs/tco.md, docs/physics.md). Your inputs stay in your scenario files.</p>"
                  "<p>Built with Qt %2 and QCustomPlot.</p>")
          .arg(QStringLiteral(SEMITCO_VERSION), QString::fromLatin1(qVersion())));
}

}  // namespace semitco::ui
