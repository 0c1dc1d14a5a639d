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
//! In lesson mode (`lesson=`) the notes follow the lesson's route: which of
//! its screens this is, the route's prompt ("what to do and ask"), the labs
//! and discussion that follow, and before each reveal a class vote (hands up
//! for each choice, the counts typed here and shown on the class's screen
//! with the answer). Their words are the teacher's
//! (`public/lesson.<lang>.json`, fetched only by presenter windows).
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
    /// The class's votes on the question at `position`.
    Votes {
        position: Position,
        counts: [u16; 3],
    },
}

impl Sync {
    /// The message as sent: `?`, `at:<chapter>.<beat>.<revealed>.<blank>`
    /// (zero-based, flags as 0 or 1), or `votes:<chapter>.<beat>.<a>.<b>.<c>`.
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
            Sync::Votes { position, counts } => format!(
                "votes:{}.{}.{}.{}.{}",
                position.chapter, position.beat, counts[0], counts[1], counts[2]
            ),
        }
    }

    /// A received message; `None` for anything else (another version of
    /// the page, another use of the channel). Positions are clamped.
    pub fn parse(message: &str) -> Option<Sync> {
        if message == "?" {
            return Some(Sync::Ask);
        }
        if let Some(rest) = message.strip_prefix("votes:") {
            let mut parts = rest.split('.');
            let mut next = || parts.next()?.parse::<usize>().ok();
            let (chapter, beat) = (next()?, next()?);
            let mut counts = [0u16; 3];
            for c in &mut counts {
                *c = next()?.min(usize::from(super::present::Votes::MAX)) as u16;
            }
            return Some(Sync::Votes {
                position: Position::clamped(chapter, beat),
                counts,
            });
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

/// Where this window is, from its state.
#[cfg(target_arch = "wasm32")]
pub fn here() -> Sync {
    use leptos::prelude::*;

    let state = super::present::presenter();
    Sync::At {
        position: super::url::shared().with_untracked(|s| s.position),
        revealed: state.revealed.get_untracked(),
        blank: state.blank.get_untracked(),
    }
}

/// Joins the presenter windows' channel: applies what the others say, and
/// asks where they are.
#[cfg(target_arch = "wasm32")]
pub fn join() {
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;
    use leptos::wasm_bindgen::closure::Closure;

    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        // No channel (an old browser): each window steps on its own.
        return;
    };
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            match e.data().as_string().as_deref().and_then(Sync::parse) {
                Some(Sync::Ask) => {
                    tell(here());
                    let votes = super::present::presenter().votes.get_untracked();
                    if let Some(position) = votes.position {
                        tell(Sync::Votes {
                            position,
                            counts: votes.counts,
                        });
                    }
                }
                Some(Sync::Votes { position, counts }) => {
                    super::present::presenter()
                        .votes
                        .set(super::present::Votes {
                            position: Some(position),
                            counts,
                        });
                }
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

    let state = super::present::presenter();
    state.blank.set(blank);
    if super::url::shared().with_untracked(|s| s.position) != position {
        super::url::change(|s| s.go_to(position));
    }
    state.revealed.set(revealed);
    if revealed {
        // Once the beat is drawn.
        set_timeout(
            move || super::present::reveal_answer(position),
            std::time::Duration::ZERO,
        );
    }
}

/// Fetches lesson mode's texts in the page's language (again when it
/// changes); until they come, the notes show what they can without them.
#[cfg(target_arch = "wasm32")]
pub fn load_texts() {
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let state = super::present::presenter();
    let lang = super::url::lang();
    Effect::new(move |_| {
        let lang = lang.get();
        if state
            .texts
            .with_untracked(|t| t.as_ref().is_some_and(|(l, _)| *l == lang))
        {
            return;
        }
        leptos::task::spawn_local(async move {
            let href = format!("public/lesson.{}.json", lang.code());
            let Some(window) = web_sys::window() else {
                return;
            };
            let Ok(response) = JsFuture::from(window.fetch_with_str(&href)).await else {
                return;
            };
            let Ok(response) = response.dyn_into::<web_sys::Response>() else {
                return;
            };
            let Ok(text) = response.text() else {
                return;
            };
            let Ok(text) = JsFuture::from(text).await else {
                return;
            };
            let Ok(parsed) = js_sys::JSON::parse(&text.as_string().unwrap_or_default()) else {
                return;
            };
            let entries: Vec<(String, String)> = js_sys::Object::entries(&parsed.unchecked_into())
                .iter()
                .filter_map(|pair| {
                    let pair: js_sys::Array = pair.unchecked_into();
                    Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
                })
                .collect();
            state.texts.set(Some((lang, entries)));
        });
    });
}

/// A text of lesson mode in `lang`, tracked; `None` until fetched.
#[cfg(target_arch = "wasm32")]
fn lesson_text(lang: crate::i18n::Lang, key: &str) -> Option<String> {
    use leptos::prelude::*;

    super::present::presenter().texts.with(|t| {
        let (l, entries) = t.as_ref()?;
        (*l == lang)
            .then(|| {
                entries
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
            })
            .flatten()
    })
}

/// A route's prompt, its times in the reader's zone and the class's own
/// time of the blank page filled in (the zone the reader chose, or this
/// device's).
#[cfg(target_arch = "wasm32")]
fn prompt_text(lang: crate::i18n::Lang, key: &str) -> Option<String> {
    use crate::time::ZoneChoice;
    use leptos::prelude::*;

    let raw = lesson_text(lang, key)?;
    let text = |k: &str| lesson_text(lang, k).unwrap_or_default();
    // A class that chose no zone is where its device is.
    let choice = if super::url::shared().with_untracked(|s| s.zone.is_none()) {
        ZoneChoice::Local
    } else {
        super::clock::choice(lang)
    };
    let offset = choice
        .resolve(super::clock::device_offset_min())
        .offset_min();
    let place = match (choice, offset) {
        (ZoneChoice::Local, 540) => "jst",
        (ZoneChoice::Local, -420) => "pdt",
        (c, _) => c.code(),
    };
    let hook = super::present::class_time(
        lang,
        offset,
        &text(&format!("teach.class_place.{place}")),
        text,
    );
    Some(
        super::clock::clock(lang)
            .expand(&raw)
            .replace("{class_time}", &hook),
    )
}

/// The class's votes on the class's screen, shown with the answer: one line
/// a choice, with its count and a bar.
#[cfg(target_arch = "wasm32")]
pub fn show_votes(doc: &web_sys::Document) -> Option<()> {
    use super::clock::say;
    use leptos::prelude::*;

    let panel = doc.create_element("aside").ok()?;
    panel.set_id("class-vote");
    panel.set_class_name("class-vote");
    let _ = panel.set_attribute("hidden", "");
    let _ = panel.set_attribute("aria-live", "polite");
    doc.body()?.append_child(&panel).ok()?;
    let state = super::present::presenter();
    let position = super::url::slice(|s| s.position);
    let lang = super::url::lang();
    let doc = doc.clone();
    Effect::new(move |_| {
        let (lang, p) = (lang.get(), position.get());
        let votes = state.votes.get();
        let question = p.beat().question;
        let show = state.revealed.get() && votes.total(p) > 0 && question.is_some();
        // The class's screen makes room for it (`public/classroom.css`).
        if let Some(root) = doc.document_element() {
            let _ = if show {
                root.class_list().add_1("voted")
            } else {
                root.class_list().remove_1("voted")
            };
        }
        let Some(q) = question.filter(|_| show) else {
            let _ = panel.set_attribute("hidden", "");
            return;
        };
        panel.set_text_content(None);
        let total = votes.total(p).max(1);
        if let Ok(h) = doc.create_element("h2") {
            h.set_text_content(lesson_text(lang, "teach.lesson.class_vote").as_deref());
            let _ = panel.append_child(&h);
        }
        let Ok(list) = doc.create_element("ol") else {
            return;
        };
        for (i, &choice) in q.choices.iter().enumerate() {
            let n = votes.at(p).get(i).copied().unwrap_or(0);
            let Ok(li) = doc.create_element("li") else {
                continue;
            };
            if i == q.answer {
                li.set_class_name("right");
            }
            let bar = doc.create_element("span").ok();
            if let Some(bar) = &bar {
                bar.set_class_name("vote-bar");
                let _ = bar.set_attribute("data-share", &format!("{}", u32::from(n) * 100 / total));
                // The share as the bar's width: a class per tenth (no
                // inline style under the page's policy).
                let tenth = (u32::from(n) * 10 + total / 2) / total;
                bar.set_class_name(&format!("vote-bar share-{tenth}"));
            }
            let label = doc.create_element("span").ok();
            if let Some(label) = &label {
                label.set_class_name("vote-choice");
                label.set_text_content(Some(&say(lang, choice)));
            }
            let count = doc.create_element("strong").ok();
            if let Some(count) = &count {
                count.set_class_name("vote-count");
                count.set_text_content(Some(&n.to_string()));
            }
            for part in [count, label, bar].into_iter().flatten() {
                let _ = li.append_child(&part);
            }
            let _ = list.append_child(&li);
        }
        let _ = panel.append_child(&list);
        let _ = panel.remove_attribute("hidden");
    });
    Some(())
}

/// The speaker's notes beside the beat: where the talk is, the lesson's
/// prompt (in lesson mode), the beat's answer, a class vote, what comes
/// next, and a clock. Plain DOM, updated in place from the state (a few
/// lines of text that only presenters see: no view code in the wasm that
/// every reader downloads).
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
    let prompt_heading = line("h2", "speaker-prompt-heading")?;
    let prompt_line = line("p", "speaker-prompt")?;
    let then_box = line("div", "speaker-then")?;
    let answer_line = line("p", "speaker-answer")?;
    let vote_box = line("div", "speaker-vote")?;
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

    let state = super::present::presenter();
    let lesson = super::url::shared().with_untracked(|s| s.lesson);
    let position = super::url::slice(|s| s.position);
    let aside_label = aside.clone();
    let doc_notes = doc.clone();
    Effect::new(move |_| {
        let (lang, p) = (lang.get(), position.get());
        let revealed = state.revealed.get();
        let text = |k: &str| lesson_text(lang, k);
        let _ = aside_label.set_attribute("aria-label", &say(lang, Key::SpeakerLabel));
        let route = lesson.map(|id| (id, id.route()));
        // Where: the route's screen, or the story's beat.
        let where_text = match route {
            Some((id, r)) => match r.screen_index(p) {
                Some(i) => text("teach.lesson.where").map(|w| {
                    crate::i18n::fill(
                        &w,
                        &[
                            (
                                "lesson",
                                &text(&format!("teach.lesson.name_{}", id.code()))
                                    .unwrap_or_default(),
                            ),
                            ("n", &(i + 1).to_string()),
                            ("total", &r.screens().len().to_string()),
                        ],
                    )
                }),
                None => text("teach.lesson.off_route"),
            }
            .unwrap_or_else(|| {
                lang.message(&msg::SpeakerWhere {
                    n: &(r.screen_index(p).map_or(0, |i| i + 1)).to_string(),
                    total: &r.screens().len().to_string(),
                })
            }),
            None => lang.message(&msg::SpeakerWhere {
                n: &(p.index() + 1).to_string(),
                total: &Position::count().to_string(),
            }),
        };
        where_line.set_text_content(Some(&where_text));
        // The route's prompt for this screen, and what follows it.
        let stop = route.and_then(|(_, r)| r.stop_at(p).map(|i| r.stops[i]));
        prompt_heading.set_text_content(stop.and_then(|_| text("teach.lesson.prompt")).as_deref());
        prompt_line.set_text_content(stop.and_then(|s| prompt_text(lang, s.prompt)).as_deref());
        then_box.set_text_content(None);
        if let Some((_, r)) = route {
            let then = r.then(p);
            if !then.is_empty() {
                if let Ok(h) = doc_notes.create_element("h2") {
                    h.set_text_content(text("teach.lesson.then").as_deref());
                    let _ = then_box.append_child(&h);
                }
                for s in then {
                    let title = match s.kind {
                        crate::routes::StopKind::Lab { experiment } => {
                            text(&format!("teach.lab.{experiment}"))
                        }
                        _ => text("teach.discuss_step"),
                    };
                    if let Ok(para) = doc_notes.create_element("p") {
                        para.set_text_content(Some(&format!(
                            "{} — {}",
                            title.unwrap_or_default(),
                            prompt_text(lang, s.prompt).unwrap_or_default()
                        )));
                        let _ = then_box.append_child(&para);
                    }
                }
            }
        }
        // The answer, before the class sees it.
        let answer = p.beat().question.map(|q| {
            let said = lang.message(&msg::SpeakerAnswer {
                answer: &say(lang, q.choices[q.answer]),
            });
            match text("teach.lesson.answer_first").filter(|_| !revealed) {
                Some(not_yet) => format!("{said} {not_yet}"),
                None => said,
            }
        });
        answer_line.set_text_content(answer.as_deref());
        // The class vote: a count per choice.
        vote_box.set_text_content(None);
        if let Some(q) = p.beat().question {
            build_vote(&doc_notes, &vote_box, lang, p, q, &text);
        }
        next_heading.set_text_content(Some(&say(lang, Key::SpeakerNext)));
        let next = match route {
            Some((_, r)) => r.next_screen(p),
            None => p.next(),
        };
        let next = match next {
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

/// The class vote's fields in the speaker's window: one count a choice,
/// kept in the state and sent to the other windows as it is typed.
#[cfg(target_arch = "wasm32")]
fn build_vote(
    doc: &web_sys::Document,
    into: &web_sys::Element,
    lang: crate::i18n::Lang,
    at: Position,
    q: crate::story::chapters::Question,
    text: &dyn Fn(&str) -> Option<String>,
) -> Option<()> {
    use super::clock::say;
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;
    use leptos::wasm_bindgen::closure::Closure;

    let state = super::present::presenter();
    let h = doc.create_element("h2").ok()?;
    h.set_text_content(text("teach.lesson.vote").as_deref());
    into.append_child(&h).ok()?;
    let help = doc.create_element("p").ok()?;
    help.set_class_name("vote-help");
    help.set_text_content(text("teach.lesson.vote_help").as_deref());
    into.append_child(&help).ok()?;
    let counts = state.votes.get_untracked().at(at);
    for (i, &choice) in q.choices.iter().enumerate().take(3) {
        let label = doc.create_element("label").ok()?;
        label.set_class_name("vote-field");
        let name = doc.create_element("span").ok()?;
        name.set_text_content(Some(&format!(
            "{}. {}",
            char::from(b'A' + i as u8),
            say(lang, choice)
        )));
        let input: web_sys::HtmlInputElement = doc.create_element("input").ok()?.dyn_into().ok()?;
        input.set_type("number");
        input.set_min("0");
        input.set_max(&super::present::Votes::MAX.to_string());
        let _ = input.set_attribute("inputmode", "numeric");
        input.set_class_name(&format!("vote-input vote-{i}"));
        if counts[i] > 0 {
            input.set_value(&counts[i].to_string());
        }
        let field = input.clone();
        let on_input = Closure::<dyn Fn()>::new(move || {
            let n = field.value().trim().parse::<u16>().unwrap_or(0);
            let votes = state.votes.get_untracked().with(at, i, n);
            state.votes.set(votes);
            tell(Sync::Votes {
                position: at,
                counts: votes.counts,
            });
        });
        let _ = input.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        on_input.forget();
        label.append_child(&name).ok()?;
        label.append_child(&input).ok()?;
        into.append_child(&label).ok()?;
    }
    let total = doc.create_element("p").ok()?;
    total.set_class_name("vote-total");
    into.append_child(&total).ok()?;
    let pattern = text("teach.lesson.vote_total").unwrap_or_default();
    Effect::new(move |_| {
        let n = state.votes.get().total(at);
        total.set_text_content(Some(&crate::i18n::fill(
            &pattern,
            &[("count", &n.to_string())],
        )));
    });
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
        let votes = Sync::Votes {
            position: Position::first(),
            counts: [3, 0, 999],
        };
        assert_eq!(Sync::parse(&votes.encode()), Some(votes));
        assert_eq!(
            Sync::parse("votes:0.0.1.2.100000"),
            Some(Sync::Votes {
                position: Position::first(),
                counts: [1, 2, 999]
            })
        );
        assert_eq!(Sync::parse("votes:0.0.1.2"), None);
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
