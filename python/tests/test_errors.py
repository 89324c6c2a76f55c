"""Bad inputs raise semitco.InputError naming the file and the key, with the message the CLI prints."""

import json
import subprocess

import pytest

import semitco


def bad_scenario(default_scenario, tmp_path):
    """The default scenario with a typo in a key and its references made absolute."""
    d = json.loads(default_scenario.read_text())
    base = default_scenario.parent
    for key in ("route", "electric_vehicle", "diesel_vehicle"):
        d[key] = str((base / d[key]).resolve())
    d["ambient"]["temperature_degC"] = d["ambient"].pop("temperature_C")
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(d))
    return path


def test_bad_scenario_file_names_file_and_key(default_scenario, tmp_path):
    path = bad_scenario(default_scenario, tmp_path)
    with pytest.raises(semitco.InputError) as e:
        semitco.load_scenario(path)
    assert str(path) in str(e.value)
    assert "ambient.temperature_degC" in str(e.value)


def test_message_equals_the_cli(cli, default_scenario, tmp_path):
    path = bad_scenario(default_scenario, tmp_path)
    done = subprocess.run([cli, "compare", "--scenario", str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    with pytest.raises(semitco.InputError) as e:
        semitco.compare(path)
    assert done.stderr == f"semitco: {e.value}\n"


def test_bad_dict_is_checked_like_a_file(default_scenario):
    d = semitco.load_scenario(default_scenario).to_dict()
    d["economics"]["prices"]["diesel_price_usd_per_gal"] = -1.0
    with pytest.raises(semitco.InputError) as e:
        semitco.load_scenario(d, name=str(default_scenario))
    assert str(default_scenario) in str(e.value) and "diesel_price_usd_per_gal" in str(e.value)
    assert isinstance(e.value, ValueError)


def test_bad_route_columns_name_the_column():
    with pytest.raises(semitco.InputError) as e:
        semitco.load_route({"distance_yd": [0, 100], "elevation_m": [0, 1]}, name="made.csv")
    assert "made.csv" in str(e.value) and "distance_yd" in str(e.value)


def test_vehicle_of_unknown_type():
    d = {"name": "fuel cell tractor", "type": "hydrogen"}
    with pytest.raises(semitco.InputError, match=r'^mine\.json: type = "hydrogen"'):
        semitco.load_vehicle(d, name="mine.json")


def test_batch_usage_error():
    with pytest.raises(semitco.BatchUsageError):
        semitco.batch([], sweeps=["no_such_key=1,2"])
