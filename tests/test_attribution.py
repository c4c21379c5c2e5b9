"""Attribution, one case per real-style sentence: (text, object, program, action, province, year, status)
for every claim, in order. Known shortfalls are strict xfails that state the wanted answer."""

from __future__ import annotations

import pytest

from gongextract import extract

Row = tuple[str, str | None, str | None, str | None, str | None, int | None, str]

CASES: list[tuple[str, str, list[Row]]] = [
    ("verb + object + number", "浙江省总工会:全省建成职工书屋8200余家,覆盖职工约620万人。", [
        ("8200余家", "职工书屋", "职工书屋", "建成", "浙江", None, "achieved"),
        ("约620万人", "职工", "职工书屋", "覆盖", "浙江", None, "achieved"),
    ]),
    ("a verb inside a compound noun stays in the object", "湖南省总工会在全省设立劳动争议调解工作站85个,化解劳动争议5300余件。", [
        ("85个", "劳动争议调解工作站", None, "设立", "湖南", None, "achieved"),
        ("5300余件", "劳动争议", None, "化解", "湖南", None, "achieved"),
    ]),
    ("number + counter + object", "四川省总工会组织646名一线产业工人进入大学课堂。", [
        ("646名", "一线产业工人", None, "组织", "四川", None, "achieved"),
    ]),
    ("two numbers in one phrase share the verb", "全省工会累计投入4.085亿元组织1286批次21.6万名职工及家属参与疗休养活动。", [
        ("4.085亿元", "资金", "疗休养", "投入", None, None, "achieved"),
        ("1286批次", None, "疗休养", "组织", None, None, "achieved"),
        ("21.6万名", "职工及家属", "疗休养", "组织", None, None, "achieved"),
    ]),
    ("object + 有 + number, no counter", "目前,福建工会会员总数有1320.5万。", [
        ("1320.5万", "工会会员总数", None, None, "福建", None, "achieved"),
    ]),
    ("object + 达 + number", "广西职工书屋现藏书量达3万余册。", [
        ("3万余册", "职工书屋现藏书量", "职工书屋", None, "广西", None, "achieved"),
    ]),
    ("an enumeration shares one verb", "全区建成工会驿站5200家、职工服务中心960家、爱心妈妈小屋1200家。", [
        ("5200家", "工会驿站", "工会驿站", "建成", None, None, "achieved"),
        ("960家", "职工服务中心", "职工服务中心", "建成", None, None, "achieved"),
        ("1200家", "爱心妈妈小屋", "爱心妈妈小屋", "建成", None, None, "achieved"),
    ]),
    ("a quoted campaign, and the year before it", "2023年春节期间开展“暖心迎春”系列活动,累计投入2.3亿元,惠及职工群众120余万人。", [
        ("2.3亿元", "资金", "暖心迎春", "投入", None, 2023, "achieved"),
        ("120余万人", "职工群众", "暖心迎春", "惠及", None, 2023, "achieved"),
    ]),
    ("Traditional input reads as Simplified; no object is invented", "開展“智送清涼”活動,派發清涼福利1500萬元,普惠近80萬人。", [
        ("1500萬元", "清凉福利", "智送清凉", "派发", None, None, "achieved"),
        ("近80萬人", None, "智送清凉", "普惠", None, None, "achieved"),
    ]),
    ("a junk source line names another province; a plan's measures are targets",
     "文章来源:黑龙江省连锁经营协会\n云南省总工会出台十条举措\n一是提升职工技能\n每年帮助3万名职工实现技能升级。", [
        ("3万名", "职工", None, "帮助", "云南", None, "target"),
    ]),
    ("a national figure inside a provincial article", "江苏省总工会召开全委会议。全国总工会今年共投入资金50亿元。全省各级工会发放慰问金8600万元。", [
        ("50亿元", "资金", None, "投入", None, None, "achieved"),
        ("8600万元", "慰问金", None, "发放", "江苏", None, "achieved"),
    ]),
    ("achieved as of a year, then a target by a year",
     "截至2024年年底,山东省总工会已建成“司机之家”620家。力争到2027年,新建“司机之家”不少于300家。", [
        ("620家", "司机之家", "司机之家", "建成", "山东", 2024, "achieved"),
        ("不少于300家", "司机之家", "司机之家", "新建", "山东", 2027, "target"),
    ]),
    ("今年内将: a target with no stated year", "省总工会今年内将组织不少于5000人次劳模进企业。", [
        ("不少于5000人次", "劳模", None, "组织", None, None, "target"),
    ]),
    ("what people were counted as comes after 获评", "866人获评全国、江西省劳动模范和先进工作者。", [
        ("866人", "劳动模范和先进工作者", None, None, "江西", None, "achieved"),
    ]),
    ("a rate names itself", "职工满意率达98.7%。", [("98.7%", "职工满意率", None, None, None, None, "achieved")]),
    ("start dates are not the claim's year", "“南粤工匠”的选树工作始于2016年,用时9年共评选出110名,而往后5年要增加约390名。", [
        ("9年", None, "南粤工匠", None, None, None, "achieved"),
        ("110名", "南粤工匠", "南粤工匠", "评选出", None, None, "achieved"),
        ("5年", None, "南粤工匠", None, None, None, "achieved"),
        ("约390名", "南粤工匠", "南粤工匠", "增加", None, None, "target"),
    ]),
    ("quoted honour titles after 涌现出, each its own programme", "其中涌现出“中原大工匠”10名、“中原技能大师”50名。", [
        ("10名", "中原大工匠", "中原大工匠", "涌现出", None, None, "achieved"),
        ("50名", "中原技能大师", "中原技能大师", "涌现出", None, None, "achieved"),
    ]),
]

CASES += [
    ("a list of nouns stays whole", "湖北全省走访慰问困难职工、农民工和一线劳动者36.5万人次。", [
        ("36.5万人次", "困难职工、农民工和一线劳动者", None, "慰问", "湖北", None, "achieved"),
    ]),
    ("a rate reaching a level; a change of it", "农民工入会率达到92.3%,比上年提高1.5个百分点。", [
        ("92.3%", "农民工入会率", None, "达到", None, None, "achieved"),
        ("1.5个百分点", "农民工入会率提高", None, "提高", None, None, "achieved"),
    ]),
    ("the same thing counted again", "全省新建户外劳动者服务站点420个,累计达到3860个。武汉建成“司机之家”68家,宜昌建成41家。", [
        ("420个", "户外劳动者服务站点", "户外劳动者服务站点", "新建", "湖北", None, "achieved"),
        ("3860个", "户外劳动者服务站点", "户外劳动者服务站点", "达到", "湖北", None, "achieved"),
        ("68家", "司机之家", "司机之家", "建成", "湖北", None, "achieved"),
        ("41家", "司机之家", "司机之家", "建成", "湖北", None, "achieved"),
    ]),
    ("what people were made comes after 被授予", "3人被授予“技术能手”称号。", [
        ("3人", "技术能手称号", "技术能手", None, None, None, "achieved"),
    ]),
    ("a national total inside a provincial report", "湖北省总工会报道。据统计,全国工会系统已累计建成职工书屋12万余家。", [
        ("12万余家", "职工书屋", "职工书屋", "建成", None, None, "achieved"),
    ]),
    ("分别有 after places: the places are no objects; 和 joins two numbers that share the noun after them",
     "宜昌、襄阳两地分别有1200名和950名职工通过“以赛代评”取得职业技能等级证书。", [
        ("1200名", "职工", "以赛代评", None, "湖北", None, "achieved"),
        ("950名", "职工", "以赛代评", None, "湖北", None, "achieved"),
    ]),
    ("the last of two joined verbs; a short bracket stays in the object",
     "每年新建或提升改造工会驿站不少于300个。2025年在全省88个县（市、区）实现“司机之家”全覆盖。", [
        ("不少于300个", "工会驿站", "工会驿站", "提升改造", None, None, "achieved"),
        ("88个", "县(市、区)", None, None, None, 2025, "achieved"),
    ]),
    ("Chinese numerals in a list of quoted titles; a range sharing its magnitude; 创造",
     "全省累计选树“齐鲁大工匠”一百二十八名、“齐鲁工匠”一千余名。年均开展技术攻关3-5千项,创造经济效益约百分之十五的增长。", [
        ("一百二十八名", "齐鲁大工匠", "齐鲁大工匠", "选树", None, None, "achieved"),
        ("一千余名", "齐鲁工匠", "齐鲁工匠", "选树", None, None, "achieved"),
        ("3-5千项", "技术攻关", None, "开展", None, None, "achieved"),
        ("约百分之十五", "经济效益", None, "创造", None, None, "achieved"),
    ]),
    ("an award verb ends the phrase after a number; 下拨 is an action and 我省 a function word",
     "我省共有58家企业、126个班组获得全国五一劳动奖状和工人先锋号。全国总工会下拨我省送温暖资金8000万元。", [
        ("58家", "企业", None, "共有", None, None, "achieved"),
        ("126个", "班组", "五一劳动奖", "共有", None, None, "achieved"),
        ("8000万元", "送温暖资金", "送温暖", "下拨", None, None, "achieved"),
    ]),
    ("共有 states a level: what it has comes after it, or before it", "全省工会共有专兼职工会干部12.3万。全省工会会员共有1800多万名。", [
        ("12.3万", "专兼职工会干部", None, "共有", None, None, "achieved"),
        ("1800多万名", "工会会员", None, "共有", None, None, "achieved"),
    ]),
    ("a stretch of time before the subject is no part of it; 我国 is national", "五年来全省工会会员增加了320万人。我国职工总数达4.02亿人。", [
        ("320万人", "工会会员", None, "增加", None, None, "achieved"),
        ("4.02亿人", "职工总数", None, None, None, None, "achieved"),
    ]),
    ("我国 makes a national figure; national demonstration sites in the province stay the province's",
     "湖北省总工会召开会议。会议指出,我国职工总数达4.02亿人。全省建成职工书屋3000家,其中全国职工书屋示范点120家。", [
        ("4.02亿人", "职工总数", None, None, None, None, "achieved"),
        ("3000家", "职工书屋", "职工书屋", "建成", "湖北", None, "achieved"),
        ("120家", "职工书屋示范点", "职工书屋", None, "湖北", None, "achieved"),
    ]),
    ("a deadline year is a target's, not an achieved figure's; 要求 lays down a target",
     "计划到2025年底实现全覆盖,目前已覆盖80%的乡镇。省总工会要求各地每年培训职工不少于1万人次。", [
        ("80%", "乡镇比例", None, "覆盖", None, None, "achieved"),
        ("不少于1万人次", "职工", None, "培训", None, None, "target"),
    ]),
    ("what reaches a level later is what was counted before", "全省共有3000家企业建立了工会,预计年底达到3500家。", [
        ("3000家", "企业", None, "共有", None, None, "achieved"),
        ("3500家", "企业", None, "达到", None, None, "target"),
    ]),
    ("a programme named earlier in the claim's own clause beats a campaign of an earlier clause",
     "深入实施产业工人素质提升计划,连续5年举办职工技能大赛、组织1200名选手参赛。实施“南粤工匠”人才培养工程,培养500名左右南粤工匠、3000名左右市级工匠。", [
        ("5年", None, "产业工人素质提升计划", None, None, None, "achieved"),
        ("1200名", "选手", "职工技能大赛", "组织", None, None, "achieved"),
        ("500名左右", "南粤工匠", "南粤工匠", "培养", None, None, "achieved"),
        ("3000名左右", "市级工匠", "南粤工匠人才培养工程", "培养", None, None, "achieved"),
    ]),
    ("a cap word outside the span names what is capped (SPEC: 最高限额1500万元 counts a 限额)",
     "对新建工人文化宫按一定比例进行补助,粤东西北地区的地市总工会最高限额1500万元。", [
        ("1500万元", "限额", None, None, None, None, "achieved"),
    ]),
    ("people described by a verb phrase after the number", "慰问1.2万名参与抢险救灾人员。组织1000名参加培训的职工。", [
        ("1.2万名", "参与抢险救灾人员", None, "慰问", None, None, "achieved"),
        ("1000名", "职工", None, "组织", None, None, "achieved"),
    ]),
    ("a government report: growth of the figure before; a colon opens the clause; 控制在; a list item with its own verb",
     "全省地区生产总值达到5.06万亿元,增长5.8%;城镇调查失业率控制在5.5%以内。新建改建农村公路1.2万公里,改造城镇老旧小区1800个、惠及居民24万户。"
     "主要预期目标是:地区生产总值增长5.5%左右。", [
        ("5.06万亿元", "地区生产总值", None, "达到", None, None, "achieved"),
        ("5.8%", "地区生产总值增长", None, "增长", None, None, "achieved"),
        ("5.5%以内", "城镇调查失业率", None, "控制在", None, None, "achieved"),
        ("1.2万公里", "农村公路", None, "改建", None, None, "achieved"),
        ("1800个", "城镇老旧小区", None, "改造", None, None, "achieved"),
        ("24万户", "居民", None, "惠及", None, None, "achieved"),
        ("5.5%左右", "地区生产总值增长", None, "增长", None, None, "target"),
    ]),
    ("占 states a share of the figure before; 代写, 代理, 追回 are actions",
     "劳动关系类诉求2.1万件,占43.8%。代写法律文书1560份,代理仲裁和诉讼案件860件,帮助职工追回欠薪1.36亿元。", [
        ("2.1万件", "劳动关系类诉求", None, None, None, None, "achieved"),
        ("43.8%", "劳动关系类诉求", None, "占", None, None, "achieved"),
        ("1560份", "法律文书", None, "代写", None, None, "achieved"),
        ("860件", "仲裁和诉讼案件", None, "代理", None, None, "achieved"),
        ("1.36亿元", "欠薪", None, "追回", None, None, "achieved"),
    ]),
    ("a verb before 类/型 is part of a noun", "困难帮扶类诉求9600件。建成服务型工会1200家。", [
        ("9600件", "困难帮扶类诉求", None, None, None, None, "achieved"),
        ("1200家", "服务型工会", None, "建成", None, None, "achieved"),
    ]),
    ("a share names its ratio: the subject of 占 and the whole after it", "其中女职工会员680万人,占会员总数的43.6%。", [
        ("680万人", "女职工会员", None, None, None, None, "achieved"),
        ("43.6%", "女职工会员占会员总数比例", None, "占", None, None, "achieved"),
    ]),
    ("由 … 提高到: a share names its ratio, and the new level is the same ratio", "全省技能人才占职工总数的比例由21.5%提高到28.3%。", [
        ("21.5%", "技能人才占职工总数的比例", None, "占", None, None, "achieved"),
        ("28.3%", "技能人才占职工总数的比例", None, "提高到", None, None, "achieved"),
    ]),
]

PLAN = (
    "四川省总工会关于实施“工会服务职工提质行动”的工作方案\n"
    "一、目标任务\n"
    "到2027年,职工医疗互助参保人数突破300万人。每年新建职工书屋300家左右,三年累计投入资金约1.2亿元。"
    "对全省约1.6万户在档困难职工家庭实施精准帮扶,人均帮扶标准提高到每年6000元。覆盖率保持在90%以上。\n"
    "截至2024年底,全省已建成职工服务阵地3826个。"
)
CASES += [
    ("a plan: levels, a cumulative target, prepositions trimmed, and a closing fact", PLAN, [
        ("300万人", "职工医疗互助参保人数", "职工医疗互助", "突破", "四川", 2027, "target"),
        ("300家左右", "职工书屋", "职工书屋", "新建", "四川", None, "target"),
        ("约1.2亿元", "资金", "职工书屋", "投入", "四川", None, "target"),
        ("约1.6万户", "在档困难职工家庭", None, None, "四川", None, "target"),
        ("6000元", "人均帮扶标准", None, "提高到", "四川", None, "target"),
        ("90%以上", "覆盖率", None, "保持在", "四川", None, "target"),
        ("3826个", "职工服务阵地", None, "建成", "四川", 2024, "achieved"),
    ]),
]

CASES += [
    ("分别为: each number takes its part of the subject", "全国人大代表和省人大代表中一线工人数分别为12名、31名。", [
        ("12名", "全国人大代表中一线工人数", None, None, None, None, "achieved"),
        ("31名", "省人大代表中一线工人数", None, None, None, None, "achieved"),
    ]),
    ("分别为 with one-character parts; a total is not its last part", "一、二、三等奖分别为5名、10名、20名,合计35名。", [
        ("5名", "一等奖", None, None, None, None, "achieved"),
        ("10名", "二等奖", None, None, None, None, "achieved"),
        ("20名", "三等奖", None, None, None, None, "achieved"),
        ("35名", None, None, None, None, None, "achieved"),
    ]),
    ("其中: part of what was counted before", "全省累计建成“司机之家”1032家,其中8家被交通运输部评为示范。", [
        ("1032家", "司机之家", "司机之家", "建成", None, None, "achieved"),
        ("8家", "司机之家", "司机之家", None, None, None, "achieved"),
    ]),
    ("a change of a money figure; the object ends where the comparison starts",
     "全省工会经费收入18.6亿元,同比增长3.2%。职工收入同比增长6.2%。", [
        ("18.6亿元", "工会经费收入", None, None, None, None, "achieved"),
        ("3.2%", "工会经费收入增长", None, "增长", None, None, "achieved"),
        ("6.2%", "职工收入增长", None, "增长", None, None, "achieved"),
    ]),
    ("a yearbook runs counts together: the noun before a number is its own, not the one before",
     "全市工会会员108.6万人其中农民工会员32.4万人女会员41.7万人。", [
        ("108.6万人", "工会会员", None, None, None, None, "achieved"),
        ("32.4万人", "农民工会员", None, None, None, None, "achieved"),
        ("41.7万人", "女会员", None, None, None, None, "achieved"),
    ]),
    ("a number after 和 counts the same thing for another part", "东部和西部地区分别投入帮扶资金326万元和158万元。", [
        ("326万元", "帮扶资金", None, "投入", None, None, "achieved"),
        ("158万元", "帮扶资金", None, "投入", None, None, "achieved"),
    ]),
    ("分别 with a growth verb: each rate takes its part, and the verb", "第一产业、第二产业和第三产业增加值分别增长3.2%、4.9%和5.4%。", [
        ("3.2%", "第一产业增加值", None, "增长", None, None, "achieved"),
        ("4.9%", "第二产业增加值", None, "增长", None, None, "achieved"),
        ("5.4%", "第三产业增加值", None, "增长", None, None, "achieved"),
    ]),
    ("按年 and 与…相比 compare with an earlier figure: the change is of the figure before",
     "全港每月工资中位数为2万港元,按年上升4.0%。全省站点4126个,与2022年相比增长126%。", [
        ("2万港元", "全港每月工资中位数", None, None, "香港", None, "achieved"),
        ("4.0%", "全港每月工资中位数上升", None, "上升", "香港", None, "achieved"),
        ("4126个", "站点", None, None, "香港", None, "achieved"),
        ("126%", "站点增长", None, "增长", "香港", None, "achieved"),
    ]),
    ("a share before those it is of takes the clause describing them; hours reported take their clause",
     "结果显示,七成半受访者每周工作超过44小时,受访者平均每周工作47.6小时。", [
        ("七成半", "受访者每周工作超过44小时比例", None, None, None, None, "achieved"),
        ("超过44小时", "受访者每周工作时间", None, None, None, None, "achieved"),
        ("47.6小时", "受访者平均每周工作时间", None, None, None, None, "achieved"),
    ]),
    ("percentages listed after 分别增长 describe nothing after them", "三次产业增加值分别增长3.7%、6.3%、5.9%。", [
        ("3.7%", "三次产业增加值增长", None, "增长", None, None, "achieved"),
        ("6.3%", "三次产业增加值增长", None, "增长", None, None, "achieved"),
        ("5.9%", "三次产业增加值增长", None, "增长", None, None, "achieved"),
    ]),
    ("a sum per head is a share of the money named before it in the paragraph",
     "发放助学金80万元。其中,考入本科院校的每人三千元,考入专科院校的每人两千元。", [
        ("80万元", "助学金", None, "发放", None, None, "achieved"),
        ("三千元", "考入本科院校的每人助学金", None, None, None, None, "achieved"),
        ("两千元", "考入专科院校的每人助学金", None, None, None, None, "achieved"),
    ]),
    ("户均 is one word: a sum per household of the money before it",
     "为58户困难职工家庭落实救助资金46.4万元,户均8000元。", [
        ("58户", "困难职工家庭", None, None, None, None, "achieved"),
        ("46.4万元", "救助资金", None, "落实", None, None, "achieved"),
        ("8000元", "户均资金", None, None, None, None, "achieved"),
    ]),
    ("people described by a 的-clause after their count are the head noun after 的",
     "为1.7万名接触粉尘、噪声等职业病危害因素的一线职工开展职业病筛查。", [
        ("1.7万名", "一线职工", None, None, None, None, "achieved"),
    ]),
    ("a share written again in brackets describes the same people",
     "逾六成(61.3%)受访者表示每周至少无偿超时工作3小时。", [
        ("逾六成", "受访者表示每周至少无偿超时工作3小时比例", None, None, None, None, "achieved"),
        ("61.3%", "受访者表示每周至少无偿超时工作3小时比例", None, None, None, None, "achieved"),
        ("3小时", "受访者表示每周至少无偿超时工作时间", None, None, None, None, "achieved"),
    ]),
    ("分别占 after a list of counts: each share is of what its count counted",
     "其中女会员1.18亿人、农民工会员1.43亿人,分别占会员总数的39.1%和47.4%。", [
        ("1.18亿人", "女会员", None, None, None, None, "achieved"),
        ("1.43亿人", "农民工会员", None, None, None, None, "achieved"),
        ("39.1%", "女会员占会员总数比例", None, "占", None, None, "achieved"),
        ("47.4%", "农民工会员占会员总数比例", None, "占", None, None, "achieved"),
    ]),
    ("分别 right before a qualified number; 其中 opens no part", "其中省级、市州级、县市区级分别不少于500场次、1500场次和3000场次。", [
        ("不少于500场次", "省级", None, None, None, None, "achieved"),
        ("1500场次", "市州级", None, None, None, None, "achieved"),
        ("3000场次", "县市区级", None, None, None, None, "achieved"),
    ]),
    ("a table row's label names its figures; an arrow or a plus continues them",
     "月薪：28,590 元 → 29,500 元（+910 元）\n时薪：190 元 → 197 元", [
        ("28,590 元", "月薪", None, None, None, None, "achieved"),
        ("29,500 元", "月薪", None, None, None, None, "achieved"),
        ("910 元", "月薪", None, None, None, None, "achieved"),
        ("190 元", "时薪", None, None, None, None, "achieved"),
        ("197 元", "时薪", None, None, None, None, "achieved"),
    ]),
    ("占比 after a count: the share of what was counted", "全省站点中有1860个实现全天候开放,占比约45%。", [
        ("1860个", "站点", None, None, None, None, "achieved"),
        ("约45%", "站点占比", None, "占", None, None, "achieved"),
    ]),
    ("what changes stands before 由; the new level is a target", "每小时最低工资由现行的40港元调升至42.1港元。", [
        ("40港元", "每小时最低工资", None, None, "香港", None, "achieved"),
        ("42.1港元", "每小时最低工资", None, "调升至", "香港", None, "target"),
    ]),
    ("发展到 is one level verb; 一般 and 不等 are no part of an object",
     "全区劳动保护监督检查员队伍发展到1.8万余人。站点面积一般在15至40平方米之间,配送图书1000—3000册不等。", [
        ("1.8万余人", "劳动保护监督检查员队伍", None, "发展到", None, None, "achieved"),
        ("15至40平方米", "站点面积", None, None, None, None, "achieved"),
        ("1000—3000册", "配送图书", None, None, None, None, "achieved"),
    ]),
]
CASES += [  # objects of sums, parts and people named around the number (wider-set kinds, own sentences)
    ("折合: what was given reached the sum; 人民币 is no object",
     "春节期间，市总工会走访慰问困难职工860户，发放慰问金和慰问品折合人民币152万元。", [
        ("860户", "困难职工", None, "慰问", None, None, "achieved"),
        ("人民币152万元", "慰问金和慰问品", None, "发放", None, None, "achieved"),
    ]),
    ("a total after a per-household sum is a total of the same thing",
     "为困难矿工家庭每户发放生活补助1200元，合计93.6万元。", [
        ("1200元", "生活补助", None, "发放", None, None, "achieved"),
        ("93.6万元", "生活补助", None, None, None, None, "achieved"),
    ]),
    ("a sum described by 的 is the value of the thing after it, unless that is people",
     "今年为每位新会员送上价值150元的“暖心礼包”，月收入3000元以下的职工优先受益。", [
        ("150元", "暖心礼包", "暖心礼包", "送上", None, None, "achieved"),
        ("3000元以下", "月收入", "暖心礼包", None, None, None, "achieved"),
    ]),
    ("a rate (标准) and a giving verb after a sum: the sum is of what is given",
     "对新建驿站按每个3万元标准给予一次性补助，对评为星级驿站的给予每个最高2万元的一次性奖励。", [
        ("3万元", "一次性补助", None, "新建", None, None, "achieved"),
        ("最高2万元", "一次性奖励", None, "给予", None, None, "achieved"),
    ]),
    ("money nouns after a sum: a budget, a fine, wages",
     "市人社局表示，明年将安排5000万元预算，对违规企业可处5万元罚款。调查显示，受访者每月平均被拖欠约1500元工资。", [
        ("5000万元", "预算", None, "安排", None, None, "target"),
        ("5万元", "罚款", None, "处", None, None, "target"),
        ("约1500元", "工资", None, None, None, None, "achieved"),
    ]),
    ("a verb alone before a count (日均服务) counts the people the sentence counted before",
     "全市工会驿站累计服务环卫工人等户外劳动者86万人次，日均服务2300余人次。", [
        ("86万人次", "工会驿站累计服务环卫工人等户外劳动者", "工会驿站", None, None, None, "achieved"),
        ("2300余人次", "工会驿站累计服务环卫工人等户外劳动者", "工会驿站", "服务", None, None, "achieved"),
    ]),
    ("people named by what they did after the count, when nothing before names them; a bare verb names no one",
     "举办技能培训班40期，帮助620余人实现再就业。培训下岗职工1500人，其中1120人实现转岗就业，吸引3000余人次参与。", [
        ("40期", "技能培训班", None, "举办", None, None, "achieved"),
        ("620余人", "实现再就业人员", None, "帮助", None, None, "achieved"),
        ("1500人", "下岗职工", None, "培训", None, None, "achieved"),
        ("1120人", "实现转岗就业人员", None, None, None, None, "achieved"),
        ("3000余人次", "职工", None, "吸引", None, None, "achieved"),
    ]),
    ("parts under 其中 described by how they came about take the head noun of the whole",
     "全市建成爱心驿站520个，其中依托社区服务中心建设的310个、与银行网点共建的120个。", [
        ("520个", "爱心驿站", "爱心驿站", "建成", None, None, "achieved"),
        ("310个", "依托社区服务中心建设的驿站", "爱心驿站", "建设", None, None, "achieved"),
        ("120个", "银行网点共建的驿站", "爱心驿站", "共建", None, None, "achieved"),
    ]),
    ("分别 after a measure noun: the parts are the 、 list that ends the clause before",
     "受益人数最多的三个行业依次是建筑业、交通运输业、住宿餐饮业，人数分别为12.1万人、8.6万人和5.2万人。", [
        ("12.1万人", "建筑业", None, None, None, None, "achieved"),
        ("8.6万人", "交通运输业", None, None, None, None, "achieved"),
        ("5.2万人", "住宿餐饮业", None, None, None, None, "achieved"),
    ]),
    ("基层工会组织 is a noun (its 组织 is no verb), also in a headline",
     "全省基层工会组织4.2万个 会员总数达860万人", [
        ("4.2万个", "基层工会组织", None, None, None, None, "achieved"),
        ("860万人", "会员总数", None, None, None, None, "achieved"),
    ]),
    ("计划 a few words before its verb plans; 比去年 compares and reports nothing",
     "区总工会计划下半年再举办职工技能竞赛6项，预计参赛职工超过5000人次，比去年增加约800人次。", [
        ("6项", "职工技能竞赛", None, "举办", None, None, "target"),
        ("超过5000人次", "职工", None, "参赛", None, None, "target"),
        ("约800人次", "职工增加", None, "增加", None, None, "target"),
    ]),
    ("由目前的X缩短至Y: the present figure is achieved, the new level a target of the same thing",
     "市人社局表示，将把欠薪案件平均办结时间由目前的约30天缩短至20天以内。互助金审核发放时间已压缩至10天以内。", [
        ("约30天", "欠薪案件平均办结时间", None, None, None, None, "achieved"),
        ("20天以内", "欠薪案件平均办结时间", None, "缩短至", None, None, "target"),
        ("10天以内", "互助金审核发放时间", None, "压缩至", None, None, "achieved"),
    ]),
    ("hours and minutes of doing something are its time; a time noun already there stays alone",
     "调查显示，受访职工平均每周工作46.5小时，另有受访雇主另设工间休息15分钟，每周总工时中位数减少0.5小时。", [
        ("46.5小时", "受访职工平均每周工作时间", None, None, None, None, "achieved"),
        ("15分钟", "另有受访雇主另设工间休息时间", None, None, None, None, "achieved"),
        ("0.5小时", "每周总工时中位数", None, "减少", None, None, "achieved"),
    ]),
    ("a demand to raise a level: what is to rise, without the modal (应) and the adverb (一次)",
     "多个劳工团体上午到场陈情，主张基本工资应一次调升至3万元以上。", [
        ("3万元以上", "基本工资", None, "主张", None, None, "target"),
    ]),
    ("a name right before the next count is that count's, not the one before it",
     "今年新培育市级劳模创新工作室12个、工匠创新工作室9个。", [
        ("12个", "市级劳模创新工作室", "劳模创新工作室", "培育", None, None, "achieved"),
        ("9个", "工匠创新工作室", "创新工作室", "培育", None, None, "achieved"),
    ]),
    ("a list closed by 等 after the number: the list and what it is of",
     "为860名环卫工人、快递员等户外劳动者赠送防暑用品。", [
        ("860名", "环卫工人、快递员等户外劳动者", None, None, None, None, "achieved"),
    ]),
    ("当中 opens a part like 其中; 赴 ends the phrase after a count; a money noun 帮扶金",
     "全年成功协助3200名居民实现就业，当中青年占近三成。区总工会选派技术骨干12名赴对口地区开展传帮带，户均发放帮扶金2500元。", [
        ("3200名", "居民", None, None, None, None, "achieved"),
        ("近三成", "青年", None, "占", None, None, "achieved"),
        ("12名", "技术骨干", None, "选派", None, None, "achieved"),
        ("2500元", "帮扶金", None, "发放", None, None, "achieved"),
    ]),
    ("a sum with only its verb is the paragraph's money; a per-head sum keeps who gets it",
     "全县共资助困难职工子女620名，发放助学金186万元，其中县总工会本级资助120名、发放40万元；考入本科的每人4000元。", [
        ("620名", "困难职工子女", None, "资助", None, None, "achieved"),
        ("186万元", "助学金", None, "发放", None, None, "achieved"),
        ("120名", "县总工会本级资助子女", None, "资助", None, None, "achieved"),
        ("40万元", "助学金", None, "发放", None, None, "achieved"),
        ("4000元", "考入本科的每人助学金", None, None, None, None, "achieved"),
    ]),
    ("a rate's period (元/月) is no object; the new level is of what changed",
     "一线职工月平均工资由去年的6380元/月提高到6912元/月。", [
        ("6380元", "一线职工月平均工资", None, None, None, None, "achieved"),
        ("6912元", "一线职工月平均工资", None, "提高到", None, None, "achieved"),
    ]),
    ("two objects after a count (授予N名职工X奖章): the place opens the second",
     "市总工会授予215名职工天津市五一劳动奖章，授予48个单位天津市五一劳动奖状。", [
        ("215名", "职工", "五一劳动奖", None, "天津", None, "achieved"),
        ("48个", "单位", "五一劳动奖", None, "天津", None, "achieved"),
    ]),
    ("扩大到 is a level verb",
     "并把意外伤害保险覆盖人数扩大到12万人。", [
        ("12万人", "意外伤害保险覆盖人数", None, "扩大到", None, None, "achieved"),
    ]),
    ("a proposal to the government is a target; 意见建议 is no proposal",
     "工会建议政府订明每日工作8小时。全年收集职工意见建议320条。", [
        ("8小时", "每日工作时间", None, "订明", None, None, "target"),
        ("320条", "职工意见建议", None, "收集", None, None, "achieved"),
    ]),
    ("年增 (Taiwan: year on year) is a change verb; 年增率 a noun; 亦 ends the phrase after a count",
     "服務業平均經常性薪資為4萬6,082元，年增3.12%；消費者物價指數平均年增率為1.9%。外籍移工約74萬人亦同步適用。", [
        ("4萬6,082元", "服务业平均经常性薪资", None, None, None, None, "achieved"),
        ("3.12%", "服务业平均经常性薪资年增", None, "年增", None, None, "achieved"),
        ("1.9%", "消费者物价指数平均年增率", None, None, None, None, "achieved"),
        ("約74萬人", "外籍移工", None, None, None, None, "achieved"),
    ]),
    ("主要目标： and a budget make targets; 一般公共预算收入 is a fact; 将台堡 is a place, not 将",
     "会议同意公司2026年主要目标：营业收入突破20亿元。2026年市本级工会经费收入预算1.9亿元，支出预算1.88亿元。"
     "全年一般公共预算收入2760.5亿元。在西吉县将台堡镇，合作社种植面积扩大到1800亩。", [
        ("20亿元", "营业收入", None, "突破", "宁夏", 2026, "target"),
        ("1.9亿元", "本级工会经费收入预算", None, None, "宁夏", 2026, "target"),
        ("1.88亿元", "支出预算", None, None, "宁夏", 2026, "target"),
        ("2760.5亿元", "公共预算收入", None, None, "宁夏", None, "achieved"),
        ("1800亩", "合作社种植面积", None, "扩大到", "宁夏", None, "achieved"),
    ]),
    ("a clause saying only 为 takes what the clause before it names",
     "其中，金融及保险活动的升幅最大，为5.4%；其次为专业及商业服务，为4.6%。", [
        ("5.4%", "金融及保险活动的升幅", None, None, None, None, "achieved"),
        ("4.6%", "专业及商业服务", None, None, None, None, "achieved"),
    ]),
    ("a money noun that is also a verb (救助) ends the phrase after a sum; 全年 opens the next",
     "对遭遇突发困难的家庭给予1000—3000元临时救助全年共帮扶困难家庭86户。", [
        ("1000—3000元", "临时救助", None, "给予", None, None, "achieved"),
        ("86户", "困难家庭", None, "帮扶", None, None, "achieved"),
    ]),
    ("a giving verb between a rate per head and a sum: who gets each share, per what, and how",
     "考入本科院校的新生每人资助5000元，对排名靠前的项目部每个奖励5万元。", [
        ("5000元", "新生每人资助", None, "资助", None, None, "achieved"),
        ("5万元", "项目部每个奖励", None, "奖励", None, None, "achieved"),
    ]),
    ("a rate per head after 由 belongs to the number: what changes stands before 由",
     "将驿站建设补助标准由每个1万元提高到1.5万元。", [
        ("1万元", "标准", None, "补助", None, None, "achieved"),
        ("1.5万元", "标准", None, "提高到", None, None, "target"),
    ]),
    ("a list of sums followed by 的 and a noun: every sum is of that noun",
     "对三类困难家庭分别给予每户每年5000元、3000元和1500元的生活救助。", [
        ("5000元", "生活救助", None, "给予", None, None, "achieved"),
        ("3000元", "生活救助", None, "给予", None, None, "achieved"),
        ("1500元", "生活救助", None, "给予", None, None, "achieved"),
    ]),
    ("a verb after the noun that follows a count ends it; a verb jieba split from its noun does not",
     "市总工会为48名优秀职工颁发了荣誉证书，为6.2万人次职工给付互助金，组建12支劳模工匠宣讲团。", [
        ("48名", "优秀职工", None, None, None, None, "achieved"),
        ("6.2万人次", "职工", None, None, None, None, "achieved"),
        ("12支", "劳模工匠宣讲团", None, "组建", None, None, "achieved"),
    ]),
    ("verbs of handling and sending (审核, 补发, 送去); 品 ends a noun (慰问品)",
     "共审核申请1288份，督促9家企业补发拖欠工资，为环卫工人送去慰问品3200份。", [
        ("1288份", "申请", None, "审核", None, None, "achieved"),
        ("9家", "企业", None, None, None, None, "achieved"),
        ("3200份", "慰问品", None, "送去", None, None, "achieved"),
    ]),
    ("a time word before an object is when, not what (月底, 同期, 年度)",
     "截至10月底采购金额达1350万元，同期全职雇员平均收入为2.1万元。", [
        ("1350万元", "采购金额", None, None, None, None, "achieved"),
        ("2.1万元", "全职雇员平均收入", None, None, None, None, "achieved"),
    ]),
    ("分别 and a verb of its own before the numbers: each number is of its part of the subject",
     "养老金和残疾金分别发放2.4亿元和3,800万元。", [
        ("2.4亿元", "养老金", None, "发放", None, None, "achieved"),
        ("3,800万元", "残疾金", None, "发放", None, None, "achieved"),
    ]),
    ("分别 and a verb after places: the places do not name what is counted",
     "宜昌市、襄阳市总工会分别投入486万元和452万元。", [
        ("486万元", "资金", None, "投入", "湖北", None, "achieved"),
        ("452万元", "资金", None, "投入", "湖北", None, "achieved"),
    ]),
    ("就, 即可 after a number open what follows from it, not what is counted; 让 is no part of an object",
     "让户外劳动者步行15分钟内就能找到一个驿站，目前已有4家平台企业与工会就订单分配达成协议。", [
        ("15分钟内", "户外劳动者步行", None, None, None, None, "achieved"),
        ("4家", "平台企业与工会", None, None, None, None, "achieved"),
    ]),
    ("配备 and 投放 are verbs of providing; 车 ends a noun (慰问车); 省(区、市) is a noun, not a scope word",
     "每个司机之家配备床位20张以上。在户外作业点投放流动慰问车120台。全国已有28个省（区、市）建立互助组织。", [
        ("20张以上", "床位", "司机之家", "配备", None, None, "achieved"),
        ("120台", "流动慰问车", None, "投放", None, None, "achieved"),
        ("28个", "省(区、市)", None, None, None, None, "achieved"),
    ]),
    ("分别 after a comparison with no subject of its own: the numbers go with the sentence's last counts, in order",
     "各级工会共筹集资金42.6亿元，走访慰问职工1060万人次，较上年分别增长3.2%和4.5%。", [
        ("42.6亿元", "资金", None, "筹集", None, None, "achieved"),
        ("1060万人次", "职工", None, "慰问", None, None, "achieved"),
        ("3.2%", "资金", None, "增长", None, None, "achieved"),
        ("4.5%", "职工", None, "增长", None, None, "achieved"),
    ]),
    ("立案 is a verb of handling; 其余 opens the rest of what was counted; 作为 ends the phrase after a count",
     "委员会共收到代表提案23件，经审查立案18件，其余5件作为意见建议转职能部门办理。", [
        ("23件", "代表提案", None, "收到", None, None, "achieved"),
        ("18件", "代表提案", None, "立案", None, None, "achieved"),
        ("5件", "代表提案", None, None, None, None, "achieved"),
    ]),
    ("减少到, 下降到 and the like state a level: what reaches it stands before 由",
     "全市在档困难职工由2916户减少到2185户。", [
        ("2916户", "在档困难职工", None, None, None, None, "achieved"),
        ("2185户", "在档困难职工", None, "减少到", None, None, "achieved"),
    ]),
    ("a comma between a digit and three more (3,215) is no clause break: the 分别 list goes on",
     "饮食业、建造业和零售业的个案数目分别为3,215宗、2,687宗和1,904宗。", [
        ("3,215宗", "饮食业", None, None, None, None, "achieved"),
        ("2,687宗", "建造业", None, None, None, None, "achieved"),
        ("1,904宗", "零售业的个案数目", None, None, None, None, "achieved"),
    ]),
    ("由X…到Y: X is the level now (a fact), Y the planned one when a plan or demand opens the sentence",
     "明年将最低工资标准由1950元提高到2050元。去年最低工资由1800元提高到1950元。", [
        ("1950元", "最低工资标准", None, None, None, None, "achieved"),
        ("2050元", "最低工资标准", None, "提高到", None, None, "target"),
        ("1800元", "最低工资", None, None, None, None, "achieved"),
        ("1950元", "最低工资", None, "提高到", None, None, "achieved"),
    ]),
    ("a rate per head before who gets it and a giving verb (每个先进集体奖励2万元); 每户最高可获 is no who",
     "每个先进集体奖励2万元、每名先进个人奖励3000元。", [
        ("2万元", "每个先进集体奖励", None, "奖励", None, None, "achieved"),
        ("3000元", "每名先进个人奖励", None, "奖励", None, None, "achieved"),
    ]),
    ("a date opening an object is when, not what (到2027年全县技能人才)",
     "按照规划，到2027年全县技能人才将达到8万人以上。", [
        ("8万人以上", "技能人才", None, "达到", None, 2027, "target"),
    ]),
    ("将X作为Y treats X as Y: no plan",
     "全州将从事旅游服务的职工作为扩面重点，参保人数增幅超过25%。", [
        ("超过25%", "参保人数增幅", None, None, None, None, "achieved"),
    ]),
    ("parts of a 分别 list under 其中 that are places do not divide what is counted",
     "其中南宁市、柳州市参赛班组分别为2.1万个和1.6万个。", [
        ("2.1万个", "班组", None, "参赛", "广西", None, "achieved"),
        ("1.6万个", "班组", None, "参赛", "广西", None, "achieved"),
    ]),
]


def _rows(text: str) -> list[Row]:
    return [(c.text, c.object, c.program, c.action, c.province, c.year, c.status) for c in extract(text)]


@pytest.mark.parametrize(("pattern", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_attribution(pattern: str, text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected
