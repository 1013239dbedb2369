//! Encrypted backup: a plain backup file (see `backup`) sealed with a key
//! stretched from a passcode, the same scheme as storage (docs/backup-format.md).
//!
//! ```json
//! { "type": "debt-evidence-kit-encrypted-backup", "version": 1,
//!   "kdf": { "name": "PBKDF2-SHA-256", "iterations": 600000, "salt": "<base64>" },
//!   "cipher": "AES-256-GCM", "data": "<base64 of nonce‖ciphertext‖tag>" }
//! ```
//! Opening is two steps because stretching the passcode is asynchronous in
//! the browser: [`parse`] reads the parameters, the caller derives the key,
//! [`EncryptedBackup::open`] decrypts.

use serde::{Deserialize, Serialize};

use crate::domain::crypto::{self, CryptoError, Kdf, Key, Random};

pub const ENCRYPTED_TYPE: &str = "debt-evidence-kit-encrypted-backup";
pub const VERSION: u32 = 1;
pub const CIPHER: &str = "AES-256-GCM";
/// Bound to the ciphertext, so the data cannot be passed off as another format.
const AAD: &[u8] = b"debt-evidence-kit-encrypted-backup/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedBackup {
    #[serde(rename = "type")]
    pub kind: String,
    pub version: u32,
    pub kdf: Kdf,
    pub cipher: String,
    pub data: String,
}

/// Seal the text of a plain backup under `kek` (derived from `kdf`).
/// Any failure (no random nonce, the cipher) is an error: nothing to save.
pub fn seal(plain_backup: &str, kdf: Kdf, kek: &Key, rng: Random) -> Result<String, CryptoError> {
    let nonce = crypto::fresh_nonce(rng)?;
    let file = EncryptedBackup {
        kind: ENCRYPTED_TYPE.to_string(),
        version: VERSION,
        kdf,
        cipher: CIPHER.to_string(),
        data: crypto::b64(&crypto::seal(kek, nonce, AAD, plain_backup.as_bytes())?),
    };
    serde_json::to_string_pretty(&file).map_err(|e| CryptoError::Malformed(e.to_string()))
}

/// Cheap check, before asking for a passcode.
pub fn looks_encrypted(text: &str) -> bool {
    text.len() < 200_000_000 && text.contains(ENCRYPTED_TYPE)
}

pub fn parse(text: &str) -> Result<EncryptedBackup, CryptoError> {
    let file: EncryptedBackup =
        serde_json::from_str(text).map_err(|e| CryptoError::Malformed(e.to_string()))?;
    if file.kind != ENCRYPTED_TYPE {
        return Err(CryptoError::Malformed("type".into()));
    }
    if file.version != VERSION || file.cipher != CIPHER {
        return Err(CryptoError::Unsupported(format!(
            "{} v{}",
            file.cipher, file.version
        )));
    }
    file.kdf.checked_salt()?;
    Ok(file)
}

impl EncryptedBackup {
    /// The plain backup text. A wrong passcode and a changed file both give `Rejected`.
    pub fn open(&self, kek: &Key) -> Result<String, CryptoError> {
        let plain = crypto::open(kek, AAD, &crypto::unb64(&self.data)?)?;
        String::from_utf8(plain).map_err(|e| CryptoError::Malformed(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::crypto::tests::{counter_rng, failing_rng, test_kek};

    #[test]
    fn no_random_nonce_no_file() {
        let kdf = Kdf::new(&mut counter_rng()).unwrap();
        let kek = test_kek("secret", &kdf);
        for silent in [false, true] {
            let sealed = seal("{}", kdf.clone(), &kek, &mut failing_rng(0, silent));
            assert_eq!(sealed, Err(CryptoError::NoRandom));
        }
    }

    #[test]
    fn round_trip_wrong_passcode_tampered_truncated() {
        let mut rng = counter_rng();
        let kdf = Kdf::new(&mut rng).unwrap();
        let kek = test_kek("secret", &kdf);
        let plain = r#"{"type":"debt-evidence-kit-backup","case":"李四"}"#;
        let text = seal(plain, kdf, &kek, &mut rng).unwrap();
        assert!(looks_encrypted(&text));
        assert!(!text.contains("李四"));
        let file = parse(&text).unwrap();
        let again = test_kek("secret", &file.kdf);
        assert_eq!(file.open(&again).unwrap(), plain);

        let wrong = test_kek("Secret", &file.kdf);
        assert_eq!(file.open(&wrong), Err(CryptoError::Rejected));

        let mut bytes = crypto::unb64(&file.data).unwrap();
        bytes[20] ^= 0x80;
        let tampered = EncryptedBackup {
            data: crypto::b64(&bytes),
            ..file.clone()
        };
        assert_eq!(tampered.open(&again), Err(CryptoError::Rejected));

        let truncated = EncryptedBackup {
            data: crypto::b64(&bytes[..10]),
            ..file.clone()
        };
        assert_eq!(truncated.open(&again), Err(CryptoError::Truncated));
        assert!(parse(&text[..text.len() / 2]).is_err());
    }

    #[test]
    fn refuses_other_formats_and_hostile_parameters() {
        let mut rng = counter_rng();
        let kdf = Kdf::new(&mut rng).unwrap();
        let kek = test_kek("x", &kdf);
        let text = seal("{}", kdf, &kek, &mut rng).unwrap();
        let mut file = parse(&text).unwrap();
        file.kdf.iterations = u32::MAX;
        assert!(parse(&serde_json::to_string(&file).unwrap()).is_err());
        let mut file = parse(&text).unwrap();
        file.version = 2;
        assert!(matches!(
            parse(&serde_json::to_string(&file).unwrap()),
            Err(CryptoError::Unsupported(_))
        ));
        assert!(parse(r#"{"type":"debt-evidence-kit-backup"}"#).is_err());
        assert!(parse("not json").is_err());
    }
}
