//! Every localStorage key the app uses: one prefix, one place.

pub const PREFIX: &str = "dek:";

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StoreKey {
    Prefs,
    Settings,
    Debtor,
    Debts,
    Agreements,
    Events,
    /// One key per contact, so adding or editing one never rewrites the others.
    Contact(u32),
    /// The raw text of a value that could not be read, kept for download.
    Quarantine(String),
    /// "1" when the home-screen entry should use the neutral name and icon.
    /// Plain text, not an envelope: pwa/sw-register.js reads it before the app starts.
    NeutralName,
    /// The passcode lock record (plain JSON: salt, sealed data keys; nothing of the case).
    Lock,
    /// Failed unlock attempts, for the growing delay (plain JSON).
    UnlockAttempts,
    /// A form's half-typed state (sealed like every record), offered back
    /// when the form opens again; never a record itself.
    Draft(DraftForm),
    /// Written (a time stamp, plain) by "lock now": every open tab locks.
    LockAll,
    /// Written before a change of many keys (restore, wipe) and removed after
    /// it: what the next start does if the change was cut off (`Journal`).
    Journal,
    /// The call companion's call in progress (or ended, under review).
    Call,
    /// When the last few calls whose entries were saved (or that were
    /// discarded) started: a tab still holding one of them never writes it back.
    CallsDone,
}

/// The forms whose half-typed state is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DraftForm {
    /// Kept when the app locks, handed back once after unlocking.
    Contact,
    /// A new agreement, kept as it is typed.
    Agreement,
    /// A payment, kept as it is typed.
    Payment,
    /// The quick log, kept as it is typed: a closed or killed tab loses nothing.
    QuickLog,
    /// The user's edits to complaint letters, per letter, until restored.
    Letters,
}

impl DraftForm {
    pub const ALL: [DraftForm; 5] = [
        DraftForm::Contact,
        DraftForm::Agreement,
        DraftForm::Payment,
        DraftForm::QuickLog,
        DraftForm::Letters,
    ];

    fn suffix(self) -> &'static str {
        match self {
            // The key a contact draft had before the other forms kept theirs.
            DraftForm::Contact => "draft",
            DraftForm::Agreement => "draft:agreement",
            DraftForm::Payment => "draft:payment",
            DraftForm::QuickLog => "draft:quick-log",
            DraftForm::Letters => "draft:letters",
        }
    }
}

impl StoreKey {
    /// Kept in plain text even while locked: read before unlocking (or by
    /// pwa/sw-register.js), and holding nothing of the case.
    pub fn stays_plain(&self) -> bool {
        matches!(
            self,
            StoreKey::NeutralName
                | StoreKey::Lock
                | StoreKey::UnlockAttempts
                | StoreKey::LockAll
                | StoreKey::Journal
        )
    }

    pub fn name(&self) -> String {
        match self {
            StoreKey::Prefs => format!("{PREFIX}prefs"),
            StoreKey::Settings => format!("{PREFIX}settings"),
            StoreKey::Debtor => format!("{PREFIX}debtor"),
            StoreKey::Debts => format!("{PREFIX}debts"),
            StoreKey::Agreements => format!("{PREFIX}agreements"),
            StoreKey::Events => format!("{PREFIX}events"),
            StoreKey::Contact(seq) => format!("{PREFIX}c:{seq}"),
            StoreKey::Quarantine(original) => format!("{PREFIX}quarantine:{original}"),
            StoreKey::NeutralName => format!("{PREFIX}neutral-manifest"),
            StoreKey::Lock => format!("{PREFIX}lock"),
            StoreKey::UnlockAttempts => format!("{PREFIX}unlock-attempts"),
            StoreKey::Draft(form) => format!("{PREFIX}{}", form.suffix()),
            StoreKey::LockAll => format!("{PREFIX}lock-all"),
            StoreKey::Journal => format!("{PREFIX}journal"),
            StoreKey::Call => format!("{PREFIX}call"),
            StoreKey::CallsDone => format!("{PREFIX}calls-done"),
        }
    }

    pub fn parse(name: &str) -> Option<StoreKey> {
        let rest = name.strip_prefix(PREFIX)?;
        Some(match rest {
            "prefs" => StoreKey::Prefs,
            "settings" => StoreKey::Settings,
            "debtor" => StoreKey::Debtor,
            "debts" => StoreKey::Debts,
            "agreements" => StoreKey::Agreements,
            "events" => StoreKey::Events,
            "neutral-manifest" => StoreKey::NeutralName,
            "lock" => StoreKey::Lock,
            "unlock-attempts" => StoreKey::UnlockAttempts,
            "lock-all" => StoreKey::LockAll,
            "journal" => StoreKey::Journal,
            "call" => StoreKey::Call,
            "calls-done" => StoreKey::CallsDone,
            _ => {
                if let Some(form) = DraftForm::ALL.into_iter().find(|f| f.suffix() == rest) {
                    StoreKey::Draft(form)
                } else if let Some(seq) = rest.strip_prefix("c:") {
                    StoreKey::Contact(seq.parse().ok()?)
                } else if let Some(orig) = rest.strip_prefix("quarantine:") {
                    StoreKey::Quarantine(orig.to_string())
                } else {
                    return None;
                }
            }
        })
    }
}

impl StoreKey {
    /// The `n`th quarantine copy of `name` (the first has no number), so a
    /// later copy never writes over an earlier one.
    pub fn quarantine_copy(name: &str, n: u32) -> StoreKey {
        match n {
            0 | 1 => StoreKey::Quarantine(name.to_string()),
            n => StoreKey::Quarantine(format!("{name}#{n}")),
        }
    }
}

/// The key a quarantine copy came from, and which copy it is:
/// `dek:c:2#3` → (`dek:c:2`, 3); `dek:debts` → (`dek:debts`, 1).
pub fn quarantined_from(copy: &str) -> (&str, u32) {
    copy.rsplit_once('#')
        .and_then(|(original, n)| Some((original, n.parse().ok()?)))
        .unwrap_or((copy, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        let keys = [
            StoreKey::Prefs,
            StoreKey::Settings,
            StoreKey::Debtor,
            StoreKey::Debts,
            StoreKey::Agreements,
            StoreKey::Events,
            StoreKey::Contact(42),
            StoreKey::Quarantine("dek:c:7".into()),
            StoreKey::NeutralName,
            StoreKey::Lock,
            StoreKey::UnlockAttempts,
            StoreKey::Draft(DraftForm::Contact),
            StoreKey::Draft(DraftForm::Agreement),
            StoreKey::Draft(DraftForm::Payment),
            StoreKey::Draft(DraftForm::Letters),
            StoreKey::LockAll,
            StoreKey::Journal,
            StoreKey::Call,
            StoreKey::CallsDone,
        ];
        for k in keys {
            assert_eq!(StoreKey::parse(&k.name()), Some(k.clone()));
            assert!(k.name().starts_with(PREFIX));
        }
        assert_eq!(StoreKey::parse("other:prefs"), None);
        let copy = StoreKey::quarantine_copy("dek:c:2", 3).name();
        assert_eq!(
            StoreKey::parse(&copy).map(|k| match k {
                StoreKey::Quarantine(c) =>
                    quarantined_from(&c).0 == "dek:c:2" && quarantined_from(&c).1 == 3,
                _ => false,
            }),
            Some(true)
        );
        assert_eq!(StoreKey::parse("dek:c:x"), None);
        // A contact draft kept by an earlier version is still found.
        assert_eq!(
            StoreKey::parse("dek:draft"),
            Some(StoreKey::Draft(DraftForm::Contact))
        );
    }
}
