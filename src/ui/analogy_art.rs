//! The three analogies drawn: the address book and the notebook beside it
//! (DNS and its cache), two people meeting in one doorway (the race), and a
//! closed highway whose side roads jam (the cascade). Simple line drawings
//! beside the analogy's words, with their own words for screen readers; the
//! office of chapter 3 is drawn by its scene. A pure function of (analogy,
//! language) to SVG markup.

use super::idea_scene::Svg;
use crate::i18n::{Key, Lang};
use crate::story::static_page::escape;

/// Whether an analogy is drawn.
pub fn has_drawing(analogy: Key) -> bool {
    matches!(analogy, Key::Ch2Analogy | Key::Ch4Analogy | Key::Ch6Analogy)
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
        Key::Ch4Analogy => {
            doorway(&mut svg);
            Key::ArtDoorAlt
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

/// Two people walking into one doorway from either side, meeting in it.
fn doorway(svg: &mut Svg) {
    svg.rect("wall", 0, 8, 240, 96);
    svg.rect("opening", 92, 20, 56, 84);
    svg.path("frame", "M92 104 V20 H148 V104 M0 104 H240");
    for (class, x, facing) in [("walker walker-a", 107, 1), ("walker walker-b", 133, -1)] {
        svg.open(class);
        svg.circle(x, 38, 8);
        let (back, front) = (x - 10 * facing, x + 10 * facing);
        // Walking: legs in stride, the arm swinging back.
        let body = format!(
            "M{x} 46 V76 L{back} 100 M{x} 76 L{front} 100 M{x} 54 L{} 70",
            x - 9 * facing
        );
        svg.path("body", &body);
        // Lines behind, for the walking.
        let trail = x - 26 * facing;
        let tip = x - 16 * facing;
        svg.path(
            "trail",
            &format!("M{trail} 44 H{tip} M{trail} 58 H{tip} M{trail} 72 H{tip}"),
        );
        svg.close();
    }
    // The bump: a burst over the spot where they meet.
    svg.path("bump", "M120 14 L120 26 M110 18 L116 28 M130 18 L124 28");
}

/// A highway closed in the middle, cars queued before the barrier and on
/// every side road that feeds it.
fn highway(svg: &mut Svg, highway: &str, closed: &str, jam: &str) {
    svg.rect("road", 0, 26, 240, 22);
    for x in [40, 120, 200] {
        svg.rect("road", x - 9, 48, 18, 58);
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
        for y in (52..100).step_by(14) {
            svg.rect("car", x - 5, y, 10, 11);
        }
    }
    svg.centred(120, 114, "small warn", jam);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::chapters::CHAPTERS;

    /// The address book, the doorway and the highway are drawn, with their
    /// words for screen readers in both languages; every other analogy is
    /// words only (the office is chapter 3's picture).
    #[test]
    fn the_three_analogies_are_drawn() {
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
        assert_eq!(drawn, [Key::Ch2Analogy, Key::Ch4Analogy, Key::Ch6Analogy]);
        for lang in [Lang::Ja, Lang::En] {
            for k in &drawn {
                let svg = markup(lang, *k).unwrap();
                assert_eq!(svg.matches("<g ").count(), svg.matches("</g>").count());
                assert!(svg.contains("aria-label=\"") && !svg.contains("aria-label=\"\""));
            }
        }
    }
}
