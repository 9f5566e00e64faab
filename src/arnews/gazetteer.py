"""The shipped gazetteer: common news entities, one data file per category.

The files live in ``arnews/data/gazetteer/`` (UTF-8, one entry per line, ``#`` starts a
comment). Each entry is stored folded (:func:`~arnews.normalize.fold`, the parser's key) and,
when it has Latin letters, case-folded too (:func:`fold_key`), so ``fold("CNN")`` and
``fold_key("cnn")`` both hit; one spelling per entry covers hamza, teh marbuta, alef maqsura,
Persian letters and diacritics, and the ``أمريكي``/``أميركي`` alternation is added for you.

=================  ==========================================================================
category           what it holds
=================  ==========================================================================
``places``         countries, regions, capitals and major cities
``agencies``       news agencies, channels, newspapers and news sites
``organisations``  international bodies, state institutions, movements, parties, companies
``titles``         office titles, a tag by themselves (``الرئيس الأمريكي``)
``honorifics``     honorifics that attach to the name after them (``الشيخ``, ``الملك``)
``first_names``    first names of public figures, which glue to the family name after them
``topics``         multi-word news topics (``وقف إطلاق النار``)
``people``         well-known public figures, full names and family names used alone
``heads``          common nouns that open a construct phrase (``قطاع``, ``حركة``, ``أسعار``)
=================  ==========================================================================

The category sets hold folded keys: probe them with ``fold(text)`` (or use
:meth:`Gazetteer.categories` and ``in``, which fold for you).

Example:
    >>> from arnews.gazetteer import DEFAULT_GAZETTEER
    >>> from arnews.normalize import fold
    >>> fold("القاهرة") in DEFAULT_GAZETTEER.places
    True
    >>> sorted(DEFAULT_GAZETTEER.categories("رويترز"))
    ['agencies']
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from arnews._data import read_data_bytes
from arnews.normalize import fold

if TYPE_CHECKING:
    pass

__all__ = [
    "CATEGORIES",
    "DEFAULT_GAZETTEER",
    "ENTITY_CATEGORIES",
    "Gazetteer",
    "GazetteerError",
    "fold_key",
    "load_gazetteer",
    "parse_entries",
]

#: Every category, in the order of the data files.
CATEGORIES: tuple[str, ...] = (
    "places",
    "agencies",
    "organisations",
    "titles",
    "honorifics",
    "first_names",
    "topics",
    "people",
    "heads",
)

#: Categories whose entries name something that is a tag by itself.
ENTITY_CATEGORIES: tuple[str, ...] = (
    "places",
    "agencies",
    "organisations",
    "titles",
    "topics",
    "people",
)

# Longer entries are almost certainly two entries pasted on one line.
_MAX_ENTRY_WORDS = 8
# Characters an entry may hold besides letters, marks, digits and spaces: initials (``أ.ف.ب``,
# ``د.``), hyphenated and apostrophised Latin names.
_ENTRY_PUNCTUATION = frozenset(".-'’&")
# In heads.txt, a trailing " *" marks a head that is also a fine tag alone.
_FREE_MARK = "*"


class GazetteerError(ValueError):
    """A gazetteer file is missing or malformed; the message names the file and line.

    Example:
        >>> issubclass(GazetteerError, ValueError)
        True
    """


def fold_key(text: str) -> str:
    """Return the key gazetteer and lexicon entries are stored and looked up under.

    It is :func:`arnews.normalize.fold` (alef forms, ``ى``, ``ة``, Persian letters, diacritics,
    tatweel, digits, white space) followed by :meth:`str.casefold` for Latin names.

    Example:
        >>> fold_key("الولایات  المتحدة") == fold_key("الولايات المتحده")
        True
        >>> fold_key("Sky News")
        'sky news'
    """
    return fold(text).casefold()


# Spellings that alternate in every word that has them, whatever the entry: ``أمريكي`` and
# ``أميركي`` are both house styles of major outlets. Entries get the other spelling for free.
_ALTERNATIONS: tuple[tuple[str, str], ...] = (("امريك", "اميرك"), ("اميرك", "امريك"))


def _phrases(values: Iterable[str]) -> frozenset[str]:
    # Both the plain fold and its case-folded form, so that a caller probing with ``fold(x)``
    # (the parser's key) and one probing with ``fold_key(x)`` both hit Latin names (``CNN``).
    out: set[str] = set()
    for value in values:
        folded = fold(value)
        if not folded:
            continue
        forms = {folded}
        for old, new in _ALTERNATIONS:
            if old in folded:
                forms.add(folded.replace(old, new))
        for form in forms:
            out.add(form)
            out.add(form.casefold())
    return frozenset(out)


def _prefixes(phrases: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for phrase in phrases:
        words = phrase.split(" ")
        for n in range(1, len(words) + 1):
            out.add(" ".join(words[:n]))
    return frozenset(out)


def _index(gaz: Gazetteer) -> Mapping[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for name in CATEGORIES:
        for entry in getattr(gaz, name):
            table.setdefault(entry, set()).add(name)
    return {k: frozenset(v) for k, v in table.items()}


def _entities(gaz: Gazetteer) -> frozenset[str]:
    return frozenset().union(*(getattr(gaz, name) for name in ENTITY_CATEGORIES))


def _entries(gaz: Gazetteer) -> frozenset[str]:
    return frozenset().union(*(getattr(gaz, name) for name in CATEGORIES if name != "heads"))


def _all_prefixes(gaz: Gazetteer) -> frozenset[str]:
    return _prefixes(gaz.entries)


def _title_starts(gaz: Gazetteer) -> frozenset[str]:
    return frozenset(entry.split(" ", 1)[0] for entry in gaz.titles)


@attrs.frozen(slots=True)
class Gazetteer:
    """Frozen sets of folded entries, one per category, plus lookup helpers.

    Build one with :func:`load_gazetteer` (the shipped files, or a folder of your own) or
    directly from iterables of phrases, which are folded on the way in. Derive an extended
    copy with :meth:`with_entries`.

    Example:
        >>> g = Gazetteer(places=["الدوحة"], agencies=["قنا"])
        >>> "الدوحه" in g.places, "قنا" in g
        (True, True)
        >>> g.categories("الدوحة")
        frozenset({'places'})
    """

    places: frozenset[str] = attrs.field(default=frozenset(), converter=_phrases)
    agencies: frozenset[str] = attrs.field(default=frozenset(), converter=_phrases)
    organisations: frozenset[str] = attrs.field(default=frozenset(), converter=_phrases)
    titles: frozenset[str] = attrs.field(default=frozenset(), converter=_phrases)
    honorifics: frozenset[str] = attrs.field(default=frozenset(), converter=_phrases)
    first_names: frozenset[str] = attrs.field(default=frozenset(), converter=_phrases)
    topics: frozenset[str] = attrs.field(default=frozenset(), converter=_phrases)
    people: frozenset[str] = attrs.field(default=frozenset(), converter=_phrases)
    heads: frozenset[str] = attrs.field(default=frozenset(), converter=_phrases)
    #: Heads that are also a fine tag alone (marked `` *`` in ``heads.txt``).
    free_heads: frozenset[str] = attrs.field(default=frozenset(), converter=_phrases)
    # Derived once, so the segmenter's lookups are single set/dict probes.
    #: Entries of the :data:`ENTITY_CATEGORIES`: each is a tag by itself.
    entities: frozenset[str] = attrs.field(
        init=False, default=attrs.Factory(_entities, takes_self=True), eq=False, repr=False
    )
    #: Every entry of every category but ``heads`` (which are single words, not names).
    entries: frozenset[str] = attrs.field(
        init=False, default=attrs.Factory(_entries, takes_self=True), eq=False, repr=False
    )
    #: Every word-prefix of :attr:`entries`, so a lookup can stop as soon as none can match.
    prefixes: frozenset[str] = attrs.field(
        init=False, default=attrs.Factory(_all_prefixes, takes_self=True), eq=False, repr=False
    )
    #: First words of office titles (``الرئيس``, ``وزير``): a new tag starts there.
    title_starts: frozenset[str] = attrs.field(
        init=False, default=attrs.Factory(_title_starts, takes_self=True), eq=False, repr=False
    )
    _index: Mapping[str, frozenset[str]] = attrs.field(
        init=False, default=attrs.Factory(_index, takes_self=True), eq=False, repr=False
    )

    def categories(self, phrase: str) -> frozenset[str]:
        """Return the categories that hold ``phrase`` (folded first; empty if none).

        Example:
            >>> sorted(DEFAULT_GAZETTEER.categories("وقف اطلاق النار"))
            ['topics']
        """
        return self._index.get(fold_key(phrase), frozenset())

    def __contains__(self, phrase: object) -> bool:
        """Whether ``phrase`` (folded first) is an entry of any category.

        Example:
            >>> "الأمم المتحدة" in DEFAULT_GAZETTEER
            True
        """
        return isinstance(phrase, str) and fold_key(phrase) in self._index

    def __len__(self) -> int:
        """Number of distinct folded entries over all categories.

        Example:
            >>> len(DEFAULT_GAZETTEER) > 1000
            True
        """
        return len(self._index)

    def __reduce__(self) -> tuple[Any, ...]:
        # The shipped gazetteer pickles as a reference to it (a worker that imports arnews
        # reads it from its own files, on first use); others pickle as their entries.
        if self is _default():
            return (_default, ())
        return (Gazetteer, tuple(getattr(self, f.name) for f in attrs.fields(Gazetteer) if f.init))

    def with_entries(self, **categories: Iterable[str]) -> Gazetteer:
        """Return a copy with entries added to the named categories.

        Raises:
            GazetteerError: an unknown category name.

        Example:
            >>> g = DEFAULT_GAZETTEER.with_entries(places=["الفاو"])
            >>> "الفاو" in g.places, "الفاو" in DEFAULT_GAZETTEER.places
            (True, False)
        """
        changes: dict[str, frozenset[str]] = {}
        for name, values in categories.items():
            if name not in CATEGORIES and name != "free_heads":
                raise GazetteerError(f"unknown gazetteer category {name!r}")
            changes[name] = getattr(self, name) | _phrases(values)
        fields = {name: getattr(self, name) for name in (*CATEGORIES, "free_heads")}
        fields.update(changes)
        return Gazetteer(**fields)


def _check_entry(entry: str, where: str) -> None:
    for ch in entry:
        if ch == " ":
            continue
        cat = unicodedata.category(ch)
        if cat[0] in "LMN" or ch in _ENTRY_PUNCTUATION:
            continue
        raise GazetteerError(
            f"{where}: character {ch!r} (U+{ord(ch):04X}) is not allowed in an entry; "
            "one entry per line, no separators"
        )
    if len(entry.split()) > _MAX_ENTRY_WORDS:
        raise GazetteerError(f"{where}: more than {_MAX_ENTRY_WORDS} words; one entry per line")
    if not fold_key(entry):
        raise GazetteerError(f"{where}: entry is empty once folded")


def parse_entries(text: str, *, name: str, allow_free_mark: bool = False) -> list[tuple[str, bool]]:
    """Parse one gazetteer file's text into ``(entry, free)`` pairs, validating every line.

    Raises:
        GazetteerError: a line holds a separator or a stray symbol, is too long, repeats an
            earlier entry (after folding), or the file has no entry at all.

    Example:
        >>> parse_entries("# places\\nبغداد\\nالبصرة  # port city\\n", name="places.txt")
        [('بغداد', False), ('البصرة', False)]
    """
    out: list[tuple[str, bool]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        line = raw.split(" #", 1)[0].split("\t#", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        free = False
        if line.endswith(_FREE_MARK):
            if not allow_free_mark:
                raise GazetteerError(f"{where}: a trailing '*' is only allowed in heads.txt")
            free = True
            line = line[: -len(_FREE_MARK)].rstrip()
        line = " ".join(line.split())
        _check_entry(line, where)
        key = fold_key(line)
        if key in seen:
            raise GazetteerError(
                f"{where}: {line!r} repeats line {seen[key]} (entries are compared folded)"
            )
        seen[key] = number
        out.append((line, free))
    if not out:
        raise GazetteerError(f"{name}: no entries")
    return out


def _read(name: str, directory: str | os.PathLike[str] | None) -> str:
    filename = f"{name}.txt"
    try:
        if directory is None:
            data = read_data_bytes("gazetteer", filename)
        else:
            with open(os.path.join(directory, filename), "rb") as f:
                data = f.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise GazetteerError(f"gazetteer file {filename} is missing") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = f"{exc.reason} at byte {exc.start}"
        raise GazetteerError(f"{filename}: not valid UTF-8 ({reason})") from exc


def load_gazetteer(directory: str | os.PathLike[str] | None = None) -> Gazetteer:
    """Load and validate the gazetteer files: the shipped ones, or those in ``directory``.

    A custom ``directory`` must hold one ``<category>.txt`` per category of
    :data:`CATEGORIES`; copy the shipped folder and edit it. Most users only need
    :data:`DEFAULT_GAZETTEER` or :meth:`Gazetteer.with_entries`.

    Raises:
        GazetteerError: a file is missing, not UTF-8, or has a malformed line.

    Example:
        >>> g = load_gazetteer()
        >>> "واشنطن" in g.places and "فرانس برس" in g.agencies
        True
    """
    fields: dict[str, list[str]] = {}
    free: list[str] = []
    for name in CATEGORIES:
        entries = parse_entries(
            _read(name, directory), name=f"{name}.txt", allow_free_mark=name == "heads"
        )
        fields[name] = [entry for entry, _ in entries]
        free.extend(entry for entry, is_free in entries if is_free)
    return Gazetteer(**fields, free_heads=free)


class _ShippedGazetteer(Gazetteer):
    """The shipped gazetteer, read from its files the first time one of its fields is read.

    Reading and checking the nine files takes about 30 ms, which ``import arnews`` paid in
    every process whether or not a page was parsed. Until then its slots are empty, so
    reading a field reaches :meth:`__getattr__`, which loads the files once (under a lock)
    and fills every slot; from then on a field is a plain slot read, as on any gazetteer.
    It compares equal to a :class:`Gazetteer` of the same entries, as the loaded one did.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        with _LOAD_LOCK:
            try:
                object.__getattribute__(self, "_index")
            except AttributeError:
                loaded = load_gazetteer()
                for field in attrs.fields(Gazetteer):
                    object.__setattr__(self, field.name, getattr(loaded, field.name))
        return object.__getattribute__(self, name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Gazetteer):
            return NotImplemented
        names = [f.name for f in attrs.fields(Gazetteer) if f.eq]
        return [getattr(self, n) for n in names] == [getattr(other, n) for n in names]

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return Gazetteer.__hash__(self)


_LOAD_LOCK = threading.Lock()

#: The shipped gazetteer, read from its files on first use (not at import); immutable.
DEFAULT_GAZETTEER: Gazetteer = object.__new__(_ShippedGazetteer)


def _default() -> Gazetteer:
    return DEFAULT_GAZETTEER
