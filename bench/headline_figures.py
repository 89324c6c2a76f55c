#!/usr/bin/env python3
"""The figures issue 18 sets targets for, as medians of repetitions of the Google Benchmark programs.

  batch, VECTO LongHaul (108 km): routes/s on 2 jobs, both trucks simulated and priced   target 1,000
  batch, I-5 Grapevine (79 km, a smooth route from elevation points): routes/s, 2 jobs   target 1,000
  10-hour 1 Hz trace, electric truck: simulated s/s in process                           target 5 M
  10-hour 1 Hz trace, diesel truck: simulated s/s in process                             target 5 M

Each twice: with the forward model and its default integrator (Runge-Kutta, `--integrator rk`), and with
the quasi-static screening model (`--integrator quasi-static`, physics/quasi_static.hpp: the speed taken
from the trace or the driver's target in fixed steps, no driver dynamics, no en-route charge stops), an
explicit option that issue 18 accepts only with its agreement to the forward model tested; its figures
are the screening model's, not the default's. The batch figures of Google Benchmark are wall-clock rates,
so on a machine other processes share they measure the batch's share of the cores; the script also runs
`semitco batch --jobs 2 [--integrator quasi-static]` on both routes as a child process and gives its
routes per CPU second (user + system time of the whole process, start-up included; target 500, twice
that is what two free cores would give) and per wall-clock second (target 1,000). Every figure is printed
with the load average (1 min) when it was taken.
Usage: bench/headline_figures.py [--build build] [--repetitions 3] [--model rk|quasi-static ...]
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
MODELS = {  # --integrator: (benchmark argument rk:N, heading, jobs of a `semitco batch` child run)
    "rk": (1, "Forward model, Runge-Kutta (the default)", 64),
    # The screening model runs a job in about a quarter of the time: more jobs keep the process start-up
    # (0.03-0.04 s of CPU) as small a share of the run as the forward model's 64.
    "quasi-static": (2, "Quasi-static screening model (--integrator quasi-static, an explicit option)", 256),
}
FIGURES = [  # benchmark name ({rk} = the model's argument), counter, label, target
    ("BM_BatchLongHaul/jobs:2/rk:{rk}/real_time", "route_sims_per_s",
     "batch LongHaul (108 km), 2 jobs, in process [routes/s]", 1000.0),
    ("BM_BatchGrapevine/jobs:2/rk:{rk}/real_time", "route_sims_per_s",
     "batch I-5 Grapevine (79 km), 2 jobs, in process [routes/s]", 1000.0),
    ("BM_ElectricTenHourTrace/rk:{rk}/series:0", "sim_s_per_s", "10-hour trace, electric [simulated s/s]", 5e6),
    ("BM_DieselTenHourTrace/rk:{rk}", "sim_s_per_s", "10-hour trace, diesel [simulated s/s]", 5e6),
]
BATCH_ROUTES = [  # label, route file
    ("LongHaul (108 km)", os.path.join(SOURCE, "..", "shared", "data", "cycles", "LongHaul.vdri")),
    ("I-5 Grapevine (79 km)", os.path.join(SOURCE, "resources", "routes", "i5_grapevine.csv")),
]
WIDTH = 64


def load():
    return os.getloadavg()[0]


def batch_rates(semitco, route, integrator, jobs):
    """(routes per CPU second, routes per wall-clock second, load average) of `semitco batch --jobs 2`."""
    scenario = os.path.join(SOURCE, "resources", "scenarios", "default.json")
    with tempfile.TemporaryDirectory(prefix="semitco_headline_") as folder:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([semitco, "batch", route, "--scenario", scenario, "--sweep",
                               f"ambient.temperature_C=20:{20 + 0.001 * (jobs - 1):.3f}:0.001", "--jobs", "2",
                               "--integrator", integrator, "--progress", "off",
                               "--out", os.path.join(folder, "rows.csv")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"semitco batch --integrator {integrator} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return jobs / cpu, jobs / elapsed, load()


def row(label, value, target, load_avg, note=""):
    met = "yes" if value >= target else "no"
    print(f"  {label:<{WIDTH}} {value:>12,.0f} {target:>12,.0f}  {met:<4} {load_avg:>5.1f}{note}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(SOURCE, "build"))
    ap.add_argument("--repetitions", type=int, default=3)
    ap.add_argument("--model", action="append", choices=list(MODELS),
                    help="the figures of this model only (repeatable; default: both)")
    args = ap.parse_args()
    models = list(dict.fromkeys(args.model or list(MODELS)))
    exe = os.path.join(args.build, "bench", "semitco_bench")
    wanted = [f[0].format(rk=MODELS[m][0]) for m in models for f in FIGURES]
    names = "|".join("^" + "/".join(w.split("/")[:3]) + "$|^" + "/".join(w.split("/")[:3]) + "/" for w in wanted)
    start_load = load()
    out = subprocess.run([exe, "--benchmark_filter=" + names, f"--benchmark_repetitions={args.repetitions}",
                          "--benchmark_format=json"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{exe} failed:\n{out.stderr}")
    bench_load = (start_load, load())
    runs = json.loads(out.stdout)["benchmarks"]
    print(f"Issue 18 figures, medians of {args.repetitions} on {os.cpu_count()} CPUs; 'load' is the load average "
          f"(1 min) when the figure was taken (the in-process benchmarks: {bench_load[0]:.1f} before, "
          f"{bench_load[1]:.1f} after)")
    semitco = os.path.join(args.build, "app", "semitco")
    for model in models:
        rk, heading, jobs = MODELS[model]
        print(f"\n{heading}")
        print(f"  {'figure':<{WIDTH}} {'median':>12} {'target':>12}  met  load")
        for name, counter, label, target in FIGURES:
            name = name.format(rk=rk)
            values = [b[counter] for b in runs if b.get("run_type") == "iteration" and b["run_name"] == name]
            if not values:
                print(f"  {label:<{WIDTH}} {'(not run)':>12}")
                continue
            row(label, statistics.median(values), target, bench_load[1])
        for label, route in BATCH_ROUTES:
            rates = [batch_rates(semitco, route, model, jobs) for _ in range(args.repetitions)]
            cpu = statistics.median(r[0] for r in rates)
            wall = statistics.median(r[1] for r in rates)
            load_avg = statistics.median(r[2] for r in rates)
            row(f"semitco batch {label}: per CPU second ({jobs} jobs)", cpu, 500.0, load_avg,
                f"   ({2 * cpu:,.0f} routes/s on 2 free cores)")
            row(f"semitco batch {label}: wall clock ({jobs} jobs)", wall, 1000.0, load_avg)


if __name__ == "__main__":
    main()
