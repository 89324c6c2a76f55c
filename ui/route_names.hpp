// Route names for people: the bundled and imported routes by what their file says they are
// ("I-80 eastbound, Sacramento → Donner Summit → Truckee → Reno"), not by their file stem.
#pragma once

#include <QString>

namespace semitco::ui {

/// A short name: a CSV's first comment line (up to " (" or ":"), a GPX's first <name>; else the file
/// stem with "_" as spaces. Read once per path and remembered.
QString route_display_name(const QString& path);

}  // namespace semitco::ui
