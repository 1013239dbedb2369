//! The pure core: plain data and functions. No leptos, web-sys, wasm-bindgen,
//! js-sys here (tests/architecture.rs checks), so all of it is tested
//! natively with `cargo test`. Time is always a parameter, never read here.

pub mod agreement;
pub mod call;
pub mod codec;
pub mod contacts;
pub mod crypto;
pub mod dashboard;
pub mod dense;
pub mod evidence;
pub mod hash;
pub mod holidays;
pub mod invariants;
pub mod labels;
pub mod model;
pub mod money;
pub mod numberbook;
pub mod phone;
pub mod redact;
pub mod report;
pub mod rules;
pub mod strength;
pub mod textdiff;
pub mod time;
