// RouteInput: how route files are read beyond their format (the command line's --strict and --dem, the
// app's terrain model setting). read_route_file (comparison.hpp) turns it into routes::ReadOptions.
#pragma once

#include <string>

namespace semitco::core {

struct RouteInput {
  bool strict = false;          ///< refuse every repair of a telematics quirk (routes::ReadOptions::strict)
  std::string dem_path;         ///< terrain model file or directory for tracks with lat/lon; "" = none
  bool dem_check_only = false;  ///< keep the GPS elevation, only report its difference from the model
  bool gaps_as_stops = false;   ///< a gap in a speed trace is a halt, not a linear interpolation
  bool gaps_split = false;      ///< a gap in a speed trace ends a trip and starts the next (read_route_trips_file);
                                ///< excludes gaps_as_stops
};

}  // namespace semitco::core
