"""Where the bundled resources are found: $SEMITCO_RESOURCES_DIR first, for the CLI and the module alike.
(The installed tree, share/semitco beside the programs, is tested on the unpacked .deb:
tests/package/test_deb.sh.)"""

import os
import shutil
import subprocess
import sys

import semitco


def marked_copy(source_dir, tmp_path):
    copy = tmp_path / "resources"
    shutil.copytree(source_dir / "resources", copy)
    default = copy / "scenarios" / "default.json"
    default.write_text(default.read_text().replace('"name": "', '"name": "relocated: ', 1))
    return copy


def test_the_cli_reads_the_default_scenario_from_the_override(cli, source_dir, tmp_path):
    copy = marked_copy(source_dir, tmp_path)
    env = dict(os.environ, SEMITCO_RESOURCES_DIR=str(copy))
    done = subprocess.run([cli, "compare"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("relocated: ")


def test_the_module_reads_it_too(source_dir, tmp_path):
    copy = marked_copy(source_dir, tmp_path)
    env = dict(os.environ, SEMITCO_RESOURCES_DIR=str(copy))
    code = "import semitco; print(semitco.resources_dir()); print(semitco.load_scenario().name)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    original = semitco.load_scenario(source_dir / "resources" / "scenarios" / "default.json").name
    assert done.stdout.splitlines() == [str(copy), "relocated: " + original]
