"""Web pages to article text: the main text of a saved page, without its navigation, breadcrumbs,
share bars, related links and footer, the title as the first line and one paragraph per line.

The boilerplate remover is trafilatura (the ``html`` extra), imported on the first page only.
Offsets of the records index the text this returns, which ``gongextract text PAGE`` prints.

>>> charset_hint(b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">')
'big5'
"""

from __future__ import annotations

import re
from typing import Any

# Compiled on first use (re caches them): a run over text files never pays for them.
_CHARSET = rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
_LOOKS_HTML = rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b"


class MissingExtra(RuntimeError):
    """HTML input without trafilatura installed: the whole run stops with one line saying what to install."""


def charset_hint(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta>`` tag within its first 4 KB (as browsers look), if any."""
    m = re.search(_CHARSET, data[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii") if m else None


def looks_like_html(head: bytes) -> bool:
    """Whether a stream opens as a web page (``<!DOCTYPE html>``, ``<html>``, ``<head>``)."""
    return bool(re.match(_LOOKS_HTML, head.removeprefix(b"\xef\xbb\xbf"), re.IGNORECASE | re.DOTALL))


def page_text(html: str) -> str:
    """The page's title and main text, one paragraph per line; ValueError when it has none."""
    try:
        import trafilatura
    except ImportError:
        raise MissingExtra(
            "reading HTML needs trafilatura: pip install 'gongextract[html]' (or extract the text first)"
        ) from None
    # favor_precision: on pages shaped like real ones (tests/pages) it drops share bars and datelines
    # that the default keeps, and keeps paragraphs as lines where the default ran them together.
    found: Any = trafilatura.bare_extraction(  # a Document (trafilatura 2), with .title and .text
        html, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
    )
    body = (found.text or "").strip() if found is not None else ""
    if not body:
        raise ValueError("no article text found in the page")
    title = " ".join((found.title or "").split())
    if not title or body.startswith(title):
        return body
    return f"{title}\n{body}"
