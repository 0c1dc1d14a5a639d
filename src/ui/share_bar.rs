//! "Share this view" and "embed in an article": copy a link that reopens
//! exactly this view, or the `<iframe>` code for one scene, each saying
//! plainly whether the copy worked (and offering the text to copy by hand
//! when the browser refuses).

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::url;
use crate::i18n::{Key, Lang, msg};
use crate::share::{Embed, Page, ViewState};

/// The outcome of the last copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// Puts `text` on the clipboard; `false` when the browser has no clipboard
/// here (an insecure origin, a sandboxed frame) or refuses.
async fn copy_text(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return false;
    }
    let promise = navigator.clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Escapes text for a double-quoted HTML attribute.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The scenes an editor can pick, by the value in the picker.
const PICKS: [(&str, Option<Embed>, Key); 5] = [
    ("current", None, Key::ShareEmbedChapter),
    ("race", Some(Embed::Race), Key::ShareEmbedRace),
    ("cascade", Some(Embed::Cascade), Key::ShareEmbedCascade),
    ("timeline", Some(Embed::Timeline), Key::ShareEmbedTimeline),
    (
        "playground",
        Some(Embed::Playground),
        Key::ShareEmbedPlayground,
    ),
];

/// A frame height that fits each scene before embed.js adjusts it (px).
fn initial_height_px(embed: Embed) -> u32 {
    match embed {
        Embed::Race => 760,
        Embed::Cascade => 640,
        Embed::Timeline => 1_400,
        Embed::Playground => 2_600,
        Embed::Chapter(_) => 1_000,
    }
}

/// The name of a scene in the reader's language.
pub fn scene_name(lang: Lang, embed: Embed) -> String {
    match embed {
        Embed::Race => lang.text(Key::ShareEmbedRace).to_string(),
        Embed::Cascade => lang.text(Key::ShareEmbedCascade).to_string(),
        Embed::Timeline => lang.text(Key::ShareEmbedTimeline).to_string(),
        Embed::Playground => lang.text(Key::ShareEmbedPlayground).to_string(),
        Embed::Chapter(c) => {
            let chapter = &crate::story::chapters::CHAPTERS[c];
            format!(
                "{} {}",
                lang.message(&msg::NavChapterN {
                    n: &(c + 1).to_string()
                }),
                lang.text(chapter.title)
            )
        }
    }
}

/// The state an embedded `scene` opens with, from the reader's current view:
/// a chapter keeps its beat and cursors, the playground keeps its knobs,
/// the other scenes start at their defaults.
fn embedded_state(now: &ViewState, scene: Embed) -> ViewState {
    let mut s = match scene {
        Embed::Chapter(_) | Embed::Playground => now.clone(),
        _ => ViewState {
            lang: now.lang,
            detail: now.detail,
            ..ViewState::default()
        },
    };
    if !matches!(scene, Embed::Playground) {
        let defaults = ViewState::default();
        (s.race, s.cascade) = (defaults.race, defaults.cascade);
    }
    s.page = Page::Story;
    s.embed = Some(scene);
    // An article's frame is a reader's view, never a presenter's.
    (s.present, s.speaker) = (false, false);
    s
}

/// The two lines an editor pastes: the frame, and the optional script that
/// sizes it.
fn snippet(lang: Lang, state: &ViewState) -> String {
    let Some(scene) = state.embed else {
        return String::new();
    };
    let src = url::link_to(state);
    let base = src.rsplit_once('/').map_or("", |(dir, _)| dir);
    let title = lang.message(&msg::ShareIframeTitle {
        scene: &scene_name(lang, scene),
    });
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" style=\"border:0\" loading=\"lazy\"></iframe>\n<script src=\"{}/public/embed.js\" defer></script>",
        attr(&src),
        attr(&title),
        initial_height_px(scene),
        attr(base)
    )
}

/// The share and embed buttons, then `children` (other page-wide switches)
/// in the same row; the embed panel opens below.
#[component]
pub fn ShareBar(lang: Signal<Lang>, children: Children) -> impl IntoView {
    let state = url::shared();
    let t = move |k: Key| move || lang.get().text(k);
    let (link_copied, set_link_copied) = signal(Copied::Not);
    let (code_copied, set_code_copied) = signal(Copied::Not);
    let (panel_open, set_panel_open) = signal(false);
    let (pick, set_pick) = signal("current");
    // A "copied" message describes the view it was copied from.
    Effect::new(move |_| {
        state.track();
        pick.track();
        set_link_copied.set(Copied::Not);
        set_code_copied.set(Copied::Not);
    });

    let link = move || url::link_to(&state.get());
    let chosen = move || {
        let now = state.get();
        let scene = PICKS
            .iter()
            .find(|(value, _, _)| *value == pick.get())
            .and_then(|&(_, e, _)| e)
            .unwrap_or(match now.page {
                Page::Playground => Embed::Playground,
                Page::Story | Page::Sources => Embed::Chapter(now.position.chapter),
            });
        embedded_state(&now, scene)
    };
    let code = move || snippet(lang.get(), &chosen());
    let share = move |_| {
        // The address bar shows the link being copied.
        url::flush();
        let text = link();
        spawn_local(async move {
            let ok = copy_text(text).await;
            set_link_copied.set(if ok { Copied::Done } else { Copied::Failed });
        });
    };
    let copy_code = move |_| {
        let text = code();
        spawn_local(async move {
            let ok = copy_text(text).await;
            set_code_copied.set(if ok { Copied::Done } else { Copied::Failed });
        });
    };
    let status = move |copied: ReadSignal<Copied>, done: Key| {
        move || match copied.get() {
            Copied::Not => String::new(),
            Copied::Done => lang.get().text(done).to_string(),
            Copied::Failed => lang.get().text(Key::ShareCopyFailed).to_string(),
        }
    };
    let options = move || {
        let lang = lang.get();
        let now = state.get();
        PICKS
            .iter()
            .map(|&(value, _, key)| {
                let label = match (value, now.page) {
                    ("current", Page::Playground) => {
                        lang.text(Key::ShareEmbedPlayground).to_string()
                    }
                    ("current", Page::Story | Page::Sources) => {
                        lang.message(&msg::ShareEmbedChapter {
                            n: &(now.position.chapter + 1).to_string(),
                        })
                    }
                    _ => lang.text(key).to_string(),
                };
                view! { <option value=value selected=move || pick.get() == value>{label}</option> }
            })
            .collect_view()
    };

    view! {
        <div class="share-bar">
            <button type="button" id="share-link" on:click=share>
                {t(Key::ShareCopyLink)}
            </button>
            <button type="button" id="embed-toggle" aria-expanded=move || panel_open.get().to_string()
                aria-controls="embed-panel" on:click=move |_| set_panel_open.update(|o| *o = !*o)>
                "</> " {t(Key::ShareEmbed)}
            </button>
            {children()}
            <p class="share-status" id="share-status" role="status">{status(link_copied, Key::ShareCopied)}</p>
            <Show when=move || link_copied.get() == Copied::Failed>
                <label class="share-fallback">
                    <span>{t(Key::ShareLinkLabel)}</span>
                    <input type="text" readonly id="share-fallback" prop:value=link
                        on:focus=|e| select_all(&e) />
                </label>
            </Show>
        </div>
        <section id="embed-panel" class="embed-panel" hidden=move || !panel_open.get()
            aria-labelledby="embed-heading">
            <h2 id="embed-heading">{t(Key::ShareEmbedHeading)}</h2>
            <label class="embed-scene">
                <span>{t(Key::ShareEmbedScene)}</span>
                <select id="embed-scene" on:change=move |e| {
                    let v = event_target_value(&e);
                    let found = PICKS.iter().find(|(value, _, _)| *value == v).map_or("current", |p| p.0);
                    set_pick.set(found);
                }>{options}</select>
            </label>
            <textarea id="embed-code" readonly rows="5" prop:value=code on:focus=|e| select_all(&e)
                aria-label=t(Key::ShareEmbedHeading)></textarea>
            <button type="button" id="embed-copy" on:click=copy_code>{t(Key::ShareEmbedCopy)}</button>
            <p class="share-status" id="embed-status" role="status">{status(code_copied, Key::ShareEmbedCopied)}</p>
            <p class="hint">{t(Key::ShareEmbedHint)}</p>
        </section>
    }
}

/// Selects a text field's content when it gets focus, ready to copy by hand.
fn select_all(e: &leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    let Some(target) = e.target() else { return };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
}
