// Geodesy on the WGS84 ellipsoid (a = 6378137 m, f = 1/298.257223563).
//
// geodesic_inverse(): Vincenty's inverse formula (T. Vincenty, "Direct and inverse solutions of geodesics
// on the ellipsoid with application of nested equations", Survey Review 23(176), 1975). Error below
// 0.5 mm for any pair it converges on; it fails to converge only for nearly antipodal points, which is
// reported (converged == false) rather than guessed.
// local_xy(): east/north metres of a point relative to a reference point on the tangent plane
// (equirectangular with the ellipsoid's radii of curvature), for curvature over a few hundred metres.
#pragma once

namespace semitco::routes {

struct GeodesicResult {
  double distance_m = 0.0;
  double azimuth1_deg = 0.0;  ///< forward azimuth at point 1, clockwise from north
  double azimuth2_deg = 0.0;  ///< forward azimuth at point 2
  bool converged = true;
};

[[nodiscard]] GeodesicResult geodesic_inverse(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg);

struct LocalXY {
  double east_m = 0.0;
  double north_m = 0.0;
};

[[nodiscard]] LocalXY local_xy(double lat0_deg, double lon0_deg, double lat_deg, double lon_deg);

inline constexpr double kWgs84A = 6378137.0;
inline constexpr double kWgs84F = 1.0 / 298.257223563;

}  // namespace semitco::routes
