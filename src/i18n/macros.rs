/// `strings! { Name; Key => "zh-CN", "zh-TW", "en"; ... }` defines a key enum
/// whose every entry must carry all three languages (else: compile error).
macro_rules! strings {
    ($name:ident; $($key:ident => $cn:literal, $tw:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($key,)* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key,)*];
        }
        impl $crate::i18n::Translate for $name {
            fn text(self) -> $crate::i18n::Text {
                match self { $($name::$key => $crate::i18n::Text::new($cn, $tw, $en),)* }
            }
        }
    };
}
