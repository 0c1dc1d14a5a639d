//! The pupil's worksheet (`public/worksheet.<lang>.html`) and its teacher's
//! copy with the answers (`public/worksheet-key.<lang>.html`): one or two
//! printed pages, in black and white, written natively from the story's
//! data and `crates/sitegen/texts/worksheet.<lang>.json`.
//!
//! The worksheet holds the key words with their meanings (the glossary's
//! own), the race as six cards to put in order, the story's prediction
//! questions with room to write, one of the story's pictures with four of
//! its labels replaced by numbered boxes, and an exit ticket. It holds no
//! answer: those are on the teacher's copy only (the tests compare).

use crate::classroom::{Texts, claim_on_paper, document, escape, parse_flat_json, t};
use crate::teach::{quiz_with_answer, quizzes};
use dns_race_explainer::i18n::{Key, Lang, msg};
use dns_race_explainer::story::Claim;
use dns_race_explainer::story::chapters::{CHAPTERS, Idea, TERMS, Term};
use dns_race_explainer::ui::classroom::teach_file;
use dns_race_explainer::ui::idea_scene;

/// The race's six events, in the order they happened (chapters 3 to 5);
/// each names its card's text.
pub const EVENTS: [&str; 6] = [
    "ws.card_check",
    "ws.card_delay",
    "ws.card_newer",
    "ws.card_old",
    "ws.card_clean",
    "ws.card_blank",
];

/// The cards as printed: `SHUFFLED[i]` is the event (an index into
/// [`EVENTS`]) on the i-th card. Fixed, so every copy is the same and the
/// teacher's copy can name the order; no card is in its own place.
pub const SHUFFLED: [usize; 6] = [4, 0, 5, 2, 1, 3];

/// The key words: the glossary's terms the worksheet's race and questions
/// use, with the glossary's own one-line meanings.
pub const WORDS: [Key; 7] = [
    Key::TermDns,
    Key::TermCache,
    Key::TermNegativeCache,
    Key::TermRace,
    Key::TermLock,
    Key::TermRegion,
    Key::TermFailover,
];

/// The picture to label: chapter 3's page with its lists and arrows.
pub const PICTURE: Idea = Idea::Arrows;

/// The words to write in the picture's boxes, in box order.
pub const LABELS: [&str; 4] = ["ws.label_1", "ws.label_2", "ws.label_3", "ws.label_4"];

/// The order the words are offered in under the picture (indices into
/// [`LABELS`]): none beside its own box.
pub const BANK: [usize; 4] = [3, 0, 2, 1];

/// The exit ticket's questions, each with the story's sentences that
/// answer it (by locale key; none for the pupil's own question).
pub const EXIT: [(&str, &[&str]); 3] = [
    ("ws.exit_why", &["ch4.b4_arrow", "ch5.b1"]),
    ("ws.exit_tag", &["ch5.b1_tag"]),
    ("ws.exit_wonder", &[]),
];

/// The worksheet's words of one language.
pub fn texts(lang: Lang) -> Texts {
    let path = format!(
        "{}/texts/worksheet.{}.json",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let entries = parse_flat_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    Texts { lang, entries }
}

/// Every key of the worksheet's texts the pages use.
pub fn keys() -> Vec<&'static str> {
    let mut keys = vec![
        "ws.title",
        "ws.key_title",
        "ws.subtitle",
        "ws.nav_sheet",
        "ws.nav_key",
        "ws.nav_teach",
        "ws.print",
        "ws.name",
        "ws.class",
        "ws.date",
        "ws.words_heading",
        "ws.cards_heading",
        "ws.cards_intro",
        "ws.card_letters",
        "ws.order_label",
        "ws.questions_heading",
        "ws.questions_intro",
        "ws.because",
        "ws.picture_heading",
        "ws.picture_intro",
        "ws.picture_alt",
        "ws.picture_bank",
        "ws.key_label_drawn",
        "ws.exit_heading",
        "ws.key_intro",
        "ws.key_cards",
        "ws.key_questions",
        "ws.key_picture",
        "ws.key_exit",
        "ws.key_exit_own",
        "ws.answer",
        "ws.footer",
    ];
    keys.extend(EVENTS);
    keys.extend(LABELS);
    keys.extend(EXIT.iter().map(|(k, _)| *k));
    keys.sort_unstable();
    keys
}

/// The worksheet's file in `public/` (`teacher`: the teacher's copy).
pub fn file(lang: Lang, teacher: bool) -> String {
    if teacher {
        format!("worksheet-key.{}.html", lang.code())
    } else {
        format!("worksheet.{}.html", lang.code())
    }
}

/// The links to the worksheet and its teacher's copy, from another page
/// of `public/` (the teacher's page, the handout).
pub fn links(lang: Lang) -> String {
    let texts = texts(lang);
    format!(
        "<a class=\"to-worksheet\" href=\"{}\">{}</a> <a class=\"to-worksheet-key\" href=\"{}\">{}</a>",
        file(lang, false),
        texts.get("ws.nav_sheet"),
        file(lang, true),
        texts.get("ws.nav_key"),
    )
}

/// The cards' letters (`ア イ ウ …`, `P Q R …`).
fn letters(texts: &Texts) -> Vec<String> {
    let letters: Vec<String> = texts
        .raw("ws.card_letters")
        .split_whitespace()
        .map(escape)
        .collect();
    assert_eq!(letters.len(), EVENTS.len(), "one letter a card");
    letters
}

/// The right order, as the cards' letters (`イ → オ → …`).
pub fn card_order(texts: &Texts) -> Vec<String> {
    let letters = letters(texts);
    (0..EVENTS.len())
        .map(|event| {
            let card = SHUFFLED
                .iter()
                .position(|&e| e == event)
                .expect("every event on a card");
            letters[card].clone()
        })
        .collect()
}

/// A sentence of the story, with its mark and source, by its locale key.
fn story_claim(key: &str) -> Claim {
    CHAPTERS
        .iter()
        .flat_map(|c| c.beats.iter())
        .flat_map(|b| b.claims.iter())
        .find(|c| c.text.name() == key)
        .copied()
        .unwrap_or_else(|| panic!("no sentence {key} in the story"))
}

fn term(key: Key) -> Term {
    *TERMS
        .iter()
        .find(|t| t.name == key)
        .unwrap_or_else(|| panic!("{key:?} is not a glossary term"))
}

/// The picture's four labels as drawn, in box order.
fn labels(lang: Lang) -> [String; 4] {
    [
        lang.text(Key::ScenePlanner).to_string(),
        lang.text(Key::IdeaTag).to_string(),
        lang.message(&msg::SceneInUse { plan: "102" }),
        lang.message(&msg::SceneRollback { plan: "101" }),
    ]
}

/// The picture with each label's words replaced by a numbered box: the
/// story's own drawing (`idea_scene::markup`), so the worksheet shows what
/// the pupils saw.
pub fn picture_to_label(lang: Lang, alt: &str) -> String {
    let mut svg = idea_scene::markup(lang, PICTURE);
    // Its own description: what it shows, and that its labels are boxes.
    if let Some(at) = svg.find(" aria-label=\"") {
        let start = at + " aria-label=\"".len();
        let end = start + svg[start..].find('"').expect("a closed label");
        svg.replace_range(start..end, alt);
    }
    for (i, label) in labels(lang).iter().enumerate() {
        let words = format!(">{}</text>", escape(label));
        let end = svg
            .find(&words)
            .unwrap_or_else(|| panic!("the picture has no label {label}"));
        let start = svg[..end].rfind("<text ").expect("an opened text");
        let tag = &svg[start..end];
        let attr = |name: &str| -> i32 {
            let from = tag.find(&format!(" {name}=\"")).expect("an attribute") + name.len() + 3;
            tag[from..from + tag[from..].find('"').unwrap()]
                .parse()
                .unwrap()
        };
        let (x, y) = (attr("x"), attr("y"));
        let width = 96;
        let left = if tag.contains("\"middle\"") {
            x - width / 2
        } else if tag.contains("\"end\"") {
            x - width
        } else {
            x - 4
        };
        let boxed = format!(
            "<g class=\"ws-blank\"><rect x=\"{left}\" y=\"{}\" width=\"{width}\" height=\"18\" rx=\"2\"></rect><text x=\"{}\" y=\"{}\" class=\"small strong\">{}</text></g>",
            y - 13,
            left + 4,
            y,
            i + 1
        );
        svg.replace_range(start..end + words.len(), &boxed);
    }
    svg
}

/// Lines to write on.
fn lines(n: usize) -> String {
    "<span class=\"ws-line\"></span>".repeat(n)
}

fn header(texts: &Texts) -> String {
    let field = |key: &str, class: &str| {
        format!(
            "<span class=\"ws-field {class}\">{}<span class=\"ws-fill\"></span></span>",
            texts.get(key)
        )
    };
    format!(
        "<p class=\"ws-fields\">{}{}{}</p>",
        field("ws.name", "ws-name"),
        field("ws.class", "ws-class"),
        field("ws.date", "ws-date")
    )
}

fn words(texts: &Texts) -> String {
    let lang = texts.lang;
    let items: String = WORDS
        .iter()
        .map(|&k| {
            let term = term(k);
            format!(
                "<div><dt data-key=\"{}\">{}</dt><dd>{}</dd></div>",
                term.name.name(),
                t(lang, term.name),
                t(lang, term.definition)
            )
        })
        .collect();
    format!(
        "<section class=\"ws-part ws-words\" id=\"ws-words\"><h2>{}</h2><dl>{items}</dl></section>",
        texts.get("ws.words_heading")
    )
}

fn cards(texts: &Texts) -> String {
    let letters = letters(texts);
    let cards: String = SHUFFLED
        .iter()
        .enumerate()
        .map(|(i, &event)| {
            format!(
                "<li class=\"ws-card\" data-card=\"{}\"><span class=\"ws-letter\">{}</span> {}</li>",
                i + 1,
                letters[i],
                texts.get(EVENTS[event])
            )
        })
        .collect();
    let boxes: String = (1..=EVENTS.len())
        .map(|n| format!("<span class=\"ws-box\"><small>{n}</small></span>"))
        .collect();
    format!(
        "<section class=\"ws-part ws-race\" id=\"ws-cards\"><h2>{}</h2><p>{}</p><ul class=\"ws-cards\">{cards}</ul><p class=\"ws-order\"><span class=\"ws-order-label\">{}</span>{boxes}</p></section>",
        texts.get("ws.cards_heading"),
        texts.get("ws.cards_intro"),
        texts.get("ws.order_label"),
    )
}

fn questions(texts: &Texts) -> String {
    let lang = texts.lang;
    let items: String = quizzes()
        .into_iter()
        .map(|(_, q)| {
            let choices: String = q
                .choices
                .iter()
                .map(|&k| format!("<li><span class=\"ws-circle\"></span>{}</li>", t(lang, k)))
                .collect();
            format!(
                "<li class=\"ws-question\" data-key=\"{}\"><p class=\"quiz-prompt\">{}</p><ol class=\"ws-choices\" type=\"A\">{choices}</ol><p class=\"ws-because\">{}</p>{}</li>",
                q.prompt.name(),
                t(lang, q.prompt),
                texts.get("ws.because"),
                lines(2)
            )
        })
        .collect();
    format!(
        "<section class=\"ws-part ws-questions\" id=\"ws-questions\"><h2>{}</h2><p>{}</p><ol class=\"ws-list\">{items}</ol></section>",
        texts.get("ws.questions_heading"),
        texts.get("ws.questions_intro"),
    )
}

fn picture(texts: &Texts) -> String {
    let write: String = (1..=4)
        .map(|n| {
            format!("<li><span class=\"ws-num\">{n}</span><span class=\"ws-fill\"></span></li>")
        })
        .collect();
    let bank: String = BANK
        .iter()
        .map(|&i| format!("<li>{}</li>", texts.get(LABELS[i])))
        .collect();
    format!(
        "<section class=\"ws-part ws-picture\" id=\"ws-picture\"><h2>{}</h2><p>{}</p><div class=\"ws-picture-row\"><figure class=\"scene idea-scene ws-figure\">{}</figure><div><ol class=\"ws-labels\">{write}</ol><p class=\"ws-bank-label\">{}</p><ul class=\"ws-bank\">{bank}</ul></div></div></section>",
        texts.get("ws.picture_heading"),
        texts.get("ws.picture_intro"),
        picture_to_label(texts.lang, &texts.get("ws.picture_alt")),
        texts.get("ws.picture_bank"),
    )
}

fn exit_ticket(texts: &Texts) -> String {
    let items: String = EXIT
        .iter()
        .map(|(k, _)| format!("<li><p>{}</p>{}</li>", texts.get(k), lines(3)))
        .collect();
    format!(
        "<section class=\"ws-part ws-exit\" id=\"ws-exit\"><h2>{}</h2><ol class=\"ws-list\">{items}</ol></section>",
        texts.get("ws.exit_heading")
    )
}

/// The teacher's copy's answers: the card order, the questions with the
/// right choice and the story's explanation (with their labels), the
/// picture's words, and the story's sentences for the exit ticket.
fn answers(texts: &Texts) -> String {
    let lang = texts.lang;
    let order = card_order(texts);
    let steps: String = EVENTS
        .iter()
        .zip(&order)
        .map(|(event, letter)| {
            format!(
                "<li><span class=\"ws-letter\">{letter}</span> {}</li>",
                texts.get(event)
            )
        })
        .collect();
    let cards = format!(
        "<section class=\"ws-part\" id=\"key-cards\"><h2>{}</h2><p class=\"ws-answer-order\">{}</p><ol>{steps}</ol></section>",
        texts.get("ws.key_cards"),
        order.join(" → ")
    );
    let label = texts.get("ws.answer");
    let quiz: String = quizzes()
        .into_iter()
        .map(|(p, q)| format!("<li>{}</li>", quiz_with_answer(lang, p, q, &label, false)))
        .collect();
    let quiz = format!(
        "<section class=\"ws-part\" id=\"key-questions\"><h2>{}</h2><ol class=\"quizzes\">{quiz}</ol></section>",
        texts.get("ws.key_questions")
    );
    let words: String = labels(lang)
        .iter()
        .zip(LABELS)
        .enumerate()
        .map(|(i, (drawn, word))| {
            format!(
                "<li data-drawn=\"{}\"><span class=\"ws-num\">{}</span> <strong>{}</strong> <small>{}</small></li>",
                escape(drawn),
                i + 1,
                texts.get(word),
                texts.fill("ws.key_label_drawn", &[("label", drawn)])
            )
        })
        .collect();
    let picture = format!(
        "<section class=\"ws-part\" id=\"key-picture\"><h2>{}</h2><ol class=\"ws-labels ws-label-answers\">{words}</ol></section>",
        texts.get("ws.key_picture")
    );
    let exit: String = EXIT
        .iter()
        .map(|(k, claims)| {
            let answer = if claims.is_empty() {
                texts.get("ws.key_exit_own")
            } else {
                claims
                    .iter()
                    .map(|c| claim_on_paper(lang, story_claim(c)))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            format!(
                "<li><p class=\"ws-exit-q\">{}</p><p class=\"ws-exit-a\">{answer}</p></li>",
                texts.get(k)
            )
        })
        .collect();
    let exit = format!(
        "<section class=\"ws-part\" id=\"key-exit\"><h2>{}</h2><ol class=\"ws-list\">{exit}</ol></section>",
        texts.get("ws.key_exit")
    );
    format!("{cards}{picture}{quiz}{exit}")
}

/// The worksheet (`teacher` false) or its teacher's copy, as a page.
pub fn page(lang: Lang, teacher: bool) -> String {
    let texts = texts(lang);
    let other = lang.other();
    let nav = format!(
        "<a href=\"{other_file}\" lang=\"{other_code}\" hreflang=\"{other_code}\">{other_name}</a> \
<a href=\"{pair}\">{pair_label}</a> \
<a href=\"{teach}\">{teach_label}</a> \
<button type=\"button\" class=\"print-button\" hidden>{print}</button>",
        other_file = file(other, teacher),
        other_code = other.code(),
        other_name = escape(lang.text(Key::LangSwitchTo).trim()),
        pair = file(lang, !teacher),
        pair_label = texts.get(if teacher {
            "ws.nav_sheet"
        } else {
            "ws.nav_key"
        }),
        teach = teach_file(lang),
        teach_label = texts.get("ws.nav_teach"),
        print = texts.get("ws.print"),
    );
    let (title, main) = if teacher {
        (
            texts.get("ws.key_title"),
            format!(
                "<div class=\"ws-key\"><p>{}</p>{}</div>",
                texts.get("ws.key_intro"),
                answers(&texts)
            ),
        )
    } else {
        (
            texts.get("ws.title"),
            format!(
                "<div class=\"ws-sheet\">{}{}{}{}{}{}</div>",
                header(&texts),
                words(&texts),
                cards(&texts),
                picture(&texts),
                questions(&texts),
                exit_ticket(&texts)
            ),
        )
    };
    document(
        lang,
        "worksheet",
        &title,
        &texts.get("ws.subtitle"),
        &nav,
        &main,
        &format!("<p>{}</p>", texts.get("ws.footer")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_card_is_printed_in_its_own_place_and_each_event_is_on_one_card() {
        let mut seen = SHUFFLED;
        seen.sort_unstable();
        assert_eq!(seen, [0, 1, 2, 3, 4, 5]);
        for (i, &e) in SHUFFLED.iter().enumerate() {
            assert_ne!(i, e, "card {} is in its own place", i + 1);
        }
    }
}
