"""The module's objects: dicts go through the file loaders, results carry NumPy arrays and dicts, a price
change priced on existing trips equals a full run."""

import json

import numpy as np
import pytest

import semitco


@pytest.fixture(scope="module")
def route_file(source_dir):
    return source_dir / "resources" / "routes" / "i80_donner.csv"


def test_scenario_from_dict_equals_file(default_scenario):
    from_file = semitco.load_scenario(default_scenario)
    from_dict = semitco.load_scenario(json.loads(default_scenario.read_text()), name=str(default_scenario))
    assert from_dict.to_text() == from_file.to_text()
    assert semitco.load_scenario(from_file.to_dict(), name=from_file.file).to_text() == from_file.to_text()


def test_route_from_columns_equals_file(route_file):
    r = semitco.load_route(route_file)
    cols = r.columns
    again = semitco.load_route({"distance_m": cols["distance_m"], "elevation_m": cols["elevation_m"],
                                "speed_limit_mps": cols["speed_limit_mps"]}, name="copy.csv")
    assert again.length_m == pytest.approx(r.length_m, rel=1e-12)
    # the reader smooths the elevations it is given once more: the road moves by a few metres at most
    assert len(again.columns["elevation_m"]) == len(cols["elevation_m"])
    assert np.allclose(again.columns["elevation_m"], cols["elevation_m"], atol=5.0)


def test_trip_series_are_arrays_and_the_ledger_closes(route_file, source_dir):
    trip = semitco.simulate(route_file, source_dir / "resources" / "vehicles" / "diesel_tractor.json", series=True)
    assert trip.summary["completed"]
    t = trip.series["time_s"]
    assert isinstance(t, np.ndarray) and t.dtype == np.float64 and len(t) > 100
    assert all(len(v) == len(t) for v in trip.series.values())
    assert np.all(np.diff(t) > 0)
    assert trip.series["distance_m"][-1] == pytest.approx(trip.summary["distance_m"], rel=1e-6)
    L = trip.ledger
    assert abs(L["supplied_J"] - L["sinks_J"]) <= 1e-3 * L["source_out_J"]
    assert semitco.simulate(route_file, source_dir / "resources" / "vehicles" / "diesel_tractor.json").series is None


def test_quasi_static_screening_is_named_and_agrees_with_rk(default_scenario):
    """integrator="quasi-static" reaches the core and every trip names it; its electric energy per mile is
    within 1 % of the default (Runge-Kutta) run's, the agreement physics/quasi_static.hpp states."""
    rk = semitco.compare(default_scenario)
    qs = semitco.compare(default_scenario, integrator="quasi-static")
    assert rk.electric.trip.solver["integrator"] == "rk"
    for truck in (qs.electric, qs.diesel):
        assert truck.trip.solver["integrator"] == "quasi-static"
        assert truck.trip.summary["completed"]
    assert qs.electric.energy_kWh_per_mi == pytest.approx(rk.electric.energy_kWh_per_mi, rel=0.01)
    assert qs.electric.energy_kWh_per_mi != rk.electric.energy_kWh_per_mi  # a different model ran
    with pytest.raises(ValueError, match="quasi"):  # the refusal lists the choices
        semitco.compare(default_scenario, integrator="quasistatic")


def test_repricing_equals_a_full_run(default_scenario):
    base = semitco.compare(default_scenario)
    dearer = semitco.scenario_with(default_scenario, {"economics.prices.diesel_price_usd_per_gal": 5.25})
    quick = semitco.tco(dearer, trips=base)
    full = semitco.tco(dearer)
    assert quick.cost.diesel.usd_per_mi == full.cost.diesel.usd_per_mi
    assert quick.cost.diesel.usd_per_mi > base.cost.diesel.usd_per_mi
    assert quick.cost.electric.usd_per_mi == base.cost.electric.usd_per_mi
    assert quick.warnings == full.warnings and quick.warnings  # the trip's note is kept
    # the yearly ledger is a dict of arrays over years 0..N that sums to the NPV
    led = full.cost.diesel.ledger
    assert led["year"][0] == 0
    assert float(np.sum(led["discounted_total_usd"])) == pytest.approx(full.cost.diesel.npv_usd, rel=1e-9)


def test_to_pandas_when_pandas_is_installed(default_scenario):
    pd = pytest.importorskip("pandas", reason="python3-pandas is optional")
    c = semitco.compare(default_scenario, series=True)
    frame = c.electric.trip.to_pandas()
    assert isinstance(frame, pd.DataFrame) and "speed_mps" in frame.columns
    assert c.to_pandas().loc["diesel_fuel", "diesel_usd_per_mi"] == c.cost.diesel.lines["diesel_fuel"]["usd_per_mi"]


def test_peer_case_conventions_and_ledger_file(source_dir, tmp_path):
    # The bundled NREL T3CO case (docs/tco.md, "Peer cases") loads through the same scenario loader: its
    # conventions, lists by year and measured energy reach Python; T3CO's published discounted costs
    # (NREL/T3CO t3co/tests/test_tcos.py) within 1 %.
    peer = source_dir / "resources" / "scenarios" / "peers" / "t3co_2020_class8_long_haul.json"
    r = semitco.tco(peer)
    assert r.cost.diesel.npv_usd == pytest.approx(569899.8836666911, rel=0.01)
    assert r.cost.electric.npv_usd == pytest.approx(1254634.9894996588, rel=0.01)
    assert "2.764 kWh/mi" in r.cost.electric.energy_basis
    assert r.cost.electric.quantities["mpg_gasoline_equivalent"] == pytest.approx(33.705 / 2.763981785, rel=1e-6)
    out = tmp_path / "ledger.json"
    r.write_ledger(out)
    import json

    j = json.loads(out.read_text())
    assert j["diesel"]["npv_usd"] == pytest.approx(r.cost.diesel.npv_usd, abs=0.005)
