"""Shared fixtures of the pytest suite: the built CLI and the source tree, from the environment CTest sets
(python/CMakeLists.txt); PYTHONPATH points at the built module."""

import os
import pathlib

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "timing: measures wall time on the cores (CTest runs it alone)")


@pytest.fixture(scope="session")
def source_dir():
    return pathlib.Path(os.environ.get("SEMITCO_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("SEMITCO_CLI")
    if not path or not os.path.exists(path):
        pytest.skip("SEMITCO_CLI (the built semitco program) is not set; run through ctest")
    return path


@pytest.fixture(scope="session")
def default_scenario(source_dir):
    return source_dir / "resources" / "scenarios" / "default.json"
