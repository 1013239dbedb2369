//! File formats: text in, `Result` out. Nothing here touches storage or the DOM.

pub mod backup;
pub mod csv;
pub mod encrypted_backup;
pub mod ics;
pub mod phonelog;
pub mod sniff;
