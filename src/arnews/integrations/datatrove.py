"""A datatrove pipeline step that parses each document: :class:`ArnewsParser`.

Put it after a reader and before the filters, deduplication and writer of a datatrove
pipeline. It replaces each document's text with the clean body (:attr:`arnews.Article.text`:
the paragraphs, joined by a blank line) and puts the other fields in the document's metadata.

This module imports without datatrove (``import arnews`` never needs it); making an
:class:`ArnewsParser` does (``pip install 'arnews[datatrove]'``).

Example:
    >>> from datatrove.executor import LocalPipelineExecutor  # doctest: +SKIP
    >>> from datatrove.pipeline.readers import JsonlReader  # doctest: +SKIP
    >>> from datatrove.pipeline.writers import JsonlWriter  # doctest: +SKIP
    >>> LocalPipelineExecutor(  # doctest: +SKIP
    ...     [JsonlReader("crawl/"), ArnewsParser(), JsonlWriter("clean/")], tasks=4
    ... ).run()
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..parser import Parser, parse
from ._columns import article_row

__all__ = ["ArnewsParser"]

_INSTALL = "pip install 'arnews[datatrove]'"

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    class _Step:
        """What this module uses of ``datatrove.pipeline.base.PipelineStep`` (untyped)."""

        def __init__(self) -> None: ...
        def stat_update(self, *labels: str, value: int = 1, unit: str | None = None) -> None: ...
        def track_time(self, unit: str | None = None) -> AbstractContextManager[Any]: ...
        def update_doc_stats(self, document: Any) -> None: ...

    _logger: Any

else:
    try:
        from datatrove.pipeline.base import PipelineStep as _Step
        from datatrove.utils.logging import logger as _logger
    except ImportError as _missing:
        _why = str(_missing)

        class _Step:
            def __init__(self) -> None:
                raise ImportError(f"ArnewsParser needs datatrove ({_why}): {_INSTALL}")


def _warn_once(step: ArnewsParser, message: str) -> None:
    # datatrove's own extractors log the first failure and count the rest.
    if not step._warned:
        step._warned = True
        _logger.warning(f"{message} (arnews logs only the first; see the 'error' stat)")


class ArnewsParser(_Step):
    """Parse each document's text with arnews; keep the clean body and the fields.

    For each document, the text (the scraped page) is parsed; the document's ``text``
    becomes the clean body, and the article's other fields go into its metadata as the
    JSON-safe row of :mod:`arnews.integrations.hf` and :mod:`arnews.integrations.spark` (the
    command's JSON Lines record less ``text``): ``title``, ``dateline`` (``{place, agency}``),
    ``byline``, ``updated`` and ``published`` (ISO 8601), ``paragraphs``,
    ``related_headlines``, ``source``, ``keywords``, ``read_also`` (each a dict of the same
    fields and its own ``text``), ``similar`` and ``boilerplate``; with ``spans=True`` also
    ``spans``, ``parts`` and ``warnings`` (offsets into the page, which the document no longer
    holds: keep them only to go back to the raw page).

    The fields go under ``metadata[metadata_key]`` (``"arnews"`` by default), so that they
    never overwrite what the reader put there (a crawl's ``url``, ``date`` or ``title``); with
    ``metadata_key=None`` they are merged into the metadata itself, and
    ``JsonlWriter(expand_metadata=True)`` then writes the command's record shape.

    A document whose clean body is empty (a page that is all furniture) is dropped, unless
    ``keep_empty=True``. A document that cannot be parsed (its text is not a string; any
    other error is a bug in arnews) is dropped and counted, never raised: one bad document
    in millions costs that document, not the task.

    Stats (datatrove's ``stat_update``): ``total`` (documents in), ``parsed``, ``forwarded``,
    ``dropped``, ``dropped_empty``, ``error``, and the time per document.

    Args:
        parser: the :class:`arnews.Parser` to use (its lexicon, profiles, detectors);
            default: that of :func:`arnews.parse`. It travels to datatrove's workers by
            pickling, as a ``Parser`` does.
        keep_empty: keep documents whose clean body is empty (their text becomes ``""``).
        spans: also put ``spans``, ``parts`` and ``warnings`` in the metadata.
        metadata_key: the metadata key to put the fields under, or ``None`` to merge them.

    Raises:
        ImportError: datatrove is not installed.

    Example:
        >>> from datatrove.data import Document
        >>> page = "خبر قصير.\\n\\nالمصدر: رويترز"
        >>> [doc] = ArnewsParser().run(iter([Document(text=page, id="1")]))
        >>> doc.text, doc.metadata["arnews"]["source"]
        ('خبر قصير.', 'رويترز')
    """

    name = "🗞 arnews"
    type = "🛢 - EXTRAC"

    def __init__(
        self,
        parser: Parser | None = None,
        *,
        keep_empty: bool = False,
        spans: bool = False,
        metadata_key: str | None = "arnews",
    ) -> None:
        super().__init__()
        self.parser = parser
        self.keep_empty = keep_empty
        self.spans = spans
        self.metadata_key = metadata_key
        self._warned = False

    def run(self, data: Iterator[Any] | None, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        """Parse each document of ``data``; yield the kept ones (datatrove calls this)."""
        if data is None:
            return
        parser, spans, key = self.parser, self.spans, self.metadata_key
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                try:
                    text = doc.text
                    article = parse(text) if parser is None else parser.parse(text)
                    row = article_row(article, spans=spans)
                except Exception as exc:  # not text, or a bug in arnews: that document only
                    self.stat_update("error", "dropped")
                    _warn_once(self, f"arnews could not parse document {doc.id!r}: {exc!r}")
                    continue
            self.stat_update("parsed")
            body = row.pop("text")
            if not body and not self.keep_empty:
                self.stat_update("dropped_empty", "dropped")
                continue
            doc.text = body
            if key is None:
                doc.metadata.update(row)
            else:
                doc.metadata[key] = row
            self.stat_update("forwarded")
            self.update_doc_stats(doc)
            yield doc
