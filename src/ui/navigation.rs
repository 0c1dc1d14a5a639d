//! Where the story's controls lead: the keys the story answers to, and the
//! beat each step reaches, within an embedded chapter when there is one.
//! Pure (no browser), so it is tested natively; the story screen only
//! reads the key and applies the answer.

use crate::story::chapters::Position;

/// A step through the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Prev,
    /// The first beat (of the chapter, in an embedded chapter).
    First,
    /// The last beat (of the chapter, in an embedded chapter).
    Last,
}

/// What a key press asks of the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    Go(Step),
    TogglePlay,
}

/// The story's answer to a key, given the focused element's tag name
/// (upper case, as the DOM reports it) and whether a modifier is held.
/// Form controls keep their own keys; Space also stays with anything it
/// activates (buttons, links, glossary terms).
pub fn key_action(key: &str, focused_tag: &str, modified: bool) -> Option<KeyAction> {
    if modified || matches!(focused_tag, "INPUT" | "SELECT" | "TEXTAREA") {
        return None;
    }
    match key {
        " " if matches!(focused_tag, "BUTTON" | "A" | "SUMMARY") => None,
        " " => Some(KeyAction::TogglePlay),
        "ArrowRight" => Some(KeyAction::Go(Step::Next)),
        "ArrowLeft" => Some(KeyAction::Go(Step::Prev)),
        "Home" => Some(KeyAction::Go(Step::First)),
        "End" => Some(KeyAction::Go(Step::Last)),
        _ => None,
    }
}

/// The beat `step` reaches from `from`, or `None` where the story (or the
/// embedded `chapter`) ends.
pub fn reach(from: Position, step: Step, chapter: Option<usize>) -> Option<Position> {
    let target = match step {
        Step::Next => from.next(),
        Step::Prev => from.prev(),
        Step::First => Some(match chapter {
            Some(c) => Position::clamped(c, 0),
            None => Position::first(),
        }),
        Step::Last => Some(match chapter {
            Some(c) => Position::clamped(c, usize::MAX),
            None => Position::last(),
        }),
    };
    allowed(target, chapter)
}

/// `target`, if the story shown may go there (an embedded chapter stays in
/// its chapter).
pub fn allowed(target: Option<Position>, chapter: Option<usize>) -> Option<Position> {
    target.filter(|p| chapter.is_none_or(|c| p.chapter == c))
}

/// Where the story opens: the link's beat, or an embedded chapter's first
/// beat when the link's beat is in another chapter.
pub fn opening_position(linked: Position, chapter: Option<usize>) -> Position {
    match chapter {
        Some(c) if linked.chapter != c => Position::clamped(c, 0),
        _ => linked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::chapters::CHAPTERS;

    #[test]
    fn keys_move_the_story_except_inside_form_controls() {
        assert_eq!(
            key_action("ArrowRight", "BODY", false),
            Some(KeyAction::Go(Step::Next))
        );
        assert_eq!(
            key_action("ArrowLeft", "DIV", false),
            Some(KeyAction::Go(Step::Prev))
        );
        assert_eq!(
            key_action("Home", "BODY", false),
            Some(KeyAction::Go(Step::First))
        );
        assert_eq!(
            key_action("End", "BODY", false),
            Some(KeyAction::Go(Step::Last))
        );
        assert_eq!(key_action(" ", "BODY", false), Some(KeyAction::TogglePlay));
        assert_eq!(
            key_action(" ", "BUTTON", false),
            None,
            "space presses the button"
        );
        assert_eq!(
            key_action("ArrowRight", "INPUT", false),
            None,
            "a slider keeps its arrows"
        );
        assert_eq!(key_action("ArrowRight", "SELECT", false), None);
        assert_eq!(
            key_action("ArrowRight", "BODY", true),
            None,
            "Alt+← is the browser's"
        );
        assert_eq!(key_action("x", "BODY", false), None);
    }

    #[test]
    fn steps_stop_at_the_ends_and_inside_an_embedded_chapter() {
        let first = Position::first();
        assert_eq!(reach(first, Step::Prev, None), None);
        assert_eq!(reach(Position::last(), Step::Next, None), None);
        assert_eq!(reach(first, Step::Last, None), Some(Position::last()));
        // Chapter 2 embedded: its last beat is the end, and Home is its first.
        let c = 1;
        let last_of_c = Position::clamped(c, usize::MAX);
        assert_eq!(last_of_c.beat, CHAPTERS[c].beats.len() - 1);
        assert_eq!(reach(last_of_c, Step::Next, Some(c)), None);
        assert_eq!(
            reach(last_of_c, Step::First, Some(c)),
            Some(Position::clamped(c, 0))
        );
        assert_eq!(reach(Position::clamped(c, 0), Step::Prev, Some(c)), None);
        assert_eq!(
            reach(Position::clamped(c, 0), Step::Next, Some(c)),
            Some(Position::clamped(c, 1))
        );
    }

    #[test]
    fn an_embedded_chapter_opens_at_its_own_beat() {
        let linked = Position::clamped(3, 2);
        assert_eq!(opening_position(linked, None), linked);
        assert_eq!(opening_position(linked, Some(3)), linked);
        assert_eq!(opening_position(linked, Some(5)), Position::clamped(5, 0));
    }
}
