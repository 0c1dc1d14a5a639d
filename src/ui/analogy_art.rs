//! The analogies drawn: the address book and the notebook beside it (DNS
//! and its cache), a noticeboard whose frame ends up empty (the race: a
//! late pin puts last week's rota back, the clear-out throws it away), a
//! closed highway whose side roads jam (the cascade), and a help desk whose
//! queue only grows (congestive collapse). Simple line drawings beside the
//! analogy's words, with their own words for screen readers; the meeting
//! room's sign of chapter 3 is drawn by its scene (the busy tag). A pure
//! function of (analogy, language) to SVG markup.

use super::idea_scene::Svg;
use crate::i18n::{Key, Lang};
use crate::story::static_page::escape;

/// Whether an analogy is drawn.
pub fn has_drawing(analogy: Key) -> bool {
    matches!(
        analogy,
        Key::Ch2Analogy | Key::Ch5Analogy | Key::Ch6Analogy | Key::Ch7Analogy
    )
}

/// The drawing for an analogy, if it has one.
pub fn markup(lang: Lang, analogy: Key) -> Option<String> {
    let t = |k| lang.text(k);
    let mut svg = Svg(String::new());
    let alt = match analogy {
        Key::Ch2Analogy => {
            book(&mut svg, t(Key::ArtBook), t(Key::ArtNotebook));
            Key::ArtBookAlt
        }
        Key::Ch5Analogy => {
            noticeboard(
                &mut svg,
                [
                    t(Key::ArtBoardNew),
                    t(Key::ArtBoardOld),
                    t(Key::ArtBoardBin),
                ],
            );
            Key::ArtBoardAlt
        }
        Key::Ch6Analogy => {
            highway(
                &mut svg,
                t(Key::ArtHighway),
                t(Key::ArtClosed),
                t(Key::ArtJam),
            );
            Key::ArtHighwayAlt
        }
        Key::Ch7Analogy => {
            help_desk(&mut svg, t(Key::ArtDesk), t(Key::ArtRedial));
            Key::ArtDeskAlt
        }
        _ => return None,
    };
    Some(format!(
        "<svg viewBox=\"0 0 240 116\" role=\"img\" aria-label=\"{}\" class=\"art-svg\">{}</svg>",
        escape(t(alt)),
        svg.0
    ))
}

/// An open address book, one line looked up and copied into a notebook.
fn book(svg: &mut Svg, book: &str, notebook: &str) {
    svg.open("book-art");
    svg.path(
        "cover",
        "M6 14 Q46 4 86 14 Q126 4 166 14 V98 Q126 88 86 98 Q46 88 6 98 Z",
    );
    svg.path("spine", "M86 14 V98");
    // Lines of names and addresses; one row is the one looked up.
    for i in 0..5 {
        let y = 30 + 14 * i;
        for x in [16, 96] {
            let class = if x == 96 && i == 2 {
                "row found"
            } else {
                "row"
            };
            svg.rect(class, x, y, 60, 6);
        }
    }
    svg.close();
    svg.open("notebook-art focus");
    svg.rect("pad", 184, 36, 50, 62);
    svg.rect("row found", 192, 50, 34, 6);
    svg.rect("row", 192, 64, 26, 6);
    svg.close();
    svg.path("copy-line", "M158 58 Q176 40 190 52");
    svg.centred(86, 112, "small", book);
    svg.centred(209, 112, "small", notebook);
}

/// Three panels of one noticeboard frame: this week's rota in it; last
/// week's pinned back over it by someone late; every old rota in the bin
/// and the frame empty. `labels`: the three panels' captions.
fn noticeboard(svg: &mut Svg, labels: [&str; 3]) {
    for (panel, label) in labels.into_iter().enumerate() {
        let x = 4 + 80 * panel as i32;
        svg.open(if panel == 2 { "panel focus" } else { "panel" });
        svg.rect("board", x, 6, 72, 72);
        let frame = if panel == 2 { "slot empty" } else { "slot" };
        svg.rect(frame, x + 16, 14, 40, 56);
        match panel {
            0 => sheet(svg, "sheet", x + 19, 17),
            1 => {
                // The new rota still shows at the edge, the old one pinned
                // over it, the hand that pins it coming in from the side.
                sheet(svg, "sheet", x + 19, 17);
                sheet(svg, "sheet old", x + 23, 21);
                svg.path(
                    "pin-hand",
                    &format!("M{} 40 Q{} 30 {} 34", x + 2, x + 12, x + 24),
                );
            }
            _ => {
                // The bin at the board's foot, old rotas dropping in.
                svg.rect("bin", x + 52, 58, 22, 24);
                svg.path(
                    "drop",
                    &format!("M{} 24 Q{} 30 {} 56", x + 36, x + 62, x + 63),
                );
            }
        }
        svg.close();
        svg.centred(x + 36, 94, "small", label);
    }
    // The order of the panels.
    for panel in 0..2 {
        let x = 78 + 80 * panel;
        svg.path("next", &format!("M{x} 42 h6 m-3 -3 l3 3 l-3 3"));
    }
}

/// A rota pinned at (x, y): a sheet with lines on it.
fn sheet(svg: &mut Svg, class: &str, x: i32, y: i32) {
    svg.open(class);
    svg.rect("paper", x, y, 34, 46);
    for row in 0..4 {
        svg.rect("line", x + 5, y + 8 + 9 * row, 24, 3);
    }
    svg.close();
}

/// A highway closed in the middle, cars queued before the barrier and on
/// every side road that feeds it.
fn highway(svg: &mut Svg, highway: &str, closed: &str, jam: &str) {
    svg.rect("road", 0, 26, 240, 22);
    for x in [40, 120, 200] {
        svg.rect("road", x - 9, 48, 18, 50);
    }
    svg.text(6, 20, "small strong", highway);
    svg.open("closed focus");
    svg.rect("barrier", 166, 22, 10, 30);
    svg.path("cross", "M162 24 L180 56 M180 24 L162 56");
    svg.close();
    svg.ending(236, 18, "small warn", closed);
    // Cars: queued on the highway up to the barrier, and backed up the
    // side roads.
    for x in (6..156).step_by(16) {
        svg.rect("car", x, 32, 12, 10);
    }
    for x in [40, 120, 200] {
        // Three cars a road, the road stopping short of the words below.
        for y in (52..90).step_by(14) {
            svg.rect("car", x - 5, y, 10, 11);
        }
    }
    svg.centred(120, 114, "small warn", jam);
}

/// A help desk at the right and a queue of calls leading to it. The call
/// the desk picks up has already hung up; its caller goes round to the back
/// of the queue again.
fn help_desk(svg: &mut Svg, desk: &str, redial: &str) {
    svg.rect("desk", 198, 30, 38, 44);
    svg.ending(236, 22, "small strong", desk);
    for i in 0..8 {
        svg.rect("call", 12 + 22 * i, 40, 14, 22);
    }
    // The call at the desk: nobody on the line any more.
    svg.open("gone focus");
    svg.rect("call", 178, 40, 14, 22);
    svg.path("cross", "M176 38 L194 64 M194 38 L176 64");
    svg.close();
    // Round to the back of the queue.
    svg.open("loop focus");
    svg.path("loop-line", "M185 68 Q185 92 120 92 Q20 92 18 70");
    svg.path("loop-head", "M18 70 l-5 8 M18 70 l6 7");
    svg.close();
    svg.centred(110, 110, "small warn", redial);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::chapters::CHAPTERS;

    /// The address book, the noticeboard, the highway and the help desk are
    /// drawn, with their words for screen readers in both languages; the
    /// meeting room's sign is words only (chapter 3's picture draws the tag).
    #[test]
    fn the_four_analogies_are_drawn() {
        let analogies: Vec<Key> = CHAPTERS
            .iter()
            .flat_map(|c| c.beats.iter().filter_map(|b| b.analogy))
            .collect();
        let drawn: Vec<Key> = analogies
            .iter()
            .copied()
            .filter(|&k| markup(Lang::Ja, k).is_some())
            .collect();
        for k in &analogies {
            assert_eq!(has_drawing(*k), drawn.contains(k), "{k:?}");
        }
        assert_eq!(
            drawn,
            [
                Key::Ch2Analogy,
                Key::Ch5Analogy,
                Key::Ch6Analogy,
                Key::Ch7Analogy
            ]
        );
        for lang in [Lang::Ja, Lang::En] {
            for k in &drawn {
                let svg = markup(lang, *k).unwrap();
                assert_eq!(svg.matches("<g ").count(), svg.matches("</g>").count());
                assert!(svg.contains("aria-label=\"") && !svg.contains("aria-label=\"\""));
            }
        }
    }
}
