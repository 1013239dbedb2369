//! Every user-visible string, in zh-CN, zh-TW and English.
//!
//! UI strings are keys in `strings.rs`; the `strings!` macro makes a missing
//! translation a compile error (each key takes exactly three texts). Domain
//! data that needs words (rules, checklist items) carries a [`Text`] with all
//! three languages, so it is complete by construction too.

#[macro_use]
mod macros;
pub mod agreement;
pub mod call;
pub mod data;
pub mod evidence;
pub mod phone_import;
pub mod privacy;
pub mod rules;
mod strings;

use serde::{Deserialize, Serialize};

pub use strings::Key;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::ZhTw, Lang::En];

    /// BCP 47 tag, for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }

    /// Name of the language in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::ZhCn => "简体中文",
            Lang::ZhTw => "繁體中文",
            Lang::En => "English",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// Pick a language from the browser's preference list (`navigator.languages`).
    /// Traditional Chinese for zh-TW/zh-HK/zh-MO/zh-Hant; other Chinese → zh-CN;
    /// anything else English. Falls back to zh-CN, the main audience.
    pub fn from_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in preferred {
            let t = tag.to_ascii_lowercase();
            if t.starts_with("zh") {
                let traditional = ["zh-tw", "zh-hk", "zh-mo", "zh-hant"]
                    .iter()
                    .any(|p| t.starts_with(p));
                return if traditional { Lang::ZhTw } else { Lang::ZhCn };
            }
            if t.starts_with("en") {
                return Lang::En;
            }
        }
        Lang::ZhCn
    }
}

/// A text in the three languages: used by domain data (rules, checklist).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub zh_cn: &'static str,
    pub zh_tw: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(zh_cn: &'static str, zh_tw: &'static str, en: &'static str) -> Self {
        Self { zh_cn, zh_tw, en }
    }
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::ZhCn => self.zh_cn,
            Lang::ZhTw => self.zh_tw,
            Lang::En => self.en,
        }
    }
}

/// A key of one of the string tables (each page may have its own table, so
/// features can grow their strings side by side).
pub trait Translate: Copy {
    fn text(self) -> Text;
}

/// The UI string for `key` in `lang`.
pub fn t(lang: Lang, key: impl Translate) -> &'static str {
    key.text().get(lang)
}

/// Replace `{0}`, `{1}`… in a translated template, in one pass over the
/// template: an argument is never scanned again, so a lender named `{1}`
/// stays `{1}`. A placeholder without an argument is kept as written.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            let n: usize = after[..close].parse().ok()?;
            args.get(n).map(|a| (*a, close))
        });
        match arg {
            Some((a, close)) => {
                out.push_str(a);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_is_one_pass() {
        assert_eq!(fill("{0} owes {1}", &["{1}", "X"]), "{1} owes X");
        assert_eq!(fill("{1}{0}", &["{1}", "{0}"]), "{0}{1}");
        assert_eq!(fill("a {2} {x} {", &["A"]), "a {2} {x} {");
        assert_eq!(fill("贷款{0}：{0}", &["甲"]), "贷款甲：甲");
    }

    #[test]
    fn browser_language_choice() {
        assert_eq!(Lang::from_browser(["zh-CN", "en"]), Lang::ZhCn);
        assert_eq!(Lang::from_browser(["zh-TW"]), Lang::ZhTw);
        assert_eq!(Lang::from_browser(["zh-Hant-HK"]), Lang::ZhTw);
        assert_eq!(Lang::from_browser(["zh"]), Lang::ZhCn);
        assert_eq!(Lang::from_browser(["en-US", "zh-CN"]), Lang::En);
        assert_eq!(Lang::from_browser(["fr-FR", "de"]), Lang::ZhCn);
        assert_eq!(Lang::from_browser(["fr-FR", "zh-TW"]), Lang::ZhTw);
    }

    #[test]
    fn tags_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(fill("{0} of {1}", &["3", "5"]), "3 of 5");
    }

    #[test]
    fn no_key_has_an_empty_translation() {
        for key in Key::ALL {
            for lang in Lang::ALL {
                assert!(
                    !t(lang, *key).trim().is_empty(),
                    "{key:?} empty in {lang:?}"
                );
            }
        }
    }
}
