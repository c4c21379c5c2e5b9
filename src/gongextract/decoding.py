"""Bytes to text: the encoding is found, not assumed, and a decode that looks wrong is said.

Order: ``--encoding`` when given; a byte-order mark; UTF-8 (which a wrong guess almost never passes);
then charset-normalizer picks among the encodings Chinese pages are saved in (GB18030/GBK, Big5 and
Big5-HKSCS, UTF-16 without a mark). Anything else (Latin-1, binary) is an error naming what it looked
like. Whatever decoded it, the text is checked: replacement characters, or many characters that Chinese
text does not use (the mark of mojibake), give a ``warning`` the caller must show.

>>> decode("勞動部今天表示".encode("big5"))
Decoded(text='勞動部今天表示', encoding='big5hkscs', warning=None)
>>> decode("勞動部今天表示".encode("big5"), "gb18030").warning
'decoded as gb18030, but 4 of 7 characters are not ones Chinese text uses: mojibake? (try --encoding)'
"""

from __future__ import annotations

import codecs
import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer's name → the codecs that read that family, widest first: Big5-HKSCS holds Big5,
# and cp950 (Windows Big5) adds a few symbols it lacks (€); GB18030 holds GBK and GB2312.
_FAMILIES = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "gb18030": ("gb18030",),
    "big5": ("big5hkscs", "cp950"),
    "big5hkscs": ("big5hkscs", "cp950"),
    "cp950": ("cp950", "big5hkscs"),
    "utf_16_le": ("utf-16-le",),
    "utf_16_be": ("utf-16-be",),
    "utf_16": ("utf-16",),
    "utf_8": ("utf-8",),
    "ascii": ("utf-8",),
}
_CHINESE = ("gb18030", "big5hkscs", "cp950", "utf-16-le", "utf-16-be")
_HOLES = "decoded as {codec} with {holes} replacement characters (U+FFFD): bytes that were not text"
_SUSPECT_SHARE = 0.1  # of the non-ASCII characters; real articles stay under 2 % (tests/test_sources.py)
_SUSPECT_MIN = 3  # … and at least this many, so one rare name in a short text is no alarm


@dataclass(frozen=True)
class Decoded:
    """The text, the codec that produced it, and why it looks wrong (None when it does not)."""

    text: str
    encoding: str
    warning: str | None = None


def codec_name(encoding: str) -> str:
    """The Python codec a charset label names (``big5``, ``GBK``, ``x-gbk``), widened as above."""
    name = codecs.lookup(encoding.strip().lower().removeprefix("x-")).name.replace("-", "_")
    return _FAMILIES.get(name, (name,))[0]


def decode(data: bytes, encoding: str | None = None, hint: str | None = None) -> Decoded:
    """Decode a whole file; raise ValueError with a short reason when it cannot be read as text.

    ``encoding`` forces the codec; ``hint`` (a page's ``<meta charset>``) is tried after UTF-8 and
    before detection.
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ValueError(f"cannot decode as {encoding}: {exc}") from None
        return Decoded(text, encoding, looks_wrong(text, encoding))
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _holes(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise ValueError(f"invalid {codec} after its byte-order mark: {exc}") from None
    if b"\x00" in data[:8192]:  # UTF-16 has NULs (its ASCII, and 一 is 4E00); other text has none
        try:
            found = _detected(data)
        except ValueError:
            found = None
        if found is None or not found.encoding.startswith("utf-16") or found.warning:
            raise ValueError("binary file (NUL bytes), not text")
        return found
    try:
        return _holes(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if hint:
        try:
            codec = codec_name(hint)
            hinted = _checked(data.decode(codec), codec)
            if hinted.warning is None:
                return hinted
        except (UnicodeDecodeError, LookupError):
            pass  # the page's label is wrong (a Big5 page saying gb2312): detect, as browsers do
    return _detected(data)


def _holes(text: str, codec: str) -> Decoded:
    """A decode that cannot be a wrong guess (a byte-order mark, valid UTF-8): only U+FFFD is looked for."""
    holes = text.count("\ufffd")
    return Decoded(text, codec, _HOLES.format(codec=codec, holes=holes) if holes else None)


def _checked(text: str, codec: str) -> Decoded:
    return Decoded(text, codec, looks_wrong(text, codec))


def _detected(data: bytes) -> Decoded:
    """charset-normalizer's pick when it is one of ours and reads clean; else the cleanest of ours."""
    from charset_normalizer import from_bytes  # only files that are not UTF-8 pay for it

    best = from_bytes(data).best()
    family = _FAMILIES.get(best.encoding, ()) if best is not None else ()
    reads: list[tuple[int, int, Decoded]] = []
    for rank, codec in enumerate(dict.fromkeys((*family, *_CHINESE))):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        found = _checked(text, codec)
        if found.warning is None and codec in family:
            return found
        reads.append((sum(_flaws(text)[:2]), rank, found))
    clean = [read for read in reads if read[2].warning is None]
    if clean:  # a short text can read as well in Korean or UTF-16: the cleanest Chinese reading wins
        return min(clean, key=lambda read: read[:2])[2]
    if best is not None and not family:
        raise ValueError(f"not Chinese text: it reads best as {best.encoding} (pass --encoding to force)")
    return _patched(data)


def _patched(data: bytes) -> Decoded:
    """A few damaged bytes in an otherwise good file (a cut-off last character, a bad copy): keep the
    text with holes marked, from the codec that needs the fewest, and say so (the warning)."""
    best: tuple[int, str, str] | None = None
    for codec in ("utf-8", "gb18030", "big5hkscs"):
        text = data.decode(codec, errors="replace")
        holes, odd, _ = _flaws(text)
        if best is None or holes + odd < best[0]:
            best = (holes + odd, text, codec)
    assert best is not None
    flaws, text, codec = best
    if flaws > max(_SUSPECT_MIN, len(text) // 200):
        raise ValueError("binary data, or text in no encoding found (pass --encoding if you know it)")
    return _checked(text, codec)


def looks_wrong(text: str, codec: str) -> str | None:
    """Why ``text`` (decoded with ``codec``) looks like a bad decode, or None.

    >>> looks_wrong("职工\\ufffd书屋", "utf-8")
    'decoded as utf-8 with 1 replacement characters (U+FFFD): bytes that were not text'
    """
    holes, odd, wide = _flaws(text)
    if holes:
        return _HOLES.format(codec=codec, holes=holes)
    if odd >= _SUSPECT_MIN and odd > _SUSPECT_SHARE * wide:
        return (
            f"decoded as {codec}, but {odd} of {wide} characters are not ones Chinese text uses: "
            "mojibake? (try --encoding)"
        )
    return None


def _flaws(text: str) -> tuple[int, int, int]:
    """(replacement characters, characters Chinese text does not use, non-ASCII characters)."""
    if text.isascii():
        return 0, 0, 0
    counts = Counter(c for c in text if not c.isascii())
    odd = sum(n for c, n in counts.items() if c != "\ufffd" and not _usual(c))
    return counts["\ufffd"], odd, sum(counts.values())


@functools.cache
def _usual(char: str) -> bool:
    """Whether Chinese news text uses ``char``: a common hanzi, punctuation, a symbol or a letter.

    Common hanzi are those of GB2312 (simplified) and of Big5's first level (traditional); mojibake
    is mostly rare hanzi, kana, Greek, Cyrillic, box drawing and private-use characters.
    """
    if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or char >= "\U00020000":
        return _in(char, "gb2312") or b"\xa4\x40" <= _encoded(char, "big5") <= b"\xc6\x7e"
    category = unicodedata.category(char)
    if category[0] in "PSZN":  # punctuation, symbols (℃ ①…), spaces, numerals
        return not ("\u2500" <= char <= "\u259f")  # box drawing: what Big5 read as GBK makes
    if category[0] == "L" and char < "\u0370":
        return True  # Latin letters: pinyin with tones (chǎn), names
    return False  # kana, hangul, Greek, Cyrillic, private use, controls


def _in(char: str, codec: str) -> bool:
    return bool(_encoded(char, codec))


def _encoded(char: str, codec: str) -> bytes:
    try:
        return char.encode(codec)
    except UnicodeEncodeError:
        return b""
