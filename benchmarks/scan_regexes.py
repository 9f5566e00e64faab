"""Scan every compiled regex of the arnews package for ReDoS with regexploit.

Walks the ``arnews`` modules (and the objects they hold: the default lexicon's marker
patterns, dicts and tuples of patterns), collects every ``re.Pattern`` / ``regex.Pattern``,
and feeds each pattern to regexploit's analyser. Exits 1 if any pattern has super-linear
backtracking (regexploit's "starriness" above 2, its own reporting threshold) or cannot be
analysed; 0 otherwise. regexploit's command line always exits 0, so this script is what CI
runs::

    pip install regexploit
    python benchmarks/scan_regexes.py          # add -v to list every pattern

Patterns in ``regex``-module syntax are translated for regexploit's ``sre`` parser first,
always towards *more* backtracking, so the scan stays conservative: ``\\p{L}``/``\\p{M}``
become ``\\w`` and ``\\p{N}`` becomes ``\\d`` (classes that overlap at least as much),
possessive quantifiers and atomic groups become ordinary ones (which may backtrack), named
groups become plain groups (``regex`` allows one name in several branches, ``sre`` does not)
and a backreference becomes ``.``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import pkgutil
import re
import sys
from collections.abc import Iterator
from typing import Any

import attrs
import regex

import arnews
from arnews._lazy import _Lazy

_PATTERN_TYPES = (re.Pattern, regex.Pattern)
_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE
# regexploit's own threshold: 1 and 2 are what every `.*` has; 3 and up is polynomial.
MAX_STARRINESS = 2


def _objects(value: Any, where: str, depth: int = 0) -> Iterator[tuple[str, Any]]:
    """Every pattern reachable from ``value`` in a few steps (dicts, sequences, attrs)."""
    if isinstance(value, _Lazy):  # compiled on first use: compile it now to scan it
        value.pattern  # noqa: B018
        value = value._compiled
    if isinstance(value, _PATTERN_TYPES):
        yield where, value
        return
    if depth >= 3:
        return
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _objects(v, f"{where}[{k!r}]", depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for i, v in enumerate(value):
            yield from _objects(v, f"{where}[{i}]", depth + 1)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            attr = getattr(value, field.name, None)
            yield from _objects(attr, f"{where}.{field.name}", depth + 1)


def collect() -> dict[tuple[str, int], str]:
    """Map (pattern, flags) to where it was found, for every pattern in the package."""
    found: dict[tuple[str, int], str] = {}
    modules = [arnews.__name__] + [
        m.name for m in pkgutil.walk_packages(arnews.__path__, arnews.__name__ + ".")
    ]
    for name in sorted(modules):
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            # Classes and functions hold no patterns of their own (their module does).
            if isinstance(value, type) or (
                callable(value) and not isinstance(value, _PATTERN_TYPES)
            ):
                continue
            for where, pattern in _objects(value, f"{name}.{attr}"):
                found.setdefault((pattern.pattern, pattern.flags & _FLAGS), where)
    # Patterns built per lexicon at run time.
    from arnews.detectors.regions import bullet_pattern
    from arnews.lexicon import Lexicon

    bullets = bullet_pattern(Lexicon.default().bullets)
    found.setdefault((bullets.pattern, bullets.flags & _FLAGS), "regions.bullet_pattern(default)")
    return found


_UNICODE_PROPERTY = re.compile(r"\\([pP])\{\^?([A-Za-z_&]+)\}")
_NAMED_GROUP = re.compile(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>")
_BACKREF = re.compile(r"\(\?P=[A-Za-z_][A-Za-z0-9_]*\)")
_POSSESSIVE = re.compile(r"(?<!\\)([*+?}])\+")


def for_sre(pattern: str) -> str:
    r"""Rewrite ``regex``-only syntax into ``sre`` syntax with the same structure.

    Example:
        >>> for_sre(r"(?<=[\p{L}\p{M}])[.!?]+(?![\p{L}\p{N}])")
        '(?<=[\\w\\w])[.!?]+(?![\\w\\d])'
        >>> for_sre(r"(?P<d>[0-9]{1,2})[ ]*+(?P=d)")
        '(?:[0-9]{1,2})[ ]*.'
    """

    def sub(m: re.Match[str]) -> str:
        if m[1] == "P":
            return r"\W"
        return r"\d" if m[2].upper() in ("N", "ND", "NUMBER") else r"\w"

    pattern = _UNICODE_PROPERTY.sub(sub, pattern)
    pattern = _NAMED_GROUP.sub("(?:", pattern)
    pattern = _BACKREF.sub(".", pattern)
    pattern = pattern.replace("(?>", "(?:")
    return _POSSESSIVE.sub(r"\1", pattern)


def scan(verbose: bool = False) -> int:
    """Analyse every pattern; print findings; return the number of problems."""
    from regexploit.ast.sre import SreOpParser  # type: ignore[import-untyped]
    from regexploit.output.text import TextOutput  # type: ignore[import-untyped]
    from regexploit.redos import find  # type: ignore[import-untyped]

    patterns = collect()
    output = TextOutput()
    problems = 0
    for (pattern, flags), where in sorted(patterns.items(), key=lambda kv: kv[1]):
        source = for_sre(pattern)
        try:
            parsed = SreOpParser().parse_sre(source, flags)
        except Exception as exc:
            print(f"CANNOT ANALYSE {where}: {type(exc).__name__}: {exc}\n  {pattern!r}")
            problems += 1
            continue
        output.next()
        buffer = io.StringIO()
        findings = 0
        with contextlib.redirect_stdout(buffer):
            for redos in find(parsed):
                if redos.starriness > MAX_STARRINESS:
                    output.record(redos, source)
                    findings += 1
        if findings:
            problems += 1
            print(f"REDOS in {where}:\n{buffer.getvalue()}")
        elif verbose:
            print(f"ok  {where}  ({len(pattern)} chars)")
    print(f"{len(patterns)} patterns scanned, {problems} with problems")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every pattern")
    args = parser.parse_args(argv)
    return 1 if scan(args.verbose) else 0


if __name__ == "__main__":
    sys.exit(main())
