//! Debt evidence kit: a private, offline evidence kit for borrowers pressed by
//! debt collectors. Layers, bottom up: `domain` (pure), `i18n` (pure strings),
//! `storage` (the only localStorage code), `ui` (Leptos components).

pub mod domain;
pub mod i18n;
pub mod storage;
pub mod ui;
