//! Where bytes go: the browser's localStorage, or memory when it is unavailable
//! (and in native tests). The only file that calls web-sys storage APIs.

use std::collections::{BTreeMap, BTreeSet};

use wasm_bindgen::JsCast;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendError {
    /// The browser refused the write: storage is full.
    Quota,
    /// Storage is disabled, blocked or otherwise failing.
    Unavailable(String),
}

pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&mut self, key: &str) -> Result<(), BackendError>;
    fn keys(&self) -> Result<Vec<String>, BackendError>;

    /// Every key with its value, in no particular order.
    fn entries(&self) -> Result<Vec<(String, String)>, BackendError> {
        entries_one_by_one(self)
    }

    /// False when `read` (what `get` gave for `key`) is not exactly what is
    /// stored: a lone UTF-16 surrogate reaches Rust as U+FFFD. Such a value
    /// is never copied (the copy would be lossy) nor written over.
    fn is_exact(&self, _key: &str, _read: &str) -> bool {
        true
    }
}

/// `entries` through `keys` and `get`: what any backend can do.
fn entries_one_by_one<B: Backend + ?Sized>(b: &B) -> Result<Vec<(String, String)>, BackendError> {
    let mut out = Vec::new();
    for k in b.keys()? {
        if let Some(v) = b.get(&k)? {
            out.push((k, v));
        }
    }
    Ok(out)
}

/// What localStorage holds per origin in Chromium, Firefox and Safari: about
/// 5 Mi UTF-16 units, i.e. 10 MiB as [`crate::storage::Store::used_utf16`]
/// counts bytes. The API has no way to ask; imports check against this before
/// writing anything.
pub const LOCAL_STORAGE_QUOTA_BYTES: usize = 10 * 1024 * 1024;

/// Memory storage with an optional quota in UTF-16 units (as browsers count).
#[derive(Debug, Default, Clone)]
pub struct MemoryBackend {
    pub map: BTreeMap<String, String>,
    pub quota: Option<usize>,
    /// Keys whose value stands for text a browser holds but Rust reads lossily.
    pub inexact: BTreeSet<String>,
}

impl MemoryBackend {
    pub fn used(&self) -> usize {
        self.map
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.map.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        if let Some(quota) = self.quota {
            let old = self
                .map
                .get(key)
                .map_or(0, |v| v.encode_utf16().count() + key.encode_utf16().count());
            let new = value.encode_utf16().count() + key.encode_utf16().count();
            if self.used() - old + new > quota {
                return Err(BackendError::Quota);
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.map.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self.map.keys().cloned().collect())
    }
    fn is_exact(&self, key: &str, _read: &str) -> bool {
        !self.inexact.contains(key)
    }
}

/// The browser's localStorage, probed once (a blocked storage throws on access).
pub struct LocalStorageBackend {
    storage: web_sys::Storage,
}

impl LocalStorageBackend {
    /// None with a reason when storage is blocked, disabled or missing.
    pub fn open() -> Result<Self, BackendError> {
        let window =
            web_sys::window().ok_or_else(|| BackendError::Unavailable("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(|e| BackendError::Unavailable(js_message(&e)))?
            .ok_or_else(|| BackendError::Unavailable("localStorage missing".into()))?;
        // Some browsers hand out a storage object that throws on first use.
        let probe = "dek:probe";
        storage.set_item(probe, "1").map_err(|e| classify(&e))?;
        storage.remove_item(probe).map_err(|e| classify(&e))?;
        Ok(Self { storage })
    }
}

fn js_message(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "storage error".into())
}

fn classify(e: &wasm_bindgen::JsValue) -> BackendError {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        BackendError::Quota
    } else {
        BackendError::Unavailable(js_message(e))
    }
}

/// Separates keys and values in the bulk read. Valid JSON never holds a raw
/// U+0000, so only a foreign or damaged value can contain it; then the count
/// does not add up and the read falls back to one call per key.
const BULK_SEPARATOR: &str = "\u{0}";

impl LocalStorageBackend {
    /// All entries in three calls across the JS boundary instead of two per
    /// key: 10,000 records load in about half the time.
    fn bulk_entries(&self) -> Option<Vec<(String, String)>> {
        let n = self.storage.length().ok()? as usize;
        let joined = String::from(
            js_sys::Object::entries(&self.storage)
                .flat(1)
                .join(BULK_SEPARATOR),
        );
        if n == 0 {
            return Some(Vec::new());
        }
        let parts: Vec<&str> = joined.split(BULK_SEPARATOR).collect();
        if parts.len() != 2 * n {
            return None;
        }
        Some(
            parts
                .chunks_exact(2)
                .map(|kv| (kv[0].to_string(), kv[1].to_string()))
                .collect(),
        )
    }
}

impl Backend for LocalStorageBackend {
    fn entries(&self) -> Result<Vec<(String, String)>, BackendError> {
        match self.bulk_entries() {
            Some(all) => Ok(all),
            None => entries_one_by_one(self),
        }
    }

    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.storage.get_item(key).map_err(|e| classify(&e))
    }
    fn is_exact(&self, key: &str, read: &str) -> bool {
        // Only a value read with U+FFFD in it can have lost something: ask
        // the browser for the JS string itself (rare, so one call is fine).
        if !read.contains('\u{FFFD}') {
            return true;
        }
        let get_item = js_sys::Reflect::get(&self.storage, &"getItem".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        get_item
            .and_then(|f| f.call1(&self.storage, &key.into()).ok())
            .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
            .is_some_and(|s| s.is_valid_utf16())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage.set_item(key, value).map_err(|e| classify(&e))
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.storage.remove_item(key).map_err(|e| classify(&e))
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let n = self.storage.length().map_err(|e| classify(&e))?;
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.storage.key(i).map_err(|e| classify(&e))? {
                out.push(k);
            }
        }
        Ok(out)
    }
}

/// Ask the browser to keep our storage (not evict it under pressure).
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

/// (used, quota) in bytes, as the browser estimates them.
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.estimate().ok()?;
    let est = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let get = |name: &str| js_sys::Reflect::get(&est, &name.into()).ok()?.as_f64();
    Some((get("usage")?, get("quota")?))
}
