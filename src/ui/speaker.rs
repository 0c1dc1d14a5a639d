//! The speaker's window (`?present=notes`) and keeping presenter windows in
//! step. A teacher projects the audience window (`?present=1`) and keeps
//! this one on their own screen: the same beat, smaller, beside notes (the
//! engineer's detail as talking points, the answer of the beat's question,
//! what comes next, a clock). Either window steps both: every presenter
//! window of this site in this browser shares its position, its revealed
//! answer and its blank screen over a `BroadcastChannel` (same origin, no
//! server, nothing leaves the device). A window that opens asks the others
//! where they are and joins them.
//!
//! The message format is pure and tested natively; the browser part only
//! sends and applies it.

use crate::story::chapters::Position;

/// What one presenter window tells the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sync {
    /// "Where are you?", from a window that has just opened.
    Ask,
    /// Where a window is: the beat, whether its question shows the answer,
    /// whether its screen is blanked.
    At {
        position: Position,
        revealed: bool,
        blank: bool,
    },
}

impl Sync {
    /// The message as sent: `?`, or `at:<chapter>.<beat>.<revealed>.<blank>`
    /// (zero-based, flags as 0 or 1).
    pub fn encode(self) -> String {
        match self {
            Sync::Ask => "?".to_string(),
            Sync::At {
                position,
                revealed,
                blank,
            } => format!(
                "at:{}.{}.{}.{}",
                position.chapter,
                position.beat,
                u8::from(revealed),
                u8::from(blank)
            ),
        }
    }

    /// A received message; `None` for anything else (another version of
    /// the page, another use of the channel). Positions are clamped.
    pub fn parse(message: &str) -> Option<Sync> {
        if message == "?" {
            return Some(Sync::Ask);
        }
        let mut parts = message.strip_prefix("at:")?.split('.');
        let mut next = || parts.next()?.parse::<usize>().ok();
        let (chapter, beat, revealed, blank) = (next()?, next()?, next()?, next()?);
        Some(Sync::At {
            position: Position::clamped(chapter, beat),
            revealed: revealed == 1,
            blank: blank == 1,
        })
    }
}

/// The channel's name: presenter windows of this site only.
#[cfg(target_arch = "wasm32")]
const CHANNEL: &str = "dns-race-explainer:present";

#[cfg(target_arch = "wasm32")]
thread_local! {
    static CHANNEL_OPEN: std::cell::RefCell<Option<web_sys::BroadcastChannel>> =
        const { std::cell::RefCell::new(None) };
}

/// Tells the other presenter windows where this one is now.
#[cfg(target_arch = "wasm32")]
pub fn tell(sync: Sync) {
    CHANNEL_OPEN.with(|c| {
        if let Some(channel) = c.borrow().as_ref() {
            let _ = channel.post_message(&wasm_bindgen::JsValue::from_str(&sync.encode()));
        }
    });
}

/// Where this window is, read from the page.
#[cfg(target_arch = "wasm32")]
pub fn here() -> Sync {
    use leptos::prelude::*;

    let doc = web_sys::window().and_then(|w| w.document());
    let revealed = doc
        .as_ref()
        .and_then(|d| d.query_selector(".quiz .reveal").ok().flatten())
        .is_some();
    let blank = doc
        .and_then(|d| d.document_element())
        .is_some_and(|r| r.class_list().contains("blank"));
    Sync::At {
        position: super::url::shared().with_untracked(|s| s.position),
        revealed,
        blank,
    }
}

/// Joins the presenter windows' channel: applies what the others say, and
/// asks where they are.
#[cfg(target_arch = "wasm32")]
pub fn join() {
    use leptos::wasm_bindgen::JsCast;
    use leptos::wasm_bindgen::closure::Closure;

    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        // No channel (an old browser): each window steps on its own.
        return;
    };
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            match e.data().as_string().as_deref().and_then(Sync::parse) {
                Some(Sync::Ask) => tell(here()),
                Some(Sync::At {
                    position,
                    revealed,
                    blank,
                }) => apply(position, revealed, blank),
                None => {}
            }
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    CHANNEL_OPEN.with(|c| *c.borrow_mut() = Some(channel));
    tell(Sync::Ask);
}

/// Shows what another window shows.
#[cfg(target_arch = "wasm32")]
fn apply(position: Position, revealed: bool, blank: bool) {
    use leptos::prelude::*;

    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let classes = root.class_list();
        let _ = if blank {
            classes.add_1("blank")
        } else {
            classes.remove_1("blank")
        };
    }
    if super::url::shared().with_untracked(|s| s.position) != position {
        super::url::change(|s| s.go_to(position));
    }
    if revealed {
        // Once the beat is drawn.
        set_timeout(
            move || super::present::reveal_answer(position),
            std::time::Duration::ZERO,
        );
    }
}

/// The speaker's notes beside the beat: where the talk is, the beat's
/// answer, what comes next, and a clock. Plain DOM, updated in place (a
/// few lines of text that only presenters see: no view code in the wasm
/// that every reader downloads).
#[cfg(target_arch = "wasm32")]
pub fn show_notes(doc: &web_sys::Document) -> Option<()> {
    use super::clock::say;
    use crate::i18n::{Key, msg};
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;
    use leptos::wasm_bindgen::closure::Closure;

    let aside = doc.create_element("aside").ok()?;
    aside.set_id("speaker-notes");
    aside.set_class_name("speaker-notes");
    let line = |tag: &str, id: &str| -> Option<web_sys::Element> {
        let el = doc.create_element(tag).ok()?;
        if !id.is_empty() {
            el.set_id(id);
            el.set_class_name(id);
        }
        aside.append_child(&el).ok()?;
        Some(el)
    };
    let clock_line = line("p", "speaker-clock")?;
    let where_line = line("p", "speaker-where")?;
    let answer_line = line("p", "speaker-answer")?;
    let next_heading = line("h2", "")?;
    let next_line = line("p", "speaker-next")?;
    let help_line = line("p", "speaker-help")?;
    let open = line("button", "open-audience")?;
    let _ = open.set_attribute("type", "button");
    doc.body()?.append_child(&aside).ok()?;

    let lang = super::url::lang();
    let started_ms = js_sys::Date::now();
    let show_clock = move || {
        let secs = ((js_sys::Date::now() - started_ms) / 1000.0).max(0.0) as u64;
        let date = js_sys::Date::new_0();
        clock_line.set_text_content(Some(&lang.get_untracked().message(&msg::SpeakerClock {
            elapsed: &format!("{}:{:02}", secs / 60, secs % 60),
            time: &format!("{:02}:{:02}", date.get_hours(), date.get_minutes()),
        })));
    };
    show_clock();
    let _ = set_interval_with_handle(show_clock, std::time::Duration::from_secs(1));

    let position = super::url::slice(|s| s.position);
    let aside_label = aside.clone();
    Effect::new(move |_| {
        let (lang, p) = (lang.get(), position.get());
        let _ = aside_label.set_attribute("aria-label", &say(lang, Key::SpeakerLabel));
        where_line.set_text_content(Some(&lang.message(&msg::SpeakerWhere {
            n: &(p.index() + 1).to_string(),
            total: &Position::count().to_string(),
        })));
        let answer = p.beat().question.map(|q| {
            lang.message(&msg::SpeakerAnswer {
                answer: &say(lang, q.choices[q.answer]),
            })
        });
        answer_line.set_text_content(answer.as_deref());
        next_heading.set_text_content(Some(&say(lang, Key::SpeakerNext)));
        let next = match p.next() {
            None => say(lang, Key::SpeakerLast).to_string(),
            Some(n) => {
                let title = say(lang, crate::story::chapters::CHAPTERS[n.chapter].title);
                match n.beat().claims.first() {
                    Some(c) => format!("{title} — {}", first_sentence(&say(lang, c.text))),
                    None => title.to_string(),
                }
            }
        };
        next_line.set_text_content(Some(&next));
        help_line.set_text_content(Some(&say(lang, Key::SpeakerHelp)));
        open.set_text_content(Some(&say(lang, Key::SpeakerOpenAudience)));
    });

    let open_audience = Closure::<dyn Fn()>::new(move || {
        let state = super::url::shared().with_untracked(|s| {
            let mut a = s.clone();
            a.speaker = false;
            a.detail = crate::share::Detail::Story;
            a
        });
        if let Some(w) = web_sys::window() {
            let _ = w.open_with_url_and_target(&super::url::link_to(&state), "_blank");
        }
    });
    let button = doc.get_element_by_id("open-audience")?;
    let _ =
        button.add_event_listener_with_callback("click", open_audience.as_ref().unchecked_ref());
    open_audience.forget();
    Some(())
}

/// The first sentence of `text` (Japanese or English), with its full stop.
pub fn first_sentence(text: &str) -> &str {
    let ends = ["。", ". ", "? ", "！", "？"];
    ends.iter()
        .filter_map(|end| text.find(end).map(|i| i + end.trim_end().len()))
        .min()
        .map_or(text, |i| &text[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_screen_is_told_by_its_first_sentence() {
        assert_eq!(first_sentence("One. Two. Three."), "One.");
        assert_eq!(first_sentence("一つめ。二つめ。"), "一つめ。");
        assert_eq!(
            first_sentence("dynamodb.us-east-1.amazonaws.com is a name. Next."),
            "dynamodb.us-east-1.amazonaws.com is a name."
        );
        assert_eq!(first_sentence("No stop at all"), "No stop at all");
    }

    #[test]
    fn messages_round_trip_and_strangers_are_ignored() {
        let mut p = Some(Position::first());
        while let Some(at) = p {
            for (revealed, blank) in [(false, false), (true, false), (false, true)] {
                let s = Sync::At {
                    position: at,
                    revealed,
                    blank,
                };
                assert_eq!(Sync::parse(&s.encode()), Some(s));
            }
            p = at.next();
        }
        assert_eq!(Sync::parse(&Sync::Ask.encode()), Some(Sync::Ask));
        for stranger in ["", "at:", "at:1.2", "at:a.b.c.d", "hello", "at:1.2.3"] {
            assert_eq!(Sync::parse(stranger), None, "{stranger:?}");
        }
        // A position from a longer story is clamped, not an error.
        assert_eq!(
            Sync::parse("at:99.99.0.0"),
            Some(Sync::At {
                position: Position::last(),
                revealed: false,
                blank: false
            })
        );
    }
}
