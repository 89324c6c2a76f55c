// Vincenty inverse geodesic on WGS84 and a local tangent-plane projection (see geodesy.hpp).
// Source: T. Vincenty, Survey Review 23(176):88-93, 1975, equations (3)-(6), (10)-(13), (17)-(20).
#include "routes/geodesy.hpp"

#include <cmath>
#include <numbers>

namespace semitco::routes {
namespace {
constexpr double kDeg = std::numbers::pi / 180.0;
}

GeodesicResult geodesic_inverse(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
  const double a = kWgs84A;
  const double f = kWgs84F;
  const double b = a * (1.0 - f);
  GeodesicResult r;
  if (lat1_deg == lat2_deg && lon1_deg == lon2_deg) return r;

  const double L = std::remainder((lon2_deg - lon1_deg), 360.0) * kDeg;
  const double U1 = std::atan((1.0 - f) * std::tan(lat1_deg * kDeg));
  const double U2 = std::atan((1.0 - f) * std::tan(lat2_deg * kDeg));
  const double sinU1 = std::sin(U1), cosU1 = std::cos(U1);
  const double sinU2 = std::sin(U2), cosU2 = std::cos(U2);

  double lambda = L;
  double sinSigma = 0.0, cosSigma = 0.0, sigma = 0.0, cos2Alpha = 0.0, cos2SigmaM = 0.0;
  double sinLambda = 0.0, cosLambda = 0.0;
  bool converged = false;
  for (int iter = 0; iter < 200; ++iter) {
    sinLambda = std::sin(lambda);
    cosLambda = std::cos(lambda);
    const double t1 = cosU2 * sinLambda;
    const double t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
    sinSigma = std::sqrt(t1 * t1 + t2 * t2);
    if (sinSigma == 0.0) return r;  // coincident points
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    sigma = std::atan2(sinSigma, cosSigma);
    const double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
    cos2Alpha = 1.0 - sinAlpha * sinAlpha;
    cos2SigmaM = cos2Alpha != 0.0 ? cosSigma - 2.0 * sinU1 * sinU2 / cos2Alpha : 0.0;  // equatorial line
    const double C = f / 16.0 * cos2Alpha * (4.0 + f * (4.0 - 3.0 * cos2Alpha));
    const double previous = lambda;
    lambda = L + (1.0 - C) * f * sinAlpha *
                     (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1.0 + 2.0 * cos2SigmaM * cos2SigmaM)));
    if (std::fabs(lambda - previous) < 1e-12) {
      converged = true;
      break;
    }
    if (std::fabs(lambda) > std::numbers::pi) break;  // nearly antipodal: no convergence
  }
  const double u2 = cos2Alpha * (a * a - b * b) / (b * b);
  const double A = 1.0 + u2 / 16384.0 * (4096.0 + u2 * (-768.0 + u2 * (320.0 - 175.0 * u2)));
  const double B = u2 / 1024.0 * (256.0 + u2 * (-128.0 + u2 * (74.0 - 47.0 * u2)));
  const double dSigma =
      B * sinSigma *
      (cos2SigmaM + B / 4.0 *
                        (cosSigma * (-1.0 + 2.0 * cos2SigmaM * cos2SigmaM) -
                         B / 6.0 * cos2SigmaM * (-3.0 + 4.0 * sinSigma * sinSigma) *
                             (-3.0 + 4.0 * cos2SigmaM * cos2SigmaM)));
  r.distance_m = b * A * (sigma - dSigma);
  r.azimuth1_deg = std::atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda) / kDeg;
  r.azimuth2_deg = std::atan2(cosU1 * sinLambda, -sinU1 * cosU2 + cosU1 * sinU2 * cosLambda) / kDeg;
  r.converged = converged && std::isfinite(r.distance_m);
  return r;
}

LocalXY local_xy(double lat0_deg, double lon0_deg, double lat_deg, double lon_deg) {
  const double e2 = kWgs84F * (2.0 - kWgs84F);
  const double s = std::sin(lat0_deg * kDeg);
  const double w = std::sqrt(1.0 - e2 * s * s);
  const double n_radius = kWgs84A / w;                  // prime vertical radius of curvature
  const double m_radius = kWgs84A * (1.0 - e2) / (w * w * w);  // meridional radius of curvature
  LocalXY p;
  p.east_m = std::remainder(lon_deg - lon0_deg, 360.0) * kDeg * n_radius * std::cos(lat0_deg * kDeg);
  p.north_m = (lat_deg - lat0_deg) * kDeg * m_radius;
  return p;
}

}  // namespace semitco::routes
