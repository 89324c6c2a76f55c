#!/usr/bin/env python3
"""A fleet's routes at diesel prices from $3.00 to $5.50 a gallon: what each truck costs per mile.

Notebook style: run it whole (python3 docs/examples/fleet_diesel_price.py), or paste the cells into
Jupyter one by one. Needs the semitco module (PYTHONPATH=build/python, or the Debian package);
matplotlib, when installed, draws the figure into fleet_diesel_price.png.
"""

# %% The fleet: every route bundled with semitco, and the default scenario's trucks and economics.
import pathlib

import semitco

resources = pathlib.Path(semitco.resources_dir())
routes = sorted((resources / "routes").glob("*.csv"))
scenario = semitco.load_scenario(semitco.default_scenario_path())
print(f"{len(routes)} routes, trucks: {scenario.electric_vehicle} vs {scenario.diesel_vehicle}")

# %% Simulate each route once. The trips do not depend on the diesel price, so the sweep below only
# prices them again (tco(..., trips=...)), which takes milliseconds.
lanes = {}
for path in routes:
    lane = semitco.compare(scenario, route=path)
    if lane.cost is None:
        print(f"{path.stem}: no cost comparison ({lane.warnings[-1] if lane.warnings else 'infeasible'})")
        continue
    lanes[path.stem] = lane
    print(f"{path.stem}: {lane.electric.trip.summary['distance_m'] / 1609.344:.0f} mi, "
          f"break-even diesel price ${lane.cost.break_even_diesel_price_usd_per_gal:.2f}/gal")

# %% Sweep the diesel price: $/mi of both trucks on every lane.
prices = [3.00 + 0.25 * i for i in range(11)]
usd_per_mi = {name: {"electric": [], "diesel": []} for name in lanes}
for price in prices:
    at_price = semitco.scenario_with(scenario, {"economics.prices.diesel_price_usd_per_gal": price})
    for name, lane in lanes.items():
        cost = semitco.tco(at_price, trips=lane).cost
        usd_per_mi[name]["electric"].append(cost.electric.usd_per_mi)
        usd_per_mi[name]["diesel"].append(cost.diesel.usd_per_mi)

print()
print("diesel $/gal " + "".join(f"{name:>28}" for name in lanes))
print("             " + "".join(f"{'EV $/mi':>14}{'diesel $/mi':>14}" for _ in lanes))
for i, price in enumerate(prices):
    cells = "".join(f"{usd_per_mi[n]['electric'][i]:>14.3f}{usd_per_mi[n]['diesel'][i]:>14.3f}" for n in lanes)
    print(f"{price:>12.2f} {cells}")

# The electric truck's cost does not move with the diesel price; the diesel's rises with it.
for name in lanes:
    assert len(set(usd_per_mi[name]["electric"])) == 1, name
    assert all(a < b for a, b in zip(usd_per_mi[name]["diesel"], usd_per_mi[name]["diesel"][1:])), name

# %% Plot, when matplotlib is installed.
try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("\n(matplotlib is not installed: no figure; Debian: apt install python3-matplotlib)")
else:
    fig, ax = plt.subplots(figsize=(8, 5))
    for name in lanes:
        line, = ax.plot(prices, usd_per_mi[name]["diesel"], label=f"{name} diesel")
        ax.plot(prices, usd_per_mi[name]["electric"], "--", color=line.get_color(), label=f"{name} electric")
    ax.set_xlabel("diesel price [$/gal]")
    ax.set_ylabel("cost of ownership [$/mi]")
    ax.legend(fontsize="small")
    ax.grid(True, alpha=0.3)
    fig.savefig("fleet_diesel_price.png", dpi=120, bbox_inches="tight")
    print("\nfigure: fleet_diesel_price.png")
