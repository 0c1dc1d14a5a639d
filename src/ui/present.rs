//! Presenter mode (`?present=1`): the story one beat at a time, filling the
//! screen in large type without the page's chrome (`public/classroom.css`),
//! driven by the keys a presentation clicker sends. PageDown, →, ↓ and
//! Space go forward; PageUp, ← and ↑ go back; Home and End go to the ends;
//! B or . blanks the screen (any key brings it back); F (or a clicker's F5)
//! asks for full screen; Escape leaves presenter mode. A beat with a
//! "what happens next?" question pauses: the question shows first, and the
//! next press reveals the answer (by choosing it in the story's own quiz);
//! the press after that moves on.
//!
//! Lesson mode (`?present=1&lesson=15` or `lesson=45`, opened from the
//! teacher's page) follows that lesson's route ([`crate::routes`]): the
//! keys step only through the route's screens, and the speaker's window
//! counts them ("screen 4 of 18") beside the route's prompt and a class
//! vote before each reveal. Without `lesson`, every beat, as before.
//!
//! What the presenter shows (the answer revealed, the screen blanked, the
//! class's votes) lives in signals ([`Presenter`]); the page is drawn from
//! them and never read back.
//!
//! The keys are read before the story's own (capture phase) so that Space
//! steps rather than plays. `?present=notes` opens the speaker's window,
//! and every presenter window keeps in step with the others
//! ([`super::speaker`]). The key table and the stepping are pure and
//! tested natively; the browser part only applies them.

use crate::routes::{RouteId, SchoolTime};
use crate::story::chapters::Position;

/// What a key does in presenter mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    Next,
    Prev,
    First,
    Last,
    /// Blank the screen, or bring it back.
    Blank,
    FullScreen,
    Leave,
}

/// The press a key means (`KeyboardEvent.key`), if any. Keys with Ctrl,
/// Alt or Meta are the browser's; keys typed into a form field are the
/// field's.
pub fn press_for(key: &str, modified: bool, in_field: bool) -> Option<Press> {
    if modified || in_field {
        return None;
    }
    Some(match key {
        "PageDown" | "ArrowRight" | "ArrowDown" | " " | "Spacebar" => Press::Next,
        "PageUp" | "ArrowLeft" | "ArrowUp" => Press::Prev,
        "Home" => Press::First,
        "End" => Press::Last,
        "b" | "B" | "." => Press::Blank,
        "f" | "F" | "F5" => Press::FullScreen,
        "Escape" => Press::Leave,
        _ => return None,
    })
}

/// Where a press goes from `at`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Show another beat.
    To(Position),
    /// Reveal the answer of this beat's question.
    Reveal,
    /// Nothing to do (the first or last beat).
    Stay,
}

/// The move for a stepping press at `at`; `revealed` says whether the
/// beat's question (if any) already shows its answer. In lesson mode
/// (`lesson`), only the route's screens: a screen off the route steps to
/// the route's nearest screen that way (and asks no question).
pub fn step(at: Position, revealed: bool, press: Press, lesson: Option<RouteId>) -> Move {
    let to = |p: Option<Position>| p.map_or(Move::Stay, Move::To);
    let Some(route) = lesson.map(RouteId::route) else {
        return match press {
            Press::Next if at.beat().question.is_some() && !revealed => Move::Reveal,
            Press::Next => to(at.next()),
            Press::Prev => to(at.prev()),
            Press::First => to((at != Position::first()).then(Position::first)),
            Press::Last => to((at != Position::last()).then(Position::last)),
            Press::Blank | Press::FullScreen | Press::Leave => Move::Stay,
        };
    };
    let screens = route.screens();
    let on_route = screens.contains(&at);
    match press {
        Press::Next if on_route && at.beat().question.is_some() && !revealed => Move::Reveal,
        Press::Next => to(route.next_screen(at)),
        Press::Prev => to(route.prev_screen(at)),
        Press::First => to(screens.first().copied().filter(|&p| p != at)),
        Press::Last => to(screens.last().copied().filter(|&p| p != at)),
        Press::Blank | Press::FullScreen | Press::Leave => Move::Stay,
    }
}

/// How many hands went up for each choice of a beat's question (at most
/// three choices; a count the teacher types, 0–999).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Votes {
    pub position: Option<Position>,
    pub counts: [u16; 3],
}

impl Votes {
    /// The largest count a teacher can type.
    pub const MAX: u16 = 999;

    /// The votes for `at`, or none if these are another beat's.
    pub fn at(self, at: Position) -> [u16; 3] {
        if self.position == Some(at) {
            self.counts
        } else {
            [0; 3]
        }
    }

    /// With `choice`'s count set at `at` (other beats' votes dropped).
    pub fn with(self, at: Position, choice: usize, count: u16) -> Votes {
        let mut counts = self.at(at);
        if let Some(c) = counts.get_mut(choice) {
            *c = count.min(Votes::MAX);
        }
        Votes {
            position: Some(at),
            counts,
        }
    }

    pub fn total(self, at: Position) -> u32 {
        self.at(at).iter().map(|&c| u32::from(c)).sum()
    }
}

/// When the page went blank, in the class's zone (`offset_min` east of
/// UTC), from lesson mode's texts: `pattern` with `{time}`, `{day}`,
/// `{place}` and `{school}`; `text` looks up the teacher's texts.
pub fn class_time(
    lang: crate::i18n::Lang,
    offset_min: i32,
    place: &str,
    text: impl Fn(&str) -> String,
) -> String {
    let (day, hour, minute, school): (u32, u32, u32, SchoolTime) =
        crate::routes::blank_moment(offset_min);
    text("teach.class_time")
        .replace("{time}", &format!("{hour:02}:{minute:02}"))
        .replace("{day}", lang.text(crate::routes::weekday_key(day)))
        .replace("{place}", place)
        .replace(
            "{school}",
            &text(&format!("teach.school.{}", school.code())),
        )
}

/// Lesson mode's texts in one language: key and text, in file order.
pub type LessonTexts = (crate::i18n::Lang, Vec<(String, String)>);

/// What every presenter window shows beyond the beat: held in signals, so
/// the page is drawn from them (the screen's class, the vote panel, the
/// speaker's notes) and nothing is read back from the page.
#[derive(Clone, Copy)]
pub struct Presenter {
    /// The beat's question shows its answer.
    pub revealed: leptos::prelude::RwSignal<bool>,
    /// The class's screen is blanked.
    pub blank: leptos::prelude::RwSignal<bool>,
    /// The class's votes on the question of the beat they were cast at.
    pub votes: leptos::prelude::RwSignal<Votes>,
    /// Lesson mode's texts (`public/lesson.<lang>.json`), once fetched.
    pub texts: leptos::prelude::RwSignal<Option<LessonTexts>>,
}

thread_local! {
    static PRESENTER: std::cell::Cell<Option<Presenter>> = const { std::cell::Cell::new(None) };
}

/// This window's presenter state (made on first use).
pub fn presenter() -> Presenter {
    use leptos::prelude::RwSignal;
    PRESENTER.with(|p| {
        p.get().unwrap_or_else(|| {
            let made = Presenter {
                revealed: RwSignal::new(false),
                blank: RwSignal::new(false),
                votes: RwSignal::new(Votes::default()),
                texts: RwSignal::new(None),
            };
            p.set(Some(made));
            made
        })
    })
}

/// Starts presenter mode on the mounted story.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;
    use leptos::wasm_bindgen::closure::Closure;

    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else {
        return;
    };
    let Some(root) = doc.document_element() else {
        return;
    };
    let _ = root.class_list().add_1("present");
    let state = presenter();
    let lesson = super::url::shared().with_untracked(|s| s.lesson);
    if let Some(route) = lesson {
        let _ = root.set_attribute("data-lesson", route.code());
    }
    // Its look lives with the classroom's, outside the app's first load.
    if let (Ok(link), Some(head)) = (doc.create_element("link"), doc.head()) {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "public/classroom.css");
        let _ = head.append_child(&link);
    }
    // The screen is drawn from the state: blanked or not.
    let blank_root = root.clone();
    Effect::new(move |_| {
        let classes = blank_root.class_list();
        let _ = if state.blank.get() {
            classes.add_1("blank")
        } else {
            classes.remove_1("blank")
        };
    });
    // A new beat starts with its question unanswered.
    let position = super::url::slice(|s| s.position);
    Effect::new(move |prev: Option<Position>| {
        let p = position.get();
        if prev.is_some_and(|q| q != p) {
            state.revealed.set(false);
        }
        p
    });
    super::speaker::load_texts();
    super::speaker::show_votes(&doc);
    // The class's screen fits the viewport: again for each beat, each
    // reveal and each resize.
    if !super::url::shared().with_untracked(|s| s.speaker) {
        Effect::new(move |_| {
            let _ = (position.get(), state.revealed.get(), state.votes.get());
            fit_soon();
        });
        let on_resize = Closure::<dyn Fn()>::new(fit_soon);
        let _ =
            window.add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
        on_resize.forget();
    }
    let on_key =
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            if !super::url::shared().with_untracked(|s| s.present) {
                return;
            }
            let in_field = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                });
            let modified = e.ctrl_key() || e.alt_key() || e.meta_key();
            let Some(press) = press_for(&e.key(), modified, in_field) else {
                return;
            };
            e.prevent_default();
            e.stop_propagation();
            // A blank screen comes back on any key, and only that.
            if state.blank.get_untracked() {
                state.blank.set(false);
                super::speaker::tell(super::speaker::here());
                return;
            }
            match press {
                Press::Blank => {
                    state.blank.set(true);
                    super::speaker::tell(super::speaker::here());
                }
                Press::FullScreen => {
                    let doc = web_sys::window().and_then(|w| w.document());
                    if let Some(doc) = doc.filter(|d| d.fullscreen_element().is_none()) {
                        // Refused (no user gesture, or not allowed): stay as is.
                        if let Some(root) = doc.document_element() {
                            let _ = root.request_fullscreen();
                        }
                    }
                }
                Press::Leave => {
                    if let Some(root) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.document_element())
                    {
                        let _ = root.class_list().remove_1("present");
                    }
                    super::url::change(|s| s.present = false);
                }
                _ => {
                    let at = super::url::shared().with_untracked(|s| s.position);
                    match step(at, state.revealed.get_untracked(), press, lesson) {
                        Move::To(p) => {
                            super::url::change(|s| s.go_to(p));
                            state.revealed.set(false);
                        }
                        Move::Reveal => {
                            reveal_answer(at);
                            state.revealed.set(true);
                        }
                        Move::Stay => {}
                    }
                    // The other presenter windows follow.
                    super::speaker::tell(super::speaker::here());
                }
            }
        });
    // Capture phase: before the story's own keys (Space would play).
    let _ = window.add_event_listener_with_callback_and_bool(
        "keydown",
        on_key.as_ref().unchecked_ref(),
        true,
    );
    on_key.forget();
    // A choice clicked with the mouse reveals the answer too.
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |e: web_sys::MouseEvent| {
        let chose = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".quiz .choice").ok().flatten())
            .is_some();
        if chose && !state.revealed.get_untracked() {
            state.revealed.set(true);
            super::speaker::tell(super::speaker::here());
        }
    });
    let _ = window.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
    // The speaker's window: the engineer's detail as talking points, and
    // the notes beside the beat.
    if super::url::shared().with_untracked(|s| s.speaker) {
        let _ = root.class_list().add_1("speaker");
        super::url::change(|s| s.detail = crate::share::Detail::Engineer);
        super::speaker::show_notes(&doc);
    }
    super::speaker::join();
}

/// Fits the beat to the screen once it is drawn (and again when its
/// picture has settled).
#[cfg(target_arch = "wasm32")]
fn fit_soon() {
    use leptos::prelude::set_timeout;
    for ms in [0, 250, 900] {
        set_timeout(fit, std::time::Duration::from_millis(ms));
    }
}

/// Makes the class's screen one viewport tall: the largest of the type
/// and picture sizes `fit-0` (full) to `fit-8` (0.6) at which the page
/// does not scroll (`public/classroom.css`). Measures the layout; reads no
/// state from the page.
#[cfg(target_arch = "wasm32")]
fn fit() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let classes = root.class_list();
    let set = |n: u32| {
        for i in 0..=8 {
            let _ = classes.remove_1(&format!("fit-{i}"));
        }
        let _ = classes.add_1(&format!("fit-{n}"));
    };
    let overflows = || root.scroll_height() > root.client_height();
    for n in 0..=8 {
        set(n);
        if !overflows() {
            return;
        }
    }
}

/// Shows the answer of the question at `at`, as a reader choosing it in
/// the story's own quiz would (nothing when the beat has no question, its
/// answer already shows, or it is not drawn yet).
#[cfg(target_arch = "wasm32")]
pub fn reveal_answer(at: crate::story::chapters::Position) {
    use leptos::wasm_bindgen::JsCast;

    let Some(question) = at.beat().question else {
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // The story's quiz keeps its own choice: choosing twice would change it.
    if doc.query_selector(".quiz .reveal").ok().flatten().is_some() {
        return;
    }
    let selector = format!(
        ".quiz .choices li:nth-child({}) .choice",
        question.answer + 1
    );
    if let Some(button) = doc
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        button.click();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::chapters::CHAPTERS;

    #[test]
    fn a_clickers_keys_step_blank_and_leave() {
        for key in ["PageDown", "ArrowRight", "ArrowDown", " "] {
            assert_eq!(press_for(key, false, false), Some(Press::Next), "{key}");
        }
        for key in ["PageUp", "ArrowLeft", "ArrowUp"] {
            assert_eq!(press_for(key, false, false), Some(Press::Prev), "{key}");
        }
        for key in ["b", "B", "."] {
            assert_eq!(press_for(key, false, false), Some(Press::Blank), "{key}");
        }
        assert_eq!(press_for("F5", false, false), Some(Press::FullScreen));
        assert_eq!(press_for("Escape", false, false), Some(Press::Leave));
        assert_eq!(press_for("PageDown", true, false), None);
        assert_eq!(press_for("b", false, true), None);
        assert_eq!(press_for("x", false, false), None);
    }

    #[test]
    fn forward_through_every_beat_pauses_once_at_each_question() {
        let mut at = Position::first();
        let (mut presses, mut reveals, mut seen) = (0, 0, 1);
        let mut revealed = false;
        loop {
            match step(at, revealed, Press::Next, None) {
                Move::To(p) => {
                    assert_eq!(at.next(), Some(p));
                    (at, revealed) = (p, false);
                    seen += 1;
                }
                Move::Reveal => {
                    assert!(!revealed);
                    revealed = true;
                    reveals += 1;
                }
                Move::Stay => break,
            }
            presses += 1;
        }
        let questions = CHAPTERS
            .iter()
            .flat_map(|c| c.beats.iter())
            .filter(|b| b.question.is_some())
            .count();
        assert_eq!(at, Position::last());
        assert_eq!(seen, Position::count());
        assert_eq!(reveals, questions);
        assert_eq!(presses, Position::count() - 1 + questions);
        // Back never pauses, and stops at the first beat.
        assert_eq!(
            step(Position::first(), false, Press::Prev, None),
            Move::Stay
        );
        assert_eq!(
            step(Position::last(), false, Press::First, None),
            Move::To(Position::first())
        );
        assert_eq!(step(Position::last(), false, Press::Last, None), Move::Stay);
    }

    #[test]
    fn a_lesson_steps_only_through_its_route_and_pauses_at_its_questions() {
        for id in RouteId::ALL {
            let screens = id.route().screens();
            let questions = screens
                .iter()
                .filter(|p| p.beat().question.is_some())
                .count();
            let (mut at, mut revealed) = (screens[0], false);
            let mut seen = vec![at];
            let mut reveals = 0;
            loop {
                match step(at, revealed, Press::Next, Some(id)) {
                    Move::To(p) => {
                        (at, revealed) = (p, false);
                        seen.push(p);
                    }
                    Move::Reveal => {
                        revealed = true;
                        reveals += 1;
                    }
                    Move::Stay => break,
                }
            }
            assert_eq!(seen, screens, "{id:?}");
            assert_eq!(reveals, questions);
            assert!(questions >= 1);
            // Back and the ends stay on the route too.
            assert_eq!(
                step(screens[2], false, Press::Prev, Some(id)),
                Move::To(screens[1])
            );
            assert_eq!(
                step(screens[2], false, Press::Last, Some(id)),
                Move::To(*screens.last().unwrap())
            );
            assert_eq!(step(screens[0], false, Press::First, Some(id)), Move::Stay);
            // From a screen off the route, the next press returns to it.
            let off = Position {
                chapter: 7,
                beat: 0,
            };
            assert!(!screens.contains(&off));
            assert!(
                matches!(step(off, false, Press::Next, Some(id)), Move::To(p) if screens.contains(&p))
            );
        }
    }

    #[test]
    fn votes_belong_to_one_beat_and_are_capped() {
        let a = Position {
            chapter: 3,
            beat: 3,
        };
        let b = Position {
            chapter: 5,
            beat: 2,
        };
        let v = Votes::default()
            .with(a, 0, 4)
            .with(a, 1, 12)
            .with(a, 2, 5000);
        assert_eq!(v.at(a), [4, 12, Votes::MAX]);
        assert_eq!(v.total(a), 4 + 12 + 999);
        assert_eq!(v.at(b), [0; 3]);
        assert_eq!(v.with(b, 1, 3).at(a), [0; 3]);
        assert_eq!(v.with(a, 7, 3), v);
    }

    #[test]
    fn the_class_hook_says_the_class_own_time() {
        use crate::i18n::Lang;
        let texts = |k: &str| match k {
            "teach.class_time" => "at about {time} on {day} {place}, {school}".to_string(),
            "teach.school.getting_ready" => "as pupils were getting ready for school".to_string(),
            other => other.to_string(),
        };
        assert_eq!(
            class_time(Lang::En, 60, "in the UK", texts),
            "at about 07:48 on Monday in the UK, as pupils were getting ready for school"
        );
    }
}
