"""A scenario compared from Python gives the figures `semitco compare` prints, to the last printed digit.

The CLI's text is parsed; Python's values are formatted with the CLI's own formats
(app/core/comparison_report.cpp) and must read the same. Nothing is copied from a run of the program."""

import json
import math
import re
import subprocess

import pytest

import semitco

KG_PER_LB = 0.45359237
M_PER_MI = 1609.344
L_PER_GAL = 3.785411784


def money(usd):
    """comparison_report.cpp money(): cents rounded half away from zero, thousands separated."""
    cents = math.floor(abs(usd) * 100.0 + 0.5)
    return f"{'-' if usd < 0 else ''}${cents // 100:,}.{cents % 100:02d}"


def duration(s):
    total = math.floor(s + 0.5)
    return f"{total // 3600}:{(total // 60) % 60:02d}:{total % 60:02d}"


def run_cli(cli, *args, cwd):
    done = subprocess.run([cli, *args], capture_output=True, text=True, cwd=cwd, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def trip_rows(text):
    """label -> (electric cell, diesel cell) of the trip table: a label padded to 32 characters, then two
    cells right-aligned in 18 each."""
    rows = {}
    for line in text.splitlines():
        if len(line) >= 2 + 32 + 36 and line.startswith("  "):
            rows[line[2:-36].strip()] = (line[-36:-18].strip(), line[-18:].strip())
        if line.startswith("the day:"):
            break
    return rows


def cost_rows(text):
    """line key -> the four cost cells ($/mi EV, diesel, $/ton-mi EV, diesel)."""
    rows = {}
    for m in re.finditer(r"^  (\w+) +(-?\d+\.\d{4}) +(-?\d+\.\d{4}) +(-?\d+\.\d{5}) +(-?\d+\.\d{5})$", text, re.M):
        rows[m.group(1)] = m.groups()[1:]
    return rows


@pytest.fixture(scope="module")
def both(cli, default_scenario, tmp_path_factory):
    text = run_cli(cli, "compare", "--scenario", str(default_scenario), cwd=tmp_path_factory.mktemp("cwd"))
    return text, semitco.compare(semitco.load_scenario(default_scenario))


def test_trip_table_matches(both):
    text, c = both
    rows = trip_rows(text)
    e, d = c.electric, c.diesel
    expected = {
        "distance": (f"{e.trip.summary['distance_m'] / M_PER_MI:.1f} mi", f"{d.trip.summary['distance_m'] / M_PER_MI:.1f} mi"),
        "payload": (f"{e.payload_kg / KG_PER_LB:.0f} lb", f"{d.payload_kg / KG_PER_LB:.0f} lb"),
        "gross weight": (f"{(e.tare_kg + e.payload_kg) / KG_PER_LB:.0f} lb",
                         f"{(d.tare_kg + d.payload_kg) / KG_PER_LB:.0f} lb"),
        "energy (kWh/mi)": (f"{e.energy_kWh_per_mi:.3f}", f"{d.energy_kWh_per_mi:.3f}"),
        "mpg (electric: per diesel gal eq.)": (f"{e.mpg:.2f}", f"{d.mpg:.2f}"),
        "battery used / fuel burned": (f"{e.trip.ledger['source_net_J'] / 3.6e6:.1f} kWh",
                                       f"{d.tco_trip['fuel_L'] / L_PER_GAL:.1f} gal"),
        "trip time": (duration(e.trip.summary["duration_s"]), duration(d.trip.summary["duration_s"])),
        "friction-brake heat": (f"{e.trip.ledger['friction_brake_J'] / 3.6e6:.1f} kWh",
                                f"{d.trip.ledger['friction_brake_J'] / 3.6e6:.1f} kWh"),
        "regen recovered / engine brake": (f"{e.trip.ledger['source_in_J'] / 3.6e6:.1f} kWh",
                                           f"{d.trip.ledger['engine_brake_J'] / 3.6e6:.1f} kWh"),
        "CO2 (electric: grid)": (f"{e.co2_kg:.0f} kg", f"{d.co2_kg:.0f} kg"),
        "lowest state of charge": (f"{e.trip.summary['min_soc'] * 100:.1f} %", "-"),
    }
    for label, cells in expected.items():
        assert rows.get(label) == cells, label


def test_cost_table_matches(both):
    text, c = both
    rows = cost_rows(text)
    assert rows, "no cost table in the CLI output:\n" + text
    ce, cd = c.cost.electric, c.cost.diesel
    shown = 0
    for key, a in ce.lines.items():
        b = cd.lines[key]
        if a["npv_usd"] == 0.0 and b["npv_usd"] == 0.0:
            assert key not in rows
            continue
        shown += 1
        assert rows[key] == (f"{a['usd_per_mi']:.4f}", f"{b['usd_per_mi']:.4f}", f"{a['usd_per_ton_mi']:.5f}",
                             f"{b['usd_per_ton_mi']:.5f}"), key
    assert shown == len(rows) - 1  # and TOTAL
    assert rows["TOTAL"] == (f"{ce.usd_per_mi:.4f}", f"{cd.usd_per_mi:.4f}", f"{ce.usd_per_ton_mi:.5f}",
                             f"{cd.usd_per_ton_mi:.5f}")
    npv = re.search(r"NPV of cost of ownership +(\S+) +(\S+)", text)
    assert npv.groups() == (money(ce.npv_usd), money(cd.npv_usd))


def test_verdict_matches(both):
    text, c = both
    t = c.cost
    who = "electric" if t.savings_usd_per_mi > 0 else "diesel"
    verdict = (f"verdict: the {who} truck is cheaper by ${abs(t.savings_usd_per_mi):.3f} per mile "
               f"({money(abs(t.savings_usd_per_yr))} per year, ${abs(t.savings_usd_per_ton_mi):.4f} per ton-mile)")
    assert verdict in text.splitlines()
    notes = [line[len("  note: "):] for line in text.splitlines() if line.startswith("  note: ")]
    assert notes == c.warnings
    price = re.search(r"break-even diesel price +\$(-?\d+\.\d\d)/gal", text)
    assert price.group(1) == f"{t.break_even_diesel_price_usd_per_gal:.2f}"


def test_batch_rows_match_the_cli(cli, source_dir, tmp_path):
    """semitco batch and semitco.batch write the same rows for the same jobs."""
    route = str(source_dir / "resources" / "routes" / "i5_grapevine.csv")
    sweep = "diesel_price_usd_per_gal=3.5,4.5"
    out = tmp_path / "cli.jsonl"
    run_cli(cli, "batch", route, "--sweep", sweep, "--out", str(out), "--progress", "off", "--jobs", "2", cwd=tmp_path)
    cli_rows = [json.loads(line) for line in out.read_text().splitlines()]
    result = semitco.batch(route, sweeps=[sweep], jobs=2)
    assert result.failed == 0 and result.total == 2
    assert result.rows == cli_rows
