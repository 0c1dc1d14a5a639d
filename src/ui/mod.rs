//! The Leptos user interface: the page shell and its screens.

mod analogy_art;
mod cascade_scene;
pub mod chain_scene;
mod check;
pub mod classroom;
pub mod clock;
mod close_up;
mod controls_panel;
mod dependency_graph;
mod embed;
#[cfg(target_arch = "wasm32")]
mod first_screen;
pub mod format;
pub mod handout;
pub mod idea_scene;
mod kind;
mod lab_days;
mod mark;
pub mod model;
mod motion;
mod navigation;
mod opening;
pub mod pictures;
mod playground;
mod playground_cascade;
pub mod predictions;
pub mod present;
pub mod race_scene;
mod sentences;
mod share_bar;
mod sources_page;
pub mod speaker;
pub mod story;
mod text;
mod timeline_scene;
pub mod url;
mod why;

use crate::i18n::{Key, Lang};
use crate::share::Page;
use leptos::prelude::*;

/// A signal that turns true one main-thread task later. Parts below the
/// fold wait for it, so a screen's start-up runs as several short tasks
/// instead of one long one (blocking time, input delay).
pub(crate) fn next_task() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    set_timeout(move || set_ready.set(true), std::time::Duration::ZERO);
    ready
}

/// A counter that moves one main-thread task after `track` (a closure that
/// reads the signals to follow) sees a change. Work that follows from a
/// control (a simulation, a census, the charts and sentences) tracks this
/// counter and reads its inputs untracked: the control's own task then only
/// records the change (the control itself, the address), and the work runs
/// in a task of its own, so neither half holds up the page for long.
/// Changes within one task move it once. Not generic over what is
/// followed: one copy of this code in the wasm, whatever the callers.
pub(crate) fn one_task_later(track: Box<dyn Fn() + Send + Sync>) -> ReadSignal<u32> {
    let (moved, set_moved) = signal(0u32);
    let scheduled = StoredValue::new(false);
    Effect::new(move |previous: Option<()>| {
        track();
        if previous.is_none() || scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        set_timeout(
            move || {
                scheduled.set_value(false);
                set_moved.update(|n| *n = n.wrapping_add(1));
            },
            std::time::Duration::ZERO,
        );
    });
    moved
}

/// The lab's views (`?view=playground`, `?embed=playground`), registered only
/// by the lab's own wasm (`src/bin/lab.rs`, [`mount_lab`]). The story's wasm
/// (`src/main.rs`) never names them, so the linker leaves the lab out of it:
/// a reader of the story does not download the lab (72 KB gzipped).
static LAB: std::sync::OnceLock<fn(Signal<crate::i18n::Lang>) -> AnyView> =
    std::sync::OnceLock::new();

/// The lab's two halves: the race's experiments, then the cascade's.
fn lab_view(lang: Signal<crate::i18n::Lang>) -> AnyView {
    view! {
        <playground::Playground lang=lang />
        <playground_cascade::CascadePlaygroundNext lang=lang />
    }
    .into_any()
}

/// The lab, where this wasm carries it. The page's loader picks the lab's
/// wasm for an address that opens the lab, so the story's wasm meets one only
/// if the two disagree: it then says so, instead of a blank page.
pub(crate) fn lab(lang: Signal<crate::i18n::Lang>) -> AnyView {
    match LAB.get() {
        Some(view) => view(lang),
        None => view! {
            <p class="lab-missing" role="alert">{move || lang.get().text(Key::PlayMissing)}</p>
        }
        .into_any(),
    }
}

/// Mounts the app with the lab (the lab's wasm: `src/bin/lab.rs`).
pub fn mount_lab() {
    let _ = LAB.set(lab_view);
    mount();
}

/// Mounts the app on the page's `<body>`: the explainer (in presenter mode
/// with `?present=1`), the engine check when the address asks for
/// `?check=race`, the printable handout for `?view=handout`; `?view=teach`
/// goes on to the teacher's static page (`classroom`).
pub fn mount() {
    #[cfg(target_arch = "wasm32")]
    first_screen::when_recorded(mount_now);
    #[cfg(not(target_arch = "wasm32"))]
    mount_now();
}

/// Mounts at once (see [`mount`]).
fn mount_now() {
    let sheet = classroom::asked();
    // `?view=teach` is a static page of its own: go there, unmounted.
    #[cfg(target_arch = "wasm32")]
    if sheet == Some(classroom::Sheet::Teach) && classroom::go_to_teach() {
        return;
    }
    // The first screen in the HTML has done its job.
    if let Some(pre) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"))
    {
        pre.remove();
    }
    if url::param("check").as_deref() == Some("race") {
        leptos::mount::mount_to_body(check::EngineCheck);
    } else if sheet == Some(classroom::Sheet::Handout) {
        #[cfg(target_arch = "wasm32")]
        handout::start();
    } else {
        leptos::mount::mount_to_body(App);
        #[cfg(target_arch = "wasm32")]
        if url::shared().with_untracked(|s| s.present && s.embed.is_none()) {
            present::start();
        }
    }
}

/// The masthead: the title, the language switch, the zone and the page-wide
/// switches (share, embed, motion), folded behind one button on a phone.
/// The app draws it live with [`live_title`] and [`live_language_switch`];
/// the page generator prints it with its own title and language link (the
/// title a paragraph, the switch a plain link to the other page), so the
/// printed page is laid out as the live one and nothing moves when the app
/// takes over.
pub fn masthead_view(
    lang: Signal<Lang>,
    reduced_motion: RwSignal<bool>,
    title: AnyView,
    switch: AnyView,
) -> impl IntoView {
    let t = move |key: Key| move || lang.get().text(key);
    let (menu_open, set_menu_open) = signal(false);
    view! {
    <header class="masthead">
        <div class="masthead-text">{title}<p class="subtitle">{t(Key::AppSubtitle)}</p></div>
        {switch}
        // On a phone these fold behind one button, so that the story
        // starts in the top half of the screen (style/share.css).
        <button
            type="button"
            class="menu-toggle"
            id="menu-toggle"
            aria-controls="masthead-tools"
            aria-expanded=move || menu_open.get().to_string()
            on:click=move |_| set_menu_open.update(|open| *open = !*open)
        >
            {move || if menu_open.get() { "▴ " } else { "▾ " }}
            {t(Key::MenuToggle)}
        </button>
        <div class="masthead-tools" id="masthead-tools" class:open=move || menu_open.get()>
            <clock::ZoneSelect lang=lang />
            <share_bar::ShareBar lang=lang>
                <motion::MotionSwitch lang=lang reduced=reduced_motion />
            </share_bar::ShareBar>
        </div>
    </header>
    }
}

/// The live masthead's title: the page's one `<h1>`.
fn live_title(lang: Signal<Lang>) -> AnyView {
    view! { <h1 id="title">{move || lang.get().text(Key::AppTitle)}</h1> }.into_any()
}

/// The live language switch: the page's state changes language in place.
fn live_language_switch(lang: Signal<Lang>) -> AnyView {
    view! {
        <button
            type="button"
            class="lang-switch"
            id="lang-switch"
            on:click=move |_| url::change(|s| s.lang = s.lang.other())
            title=move || lang.get().text(Key::LangSwitchHint)
            lang=move || lang.get().other().code()
        >
            {move || lang.get().text(Key::LangSwitchTo)}
        </button>
    }
    .into_any()
}

/// The page: the full explainer (header, story or playground, footer), or
/// one embedded scene when the address asks for `?embed=`.
#[component]
pub fn App() -> impl IntoView {
    let state = url::provide_state();
    clock::init();
    let lang = url::lang();
    let t = move |key: Key| move || lang.get().text(key);
    let embed = state.with_untracked(|s| s.embed);
    let reduced_motion = motion::init();

    // `<html lang>` and the tab title follow the language.
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.code());
                if embed.is_some() {
                    let _ = html.class_list().add_1("embed");
                }
            }
            doc.set_title(lang.text(Key::AppTitle));
        }
    });

    if let Some(embed) = embed {
        return view! { <embed::EmbeddedScene lang=lang embed=embed /> }.into_any();
    }

    let footer_ready = next_task();
    let page = state.with_untracked(|s| s.page);
    let link_to_page = move |page: Page| {
        move || {
            format!(
                "?{}",
                state.with(|s| crate::share::encode(&s.opening_page(page)))
            )
        }
    };

    view! {
        <a class="skip" href="#story">{t(Key::AppSkip)}</a>
        {masthead_view(lang, reduced_motion, live_title(lang), live_language_switch(lang))}
        <main id="story">
            {match page {
                Page::Playground => view! {
                    <a class="to-story" href=link_to_page(Page::Story)>
                        "← " {t(Key::PlayBack)}
                    </a>
                    {lab(lang)}
                }
                    .into_any(),
                Page::Sources => view! {
                    <a class="to-story" href=link_to_page(Page::Story)>
                        "← " {t(Key::SrcBack)}
                    </a>
                    <sources_page::SourcesPage lang=lang />
                }
                    .into_any(),
                Page::Story => view! {
                    <story::Story lang=lang />
                    <a class="to-playground" id="to-playground" href=link_to_page(Page::Playground)>
                        {t(Key::PlayOpen)} " →"
                    </a>
                }
                    .into_any(),
            }}
        </main>
        // Below the fold: drawn one task after the rest (a shorter start-up task).
        <footer class="colophon">
            <Show when=move || footer_ready.get()>
            <p>{t(Key::FooterLegend)}</p>
            <mark::MarkLegend lang=lang />
            <kind::KindLegend lang=lang />
            <p id="footer-times">{move || clock::footer_times(lang.get())}</p>
            <p>
                {t(Key::FooterSources)} " "
                <a id="to-sources" href=link_to_page(Page::Sources)>{t(Key::SrcOpen)}</a>
            </p>
            <p>
                <a id="to-teach" href=move || classroom::Sheet::Teach.href(lang.get())>{t(Key::FooterClassroom)}</a>
            </p>
            // On paper only: where the whole story is, ready to print.
            <p class="print-only" id="print-note">
                {move || {
                    let lang = lang.get();
                    let url = classroom::absolute(&classroom::Sheet::Handout.href(lang));
                    lang.message(&crate::i18n::msg::PrintNote { url: &url })
                }}
            </p>
            </Show>
        </footer>
    }
    .into_any()
}
