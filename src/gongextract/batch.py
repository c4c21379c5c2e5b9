"""Extract over a stream of documents, in worker processes when asked, keeping input order.

>>> from gongextract.sources import Document, InputError
>>> items = [Document("a", "建成1032家"), InputError("b", "binary file")]
>>> [(item.doc if isinstance(item, Document) else item.where, type(out).__name__)
...  for item, out in extract_many(items, jobs=1)]
[('a', 'list'), ('b', 'InputError')]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path

from .claims import Claim, extract
from .rules import RuleSet, load_rules
from .sources import Document, InputError

Item = Document | InputError
Result = list[Claim] | InputError

_BATCH_PER_JOB = 16
_rules: RuleSet | None = None


def _init(rules_dir: str | None) -> None:
    global _rules
    _rules = load_rules(rules_dir)


def _work(item: Item) -> Result:
    """Claims of one document, or the error it carries or raises (the run goes on either way)."""
    if isinstance(item, InputError):
        return item
    try:
        return extract(item.text, item.doc, _rules)
    except Exception as exc:  # a bug must cost one document, not the whole batch
        return InputError(item.doc, f"internal error while extracting: {type(exc).__name__}: {exc}")


def extract_many(
    items: Iterable[Item], jobs: int = 1, rules_dir: str | Path | None = None
) -> Iterator[tuple[Item, Result]]:
    """``(item, claims or error)`` for every item, in input order.

    With ``jobs > 1`` and at least two items, documents go to ``jobs`` worker processes, each of
    which loads the rules once; results still come back in input order.
    """
    rules_arg = None if rules_dir is None else str(rules_dir)
    stream = iter(items)
    head = list(itertools.islice(stream, 2))
    if jobs <= 1 or len(head) < 2:
        _init(rules_arg)
        for item in itertools.chain(head, stream):
            yield item, _work(item)
        return
    import multiprocessing  # only a run with workers pays for it

    items = itertools.chain(head, stream)
    size = jobs * _BATCH_PER_JOB
    with multiprocessing.get_context("fork").Pool(jobs, _init, (rules_arg,)) as pool:
        batch = list(itertools.islice(items, size))
        pending = pool.map_async(_work, batch, chunksize=1)
        while batch:
            following = list(itertools.islice(items, size))  # read ahead one batch only: memory stays flat
            upcoming = pool.map_async(_work, following, chunksize=1) if following else None
            yield from zip(batch, pending.get(), strict=False)
            batch, pending = following, upcoming  # type: ignore[assignment]
