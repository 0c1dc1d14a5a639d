//! Quiet pictures of one idea each, for the beats before the race: a lookup
//! in the address book and its cache (chapter 2, and the cached empty answer
//! of chapter 5), and the office that keeps the book (chapter 3), where the
//! parts appear in the order the story introduces them and the beat's own
//! rule is lit. A pure view of (idea, language); every number is an example.

use std::fmt::Write as _;

use leptos::prelude::*;

use crate::i18n::{Key, Lang, msg};
use crate::story::chapters::Idea;
use crate::story::static_page::escape;

use super::race_scene::{CHIP_STEP, CHIP_W};

/// The example address the lookups return (a documentation address, RFC
/// 5737: it belongs to no one).
const ADDRESS: &str = "192.0.2.10";
/// The page's example addresses, one per load balancer.
const ADDRESSES: &str = "192.0.2.10   192.0.2.11   192.0.2.12   …";
/// How wide the check's words may run in their box (the last beat).
const CHECK_TEXT_W: i32 = 330;
/// How long the cache may keep an answer, in the picture (an example: the
/// record gives no TTL for the name).
const MEMO_SECONDS: u32 = 60;
/// How long the cache keeps the empty answer, in the picture: longer than a
/// normal answer, as the record says it was (the value is an example).
const EMPTY_MEMO_MINUTES: u32 = 15;
/// The asker's box: narrow enough to leave the question and the answer
/// room between it and the book (which starts at 198).
const ASKER_W: i32 = 104;
/// The name whose page the pictures show.
const PAGE_NAME: &str = "dynamodb.us-east-1";

/// The short sentence a screen reader hears for the picture.
pub fn alt_key(idea: Idea) -> Key {
    match idea {
        Idea::Lookup => Key::IdeaAltLookup,
        Idea::Memo => Key::IdeaAltMemo,
        Idea::BlankPage => Key::IdeaAltBlankPage,
        Idea::EmptyRemembered => Key::IdeaAltEmptyRemembered,
        Idea::Repaired => Key::IdeaAltRepaired,
        Idea::Entries => Key::IdeaAltEntries,
        Idea::Roles => Key::IdeaAltRoles,
        Idea::ThreeClerks => Key::IdeaAltThreeClerks,
        Idea::Tag => Key::IdeaAltTag,
        Idea::Arrows => Key::IdeaAltArrows,
        Idea::CleanUp => Key::IdeaAltCleanUp,
        Idea::OneCheck => Key::IdeaAltOneCheck,
    }
}

/// Where an office idea comes in chapter 3 (`None` for the lookups): a part
/// of the office is drawn from the beat that introduces it on.
fn office_step(idea: Idea) -> Option<u8> {
    Some(match idea {
        Idea::Entries => 0,
        Idea::Roles => 1,
        Idea::ThreeClerks => 2,
        Idea::Tag => 3,
        Idea::Arrows => 4,
        Idea::CleanUp => 5,
        Idea::OneCheck => 6,
        Idea::Lookup | Idea::Memo | Idea::BlankPage | Idea::EmptyRemembered | Idea::Repaired => {
            return None;
        }
    })
}

/// What the caption says is an example: only what the picture shows
/// (addresses alone, or with times, or with list numbers).
pub fn note_key(idea: Idea) -> Key {
    match idea {
        Idea::Lookup | Idea::BlankPage | Idea::Entries => Key::IdeaAddressNote,
        Idea::Memo | Idea::EmptyRemembered | Idea::Repaired => Key::IdeaLookupNote,
        _ => Key::IdeaOfficeNote,
    }
}

/// `base`, plus `focus` when it is the part the beat explains.
fn part(base: &str, focus: bool) -> String {
    if focus {
        format!("{base} focus")
    } else {
        base.to_string()
    }
}

/// SVG markup written element by element. The pictures are static for an
/// (idea, language), so they are markup, not a reactive view: a tenth of
/// the wasm a view of the same elements costs.
pub(super) struct Svg(pub(super) String);

/// ` class="…"`, or nothing for no class.
pub(super) fn class_attr(class: &str) -> String {
    if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    }
}

impl Svg {
    pub(super) fn open(&mut self, class: &str) {
        let _ = write!(self.0, "<g class=\"{class}\">");
    }
    pub(super) fn close(&mut self) {
        self.0.push_str("</g>");
    }
    pub(super) fn rect(&mut self, class: &str, x: i32, y: i32, width: i32, height: i32) {
        let _ = write!(
            self.0,
            "<rect{} x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" rx=\"5\"/>",
            class_attr(class)
        );
    }
    pub(super) fn circle(&mut self, cx: i32, cy: i32, r: i32) {
        let _ = write!(self.0, "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\"/>");
    }
    /// An arrow from (x1, y1) to (x2, y2), its head the picture's marker.
    pub(super) fn arrow(&mut self, class: &str, (x1, y1): (i32, i32), (x2, y2): (i32, i32)) {
        let _ = write!(
            self.0,
            "<line class=\"{class}\" x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"/>"
        );
    }
    /// A free shape, `d` in SVG path syntax.
    pub(super) fn path(&mut self, class: &str, d: &str) {
        let _ = write!(self.0, "<path class=\"{class}\" d=\"{d}\"/>");
    }
    /// Text starting at `x`.
    pub(super) fn text(&mut self, x: i32, y: i32, class: &str, text: &str) {
        self.anchored(x, y, "start", class, text);
    }
    /// Text centred on `x`.
    pub(super) fn centred(&mut self, x: i32, y: i32, class: &str, text: &str) {
        self.anchored(x, y, "middle", class, text);
    }
    /// Text ending at `x`.
    pub(super) fn ending(&mut self, x: i32, y: i32, class: &str, text: &str) {
        self.anchored(x, y, "end", class, text);
    }
    fn anchored(&mut self, x: i32, y: i32, anchor: &str, class: &str, text: &str) {
        // "start" is SVG's default anchor, and an empty class says nothing:
        // both left out, as every picture is printed into the page.
        let anchor = match anchor {
            "start" => String::new(),
            a => format!(" text-anchor=\"{a}\""),
        };
        let _ = write!(
            self.0,
            "<text x=\"{x}\" y=\"{y}\"{anchor}{}>{}</text>",
            class_attr(class),
            escape(text)
        );
    }
    /// `text` centred on `x`, broken into lines no wider than `max_width`
    /// (as [`super::text::text_width`] measures), `line_height` apart, the
    /// lines together centred on `middle` (the baseline of a lone line
    /// sits there, less a third of the line).
    pub(super) fn centred_lines(
        &mut self,
        (x, middle): (i32, i32),
        class: &str,
        text: &str,
        max_width: i32,
        line_height: i32,
    ) {
        let lines = super::text::wrap(text, max_width);
        let first = middle + line_height / 3 - line_height * (lines.len() as i32 - 1) / 2;
        for (i, line) in lines.iter().enumerate() {
            self.centred(x, first + line_height * i as i32, class, line);
        }
    }
    /// `text` from (x, y), broken into lines no wider than `max_width`
    /// (as [`super::text::text_width`] measures), `line_height`
    /// apart. Returns the baseline of the last line.
    pub(super) fn wrapped(
        &mut self,
        (x, y): (i32, i32),
        class: &str,
        text: &str,
        max_width: i32,
        line_height: i32,
    ) -> i32 {
        let mut baseline = y;
        for (i, line) in super::text::wrap(text, max_width).iter().enumerate() {
            baseline = y + line_height * i as i32;
            self.text(x, baseline, class, line);
        }
        baseline
    }
    /// The whole picture: its size, its words for screen readers, the
    /// arrowhead, and what was written.
    fn finish(self, lang: Lang, idea: Idea, height: i32) -> String {
        format!(
            "<svg viewBox=\"0 0 360 {height}\" role=\"img\" aria-label=\"{}\" class=\"idea-svg\">\
<defs><marker id=\"idea-head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"10\" \
markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\"/></marker></defs>{}</svg>",
            escape(lang.text(alt_key(idea))),
            self.0
        )
    }
}

/// The picture of `idea` with its caption.
#[component]
pub fn IdeaScene(idea: Idea, lang: Signal<Lang>) -> impl IntoView {
    let note = note_key(idea);
    view! {
        <figure class="scene idea-scene" data-idea=idea.code()>
            <div class="idea-picture" inner_html=move || markup(lang.get(), idea)></div>
            <figcaption>
                <span class="mark mark-i">{move || lang.get().text(Key::MarkI)}</span>
                <small class="scene-note">{move || lang.get().text(note)}</small>
            </figcaption>
        </figure>
    }
}

/// The picture alone (the handout draws it without a caption of its own).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn draw(lang: Lang, idea: Idea) -> impl IntoView {
    view! { <div class="idea-picture" inner_html=markup(lang, idea)></div> }
}

/// The picture's SVG markup.
pub fn markup(lang: Lang, idea: Idea) -> String {
    match office_step(idea) {
        Some(step) => office(lang, idea, step),
        None => lookup(lang, idea),
    }
}

/// A lookup: the asker, the book's page, DynamoDB, and the cache when the
/// idea is about remembering.
fn lookup(lang: Lang, idea: Idea) -> String {
    let t = |k| lang.text(k);
    // The page is blank (the night), or restored but still remembered
    // blank by the caches (the repair).
    let page_blank = matches!(idea, Idea::BlankPage | Idea::EmptyRemembered);
    let repaired = idea == Idea::Repaired;
    let blank = page_blank || repaired;
    let mut svg = Svg(String::new());
    // Many systems ask on the night; one computer in the explanation. The
    // asker's name takes two lines if it must, leaving the space between
    // it and the book to the question and the answer.
    if blank {
        svg.rect("ghost", 6 + 8, 32, ASKER_W, 50);
        svg.rect("ghost", 6 + 4, 36, ASKER_W, 50);
    }
    svg.open("asker");
    svg.rect("", 6, 40, ASKER_W, 50);
    let asker = if blank {
        Key::IdeaSystems
    } else {
        Key::IdeaComputer
    };
    svg.centred_lines(
        (6 + ASKER_W / 2, 65),
        "small strong",
        t(asker),
        ASKER_W - 8,
        16,
    );
    svg.close();
    svg.open(if page_blank { "book blank" } else { "book" });
    svg.rect("", 198, 4, 156, 100);
    svg.centred(276, 22, "small strong", t(Key::IdeaBook));
    svg.rect("sheet", 204, 30, 144, 68);
    svg.text(210, 48, "small page-name", PAGE_NAME);
    if page_blank {
        svg.text(210, 80, "big warn", t(Key::IdeaZero));
    } else {
        svg.text(210, 74, "small", ADDRESS);
        if repaired {
            svg.text(210, 90, "small strong focus-text", t(Key::IdeaRestored));
        } else {
            svg.text(210, 90, "small", "192.0.2.11 …");
        }
    }
    svg.close();
    // The trip to the book: lit when it is the idea, dashed when the cache
    // spares it.
    let ask_focus = matches!(idea, Idea::Lookup | Idea::BlankPage);
    let trip = if matches!(idea, Idea::Memo | Idea::Repaired) {
        "flow skipped"
    } else {
        "flow"
    };
    // The question above its arrow, the answer below its own, both in the
    // space between the asker (and the boxes behind it) and the book.
    let between = (6 + ASKER_W + 198) / 2;
    svg.open(&part(trip, ask_focus));
    svg.arrow("", (6 + ASKER_W + 4, 52), (194, 44));
    svg.centred(between, 30, "small", t(Key::IdeaAsk));
    svg.close();
    svg.open(&part(trip, ask_focus || blank));
    svg.arrow("", (196, 62), (6 + ASKER_W + 6, 66));
    // After the repair the book would answer, but nobody asks it.
    let (answer, class) = if repaired {
        ("", "small")
    } else if blank {
        (t(Key::IdeaNone), "small warn")
    } else {
        (ADDRESS, "small")
    };
    svg.centred(between, 86, class, answer);
    svg.close();
    // The memo: under the asker where nothing else is drawn there (the
    // remembered empty answer), else below the connection to DynamoDB,
    // which would cross it.
    let memo_y = if idea == Idea::EmptyRemembered {
        112
    } else {
        184
    };
    let mut memo_bottom = 0;
    if matches!(idea, Idea::Memo | Idea::EmptyRemembered | Idea::Repaired) {
        let kept = if blank { t(Key::IdeaZero) } else { ADDRESS };
        let head = format!("{}: {kept}", t(Key::IdeaMemo));
        // The empty answer is kept longer than a normal one (the record:
        // it lengthened the errors by about a quarter of an hour).
        let time = if blank {
            lang.message(&msg::IdeaMinutes {
                n: &EMPTY_MEMO_MINUTES.to_string(),
            })
        } else {
            lang.message(&msg::IdeaSeconds {
                n: &MEMO_SECONDS.to_string(),
            })
        };
        let left = lang.message(&msg::IdeaMemoLeft { time: &time });
        // As wide as its longest line, with room on either side.
        let widest = [head.as_str(), left.as_str(), t(Key::IdeaMemoUsed)]
            .into_iter()
            .take(if blank { 2 } else { 3 })
            .map(super::text::text_width)
            .max()
            .unwrap_or(0);
        let memo_h = if blank { 46 } else { 64 };
        memo_bottom = memo_y + memo_h;
        svg.open("memo focus");
        svg.rect("", 6, memo_y, (widest + 24).max(150), memo_h);
        svg.text(14, memo_y + 18, "small strong", &head);
        svg.text(14, memo_y + 36, "small", &left);
        if !blank {
            svg.text(14, memo_y + 54, "small", t(Key::IdeaMemoUsed));
        }
        svg.close();
    }
    // Below the book: DynamoDB and the connection, or, for the remembered
    // empty answer, what the answer was and was not.
    if idea == Idea::EmptyRemembered {
        svg.open("answer-kind focus");
        // Below the memo, so that neither runs into the other.
        svg.ending(350, 178, "small struck", t(Key::IdeaNoSuchName));
        svg.ending(350, 198, "small strong warn", t(Key::IdeaNameExists));
        svg.close();
    } else {
        svg.open("dynamodb");
        svg.rect("", 198, 134, 156, 40);
        svg.centred(276, 159, "small strong", "DynamoDB");
        svg.close();
        let (line, class, words) = if blank {
            ("flow broken focus", "small warn", Key::IdeaNoConnect)
        } else {
            ("flow connect focus", "small", Key::IdeaConnect)
        };
        svg.arrow(line, (6 + ASKER_W - 4, 92), (194, 146));
        svg.text(172, 118, class, t(words));
    }
    let height = if idea == Idea::EmptyRemembered {
        206
    } else {
        184.max(memo_bottom + 6)
    };
    svg.finish(lang, idea, height)
}

/// The office: the load balancers (first beat only) or the planner, the
/// three clerks in their zones, and DynamoDB's page, each part from the
/// beat that introduces it, the beat's own rule lit.
fn office(lang: Lang, idea: Idea, step: u8) -> String {
    let t = |k| lang.text(k);
    let sheet = |p: u32| {
        lang.message(&msg::IdeaSheet {
            plan: &p.to_string(),
        })
    };
    // On the last beat the planner has moved on, and A has the newer list.
    let newest = if step >= 6 { 103 } else { 102 };
    // The check's lines (the last beat), wrapped to the box.
    let check_lines = super::text::wrap(lang.text(Key::IdeaCheck), CHECK_TEXT_W);
    let check_h = 24 + 16 * check_lines.len() as i32;
    // The page's top: lower on the last beat, to make room for the check.
    let py = if step == 6 { 126 + check_h + 4 } else { 140 };
    let mut svg = Svg(String::new());
    if step == 0 {
        svg.open("load-balancers focus");
        svg.text(14, 24, "small strong", t(Key::IdeaLoadBalancers));
        for i in 0..8 {
            let x = 14 + 42 * i;
            svg.rect("lb", x, 34, 28, 18);
            svg.arrow("feed", (x + 14, 52), (x + 14, 138));
        }
        svg.close();
    } else {
        svg.open(&part("planner", step == 1 || step == 6));
        svg.rect("", 6, 4, 348, 30);
        svg.text(14, 24, "small strong", t(Key::ScenePlanner));
        let newest_text = lang.message(&msg::SceneNewest {
            plan: &newest.to_string(),
        });
        svg.text(120, 24, "small", &newest_text);
        svg.close();
        if step == 1 {
            svg.open("flow focus");
            for x in [36, 154, 272] {
                svg.arrow("", (x, 36), (x, 68));
            }
            svg.arrow("", (86, 94), (86, 138));
            svg.ending(80, 132, "small", t(Key::IdeaCopy));
            svg.close();
        }
        for (i, who) in ["A", "B", "C"].into_iter().enumerate() {
            let x = 6 + 118 * i as i32;
            let cx = x + 30;
            if step >= 2 {
                svg.open(&part("zone", step == 2));
                svg.rect("zone-box", x, 44, 112, 76);
                let zone = lang.message(&msg::IdeaZone {
                    n: &(i + 1).to_string(),
                });
                svg.text(x + 8, 60, "small", &zone);
                svg.close();
            }
            svg.open(&part("clerk", step == 1));
            svg.circle(cx, 84, 14);
            svg.centred(cx, 89, "clerk-letter", who);
            svg.centred(cx, 114, "small", &lang.message(&msg::SceneClerk { who }));
            svg.close();
            // A carries the list it is copying (and B, waiting to copy it,
            // on the tag's beat).
            if i == 0 || (i == 1 && step == 3) {
                svg.open("sheet-held");
                svg.rect("", x + 50, 70, 60, 22);
                svg.centred(x + 80, 86, "small", &sheet(newest));
                svg.close();
            }
        }
        match step {
            2 => svg.centred(180, 134, "small strong", t(Key::IdeaOwnPace)),
            3 => svg.centred(154, 134, "small strong", t(Key::IdeaWait)),
            6 => {
                svg.open("check focus");
                svg.rect("", 6, 124, 348, check_h);
                svg.text(
                    14,
                    142,
                    "small strong",
                    &format!("✓ {}", t(Key::IdeaCheckOnce)),
                );
                for (i, line) in check_lines.iter().enumerate() {
                    svg.text(14, 158 + 16 * i as i32, "small", line);
                }
                svg.close();
            }
            _ => {}
        }
    }
    let page_bottom = py + if step >= 4 { 108 } else { 86 };
    // The first beat's count is the whole book's for the region (every
    // name's entries), not this one page's: it sits under the page.
    let entries_lines = super::text::wrap(lang.text(Key::IdeaEntries), 332).len() as i32;
    let height = if step == 0 {
        page_bottom + 7 + 17 * entries_lines
    } else {
        page_bottom
    };
    svg.open("page");
    svg.rect("", 6, py, 348, page_bottom - py - 4);
    svg.text(14, py + 18, "small strong", PAGE_NAME);
    // The tag hangs while A copies; on the last beat A has only checked.
    // Drawn as the race draws it (chapter 4): a card hung on the page, its
    // face in the same words.
    if (3..=5).contains(&step) {
        let face = t(Key::IdeaTag);
        let w = super::text::text_width(face) + 20;
        let x = 350 - w;
        svg.open(&part("tag-card tag-hung", step == 3));
        svg.rect("", x, py + 2, w, 22);
        svg.circle(x + 6, py + 13, 2);
        svg.text(x + 12, py + 18, "small tag", face);
        svg.close();
    }
    if step < 4 {
        // Addresses until the lists are explained.
        svg.text(14, py + 46, "small", ADDRESSES);
    } else {
        // A list per version, the arrow on #102, the back-up arrow on #101;
        // after the clean-up beat the oldest three are gone.
        let chip_x = |p: u32| 14 + CHIP_STEP * (p - 97) as i32;
        for p in 97..=102u32 {
            let x = chip_x(p);
            let class = match p {
                _ if p < 100 && step == 5 => "chip cleared focus",
                _ if p < 100 && step > 5 => "chip cleared gone-away",
                102 => "chip in-use",
                101 => "chip back-up",
                _ => "chip",
            };
            svg.open(class);
            svg.rect("", x, py + 48, CHIP_W, 19);
            svg.centred(x + CHIP_W / 2, py + 62, "small", &format!("#{p}"));
            svg.close();
        }
        if step == 5 {
            svg.centred(78, py + 86, "small warn", t(Key::IdeaCleared));
        }
        svg.open(&part("arrow-in-use", step == 4));
        let in_use_x = chip_x(102) + CHIP_W / 2;
        svg.arrow("flow", (in_use_x, py + 30), (in_use_x, py + 48));
        let in_use = lang.message(&msg::SceneInUse { plan: "102" });
        svg.ending(in_use_x - 8, py + 44, "small strong", &in_use);
        svg.close();
        svg.open(&part("arrow-back-up", step == 4));
        let back_up_x = chip_x(101) + CHIP_W / 2;
        svg.arrow("flow", (back_up_x, py + 84), (back_up_x, py + 69));
        let back_up = lang.message(&msg::SceneRollback { plan: "101" });
        svg.centred(back_up_x, py + 96, "small", &back_up);
        svg.close();
    }
    svg.close();
    if step == 0 {
        svg.wrapped(
            (14, page_bottom + 14),
            "small strong focus-text",
            t(Key::IdeaEntries),
            332,
            17,
        );
    }
    svg.finish(lang, idea, height)
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::story::chapters::{CHAPTERS, Scene};

    /// Chapter 2's beats are lookups, chapter 3's the office in order, one
    /// idea a beat, then the reader's game, and the race starts with
    /// chapter 4.
    #[test]
    fn each_beat_before_the_race_draws_its_own_idea() {
        let ideas = |c: usize| -> Vec<Idea> {
            CHAPTERS[c]
                .beats
                .iter()
                .filter_map(|b| match b.scene {
                    Some(Scene::Idea(i)) => Some(i),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            ideas(1),
            [Idea::Lookup, Idea::Memo, Idea::BlankPage],
            "chapter 2"
        );
        // Every chapter 3 beat draws the office, but its last, where the
        // reader plays the rules just met.
        let office = ideas(2);
        assert_eq!(
            office.len(),
            CHAPTERS[2].beats.len() - 1,
            "every chapter 3 beat"
        );
        assert_eq!(
            CHAPTERS[2].beats.last().unwrap().scene,
            Some(Scene::Game),
            "chapter 3 ends with the game"
        );
        let steps: Vec<u8> = office.iter().map(|&i| office_step(i).unwrap()).collect();
        assert_eq!(
            steps,
            (0..7).collect::<Vec<u8>>(),
            "in the order they are introduced"
        );
        assert!(
            matches!(CHAPTERS[3].beats[0].scene, Some(Scene::Race(_))),
            "chapter 4 starts the race"
        );
    }

    #[test]
    fn every_idea_has_a_code_and_a_sentence_in_both_languages() {
        for idea in Idea::ALL {
            assert_eq!(Idea::from_code(idea.code()), Some(idea));
            for lang in [Lang::Ja, Lang::En] {
                assert!(lang.text(alt_key(idea)).len() > 20, "{idea:?}");
            }
        }
    }

    /// Every picture is whole markup: its groups closed, its words for
    /// screen readers the idea's sentence, the beat's part lit, and only the
    /// parts introduced so far drawn.
    #[test]
    fn every_picture_is_whole_and_lights_its_part() {
        for idea in Idea::ALL {
            for lang in [Lang::Ja, Lang::En] {
                let svg = markup(lang, idea);
                assert_eq!(
                    svg.matches("<g ").count(),
                    svg.matches("</g>").count(),
                    "{idea:?}"
                );
                assert!(svg.contains(&escape(lang.text(alt_key(idea)))), "{idea:?}");
                assert!(svg.contains(" focus"), "{idea:?} lights nothing");
                let step = office_step(idea);
                let planner = svg.contains(lang.text(Key::ScenePlanner));
                assert_eq!(
                    planner,
                    step.is_some_and(|s| s >= 1),
                    "{idea:?}: the planner"
                );
                let tag = svg.contains(lang.text(Key::IdeaTag));
                // The tag hangs while A copies, not when it has only checked.
                let copying = step.is_some_and(|s| (3..=5).contains(&s));
                assert_eq!(tag, copying, "{idea:?}: the tag");
                let lists = svg.contains("#101");
                assert_eq!(lists, step.is_some_and(|s| s >= 4), "{idea:?}: the lists");
            }
        }
    }

    /// The check's words name the office's numbers: A carries the newest
    /// list, newer than the one the arrow points at.
    #[test]
    fn the_check_names_the_pictures_numbers() {
        for lang in [Lang::Ja, Lang::En] {
            let check = lang.text(Key::IdeaCheck);
            assert!(check.contains("103") && check.contains("102"), "{check}");
            let alt = lang.text(Key::IdeaAltOneCheck);
            assert!(alt.contains("103") && alt.contains("102"), "{alt}");
        }
    }
}
