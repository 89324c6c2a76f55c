// Diesel vehicle files (resources/vehicles/*.json with "type": "diesel") -> physics::DieselTruckParams.
// Keys carry units (see json_params.hpp); every value may carry its source. Tables are arrays whose
// units are named in the key: "full_load_rpm_Nm": [[rpm, N*m], ...]; a table may also be written as
// {"value": [[...]], "source": "..."}. The fuel map is either {"method": "willans", ...constants...} or a
// table {"speed_rpm": [...], "torque_Nm": [...], "fuel_g_per_h": [[...per torque...] per speed]}.
#pragma once

#include <map>
#include <string>

#include "app/core/json_params.hpp"
#include "physics/diesel_params.hpp"

namespace semitco::core {

struct VehicleMetadata;

/// A diesel truck (and, when asked, the file's optional "metadata" section; see vehicle_file.hpp).
physics::DieselTruckParams read_diesel_truck(JsonParams& root, VehicleMetadata* meta = nullptr);
physics::DieselTruckParams load_diesel_truck(const std::string& path,
                                             std::map<std::string, std::string>* sources = nullptr,
                                             VehicleMetadata* meta = nullptr);

}  // namespace semitco::core
