//! The printable handout in the app (`?view=handout`): the whole story on
//! one page, for paper. Its words are a static page written natively from
//! the story's data (`crates/sitegen/src/handout_page.rs`, `public/handout.<lang>.html`), so
//! they cost the app's first load nothing; this loads that page's `<main>`
//! and draws each scene into the place it leaves, with the app's own scene
//! code and without controls: the pictures on paper are the ones on screen.
//! Printing needs no script (`public/classroom.css`, loaded with the page,
//! not with the app's first load); the button only calls the browser's
//! print.

#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;

use super::classroom::Sheet;
use crate::i18n::{Key, Lang};
use crate::story::chapters::RaceMoment;
use crate::story::static_page::escape;

/// Every story moment of the race, with its name in the page's
/// placeholders (`data-race="overwrite"`).
pub const MOMENTS: [(RaceMoment, &str); 7] = [
    (RaceMoment::Calm, "calm"),
    (RaceMoment::SlowCheck, "slow-check"),
    (RaceMoment::LockLost, "lock-lost"),
    (RaceMoment::FastAhead, "fast-ahead"),
    (RaceMoment::Overwrite, "overwrite"),
    (RaceMoment::Emptied, "emptied"),
    (RaceMoment::Stuck, "stuck"),
];

/// A race moment's name in the placeholders.
pub fn moment_code(moment: RaceMoment) -> &'static str {
    MOMENTS
        .iter()
        .find(|(m, _)| *m == moment)
        .map_or("calm", |&(_, code)| code)
}

/// The page around the handout's words, in `lang`: the classroom's style
/// sheet (not part of the app's first load), the masthead with the
/// language, the way back, the teacher's page and the print button, and
/// the `<main>` the words go into.
pub fn shell(lang: Lang) -> String {
    let other = lang.other();
    let t = |key: Key| escape(lang.text(key));
    format!(
        "<link rel=\"stylesheet\" href=\"public/classroom.css\" />\
<header class=\"masthead\"><div class=\"masthead-text\"><h1 id=\"title\">{title}</h1><p class=\"subtitle\">{subtitle}</p></div>\
<nav class=\"classroom-nav\"><a href=\"{other_href}\" lang=\"{other_code}\" hreflang=\"{other_code}\">{other_name}</a>\
<a href=\"?v={v}&amp;lang={code}\">{back}</a><a href=\"{teach}\">{teach_label}</a>\
<button type=\"button\" id=\"print-handout\">{print}</button></nav></header>\
<main id=\"handout\" class=\"handout-main\"><p class=\"pre-loading\">{loading}</p></main>",
        title = t(Key::HandoutTitle),
        subtitle = t(Key::AppSubtitle),
        other_href = escape(&Sheet::Handout.href(other)),
        other_code = other.code(),
        other_name = t(Key::LangSwitchTo),
        v = crate::share::SCHEMA_VERSION,
        code = lang.code(),
        back = t(Key::PlayBack),
        teach = escape(&Sheet::Teach.href(lang)),
        teach_label = t(Key::HandoutTeach),
        print = t(Key::HandoutPrint),
        loading = t(Key::AppLoading),
    )
}

/// The words' own page in `public/`, from the app's page.
pub fn words_href(lang: Lang) -> String {
    format!("public/handout.{}.html", lang.code())
}

/// `?view=handout`: writes the page's frame, loads the handout's words and
/// draws each picture into its place. Called instead of mounting the
/// explainer: plain DOM and one mount per picture, so the app's first load
/// carries little for a page few readers open.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use leptos::wasm_bindgen::JsCast;
    use leptos::wasm_bindgen::closure::Closure;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // The address's language; times in its default zone, as the words are.
    let lang = super::classroom::asked_lang();
    super::url::change(|s| s.lang = lang);
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", lang.code());
        let _ = html.class_list().add_1("handout");
    }
    doc.set_title(lang.text(Key::HandoutTitle));
    let Some(body) = doc.body() else {
        return;
    };
    body.set_inner_html(&shell(lang));
    if let Some(button) = doc.get_element_by_id("print-handout") {
        let print = Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                // A refused print leaves the browser's own menu.
                let _ = w.print();
            }
        });
        let _ = button.add_event_listener_with_callback("click", print.as_ref().unchecked_ref());
        print.forget();
    }
    wasm_bindgen_futures::spawn_local(async move {
        let href = words_href(lang);
        let page = browser::fetch_text(&href).await;
        let Some(main) = doc.get_element_by_id("handout") else {
            return;
        };
        match page.ok().and_then(|page| browser::main_of(&doc, &page)) {
            Some(words) => {
                main.set_inner_html(&words);
                browser::draw_pictures(&main, lang);
                let _ = main.set_attribute("data-ready", "");
            }
            // Where to read the words when they cannot be loaded here.
            None => main.set_inner_html(&format!(
                "<p><a href=\"{}\">{}</a></p>",
                escape(&href),
                escape(lang.text(Key::HandoutTitle))
            )),
        }
    });
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::engine::cascade::Minute;
    use crate::ui::cascade_scene::CascadeScene;
    use leptos::wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// The text of a page of the site.
    pub async fn fetch_text(href: &str) -> Result<String, JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(href))
            .await?
            .dyn_into()?;
        if !response.ok() {
            return Err(format!("{href}: HTTP {}", response.status()).into());
        }
        let text = JsFuture::from(response.text()?).await?;
        text.as_string().ok_or_else(|| "not text".into())
    }

    /// The inner HTML of a page's `<main id="main">`, parsed inert (in a
    /// template: nothing in it loads or runs).
    pub fn main_of(doc: &web_sys::Document, page: &str) -> Option<String> {
        let template: web_sys::HtmlTemplateElement =
            doc.create_element("template").ok()?.dyn_into().ok()?;
        template.set_inner_html(page);
        Some(template.content().get_element_by_id("main")?.inner_html())
    }

    /// What a place in the words asks to be drawn.
    enum Place {
        Idea(crate::story::chapters::Idea),
        Race(RaceMoment),
        Chart {
            minute: Minute,
            cursor: bool,
        },
        /// Chapter 3's game, as it starts: the board the reader moves on.
        Game,
        Chain(crate::story::chapters::ChainBeat),
    }

    /// The picture for a place, as the app draws it, without controls.
    fn picture(place: Place, lang: Lang) -> AnyView {
        match place {
            Place::Idea(idea) => crate::ui::idea_scene::draw(lang, idea).into_any(),
            Place::Race(moment) => {
                use crate::ui::model::{moment_index, world_after};
                let index = moment_index(moment);
                let markup = crate::ui::close_up::markup(lang, index, None, &world_after(index));
                view! { <div class="race-picture" inner_html=markup></div> }.into_any()
            }
            Place::Game => {
                use crate::engine::race::scheduler::SchedulerGame;
                let (config, _) = crate::ui::model::story_game(false);
                let world = SchedulerGame::new(config).world();
                let cast = crate::ui::close_up::Cast {
                    actor: None,
                    slow: None,
                    strip: None,
                    refused: None,
                };
                let markup = crate::ui::close_up::draw(lang, None, &world, cast);
                view! { <div class="race-picture game-board" inner_html=markup></div> }.into_any()
            }
            Place::Chart { minute, cursor } => {
                let lang = Signal::stored(lang);
                view! { <CascadeScene minute=minute lang=lang hide_cursor=!cursor /> }.into_any()
            }
            Place::Chain(beat) => crate::ui::chain_scene::draw(lang, beat).into_any(),
        }
    }

    /// The story's chain beat at a minute.
    fn chain_beat_at(minute: Minute) -> Option<crate::story::chapters::ChainBeat> {
        use crate::story::chapters::{CHAPTERS, Scene};
        CHAPTERS
            .iter()
            .flat_map(|c| c.beats.iter())
            .find_map(|b| match b.scene {
                Some(Scene::Chain(c)) if c.at == minute => Some(c),
                _ => None,
            })
    }

    /// Draws every picture into its place in `main`.
    pub fn draw_pictures(main: &web_sys::Element, lang: Lang) {
        let list = main.get_elements_by_class_name("h-place");
        let places: Vec<web_sys::HtmlElement> = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect();
        for el in places {
            let idea = el
                .get_attribute("data-idea")
                .and_then(|c| crate::story::chapters::Idea::from_code(&c));
            let place = if let Some(idea) = idea {
                Place::Idea(idea)
            } else if el.has_attribute("data-game") {
                Place::Game
            } else if let Some(beat) = el
                .get_attribute("data-chain")
                .and_then(|m| m.parse::<Minute>().ok())
                .and_then(chain_beat_at)
            {
                Place::Chain(beat)
            } else if let Some(code) = el.get_attribute("data-race") {
                match MOMENTS.iter().find(|(_, c)| *c == code) {
                    Some(&(moment, _)) => Place::Race(moment),
                    None => continue,
                }
            } else {
                Place::Chart {
                    minute: el
                        .get_attribute("data-cascade")
                        .and_then(|m| m.parse().ok())
                        .unwrap_or(0),
                    cursor: el.get_attribute("data-cursor").as_deref() == Some("1"),
                }
            };
            el.set_inner_html("");
            leptos::mount::mount_to(el, move || picture(place, lang)).forget();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_moment_has_its_own_name_in_the_placeholders() {
        let codes: std::collections::BTreeSet<&str> = MOMENTS.iter().map(|&(_, c)| c).collect();
        let moments: std::collections::BTreeSet<String> =
            MOMENTS.iter().map(|&(m, _)| format!("{m:?}")).collect();
        assert_eq!(codes.len(), MOMENTS.len(), "two moments share a name");
        assert_eq!(moments.len(), MOMENTS.len(), "a moment listed twice");
    }
}
