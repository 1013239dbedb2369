//! Strings of the evidence page (the controls; the report's own words are
//! in `domain::evidence`).

strings! { EvidenceKey;
    PageIntro => "选择要隐去的信息和要列出的内容，然后打印或另存为 PDF。下方的开关和按钮不会被打印。", "選擇要隱去的資訊和要列出的內容，然後列印或另存為 PDF。下方的開關和按鈕不會被列印。", "Choose what to hide and what to list, then print or save as PDF. The switches and buttons are not printed.";
    Controls => "打印设置", "列印設定", "Print settings";
    RedactTitle => "隐去个人信息（用于公开平台）", "隱去個人資訊（用於公開平台）", "Hide personal details (for public platforms)";
    RedactName => "隐去姓名", "隱去姓名", "Hide my name";
    RedactPhone => "隐去手机号码", "隱去手機號碼", "Hide my phone number";
    RedactId => "隐去身份证号码", "隱去身分證號碼", "Hide my ID number";
    RedactThird => "隐去第三人姓名（亲友、同事）", "隱去第三人姓名（親友、同事）", "Hide third parties' names (family, colleagues)";
    FindingsOnly => "记录表只列出与检查结果有关的联系", "紀錄表只列出與檢查結果有關的聯繫", "Log table: only contacts related to findings";
    LargeLogHint => "记录很多，已默认只列出与检查结果有关的联系；全部列出可能要打印很多页。", "紀錄很多，已預設只列出與檢查結果有關的聯繫；全部列出可能要列印很多頁。", "The log is large, so only contacts related to findings are listed by default; listing all may take many pages.";
    DateFrom => "从（含）", "從（含）", "From (inclusive)";
    DateTo => "到（含）", "到（含）", "To (inclusive)";
    ClearDates => "清除日期", "清除日期", "Clear dates";
    EvidenceChoose => "证据目录中列出的项目", "證據目錄中列出的項目", "Items listed in the evidence list";
    Print => "打印 / 另存为 PDF", "列印 / 另存為 PDF", "Print / save as PDF";
    PrintHint => "在打印对话框中选择 A4 纸张；要保存文件，请选择“另存为 PDF”。", "在列印對話框中選擇 A4 紙張；要儲存檔案，請選擇「另存為 PDF」。", "Choose A4 paper in the print dialog; to keep a file, choose \"Save as PDF\".";
    LetterTitle => "投诉文本", "投訴文本", "Complaint letter";
    LetterPick => "选择投诉对象", "選擇投訴對象", "Choose the recipient";
    LetterEdit => "可以直接修改下面的文字；打印时会一并打印。", "可以直接修改下面的文字；列印時會一併列印。", "You can edit the text below; it is printed with the file.";
    LetterReset => "恢复生成的文本", "恢復產生的文字", "Restore the generated text";
    Copy => "复制文本", "複製文字", "Copy text";
    Copied => "已复制", "已複製", "Copied";
    CopySelected => "已选中文本，请按 Ctrl+C 或长按复制", "已選取文字，請按 Ctrl+C 或長按複製", "Text selected: press Ctrl+C or long-press to copy";
    IncludeLetter => "打印时附上投诉文本", "列印時附上投訴文本", "Print the letter with the file";
    NoLetters => "没有可生成的投诉文本。", "沒有可產生的投訴文本。", "No letter for this ruleset.";
    Empty => "还没有任何记录。先记下协议和催收联系，这里就会生成证据材料。", "還沒有任何紀錄。先記下協議和催收聯繫，這裡就會產生證據材料。", "Nothing logged yet. Record the agreement and the contacts, and the evidence file appears here.";
    NoRows => "所选范围内没有记录。", "所選範圍內沒有紀錄。", "No entries in the chosen range.";
    NoFindings => "规则检查没有发现结果。", "規則檢查沒有發現結果。", "The rule check found nothing.";
    NoAgreements => "没有记录协商协议。", "沒有記錄協商協議。", "No agreement recorded.";
    Debtor => "债务人（本人）", "債務人（本人）", "Debtor (me)";
    Agencies => "催收机构及号码", "催收機構及號碼", "Collection agencies and numbers";
    Schedule => "还款计划", "還款計畫", "Repayment schedule";
    Checklist => "协议后的证明材料", "協議後的證明材料", "Proof secured after the agreement";
    Totals => "合计", "合計", "Totals";
    Total => "结果总数", "結果總數", "Findings";
    ByStrength => "按效力层级", "按效力層級", "By strength";
    ByRule => "按规则", "按規則", "By rule";
    Unverified => "未经核实", "未經核實", "unverified";
    ChannelName => "渠道", "管道", "Channel";
    ChannelFor => "适用于", "適用於", "For";
    ChannelFirst => "第一步", "第一步", "First step";
    ChannelBring => "要带的材料", "要帶的材料", "What to bring";
    AgreementMarker => "协议", "協議", "Agreement";
    Signature => "本人签名：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿", "本人簽名：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿", "Signature: ______________  Date: __________";
    RedactionRefused => "无法确认已隐去所选的全部信息，所以不显示也不打印证据材料。请检查“我的信息”中的姓名、号码和证件号，或关闭某个隐去开关后再试。", "無法確認已隱去所選的全部資訊，所以不顯示也不列印證據材料。請檢查「我的資訊」中的姓名、號碼和證件號，或關閉某個隱去開關後再試。", "Could not make sure every chosen detail is hidden, so the evidence file is neither shown nor printed. Check the name, number and ID under About you, or turn a hiding switch off and try again.";
}
