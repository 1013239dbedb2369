//! Strings of the rules page and of the charts (`ui::charts`).
//!
//! Wording follows `rules.md` §1: never say a collector broke the law; the
//! findings' own wording comes from the rule engine.

strings! { RulesKey;
    PageIntro => "把你的记录与所选规则逐条对照。每条结果都写明：来源怎么说，你的记录显示了什么。",
        "把你的記錄與所選規則逐條對照。每條結果都寫明：來源怎麼說，你的記錄顯示了什麼。",
        "Your log, checked against the rules you chose. Each finding says what the source says and what your log shows.";
    Limits => "检查只看得到你记下的内容，漏记或记错都会改变结果。这不是法律意见；最终由警方、监管部门或法院认定。",
        "檢查只看得到你記下的內容，漏記或記錯都會改變結果。這不是法律意見；最終由警方、監管機關或法院認定。",
        "The checker sees only what you logged; missing or wrong entries change the result. This is not legal advice: the police, a regulator or a court makes the final call.";
    ControlsTitle => "检查设置", "檢查設定", "Check settings";
    UsZoneNote => "美国规则按你所在地的当地时间判断。如果你所在的时区不确定，据报道应选在所有可能的时区都方便的时间（未经核实）；本应用按上面选定的时区计算。",
        "美國規則按你所在地的當地時間判斷。如果你所在的時區不確定，據報導應選在所有可能的時區都方便的時間（未經核實）；本應用按上面選定的時區計算。",
        "US rules use the local time where you are. If your location is ambiguous, the official interpretation reportedly requires a time convenient in every plausible zone (unverified); the app uses the zone chosen above.";

    SummaryTitle => "检查摘要", "檢查摘要", "Summary";
    FindingsOne => "1 条结果", "1 項結果", "1 finding";
    FindingsMany => "{0} 条结果", "{0} 項結果", "{0} findings";
    DaysOne => "涉及 1 天", "涉及 1 天", "on 1 day";
    DaysMany => "涉及 {0} 天", "涉及 {0} 天", "on {0} days";
    SummaryHead => "{0}，{1}", "{0}，{1}", "{0} {1}";
    SummaryParts => "其中 {0}。", "其中 {0}。", "{0}.";
    PartSep => "，", "，", ", ";
    SumLaw => "{0} 条依据法律", "{0} 項依據法律", "{0} based on law";
    SumRegulation => "{0} 条依据监管规定", "{0} 項依據監管規定", "{0} on regulations";
    SumStandard => "{0} 条依据推荐性国家标准", "{0} 項依據推薦性國家標準", "{0} on the national recommended standard";
    SumSelfRegulation => "{0} 条依据行业自律规范", "{0} 項依據行業自律規範", "{0} on industry guidelines";
    SumGuidance => "{0} 条仅为实务建议", "{0} 項僅為實務建議", "{0} practical guidance only";
    SumUnverified => "{0} 条所依据的来源或门槛未经核实，已在该条标明。",
        "{0} 項所依據的來源或門檻未經核實，已在該項標明。",
        "{0} rely on an unverified source or threshold; each is marked.";

    FindingsTitle => "检查结果", "檢查結果", "Findings";
    RuleId => "规则编号", "規則編號", "Rule ID";
    Scope => "适用范围：", "適用範圍：", "Scope: ";
    YourLog => "你的记录：", "你的記錄：", "Your log: ";
    Creditor => "债权人：", "債權人：", "Lender: ";
    Contacts => "相关记录：", "相關記錄：", "Contacts: ";
    ContactLink => "第 {0} 条记录", "第 {0} 筆記錄", "contact {0}";
    MoreContacts => "另有 {0} 条", "另有 {0} 筆", "and {0} more";
    Sources => "依据：", "依據：", "Sources: ";
    Related => "相关来源（仅作背景，不提高等级）", "相關來源（僅作背景，不提高等級）", "Related sources (context only; they do not raise the label)";
    GuidanceBasis => "实务建议（本应用的判断，不是法规）", "實務建議（本應用的判斷，不是法規）", "Practical guidance (this app's judgement, not a rule)";
    Background => "背景（相关来源，仅供参考，不作为依据）：", "背景（相關來源，僅供參考，不作為依據）：", "Background (related sources, for context only; not the basis):";
    TableCaption => "各规则的结果数和涉及天数", "各規則的結果數和涉及天數", "Findings and days per rule";
    TableRule => "规则", "規則", "Rule";
    TableLabel => "依据等级", "依據等級", "Label";
    TableFindings => "结果", "結果", "Findings";
    TableDays => "天数", "天數", "Days";
    ShowAll => "显示全部 {0} 条", "顯示全部 {0} 項", "Show all {0}";

    EmptyTitle => "按所选规则，你的记录中没有发现问题", "按所選規則，你的記錄中沒有發現問題", "No findings for these rules in your log";
    EmptyBody => "检查只看你记下的联系。每次被催收联系时，随手记一笔。",
        "檢查只看你記下的聯繫。每次被催收聯繫時，隨手記一筆。",
        "The check looks only at contacts you logged. Log each collection contact as it happens.";
    EmptyNoContacts => "你还没有记录任何催收联系。", "你還沒有記錄任何催收聯繫。", "You have not logged any contacts yet.";
    NothingCheckable => "这组规则没有可自动核对的钟点或门槛，请看下方“同样相关”。",
        "這組規則沒有可自動核對的鐘點或門檻，請看下方「同樣相關」。",
        "These rules have no clock times or thresholds the app can check; see \"Also relevant\" below.";

    AlsoRelevantTitle => "同样相关（无法自动核对）", "同樣相關（無法自動核對）", "Also relevant (cannot be checked automatically)";
    AlsoRelevantHelp => "这些规则没有具体钟点或门槛，请对照你的记录自行判断。",
        "這些規則沒有具體鐘點或門檻，請對照你的記錄自行判斷。",
        "These rules give no clock times or thresholds; compare them with your log yourself.";

    ChartsTitle => "图表", "圖表", "Charts";
    ChartsNote => "只计催收方主动发起的联系。", "只計催收方主動發起的聯繫。", "Only contacts the collector started are counted.";
    ChartPerDay => "每天的催收联系", "每天的催收聯繫", "Collection contacts per day";
    ChartPerWeek => "每周的催收联系（记录跨度较长，按周合并）", "每週的催收聯繫（記錄跨度較長，按週合併）", "Collection contacts per week (long log, grouped by week)";
    ChartPerMonth => "每月的催收联系（记录跨度较长，按月合并）", "每月的催收聯繫（記錄跨度較長，按月合併）", "Collection contacts per month (long log, grouped by month)";
    ChartPerDayDesc => "{0} 至 {1}，共 {2} 次联系；最高一柱 {3} 次（{4}）。",
        "{0} 至 {1}，共 {2} 次聯繫；最高一柱 {3} 次（{4}）。",
        "{0} to {1}: {2} contacts; highest bar {3} ({4}).";
    ChartLimit => "虚线：每日接通上限 {0} 次（规则只计接通的电话，柱子计所有联系）",
        "虛線：每日接通上限 {0} 次（規則只計接通的電話，柱子計所有聯繫）",
        "Dashed line: daily limit of {0} answered calls (the rule counts answered calls only; bars count all contacts)";
    ChartAgreement => "协议", "協議", "agreement";
    ChartAgreementLegend => "点线：达成还款协议的日期", "點線：達成還款協議的日期", "Dotted line: date a repayment agreement was reached";
    ChartNoData => "还没有可画图的记录。", "還沒有可畫圖的記錄。", "Nothing to chart yet.";
    ChartHeat => "按星期和钟点分布", "按星期和鐘點分佈", "By weekday and hour";
    ChartHeatDesc => "共 {0} 次联系；最集中在{1}（{2} 次）。", "共 {0} 次聯繫；最集中在{1}（{2} 次）。", "{0} contacts; most at {1} ({2}).";
    ChartOffHours => "虚线框：夜间时段 {0}", "虛線框：夜間時段 {0}", "Dashed box: off-hours {0}";
    ChartFewer => "少", "少", "fewer";
    ChartMore => "多（最多 {0} 次）", "多（最多 {0} 次）", "more (max {0})";
    WdMon => "周一", "週一", "Mon";
    WdTue => "周二", "週二", "Tue";
    WdWed => "周三", "週三", "Wed";
    WdThu => "周四", "週四", "Thu";
    WdFri => "周五", "週五", "Fri";
    WdSat => "周六", "週六", "Sat";
    WdSun => "周日", "週日", "Sun";

    InconvenientTitle => "你说过不方便的时间或地点", "你說過不方便的時間或地點", "Times or places you said are inconvenient";
    InconvenientHelp => "美国规则：你告诉催收人某个时段或地点不方便后，催收人不得在那时或那里联系你。记下你说了什么、哪一天说的，本应用从第二天起核对。",
        "美國規則：你告訴催收人某個時段或地點不方便後，催收人不得在那時或那裡聯繫你。記下你說了什麼、哪一天說的，本應用從第二天起核對。",
        "US rules: once you tell a collector a time or place is inconvenient, it may not contact you then or there. Record what you said and on which day; the app checks contacts from the next day on.";
    InconvenientDate => "你说的日期", "你說的日期", "Date you said it";
    InconvenientWho => "告诉了谁", "告訴了誰", "Told to";
    InconvenientEveryone => "所有催收方", "所有催收方", "every collector";
    InconvenientWhat => "不方便的是", "不方便的是", "What is inconvenient";
    InconvenientHours => "一个时段", "一個時段", "A time window";
    InconvenientHome => "住所（上门）", "住所（上門）", "My home (visits)";
    InconvenientWork => "工作单位（上门）", "工作單位（上門）", "My workplace (visits)";
    InconvenientFrom => "不方便的时段从", "不方便的時段從", "Inconvenient from";
    InconvenientTo => "到", "到", "until";
    InconvenientSave => "记下", "記下", "Record";
    InconvenientDelete => "删除", "刪除", "Delete";
    InconvenientItem => "{0}：{1} 不方便（告诉了{2}）", "{0}：{1} 不方便（告訴了{2}）", "{0}: {1} inconvenient (told {2})";
    InconvenientIncomplete => "请填写日期；如果是时段，请填写开始和结束时间。",
        "請填寫日期；如果是時段，請填寫開始和結束時間。",
        "Enter the date and, for a time window, its start and end.";
    InconvenientEmptyWindow => "开始和结束时间不能相同。", "開始和結束時間不能相同。", "The start and end times must differ.";
    InconvenientNotSaved => "没有保存：记录未写入存储。请看页面顶部的提示。",
        "沒有儲存：記錄未寫入儲存空間。請看頁面頂部的提示。",
        "Not saved: the record was not written to storage. See the notice at the top of the page.";
}
