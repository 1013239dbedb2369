//! Strings of the data page.

strings! { DataKey;
    PageIntro => "—", "—", "—";
}
