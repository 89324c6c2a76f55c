"""The charging-cost options reach Python through the one scenario loader, and the delivered $/kWh by
part comes back with the costs (docs/tco.md, "Delivered electricity")."""

import pytest

import semitco


def test_delivered_electricity_parts_add_up_and_follow_the_options(source_dir):
    path = source_dir / "resources" / "scenarios" / "verdicts" / "nacfe_run_on_less_measured.json"
    base = semitco.compare(path)
    d = base.cost.electric.delivered_electricity
    parts = ["energy", "demand", "fixed", "capital"]
    assert d["delivered_total_usd_per_kWh"] == pytest.approx(sum(d[f"delivered_{p}_usd_per_kWh"] for p in parts))
    assert d["depot_peak_grid_kW"] > 0
    # A longer charger life spreads the same capital thinner; managed charging costs no more.
    longer = semitco.tco(semitco.scenario_with(path, {"economics.charging.charger_life_yr": 20}), trips=base)
    assert longer.cost.electric.delivered_electricity["delivered_capital_usd_per_kWh"] < d["delivered_capital_usd_per_kWh"]
    managed = semitco.tco(semitco.scenario_with(path, {"economics.charging.depot_charging": "managed"}), trips=base)
    m = managed.cost.electric.delivered_electricity
    assert m["delivered_energy_usd_per_kWh"] + m["delivered_demand_usd_per_kWh"] <= (
        d["delivered_energy_usd_per_kWh"] + d["delivered_demand_usd_per_kWh"]) + 1e-12
    with pytest.raises(Exception, match="charging.depot_charging"):
        semitco.scenario_with(path, {"economics.charging.depot_charging": "sometimes"})
