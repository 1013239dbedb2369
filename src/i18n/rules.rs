//! Strings of the rules page.

strings! { RulesKey;
    PageIntro => "—", "—", "—";
}
