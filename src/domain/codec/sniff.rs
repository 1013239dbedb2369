//! What a picked file is, from its bytes, before anything is parsed: its text
//! encoding (by byte-order mark, then strict UTF-8), or the kind of file it is
//! when it is no call/SMS history at all (a zip, a spreadsheet, the app's own
//! backup…), so the user is told what to do instead of seeing row errors.
//!
//! The GB18030 fallback (Excel on Chinese Windows saves CSV as GBK) is decoded
//! by the UI with the browser's `TextDecoder`, which every browser ships by the
//! Encoding Standard: no decoder tables in the wasm.

use super::{backup, encrypted_backup};

/// How the text was decoded, stated to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Not UTF-8 and no byte-order mark: read as GB18030 (a superset of GBK).
    Gb18030,
}

/// The bytes as text, or the fallback the caller must decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    Text(String, Encoding),
    /// Not valid UTF-8 and no byte-order mark: decode as GB18030.
    Legacy,
}

/// A file that is not a call or SMS history; each gets its own message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrongFile {
    /// A zip archive: unzip it first.
    Zip,
    /// An Excel workbook (.xlsx or .xls): save it as CSV first.
    Excel,
    /// A database file (SQLite: the phone's own call log or sms.db).
    Sqlite,
    Pdf,
    Image,
    /// This app's backup (plain or encrypted): use Restore.
    AppBackup,
    /// A contacts file (vCard), not a history.
    VCard,
    /// A web page.
    Html,
    /// Some other JSON.
    Json,
}

/// Binary kinds, by their magic bytes.
pub fn binary_kind(bytes: &[u8]) -> Option<WrongFile> {
    let starts = |m: &[u8]| bytes.starts_with(m);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        // An .xlsx is a zip whose entries are named [Content_Types].xml, xl/….
        let head = &bytes[..bytes.len().min(2048)];
        let has = |n: &[u8]| head.windows(n.len()).any(|w| w == n);
        return Some(if has(b"[Content_Types].xml") || has(b"xl/") {
            WrongFile::Excel
        } else {
            WrongFile::Zip
        });
    }
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some(WrongFile::Excel);
    }
    if starts(b"SQLite format 3\0") {
        return Some(WrongFile::Sqlite);
    }
    if starts(b"%PDF") {
        return Some(WrongFile::Pdf);
    }
    if starts(b"\x89PNG") || starts(b"\xFF\xD8\xFF") || starts(b"GIF8") {
        return Some(WrongFile::Image);
    }
    None
}

/// Decode by byte-order mark first (UTF-8, UTF-16LE, UTF-16BE), then strict
/// UTF-8; anything else is [`Decoded::Legacy`]. Unpaired UTF-16 halves become
/// U+FFFD rather than losing the file.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Decoded::Text(s.to_string(), Encoding::Utf8),
            Err(_) => Decoded::Legacy,
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Decoded::Text(utf16(rest, u16::from_le_bytes), Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Decoded::Text(utf16(rest, u16::from_be_bytes), Encoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded::Text(s.to_string(), Encoding::Utf8),
        Err(_) => Decoded::Legacy,
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks(2).map(|c| match c {
        [a, b] => unit([*a, *b]),
        // An odd trailing byte: a cut file; shown as U+FFFD.
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Text kinds that are recognisably something else.
pub fn text_kind(text: &str) -> Option<WrongFile> {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect();
    let lower = head.to_lowercase();
    if lower.starts_with('{') || lower.starts_with('[') {
        return Some(
            if head.contains(backup::BACKUP_TYPE) || encrypted_backup::looks_encrypted(&head) {
                WrongFile::AppBackup
            } else {
                WrongFile::Json
            },
        );
    }
    if lower.starts_with("begin:vcard") {
        return Some(WrongFile::VCard);
    }
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return Some(WrongFile::Html);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut v = vec![0xFF, 0xFE];
        v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        v
    }

    fn utf16be(s: &str) -> Vec<u8> {
        let mut v = vec![0xFE, 0xFF];
        v.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        v
    }

    #[test]
    fn byte_order_marks_decide_before_any_fallback() {
        let text = "号码,时间\n13800138000,2024-03-04 22:00 😂\n";
        let mut bom8 = b"\xEF\xBB\xBF".to_vec();
        bom8.extend(text.as_bytes());
        for (bytes, enc) in [
            (text.as_bytes().to_vec(), Encoding::Utf8),
            (bom8, Encoding::Utf8),
            (utf16le(text), Encoding::Utf16Le),
            (utf16be(text), Encoding::Utf16Be),
        ] {
            assert_eq!(decode(&bytes), Decoded::Text(text.into(), enc));
        }
        // An unpaired half and an odd trailing byte: U+FFFD, the rest kept.
        let mut v = vec![0xFF, 0xFE, 0x3D, 0xD8, b'a', 0, b'b'];
        assert_eq!(
            decode(&v),
            Decoded::Text("\u{fffd}a\u{fffd}".into(), Encoding::Utf16Le)
        );
        v.truncate(2);
        assert_eq!(decode(&v), Decoded::Text(String::new(), Encoding::Utf16Le));
    }

    #[test]
    fn gbk_bytes_fall_back_to_gb18030() {
        // "号码" in GBK: not valid UTF-8.
        let gbk = b"\xba\xc5\xc2\xeb,\xca\xb1\xbc\xe4\r\n13800138000,2024-03-04 22:00\r\n";
        assert_eq!(decode(gbk), Decoded::Legacy);
        // A UTF-8 BOM followed by bytes that are not UTF-8: still the fallback.
        assert_eq!(decode(b"\xEF\xBB\xBF\xba\xc5"), Decoded::Legacy);
    }

    #[test]
    fn wrong_files_are_named() {
        assert_eq!(
            binary_kind(b"PK\x03\x04\x14\0\0\0calls.xml"),
            Some(WrongFile::Zip)
        );
        assert_eq!(
            binary_kind(b"PK\x03\x04\x14\0\0\0[Content_Types].xml"),
            Some(WrongFile::Excel)
        );
        assert_eq!(
            binary_kind(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"),
            Some(WrongFile::Excel)
        );
        assert_eq!(
            binary_kind(b"SQLite format 3\0..."),
            Some(WrongFile::Sqlite)
        );
        assert_eq!(binary_kind(b"%PDF-1.7"), Some(WrongFile::Pdf));
        assert_eq!(binary_kind(b"\x89PNG\r\n"), Some(WrongFile::Image));
        assert_eq!(binary_kind(b"<calls>"), None);
        assert_eq!(binary_kind(b""), None);

        let plain = format!("{{\"type\":\"{}\",\"schema\":3", backup::BACKUP_TYPE);
        let sealed = format!("{{\n  \"type\": \"{}\"", encrypted_backup::ENCRYPTED_TYPE);
        assert_eq!(text_kind(&plain), Some(WrongFile::AppBackup));
        assert_eq!(text_kind(&sealed), Some(WrongFile::AppBackup));
        assert_eq!(text_kind("\u{feff} [1,2]"), Some(WrongFile::Json));
        assert_eq!(
            text_kind("BEGIN:VCARD\r\nVERSION:3.0"),
            Some(WrongFile::VCard)
        );
        assert_eq!(text_kind("<!DOCTYPE html><p>"), Some(WrongFile::Html));
        assert_eq!(text_kind("<?xml version='1.0'?><calls/>"), None);
        assert_eq!(text_kind("号码,时间\n"), None);
    }
}
