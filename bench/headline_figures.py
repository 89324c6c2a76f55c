#!/usr/bin/env python3
"""The figures issue 18 sets targets for, as medians of repetitions of the Google Benchmark programs.

  batch, VECTO LongHaul (108 km): routes/s on 2 jobs, both trucks simulated and priced   target 1,000
  batch, I-5 Grapevine (79 km, a smooth route from elevation points): routes/s, 2 jobs   target 1,000
  10-hour 1 Hz trace, electric truck: simulated s/s in process                           target 5 M
  10-hour 1 Hz trace, diesel truck: simulated s/s in process                             target 5 M

With the default (Runge-Kutta) integrator. Usage: bench/headline_figures.py [--build build] [--repetitions 3]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIGURES = [  # benchmark name, counter, label, target
    ("BM_BatchLongHaul/jobs:2/rk:1/real_time", "route_sims_per_s", "batch LongHaul (108 km), 2 jobs [routes/s]", 1000.0),
    ("BM_BatchGrapevine/jobs:2/rk:1/real_time", "route_sims_per_s", "batch I-5 Grapevine (79 km), 2 jobs [routes/s]",
     1000.0),
    ("BM_ElectricTenHourTrace/rk:1/series:0", "sim_s_per_s", "10-hour trace, electric [simulated s/s]", 5e6),
    ("BM_DieselTenHourTrace/rk:1", "sim_s_per_s", "10-hour trace, diesel [simulated s/s]", 5e6),
]


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


if __name__ == "__main__":
    main()
