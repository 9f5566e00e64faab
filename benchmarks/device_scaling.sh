#!/usr/bin/env bash
# The `arnews` command's scaling on a many-core machine: --jobs 1, 2, 4, 8, 16 on one JSON
# Lines corpus, printed as Markdown tables (docs/benchmarks/cli.md, "Many cores").
#
# usage: benchmarks/device_scaling.sh DEPS [MB] [REPEAT]
#
#   DEPS    a folder holding arnews's dependencies (regex, attrs) unpacked, as `pip install
#           --target DEPS` or `python -m zipfile -e WHEEL DEPS` leave them; wheel files (*.whl)
#           found there are unpacked first. Nothing is installed and no network is used.
#   MB      size of the corpus (default 128: long enough that --jobs 16 runs for seconds)
#   REPEAT  runs per --jobs value, the best counts (default 2)
#
# Python: $PYTHON, else python3.12, else python3. Run from anywhere; the corpus is written to
# a temporary folder ($TMPDIR) and removed at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deps="$(cd "${1:?usage: $0 DEPS [MB] [REPEAT]}" && pwd)"
mb="${2:-128}"
repeat="${3:-2}"
py="${PYTHON:-}"
if [[ -z "$py" ]]; then
    py="$(command -v python3.12 || command -v python3)"
fi

shopt -s nullglob
wheels=("$deps"/*.whl)
if ((${#wheels[@]})); then
    unpacked="$(mktemp -d)"
    trap 'rm -rf "$unpacked"' EXIT
    for wheel in "${wheels[@]}"; do
        "$py" -m zipfile -e "$wheel" "$unpacked"
    done
    deps="$unpacked:$deps"
fi

export PYTHONPATH="$root/src:$deps${PYTHONPATH:+:$PYTHONPATH}"
cd "$root"
"$py" -c 'import arnews, attrs, regex' || {
    echo "$0: arnews cannot be imported: are regex and attrs in $1?" >&2
    exit 1
}
echo "cores: $(nproc) available, $("$py" -c 'import os; print(os.cpu_count())') in all; $("$py" -V)"
exec "$py" benchmarks/bench_cli.py --cli-only --mb "$mb" --repeat "$repeat" --jobs 1 2 4 8 16
