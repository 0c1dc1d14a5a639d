//! The classroom: the teacher's page and the printable handout.
//!
//! The teacher's page (`public/teach.<lang>.html`, `?view=teach`) is static
//! HTML written ahead of time from the story's own data by the page
//! generator (`crates/sitegen/src/teach.rs`), natively: it costs the app's
//! first load nothing, prints and works without JavaScript. Its texts live
//! in `crates/sitegen/texts/teach.<lang>.json`, so they never reach the wasm.
//! `crates/sitegen/tests/classroom.rs` keeps the files in `public/` equal to
//! what the data says: `UPDATE_CLASSROOM=1 cargo test -p dns-race-sitegen
//! --test classroom` rewrites them.
//!
//! The handout's words are static too (`public/handout.<lang>.html`, by
//! `crates/sitegen/src/handout_page.rs`, readable and printable without JavaScript, with a
//! note in place of each picture). The app's `?view=handout` (`ui::handout`)
//! loads those words and draws every scene into its place with the app's
//! own scene code (which renders only in a browser), so the pictures on
//! paper are the ones on screen. Both print with `public/classroom.css`.
//!
//! The share codec does not know these two views (`decode` reads them as
//! the story, with a note): [`asked`] reads the address before the app
//! mounts. Adding them to `share::Page` needs the two exhaustive matches in
//! `ui/share_bar.rs` to name them.

use crate::i18n::Lang;

/// One of the classroom's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// The teacher's page: lesson plans, experiments, answers, discussion.
    Teach,
    /// The whole story for printing.
    Handout,
}

impl Sheet {
    pub const ALL: [Sheet; 2] = [Sheet::Teach, Sheet::Handout];

    /// Its name in the app's address (`?view=teach`).
    pub const fn code(self) -> &'static str {
        match self {
            Sheet::Teach => "teach",
            Sheet::Handout => "handout",
        }
    }

    /// The sheet a `view=` value asks for, if any.
    pub fn from_view(value: &str) -> Option<Sheet> {
        let value = value.trim();
        Sheet::ALL
            .into_iter()
            .find(|s| value.eq_ignore_ascii_case(s.code()))
    }

    /// Its address relative to the app's own page: the teacher's static
    /// page in `public/`, the app's handout view.
    pub fn href(self, lang: Lang) -> String {
        match self {
            Sheet::Teach => format!("public/{}", teach_file(lang)),
            Sheet::Handout => format!(
                "?v={}&lang={}&view=handout",
                crate::share::SCHEMA_VERSION,
                lang.code()
            ),
        }
    }

    /// Its address from a page in `public/`.
    pub fn href_from_public(self, lang: Lang) -> String {
        match self {
            Sheet::Teach => teach_file(lang),
            Sheet::Handout => format!("../{}", self.href(lang)),
        }
    }
}

/// The teacher's page's file in `public/`.
pub fn teach_file(lang: Lang) -> String {
    format!("teach.{}.html", lang.code())
}

/// The classroom page the address asks for (`?view=teach`, `?view=handout`).
/// In a browser only.
pub fn asked() -> Option<Sheet> {
    super::url::param("view")
        .as_deref()
        .and_then(Sheet::from_view)
}

/// The address's language, read as the share codec reads it. In a browser
/// only.
pub fn asked_lang() -> Lang {
    super::url::param("lang")
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default()
}

/// `href` (relative to the app's page) as a full address, for paper. In a
/// browser only.
pub fn absolute(href: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return href.to_string();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = path.trim_end_matches(|c| c != '/');
    format!("{origin}{dir}{href}")
}

/// `?view=teach`: sends the reader on to the teacher's page in the
/// address's language, replacing the history entry (Back returns to where
/// they came from). `true` when the browser took the new address.
#[cfg(target_arch = "wasm32")]
pub fn go_to_teach() -> bool {
    web_sys::window()
        .map(|w| w.location())
        .is_some_and(|l| l.replace(&Sheet::Teach.href(asked_lang())).is_ok())
}
