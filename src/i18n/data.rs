//! Strings of the data page: backup, restore, exports.

strings! { DataKey;
    BackupTitle => "备份与恢复", "備份與復原", "Backup and restore";
    BackupHelp => "备份文件包含全部记录（含修改历史和校验链），只保存在你选择的位置。换手机、换浏览器或使用单文件版时，用它搬运数据。", "備份檔包含全部記錄（含修改歷史和校驗鏈），只保存在你選擇的位置。換手機、換瀏覽器或使用單檔版時，用它搬移資料。", "A backup holds every record (with edit history and the hash chain) and is saved only where you choose. Use it to move your data to another phone, browser or the single-file version.";
    LastExport => "上次导出备份：{0}", "上次匯出備份：{0}", "Last backup: {0}";
    ChangesSince => "之后又有 {0} 处修改。", "之後又有 {0} 處修改。", "{0} changes since.";
    NudgeBackup => "已经有不少新记录没有备份，建议现在导出一份。", "已經有不少新記錄沒有備份，建議現在匯出一份。", "Many changes are not backed up yet: export a backup now.";
    ExportBackup => "导出备份 (JSON)", "匯出備份 (JSON)", "Export backup (JSON)";
    ExportCsv => "导出联系记录表格 (CSV)", "匯出聯繫記錄表格 (CSV)", "Export contact log (CSV)";
    ImportBackup => "从备份文件恢复", "從備份檔復原", "Restore from a backup file";
    ImportReading => "正在读取文件…", "正在讀取檔案…", "Reading the file…";
    PreviewTitle => "导入前预览", "匯入前預覽", "Before importing";
    PreviewContacts => "联系记录：文件中 {0} 条，新的 {1} 条，已有相同 {2} 条，冲突 {3} 条", "聯繫記錄：檔案中 {0} 筆，新的 {1} 筆，已有相同 {2} 筆，衝突 {3} 筆", "Contacts: {0} in file, {1} new, {2} already here, {3} in conflict";
    PreviewDebts => "欠款：文件中 {0} 笔，新的 {1} 笔", "欠款：檔案中 {0} 筆，新的 {1} 筆", "Debts: {0} in file, {1} new";
    PreviewAgreements => "协议：文件中 {0} 份，新的 {1} 份", "協議：檔案中 {0} 份，新的 {1} 份", "Agreements: {0} in file, {1} new";
    PreviewRange => "时间范围：{0} 至 {1}", "時間範圍：{0} 至 {1}", "Period: {0} to {1}";
    PreviewChainBroken => "注意：文件中的校验链不完整，文件可能在导出后被改动过。", "注意：檔案中的校驗鏈不完整，檔案可能在匯出後被改動過。", "Warning: the file's hash chain is broken; it may have been changed after export.";
    Merge => "合并（保留现有记录，只添加新的）", "合併（保留現有記錄，只加入新的）", "Merge (keep what is here, add what is new)";
    Replace => "替换（用文件内容取代现有记录）", "取代（用檔案內容取代現有記錄）", "Replace (the file's content replaces what is here)";
    ReplaceConfirm => "替换会删除本机现有的 {0} 条联系记录。建议先导出备份。确定替换？", "取代會刪除本機現有的 {0} 筆聯繫記錄。建議先匯出備份。確定取代？", "Replacing deletes the {0} contacts stored here. Export a backup first. Replace?";
    ImportDone => "导入完成。", "匯入完成。", "Import finished.";
    ImportFailed => "导入失败，现有记录没有任何改动。", "匯入失敗，現有記錄沒有任何改動。", "Import failed; nothing stored was changed.";
    ErrTooLarge => "文件太大（{0} MB），最大 {1} MB。", "檔案太大（{0} MB），最大 {1} MB。", "The file is too large ({0} MB; at most {1} MB).";
    ErrTooDeep => "文件结构嵌套过深，不是本应用的备份。", "檔案結構巢狀過深，不是本應用的備份。", "The file is nested too deeply: not one of our backups.";
    ErrNotJson => "这不是 JSON 文件。", "這不是 JSON 檔。", "This is not a JSON file.";
    ErrWrongType => "这不是本应用的备份文件。", "這不是本應用的備份檔。", "This is not a backup from this app.";
    ErrNewerSchema => "这个备份来自更新版本的应用（格式 {0}），请先更新应用。", "這個備份來自更新版本的應用（格式 {0}），請先更新應用。", "This backup is from a newer app version (format {0}); update the app first.";
    ErrDigestMismatch => "文件内容和它的校验值不符：文件损坏或被改动过。", "檔案內容和它的校驗值不符：檔案損壞或被改動過。", "The file does not match its fingerprint: damaged or changed.";
    ErrInvalid => "文件内容不完整或格式不对：", "檔案內容不完整或格式不對：", "The file is incomplete or malformed:";
    ErrRead => "无法读取这个文件。", "無法讀取這個檔案。", "The file could not be read.";
    OfflineTitle => "离线使用与分享", "離線使用與分享", "Offline use and sharing";
    OfflineHelp => "打开过一次后，没有网络也能用。也可以把整个工具存成一个文件，发给别人或放在手机里，直接打开。", "打開過一次後，沒有網路也能用。也可以把整個工具存成一個檔案，傳給別人或放在手機裡，直接打開。", "After one visit it works without a network. You can also save the whole tool as one file to keep on the phone or pass on.";
    SaveSingleFile => "把本工具存成一个文件（离线版）", "把本工具存成一個檔案（離線版）", "Save this tool as one file (offline version)";
    SingleFileNote => "注意：单文件版的记录保存在打开它的那个浏览器里，和网页版的记录是分开的。用“导出备份”和“从备份文件恢复”在两者之间搬运数据。", "注意：單檔版的記錄保存在打開它的那個瀏覽器裡，和網頁版的記錄是分開的。用「匯出備份」和「從備份檔復原」在兩者之間搬移資料。", "Note: the single-file version keeps its records in the browser that opens it, apart from this web version. Move data between them with Export backup and Restore.";
    NeutralName => "在主屏幕上用不显眼的名称和图标（“笔记”）", "在主畫面上用不顯眼的名稱和圖示（「筆記」）", "Use a neutral name and icon (\"Notes\") on the home screen";
    NeutralNameHelp => "适合和家人共用手机。请在“添加到主屏幕”之前打开，下次打开页面时生效。", "適合和家人共用手機。請在「加入主畫面」之前開啟，下次打開頁面時生效。", "For a shared phone. Turn it on before adding to the home screen; it applies from the next page load.";
    ErrTruncated => "这个备份不完整（文件被截断了，可能没下载完或没复制完）。请重新导出或重新下载完整的文件。", "這個備份不完整（檔案被截斷了，可能沒下載完或沒複製完）。請重新匯出或重新下載完整的檔案。", "This backup is incomplete (cut off: the download or copy did not finish). Export or download the whole file again.";
}
