//! Hash routes: they work on any static host, under any sub-path and from
//! file://, with no server rewrites.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    Agreement,
    Contacts,
    /// The quick log, reachable from everywhere.
    LogContact,
    /// One contact: detail, edit, history.
    Contact(u32),
    Rules,
    Evidence,
    Data,
    /// The call companion, open while a collector is on the line.
    Call,
    /// The guided call to the lender's official hotline.
    Hotline,
}

impl Page {
    pub fn from_hash(hash: &str) -> Page {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or_default();
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        match (parts.next(), parts.next()) {
            (Some("agreement"), _) => Page::Agreement,
            (Some("contacts"), Some("new")) => Page::LogContact,
            (Some("contacts"), Some(seq)) => {
                seq.parse().map(Page::Contact).unwrap_or(Page::Contacts)
            }
            (Some("contacts"), None) => Page::Contacts,
            (Some("rules"), _) => Page::Rules,
            (Some("evidence"), _) => Page::Evidence,
            (Some("data"), _) => Page::Data,
            (Some("call"), Some("hotline")) => Page::Hotline,
            (Some("call"), _) => Page::Call,
            _ => Page::Home,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Page::Home => "#/".into(),
            Page::Agreement => "#/agreement".into(),
            Page::Contacts => "#/contacts".into(),
            Page::LogContact => "#/contacts/new".into(),
            Page::Contact(seq) => format!("#/contacts/{seq}"),
            Page::Rules => "#/rules".into(),
            Page::Evidence => "#/evidence".into(),
            Page::Data => "#/data".into(),
            Page::Call => "#/call".into(),
            Page::Hotline => "#/call/hotline".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_round_trip() {
        for p in [
            Page::Home,
            Page::Agreement,
            Page::Contacts,
            Page::LogContact,
            Page::Contact(17),
            Page::Rules,
            Page::Evidence,
            Page::Data,
            Page::Call,
            Page::Hotline,
        ] {
            assert_eq!(Page::from_hash(&p.href()), p);
        }
    }

    #[test]
    fn unknown_or_empty_is_home() {
        assert_eq!(Page::from_hash(""), Page::Home);
        assert_eq!(Page::from_hash("#"), Page::Home);
        assert_eq!(Page::from_hash("#/nope"), Page::Home);
        assert_eq!(Page::from_hash("#/contacts/abc"), Page::Contacts);
        assert_eq!(Page::from_hash("#contacts"), Page::Contacts);
        assert_eq!(Page::from_hash("#/call?from=shortcut"), Page::Call);
    }
}
