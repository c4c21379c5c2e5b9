"""Quantity forms beyond a counter after a number: tenths (三成), fractions (三分之一), per-mille,
points, hours and minutes, counters with a bracketed 次, and qualifiers set apart from the number.

Every phrase here was written for this table; each row is its own test id.
"""

from __future__ import annotations

import pytest

from gongextract import extract

Q = tuple  # (text, value, value_max, unit, kind, qualifier)

# 成 is a tenth: the share is written as a percent (SPEC section 1).
TENTHS = [
    ("受访职工中七成半支持弹性工作", [("七成半", 75, None, "%", "percent", "exact")]),
    ("近三成企业尚未建会", [("近三成", 30, None, "%", "percent", "under")]),
    ("两成职工选择线上学习", [("两成", 20, None, "%", "percent", "exact")]),
    ("兩成半會員來自建造業", [("兩成半", 25, None, "%", "percent", "exact")]),
    ("逾六成受访者表示满意", [("逾六成", 60, None, "%", "percent", "over")]),
    ("超过六成的站点由社会力量共建", [("超过六成", 60, None, "%", "percent", "over")]),
    ("其中女职工占四成", [("四成", 40, None, "%", "percent", "exact")]),
    ("近一成家庭月收入偏低", [("近一成", 10, None, "%", "percent", "under")]),
    ("九成以上职工参保", [("九成以上", 90, None, "%", "percent", "at_least")]),
    ("约有七八成职工支持", [("七八成", 70, 80, "%", "percent", "about")]),
    ("七成多的受访者愿意加入", [("七成多", 70, None, "%", "percent", "over")]),
    ("受访者中三成五认为工时过长", [("三成五", 35, None, "%", "percent", "exact")]),
    ("补贴约为去年的九成二左右", [("九成二左右", 92, None, "%", "percent", "about")]),
    ("相当于全市平均工资的六成", [("六成", 60, None, "%", "percent", "exact")]),
    ("两三个月内完成", [("两三个月内", 2, 3, "个月", "duration", "at_most")]),
    ("新会员中青年占3成", [("3成", 30, None, "%", "percent", "exact")]),
]

# A fraction is a share: kept exact, not rounded (100/3 = 33.33…).
FRACTIONS = [
    ("约三分之一的会员参加了体检", [("约三分之一", 100 / 3, None, "%", "percent", "about")]),
    ("有三分一工友曾被拖欠工资", [("三分一", 100 / 3, None, "%", "percent", "exact")]),
    ("五分之二的站点配有冰箱", [("五分之二", 40, None, "%", "percent", "exact")]),
    ("超过三分之二的职工投了赞成票", [("超过三分之二", 200 / 3, None, "%", "percent", "over")]),
    ("女会员占会员总数的三分之一", [("三分之一", 100 / 3, None, "%", "percent", "exact")]),
    ("超过职工总数的四分之一", [("四分之一", 25, None, "%", "percent", "over")]),
]

# Per-mille and point changes keep the written figure; the unit says what it is.
PER_MILLE_AND_POINTS = [
    ("企业职工千人负伤率为0.57‰", [("0.57‰", 0.57, None, "‰", "percent", "exact")]),
    ("事故率控制在1.2‰以内", [("1.2‰以内", 1.2, None, "‰", "percent", "at_most")]),
    ("负伤率下降0.21个千分点", [("0.21个千分点", 0.21, None, "千分点", "percent", "exact")]),
    ("参保率提高2.5个百分点", [("2.5个百分点", 2.5, None, "百分点", "percent", "exact")]),
    ("增幅高出近3个百分点", [("近3个百分点", 3, None, "百分点", "percent", "under")]),
]

# Hours and minutes that are the figure reported.
HOURS_AND_MINUTES = [
    ("司机平均每天驾驶9.5小时", [("9.5小时", 9.5, None, "小时", "duration", "exact")]),
    ("每周加班超过12小時", [("超过12小時", 12, None, "小时", "duration", "over")]),
    ("午休不足40分鐘", [("不足40分鐘", 40, None, "分钟", "duration", "under")]),
    ("单程通勤约35分钟", [("约35分钟", 35, None, "分钟", "duration", "about")]),
    ("骑手日均在线11小时以上", [("11小时以上", 11, None, "小时", "duration", "at_least")]),
    ("培训时长两个小时", [("两个小时", 2, None, "小时", "duration", "exact")]),
    ("调解工作耗时两年半", [("两年半", 2.5, None, "年", "duration", "exact")]),
    ("座谈会开了两个半小时", [("两个半小时", 2.5, None, "小时", "duration", "exact")]),
    ("一个半小时的专题讲座", [("一个半小时", 1.5, None, "小时", "duration", "exact")]),
    ("项目前后用了4个多月", [("4个多月", 4, None, "个月", "duration", "over")]),
    ("排队等了两个钟头", [("两个钟头", 2, None, "小时", "duration", "exact")]),
    ("审批时间缩短至40秒", [("40秒", 40, None, "秒", "duration", "exact")]),
    ("10个工作日内办结", [("10个工作日内", 10, None, "工作日", "duration", "at_most")]),
    ("审批时限由60日缩短至45日以内", [
        ("60日", 60, None, "日", "duration", "exact"),
        ("45日以内", 45, None, "日", "duration", "at_most"),
    ]),
    ("投诉须在10日内答复", [("10日内", 10, None, "日", "duration", "at_most")]),
    ("每周工作5天或以上的占两成", [
        ("5天或以上", 5, None, "天", "duration", "at_least"),
        ("两成", 20, None, "%", "percent", "exact"),
    ]),
    ("步行10分钟内可达驿站", [("10分钟内", 10, None, "分钟", "duration", "at_most")]),
    ("执行每天8小时工作制", [("8小时", 8, None, "小时", "duration", "exact")]),
    ("近3年来坚持送清凉", [("近3年", 3, None, "年", "duration", "under")]),
]

# A counter with a bracketed 次 or 套 counts visits or sets.
BRACKETED_COUNTERS = [
    ("累计服务环卫工人12万多人(次)", [("12万多人(次)", 120000, None, "人次", "person_times", "over")]),
    ("义诊惠及3600余人（次）", [("3600余人（次）", 3600, None, "人次", "person_times", "over")]),
    ("举办线上讲座近2万场(次)", [("近2万场(次)", 20000, None, "场次", "count", "under")]),
    ("配备微波炉等设备1.2万台(套)", [("1.2万台(套)", 12000, None, "台套", "count", "exact")]),
    ("更新健身器材860台套", [("860台套", 860, None, "台套", "count", "exact")]),
    ("驿站服务环卫工4.3万人/次", [("4.3万人/次", 43000, None, "人次", "person_times", "exact")]),
    ("入户走访1500户(次)", [("1500户(次)", 1500, None, "户次", "count", "exact")]),
    ("开设技能培训课程42班", [("42班", 42, None, "班", "count", "exact")]),
    ("开通通勤专线16班次", [("16班次", 16, None, "班次", "count", "exact")]),
    ("调处劳动纠纷860件(次)", [("860件(次)", 860, None, "件次", "count", "exact")]),
]

# Qualifiers written apart from the number, look-alikes that are other words, and lists.
QUALIFIERS = [
    ("全市会员总数突破300万人", [("300万人", 3000000, None, "人", "people", "over")]),
    ("全市会员人数突破百万", [("百万", 1000000, None, None, "people", "over")]),
    ("交易额突破千万元", [("千万元", 10000000, None, "元", "money", "over")]),
    ("每户救助封顶8000元", [("8000元", 8000, None, "元", "money", "at_most")]),
    ("单次报销以3000元封顶", [("3000元封顶", 3000, None, "元", "money", "at_most")]),
    ("每月补贴不超2000元", [("不超2000元", 2000, None, "元", "money", "at_most")]),
    ("每人至多领取3次", [("3次", 3, None, "次", "count", "at_most")]),
    ("每组不多于6人", [("不多于6人", 6, None, "人", "people", "at_most")]),
    ("休息室面积不小于12平方米", [("不小于12平方米", 12, None, "平方米", "measure", "at_least")]),
    ("投诉在5天之内办结", [("5天之内", 5, None, "天", "duration", "at_most")]),
    ("帮扶未满16岁的子女", [("未满16岁", 16, None, "岁", "measure", "under")]),
    ("他在驿站服务了两年有余", [("两年有余", 2, None, "年", "duration", "over")]),
    ("每名职工最高可获500元补贴", [("500元", 500, None, "元", "money", "at_most")]),
    ("单人最高救助金额达3万元", [("3万元", 30000, None, "元", "money", "at_most")]),
    ("每个区至少新建8个驿站", [("8个", 8, None, "个", "count", "at_least")]),
    ("时薪不低于当地标准的120%", [("120%", 120, None, "%", "percent", "at_least")]),
    ("新会员中青年约占3成", [("3成", 30, None, "%", "percent", "about")]),
    ("全省约有2.1万家企业建会", [("2.1万家", 21000, None, "家", "count", "about")]),
    ("各级工会发出协商要约3.6万份", [("3.6万份", 36000, None, "份", "count", "exact")]),
    ("附近800米以内设有驿站", [("800米以内", 800, None, "米", "measure", "at_most")]),
    ("最高纪录是去年,今年发放1200元", [("1200元", 1200, None, "元", "money", "exact")]),
    ("由5人内部评议", [("5人", 5, None, "人", "people", "exact")]),
    ("最高人民法院发布12件典型案例", [("12件", 12, None, "件", "count", "exact")]),
    ("获评最高荣誉的38名职工", [("38名", 38, None, "名", "people", "exact")]),
    ("找到突破口后新增会员800人", [("800人", 800, None, "人", "people", "exact")]),
    ("每日最多可报销两次", [("两次", 2, None, "次", "count", "at_most")]),
    ("罚款5000元以上3万元以下", [("5000元以上3万元以下", 5000, 30000, "元", "money", "exact")]),
    ("三地分别不少于20场、35场和50场", [
        ("不少于20场", 20, None, "场", "count", "at_least"),
        ("35场", 35, None, "场", "count", "at_least"),
        ("50场", 50, None, "场", "count", "at_least"),
    ]),
    ("全年举办不少于20场、另办讲座35场", [
        ("不少于20场", 20, None, "场", "count", "at_least"),
        ("35场", 35, None, "场", "count", "exact"),
    ]),
]

# A currency written before the number is not the unit when one follows it (the gold writes 元);
# a noun for people after a counter-less round figure makes it a count of people.
CURRENCY_AND_PEOPLE = [
    ("月薪调升至新臺幣3萬1200元", [("新臺幣3萬1200元", 31200, None, "元", "money", "exact")]),
    ("月薪由2萬7,470元调升", [("2萬7,470元", 27470, None, "元", "money", "exact")]),
    ("约新台币52亿元用于补助", [("约新台币52亿元", 5200000000, None, "元", "money", "about")]),
    ("时薪为48.5港元", [("48.5港元", 48.5, None, "港元", "money", "exact")]),
    ("发放援助金逾600萬澳門元", [("逾600萬澳門元", 6000000, None, "澳门元", "money", "over")]),
    ("援助金共120萬澳門幣", [("120萬澳門幣", 1200000, None, "澳门元", "money", "exact")]),
    ("捐赠5000美金", [("5000美金", 5000, None, "美元", "money", "exact")]),
    ("逾百萬勞工受惠", [("逾百萬", 1000000, None, None, "people", "over")]),
    ("近千万农民工受益", [("近千万", 10000000, None, None, "people", "under")]),
]

# Near a page-furniture or date look-alike, a real figure stays a claim.
NEAR_LOOKALIKES = [
    ("这座工人文化宫已有110年历史", [("110年", 110, None, "年", "duration", "exact")]),
    ("每周工作24小时以上的占一成", [
        ("24小时以上", 24, None, "小时", "duration", "at_least"),
        ("一成", 10, None, "%", "percent", "exact"),
    ]),
    ("收到职工意见320条", [("320条", 320, None, "条", "count", "exact")]),
]

# None of these states a quantity.
NEGATIVE = [
    "24小时滚动播报最新资讯",
    "开通24小时服务热线",
    "新建24小时开放站点",
    "工会法律援助7×24小时在线",
    "多年来制度一成不变",
    "游客三五成群地散步",
    "成千上万的职工参与",
    "二手设备八成新",
    "职工们围成一圈",
    "退休后学小时工的活",
    "双方意见十分一致",
    "召开113年第4次审议会议",
    "自116年7月1日起实施",
    "公布116年度预算",
    "・116年劳保费率调整懒人包",
    "文章编号: 240517223",
    "索引号：11410000-2024-00031",
    "今年前8个月的数据",
    "大会于10日召开",
    "网友评论 已有12条评论",
    "打造15分钟职工服务圈",
    "车间实行三班倒",
    "家务活干得七七八八。",
    "一二线城市",
    "网页浏览量破万",
    "十年多次获评先进",
    "实行24小时全天候值守",
    "按24小时制填写",
    "page id 20240517",
]


def _rows(group: list[tuple[str, list[Q]]]) -> list[object]:
    return [pytest.param(phrase, expected, id=phrase) for phrase, expected in group]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    _rows(TENTHS) + _rows(FRACTIONS) + _rows(PER_MILLE_AND_POINTS) + _rows(HOURS_AND_MINUTES) + _rows(BRACKETED_COUNTERS) + _rows(QUALIFIERS) + _rows(CURRENCY_AND_PEOPLE) + _rows(NEAR_LOOKALIKES),
)
def test_form(phrase: str, expected: list[Q]) -> None:
    claims = extract(phrase)
    got = [(c.text, c.value, c.value_max, c.unit, c.kind, c.qualifier) for c in claims]
    assert got == expected
    for c in claims:
        assert phrase[c.start : c.end] == c.text


@pytest.mark.parametrize("phrase", NEGATIVE, ids=NEGATIVE)
def test_not_a_claim(phrase: str) -> None:
    assert [c.text for c in extract(phrase)] == []
