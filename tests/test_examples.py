"""Every script in ``examples/`` runs, from the repository root, with no arguments.

New examples are picked up by the glob: an example that needs an optional dependency it
cannot find must say so and exit 0 itself (the scripts are documentation, and documentation
that crashes is worse than none).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
TIMEOUT = 120


def test_examples_exist() -> None:
    names = {path.name for path in EXAMPLES}
    assert {"parse_one.py", "extend_lexicon.py", "learn_tag_lexicon.py"} <= names


@pytest.mark.parametrize("script", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_example_runs(script: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1"}
    try:
        done = subprocess.run(
            [sys.executable, str(script.relative_to(ROOT))],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{script.name} did not finish within {TIMEOUT} s")
    assert done.returncode == 0, (
        f"{script.name} exited with {done.returncode}\n"
        f"--- stdout (end) ---\n{done.stdout[-3000:]}\n"
        f"--- stderr (end) ---\n{done.stderr[-3000:]}"
    )
