"""dem= loads the terrain-model module (libsemitco_dem_gdal.so) from the Python module too: a synthetic
SRTM tile (raw big-endian int16, height = column index, 1200 m per degree of longitude) under a track
along 0.5 N from 0.1 E to 0.5 E rises 0.4 x 1200 = 480 m."""

import pytest

import semitco


def test_load_route_with_a_terrain_model(tmp_path):
    srtm = tmp_path / "srtm"
    srtm.mkdir()
    row = b"".join(c.to_bytes(2, "big") for c in range(1201))
    (srtm / "N00E000.hgt").write_bytes(row * 1201)
    track = tmp_path / "track.csv"
    track.write_text("lat,lon\n" + "".join(f"0.5,{i / 1000}\n" for i in range(100, 501)))
    z = semitco.load_route(track, dem=str(srtm)).columns["elevation_m"]
    assert z.max() - z.min() == pytest.approx(480.0, abs=2.0)
    assert z.min() == pytest.approx(120.0, abs=2.0)  # 0.1 E x 1200 m


def test_a_missing_terrain_model_is_named(tmp_path):
    track = tmp_path / "track.csv"
    track.write_text("lat,lon\n0.5,0.1\n0.5,0.2\n")
    with pytest.raises(Exception, match="nowhere"):
        semitco.load_route(track, dem=str(tmp_path / "nowhere"))
