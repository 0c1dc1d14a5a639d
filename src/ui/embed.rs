//! One scene alone, for an article's iframe (`?embed=`): no page chrome, the
//! scene's own small controls, a link to the full explainer, and the page's
//! height reported to the host (nothing else, and nothing read back) so the
//! host can size the frame.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use super::race_scene::RaceScene;
use super::share_bar::scene_name;
use super::story::Story;
use super::timeline_scene::TimelineScene;
use super::url;
use crate::i18n::{Key, Lang, msg};

use crate::share::Embed;
use crate::story::chapters::RaceMoment;

/// The one message an embedded page ever sends: `{ type, height }`.
pub const HEIGHT_MESSAGE_TYPE: &str = "dns-race-explainer:height";

/// Inside a frame, posts the document's height to the parent whenever it
/// changes. Outside a frame, does nothing.
fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if wasm_bindgen::JsValue::from(parent.clone()) == wasm_bindgen::JsValue::from(window.clone()) {
        return;
    }
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let measured = body.clone();
    let mut last_px = -1;
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let px = measured.get_bounding_client_rect().height().ceil() as i32;
        if px == last_px || px <= 0 {
            return;
        }
        last_px = px;
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE_TYPE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &px.into());
        // The height is no secret, and the host's origin is unknown: "*".
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    on_resize.forget();
}

#[component]
pub fn EmbeddedScene(lang: Signal<Lang>, embed: Embed) -> impl IntoView {
    report_height();
    let state = url::shared();
    let detail = url::detail();
    let scene = match embed {
        Embed::Race => {
            view! { <RaceScene moment=RaceMoment::SlowCheck lang=lang detail=detail /> }.into_any()
        }
        Embed::Cascade => view! { <TimelineScene lang=lang entries=false /> }.into_any(),
        Embed::Timeline => view! { <TimelineScene lang=lang /> }.into_any(),
        Embed::Playground => super::lab(lang),
        Embed::Chapter(c) => view! { <Story lang=lang chapter=c /> }.into_any(),
    };
    let full = move || state.with(|s| url::link_to(&s.opening_full()));
    let title = move || {
        let lang = lang.get();
        lang.message(&msg::ShareIframeTitle {
            scene: &scene_name(lang, embed),
        })
    };
    // A chapter brings its own h2; other scenes are named by one.
    let scene_heading = (!matches!(embed, Embed::Chapter(_))).then(|| {
        view! { <h2 class="embed-scene-name">{move || scene_name(lang.get(), embed)}</h2> }
    });
    // The landmark's name is the scene's: an article with three frames has
    // three distinct main regions.
    view! {
        <main id="story" class="embedded-scene" aria-label=title>
            <h1 class="embed-title">{move || lang.get().text(Key::AppTitle)}</h1>
            {scene_heading}
            {(embed != Embed::Race).then(|| view! {
                <div class="embed-tools"><super::clock::ZoneSelect lang=lang /></div>
            })}
            {scene}
            <p class="embed-footer">
                <a id="open-full" href=full target="_blank" rel="noopener">
                    {move || lang.get().text(Key::EmbedOpenFull)} " ↗"
                </a>
            </p>
        </main>
    }
}
