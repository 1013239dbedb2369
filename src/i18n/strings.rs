//! UI strings. Each entry: Key => zh-CN, zh-TW, en.

use super::Text;

macro_rules! strings {
    ($($key:ident => $cn:literal, $tw:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $($key,)* }
        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
            pub fn text(self) -> Text {
                match self { $(Key::$key => Text::new($cn, $tw, $en),)* }
            }
        }
    };
}

strings! {
    AppName => "催收应对证据助手", "催收應對證據助手", "Debt Collection Evidence Kit";
    Language => "语言", "語言", "Language";
    NavLabel => "主要功能", "主要功能", "Main sections";
    NavHome => "首页", "首頁", "Home";
    NavAgreement => "协商协议", "協商協議", "Agreement";
    NavContacts => "催收记录", "催收記錄", "Contact log";
    NavLogContact => "记一笔", "記一筆", "Log a contact";
    NavRules => "规则检查", "規則檢查", "Rule check";
    NavEvidence => "证据材料", "證據材料", "Evidence";
    NavData => "数据与设置", "資料與設定", "Data & settings";
    HomeTitle => "被催收时，留下有用的证据", "被催收時，留下有用的證據", "Being pressed by debt collectors? Keep evidence that helps.";
    HomeLead => "协商了延期或分期，却还是接到催收电话、短信、打给家人或单位？用这个工具把协议、每一次联系和违规之处整理成一份可以投诉、报警或交给法院的材料。", "協商了延期或分期，卻還是接到催收電話、簡訊、打給家人或公司？用這個工具把協議、每一次聯繫和違規之處整理成一份可以投訴、報警或交給法院的材料。", "Negotiated an extension or instalment plan and still getting collection calls, messages, calls to your family or employer? This tool turns your agreement, every contact and what broke the rules into a file you can complain, report or go to court with.";
    HomePrivacy => "所有记录只保存在这台设备的浏览器里，不会上传到任何服务器。没有账号，没有统计。", "所有記錄只保存在這台裝置的瀏覽器裡，不會上傳到任何伺服器。沒有帳號，沒有統計。", "Every record stays in this device's browser. Nothing is uploaded anywhere. No account, no tracking.";
    HomePathTitle => "怎么做最有用", "怎麼做最有用", "What helps, step by step";
    Step1Title => "记下协商好的协议", "記下協商好的協議", "Record the agreement";
    Step1Body => "贷款方、日期、还款计划，最好有书面确认。", "貸款方、日期、還款計畫，最好有書面確認。", "Lender, date, repayment schedule, ideally confirmed in writing.";
    Step2Title => "向官方渠道确认", "向官方管道確認", "Confirm it with the official channel";
    Step2Body => "打官方客服电话，确认账户显示新的还款计划。", "打官方客服電話，確認帳戶顯示新的還款計畫。", "Call the official hotline and check the account shows the new plan.";
    Step3Title => "记下每一次催收联系", "記下每一次催收聯繫", "Log every collection contact";
    Step3Body => "时间、号码、对方自称是谁、说了什么、打给了谁。", "時間、號碼、對方自稱是誰、說了什麼、打給了誰。", "Time, number, who they said they were, what was said, who they called.";
    Step4Title => "对照规则检查", "對照規則檢查", "Check against the rules";
    Step4Body => "看看哪些做法不符合国家标准、行业规范或法律，并附出处。", "看看哪些做法不符合國家標準、行業規範或法律，並附出處。", "See which contacts go against standards, industry rules or law, with sources.";
    Step5Title => "打印证据，投诉", "列印證據，投訴", "Print the evidence and complain";
    Step5Body => "生成 A4 证据材料和投诉文本，交给对应的渠道。", "產生 A4 證據材料和投訴文本，交給對應的管道。", "Produce an A4 evidence file and complaint texts for the right channel.";
    DashboardTitle => "我的情况", "我的情況", "Your case";
    DashContacts => "已记录的联系", "已記錄的聯繫", "Contacts logged";
    DashLastBackup => "上次备份", "上次備份", "Last backup";
    Never => "从未", "從未", "never";
    Unknown => "未知", "未知", "unknown";
    Save => "保存", "儲存", "Save";
    Saved => "已保存", "已儲存", "Saved";
    ExportNow => "立即导出备份", "立即匯出備份", "Export a backup now";
    RetrySave => "重试保存", "重試儲存", "Retry saving";
    OpenDataPage => "查看详情", "查看詳情", "See details";
    BannerUnavailableTitle => "无法使用浏览器存储", "無法使用瀏覽器儲存", "Browser storage is not available";
    BannerUnavailableBody => "这个浏览器阻止了本地存储（可能是无痕模式或设置）。你可以继续使用，但关闭页面后记录会消失——请及时导出备份。", "這個瀏覽器阻止了本地儲存（可能是無痕模式或設定）。你可以繼續使用，但關閉頁面後記錄會消失——請及時匯出備份。", "This browser blocks local storage (private mode or a setting). You can keep working, but records vanish when the page closes: export a backup.";
    BannerQuotaTitle => "存储空间已满，最新的修改还没有保存到设备", "儲存空間已滿，最新的修改還沒有儲存到裝置", "Storage is full: your latest changes are not yet saved on the device";
    BannerQuotaBody => "已经保存的记录不会丢失。新修改暂时留在本页，请先导出备份，再腾出空间后重试。", "已經儲存的記錄不會遺失。新修改暫時留在本頁，請先匯出備份，再騰出空間後重試。", "Nothing already saved is lost. New changes are kept on this page: export a backup, free some space, then retry.";
    BannerSaveFailed => "有一项修改无法保存（该数据来自更新版本或无法读取，已保护不被覆盖）。", "有一項修改無法儲存（該資料來自更新版本或無法讀取，已保護不被覆蓋）。", "A change could not be saved: that stored value is protected (unreadable or from a newer version).";
    BannerQuarantineTitle => "有存储的数据无法读取，已单独保管", "有儲存的資料無法讀取，已單獨保管", "Some stored data could not be read and was set aside";
    BannerQuarantineBody => "原始内容没有被覆盖或删除，可以在“数据与设置”中下载。", "原始內容沒有被覆蓋或刪除，可以在「資料與設定」中下載。", "The raw text was not overwritten or deleted; you can download it on the Data page.";
    ProblemQuarantined => "无法读取，原文已另存", "無法讀取，原文已另存", "unreadable; raw text kept aside";
    ProblemUnreadable => "无法读取，已锁定不写入", "無法讀取，已鎖定不寫入", "unreadable; locked against writes";
    ProblemTooNew => "由更新版本的应用保存，本版本不会改动", "由更新版本的應用儲存，本版本不會改動", "saved by a newer app version; this version will not touch it";
    QuarantineHelp => "下载原始文本保存好（可以交给懂技术的人恢复），确认后再移除。", "下載原始文字保存好（可以交給懂技術的人復原），確認後再移除。", "Download the raw text and keep it (someone technical may recover it), then remove it here.";
    DownloadRaw => "下载原始文本", "下載原始文字", "Download raw text";
    DiscardQuarantined => "已下载，移除", "已下載，移除", "Downloaded, remove";
    ProfileTitle => "我的信息", "我的資訊", "About you";
    ProfileHelp => "用于证据材料。打印时每一项都可以隐去。", "用於證據材料。列印時每一項都可以隱去。", "Used on the evidence page. Each item can be redacted when printing.";
    ProfileName => "姓名", "姓名", "Name";
    ProfilePhone => "我的手机号", "我的手機號碼", "My phone number";
    ProfileIdNumber => "身份证号", "身分證字號", "ID number";
    SettingsTitle => "时区与规则", "時區與規則", "Time zone and rules";
    SettingsZone => "我所在的时区", "我所在的時區", "My time zone";
    SettingsZoneHelp => "规则按你当地时间判断。本设备时区：", "規則按你當地時間判斷。本裝置時區：", "Rules are judged in your local time. This device's zone:";
    SettingsJurisdiction => "适用的规则", "適用的規則", "Rules to check against";
    JurCn => "中国大陆", "中國大陸", "Mainland China";
    JurUs => "美国 (FDCPA / Regulation F)", "美國 (FDCPA / Regulation F)", "United States (FDCPA / Regulation F)";
    JurIn => "印度 (RBI)", "印度 (RBI)", "India (RBI)";
    JurPh => "菲律宾 (SEC)", "菲律賓 (SEC)", "Philippines (SEC)";
    JurAu => "澳大利亚 (ACCC/ASIC)", "澳洲 (ACCC/ASIC)", "Australia (ACCC/ASIC)";
    JurTw => "台湾", "台灣", "Taiwan";
    JurHk => "香港", "香港", "Hong Kong";
    JurUk => "英国 (FCA)", "英國 (FCA)", "United Kingdom (FCA)";
    StorageTitle => "存储", "儲存", "Storage";
    StorageUsed => "本应用已用", "本應用已用", "Used by this app";
    StorageQuota => "浏览器估算（已用 / 可用）", "瀏覽器估算（已用 / 可用）", "Browser estimate (used / quota)";
    StorageHelp => "数据只在这个浏览器里。换手机或清除浏览器数据前，请先导出备份。", "資料只在這個瀏覽器裡。換手機或清除瀏覽器資料前，請先匯出備份。", "Data lives only in this browser. Export a backup before changing phones or clearing browser data.";
    ErrRequired => "必填", "必填", "Required";
    ErrInvalidDate => "日期格式不对，请用 年-月-日", "日期格式不對，請用 年-月-日", "Not a valid date (year-month-day)";
    ErrInvalidTime => "时间格式不对，请用 时:分", "時間格式不對，請用 時:分", "Not a valid time (hh:mm)";
    ErrInvalidDuration => "时长请写分钟数，如 5 或 5:30", "時長請寫分鐘數，如 5 或 5:30", "Duration in minutes, e.g. 5 or 5:30";
    ErrInvalidCount => "请填 1 到 255 之间的整数", "請填 1 到 255 之間的整數", "A whole number from 1 to 255";
    ErrUnknownZone => "不认识这个时区", "不認識這個時區", "Unknown time zone";
    ErrNonexistentTime => "这个时间因夏令时调整并不存在", "這個時間因日光節約時間調整並不存在", "This time does not exist (daylight saving change)";
    ErrEndBeforeStart => "结束时间早于开始时间。跨过午夜的通话请填时长。", "結束時間早於開始時間。跨過午夜的通話請填時長。", "The end is before the start. For a call past midnight, enter the duration instead.";
    ErrEndDurationMismatch => "结束时间和时长对不上", "結束時間和時長對不上", "End time and duration disagree";
    ErrDurationTooLong => "时长太长（最多 {0} 分钟）", "時長太長（最多 {0} 分鐘）", "Too long (at most {0} minutes)";
    ErrTooLong => "内容太长：{0} 个字，最多 {1} 个字。请删减或分成几条记录。", "內容太長：{0} 個字，最多 {1} 個字。請刪減或分成幾筆記錄。", "Too long: {0} characters, at most {1}. Shorten it or split it over several entries.";
    ErrFileUnreadable => "无法读取这个文件，未添加。", "無法讀取這個檔案，未加入。", "This file could not be read; it was not added.";
    WarnInFuture => "注意：时间晚于现在", "注意：時間晚於現在", "Note: the time is in the future";
    WarnNumberUnknown => "号码未填，记为“未知号码”", "號碼未填，記為「未知號碼」", "No number: recorded as unknown";
    WarnAmbiguousTime => "夏令时重叠，取较早的时间", "日光節約時間重疊，取較早的時間", "Daylight-saving overlap: the earlier time was used";
    FieldChannel => "方式", "方式", "How";
    FieldOutcome => "结果", "結果", "Outcome";
    FieldDate => "日期", "日期", "Date";
    FieldTime => "时间", "時間", "Time";
    FieldEndTime => "结束时间", "結束時間", "End time";
    FieldDuration => "时长（分钟）", "時長（分鐘）", "Duration (minutes)";
    FieldZone => "时区", "時區", "Time zone";
    FieldFromNumber => "来电号码/账号", "來電號碼/帳號", "Their number or account";
    FieldDebt => "哪笔欠款（哪家）", "哪筆欠款（哪家）", "Which debt (lender)";
    UnknownCreditor => "不清楚是哪家", "不清楚是哪家", "Don't know which lender";
    FieldTarget => "联系了谁", "聯繫了誰", "Who was contacted";
    FieldWhatHappened => "发生了什么", "發生了什麼", "What happened";
    FieldAttachments => "证据文件", "證據檔案", "Evidence files";
    AttachmentsHelp => "选择录音、截图或照片：只在本机计算指纹（SHA-256），文件本身不会被上传或保存。请自己保留原文件。", "選擇錄音、截圖或照片：只在本機計算指紋（SHA-256），檔案本身不會被上傳或保存。請自己保留原檔案。", "Pick a recording, screenshot or photo: its SHA-256 fingerprint is computed on this device; the file itself is neither uploaded nor stored. Keep the original.";
    FieldDirection => "谁发起的", "誰發起的", "Who initiated it";
    FieldCollectorName => "对方自称姓名", "對方自稱姓名", "Name they gave";
    FieldCollectorId => "工号", "工號", "Employee ID";
    FieldClaimedOrg => "对方自称是", "對方自稱是", "They claimed to be";
    FieldAgency => "催收公司名称", "催收公司名稱", "Agency name";
    FieldTargetName => "被联系人姓名", "被聯繫人姓名", "Name of the person contacted";
    FieldNumberDialled => "打的是哪个号码", "打的是哪個號碼", "Number they dialled";
    FieldDebtorReachable => "当时我本人能联系上吗", "當時我本人能聯繫上嗎", "Could I be reached at that time?";
    FieldVisitStaff => "上门人数", "到府人數", "People who came (visits)";
    FieldNotes => "对方说了什么（尽量原话）", "對方說了什麼（盡量原話）", "What was said (verbatim if you can)";
    FieldWitnesses => "证人", "證人", "Witnesses";
    FieldImpact => "对我的影响（可选）", "對我的影響（可選）", "How it affected me (optional)";
    NotSaid => "不确定", "不確定", "Not sure";
    Yes => "是", "是", "Yes";
    No => "否", "否", "No";
    Remove => "移除", "移除", "Remove";
    MoreDetails => "填写更多细节", "填寫更多細節", "More details";
    FixFieldsAbove => "请修改上面标红的项目，记录还没有保存。", "請修改上面標紅的項目，記錄還沒有儲存。", "Please fix the fields marked above; nothing was saved yet.";
    SaveFailedDraftKept => "没能保存到设备（存储已满或不可用）。内容仍在本页，请先导出备份。", "沒能儲存到裝置（儲存已滿或不可用）。內容仍在本頁，請先匯出備份。", "Could not save to the device (storage full or unavailable). Your entry is still here: export a backup first.";
    SavedAsNumber => "已保存为第 {0} 条。", "已儲存為第 {0} 筆。", "Saved as entry #{0}.";
    View => "查看", "查看", "View";
    QuickLogHelp => "刚接完电话？选方式、点保存就行，时间默认是现在。细节可以以后补。", "剛接完電話？選方式、點儲存就行，時間預設是現在。細節可以之後補。", "Just hung up? Pick how, tap Save: the time is now by default. Add details later.";
    ChainBroken => "校验链在第 {0} 条处断开：这条之后的记录可能在本应用之外被改动过。", "校驗鏈在第 {0} 筆處斷開：這筆之後的記錄可能在本應用之外被改動過。", "The hash chain breaks at entry #{0}: entries from there on may have been changed outside this app.";
    Filters => "筛选", "篩選", "Filter";
    FilterFrom => "从", "從", "From";
    FilterTo => "到", "到", "To";
    FilterChannel => "方式", "方式", "Channel";
    FilterTick => "发生的情况", "發生的情況", "What happened";
    FilterText => "搜索文字", "搜尋文字", "Search text";
    All => "全部", "全部", "All";
    ShowBin => "包括回收站（{0} 条）", "包括回收站（{0} 筆）", "Include the bin ({0})";
    ShowingOf => "显示 {0} 条，共 {1} 条", "顯示 {0} 筆，共 {1} 筆", "Showing {0} of {1}";
    ContactsEmpty => "还没有记录。每一次催收电话、短信、上门或打给家人，都记下来。", "還沒有記錄。每一次催收電話、簡訊、到府或打給家人，都記下來。", "Nothing logged yet. Log every collection call, message, visit or call to your family.";
    ShowMore => "显示更多", "顯示更多", "Show more";
    UnknownNumber => "未知号码", "未知號碼", "unknown number";
    Edited => "改过", "改過", "edited";
    InBin => "回收站", "回收站", "in bin";
    ContactNotFound => "没有这条记录。", "沒有這筆記錄。", "No such entry.";
    ContactTitle => "联系记录", "聯繫記錄", "Contact";
    CreatedAt => "首次记录于（不可修改）", "首次記錄於（不可修改）", "First recorded (cannot change)";
    InBinNote => "这条记录在回收站里，不计入规则检查。可以恢复。", "這筆記錄在回收站裡，不計入規則檢查。可以復原。", "This entry is in the bin and not counted by the rule check. It can be restored.";
    Cancel => "取消", "取消", "Cancel";
    Edit => "修改", "修改", "Edit";
    MoveToBin => "移到回收站", "移到回收站", "Move to bin";
    Restore => "恢复", "復原", "Restore";
    History => "修改历史", "修改歷史", "History";
    NoEdits => "从未修改。", "從未修改。", "Never edited.";
    ReplacedAt => "被替换于", "被取代於", "Replaced at";
    EntryHash => "本条校验值", "本筆校驗值", "Entry hash";
    SourceManual => "手动记录", "手動記錄", "entered by hand";
    SourceImported => "从通话记录导入", "從通話記錄匯入", "imported from phone log";
}
