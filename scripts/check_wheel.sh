#!/usr/bin/env bash
# Build arnews's sdist and wheel, install the wheel into a fresh virtual environment and check
# that the installed package works on its own: import, version, the `arnews` command, a parse.
#
# Usage (from anywhere):
#     scripts/check_wheel.sh
# Environment:
#     PYTHON                 interpreter used to build and to create the venv (default: the
#                            active virtual environment's, else the repository's .venv, else
#                            python3); it needs the `build` package (the `dev` extra has it)
#     ARNEWS_NO_ISOLATION=1  build without an isolated build environment (offline machines;
#                            needs hatchling installed in $PYTHON's environment)
#     KEEP=1                 keep the temporary directory and print where it is
#
# Exits non-zero at the first failed step and says which one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -n "${VIRTUAL_ENV:-}" && -x "$VIRTUAL_ENV/bin/python" ]]; then
        PYTHON="$VIRTUAL_ENV/bin/python"
    elif [[ -x "$ROOT/.venv/bin/python" ]]; then
        PYTHON="$ROOT/.venv/bin/python"
    else
        PYTHON=python3
    fi
fi
"$PYTHON" -c "import build" 2>/dev/null \
    || { echo "FAILED: $PYTHON cannot import 'build' (pip install build)" >&2; exit 1; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/arnews-wheel.XXXXXX")"
if [[ "${KEEP:-0}" == 1 ]]; then
    trap 'echo "kept $WORK"' EXIT
else
    trap 'rm -rf "$WORK"' EXIT
fi

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
started=$SECONDS

echo "python: $PYTHON ($("$PYTHON" -c 'import sys; print(sys.version.split()[0])'))"

step "build the sdist and the wheel (from the sdist) into $WORK/dist"
build_args=(--outdir "$WORK/dist")
[[ "${ARNEWS_NO_ISOLATION:-0}" == 1 ]] && build_args+=(--no-isolation)
"$PYTHON" -m build "${build_args[@]}" "$ROOT" >"$WORK/build.log" 2>&1 \
    || { tail -n 30 "$WORK/build.log"; fail "python -m build"; }
shopt -s nullglob
wheels=("$WORK"/dist/arnews-*.whl)
sdists=("$WORK"/dist/arnews-*.tar.gz)
[[ ${#wheels[@]} == 1 && ${#sdists[@]} == 1 ]] || fail "expected one wheel and one sdist in $WORK/dist"
WHEEL="${wheels[0]}"
SDIST="${sdists[0]}"
echo "wheel: $(basename "$WHEEL") ($(du -k "$WHEEL" | cut -f1) KB)"
echo "sdist: $(basename "$SDIST") ($(du -k "$SDIST" | cut -f1) KB)"

step "check what the archives hold"
"$PYTHON" - "$WHEEL" "$SDIST" <<'PY' || fail "archive contents"
import sys
import tarfile
import zipfile

wheel, sdist = sys.argv[1], sys.argv[2]
in_wheel = set(zipfile.ZipFile(wheel).namelist())
need = [
    "arnews/__init__.py",
    "arnews/py.typed",
    "arnews/data/lexicon.json",
    "arnews/data/dates.json",
    "arnews/detectors/__init__.py",
    "arnews/examples/book-fair.txt",
    "arnews/examples/league.txt",
    "arnews/examples/weather.txt",
]
missing = [n for n in need if n not in in_wheel]
if not any(n.startswith("arnews/data/gazetteer/") and n.endswith(".txt") for n in in_wheel):
    missing.append("arnews/data/gazetteer/*.txt")
stray = sorted(n for n in in_wheel if n.startswith(("tests/", "docs/", "examples/", "benchmarks/")))
if not any(n.endswith(".dist-info/licenses/LICENSE") or n.endswith("/LICENSE") for n in in_wheel):
    missing.append("LICENSE (dist-info)")
print(f"wheel: {len(in_wheel)} files")
with tarfile.open(sdist) as tar:
    names = tar.getnames()
root = names[0].split("/")[0]
in_sdist = {n[len(root) + 1 :] for n in names}
for n in ["pyproject.toml", "README.md", "LICENSE", "src/arnews/data/lexicon.json"]:
    if n not in in_sdist:
        missing.append(f"sdist: {n}")
print(f"sdist: {len(in_sdist)} files")
if missing or stray:
    print("missing:", missing, "unexpected in wheel:", stray[:10])
    sys.exit(1)
print("ok: package data, py.typed and licence present; no tests or docs in the wheel")
PY

step "create a fresh venv and install the wheel"
"$PYTHON" -m venv "$WORK/venv"
VPY="$WORK/venv/bin/python"
"$VPY" -m pip install --quiet "$WHEEL" >"$WORK/install.log" 2>&1 \
    || { tail -n 30 "$WORK/install.log"; fail "pip install the wheel"; }
"$VPY" -m pip list --format=freeze 2>/dev/null | grep -i -E '^(arnews|regex|attrs|tqdm)=' || true

# Run the checks from an empty directory, so that the source tree cannot be imported by mistake.
mkdir -p "$WORK/run"
cd "$WORK/run"

step "import the installed package"
"$VPY" - "$WHEEL" <<'PY' || fail "import arnews"
import os
import sys

import arnews

wheel_version = os.path.basename(sys.argv[1]).split("-")[1]
where = os.path.dirname(arnews.__file__)
print(f"arnews {arnews.__version__} from {where}")
assert "site-packages" in where, f"imported from {where}, not from the venv"
assert arnews.__version__ == wheel_version, (arnews.__version__, wheel_version)
PY

step "run the arnews command: arnews --version"
[[ -x "$WORK/venv/bin/arnews" ]] || fail "the wheel installed no 'arnews' script"
out="$("$WORK/venv/bin/arnews" --version 2>&1)" || { echo "$out"; fail "arnews --version"; }
echo "$out"

step "parse a page with the installed package"
"$VPY" - "$ROOT/examples/pages/book-fair.txt" <<'PY' || fail "parse a page"
import sys
from pathlib import Path

import arnews

article = arnews.parse(Path(sys.argv[1]).read_text(encoding="utf-8"))
assert article.source == "وكالة الأنباء المحلية", article.source
assert article.dateline is not None and article.dateline.place == "الرباط", article.dateline
assert len(article.paragraphs) == 3 and len(article.read_also) == 1, article.to_dict(spans=False)
assert arnews.Article.from_json(article.to_json()) == article
print(f"ok: {len(article.paragraphs)} paragraphs, {len(article.read_also)} read-also article, "
      f"{len(article.keywords)} keywords, source and dateline found")
PY

step "run the installed command on the example pages: arnews parse examples/pages"
records="$("$WORK/venv/bin/arnews" parse "$ROOT/examples/pages" --no-spans --jobs 1 --quiet)" \
    || fail "arnews parse examples/pages"
count="$(printf '%s\n' "$records" | grep -c '^{')"
pages="$(find "$ROOT/examples/pages" -name '*.txt' | wc -l | tr -d ' ')"
[[ "$count" == "$pages" ]] || fail "arnews parse wrote $count records for $pages pages"
echo "ok: $count JSON Lines records for $pages pages"

step "the example pages shipped in the wheel: arnews examples, arnews show, example_pages()"
league="$("$WORK/venv/bin/arnews" examples league)" || fail "arnews examples league"
[[ "$league" == *site-packages/arnews/examples/league.txt ]] || fail "arnews examples: $league"
shown="$("$WORK/venv/bin/arnews" show "$league")" || fail "arnews show \$(arnews examples league)"
printf '%s\n' "$shown" | head -n 1
printf '%s\n' "$shown" | grep -q '^source \[' || fail "arnews show found no source line"
"$VPY" -c 'import arnews; pages = arnews.example_pages(); assert sorted(pages) == ["book-fair", "league", "weather"], pages; print("ok: arnews.example_pages() ->", ", ".join(pages))' \
    || fail "arnews.example_pages()"

step "done in $((SECONDS - started)) s: the wheel builds, installs and works"
