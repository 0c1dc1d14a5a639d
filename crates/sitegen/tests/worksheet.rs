//! The pupil's worksheet and its teacher's copy (`crates/sitegen/src/worksheet.rs`,
//! `public/worksheet.<lang>.html`, `public/worksheet-key.<lang>.html`): both
//! languages have the same texts; the worksheet has every part (key words
//! with the glossary's meanings, six cards and six boxes, the picture with
//! four numbered boxes, every prediction question with room to write, the
//! exit ticket) and no answer; the teacher's copy has every answer. How it
//! prints (two pages, no colour): `e2e/tests/paper.spec.mjs`.

use dns_race_explainer::i18n::{Key, Lang};
use dns_race_explainer::story::chapters::TERMS;
use dns_race_explainer::time::Clock;
use dns_race_sitegen::classroom::escape;
use dns_race_sitegen::teach::quizzes;
use dns_race_sitegen::worksheet::{self, EVENTS, EXIT, SHUFFLED, WORDS};

fn shown(lang: Lang, key: Key) -> String {
    escape(&Clock::default_for(lang).text(key))
}

/// The text of a page's `<main>`.
fn main_of(page: &str) -> &str {
    let start = page.find("<main id=\"main\">").expect("a main part");
    &page[start..page.find("</main>").expect("closed")]
}

#[test]
fn both_languages_have_exactly_the_keys_the_worksheet_uses_in_the_same_order() {
    let (ja, en) = (worksheet::texts(Lang::Ja), worksheet::texts(Lang::En));
    let mut keys: Vec<&str> = ja.entries.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort_unstable();
    assert_eq!(keys, worksheet::keys());
    assert_eq!(
        ja.entries.iter().map(|(k, _)| k).collect::<Vec<_>>(),
        en.entries.iter().map(|(k, _)| k).collect::<Vec<_>>()
    );
    for ((k, a), (_, b)) in ja.entries.iter().zip(&en.entries) {
        assert_eq!(a.matches('{').count(), b.matches('{').count(), "{k}");
    }
    assert_eq!(ja.raw("ws.card_letters").split_whitespace().count(), 6);
    assert_eq!(en.raw("ws.card_letters").split_whitespace().count(), 6);
}

#[test]
fn the_worksheet_has_every_part_and_no_answer() {
    for lang in Lang::ALL {
        let texts = worksheet::texts(lang);
        let page = worksheet::page(lang, false);
        let main = main_of(&page);
        // Key words, with the glossary's own meanings.
        for key in WORDS {
            let term = TERMS.iter().find(|t| t.name == key).unwrap();
            assert!(main.contains(&shown(lang, term.name)), "{key:?}");
            assert!(main.contains(&shown(lang, term.definition)), "{key:?}");
        }
        // Six cards, each event once, none in its place; six boxes.
        assert_eq!(main.matches("class=\"ws-card\"").count(), 6);
        for event in EVENTS {
            assert_eq!(main.matches(&texts.get(event)).count(), 1, "{event}");
        }
        let positions: Vec<usize> = EVENTS
            .iter()
            .map(|e| main.find(&texts.get(e)).unwrap())
            .collect();
        assert!(
            positions.windows(2).any(|w| w[0] > w[1]),
            "the cards are shuffled"
        );
        assert_eq!(main.matches("class=\"ws-box\"").count(), 6);
        // Every prediction question and its choices, with lines to write on.
        let list = quizzes();
        assert_eq!(main.matches("class=\"ws-question\"").count(), list.len());
        for (_, q) in &list {
            assert!(main.contains(&shown(lang, q.prompt)));
            for &choice in q.choices {
                assert!(main.contains(&shown(lang, choice)));
            }
            // No answer: neither the explanation nor the right one marked.
            for claim in q.reveal {
                assert!(
                    !main.contains(&shown(lang, claim.text)),
                    "{}",
                    claim.text.name()
                );
            }
        }
        assert!(!main.contains("class=\"right\"") && !main.contains("answer-label"));
        assert!(main.matches("class=\"ws-line\"").count() >= list.len() + EXIT.len());
        // The picture: four numbered boxes where its labels were.
        assert_eq!(main.matches("class=\"ws-blank\"").count(), 4);
        for label in [shown(lang, Key::ScenePlanner), shown(lang, Key::IdeaTag)] {
            assert!(!main.contains(&format!(">{label}</text>")), "{label}");
        }
        // The exit ticket's questions, not the sentences that answer them.
        for (question, answers) in EXIT {
            assert!(main.contains(&texts.get(question)));
            for key in answers {
                assert!(!main.contains(&format!("data-key=\"{key}\"")), "{key}");
            }
        }
        // It says what it is, and where its answers are.
        assert!(page.contains(&format!("href=\"{}\"", worksheet::file(lang, true))));
    }
}

#[test]
fn the_teachers_copy_has_every_answer() {
    for lang in Lang::ALL {
        let texts = worksheet::texts(lang);
        let page = worksheet::page(lang, true);
        let main = main_of(&page);
        // The order, as the cards' letters: the i-th event's card.
        let letters: Vec<&str> = texts.raw("ws.card_letters").split_whitespace().collect();
        let order = worksheet::card_order(&texts);
        for (event, letter) in order.iter().enumerate() {
            let card = SHUFFLED.iter().position(|&e| e == event).unwrap();
            assert_eq!(letter, letters[card]);
        }
        assert!(main.contains(&order.join(" → ")));
        // Every question with its right answer marked and the story's
        // explanation, with its labels.
        for (_, q) in quizzes() {
            assert!(main.contains(&format!(
                "<li class=\"right\" data-key=\"{}\">",
                q.choices[q.answer].name()
            )));
            for claim in q.reveal {
                assert!(main.contains(&format!(
                    "<span data-key=\"{}\">{}</span> <span class=\"mark mark-{}\"",
                    claim.text.name(),
                    shown(lang, claim.text),
                    claim.mark.css()
                )));
            }
        }
        // The picture's words, and the story's sentences for the exit ticket.
        assert!(main.contains(&shown(lang, Key::ScenePlanner)));
        assert!(main.contains(&shown(lang, Key::IdeaTag)));
        for (_, answers) in EXIT {
            for key in answers {
                assert!(
                    main.contains(&format!("<span data-key=\"{key}\">")),
                    "{key}"
                );
            }
        }
    }
}
