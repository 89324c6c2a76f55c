"""semitco.depot and semitco.fleet give what `semitco depot` and `semitco fleet` print."""
import shutil
import subprocess

import pytest

import semitco


def test_depot_matches_the_cli(source_dir, cli):
    scenario = source_dir / "resources" / "scenarios" / "depot_20_trucks.json"
    d = semitco.depot(scenario)
    cli = subprocess.run([cli, "depot", "--scenario", str(scenario)], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    assert d["text"] in cli.stdout  # the same report, the CLI adding the cost-of-ownership lines after it
    # Managed charging never peaks above unmanaged, and a day's load is 24 h of slots.
    assert d["managed"]["peak_kW"] <= d["unmanaged"]["peak_kW"] + 1e-9
    assert len(d["managed"]["grid_kW"]) * d["slot_s"] == 24 * 3600
    assert max(d["managed"]["grid_kW"]) == d["managed"]["peak_kW"]
    # Its trucks come from the simulated day: the report names the model of those trips.
    assert d["integrator"] == "rk"
    assert "trips simulated with rk (fast)" in d["text"]


def test_depot_names_the_screening_model(source_dir, cli):
    scenario = source_dir / "resources" / "scenarios" / "depot_20_trucks.json"
    d = semitco.depot(scenario, integrator="quasi-static")
    assert d["integrator"] == "quasi-static"
    assert "trips simulated with quasi-static (screening)" in d["text"]
    out = subprocess.run([cli, "depot", "--scenario", str(scenario), "--integrator", "quasi-static"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "trips simulated with quasi-static (screening)" in out.stdout


def test_fleet_of_two_vehicle_days(tmp_path, source_dir, cli):
    cycles = source_dir.parent / "shared" / "data" / "cycles"
    for vehicle in ("t1", "t2"):
        (tmp_path / vehicle).mkdir()
        shutil.copy(cycles / "EPA_Ph2_rural_interstate_65mph.csv", tmp_path / vehicle / "2024-05-01.csv")
    f = semitco.fleet(tmp_path)
    assert [v["name"] for v in f["vehicles"]] == ["t1", "t2"]
    assert f["failed"] == 0
    assert f["vehicles"][0]["miles"] == f["vehicles"][1]["miles"] > 0
    assert f["integrator"] == "rk"  # the trip model of its days, named as the CLI's first line names it
    assert semitco.fleet(tmp_path, integrator="quasi-static")["integrator"] == "quasi-static"
    cli = subprocess.run([cli, "fleet", str(tmp_path)], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    assert f["text"] == cli.stdout


def test_fleet_gap_split_counts_trips(tmp_path):
    # 20 m/s for 100 s (from rest at 1 m/s^2), no row for 100 s, then the same again: 2 trips with gap_split
    rows = ["cycSecs,cycMps,cycGrade"]
    for t0 in (0, 200):
        rows += [f"{t0 + t},{min(t, 20)},0" for t in range(0, 101)]
    (tmp_path / "T1_d1_x.csv").write_text("\n".join(rows) + "\n")
    assert semitco.fleet(tmp_path)["trips"] == 1
    f = semitco.fleet(tmp_path, gap_split=True)
    assert f["trips"] == 2
    assert f["days"][0]["trips"] == 2
    assert "trips split at time gaps" in f["text"]


def test_fleet_journal_goes_with_the_workbook(tmp_path):
    rows = ["cycSecs,cycMps,cycGrade"] + [f"{t},{min(t, 10, 60 - t) * 0.5},0" for t in range(0, 61)]
    (tmp_path / "days").mkdir()
    (tmp_path / "days" / "T1_d1_x.csv").write_text("\n".join(rows) + "\n")
    book = tmp_path / "f.xlsx"
    f = semitco.fleet(tmp_path / "days", xlsx=book)
    assert book.exists() and not (tmp_path / "f.xlsx.partial.jsonl").exists()
    with pytest.raises(Exception, match="no journal"):  # the core's InputError (the CLI's exit code 2)
        semitco.fleet(tmp_path / "days", xlsx=book, resume=True)
    assert f["trips"] == 1
