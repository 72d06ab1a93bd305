"""Every README command that reads `samples/` runs as written (exit 0, no traceback).

Commands run in README order in one scratch folder holding a copy of `samples/`, with
this Python's `bin` first on PATH (as after `source .venv/bin/activate`), so that a
command may read what an earlier one wrote. The README's Python example runs too.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SAMPLES
from models import require_models

spec = importlib.util.spec_from_file_location("readme_commands",
                                              REPO / "scripts/readme_commands.py")
readme_commands = importlib.util.module_from_spec(spec)
spec.loader.exec_module(readme_commands)

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = [c for c in readme_commands.readme_commands(README) if readme_commands.reads_samples(c)]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    require_models()
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(SAMPLES, folder / "samples")
    return folder


def test_the_readme_has_commands_on_the_samples():
    assert len(COMMANDS) >= 5
    assert any(command.startswith("quotex batch samples") for command in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(workdir, command):
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(REPO)}
    done = subprocess.run(["bash", "-c", command], cwd=workdir, env=env, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]


def test_readme_python_example_runs(workdir, monkeypatch, capsys):
    block = re.search(r"^```python\n(.*?)^```", README, re.MULTILINE | re.DOTALL)
    assert block
    monkeypatch.chdir(workdir)
    exec(compile(block.group(1), "README.md", "exec"), {})
    assert "حسین خوش اقبال" in capsys.readouterr().out
