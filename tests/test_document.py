"""Reading a document as a whole: title, headings, furniture and who speaks decide programme,
province and status. One case per kind of document, written for these tests in the style of real
pages; each lists (text, program, province, status) for every claim, in order."""

from __future__ import annotations

import pytest

from gongextract import extract, load_rules
from gongextract.document import read_layout
from gongextract.normalize import normalize

Row = tuple[str, str | None, str | None, str]

DOCUMENTS: list[tuple[str, str, list[Row]]] = [
    ("a campaign named only in the title covers the body; a new heading ends it",
     "“夏送清凉”进工地 高温一线暖人心\n\n本报讯 入夏以来,太原市总工会走访高温一线企业86家,"
     "慰问一线职工3.2万人次。\n\n■资金保障\n各级工会投入资金520万元。\n\n■职工书屋\n全市新建职工书屋40家。", [
         ("86家", "夏送清凉", "山西", "achieved"),
         ("3.2万人次", "夏送清凉", "山西", "achieved"),
         ("520万元", "夏送清凉", "山西", "achieved"),
         ("40家", "职工书屋", "山西", "achieved"),
     ]),
    ("a national article in a provincial paper: national figures, then the province's paragraph",
     "河南工人报 | 首页 | 要闻 | 全国动态 | 本省\n当前位置:首页 > 全国动态\n全总发布2025年职工服务统计\n"
     "来源:河南工人报 发布时间:2026-02-03 09:10\n\n本报讯 全国工会共建成职工之家5.6万个,服务职工1.2亿人次。\n\n"
     "记者从河南省总工会获悉,全省建成职工之家3200个。", [
         ("5.6万个", "职工之家", None, "achieved"),
         ("1.2亿人次", "职工之家", None, "achieved"),
         ("3200个", "职工之家", "河南", "achieved"),
     ]),
    ("a Taiwan wage announcement: the authority gives the region, the scheduled level is a target",
     "基本工資明年調升\n\n勞動部今日宣布，每月基本工資將由現行的2萬9500元調升至3萬1200元，預估約190萬名勞工受惠。", [
         ("2萬9500元", None, "台湾", "achieved"),
         ("3萬1200元", None, "台湾", "target"),
         ("約190萬名", None, "台湾", "target"),
     ]),
    ("a Hong Kong survey: the statistics office and the currency give the region",
     "最新工資統計出爐\n\n政府統計處昨日公布，全港僱員每月工資中位數為2萬港元，按年上升4.0%。", [
         ("2萬港元", None, "香港", "achieved"),
         ("4.0%", None, "香港", "achieved"),
     ]),
    ("a plan list with no future words: its measures are targets, a past fact stays achieved",
     "2027年市总工会为职工办实事项目清单\n\n一、新建工会驿站50个。\n二、资助困难职工子女1000名。\n"
     "三、去年已建成的120个驿站全部提质。", [
         ("50个", "工会驿站", None, "target"),
         ("1000名", None, None, "target"),
         ("120个", "工会驿站", None, "achieved"),  # 驿站 repeats the first item's programme
     ]),
    ("a 计划 sentence beside achieved ones; 今年 reporting what was done is no target",
     "省总工会深化困难职工帮扶\n\n今年以来,福建省各级工会走访慰问困难职工2.3万户。省总工会计划对1.2万名困难职工开展技能培训。", [
         ("2.3万户", "困难职工帮扶", "福建", "achieved"),
         ("1.2万名", "困难职工帮扶", "福建", "target"),
     ]),
    ("a goal with a deadline ahead, a plan to add, and a share of the year's goal already met",
     "澳门工联展望2026年工作\n\n工联计划新增1间长者服务中心,目标于6月底前收集5万个市民签名。"
     "截至6月底,已完成全年目标任务的78%。", [
         ("1间", None, "澳门", "target"),
         ("5万个", None, "澳门", "target"),
         ("78%", None, "澳门", "achieved"),
     ]),
    ("a heading that forecasts makes its section's figures forecasts",
     "基本工资明年调升\n\n劳动部今日宣布基本工资调整方案。\n\n▌预估逾240万名劳工受惠\n\n其中制造业61.3万人、批发及零售业38.5万人。", [
         ("逾240万名", None, "台湾", "target"),
         ("61.3万人", None, "台湾", "target"),
         ("38.5万人", None, "台湾", "target"),
     ]),
    ("a section of targets in a government report: its items are targets, the review is not",
     "2026年某省政府工作报告\n\n一、2025年工作回顾\n全省城镇新增就业61万人。\n\n二、2026年主要预期目标\n"
     "城镇新增就业60万人以上,居民收入增长5%左右。", [
         ("61万人", None, None, "achieved"),
         ("60万人以上", None, None, "target"),
         ("5%左右", None, None, "target"),
     ]),
    ("numbered measures of a plan stand alone; a heading naming a campaign gives it",
     "2026年服务职工十件实事\n\n一、开展职工技能提升行动\n培训职工5万人次。\n二、推进新就业形态劳动者入会\n"
     "新发展会员3万名。", [
         ("5万人次", "职工技能提升行动", None, "target"),
         ("3万名", None, None, "target"),
     ]),
    ("numbered sections of a campaign report stay the campaign's",
     "甘肃“安康杯”竞赛成效显著\n\n本报讯 全省参赛班组达到2.4万个。\n一、隐患排查\n共排查事故隐患8.6万条。", [
         ("2.4万个", "安康杯", "甘肃", "achieved"),
         ("8.6万条", "安康杯", "甘肃", "achieved"),
     ]),
    ("a forum repost: chrome before the post's title does not hide it",
     "职工之家论坛\n 登录/注册\n马上注册,结交更多好友,享用更多功能。\n职工之家论坛 » 论坛 › 工会资讯\n"
     "[转帖] 陕西工会“金秋助学”活动收官\n楚天老张\n发表于2025-9-28 09:47:15 | 只看该作者\n"
     "记者从陕西省总工会获悉,今年全省资助困难职工子女4200名。", [
         ("4200名", "金秋助学", "陕西", "achieved"),
     ]),
    ("a numbered heading naming works (重点工程) is no programme: the campaign's stays",
     "四川“安康杯”竞赛成效显著\n\n本报讯 全省参赛班组达到2.4万个。\n二、安全投入与重点工程\n参赛企业安全生产投入约18.4亿元。", [
         ("2.4万个", "安康杯", "四川", "achieved"),
         ("约18.4亿元", "安康杯", "四川", "achieved"),
     ]),
    ("a Traditional title names its province beside a mojibake run",
     "重慶市總工會\ufffd\ufffd鍥涘窛 深化職工互助保障\n\n去年全市參保職工達186.4萬人次。", [
         ("186.4萬人次", "职工互助保障", "重庆", "achieved"),
     ]),
    ("a paragraph opening with its topic (在…方面) is a heading of its own",
     "西安工会劳动和技能竞赛成效显著\n\n本报讯 今年全市开展劳动和技能竞赛312项。\n\n"
     "在职工书屋建设方面，全市新增藏书2万册。\n\n帮扶救助方面，走访困难职工1200户。", [
         ("312项", "劳动和技能竞赛", "陕西", "achieved"),
         ("2万册", "职工书屋", "陕西", "achieved"),
         ("1200户", "劳动和技能竞赛", "陕西", "achieved"),
     ]),
    ("paired aid: a lead naming two provinces speaks for the one the article names most; a giver's name after 接收 is not whose figure it is",
     "苏黔工会携手 暖心服务进山乡\n\n来源：贵州日报 2026-03-02\n\n今年以来，江苏省总工会与贵州省黔东南州总工会深化对口协作，"
     "援建项目8个在凯里、榕江等地落地。\n\n黔东南州今年共接收江苏省总工会援助资金520万元，全州已建成职工驿站36个。\n\n"
     "帮扶方面，援助资金覆盖困难职工家庭210户。江苏省总工会还选派技术骨干15名赴凯里传授技能。", [
         ("8个", None, "贵州", "achieved"),
         ("520万元", None, "贵州", "achieved"),
         ("36个", None, "贵州", "achieved"),
         ("210户", None, "贵州", "achieved"),
         ("15名", None, "江苏", "achieved"),
     ]),
    ("aid to a region (援疆) names it even after a national subject; a national total stays national",
     "工会对口援疆工作会议召开\n\n会议通报，全总和各援疆省市总工会共投入援疆资金2.1亿元，全国工会系统共建成职工书屋12万家。", [
         ("2.1亿元", "工会对口援疆", "新疆", "achieved"),
         ("12万家", "职工书屋", None, "achieved"),
     ]),
    ("destinations (到, 至, 赴) are not whose figures, except in the document's own region; 融水县 is 融水苗族自治县",
     "融水县总工会“春风行动”助返乡群众稳岗就业\n\n本报讯 今年以来，融水苗族自治县总工会帮助返乡农民工实现就业2100余人，"
     "其中到广东、浙江务工的约占六成。\n\n县里还开通了至广州、佛山的返岗专车26趟，运送务工人员980人。"
     "江苏省总工会选派技术骨干8名赴融水县开展培训，结对培养本地技术工人64名。", [
         ("2100余人", "春风行动", "广西", "achieved"),
         ("六成", "春风行动", "广西", "achieved"),
         ("26趟", "春风行动", "广西", "achieved"),
         ("980人", "春风行动", "广西", "achieved"),
         ("8名", "春风行动", "江苏", "achieved"),
         ("64名", "春风行动", "广西", "achieved"),
     ]),
    ("text copied from a PDF, wrapped at a fixed width: lines continue across breaks (竞\\n赛, 4.6\\n亿元)",
     "河南省总工会十四届五次全委（扩大）会议文件之一\n\n一、2025年工作回顾\n"
     "　　（一）职工技能素质持续提升。全年举办各级各类劳动和技能竞\n赛1.2万余场，参赛职工达到286万人次；新命名省级劳模和工匠人才\n"
     "创新工作室150个，累计达到1020个。\n"
     "　　（二）服务职工更加精准。全省工会筹集“两节”送温暖资金4.6\n亿元，慰问职工87.5万人次；金秋助学资助困难职工子女6800名。\n", [
         ("1.2万余场", "劳动和技能竞赛", "河南", "achieved"),
         ("286万人次", "劳动和技能竞赛", "河南", "achieved"),
         ("150个", "劳模和工匠人才创新工作室", "河南", "achieved"),
         ("1020个", "劳模和工匠人才创新工作室", "河南", "achieved"),
         ("4.6\n亿元", "送温暖", "河南", "achieved"),
         ("87.5万人次", "送温暖", "河南", "achieved"),
         ("6800名", "金秋助学", "河南", "achieved"),
     ]),
    ("a WeChat post: chrome before the title; a short standfirst naming one programme covers the body",
     "点击蓝字 关注我们\n\n湖州工会\n\n👉职工“钱袋子”越来越鼓\n\n📌 集体协商，让一线职工的收入涨起来。\n\n"
     "今年以来，全市已签订工资专项集体合同1260份，覆盖职工18.6万人。\n\n参与协商的企业一线职工月平均工资提高到6120元。", [
         ("1260份", "集体协商", "浙江", "achieved"),
         ("18.6万人", "集体协商", "浙江", "achieved"),
         ("6120元", "集体协商", "浙江", "achieved"),
     ]),
    ("an interview: a programme's ending repeated alone in a later clause (驿站) means the programme; other clauses stay unnamed",
     "建好职工“歇脚点” 服务暖人心\n\n记者：骑手歇脚难怎么解决？\n\n答：我们建成“骑士驿站”860家。今年夏天，驿站累计服务户外劳动者超过120万人次。"
     "\n\n记者：下一步有什么打算？\n\n答：今年计划再新建驿站150家，推动平台企业建会率达到90%。", [
         ("860家", "骑士驿站", None, "achieved"),
         ("超过120万人次", "骑士驿站", None, "achieved"),
         ("150家", "骑士驿站", None, "target"),
         ("90%", None, None, "target"),
     ]),
    ("a quoted campaign called an activity in the lead (开展“…”活动) covers the body",
     "师市工会为职工办实事解难题\n\n本报讯 今年以来，师市总工会持续开展“我为职工办实事”活动，共办理实事项目86件，投入资金1260万元。"
     "\n\n在一团，工会投入32万元改造连队活动室。", [
         ("86件", "我为职工办实事", None, "achieved"),
         ("1260万元", "我为职工办实事", None, "achieved"),
         ("32万元", "我为职工办实事", None, "achieved"),
     ]),
    ("page furniture holds no claim and names no province",
     "发布时间:2025-03-02 浏览:1536次 信息编号:230829104\n吉林省总工会开展春送岗位活动\n\n"
     "全省提供就业岗位3.6万个。\n\n已有0条评论\n· 相关新闻:黑龙江建成驿站500个", [
         ("3.6万个", "春送岗位", "吉林", "achieved"),
     ]),
    ("a title that repeats part of a name the lead quotes: the article is about it (without its year)",
     "春季就業博覽會釋出逾8,600個職缺\n\n臺中市政府勞工局今日舉辦「115年春季聯合就業博覽會」，共有152家廠商參與。\n\n"
     "當天吸引求職民眾4,870人次入場。", [
         ("逾8,600個", "春季联合就业博览会", "台湾", "achieved"),
         ("152家", "春季联合就业博览会", "台湾", "achieved"),
         ("4,870人次", "春季联合就业博览会", "台湾", "achieved"),
     ]),
    ("a budget is a plan: its figures are targets, the closed accounts of a past year are facts",
     "某市总工会2026年部门预算公开说明\n\n一、收支总体情况\n2026年本级收入预算合计1.8亿元，其中拨缴经费收入1.2亿元。"
     "2025年决算支出1.6亿元。\n\n二、支出安排\n安排职工服务支出6200万元。", [
         ("1.8亿元", None, None, "target"),
         ("1.2亿元", None, None, "target"),
         ("1.6亿元", None, None, "achieved"),
         ("6200万元", None, None, "target"),
     ]),
    ("a programme known by its name (暑托班) in the title covers the body",
     "黄浦区今年开设职工子女爱心暑托班40个\n\n本报讯 记者从区总工会获悉，全区可提供托管名额约3500个。", [
         ("40个", "爱心暑托班", "上海", "achieved"),
         ("约3500个", "爱心暑托班", "上海", "achieved"),
     ]),
    ("a title that repeats three characters of a known form the lead quotes (…消费券)",
     "好消息！2000万元职工消费券今天开抢\n\n市总工会第二期“职工惠民消费券”今日上线，本期共计约30万张。\n\n"
     "首期消费券带动消费约6亿元。", [
         ("2000万元", "职工惠民消费券", None, "achieved"),
         ("约30万张", "职工惠民消费券", None, "achieved"),
         ("约6亿元", "职工惠民消费券", None, "achieved"),
     ]),
    ("a national subject covers the later clauses of its sentence; a dateline city does not narrow it",
     "全总发布送温暖数据\n\n本报北京1月20日电 记者从全国总工会获悉，今年全国各级工会共筹集送温暖资金40亿元，"
     "走访慰问职工1000万人次，较上年分别增长3%和4%。", [
         ("40亿元", "送温暖", None, "achieved"),
         ("1000万人次", "送温暖", None, "achieved"),
         ("3%", "送温暖", None, "achieved"),
         ("4%", "送温暖", None, "achieved"),
     ]),
]


def _rows(text: str) -> list[Row]:
    return [(c.text, c.program, c.province, c.status) for c in extract(text)]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in DOCUMENTS], ids=[d for d, _, _ in DOCUMENTS])
def test_document(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("首页 > 要闻 > 正文", True),
        ("天水日报数字报", True),
        ("【责任编辑:韦小燕】", True),
        ("2024年02月06日 星期二", True),
        ("· 南京建筑工地“工会小屋”覆盖320个在建项目", True),
        ("🔁 转发326 💬 评论89 👍 1.2万", True),
        ("👇 视频带你看码头上的年轻人 ⏯️ 01:25 | 2.1万次观看", True),
        ("(记者 巴特尔 张慧)", True),
        ("山西工人报 2026年01月14日 星期三 第02版:要闻", True),
        ("荆楚职工之家论坛 » 论坛 › 工会资讯 › 湖北工会送温暖活动收官", True),
        ("马上注册,结交更多好友,享用更多功能,让你轻松玩转社区。", True),
        ("澜星体育官网 www.example.com 注册送88元", True),
        ("澜星体育手机版入口 | 2026赛季中超联赛赛程 | 足球直播", True),
        ("实名注册工会会员达1172万、访问量超9亿人次", False),
        ("来源:江苏工人报 作者:记者 周倩 2024-07-03记者从江苏省总工会获悉,今年以来,全省各级工会新发展农民工会员逾62万人,完成全年目标任务的八成。", False),
    ],
)
def test_furniture_lines(line: str, furniture: bool) -> None:
    text = "标题\n\n" + line + "\n"
    layout = read_layout(normalize(text).text, load_rules())
    assert layout.is_furniture(len("标题\n\n")) is furniture


def test_title_and_sections_are_looked_up_by_position() -> None:
    text = normalize("“两节”送温暖 暖到职工心坎上\n\n本报讯 走访困难职工2186户。\n\n■金秋助学圆学子梦\n资助学生1630人。").text
    layout = read_layout(text, load_rules())
    assert text[: layout.title_end] == "“两节”送温暖 暖到职工心坎上"
    assert layout.section_at(text.index("2186")).programme == "送温暖"
    assert layout.section_at(text.index("1630")).programme == "金秋助学"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Republic of China years where only a year can stand; a comparison base is no year of the claim
        ("勞保局公布統計\n\n截至114年9月底，勞工保險被保險人1,061萬人，較113年同期增加5.2萬人。",
         [("1,061萬人", 2025), ("5.2萬人", 2025)]),
        ("基本工資調升\n\n自民國116年1月1日起，基本工資月薪調升至3萬1,200元。", [("3萬1,200元", 2027)]),  # a start date
        ("全市累计培养技术工人3200名。自2027年1月1日起，每人每月补贴调整为800元。", [("3200名", None), ("800元", 2027)]),
        ("某厂建厂116年来累计培养技术工人3200名。", [("116年", None), ("3200名", None)]),
        ("勞工局今日舉辦「115年春季聯合就業博覽會」，提供職缺8,642個。勞工局統計，114年全年共辦理徵才活動126場。",
         [("8,642個", 2026), ("126場", 2025)]),
    ],
    ids=["ROC year and comparison base", "ROC start date of a target", "start date of a target", "116年 as a span",
         "ROC year before a season or 全年"],
)
def test_years(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert [(c.text, c.year) for c in extract(text)] == expected
