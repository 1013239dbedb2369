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
}
