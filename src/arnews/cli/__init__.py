"""The ``arnews`` command: parse, summarise and inspect a corpus of scraped news pages.

``arnews parse`` turns files, folders, standard input or JSON Lines dumps into JSON Lines (or
JSON, CSV, Parquet, plain text), in several processes, in input order, in constant memory.
``arnews stats`` counts what a corpus contains; ``arnews show`` prints one page's parts with
their spans; ``arnews learn`` learns site profiles; ``arnews examples`` prints the folder of
the example pages installed with the package. ``arnews FILE...`` is short for
``arnews parse FILE...``.

Bad data never produces a traceback: each problem is one line on stderr
(``arnews: error: <file>[:<line>]: <what>``), the run goes on (unless ``--errors fail``) and
the exit status is 1 at the end. Exit statuses: 0 all good, 1 some input was bad, 2 bad
command line, 71 worker processes cannot start, 74 the output could not be written,
128 + N stopped by signal N (SIGINT, SIGTERM, SIGHUP: the workers and the forkserver stop
too), 141 output pipe closed (as ``| head`` does). An output file is written under a
temporary name and renamed into place when complete (see ``docs/reliability.md``).

The package's modules, one job each: :mod:`~arnews.cli.app` (the entry point),
:mod:`~arnews.cli.options` (the options), :mod:`~arnews.cli.driver` (the parallel driver),
:mod:`~arnews.cli.progress` (the progress bar), :mod:`~arnews.cli.summary` (the run's summary
and the collapsing of repeated errors), :mod:`~arnews.cli.lexicons` (the parser built from
``--lexicon``/``--tag-lexicon``), :mod:`~arnews.cli.records` (what a worker returns), one
module per command (:mod:`~arnews.cli.parse_cmd`, :mod:`~arnews.cli.stats_cmd`,
:mod:`~arnews.cli.show_cmd`, :mod:`~arnews.cli.sites`) and :mod:`~arnews.cli.common` (exit
statuses, signals, outputs).
Reading inputs and writing outputs live in :mod:`arnews.io`, which the library uses too.

Example:
    >>> from arnews.cli import main
    >>> main(["--version"])  # doctest: +ELLIPSIS
    arnews ...
    0
"""

from __future__ import annotations

from .app import main
from .options import build_parser

__all__ = ["build_parser", "main"]
