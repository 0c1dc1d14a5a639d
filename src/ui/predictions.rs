//! The reader's own predictions: the first choice made at each "what
//! happens next?" question, kept in this browser tab only (session
//! storage; nothing is sent anywhere), shown again when the reader comes
//! back to a question, and summed up at the end of the story ("you
//! predicted 2 of 3 before the reveal").
//!
//! The record and its summary are pure and tested natively; the browser
//! part only reads and writes the storage.

use crate::story::chapters::{CHAPTERS, Question};

/// Where the record lives in the tab's session storage.
#[cfg(target_arch = "wasm32")]
const STORAGE_KEY: &str = "dns-race-explainer:predictions";

/// The first choice at each question, by the question's prompt key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Predictions {
    firsts: Vec<(String, usize)>,
}

/// What the reader did with the story's questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tally {
    /// Questions in the story.
    pub questions: usize,
    /// Questions the reader answered.
    pub answered: usize,
    /// Of those, answered right at the first choice.
    pub right_first: usize,
}

impl Predictions {
    /// Reads a stored record (`prompt=choice;…`); a malformed part is
    /// skipped, never an error.
    pub fn parse(stored: &str) -> Self {
        let mut p = Predictions::default();
        for part in stored.split(';') {
            if let Some((prompt, Ok(choice))) = part
                .split_once('=')
                .map(|(prompt, choice)| (prompt, choice.parse()))
            {
                p.record(prompt, choice);
            }
        }
        p
    }

    /// The record as stored.
    pub fn to_stored(&self) -> String {
        self.firsts
            .iter()
            .map(|(prompt, choice)| format!("{prompt}={choice}"))
            .collect::<Vec<_>>()
            .join(";")
    }

    /// Records `choice` at the question `prompt`, unless one is recorded
    /// already (a prediction is the first choice, not a corrected one).
    pub fn record(&mut self, prompt: &str, choice: usize) {
        if self.first(prompt).is_none() {
            self.firsts.push((prompt.to_string(), choice));
        }
    }

    /// The first choice made at `prompt`.
    pub fn first(&self, prompt: &str) -> Option<usize> {
        self.firsts
            .iter()
            .find(|(p, _)| p == prompt)
            .map(|&(_, choice)| choice)
    }

    /// The tally over the story's questions (a stored answer to a question
    /// the story no longer has is not counted).
    pub fn tally(&self) -> Tally {
        let questions = || {
            CHAPTERS
                .iter()
                .flat_map(|c| c.beats.iter())
                .filter_map(|b| b.question)
        };
        let firsts: Vec<(Question, usize)> = questions()
            .filter_map(|q| self.first(q.prompt.name()).map(|c| (q, c)))
            .collect();
        Tally {
            questions: questions().count(),
            answered: firsts.len(),
            right_first: firsts.iter().filter(|(q, c)| q.answer == *c).count(),
        }
    }
}

/// The record in this tab.
#[cfg(target_arch = "wasm32")]
pub fn load() -> Predictions {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|stored| Predictions::parse(&stored))
        .unwrap_or_default()
}

/// Records the reader's choice at `question` in this tab (kept only if it
/// is the first).
#[cfg(target_arch = "wasm32")]
pub fn record(question: &Question, choice: usize) {
    let mut p = load();
    p.record(question.prompt.name(), choice);
    if let Some(s) = storage() {
        // No storage (private mode, full): the summary just counts less.
        let _ = s.set_item(STORAGE_KEY, &p.to_stored());
    }
}

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn questions() -> Vec<Question> {
        CHAPTERS
            .iter()
            .flat_map(|c| c.beats.iter())
            .filter_map(|b| b.question)
            .collect()
    }

    #[test]
    fn the_first_choice_is_the_prediction() {
        let mut p = Predictions::default();
        p.record("quiz.a", 2);
        p.record("quiz.a", 0);
        assert_eq!(p.first("quiz.a"), Some(2));
        assert_eq!(p.first("quiz.b"), None);
        assert_eq!(Predictions::parse(&p.to_stored()), p);
    }

    #[test]
    fn a_mangled_record_gives_what_it_can() {
        let p = Predictions::parse("quiz.a=1;;nonsense;quiz.b=x;quiz.c=0;quiz.a=2");
        assert_eq!(p.first("quiz.a"), Some(1));
        assert_eq!(p.first("quiz.b"), None);
        assert_eq!(p.first("quiz.c"), Some(0));
        assert_eq!(Predictions::parse(""), Predictions::default());
    }

    #[test]
    fn the_tally_counts_the_storys_questions_only() {
        let qs = questions();
        assert!(qs.len() >= 3);
        let none = Predictions::default().tally();
        assert_eq!(
            (none.questions, none.answered, none.right_first),
            (qs.len(), 0, 0)
        );
        let mut p = Predictions::default();
        // The first question right, the second wrong, a retired one ignored.
        p.record(qs[0].prompt.name(), qs[0].answer);
        p.record(
            qs[1].prompt.name(),
            (qs[1].answer + 1) % qs[1].choices.len(),
        );
        p.record("quiz.retired", 0);
        let t = p.tally();
        assert_eq!((t.questions, t.answered, t.right_first), (qs.len(), 2, 1));
    }
}
