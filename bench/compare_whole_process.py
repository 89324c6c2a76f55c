#!/usr/bin/env python3
"""Whole-process timings on a 10-hour 1 Hz trace, pair by pair (issue 18).

Writes the trace the in-process benchmarks use (bench/long_trace.cpp: the shared FASTSim/T3CO cycles
C8_LineHaul_Lammert, EPA_Ph2_rural_interstate_65mph, EPA_Ph2_transient, HHDDTCruiseSmooth and
EPA_Ph2_urban_highway_55mph, repeated, joined by 0.5 m/s^2 ramps, to 36,000 s) as a cycle CSV, then times
whole processes on it:

  bare      build/bench/whole_process/semitco_roadload_loop: reads the trace, road-load arithmetic only
  sumo      Eclipse SUMO's emissionsDrivingCycle (a backward energy calculation), when it is installed
  simulate  semitco simulate, the bundled electric truck (with a 2,000 Ah pack, so it drives the whole
            trace) and the bundled diesel tractor
  compare   semitco compare: both trucks simulated and priced, the default scenario (the electric truck
            stops to charge on the way)
  compare, 2,000 Ah  the same with the 2,000 Ah electric truck, which needs no charge stop: the only compare
            the quasi-static screening model runs here (it plans no charge stops and refuses such a trip),
            so it is timed for every integrator when quasi-static is one of them

semitco's commands are timed with each --integrator given (repeat it: --integrator rk --integrator
quasi-static), their rows named by it. Each run times every command once, one after the other, so the
commands of a run share the machine's load; the ratio of a run is its command's wall time over the
reference's in the same run, and the script prints the median over the runs. Usage:

  bench/compare_whole_process.py [--build build] [--runs 5] [--integrator rk|cvode|quasi-static ...]
"""
import argparse
import csv
import re
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
CYCLES = ["C8_LineHaul_Lammert.csv", "EPA_Ph2_rural_interstate_65mph.csv", "EPA_Ph2_transient.csv",
          "HHDDTCruiseSmooth.csv", "EPA_Ph2_urban_highway_55mph.csv"]


def read_cycle(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    return [(float(r["cycSecs"]), float(r["cycMps"]), float(r.get("cycGrade") or 0.0)) for r in rows]


def long_trace(cycles_dir, duration_s):
    """The samples (t, v, grade) of bench/long_trace.cpp's trace (grade per sample, as the cycles give it)."""
    cycles = [read_cycle(os.path.join(cycles_dir, name)) for name in CYCLES]
    out = []
    t0 = 0.0
    k = 0
    while t0 < duration_s:
        c = cycles[k % len(cycles)]
        k += 1
        for i, (t, v, grade) in enumerate(c):
            if i == 0 and out:
                v_end = out[-1][1]
                ramp = max(1.0, math.ceil(abs(v - v_end) / 0.5))
                for r in range(1, int(ramp) + 1):
                    t0 += 1.0
                    out.append((t0, v_end + (v - v_end) * r / ramp, 0.0))
                continue
            t0 = t0 if i == 0 else t0 + t - c[i - 1][0]
            out.append((t0, v, grade))
    return out


def write_traces(samples, folder):
    cycle = os.path.join(folder, "ten_hour_trace.csv")
    with open(cycle, "w", newline="") as f:
        f.write("cycSecs,cycMps,cycGrade,cycRoadType\n")
        for t, v, g in samples:
            f.write(f"{t:.3f},{v:.6f},{g:.6f},0\n")
    sumo = os.path.join(folder, "ten_hour_trace.sumo.csv")
    with open(sumo, "w") as f:  # SUMO's timeline: time;velocity [m/s];acceleration;slope [deg]
        for i, (t, v, g) in enumerate(samples):
            a = 0.0 if i + 1 >= len(samples) else (samples[i + 1][1] - v) / max(samples[i + 1][0] - t, 1e-9)
            f.write(f"{t:.3f};{v:.6f};{a:.6f};{math.degrees(math.atan(g)):.6f}\n")
    return cycle, sumo


class Failed(Exception):
    pass


def wall(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or [  # else what the report says ended the trip
            line for line in done.stdout.splitlines() if re.search(r"reached|empty|refused|error", line)]
        raise Failed(f"exit {done.returncode}: {lines[0].strip() if lines else '(no message)'}")
    return elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(SOURCE, "build"), help="build folder (default: build)")
    ap.add_argument("--cycles", default=os.path.join(SOURCE, "..", "shared", "data", "cycles"),
                    help="the shared public cycles (default: ../shared/data/cycles)")
    ap.add_argument("--runs", type=int, default=5, help="runs of every command (default 5)")
    ap.add_argument("--integrator", action="append", choices=["rk", "cvode", "quasi-static"],
                    help="semitco's integrator; repeat it to time several side by side (default rk)")
    ap.add_argument("--hours", type=float, default=10.0, help="length of the trace (default 10 h)")
    args = ap.parse_args()
    integrators = list(dict.fromkeys(args.integrator or ["rk"]))

    semitco = os.path.join(args.build, "app", "semitco")
    bare = os.path.join(args.build, "bench", "whole_process", "semitco_roadload_loop")
    for exe in (semitco, bare):
        if not os.access(exe, os.X_OK):
            sys.exit(f"{exe}: not built (cmake --build {args.build} --target semitco semitco_roadload_loop)")
    vehicles = os.path.join(SOURCE, "resources", "vehicles")
    folder = tempfile.mkdtemp(prefix="semitco_whole_process_")
    try:
        samples = long_trace(args.cycles, args.hours * 3600.0)
        trace, sumo_trace = write_traces(samples, folder)
        # The bundled electric truck with twice its pack (2,000 Ah): the trace is 600+ miles, and `simulate`
        # ends a trip whose battery runs empty, which would time a shorter trip than the others.
        with open(os.path.join(vehicles, "electric_semi.json")) as f:
            ev, n = re.subn(r'("capacity_Ah":\s*\{"value":\s*)1000\b', r"\g<1>2000", f.read())
        if n != 1:
            sys.exit("electric_semi.json: no battery capacity_Ah of 1000 to double")
        ev_file = os.path.join(folder, "electric_semi_2000Ah.json")
        with open(ev_file, "w") as f:
            f.write(ev)
        cmds = {"bare": [bare, trace]}
        for integrator in integrators:
            integ = ["--integrator", integrator]
            tag = f" [{integrator}]" if len(integrators) > 1 else ""
            cmds["simulate electric" + tag] = [semitco, "simulate", "--route", trace, "--vehicle", ev_file] + integ
            cmds["simulate diesel" + tag] = [semitco, "simulate", "--route", trace, "--vehicle",
                                             os.path.join(vehicles, "diesel_tractor.json")] + integ
            if integrator != "quasi-static":  # the default scenario's electric truck stops to charge
                cmds["compare" + tag] = [semitco, "compare", "--route", trace] + integ
            if "quasi-static" in integrators:
                cmds["compare, 2,000 Ah" + tag] = [semitco, "compare", "--route", trace, "--ev", ev_file] + integ
        sumo = shutil.which("emissionsDrivingCycle")
        if sumo:
            cmds["sumo"] = [sumo, "-t", sumo_trace, "-e", "HBEFA3/HDV", "-o", os.path.join(folder, "sumo.out")]
        refs = ["bare"] + (["sumo"] if sumo else [])
        times = {name: [] for name in cmds}
        failed = {}
        for name, cmd in cmds.items():  # warm the page cache and check every command once
            try:
                wall(cmd)
            except Failed as e:  # reported in its row, not timed; the script then exits non-zero
                failed[name] = f"{e} ({' '.join(cmd)})"
        for _ in range(args.runs):
            for name, cmd in cmds.items():
                if name not in failed:
                    times[name].append(wall(cmd))

        print(f"10-hour trace: {len(samples):,} samples, {samples[-1][0]:,.0f} s; {args.runs} runs, "
              f"semitco --integrator {', '.join(integrators)}; {os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.1f}")
        if not sumo:
            print("sumo: emissionsDrivingCycle not installed (Debian package sumo), not compared")
        print(f"{'command':<34} {'median wall [s]':>16}" + "".join(f" {'x ' + r:>10}" for r in refs))
        for name in cmds:
            if name in failed:
                print(f"{name:<34} FAILED, {failed[name]}")
                continue
            line = f"{name:<34} {statistics.median(times[name]):>16.3f}"
            for r in refs:
                ratios = [a / b for a, b in zip(times[name], times[r])]
                line += f" {statistics.median(ratios):>10.2f}"
            print(line)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if failed:
        sys.exit(f"{len(failed)} command(s) failed")


if __name__ == "__main__":
    main()
