pub mod agreement;
pub mod contacts;
pub mod data;
pub mod evidence;
pub mod home;
pub mod passcode;
pub mod phone_import;
pub mod rules;
