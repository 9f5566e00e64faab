"""Parse one scraped page and print the parts arnews found in it.

Run from the repository root::

    python examples/parse_one.py
"""

from __future__ import annotations

from pathlib import Path

import arnews

PAGE = Path(__file__).resolve().parent / "pages" / "book-fair.txt"


def show(article: arnews.Article, indent: str = "") -> None:
    """Print the fields of an article that hold something."""
    if article.title is not None:
        print(f"{indent}title:      {article.title}")
    if article.dateline is not None:
        place, agency = article.dateline.place, article.dateline.agency
        print(f"{indent}dateline:   place={place!r} agency={agency!r}")
    if article.updated is not None:
        print(f"{indent}updated:    {article.updated.isoformat()}")
    if article.published is not None:
        print(f"{indent}published:  {article.published.isoformat()}")
    for n, paragraph in enumerate(article.paragraphs, 1):
        print(f"{indent}paragraph {n}: {paragraph}")
    for headline in article.related_headlines:
        print(f"{indent}related:    {headline}")
    if article.source is not None:
        print(f"{indent}source:     {article.source}")
    if article.keywords:
        print(f"{indent}keywords:   {' · '.join(article.keywords)}")
    for headline in article.similar:
        print(f"{indent}similar:    {headline}")
    for line in article.boilerplate:
        print(f"{indent}furniture:  {line}")
    for warning in article.warnings:
        print(f"{indent}warning:    [{warning.code}] {warning.message}")


def main() -> None:
    text = PAGE.read_text(encoding="utf-8")
    article = arnews.parse(text)

    print(f"== {PAGE.name}: main article")
    show(article)
    for n, embedded in enumerate(article.read_also, 1):
        print(f"\n== read-also article {n}")
        show(embedded, indent="  ")

    # Every labelled stretch of the input, with its offsets: nothing is dropped silently.
    print("\n== parts")
    for each in article.iter_articles():
        for part in each.parts:
            label = part.kind if part.name is None else f"{part.kind}:{part.name}"
            print(f"{part.start:5}-{part.end:<5} {label:20} {text[part.start : part.end][:50]}")

    # The output contract as JSON round-trips to an equal article.
    assert arnews.Article.from_json(article.to_json()) == article


if __name__ == "__main__":
    main()
