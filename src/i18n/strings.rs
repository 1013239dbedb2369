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
}
