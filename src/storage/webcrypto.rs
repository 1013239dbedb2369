//! The browser's WebCrypto: secure random bytes, and PBKDF2 key stretching
//! (native code, several times faster than the same loop in wasm).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::crypto::{checked_source, Kdf, Key, RandomFailed, RandomSource, KEY_LEN};

fn crypto() -> Option<web_sys::Crypto> {
    web_sys::window()?.crypto().ok()
}

/// `crypto.getRandomValues`, or None where the browser has no WebCrypto.
/// A call that throws fails the write that asked (see `crypto::checked_source`).
pub fn random_source() -> Option<RandomSource> {
    let crypto = crypto()?;
    let mut probe = [0u8; 1];
    crypto.get_random_values_with_u8_array(&mut probe).ok()?;
    Some(checked_source(move |buf: &mut [u8]| {
        // getRandomValues takes at most 65,536 bytes per call.
        for chunk in buf.chunks_mut(65_536) {
            crypto
                .get_random_values_with_u8_array(chunk)
                .map_err(|_| RandomFailed)?;
        }
        Ok(())
    }))
}

/// PBKDF2-HMAC-SHA-256 of the passcode with `kdf`'s salt and iteration count.
/// The passcode is NFC-normalised first, so the same characters typed with
/// another keyboard give the same key.
pub async fn derive_key(passcode: &str, kdf: &Kdf) -> Result<Key, String> {
    let salt = kdf.checked_salt().map_err(|e| format!("{e:?}"))?;
    let subtle = crypto().ok_or("no WebCrypto")?.subtle();
    let normalised = String::from(js_sys::JsString::from(passcode).normalize("NFC"));
    let base = JsFuture::from(
        subtle
            .import_key_with_str(
                "raw",
                &Uint8Array::from(normalised.as_bytes()),
                "PBKDF2",
                false,
                &Array::of1(&"deriveBits".into()),
            )
            .map_err(js_err)?,
    )
    .await
    .map_err(js_err)?;
    let base: web_sys::CryptoKey = base.dyn_into().map_err(js_err)?;
    let params = web_sys::Pbkdf2Params::new(
        "PBKDF2",
        &"SHA-256".into(),
        kdf.iterations,
        &Uint8Array::from(salt.as_slice()),
    );
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, &base, (KEY_LEN * 8) as u32)
            .map_err(js_err)?,
    )
    .await
    .map_err(js_err)?;
    let bytes: [u8; KEY_LEN] = Uint8Array::new(&bits)
        .to_vec()
        .try_into()
        .map_err(|_| "derived key length".to_string())?;
    Ok(Key::from_bytes(bytes))
}

fn js_err(e: wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "WebCrypto error".into())
}
