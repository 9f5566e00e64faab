"""The command line's options, and the ``argparse`` parser that holds them."""

from __future__ import annotations

import argparse
from typing import Any

from .. import __version__, term
from ..io.readers import DEFAULT_MAX_CHARS, INPUT_FORMATS
from .common import (
    PROG,
    at_least_one,
    positive,
)
from .parse_cmd import FORMATS, PARQUET_COMPRESSIONS, cmd_parse
from .shards import run_options, shard_options
from .show_cmd import cmd_examples, cmd_show
from .sites import cmd_learn
from .stats_cmd import cmd_stats

EPILOG = """\
examples:
  arnews parse examples/pages                 every *.txt under the folder -> JSON Lines
  arnews examples/pages/league.txt            same as 'arnews parse ...'
  cat page.txt | arnews -                     one page from standard input
  arnews parse dump.jsonl --text-field content --id-field url -o out.parquet
  arnews parse crawl.jsonl.gz --keep-fields url,date -o clean.jsonl.zst
  arnews parse pages.parquet --text-field html_text --id-field url -o out.csv.gz
  arnews parse corpus/ --format txt --no-spans -o clean.txt --jobs 4
  arnews parse corpus/ --errors record | head -3
  arnews stats corpus/ --json
  arnews show examples/pages/league.txt
  arnews show "$(arnews examples league)"     a page shipped with arnews, from anywhere
  arnews show --html examples/pages/league.txt -o league.html
  arnews learn crawl/ -o profiles.json        one profile per site (one folder each)
  arnews parse crawl/ --profiles profiles.json
  arnews show dump.jsonl:12 --text-field content --color always | less -R

exit status: 0 ok, 1 some input was bad (each problem is reported on stderr),
2 bad command line, 71 worker processes cannot start, 74 the output could not be
written (disk full, I/O error), 128+N stopped by signal N (129 SIGHUP, 130 Ctrl-C,
143 SIGTERM), 141 output pipe closed.
An output file is written under a temporary name and renamed into place when complete.
"""


def show_options(show: argparse.ArgumentParser) -> None:
    """The options of ``arnews show``."""
    show.add_argument(
        "file",
        metavar="FILE",
        help="a text file, - for standard input, or a JSON Lines file (FILE.jsonl:LINE for "
        "the record on line LINE)",
    )
    group = show.add_argument_group("output")
    group.add_argument(
        "--html",
        action="store_true",
        help="write one self-contained HTML page: the input with every part highlighted by "
        "its kind, a legend, the warnings and the record",
    )
    group.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT (default: standard output)"
    )
    group.add_argument(
        "--color",
        choices=term.COLOR_MODES,
        default="auto",
        help="colour each kind in the listing: auto (default) on a terminal unless NO_COLOR "
        "is set, always, never",
    )
    group = show.add_argument_group("input")
    group.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="text: the file is one page; jsonl: one JSON object a line; auto (default): "
        ".jsonl/.ndjson files are JSON Lines, the rest text",
    )
    group.add_argument("--id", metavar="ID", help="the JSON Lines record whose id is ID")
    group.add_argument(
        "--text-field", default="text", metavar="NAME", help="JSON Lines field with the page text"
    )
    group.add_argument(
        "--id-field", default="id", metavar="NAME", help="JSON Lines field with the record id"
    )
    group.add_argument(
        "--max-chars",
        type=positive,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse a document over N characters (default {DEFAULT_MAX_CHARS:,}; 0: no limit)",
    )


def run_summary_options(parser: argparse.ArgumentParser) -> None:
    """``--summary-json``: the end-of-run summary as a file (parse, stats, learn)."""
    group = parser.add_argument_group("run summary")
    group.add_argument(
        "--summary-json",
        metavar="FILE",
        help="write the run's summary (documents in, records out, errors by kind, time, "
        "docs/s, exit status) to FILE as JSON, whole or not at all, even after Ctrl-C; "
        "on a terminal the summary is also shown on stderr at the end (not with -q)",
    )
    group.add_argument(
        "--summary",
        choices=("auto", "always", "never"),
        default="auto",
        help="the summary block on stderr at the end: auto (default) on a terminal and not "
        "with -q; always (a batch job's log, say); never",
    )


def lexicon_options(parser: argparse.ArgumentParser) -> None:
    """``--lexicon`` and ``--tag-lexicon``: the parser's knowledge, from files."""
    group = parser.add_argument_group("lexicons")
    group.add_argument(
        "--lexicon",
        metavar="FILE",
        help="parse with this marker lexicon (JSON, as Lexicon.save writes it) instead of "
        "the one shipped with arnews",
    )
    group.add_argument(
        "--tag-lexicon",
        metavar="FILE",
        help="known tag phrases (JSON from TagLexicon.save, or a text file with one phrase "
        "a line) that split tag lines without separators",
    )


def profile_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("site profiles")
    group.add_argument(
        "--profiles",
        metavar="FILE",
        help="site profiles written by 'arnews learn': each document is parsed with its "
        "site's profile (documents of other sites as usual)",
    )
    group.add_argument(
        "--site-from",
        metavar="KEY",
        help="how a document's site is found: dir, id-prefix, field NAME or url "
        "(default: as the profiles were learned)",
    )


def add_examples_command(commands: Any, fmt: type[argparse.HelpFormatter]) -> None:
    """``arnews examples``: where the bundled example pages are."""
    examples = commands.add_parser(
        "examples",
        help="print the folder of the example pages shipped with arnews (or one page's path)",
        description="Print the folder of the example pages installed with arnews, or the path "
        'of one of them, for the other commands: arnews show "$(arnews examples league)", '
        'arnews parse "$(arnews examples)".',
        formatter_class=fmt,
    )
    examples.add_argument(
        "name", nargs="?", metavar="NAME", help="a page: book-fair, league or weather"
    )
    examples.set_defaults(run=cmd_examples)


def add_learn_command(commands: Any, fmt: type[argparse.HelpFormatter]) -> None:
    learn = commands.add_parser(
        "learn",
        help="learn each site's furniture from a crawl: one profile per site",
        description="Learn one profile per site (its furniture lines, headline-list headings, "
        "marker spellings, tag phrases, sources, agencies) from the pages of a crawl, in one "
        "pass, and write them as one JSON file for 'arnews parse --profiles'.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    input_options(learn)
    learn.add_argument(
        "--site-from",
        metavar="KEY",
        default="dir",
        help="how a document's site is found: dir (default: the folder holding it), "
        "id-prefix (its id up to the first / or :), field NAME (a JSON Lines field), "
        "url (the host of its url field)",
    )
    learn.add_argument("-o", "--output", metavar="OUT", help="the profiles file (default: stdout)")
    learn.add_argument(
        "--min-pages",
        type=at_least_one,
        default=10,
        metavar="N",
        help="a site with fewer pages learns nothing (default 10)",
    )
    learn.add_argument(
        "--max-pages",
        type=at_least_one,
        default=5000,
        metavar="N",
        help="pages read per site at most, which bounds memory (default 5000)",
    )
    lexicon_options(learn)
    run_summary_options(learn)
    learn.set_defaults(run=cmd_learn)


# --------------------------------------------------------------------------------------------
# The command line.


def input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders (searched recursively) or - for standard input",
    )
    group = parser.add_argument_group("input")
    group.add_argument(
        "--glob",
        metavar="PATTERN",
        help="files to take from folders (default: *.txt, *.jsonl with --input-format jsonl, "
        "*.parquet with parquet; each also compressed: .gz, .bz2, .xz, .zst)",
    )
    group.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="text: a file is one page; jsonl: one JSON object a line; parquet: one row a "
        "page (needs arnews[parquet]); auto (default): .jsonl/.ndjson files are JSON Lines, "
        ".parquet files Parquet, the rest text. Files ending in .gz, .bz2, .xz or .zst "
        "(arnews[zstd]) are decompressed",
    )
    group.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="JSON Lines field or Parquet column with the page text",
    )
    group.add_argument(
        "--id-field",
        default="id",
        metavar="NAME",
        help="JSON Lines field or Parquet column with the record id (default id; if absent: "
        "FILE:LINE, or FILE:ROW counting from 0)",
    )
    group.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="in folders, follow symbolic links to files and folders outside them (default: "
        "report them as outside_link and go on)",
    )
    group.add_argument(
        "--max-chars",
        type=positive,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"a document over N characters is reported as too_large, not parsed "
        f"(default {DEFAULT_MAX_CHARS:,}; 0: no limit)",
    )
    group = parser.add_argument_group("processing")
    group.add_argument(
        "-j",
        "--jobs",
        type=positive,
        default=None,
        metavar="N",
        help="processes to parse in (default: the CPUs available; 1 parses in this process)",
    )
    group.add_argument(
        "--chunksize",
        type=at_least_one,
        default=64,
        metavar="N",
        help="documents sent to a process at a time (default 64)",
    )
    group.add_argument(
        "--errors",
        choices=("skip", "fail", "record"),
        default="skip",
        help="on bad input: skip (default) reports it and goes on; fail stops; record also "
        "writes an error record; the exit status is 1 in every case",
    )
    group.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr"
    )
    run_options(parser)


def field_list(value: str) -> tuple[str, ...]:
    """``--keep-fields a,b``: the names, in order; ``''`` keeps none.

    Example:
        >>> field_list("url, date"), field_list("")
        (('url', 'date'), ())
    """
    return tuple(name.strip() for name in value.split(",") if name.strip())


def _format_options(parser: argparse.ArgumentParser) -> None:
    """The options of the records' shape: ``--keep-fields``, ``--parquet-compression``."""
    group = parser.add_argument_group("records")
    group.add_argument(
        "--keep-fields",
        type=field_list,
        default=None,
        metavar="A,B",
        help="the input's fields kept in each record's metadata (default: every field but the "
        "text and id fields; a file's path; '' keeps none)",
    )
    group.add_argument(
        "--parquet-compression",
        choices=PARQUET_COMPRESSIONS,
        default="snappy",
        help="the codec of Parquet output's columns (default snappy)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``argparse`` parser of the ``arnews`` command."""
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn scraped Arabic news pages (plain text) into structured articles.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="parse pages into JSON Lines, JSON, CSV, Parquet or plain text",
        description="Parse pages into one record per document, in input order. "
        "arnews FILE... is short for arnews parse FILE....",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    input_options(parse)
    group = parse.add_argument_group("output")
    group.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file (default: stdout); written as .OUT.XXXX.part beside it and renamed "
        "when complete; may not be an input or inside an input folder",
    )
    group.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="jsonl (default; or from OUT's extension, an unknown one being an error): one JSON "
        "object a line; json: one array; csv: flat columns, lists joined with ' | '; parquet: "
        "typed columns (needs -o and arnews[parquet]); txt: clean body only, a paragraph a "
        "line, a blank line after each document. OUT ending in .gz, .bz2, .xz or .zst "
        "(arnews[zstd]) is compressed",
    )
    group.add_argument(
        "--no-spans",
        action="store_true",
        help="leave out spans, parts and warnings (the contract keys only)",
    )
    _format_options(parse)
    profile_options(parse)
    lexicon_options(parse)
    run_summary_options(parse)
    shard_options(parse)
    parse.set_defaults(run=cmd_parse)

    stats = commands.add_parser(
        "stats",
        help="count the sections, sources, tags and warnings of a corpus",
        description="Count what a corpus contains: documents with each section, the most "
        "frequent sources and tags, documents with warnings by code.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    input_options(stats)
    stats.add_argument("--json", action="store_true", help="print JSON instead of a table")
    stats.add_argument(
        "--top", type=positive, default=10, metavar="N", help="sources and tags listed (10)"
    )
    profile_options(stats)
    lexicon_options(stats)
    run_summary_options(stats)
    stats.set_defaults(run=cmd_stats)
    add_learn_command(commands, fmt)

    show = commands.add_parser(
        "show",
        help="print one page's parts with their spans, or an HTML page of them (--html)",
        description="Print each part of one page: its kind, its span [start:end] and its text, "
        "coloured by kind on a terminal; or, with --html, write one HTML page showing them.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    show_options(show)
    profile_options(show)
    lexicon_options(show)
    show.set_defaults(run=cmd_show)
    add_examples_command(commands, fmt)
    return parser
