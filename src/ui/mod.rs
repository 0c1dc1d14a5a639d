//! The Leptos user interface: the page shell and its screens.

mod cascade_scene;
mod check;
mod dependency_graph;
mod mark;
mod model;
mod opening;
mod playground;
mod playground_cascade;
mod race_scene;
mod story;
mod timeline_scene;
pub mod url;

use crate::i18n::Key;
use leptos::prelude::*;

/// Mounts the app on the page's `<body>`: the explainer, or the engine check
/// when the address asks for `?check=race`.
pub fn mount() {
    if url::param("check").as_deref() == Some("race") {
        leptos::mount::mount_to_body(check::EngineCheck);
    } else {
        leptos::mount::mount_to_body(App);
    }
}

/// The page: header with the language switch, the story, the footer.
#[component]
pub fn App() -> impl IntoView {
    let (lang, set_lang) = signal(url::initial_lang());
    let t = move |key: Key| move || lang.get().text(key);

    // `<html lang>` and the tab title follow the language.
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            doc.set_title(lang.text(Key::AppTitle));
        }
    });

    let switch_language = move |_| {
        let next = lang.get_untracked().other();
        set_lang.set(next);
        url::replace_param("lang", next.code());
    };

    view! {
        <a class="skip" href="#story">{t(Key::AppSkip)}</a>
        <header class="masthead">
            <div class="masthead-text">
                <h1 id="title">{t(Key::AppTitle)}</h1>
                <p class="subtitle">{t(Key::AppSubtitle)}</p>
            </div>
            <button
                type="button"
                class="lang-switch"
                id="lang-switch"
                on:click=switch_language
                title=t(Key::LangSwitchHint)
                lang=move || lang.get().other().code()
            >
                {move || lang.get().text(Key::LangSwitchTo)}
            </button>
        </header>
        <main id="story">
            {if url::param("view").as_deref() == Some("playground") {
                view! {
                    <a class="to-story" href=move || format!("?lang={}", lang.get().code())>
                        "← " {t(Key::PlayBack)}
                    </a>
                    <playground::Playground lang=lang />
                    <playground_cascade::CascadePlayground lang=lang />
                }
                    .into_any()
            } else {
                view! {
                    <story::Story lang=lang />
                    <a class="to-playground" id="to-playground"
                        href=move || format!("?view=playground&lang={}", lang.get().code())>
                        {t(Key::PlayOpen)} " →"
                    </a>
                }
                    .into_any()
            }}
        </main>
        <footer class="colophon">
            <p>{t(Key::FooterLegend)}</p>
            <mark::MarkLegend lang=lang />
            <p>{t(Key::FooterTimes)}</p>
            <p>{t(Key::FooterSources)}</p>
        </footer>
    }
}
