// File-dialog filters of the main window (scenarios, routes).
#pragma once

#include <QObject>
#include <QString>

namespace semitco::ui {

inline QString scenario_file_filter() { return QObject::tr("semitco scenarios (*.json);;All files (*)"); }
inline QString route_file_filter() {
  return QObject::tr("Routes (*.gpx *.csv *.vdri);;GPX tracks (*.gpx);;Route CSV or drive cycle (*.csv);;"
                     "VECTO mission profile (*.vdri);;All files (*)");
}

}  // namespace semitco::ui
