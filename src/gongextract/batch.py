"""Extract over a stream of documents, in worker processes when asked, keeping input order.

>>> from gongextract.sources import Document, InputError
>>> items = [Document("a", "建成1032家"), InputError("b", "binary file")]
>>> [(item.doc if isinstance(item, Document) else item.where, type(out).__name__)
...  for item, out in extract_many(items, jobs=1)]
[('a', 'list'), ('b', 'InputError')]
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .claims import Claim, iter_claims
from .rules import RuleSet, load_rules
from .sources import Document, InputError

Item = Document | InputError
Render = Callable[[Iterable[Claim]], Any]

_BATCH_PER_JOB = 32  # documents read ahead per worker
_BATCH_CHARS = 8_000_000  # … and at most this many characters, so huge documents do not pile up
_CHUNK = 4  # documents per task: fewer, larger messages between processes
_rules: RuleSet | None = None
_render: Render | None = None


def claims_as_list(claims: Iterable[Claim]) -> list[Claim]:
    """The default rendering: the claims themselves."""
    return list(claims)


def _init(rules_dir: str | None, render: Render) -> None:
    global _rules, _render
    _rules, _render = load_rules(rules_dir), render


def _work(item: Item) -> Any:
    """One document's records, rendered, or the error it carries or raises (the run goes on)."""
    if isinstance(item, InputError):
        return item
    assert _render is not None
    try:
        return _render(iter_claims(item.text, item.doc, _rules))  # rendered as they come
    except Exception as exc:  # a bug must cost one document, not the whole batch
        return InputError(item.doc, f"internal error while extracting: {type(exc).__name__}: {exc}")


def _take(source: Iterator[Item], count: int) -> list[Item]:
    """The next ``count`` items, or fewer once they hold ``_BATCH_CHARS`` characters."""
    batch: list[Item] = []
    chars = 0
    for item in source:
        batch.append(item)
        chars += len(item.text) if isinstance(item, Document) else 0
        if len(batch) >= count or chars >= _BATCH_CHARS:
            break
    return batch


def extract_many(
    items: Iterable[Item],
    jobs: int = 1,
    rules_dir: str | Path | None = None,
    render: Render = claims_as_list,
) -> Iterator[tuple[Item, Any]]:
    """``(item, render(claims) or InputError)`` for every item, in input order.

    With ``jobs > 1`` and at least two items, documents go to ``jobs`` worker processes, each of
    which loads the rules once and renders its documents' records itself (``render`` must be
    picklable: a module-level function or a partial of one); results come back in input order.
    """
    rules_arg = None if rules_dir is None else str(rules_dir)
    stream = iter(items)
    head = list(itertools.islice(stream, 2))
    if jobs <= 1 or len(head) < 2:
        _init(rules_arg, render)
        for item in itertools.chain(head, stream):
            yield item, _work(item)
        return
    import multiprocessing  # only a run with workers pays for it

    source = itertools.chain(head, stream)
    size = jobs * _BATCH_PER_JOB
    with multiprocessing.get_context("fork").Pool(jobs, _init, (rules_arg, render)) as pool:
        batch = _take(source, size)
        pending = pool.map_async(_work, batch, chunksize=_CHUNK)
        while batch:
            following = _take(source, size)  # read ahead one batch only: memory stays flat
            upcoming = pool.map_async(_work, following, chunksize=_CHUNK) if following else None
            yield from zip(batch, pending.get(), strict=True)
            batch, pending = following, upcoming  # type: ignore[assignment]
