#!/usr/bin/env python3
"""The figures issue 18 sets targets for, as medians of repetitions of the Google Benchmark programs.

  batch, VECTO LongHaul (108 km): routes/s on 2 jobs, both trucks simulated and priced   target 1,000
  batch, I-5 Grapevine (79 km, a smooth route from elevation points): routes/s, 2 jobs   target 1,000
  10-hour 1 Hz trace, electric truck: simulated s/s in process                           target 5 M
  10-hour 1 Hz trace, diesel truck: simulated s/s in process                             target 5 M

With the default (Runge-Kutta) integrator. The batch figures of Google Benchmark are wall-clock rates, so
on a machine other processes share they measure the batch's share of the cores; the script also runs
`semitco batch --jobs 2` on both routes as a child process and gives its routes per CPU second (user +
system time of the whole process, start-up included) and twice that, what two free cores would give.
Usage: bench/headline_figures.py [--build build] [--repetitions 3]
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIGURES = [  # benchmark name, counter, label, target
    ("BM_BatchLongHaul/jobs:2/rk:1/real_time", "route_sims_per_s", "batch LongHaul (108 km), 2 jobs [routes/s]", 1000.0),
    ("BM_BatchGrapevine/jobs:2/rk:1/real_time", "route_sims_per_s", "batch I-5 Grapevine (79 km), 2 jobs [routes/s]",
     1000.0),
    ("BM_ElectricTenHourTrace/rk:1/series:0", "sim_s_per_s", "10-hour trace, electric [simulated s/s]", 5e6),
    ("BM_DieselTenHourTrace/rk:1", "sim_s_per_s", "10-hour trace, diesel [simulated s/s]", 5e6),
]


BATCH_ROUTES = [  # label, route file
    ("batch LongHaul (108 km), per CPU second", os.path.join(os.path.dirname(HERE), "..", "shared", "data",
                                                             "cycles", "LongHaul.vdri")),
    ("batch I-5 Grapevine (79 km), per CPU second", os.path.join(os.path.dirname(HERE), "resources", "routes",
                                                                 "i5_grapevine.csv")),
]


def batch_cpu_rate(semitco, route, jobs=64):
    """Routes per CPU second of `semitco batch --jobs 2` (both trucks simulated and priced per job)."""
    scenario = os.path.join(os.path.dirname(HERE), "resources", "scenarios", "default.json")
    with tempfile.TemporaryDirectory(prefix="semitco_headline_") as folder:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([semitco, "batch", route, "--scenario", scenario, "--sweep",
                               f"ambient.temperature_C=20:{20 + 0.001 * (jobs - 1):.3f}:0.001", "--jobs", "2",
                               "--progress", "off", "--out", os.path.join(folder, "rows.csv")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"semitco batch failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return jobs / cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(os.path.dirname(HERE), "build"))
    ap.add_argument("--repetitions", type=int, default=3)
    args = ap.parse_args()
    exe = os.path.join(args.build, "bench", "semitco_bench")
    names = "|".join("^" + f[0].split("/")[0] + "/" + "/".join(f[0].split("/")[1:3]) for f in FIGURES)
    out = subprocess.run([exe, "--benchmark_filter=" + names, f"--benchmark_repetitions={args.repetitions}",
                          "--benchmark_format=json"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{exe} failed:\n{out.stderr}")
    runs = json.loads(out.stdout)["benchmarks"]
    print(f"Issue 18 figures, medians of {args.repetitions} (load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs)")
    print(f"{'figure':<50} {'median':>12} {'target':>12}  met")
    for name, counter, label, target in FIGURES:
        values = [b[counter] for b in runs if b.get("run_type") == "iteration" and b["run_name"] == name]
        if not values:
            print(f"{label:<50} {'(not run)':>12}")
            continue
        m = statistics.median(values)
        print(f"{label:<50} {m:>12,.0f} {target:>12,.0f}  {'yes' if m >= target else 'no'}")
    semitco = os.path.join(args.build, "app", "semitco")
    for label, route in BATCH_ROUTES:
        m = statistics.median(batch_cpu_rate(semitco, route) for _ in range(args.repetitions))
        print(f"{label:<50} {m:>12,.0f} {500:>12,.0f}  {'yes' if m >= 500 else 'no'}"
              f"   ({2 * m:,.0f} routes/s on 2 free cores)")


if __name__ == "__main__":
    main()
