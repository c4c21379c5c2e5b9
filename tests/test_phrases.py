"""One case per real-style phrase: the exact quantity records (span text, value, value_max, unit, kind, qualifier).

Rows are grouped by where they come from; each phrase is its own test id, so one failure never hides another.
"""

from __future__ import annotations

import pytest

from gongextract import extract

Q = tuple  # (text, value, value_max, unit, kind, qualifier)

# Phrases as they stand in provincial union reports.
REAL_NEWS = [
    ("全省建成职工书屋1.5万余家", [("1.5万余家", 15000, None, "家", "count", "over")]),
    ("累计投入7.1亿元", [("7.1亿元", 710000000, None, "元", "money", "exact")]),
    ("惠及职工群众1650余万人", [("1650余万人", 16500000, None, "人", "people", "over")]),
    ("累计建成近1.6万家“工会爱心驿站”", [("近1.6万家", 16000, None, "家", "count", "under")]),
    ("组织不少于6000人次劳模和工匠人才进企业", [("不少于6000人次", 6000, None, "人次", "person_times", "at_least")]),
    ("职工满意率99.5%", [("99.5%", 99.5, None, "%", "percent", "exact")]),
    ("培养造就50名左右大国工匠", [("50名左右", 50, None, "名", "people", "about")]),
    ("地市总工会最高限额1500万元", [("1500万元", 15000000, None, "元", "money", "at_most")]),
    ("每年参赛职工100万人次以上", [("100万人次以上", 1000000, None, "人次", "person_times", "at_least")]),
    ("目前广东工会会员总数有2966.5万。", [("2966.5万", 29665000, None, None, "people", "exact")]),
    ("实名注册工会会员达1172万、访问量超9亿人次", [
        ("1172万", 11720000, None, None, "people", "exact"),
        ("超9亿人次", 900000000, None, "人次", "person_times", "over"),
    ]),
    ("带动30万职工参加技能提升", [("30万", 300000, None, None, "people", "exact")]),
    ("筹集专项资金2亿3500万元", [("2亿3500万元", 235000000, None, "元", "money", "exact")]),
    ("投入资金1亿2千万元", [("1亿2千万元", 120000000, None, "元", "money", "exact")]),
    ("覆盖职工超百万人", [("超百万人", 1000000, None, "人", "people", "over")]),
    ("投入超千万元", [("超千万元", 10000000, None, "元", "money", "over")]),
    ("2.5万名职工参加技能竞赛", [("2.5万名", 25000, None, "名", "people", "exact")]),
    ("培训时长超过40学时", [("超过40学时", 40, None, "学时", "duration", "over")]),
    ("惠及300来人", [("300来人", 300, None, "人", "people", "about")]),
    ("建成 1032 家“司机之家”", [("1032 家", 1032, None, "家", "count", "exact")]),
    ("工资增长12%-15%", [("12%-15%", 12, 15, "%", "percent", "exact")]),
    ("覆盖率从20%至30%不等", [("20%至30%", 20, 30, "%", "percent", "exact")]),
    ("超过 1000 人参加", [("超过 1000 人", 1000, None, "人", "people", "over")]),
    ("二十来个企业", [("二十来个", 20, None, "个", "count", "about")]),
    ("投入7158.84万元开展关爱活动", [("7158.84万元", 71588400, None, "元", "money", "exact")]),
    ("全省工会累计投入4.085亿元组织1286批次21.6万名职工及家属", [
        ("4.085亿元", 408500000, None, "元", "money", "exact"),
        ("1286批次", 1286, None, "批次", "count", "exact"),
        ("21.6万名", 216000, None, "名", "people", "exact"),
    ]),
    ("建成工会驿站1.6万家、职工服务中心6962家、爱心妈妈小屋6338家", [
        ("1.6万家", 16000, None, "家", "count", "exact"),
        ("6962家", 6962, None, "家", "count", "exact"),
        ("6338家", 6338, None, "家", "count", "exact"),
    ]),
    ("一线工人数分别为12名、31名", [
        ("12名", 12, None, "名", "people", "exact"),
        ("31名", 31, None, "名", "people", "exact"),
    ]),
    ("辐射带动文旅消费超5.5亿元", [("超5.5亿元", 550000000, None, "元", "money", "over")]),
    ("累计为职工解答法律咨询6.9万多人次", [("6.9万多人次", 69000, None, "人次", "person_times", "over")]),
    ("调解劳动争议2.2万多宗", [("2.2万多宗", 22000, None, "宗", "count", "over")]),
    ("接听电话18.3万通", [("18.3万通", 183000, None, "通", "count", "exact")]),
    ("参与调解案件7.2万宗", [("7.2万宗", 72000, None, "宗", "count", "exact")]),
    ("上图2.61万个点位", [("2.61万个", 26100, None, "个", "count", "exact")]),
    ("现藏书量达2万余册", [("2万余册", 20000, None, "册", "count", "over")]),
    ("覆盖服务职工900多万人", [("900多万人", 9000000, None, "人", "people", "over")]),
    ("帮助近30万名职工实现学历技能双提升", [("近30万名", 300000, None, "名", "people", "under")]),
    ("全省培育各级各类试点超1万个", [("超1万个", 10000, None, "个", "count", "over")]),
    ("组织3000多名劳模工匠", [("3000多名", 3000, None, "名", "people", "over")]),
    ("往后5年要增加约390名", [("5年", 5, None, "年", "duration", "exact"), ("约390名", 390, None, "名", "people", "about")]),
    (  # a scraped page broke the line inside 人次
        "说是底色,过去五年,广东省总工会做好重点群体服务保障,实施新业态劳动者温暖行动,投入专项资金开展活动,惠及新业态劳动者超400万人\n\n次;提升职工服务质量",
        [("五年", 5, None, "年", "duration", "exact"), ("超400万人\n\n次", 4000000, None, "人次", "person_times", "over")],
    ),
    ("化解劳动争议13216起。", [("13216起", 13216, None, "起", "count", "exact")]),
    ("组建193支赣鄱劳模工匠宣讲团", [("193支", 193, None, "支", "count", "exact")]),
    ("帮助13.74万户在档困难职工家庭脱困", [("13.74万户", 137400, None, "户", "count", "exact")]),
    ("出席代表中有5名产业工人,占11.63%", [
        ("5名", 5, None, "名", "people", "exact"),
        ("11.63%", 11.63, None, "%", "percent", "exact"),
    ]),
    ("每年开展线上线下招聘会700场次", [("700场次", 700, None, "场次", "count", "exact")]),
    ("服务户外劳动者超过300万人次以上", [("超过300万人次以上", 3000000, None, "人次", "person_times", "over")]),
    ("每年组织50个以上工种的职业技能大赛", [("50个以上", 50, None, "个", "count", "at_least")]),
    ("发放创业担保贷款不少于2.4亿元", [("不少于2.4亿元", 240000000, None, "元", "money", "at_least")]),
    ("每年组织不少于3万人的职工开展疗休养", [("不少于3万人", 30000, None, "人", "people", "at_least")]),
    ("这份长达1.3万余字的报告", [("1.3万余字", 13000, None, "字", "count", "over")]),
    ("连续11年开展活动", [("11年", 11, None, "年", "duration", "exact")]),
    ("书屋开放近3年", [("近3年", 3, None, "年", "duration", "under")]),
    ("新建职工活动阵地3200平方米", [("3200平方米", 3200, None, "平方米", "measure", "exact")]),
    ("修建职工健身步道12.5公里", [("12.5公里", 12.5, None, "公里", "measure", "exact")]),
    ("职工人均增收1,234元", [("1,234元", 1234, None, "元", "money", "exact")]),
    ("发放慰问金１２３４元", [("１２３４元", 1234, None, "元", "money", "exact")]),
    ("满意率达９９．５％", [("９９．５％", 99.5, None, "%", "percent", "exact")]),
    ("入会率提高了3个百分点", [("3个百分点", 3, None, "百分点", "percent", "exact")]),
    ("到场职工约2000人", [("约2000人", 2000, None, "人", "people", "about")]),
    ("参加培训的职工逾5000人", [("逾5000人", 5000, None, "人", "people", "over")]),
    ("受助职工不足800人", [("不足800人", 800, None, "人", "people", "under")]),
    ("补助最多不超过5万元", [("不超过5万元", 50000, None, "元", "money", "at_most")]),
    ("单笔贷款30万元以内", [("30万元以内", 300000, None, "元", "money", "at_most")]),
    ("参与职工将近2万人", [("将近2万人", 20000, None, "人", "people", "under")]),
    ("年度培训1万人次上下", [("1万人次上下", 10000, None, "人次", "person_times", "about")]),
    ("累计办理业务1.2万笔", [("1.2万笔", 12000, None, "笔", "count", "exact")]),
    ("救治重症病例120例", [("120例", 120, None, "例", "count", "exact")]),
]

# Chinese numerals, ranges and money as news text writes them.
NUMERALS = [
    ("全市参训职工三千余人", [("三千余人", 3000, None, "人", "people", "over")]),
    ("招收学员一万二千名", [("一万二千名", 12000, None, "名", "people", "exact")]),
    ("共投入两亿元", [("两亿元", 200000000, None, "元", "money", "exact")]),
    ("新增会员单位十余家", [("十余家", 10, None, "家", "count", "over")]),
    ("每场可容纳3000—5000人", [("3000—5000人", 3000, 5000, "人", "people", "exact")]),
    ("预计吸引3至5万人参加", [("3至5万人", 30000, 50000, "人", "people", "exact")]),
    ("单个项目补助50万-100万元", [("50万-100万元", 500000, 1000000, "元", "money", "exact")]),
    ("职工满意率达百分之九十五", [("百分之九十五", 95, None, "%", "percent", "exact")]),
    ("增长了百分之三十", [("百分之三十", 30, None, "%", "percent", "exact")]),
    ("全省共有试点城市三个。", [("三个", 3, None, "个", "count", "exact")]),
    ("发放茶叶半斤。", [("半斤", 0.5, None, "斤", "measure", "exact")]),
    ("捐出一百块钱", [("一百块钱", 100, None, "元", "money", "exact")]),
    ("总额壹拾壹元壹角壹分", [("壹拾壹元壹角壹分", 11.11, None, "元", "money", "exact")]),
    ("合计伍仟元整", [("伍仟元整", 5000, None, "元", "money", "exact")]),
    ("损失约八九亿韩元", [("约八九亿韩元", 800000000, 900000000, "韩元", "money", "about")]),
    ("花了三五百块", [("三五百块", 300, 500, "元", "money", "exact")]),
    ("预算两个亿卢布", [("两个亿卢布", 200000000, None, "卢布", "money", "exact")]),
    ("港币两千九百六十元", [("港币两千九百六十元", 2960, None, "元", "money", "exact")]),
    ("港币2960", [("港币2960", 2960, None, "港元", "money", "exact")]),
    ("新台币 177.1 亿元", [("新台币 177.1 亿元", 17710000000, None, "元", "money", "exact")]),
    ("补贴十八至三十万日元", [("十八至三十万日元", 180000, 300000, "日元", "money", "exact")]),
    ("工资从8500到3万港元", [("8500到3万港元", 8500, 30000, "港元", "money", "exact")]),
    ("奖金1万(含)-5万元", [("1万(含)-5万元", 10000, 50000, "元", "money", "exact")]),
    ("投资50万元(含)以上", [("50万元(含)以上", 500000, None, "元", "money", "at_least")]),
    ("金额82,225.00元", [("82,225.00元", 82225, None, "元", "money", "exact")]),
    ("一亿五千万零六千三百五十五元", [("一亿五千万零六千三百五十五元", 150006355, None, "元", "money", "exact")]),
    ("规模达到三万五。", [("三万五", 35000, None, None, "count", "exact")]),
    ("十块三毛", [("十块三毛", 10.3, None, "元", "money", "exact")]),
    ("获得两千分。", [("两千分", 2000, None, "分", "count", "exact")]),
    ("3千万亿日元", [("3千万亿日元", 3000000000000000, None, "日元", "money", "exact")]),
    ("平均不到1.9万台币", [("不到1.9万台币", 19000, None, "新台币", "money", "under")]),
]

# A bare magnitude with a qualifier is a round figure (百余家 = over 100); without one it is figurative.
BARE_MAGNITUDES = [
    ("全市百余家企业参加", [("百余家", 100, None, "家", "count", "over")]),
    ("培训职工千余人次,", [("千余人次", 1000, None, "人次", "person_times", "over")]),
    ("惠及万余人。", [("万余人", 10000, None, "人", "people", "over")]),
    ("近万名职工参加", [("近万名", 10000, None, "名", "people", "under")]),
    ("投入百余万元", [("百余万元", 1000000, None, "元", "money", "over")]),
    ("逾千人到场", [("逾千人", 1000, None, "人", "people", "over")]),
]

# Traditional script and scraper junk: the span is the original text, the reading is the simplified one.
TRADITIONAL = [
    ("每年組織500多萬人次職工參與", [("500多萬人次", 5000000, None, "人次", "person_times", "over")]),
    ("覆蓋50多萬名產(chǎn)業(yè)工人", [("50多萬名", 500000, None, "名", "people", "over")]),
    ("累計發(fā)放送溫暖款物5億余元", [("5億余元", 500000000, None, "元", "money", "over")]),
    ("共投入資金4.6億(yì)餘元", [("4.6億(yì)餘元", 460000000, None, "元", "money", "over")]),
    ("江西省218個集體獲評", [("218個", 218, None, "个", "count", "exact")]),
    ("化解勞動(dòng)爭議13216起", [("13216起", 13216, None, "起", "count", "exact")]),
    ("新建驛站（yì）2000家", [("2000家", 2000, None, "家", "count", "exact")]),
    ("勞保基金運用規模約1兆1,280億元", [("約1兆1,280億元", 1128000000000, None, "元", "money", "about")]),
    ("该项目装机容量100兆瓦", [("100兆瓦", 100, None, "兆瓦", "measure", "exact")]),
    ("年发电量1.2亿千瓦时", [("1.2亿千瓦时", 120000000, None, "千瓦时", "measure", "exact")]),
]

# Numbers that are not claims (SPEC section 1).
NEGATIVE = [
    "巡护员人手一套",
    "商品七折八扣出售",
    "2024年03月29日 13:25 媒体滚动",
    "上证指数 3321.45 +0.52%　深证成指 10823.11 -0.18%　创业板指 2210.37 +1.02%",
    "参与职工达数十万人次",
    "全省数百家企业",
    "上半年全省新建工会组织",
    "上一篇：沈阳市总工会召开全委会",
    "正文完。\n下一篇：大连工会为120名环卫工人送去棉衣",
    "正文完。\n\n  \n下一篇：大连工会为120名环卫工人送去棉衣",
    "相关阅读：全省建成驿站300个",
    "阅读 1.2万　评论 56 条",
    "浏览量：12,345次",
    "共15张图片",
    "扫码关注 2.3万人已关注",
    "12月17-19日,广东省工会第十四次代表大会在广州召开",
    "2024.03.06 14:04",
    "省总工会第十二届委员会第十二次全体会议",
    "服务省委“3815”战略",
    "广东省委作出“1310”具体部署",
    "依托12351工会服务职工热线",
    "5G网络建设应用",
    "实施“3+N”职工服务计划",
    "全面贯彻落实党的二十大精神",
    "加大对“扶贫832平台”的宣传",
    "联系电话020-12345678",
    "电话：04-22289111分机35",  # a Taiwan area code has one digit after the 0
    "详见https://www.example.com/news/2024/123.html",
    "04-01 宏鑫科技 301539 10.64",
    "APP专享直播 1/10",
    "7X24小时",
    "设置电子阅览区、报刊阅览区、图书阅览区三大区域",
    "忠诚拥护“两个确立”、坚决做到“两个维护”",
    "从“提高政治站位、狠抓维权主业、深化改革创新”三个维度",
    "制定“六大暖心服务”",
    "组建四级劳模工匠技术服务队",
    "一是突出思想政治引领;二是助推重大项目建设",
    "2020年启动第一批试点",
    "举办全省首届职工心理健康服务职业技能大赛",
    "组织开展“三个一百”活动",
    "“十四五”规划",
    "共建“一带一路”",
    "选派第一书记",
    "全国两会期间",
    "荣获全国五一劳动奖章",
    "有成就街道整洁的80后清洁工",
    "新的一年,省总工会持续提升引领力",
    "这一次,工会给我提供了最好的休息机会",
    "打造一批工作品牌",
    "推树一批“全国最美工会户外劳动者服务站点”",
    "实现一次入会、动态接转",
    "千万不要放松安全生产",
    "2016年“工匠精神”被写进政府工作报告",
    "截至2024年年底",
    "今年3月,江西省总工会开展宣讲活动",
    "发表评论 (0)",
    "贯彻落实省委十一届三次全会精神",
    "上万名职工",  # vague (tens of thousands): SPEC has no convention for it
    "职工一半以上参加",
    "过半数职工同意",
    "百万雄师",
]

# Quantity forms beyond a counter after a number (SPEC section 1, "Also claims"): tenths, fractions,
# per-mille and points, hours and minutes, bracketed 次, qualifiers set apart from the number.
# 成 is a tenth: the share is written as a percent (SPEC section 1).
TENTHS = [
    ("受访职工中七成半支持弹性工作", [("七成半", 75, None, "%", "percent", "exact")]),
    ("职工公寓月租金按市场价七折左右收取", [("七折左右", 70, None, "%", "percent", "about")]),
    ("以赞成142票、反对2票获得通过", [("142票", 142, None, "票", "count", "exact"), ("2票", 2, None, "票", "count", "exact")]),
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
    ("新设2个内设机构", [("2个", 2, None, "个", "count", "exact")]),
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

# None of these states a quantity either: idioms, labels and page furniture near the forms above.
NEGATIVE_FORMS = [
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
    "9日内蒙古自治区总工会召开全委会",
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
    return [pytest.param(phrase, expected, id=phrase.replace("\n", "\\n")) for phrase, expected in group]


FORMS = TENTHS + FRACTIONS + PER_MILLE_AND_POINTS + HOURS_AND_MINUTES + BRACKETED_COUNTERS + QUALIFIERS
FORMS += CURRENCY_AND_PEOPLE + NEAR_LOOKALIKES


@pytest.mark.parametrize(
    ("phrase", "expected"),
    _rows(REAL_NEWS) + _rows(NUMERALS) + _rows(BARE_MAGNITUDES) + _rows(TRADITIONAL) + _rows(FORMS),
)
def test_phrase(phrase: str, expected: list[Q]) -> None:
    claims = extract(phrase)
    got = [(c.text, c.value, c.value_max, c.unit, c.kind, c.qualifier) for c in claims]
    assert got == expected
    for c in claims:
        assert phrase[c.start : c.end] == c.text


@pytest.mark.parametrize("phrase", NEGATIVE + NEGATIVE_FORMS, ids=NEGATIVE + NEGATIVE_FORMS)
def test_not_a_claim(phrase: str) -> None:
    assert [c.text for c in extract(phrase)] == []


def test_values_are_exact_at_any_size() -> None:
    claims = extract("各级工会发放慰问金九千八百七十六万五千四百三十二亿九千八百七十六万五千四百三十二元。")
    assert claims[0].value == 9876543298765432
    assert isinstance(claims[0].value, int)
