"""The link grammar: how likely one tag runs on from a word into the next.

Each link between two neighbouring tokens gets a score from general signals of Arabic
noun-phrase grammar and person names (:func:`_raw_link`), corrected by the shape of a name
over three words (:func:`_name_trigram`); a phrase also pays for ending on a word that
cannot end one (:func:`_end_penalty`).

Example:
    >>> from arnews.gazetteer import DEFAULT_GAZETTEER
    >>> from arnews.tags.tokens import _Tok
    >>> a, b = (_Tok(w, DEFAULT_GAZETTEER) for w in ("البيت", "الأبيض"))
    >>> _raw_link(a, b) > 0
    True
"""

from __future__ import annotations

from .tokens import _COMPOUND_PARTICLES, _Tok
from .weights import _HARD


def _name_link(a: _Tok, b: _Tok) -> float | None:
    """Score of a link that opens or continues a person's name, or None if it is not one."""
    if a.honorific:
        if b.first or b.particle or b.person:
            return 3.0
        if not (b.definite or b.entity or b.function or b.head or b.latin or b.number):
            return 3.0
        return -1.0
    if a.particle:
        return -2.0 if b.function else 3.0
    if a.first:
        if b.particle or b.person:
            return 3.0
        if b.first:
            return 1.0
        if b.entity or b.function or b.head or b.title_start or b.honorific or b.number:
            return -1.0
        return 2.5
    if b.particle and b.key in {"بن", "ابن", "بنت", "ال"}:
        return 0.5
    return None


def _name_trigram(pp: _Tok | None, p: _Tok, a: _Tok, b: _Tok) -> float | None:
    """What the link ``a``-``b`` is worth when ``p`` precedes ``a`` in the same phrase.

    A name has a shape: after a first name (or after بن + a name) comes the family name, and
    after that only a particle (بن، آل) goes on; after عبد/أبو or an honorific the next word
    completes a first name, so a family name may follow it, unless a first name came before
    (``pp``: أحمد أبو الغيط, where أبو الغيط is the family name). None: no constraint.
    """
    if a.particle or a.honorific:
        return None
    compound = p.particle and p.key in _COMPOUND_PARTICLES
    if compound and pp is not None and (pp.first or (pp.particle and not pp.honorific)):
        return 3.0 if b.particle else -2.0
    if p.honorific or compound:
        if b.particle:
            return 3.0
        if (b.entity and not b.person) or b.function or b.head or b.title_start or b.honorific:
            return -1.0
        return 2.5
    if p.first or p.particle:
        return 3.0 if b.particle else -2.0
    return None


def _raw_link(a: _Tok, b: _Tok) -> float:
    """Grammar of two neighbouring tokens: how likely one tag runs on from ``a`` into ``b``."""
    if a.key == b.key:
        return _HARD
    if a.function or b.function:
        return -2.0
    name = _name_link(a, b)
    if name is not None:
        return name
    if b.honorific:
        return _HARD
    if b.first:
        # After a word that cannot end a name-less phrase of its own kind (a definite word, a
        # known entity, a head, an adjective) a first name opens a new tag; after an unknown
        # bare word it may be the second half of a name the lists lack (حسام حسن).
        if a.definite or a.entity or a.person or a.head or a.inisba or a.latin or a.number:
            return _HARD
        return 0.0
    if b.title_start and not (a.head or a.title_start or a.particle):
        return _HARD
    if b.number:
        # Years and numbers complete the tag before them: رؤية 2030، قرار 2720، عيار 21.
        return -1.0 if a.number else 1.0
    if a.number:
        return -1.5
    if a.latin or b.latin:
        if a.latin and b.latin:
            return 1.0 if a.titlecase and b.titlecase else -1.0
        return -1.5
    if b.conj:
        # A tag never starts with و-: a definite word with it coordinates (الحج والعمرة).
        return 1.0 if a.definite else -1.0
    if b.pp:
        return -1.5 if (a.definite or a.entity or a.person) else 0.0
    if a.definite:
        if b.definite:
            if b.adj == 2:
                return 1.5 if a.adj else 2.5
            if b.adj == 1:
                return 0.5
            return -1.5
        return -2.0
    # ``a`` is indefinite: a construct head, an indefinite noun, or a bare proper name.
    a_name = a.entity or a.person
    if a.inisba:
        return -1.5
    if b.definite:
        if a_name:
            return -1.5
        return 2.5 if a.head else 0.75
    if b.inisba:
        if a_name:
            return -1.5
        return 1.5 if (a.head or b.inisba == 2) else 0.75
    if b.entity or b.person:
        if a_name:
            return -2.0
        return 2.5 if a.head else -0.5
    if b.head:
        return 0.5 if a.bound_head else -1.0
    if a_name:
        return -1.0
    return 1.0 if a.head else -0.25


def _end_penalty(prev: _Tok, t: _Tok, supported: bool = False) -> float:
    if t.honorific or t.particle or t.function:
        return -4.0
    if t.bound_head:
        return -2.0
    # A construct chain must end in a definite word or a name (وقف إطلاق النار), not in a
    # bare indefinite noun (كيربي هدنة), unless the article has the two words as a run or a
    # known phrase ends there (an adjective the grammar cannot see: أمطار غزيرة).
    if (
        not supported
        and not (t.definite or t.entity or t.person or t.inisba or t.latin or t.number)
        and not (prev.definite or prev.first or prev.particle or prev.honorific)
        and not prev.latin
    ):
        return -1.0
    return 0.0
