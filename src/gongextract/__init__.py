"""gongextract: numeric claims out of Chinese news text about trade unions and local government.

>>> from gongextract import extract
>>> claim = extract("全省建成职工书屋1.5万余家。")[0]
>>> claim.value, claim.qualifier, claim.unit, claim.kind
(15000, 'over', '家', 'count')
"""

from .claims import Claim, extract, iter_claims
from .rules import RuleError, load_rules

__all__ = ["Claim", "RuleError", "extract", "iter_claims", "load_rules"]
