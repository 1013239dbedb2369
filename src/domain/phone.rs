//! The one phone-number normaliser. Numbers are stored as the user or the
//! file wrote them; everything that compares numbers (import duplicates,
//! attribution to a lender, the rules, redaction, search) compares [`key`]s.
//!
//! A key is the number as it is dialled inside mainland China, without
//! separators: a mobile `13800138000`, a landline with its trunk 0
//! `02161234567`, a service or SMS number as it is (`95188`, `10086`,
//! `1069012345678`, `4008208820`). A number from another country keeps its
//! code after `+` (`+12125550100`), so it never collides with a Chinese one.
//! Withheld numbers and names without digits have the empty key and match
//! nothing.
//!
//! What is ambiguous without a country is resolved for mainland China, the
//! app's first audience: a bare `86` is read as the country code only when at
//! least ten digits follow (no domestic number starts with 86 and is that
//! long), and ten digits shaped like a North American number (`212 555 0100`)
//! are read as one, except the Chinese 400/800 numbers.

/// What kind of number a key is, for display and the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Hidden by the caller (`-1`, `-2`, `-3`, empty, "Unknown", 未知号码…).
    Withheld,
    /// No digits at all: an app account or a name.
    Name,
    /// An 11-digit mainland mobile (13x–19x).
    Mobile,
    /// A landline with its area code.
    Landline,
    /// 95xxx/96xxx, 1xxxx short numbers (10086, 12315) and 400/800 numbers.
    Service,
    /// A 106… bulk-SMS sender.
    SmsSender,
    /// A number with another country's code.
    Foreign,
    /// Digits that fit none of the above (a local number without area code).
    Other,
}

/// The comparison key of `raw` (see the module comment); empty when withheld
/// or without digits.
pub fn key(raw: &str) -> String {
    parse(raw).0
}

/// The kind of number `raw` is.
pub fn kind(raw: &str) -> Kind {
    parse(raw).1
}

/// Whether `a` and `b` are the same known number. Two withheld or empty
/// numbers are not "the same": nothing ties them to one caller.
pub fn same(a: &str, b: &str) -> bool {
    let ka = key(a);
    !ka.is_empty() && ka == key(b)
}

/// Whether the caller hid the number (or the record has none).
pub fn is_withheld(raw: &str) -> bool {
    kind(raw) == Kind::Withheld
}

/// The digits a person would see in the number wherever it is written, for
/// finding it inside free text: the key without the trunk 0 or `+1`, so a
/// masked run covers "021-6123 4567", "+86 21 6123 4567" and "(212) 555-0100".
pub fn significant_digits(raw: &str) -> String {
    let (k, kind) = parse(raw);
    match kind {
        Kind::Landline => k.strip_prefix('0').unwrap_or(&k).to_string(),
        Kind::Foreign => {
            let digits = k.trim_start_matches('+');
            digits.strip_prefix('1').unwrap_or(digits).to_string()
        }
        _ => k,
    }
}

/// The digits of `raw` as written (full-width folded, extension cut off),
/// for matching part of a number typed into a search box, where "0013" is a
/// fragment and not a call abroad.
pub fn digits(raw: &str) -> String {
    digits_before_extension(&fold(raw))
}

/// Words exporters and phones write instead of a hidden number, lowercased.
const WITHHELD: &[&str] = &[
    "-1",
    "-2",
    "-3",
    "unknown",
    "private",
    "private number",
    "withheld",
    "restricted",
    "anonymous",
    "no caller id",
    "未知",
    "未知号码",
    "私人号码",
    "隐藏号码",
    "无号码",
    "号码未知",
    "未知來電",
    "私人號碼",
    "隱藏號碼",
    "無號碼",
];

fn parse(raw: &str) -> (String, Kind) {
    let folded = fold(raw);
    let trimmed = folded.trim();
    if trimmed.is_empty() || WITHHELD.contains(&trimmed.to_lowercase().as_str()) {
        return (String::new(), Kind::Withheld);
    }
    let international = trimmed.starts_with('+');
    let digits = digits_before_extension(&trimmed.replace("(0)", ""));
    if digits.is_empty() {
        return (String::new(), Kind::Name);
    }
    if international {
        return match digits.strip_prefix("86") {
            Some(national) => mainland_international(national),
            None => foreign(&digits),
        };
    }
    if let Some(rest) = digits.strip_prefix("00") {
        return match rest.strip_prefix("86") {
            Some(national) => mainland_international(national),
            None => foreign(rest),
        };
    }
    if let Some(national) = digits.strip_prefix("86").filter(|n| n.len() >= 10) {
        return mainland_international(national);
    }
    if is_nanp(&digits) && !is_400_800(&digits) {
        return (format!("+1{digits}"), Kind::Foreign);
    }
    domestic(digits)
}

/// Full-width digits and signs (Chinese input methods) to ASCII.
fn fold(raw: &str) -> String {
    raw.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '＋' => '+',
            '（' => '(',
            '）' => ')',
            '－' => '-',
            c => c,
        })
        .collect()
}

/// The ASCII digits of `s` up to an extension ("转 801", "ext 801", "x801",
/// "#801", a dialler's "," or ";" pause): letters or those marks after the
/// first digit end the number.
fn digits_before_extension(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty()
            && (c.is_alphabetic() || matches!(c, '#' | ',' | ';' | '，' | '；' | '*'))
        {
            break;
        }
    }
    out
}

/// A national number that followed +86 / 0086 / 86: the same key as the
/// number dialled at home, so a landline gets back its trunk 0.
fn mainland_international(national: &str) -> (String, Kind) {
    // "+86 (0)21…" and "+86 021…" both appear; the 0 is the trunk prefix.
    let national = national.strip_prefix('0').unwrap_or(national);
    let beijing = national.len() == 10 && national.starts_with("10");
    let area_code_first = national.len() >= 9
        && national.starts_with(['2', '3', '4', '5', '6', '7', '8', '9'])
        && !is_400_800(national)
        && !is_service(national);
    if beijing || area_code_first {
        (format!("0{national}"), Kind::Landline)
    } else {
        domestic(national.to_string())
    }
}

/// A number as dialled inside mainland China.
fn domestic(digits: String) -> (String, Kind) {
    let mobile = digits.len() == 11
        && digits.starts_with('1')
        && digits[1..].starts_with(['3', '4', '5', '6', '7', '8', '9']);
    let kind = if mobile {
        Kind::Mobile
    } else if digits.starts_with("106") && digits.len() >= 8 {
        Kind::SmsSender
    } else if digits.starts_with('0') && digits.len() >= 10 {
        Kind::Landline
    } else if is_service(&digits) || is_400_800(&digits) || is_short_1(&digits) {
        Kind::Service
    } else {
        Kind::Other
    };
    (digits, kind)
}

fn foreign(digits: &str) -> (String, Kind) {
    (format!("+{digits}"), Kind::Foreign)
}

/// 95xxx / 96xxx national service numbers (banks, insurers, platforms):
/// five to eight digits.
fn is_service(d: &str) -> bool {
    (d.starts_with("95") || d.starts_with("96")) && (5..=8).contains(&d.len())
}

/// 10086, 12315, 110…: short numbers starting with 1.
fn is_short_1(d: &str) -> bool {
    d.starts_with('1') && (3..=6).contains(&d.len())
}

fn is_400_800(d: &str) -> bool {
    d.len() == 10 && (d.starts_with("400") || d.starts_with("800"))
}

/// Ten digits shaped like a North American number: NXX NXX XXXX.
fn is_nanp(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10 && (b'2'..=b'9').contains(&b[0]) && (b'2'..=b'9').contains(&b[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_kinds() {
        use Kind::*;
        let table: &[(&str, &str, Kind)] = &[
            // Mobiles, every way a phone or a person writes them.
            ("13800138000", "13800138000", Mobile),
            ("138 0013 8000", "13800138000", Mobile),
            ("138-0013-8000", "13800138000", Mobile),
            ("138.0013.8000", "13800138000", Mobile),
            ("+86 138 0013 8000", "13800138000", Mobile),
            ("+8613800138000", "13800138000", Mobile),
            ("008613800138000", "13800138000", Mobile),
            ("0086 138 0013 8000", "13800138000", Mobile),
            ("8613800138000", "13800138000", Mobile),
            ("86 138 0013 8000", "13800138000", Mobile),
            ("１３８００１３８０００", "13800138000", Mobile),
            ("＋８６　１３８－００１３－８０００", "13800138000", Mobile),
            (
                "\u{a0}138\u{2009}0013\u{2009}8000\u{a0}",
                "13800138000",
                Mobile,
            ),
            ("(+86) 199 1234 5678", "19912345678", Mobile),
            // Landlines with area code.
            ("021-6123 4567", "02161234567", Landline),
            ("(021) 6123-4567", "02161234567", Landline),
            ("０２１－６１２３４５６７", "02161234567", Landline),
            ("+86 21 6123 4567", "02161234567", Landline),
            ("+86 (0)21 6123 4567", "02161234567", Landline),
            ("+86 021 6123 4567", "02161234567", Landline),
            ("0086 21 61234567", "02161234567", Landline),
            ("86 21 6123 4567", "02161234567", Landline),
            ("010-6512 3456", "01065123456", Landline),
            ("+86 10 6512 3456", "01065123456", Landline),
            ("0755-8888 6666", "075588886666", Landline),
            ("+86 755 8888 6666", "075588886666", Landline),
            ("0991-123 4567", "09911234567", Landline),
            ("+86 991 123 4567", "09911234567", Landline),
            ("021-6123 4567 转 801", "02161234567", Landline),
            ("021-61234567 ext. 801", "02161234567", Landline),
            ("021-61234567#801", "02161234567", Landline),
            // Service numbers, short numbers, 400/800.
            ("95188", "95188", Service),
            ("+86 95188", "95188", Service),
            ("+8695188", "95188", Service),
            ("0086 95188", "95188", Service),
            ("95 188", "95188", Service),
            ("９５１８８", "95188", Service),
            ("96110", "96110", Service),
            ("95105555", "95105555", Service),
            ("+86 95105555", "95105555", Service),
            ("10086", "10086", Service),
            ("+86 10086", "10086", Service),
            ("8610086", "8610086", Other),
            ("400-820-8820", "4008208820", Service),
            ("+86 400 820 8820", "4008208820", Service),
            ("800-820-8820", "8008208820", Service),
            // Bulk-SMS senders.
            ("106902812345678", "106902812345678", SmsSender),
            ("+86106902812345678", "106902812345678", SmsSender),
            ("1069 0281 2345 678", "106902812345678", SmsSender),
            ("10655021", "10655021", SmsSender),
            // North American numbers.
            ("+1 (212) 555-0100", "+12125550100", Foreign),
            ("+1 212.555.0100", "+12125550100", Foreign),
            ("001 212 555 0100", "+12125550100", Foreign),
            ("(212) 555-0100", "+12125550100", Foreign),
            ("212-555-0100", "+12125550100", Foreign),
            ("+44 (0)20 7946 0000", "+442079460000", Foreign),
            // A local number without area code stays as it is.
            ("6123 4567", "61234567", Other),
            ("86123456", "86123456", Other),
            // Withheld, empty, names.
            ("", "", Withheld),
            ("   ", "", Withheld),
            ("-1", "", Withheld),
            ("-2", "", Withheld),
            ("-3", "", Withheld),
            ("Unknown", "", Withheld),
            ("PRIVATE", "", Withheld),
            ("未知号码", "", Withheld),
            ("私人號碼", "", Withheld),
            ("wechat", "", Name),
            ("中国移动", "", Name),
        ];
        for (raw, want_key, want_kind) in table {
            assert_eq!(key(raw), *want_key, "key of {raw:?}");
            assert_eq!(kind(raw), *want_kind, "kind of {raw:?}");
        }
    }

    #[test]
    fn the_issues_pairs_are_the_same_number() {
        assert!(same("+86 21 6123 4567", "021-6123 4567"));
        assert!(same("+86 95188", "95188"));
        assert!(same("１３８００１３８０００", "+86 138-0013-8000"));
        assert!(same("+1 (212) 555-0100", "212.555.0100"));
        assert!(!same("021-6123 4567", "0755-6123 4567"));
        assert!(!same("95188", "95189"));
    }

    #[test]
    fn digits_as_written() {
        assert_eq!(digits("+86 138-0013-8000"), "8613800138000");
        assert_eq!(digits("０２１－６１２３ 转 8"), "0216123");
        assert_eq!(digits("wechat"), "");
    }

    #[test]
    fn withheld_numbers_match_nothing() {
        assert!(is_withheld("-2"));
        assert!(is_withheld(""));
        assert!(!is_withheld("wechat"));
        assert!(!same("-1", "-1"));
        assert!(!same("", ""));
        assert!(!same("Unknown", "unknown"));
    }

    #[test]
    fn significant_digits_are_what_text_shows() {
        assert_eq!(significant_digits("+86 21 6123 4567"), "2161234567");
        assert_eq!(significant_digits("021-61234567"), "2161234567");
        assert_eq!(significant_digits("+86 138 1234 5678"), "13812345678");
        assert_eq!(significant_digits("+1 212 555 0100"), "2125550100");
        assert_eq!(significant_digits("-1"), "");
    }

    #[test]
    fn keys_are_stable_under_renormalising() {
        // The key of a key is itself: storing or comparing keys is safe.
        for raw in [
            "13800138000",
            "+86 21 6123 4567",
            "95188",
            "106902812345678",
            "+1 212 555 0100",
            "4008208820",
            "+44 20 7946 0000",
        ] {
            let k = key(raw);
            assert_eq!(key(&k), k, "{raw:?}");
        }
    }
}
