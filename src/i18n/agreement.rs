//! Strings of the agreement page.

strings! { AgreementKey;
    PageIntro => "—", "—", "—";
}
