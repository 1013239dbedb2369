//! Strings of the evidence page.

strings! { EvidenceKey;
    PageIntro => "—", "—", "—";
}
