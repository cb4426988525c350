//! A second copy of the saved document, in IndexedDB, for a browser that crashes (docs/reliability.md, promise 6).
//! Chromium keeps `localStorage` writes in memory and writes them to disk in batches, at most about once a minute
//! after the first: a browser killed in between loses saves the app had already shown as saved. An IndexedDB
//! transaction is on disk once it completes (measured: kept by a kill 0.5 s later, when `localStorage` lost the same
//! write). So every write of the document to `localStorage` is copied here ([`crate::store::local`] does it), and at
//! start-up, before the app reads `localStorage`, a later copy found here, or any copy when `localStorage` holds no
//! document, is put back there ([`recover`]). "Delete everything" deletes the database, so nothing comes back.
//!
//! Only the document key is copied, as the same bytes (sealed, with the lock on). Deleting the document deletes the
//! whole database. A kiosk never has a document in `localStorage`, so it never opens the database. All of this is
//! best effort: a browser without IndexedDB saves to `localStorage` alone, as before.

use crate::store::envelope::{generation_of, is_later_save};
use crate::store::kiosk::KIOSK_KEY;
use crate::store::local::LocalStorage;
use crate::store::storage::{Storage, DOC_KEY};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The database, its one object store, and the key of the copy.
const DB_NAME: &str = "mosaic";
const STORE: &str = "copies";
const COPY_KEY: &str = "doc";

fn factory() -> Option<web_sys::IdbFactory> {
    web_sys::window()?.indexed_db().ok().flatten()
}

/// Waits for a request's success (its result) or failure.
async fn settled(request: &web_sys::IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await?;
    request.result()
}

/// Waits until a transaction is on disk (complete), or fails.
async fn committed(transaction: &web_sys::IdbTransaction) -> Result<(), JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onerror(Some(&reject));
        transaction.set_onabort(Some(&reject));
    });
    JsFuture::from(promise).await.map(|_| ())
}

/// Opens the database: creating it and its store the first time when `create`, and otherwise failing rather than
/// leaving an empty database behind (reading at start-up never creates one).
async fn open(create: bool) -> Result<web_sys::IdbDatabase, JsValue> {
    let request = factory().ok_or(JsValue::NULL)?.open_with_u32(DB_NAME, 1)?;
    let creating = request.clone();
    let upgrade = Closure::once_into_js(move || {
        if !create {
            if let Some(transaction) = creating.transaction() {
                let _ = transaction.abort();
            }
        } else if let Ok(db) = creating.result() {
            let _ = db
                .unchecked_into::<web_sys::IdbDatabase>()
                .create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(settled(&request).await?.unchecked_into())
}

/// Puts `bytes` as the copy and waits until it is on disk.
async fn put(bytes: &str) -> Result<(), JsValue> {
    let db = open(true).await?;
    let transaction =
        db.transaction_with_str_and_mode(STORE, web_sys::IdbTransactionMode::Readwrite)?;
    transaction
        .object_store(STORE)?
        .put_with_key(&JsValue::from_str(bytes), &JsValue::from_str(COPY_KEY))?;
    let done = committed(&transaction).await;
    // Closed at once, so deleting the database is never kept waiting by this page.
    db.close();
    done
}

/// The copy, if there is one (none when the database does not exist: it is not created).
async fn get() -> Result<Option<String>, JsValue> {
    let Ok(db) = open(false).await else {
        return Ok(None);
    };
    let transaction = db.transaction_with_str(STORE)?;
    let request = transaction
        .object_store(STORE)?
        .get(&JsValue::from_str(COPY_KEY))?;
    let value = settled(&request).await;
    db.close();
    Ok(value?.as_string())
}

/// Copies `bytes` (just written under the document key) to the database, in the background. Requests to one
/// database run in the order they are made, so the last write is the copy that stays.
pub fn copy(bytes: &str) {
    let bytes = bytes.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = put(&bytes).await {
            web_sys::console::warn_2(&"Mosaic could not keep its crash copy:".into(), &e);
        }
    });
}

/// Deletes the copy with its database (the document was deleted). Deleting a database that does not exist creates
/// nothing, and the deletion waits for any copy still being written, so nothing of the document is left behind.
pub fn forget() {
    if let Some(factory) = factory() {
        let _ = factory.delete_database(DB_NAME);
    }
}

/// Whether the database exists, without creating it (opening would): a first visit, a kiosk and a device after
/// "Delete everything" have none. A browser that cannot list databases is assumed to have it.
async fn exists() -> bool {
    let Some(factory) = factory() else {
        return false;
    };
    // `indexedDB.databases()` (not in web-sys's stable API): called by name, and a browser without it answers "yes".
    let listing = js_sys::Reflect::get(&factory, &"databases".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&factory).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(listing) = listing else {
        return true;
    };
    match JsFuture::from(listing).await {
        Ok(list) => js_sys::Array::from(&list).iter().any(|db| {
            js_sys::Reflect::get(&db, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .as_deref()
                == Some(DB_NAME)
        }),
        Err(_) => true,
    }
}

/// Before the app reads `localStorage` at start-up: if the crash copy is a later save of the document stored there,
/// or there is no document there (the browser crashed before it first wrote `localStorage` to disk), puts the copy
/// back. Never on a kiosk, and the database is opened only if it exists.
pub async fn recover() {
    let Ok(local) = LocalStorage.get(DOC_KEY) else {
        return;
    };
    if !matches!(LocalStorage.get(KIOSK_KEY), Ok(None)) || !exists().await {
        return;
    }
    let wanted = |copy: &str| match &local {
        Some(local) => is_later_save(copy, local),
        None => generation_of(Some(copy)).is_some(),
    };
    match get().await {
        Ok(Some(copy)) if wanted(&copy) => {
            // Into localStorage only: the copy already holds these bytes.
            if LocalStorage.set_here(DOC_KEY, &copy).is_err() {
                web_sys::console::warn_1(&"Mosaic could not put back its crash copy".into());
            }
        }
        Ok(_) => {}
        Err(e) => web_sys::console::warn_2(&"Mosaic could not read its crash copy:".into(), &e),
    }
}
