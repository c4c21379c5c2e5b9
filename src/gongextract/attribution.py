"""What a number counts (object) and the verb linking them (action); the programme it reports on
comes from :mod:`gongextract.programmes`.

Only the clause around the number is segmented (see :mod:`gongextract.segment`).

>>> from gongextract.rules import load_rules
>>> from gongextract.quantities import find_quantities
>>> from gongextract.programmes import programme_candidates
>>> text = "全省累计建成“司机之家”1032家,其中8家被评为暖心服务“司机之家”。"
>>> q = find_quantities(text, load_rules())[0]
>>> rules = load_rules()
>>> attribute(text, q, Window(0, len(text), 0, 21), programme_candidates(text, 0, len(text), rules), rules)
Attribution(object='司机之家', program='司机之家', action='建成')
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex

from .clauses import OPENING_SPLIT, STRONG_MARKS, STRONG_SPLIT, clause_end, clause_start, first_clause
from .patterns import cue_index
from .places import is_place, mentions
from .programmes import QUOTED, Candidate, echoed, programme
from .programmes import STRIP as STRIP
from .programmes import UNQUOTE as UNQUOTE
from .quantities import Quantity
from .rules import RuleSet
from .segment import head_noun, segment, tag
from .timing import LEADING_DATE

_JOINERS = ("和", "与", "及", "、")  # what joins the parts of a subject (A和B分别为…) or two numbers (1200名和950名)
_PARTS = regex.compile("|".join(_JOINERS))
_NUMBERS = regex.compile(r"\d+(?:\.\d+)?")  # the numbers that follow 分别 (3.2%和4.5%)
_WHO = regex.compile(r"\p{Han}{2,6}")  # who a rate per head names after it (每个先进集体)
_ASPECT = ("了", "着", "过")  # particles after a verb (颁发了)
_MORE = regex.compile(r"(?:和|与|及|、)[\d.,]+[万亿千]?")  # one more number of a list (、2400)
_LABEL = regex.compile(r"(?:^|\n|\s)(\p{Han}{1,6})\s*[:：]\s*$")  # a table row's label: 月薪：28,590 元
_NUMBER = re.compile(r"\d")  # words after a number end where another number begins (、4.9%和5.4%)
_BEFORE_MAX, _AFTER_MAX = 24, 14
_RATIOS = ("比例", "比重", "占比")
_PAIRED = regex.compile(r"^\s*[(（][^()（）]{1,12}[)）]")  # 逾六成(61.3%): the same share written again
_DESCRIBED_MAX = 24
_HAN = regex.compile(r"\p{Han}")  # a share's whole that already names the ratio
_CONTEXT = 200  # characters before the sentence where an unnamed count of people may find 职工
_PEOPLE = ("people", "person_times")


@dataclass(frozen=True)
class Attribution:
    object: str | None
    program: str | None
    action: str | None


@dataclass(frozen=True)
class Window:
    """Where a quantity's words may come from: its sentence, and the neighbouring quantities."""

    sentence_start: int
    sentence_end: int
    previous_end: int  # end of the quantity before it in the sentence (or the sentence start)
    next_start: int  # start of the quantity after it in the sentence (or the sentence end)
    previous_action: str | None = None  # the verb of the claim before it in the sentence
    previous_object: str | None = None  # … its object
    previous_unit: str | None = None  # … and its unit and kind
    previous_kind: str | None = None
    next_end: int | None = None  # end of the quantity after it in the sentence, if any
    counted: tuple[tuple[int, str | None, str | None], ...] = ()  # (start, object, unit) of earlier claims
    paragraph_money: str | None = None  # the object of the last sum of money earlier in its paragraph


def _trim(words: list[str], rules: RuleSet) -> str:
    """Join words, dropping function words, places and quote marks at either edge."""

    def noise(w: str) -> bool:
        return (
            not w.strip(STRIP)
            or w in rules.function_words
            or is_place(w, rules)
            or w.isdigit()
            or _span_of_time(rules).fullmatch(w) is not None  # 五年来全省…: 五年 is when, not what
        )

    words = _undated(words)
    while words and noise(words[0]):
        words = words[1:]
    while words and noise(words[-1]) and not (words[-1] == ")" and "(" in words):
        words = words[:-1]
    phrase = "".join(words).translate(UNQUOTE).lstrip(STRIP)  # inner 、 and () stay: 企业工会、社区(园区)工联会
    return phrase if phrase.endswith(")") and "(" in phrase else phrase.rstrip(STRIP)  # 县(市、区) keeps its ")"


def _undated(words: list[str]) -> list[str]:
    """Words without the date they open with (到2027年全县技能人才: when, not what)."""
    date = LEADING_DATE.match("".join(words))
    if date is None:
        return words
    length = 0
    for i, word in enumerate(words):
        length += len(word)
        if length >= date.end():
            return words[i + 1 :] if length == date.end() else words  # only a date that ends a word
    return words


def _clause_before(text: str, q: Quantity, w: Window, rules: RuleSet) -> tuple[str, bool]:
    """The words of the claim's clause before it, and whether they open with 、 right after the claim
    before (设立工作站160个、纠纷化解巡回服务点309个: a list item). A 、 elsewhere joins a list of
    nouns and stays (慰问困难职工、农民工和一线劳动者36.5万人次)."""
    start = max(w.previous_end, w.sentence_start, q.start - _BEFORE_MAX)
    rate = _per_unit(rules).match(text, start) if start == w.previous_end else None
    start = rate.end() if rate else start  # 由6380元/月提高到: the rate's period belongs to the number before
    stretch = text[start : q.start]
    label = _LABEL.search(stretch)
    if label:  # 月薪：28,590 元: a label before a colon names what its figure is
        return label.group(1), False
    clause = OPENING_SPLIT.split(stretch)[-1]  # 目标是:地区生产总值增长5.5%
    after_previous = start == w.previous_end > w.sentence_start
    if after_previous and (clause in _JOINERS or not clause.strip(STRIP)):  # 326万元和158万元, 28,590元 → 29,500元
        return "", True
    listed = after_previous and clause.startswith("、")
    return clause.lstrip("、"), listed


def _inherited(w: Window, clause: str, listed: bool) -> str | None:
    """The verb a claim shares with the one before it: as a list item (设立工作站160个、服务点309个;
    培养500名南粤工匠、3000名市级工匠), or as the second number of one phrase (组织1286批次21.6万名)."""
    follows = w.previous_end > w.sentence_start and (not clause or listed or clause.endswith("、"))
    return w.previous_action if follows else None


def _before(clause: str, listed: bool, w: Window, rules: RuleSet, rate: bool = False) -> tuple[str, str | None]:
    """Object and action written before the number (``clause`` from :func:`_clause_before`; ``rate``
    for a percentage): 建成“司机之家”1032家."""
    cap = next((surface for surface in _caps(rules) if clause.endswith(surface)), None)
    if cap:  # a cap word outside the span names what is capped: 最高限额1500万元 → 限额 (SPEC)
        return _cap_noun(cap, rules), None
    origin = max((m.start() for m in cue_index(rules, "origin").finditer(clause)), default=None)
    rest = clause[origin + 1 :] if origin is not None else ""
    per = _per_at_end(rest, rules)
    if origin is not None and (not _trim(segment(rest, rules), rules) or (per is not None and per.start() == 0)):
        clause = clause[:origin]  # 工资由现行的40元调升至…, 标准由每个1万元提高到…: what changes stands before 由
    words = segment(clause, rules) if clause else []
    verbs = [
        i
        for i, word in enumerate(words)
        if (word in rules.actions or word in rules.level_verbs)
        and not (i + 1 < len(words) and words[i + 1] in rules.noun_suffixes)  # 帮扶类诉求: a noun
    ]
    if not verbs or (listed and verbs[0] > 0):  # 、惠及居民24万户 has its own verb; 、纠纷化解服务点 does not
        return _trim(words, rules), _inherited(w, clause, listed)
    last = verbs[-1]
    if words[last] in rules.share_verbs:  # 女职工会员…占会员总数的43.6%: the share is the subject's
        return _trim(words[:last], rules), words[last]
    after_verb = _trim(words[last + 1 :], rules)
    if after_verb and len(verbs) > 1 and verbs[-2] == last - 1 and after_verb.endswith(rules.money_nouns):
        return _trim(words[last:], rules), words[last - 1]  # 投入帮扶资金: the money is named by its purpose
    if after_verb:
        return after_verb, words[last]
    if words[last] in rules.level_verbs:  # 农民工入会率达到92.3%: what reached the level comes first
        first = verbs[0]  # 发放慰问金和慰问物资折合386.5万元: what was given reached the sum (not a rate: 组建率)
        opens = first < last and words[first] in rules.actions and not _trim(words[:first], rules)
        if opens and _trim(words[first + 1 : last], rules) and not rate:
            return _trim(words[first + 1 : last], rules), words[first]
        return _trim(words[:last], rules), words[last]
    if len(verbs) > 1:  # 开展培训24.6万人次: 培训 is the object
        return _trim(words[verbs[-2] + 1 : last + 1], rules), words[verbs[-2]]
    return "", words[last]


def _after(text: str, q: Quantity, w: Window, rules: RuleSet) -> str:
    """The noun phrase right after the number: 646名一线产业工人进入大学课堂."""
    start = q.end + 1 if text.startswith("的", q.end) else q.end
    rate = _per_unit(rules).match(text, start)  # 6912元/月: the rate's period, not a noun
    start = rate.end() if rate else start
    if q.kind in _PEOPLE:
        award = next((v for v in rules.award_verbs if text.startswith(v, start)), None)
        if award:  # 866人获评全国、江西省劳动模范和先进工作者
            rest = STRONG_SPLIT.split(text[start + len(award) : w.sentence_end], maxsplit=1)[0]
            return _trim(segment(rest[:_BEFORE_MAX], rules), rules)
    limit = w.next_start
    valued = text.startswith("的", q.end)  # 价值200—300元的“入会大礼包”: a sum described as the value of a thing
    if w.next_end is not None and text[start : w.next_start] in _JOINERS:
        start, limit = _list_end(text, w.next_end, q.unit), w.sentence_end  # 1200名和950名职工: the noun after
        valued = valued or text.startswith("的", start)  # the last is shared (6000元、3600元和2400元的生活救助)
        start += text.startswith("的", start)
    stop = clause_end(text, start, limit, STRONG_MARKS)
    listing = _listing(text[start:stop], rules)
    start += len(listing)  # 210名藏族、回族等少数民族一线职工: the list, then what it is of
    chunk = _NUMBER.split(first_clause(text[start : min(limit, start + _AFTER_MAX)]), maxsplit=1)[0]
    if q.kind in _PEOPLE:
        described = _described_people(text[start:stop], rules)
        if described:  # 1.7万名接触粉尘、噪声等职业病危害因素的一线职工: the people the 的-clause describes
            return described
    money = q.kind == "money"
    if money and not valued and not any(noun in chunk for noun in rules.money_nouns):
        return ""  # 投入9822.5万元常态化走访: what the money did, not what it is
    chunk_words = segment(chunk, rules) if chunk else []
    at = None if money else next((pos for pos, _ in mentions(chunk, 1, len(chunk), rules)), None)
    head = segment(chunk[:at], rules) if at is not None else []
    if len(head) == 1 or (head and head[-1].endswith(rules.people_nouns)):
        chunk_words = head  # 授予215名职工天津市五一劳动奖章: the place opens the second object
    if money:  # 按每个2000—5000元标准给予一次性补助: the sum is of what is given at that rate
        chunk_words = chunk_words[1:] if chunk_words and chunk_words[0] in rules.rate_nouns else chunk_words
        chunk_words = chunk_words[1:] if len(chunk_words) > 1 and chunk_words[0] in rules.actions else chunk_words
    breaks = [
        i
        for i, word in enumerate(chunk_words)
        if (word in _phrase_breaks(rules) and not (money and word in rules.money_nouns))  # 500元临时救助
        or (not money and _verb_after_noun(chunk_words, i, rules))  # 7名一线职工颁发了证书
    ] + [len(chunk_words)]
    words = chunk_words[: breaks[0]]
    if breaks[0] == 0 and len(breaks) > 1 and q.kind in _PEOPLE:
        relative = "".join(chunk_words[: breaks[1]])  # 45.38万名参与疫情防控工作人员: a verb phrase before its people
        if relative.endswith(rules.people_nouns):
            words = chunk_words[: breaks[1]]
    runs_on = start + len(chunk) == limit == w.next_start and not _PARTS.search(chunk)
    if words and len(words) == len(chunk_words) and runs_on:
        return ""  # 会员108.6万人其中农民工会员32.4万人: the words run into the next number and name its count
    phrase = listing + _trim(words, rules) if words else ""
    if money and any(word.endswith(rules.people_nouns) for word in words):  # 月入1万港元的受访者: people
        return ""
    return "" if money and not valued and not phrase.endswith(rules.money_nouns) else phrase  # 安排7000万元资金


def _verb_after_noun(words: list[str], i: int, rules: RuleSet) -> bool:
    """Whether ``words[i]`` is a verb that ends the noun phrase before it (一线职工|颁发了证书): a word
    of two characters or more that jieba tags a verb, after a noun, and not the first part of a noun
    jieba split (宣讲|团)."""
    word, before, after = words[i], words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""
    if len(word) < 2 or len(before) < 2 or tag(word) != "v" or word.endswith(rules.people_nouns):
        return False
    return tag(before)[:1] in ("n", "") and (len(after) != 1 or after in _ASPECT)


def _list_end(text: str, at: int, unit: str | None) -> int:
    """Where a list of numbers in one unit that goes on at ``at`` ends (、3600元和2400元)."""
    while unit and (more := _MORE.match(text, at)) and text.startswith(unit, more.end()):
        at = more.end() + len(unit)
    return at


def _listing(clause: str, rules: RuleSet) -> str:
    """A list of nouns closed by 等 (rules/list_ends.tsv) that opens ``clause`` (藏族、回族等 in
    藏族、回族等少数民族一线职工), or ""."""
    ends = [(at, -len(s), s) for s in rules.list_ends if (at := clause.find(s, 0, _DESCRIBED_MAX)) >= 0]
    if not ends:
        return ""
    cut, _, surface = min(ends)
    end = cut + len(surface)
    follower = clause[end : end + 1]  # 一、二等奖 is a rank; a 等 ending the clause closes nothing
    if "、" not in clause[:cut] or not follower or follower in rules.list_ends[surface]:
        return ""
    words = segment(clause[:cut], rules)
    return "" if any(word in _phrase_breaks(rules) for word in words) else clause[:end]


def _described_people(clause: str, rules: RuleSet) -> str | None:
    """The people a count is of, when a 的-clause after it describes them first: 接触粉尘、噪声等…的一线职工
    → 一线职工 (the words after the last 的 up to a verb, ending in a people noun)."""
    cut = clause[: _DESCRIBED_MAX * 2].rfind("的")
    if cut <= 0:
        return None
    words = segment(clause[cut + 1 : cut + 1 + _AFTER_MAX], rules)
    end = next((i for i, word in enumerate(words) if word in _phrase_breaks(rules)), len(words))
    head = _trim(words[:end], rules)
    return head if head.endswith(rules.people_nouns) else None


def _people_name(text: str, w: Window, rules: RuleSet) -> str | None:
    """A quoted name of people in the sentence (“南粤工匠”), for a count that names no noun."""
    for m in QUOTED.finditer(text, w.sentence_start, w.sentence_end):
        name: str = m.group(1) or m.group(2)
        if name.endswith(rules.people_nouns):
            return name
    return None


def _respectively(text: str, q: Quantity, w: Window, rules: RuleSet) -> tuple[str, str | None] | None:
    """A和B分别为12名、31名: the i-th number after the cue takes the i-th part of the subject, with
    the head noun the parts share (全国人大代表和省人大代表一线工人数 → 全国人大代表一线工人数, …);
    the verb of the cue (分别增长) is the action."""
    head = text[w.sentence_start : q.start]
    cue = max(cue_index(rules, "respectively").finditer(head), key=lambda m: m.end(), default=None)
    if cue is None or STRONG_SPLIT.search(head, cue.end()):
        return None
    index = len(_PARTS.findall(head, cue.end()))
    subject = STRONG_SPLIT.split(head[: cue.start()])[-1]
    parts = [p for p in _PARTS.split(subject) if p]
    if not parts:  # 女会员1.18亿人、农民工会员1.43亿人,分别占…: the parts are what the clause before counted
        at = w.sentence_start + cue.start()
        clause = clause_start(text, at - 1, w.sentence_start, STRONG_MARKS)
        parts = [obj for pos, obj, _ in w.counted if clause <= pos < at and obj]
    if len(parts) < 2:  # 行业依序为制造业、批发及零售业,人数分别为61.3万人、38.5万人: the parts end the clause before
        parts = _listed_before(head[: cue.start()], rules) or parts
    if len(parts) < 2:  # 筹集资金42.6亿元,走访职工1060万人次,较上年分别增长3.2%和4.5%: the sentence's last counts
        at = w.sentence_start + cue.start()
        listed = len(_NUMBERS.findall(text, at + len(cue.group()), w.sentence_end))
        earlier = [obj for pos, obj, _ in w.counted if w.sentence_start <= pos < at and obj]
        parts = earlier[-listed:] if 2 <= listed <= len(earlier) else parts
    if len(parts) < 2 or index >= len(parts):
        return None
    parts = [next((p[m.end() :] for c in rules.cues["subset"] if (m := c.match(p))), p) for p in parts]  # 其中省级
    if all(any(pos == 0 for pos, _ in mentions(p, 0, len(p), rules)) for p in parts):
        return None  # 宜昌、襄阳两地分别有…: the parts are places, not what is counted
    last = parts[-1]
    shared = next(
        (last[last.find(p[-k:]) + k :] for p in parts[:-1] for k in range(len(p), 1, -1) if p[-k:] in last), ""
    )
    if not shared and all(len(p) == 1 for p in parts[:-1]):  # 一、二、三等奖 → 一等奖, 二等奖, 三等奖
        shared = last[1:]
    part = (parts[index] if index == len(parts) - 1 else parts[index] + shared).translate(UNQUOTE).strip(STRIP)
    verbs = _verb_pattern(rules).findall(cue.group())
    return (part, verbs[-1] if verbs else None) if part else None


def _listed_before(head: str, rules: RuleSet) -> list[str]:
    """The items of a 、 list that ends the clause before the subject of 分别, written without numbers
    (依序为制造业、批发及零售业、住宿及餐饮业): what each number is of."""
    clauses = STRONG_SPLIT.split(head)
    if len(clauses) < 2 or _NUMBER.search(clauses[-2]):
        return []
    items = clauses[-2].split("、")
    words = segment(items[0], rules)
    opened = max(
        (i + 1 for i, word in enumerate(words) if word in _phrase_breaks(rules) or word in rules.function_words),
        default=0,
    )
    items[0] = "".join(words[opened:])
    return [item for item in items if item] if len(items) > 1 else []


def _described(text: str, q: Quantity, w: Window, rules: RuleSet) -> str | None:
    """The people or things a share is of, when the clause after it describes them (七成半受访者每周
    工作超过44小时 → 受访者每周工作超过44小时); None when the share ends its clause or a break follows."""
    rest = _PAIRED.sub("", text[q.end : clause_end(text, q.end, w.sentence_end, STRONG_MARKS)], count=1)
    rest = first_clause(rest.lstrip(")）").removeprefix("的"))[:_DESCRIBED_MAX]
    if len(rest) < 2 or not _HAN.match(rest):
        return None
    first = segment(rest[:_AFTER_MAX], rules)[0]
    return None if first in _phrase_breaks(rules) or first in rules.function_words or first[0].isdigit() else rest


def _money_named(text: str, q: Quantity, w: Window, rules: RuleSet) -> str | None:
    """The money a per-head amount is a share of: named after it in its clause (按每个1.5万元的标准给予
    补助), else by the last sum earlier in its paragraph (发放助学金80万元。其中,…每人三千元)."""
    rest = text[q.end : clause_end(text, q.end, w.sentence_end, STRONG_MARKS)]
    named = min(((rest.find(n), -len(n), n) for n in rules.money_nouns if n in rest), default=None)
    return named[2] if named else _paragraph_money(w, rules)


def _paragraph_money(w: Window, rules: RuleSet) -> str | None:
    """The money noun of the last sum earlier in the paragraph (慰问金和慰问物资 → 慰问金: the first)."""
    for part in _PARTS.split(w.paragraph_money or ""):
        noun = max((n for n in rules.money_nouns if part.endswith(n)), key=len, default=None)
        if noun:
            return noun
    return None


def _whole(stretch: str, verb: str, rules: RuleSet) -> str:
    """What a share is of: the words after the share verb's last use in ``stretch``, to a number."""
    return _trim(segment(_NUMBER.split(stretch[stretch.rfind(verb) + len(verb) :])[0], rules), rules)


def _share(subject: str, verb: str, whole: str) -> str:
    """What a share measures: 农民工会员 占 会员总数 → 农民工会员占会员总数比例."""
    if not whole:
        return subject
    return f"{subject}{verb[0]}{whole}" + ("" if whole.endswith(_RATIOS) or whole == "比" else "比例")


def _object(text: str, q: Quantity, w: Window, rules: RuleSet) -> tuple[str | None, str | None]:
    split = _respectively(text, q, w, rules)
    if split and split[1] in rules.share_verbs and q.kind == "percent":
        return _share(split[0], split[1], _whole(text[w.sentence_start : q.start], split[1], rules)), split[1]
    if split:
        return split
    clause, listed = _clause_before(text, q, w, rules)
    described = _described(text, q, w, rules) if q.kind == "percent" else None
    if described:  # 七成半受访者每周工作超过44小时: the share of those the clause describes
        verbs = _verb_pattern(rules).findall(clause)
        return described + "比例", verbs[-1] if verbs else None
    after = _after(text, q, w, rules)
    if len(after) >= 2:  # the object is named after the number; the clause before gives only the verb
        verbs = _verb_pattern(rules).findall(clause)
        return after, verbs[-1] if verbs else _inherited(w, clause, listed)
    before, action = _before(clause, listed, w, rules, q.kind == "percent")
    if not before and cue_index(rules, "copula").search(clause.strip()):
        before = _prior(text, q, w, rules)  # 金融及保险活动的升幅最大,为5.4%: the clause before says what
    if not before and q.kind == "money" and action:
        before = _per_share(clause[: clause.rfind(action)], action, rules)
    lone = next((m.group(1) for m in cue_index(rules, "lone_verb").finditer(before)), None) if before else None
    if lone:  # 日均服务251.3万人次: the verb names no object
        before, action = "", lone
    role = _role(text, q, w, rules) if not before and q.kind in _PEOPLE else None
    if role:  # 帮助1400多人实现就业: people named by what they did
        return role, action
    if action in rules.share_verbs and q.kind == "percent":
        whole = _whole(clause, action, rules)
        subject = before or w.previous_object
        if whole and subject:  # 农民工会员…占会员总数的36%: a share names the ratio (SPEC: 组建率)
            return _share(subject, action, whole), action
    subset = cue_index(rules, "subset").search(clause)
    change = min((m.start() for m in cue_index(rules, "change").finditer(clause)), default=None)
    if change is not None:  # 职工收入同比增长6.2%: what changed; 比上年提高1.5个百分点: the figure before
        before = _before(clause[:change], listed, w, rules, q.kind == "percent")[0] if change else ""
    part = _part(text, q, w, rules) if action not in rules.level_verbs else None
    if part:  # 其中依托工会阵地自建1530个: part of what the sentence counted, named by how it came about
        return part
    continues = w.previous_object and (
        change is not None
        or (listed and not clause and w.previous_unit == q.unit)
        or ((action is not None or subset) and w.previous_unit == q.unit)  # 合计500人 is a total: no
        or (q.kind == "percent" and w.previous_kind == "percent")
        or (q.kind == "percent" and action in rules.level_verbs)  # 生产总值达到5.06万亿元,增长5.8%
        or (lone is not None and q.kind in _PEOPLE and w.previous_kind in _PEOPLE)
        or _totals(text, clause, w, rules)
    )
    if not before and continues:  # 新建站点420个，累计达到3860个: the same thing counted again
        before = w.previous_object or ""
    if before and q.kind == "money" and _per_at_end(before, rules):
        return before + (_money_named(text, q, w, rules) or ""), action
    if before:  # a rate of change takes what changed and how: 地区生产总值增长
        if action in rules.change_verbs and (q.kind == "percent" or change is not None) and not before.endswith(action):
            return before + action, action
        return before, action
    named = _people_name(text, w, rules) if q.kind in _PEOPLE else None
    if q.kind == "money" and action:  # 发放助学金718.5万元,其中…发放156万元: the paragraph's money
        named = _paragraph_money(w, rules)
    default, only_if_mentioned = rules.default_objects.get(q.kind, (None, False))
    if named or not default:
        return named, action
    context = text[max(0, w.sentence_start - _CONTEXT) : w.sentence_end]
    return (default if not only_if_mentioned or default in context else None), action


def _per_at_end(phrase: str, rules: RuleSet) -> regex.Match[str] | None:
    """The rate per head (每人, 户均: cue ``per``) that ``phrase`` ends with, if any."""
    return next((m for m in cue_index(rules, "per").finditer(phrase) if m.end() == len(phrase)), None)


def _per_share(head: str, action: str, rules: RuleSet) -> str:
    """Who gets each share, per what and how, when a sum's verb stands between a rate per head and
    the number (新生每人资助5000元 → 新生每人资助; 对项目部每个奖励5万元 → 项目部每个奖励; 每个先进集体
    奖励2万元 → 每个先进集体奖励), else ""."""
    per = _per_at_end(head, rules)
    if per is None:  # the rate first, then who: 每个先进集体
        per = next((m for m in cue_index(rules, "per").finditer(head) if _who(head[m.end() :], rules)), None)
        return head[per.start() :] + action if per is not None else ""
    words = segment(_trim(segment(head[: per.start()], rules), rules), rules)
    who = "".join(words[-2:]) if words and len(words[-1]) == 1 else "".join(words[-1:])  # 项目|部
    rate: str = per.group()
    return who + rate + action


def _who(phrase: str, rules: RuleSet) -> bool:
    """Whether ``phrase`` is a short noun phrase naming who gets a share (先进集体, not 最高可)."""
    return _WHO.fullmatch(phrase) is not None and tag(segment(phrase, rules)[-1]).startswith("n")


def _prior(text: str, q: Quantity, w: Window, rules: RuleSet) -> str:
    """The noun phrase of the comma clause before the claim's own (the claim's clause says only
    为/是), when that clause holds no number of its own."""
    own = clause_start(text, q.start, w.sentence_start, STRONG_MARKS)
    if own <= max(w.sentence_start, w.previous_end):
        return ""
    prior = text[clause_start(text, own - 1, w.sentence_start, STRONG_MARKS) : own - 1]
    return "" if _NUMBER.search(prior) else _trim(segment(prior[-_BEFORE_MAX:], rules), rules)


def _role(text: str, q: Quantity, w: Window, rules: RuleSet) -> str | None:
    """People a count names by the verb phrase right after it, when nothing before names them:
    帮助1400多人实现就业或转岗 → 实现就业或转岗人员."""
    if not _verb_pattern(rules).match(text, q.end):
        return None
    words = segment(first_clause(text[q.end : clause_end(text, q.end, w.sentence_end)])[:_AFTER_MAX], rules)
    if len(words) < 2:  # 吸引2400万人次参与: a bare verb names no one
        return None
    phrase = _trim(words, rules)
    return phrase if phrase.endswith(rules.people_nouns) else phrase + "人员"


def _part(text: str, q: Quantity, w: Window, rules: RuleSet) -> tuple[str, str] | None:
    """A part of what the sentence counted before, described by a clause ending in its verb: …站点
    16.8万个,其中依托工会驿站建设的近9.1万个 → 依托工会驿站建设的站点."""
    if q.kind in ("money", "percent"):
        return None
    opened = clause_start(text, q.start, w.sentence_start, STRONG_MARKS)
    subset = next(cue_index(rules, "subset").finditer(text[opened : q.start]), None)
    whole = next((obj for pos, obj, unit in reversed(w.counted) if pos < opened and unit == q.unit and obj), None)
    if not subset or not whole:
        return None
    stretch = text[max(w.previous_end, opened + subset.end()) : q.start].lstrip("、")
    words = segment(stretch, rules)
    described = words[:-1] if words and words[-1] == "的" else words
    if len(described) < 2 or described[-1] not in rules.actions or not _trim(described[:-1], rules):
        return None
    if any(word in rules.np_breaks for word in described):  # 其中A、B分别慰问620户和410户: no description
        return None
    phrase = _trim(words, rules) + ("的" if described is not words else "") + head_noun(whole, rules)
    return phrase, described[-1]


def _totals(text: str, clause: str, w: Window, rules: RuleSet) -> bool:
    """Whether ``clause`` only says "in all" after a per-head sum (每户发放取暖补助800元,合计171.2万元)."""
    if not w.counted or not cue_index(rules, "total").search(clause.strip(STRIP + ",，;；")):
        return False
    previous = w.counted[-1][0]
    return any(cue_index(rules, "per").finditer(text, clause_start(text, previous, w.sentence_start), previous))


@functools.lru_cache(maxsize=4)
def _verb_pattern(rules: RuleSet) -> re.Pattern[str]:
    """The verbs as one literal alternation, longest first (the stdlib engine is quick at this)."""
    return re.compile("|".join(map(re.escape, sorted(rules.actions | rules.level_verbs, key=len, reverse=True))))


@functools.lru_cache(maxsize=4)
def _per_unit(rules: RuleSet) -> re.Pattern[str]:
    """What a rate is per, after a slash (元/月, 元/人: rules/per_units.txt)."""
    units = "|".join(map(re.escape, sorted(rules.per_units, key=len, reverse=True))) or "(?!)"
    return re.compile(rf"\s*/\s*(?:{units})")


@functools.lru_cache(maxsize=4)
def _span_of_time(rules: RuleSet) -> re.Pattern[str]:
    """A word that is a stretch of time: a number and 年/个月/天/周 (五年, 10年, 三个月)."""
    numerals = "".join(c for c, (role, _) in rules.numerals.items() if role in ("digit", "unit", "half"))
    return re.compile(f"[0-9{re.escape(numerals)}]+(?:年|个月|天|周)")


@functools.lru_cache(maxsize=4)
def _phrase_breaks(rules: RuleSet) -> frozenset[str]:
    """Words that end the noun phrase after a number: verbs, award verbs, prepositions, 的."""
    return rules.actions | rules.level_verbs | rules.np_breaks | frozenset(rules.award_verbs) | {"的"}


@functools.lru_cache(maxsize=4)
def _caps(rules: RuleSet) -> tuple[str, ...]:
    """Cap words written before a number but outside its span (最高限额)."""
    return tuple(s for s, q in rules.qualifiers.items() if q.position == "before" and not q.in_span)


def _cap_noun(cap: str, rules: RuleSet) -> str:
    """The noun of a cap word, without the qualifier it opens with: 最高限额 → 限额, 上限 → 上限."""
    lead = [s for s, q in rules.qualifiers.items() if q.position == "before" and q.in_span and cap.startswith(s)]
    return cap[len(max(lead, key=len)) :] if lead else cap


def attribute(
    text: str,
    q: Quantity,
    window: Window,
    candidates: list[Candidate],
    rules: RuleSet,
    scope: str | None = None,
    earlier: list[Candidate] | None = None,
    label: str | None = None,
) -> Attribution:
    """Object, programme and action of the quantity ``q`` in the normalised ``text``, given the
    programme candidates of its sentence (:func:`programme_candidates`), the programme of the
    section it falls under (``scope``) and the names before its sentence (``earlier``); a table's
    figure has its row's ``label`` for object and no verb."""
    obj, action = (label, None) if label else _object(text, q, window, rules)
    timed = rules.clock_units.get(q.unit or "")  # 每周工作44小时: how long it is done (rules/clock_units.tsv)
    if obj and timed and not any(t in obj for t in rules.duration_nouns) and tag(segment(obj, rules)[-1])[:1] == "v":
        obj += timed
    clause = (
        clause_start(text, q.start, window.sentence_start),
        clause_start(text, q.start, window.sentence_start, STRONG_MARKS),
        clause_end(text, q.end, window.sentence_end),
    )
    named = programme(text, q, obj, clause, window, candidates, scope) or echoed(text, q, window, earlier, rules)
    return Attribution(obj or None, named, action)
