//! Leptos components: render state and dispatch to `AppState`; no business rules.

mod app;
pub mod browser;
pub mod charts;
mod files;
mod html;
mod lazy;
pub(crate) mod lock;
mod pages;
pub mod route;
pub mod state;
pub mod widgets;

/// Written into backups and the evidence file: which build made them.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

pub use app::App;
