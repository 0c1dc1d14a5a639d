//! The page address as state: reading and replacing query parameters.
//!
//! Read so far: `lang`, and `check` for the engine check. Writing replaces the history entry (no history
//! spam, no scroll jump) and keeps every other parameter and the hash intact,
//! so the page works from any sub-path and inside any host's iframe.

use crate::i18n::Lang;
use web_sys::UrlSearchParams;

/// The current query string as parameters, or `None` outside a browser.
fn current_params() -> Option<UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()
}

/// One query parameter's value, if present.
pub fn param(name: &str) -> Option<String> {
    current_params()?.get(name)
}

/// The language the address asks for, the first language when it asks for none,
/// and the first language (with a console note) when it asks for one we lack.
pub fn initial_lang() -> Lang {
    let Some(asked) = current_params().and_then(|p| p.get("lang")) else {
        return Lang::default();
    };
    Lang::from_code(&asked).unwrap_or_else(|| {
        leptos::logging::warn!(
            "lang={asked:?} is not a language this explainer has; showing {}",
            Lang::default().code()
        );
        Lang::default()
    })
}

/// Sets one query parameter in place, replacing the current history entry.
pub fn replace_param(name: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(params) = current_params() else {
        return;
    };
    params.set(name, value);
    let hash = window.location().hash().unwrap_or_default();
    let url = format!("?{}{hash}", String::from(params.to_string()));
    if let Ok(history) = window.history() {
        // Failing to rewrite the address is harmless: the view is already right.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
