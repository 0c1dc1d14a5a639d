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
//! The keys are read before the story's own (capture phase) so that Space
//! steps rather than plays. `?present=notes` opens the speaker's window,
//! and every presenter window keeps in step with the others
//! ([`super::speaker`]). The key table and the stepping are pure and
//! tested natively; the browser part only applies them.

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
/// beat's question (if any) already shows its answer.
pub fn step(at: Position, revealed: bool, press: Press) -> Move {
    let to = |p: Option<Position>| p.map_or(Move::Stay, Move::To);
    match press {
        Press::Next if at.beat().question.is_some() && !revealed => Move::Reveal,
        Press::Next => to(at.next()),
        Press::Prev => to(at.prev()),
        Press::First => to((at != Position::first()).then(Position::first)),
        Press::Last => to((at != Position::last()).then(Position::last)),
        Press::Blank | Press::FullScreen | Press::Leave => Move::Stay,
    }
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
    // Its look lives with the classroom's, outside the app's first load.
    if let (Ok(link), Some(head)) = (doc.create_element("link"), doc.head()) {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "public/classroom.css");
        let _ = head.append_child(&link);
    }
    let on_key =
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let Some(root) = doc.document_element() else {
                return;
            };
            let classes = root.class_list();
            if !classes.contains("present") {
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
            if classes.contains("blank") {
                let _ = classes.remove_1("blank");
                super::speaker::tell(super::speaker::here());
                return;
            }
            match press {
                Press::Blank => {
                    let _ = classes.add_1("blank");
                    super::speaker::tell(super::speaker::here());
                }
                Press::FullScreen => {
                    if doc.fullscreen_element().is_none() {
                        // Refused (no user gesture, or not allowed): stay as is.
                        let _ = root.request_fullscreen();
                    }
                }
                Press::Leave => {
                    let _ = classes.remove_1("present");
                    super::url::change(|s| s.present = false);
                }
                _ => {
                    let at = super::url::shared().with_untracked(|s| s.position);
                    let revealed = doc.query_selector(".quiz .reveal").ok().flatten().is_some();
                    let (position, revealed) = match step(at, revealed, press) {
                        Move::To(p) => {
                            super::url::change(|s| s.go_to(p));
                            (p, false)
                        }
                        Move::Reveal => {
                            reveal_answer(at);
                            (at, true)
                        }
                        Move::Stay => (at, revealed),
                    };
                    // The other presenter windows follow.
                    super::speaker::tell(super::speaker::Sync::At {
                        position,
                        revealed,
                        blank: false,
                    });
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
    // The speaker's window: the engineer's detail as talking points, and
    // the notes beside the beat.
    if super::url::shared().with_untracked(|s| s.speaker) {
        let _ = root.class_list().add_1("speaker");
        super::url::change(|s| s.detail = crate::share::Detail::Engineer);
        super::speaker::show_notes(&doc);
    }
    super::speaker::join();
}

/// Shows the answer of the question at `at`, as a reader choosing it in
/// the story's own quiz would (nothing when the beat has no question or it
/// is not drawn yet).
#[cfg(target_arch = "wasm32")]
pub fn reveal_answer(at: crate::story::chapters::Position) {
    use leptos::wasm_bindgen::JsCast;

    let Some(question) = at.beat().question else {
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
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
            match step(at, revealed, Press::Next) {
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
        assert_eq!(step(Position::first(), false, Press::Prev), Move::Stay);
        assert_eq!(
            step(Position::last(), false, Press::First),
            Move::To(Position::first())
        );
        assert_eq!(step(Position::last(), false, Press::Last), Move::Stay);
    }
}
