//! The race lab's estimate as a picture: one square per made-up delay of
//! the Monte Carlo estimate (`EstimateConfig::for_reader`, the story's own
//! definition: 2 000 delay episodes seeded by the day), red where the page
//! went blank, calm where it did not. The lab runs the trials in slices;
//! the squares fill in as the slices arrive, and while a new setting is
//! being computed the squares not yet redone keep the last setting's blank
//! ones, faded. A pure function of the trials' outcomes, so it is drawn
//! and tested natively like every picture.

use std::fmt::Write as _;

use crate::i18n::{Key, Lang, msg, one_decimal};
use crate::story::static_page::escape;

use super::format::grouped;

/// Squares a row: the story's 2 000 delays in 20 rows, so on a phone the
/// grid held at the screen's foot leaves three quarters of it to the
/// switches.
pub const COLS: u32 = 100;
/// From one square to the next, and a square's side (SVG units; the
/// picture is 360 wide).
pub const PITCH: f64 = 3.55;
pub const CELL: f64 = 2.9;
/// The grid's left edge and top (under the legend).
const LEFT: f64 = 4.0;
const TOP: f64 = 24.0;
/// A blank square is drawn this much larger, so one red square among
/// 2 000 is seen on a phone.
const BLANK_GROW: f64 = 1.0;

/// The top-left corner of the square of trial `index`.
pub fn square(index: u32) -> (f64, f64) {
    let (row, col) = (index / COLS, index % COLS);
    (LEFT + f64::from(col) * PITCH, TOP + f64::from(row) * PITCH)
}

/// The picture's height for `trials` squares.
pub fn height(trials: u32) -> f64 {
    TOP + f64::from(trials.div_ceil(COLS).max(1)) * PITCH + 2.0
}

/// The first `count` squares as one dashed stroke per row.
fn rows_path(count: u32) -> String {
    let mut d = String::new();
    let mut row = 0;
    let mut left = count;
    while left > 0 {
        let here = left.min(COLS);
        let y = TOP + f64::from(row) * PITCH + CELL / 2.0;
        let _ = write!(d, "M{LEFT:.1} {y:.1}h{:.1}", f64::from(here) * PITCH);
        left -= here;
        row += 1;
    }
    d
}

/// A square of trial `index`, grown by [`BLANK_GROW`].
fn blank_square(out: &mut String, class: &str, index: u32) {
    let (x, y) = square(index);
    let g = BLANK_GROW / 2.0;
    let side = CELL + BLANK_GROW;
    let _ = write!(
        out,
        "<rect class=\"{class}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{side:.1}\" height=\"{side:.1}\"/>",
        x - g,
        y - g
    );
}

/// The width of `text` at the pictures' label size (`ui::text`).
fn text_width(text: &str) -> f64 {
    f64::from(super::text::text_width(text))
}

/// How many of `now` are blank.
pub fn blank_count(now: &[bool]) -> u32 {
    now.iter().filter(|&&b| b).count() as u32
}

/// What a square is, said after the count.
pub const SQUARE: Key = Key::PlayDaysSquare;

/// The share of `blank` in `trials`, in per cent with one decimal.
fn percent(blank: u32, trials: u32) -> String {
    one_decimal(f64::from(blank) * 100.0 / f64::from(trials.max(1)))
}

/// What the grid shows, in words: the count once every trial is in, the
/// progress while they arrive. With [`SQUARE`]'s words, the picture's
/// `aria-label`.
pub fn caption(lang: Lang, now: &[bool], trials: u32) -> String {
    let done = (now.len() as u32).min(trials);
    let blank = blank_count(&now[..done as usize]);
    if done < trials {
        lang.message(&msg::PlayDaysRunning {
            done: &grouped(u64::from(done)),
            trials: &grouped(u64::from(trials)),
            blank: &grouped(u64::from(blank)),
        })
    } else {
        lang.message(&msg::PlayDaysCount {
            blank: &grouped(u64::from(blank)),
            trials: &grouped(u64::from(trials)),
            percent: &percent(blank, trials),
        })
    }
}

/// The grid of `trials` squares: `now` the outcomes of the setting's
/// trials computed so far (true: the page went blank), in trial order;
/// `before` the last complete setting's, shown faded where `now` has not
/// reached yet. Returns the SVG markup.
pub fn markup(lang: Lang, now: &[bool], before: &[bool], trials: u32) -> String {
    let done = (now.len() as u32).min(trials);
    let blank = blank_count(&now[..done as usize]);
    let mut body = String::new();
    // The legend: what a colour means.
    let mut x = LEFT;
    for (class, key) in [
        ("blank", Key::PlayDaysBlank),
        ("calm", Key::PlayDaysCalm),
        ("pending", Key::PlayDaysPending),
    ] {
        let _ = write!(
            body,
            "<rect class=\"swatch {class}\" x=\"{x:.1}\" y=\"4\" width=\"11\" height=\"11\"/>"
        );
        let words = lang.text(key);
        let _ = write!(
            body,
            "<text x=\"{:.1}\" y=\"15\">{}</text>",
            x + 15.0,
            escape(words)
        );
        x += 15.0 + text_width(words) + 14.0;
    }
    let dash = format!(
        "stroke-width=\"{CELL}\" stroke-dasharray=\"{CELL} {:.1}\"",
        PITCH - CELL
    );
    let _ = write!(
        body,
        "<path class=\"cells pending\" {dash} d=\"{}\"/>",
        rows_path(trials)
    );
    if done > 0 {
        let _ = write!(
            body,
            "<path class=\"cells calm\" {dash} d=\"{}\"/>",
            rows_path(done)
        );
    }
    body.push_str("<g class=\"was\">");
    for (i, _) in before
        .iter()
        .enumerate()
        .skip(done as usize)
        .take(trials.saturating_sub(done) as usize)
        .filter(|(_, b)| **b)
    {
        blank_square(&mut body, "was-blank", i as u32);
    }
    body.push_str("</g><g class=\"now\">");
    for (i, _) in now
        .iter()
        .enumerate()
        .take(done as usize)
        .filter(|(_, b)| **b)
    {
        blank_square(&mut body, "blank", i as u32);
    }
    body.push_str("</g>");
    format!(
        "<svg viewBox=\"0 0 360 {:.0}\" role=\"img\" aria-label=\"{}\" class=\"pic-svg days-grid-svg\" \
data-trials=\"{trials}\" data-done=\"{done}\" data-blank=\"{blank}\">{body}</svg>",
        height(trials).ceil(),
        escape(&format!(
            "{}{}{}",
            caption(lang, now, trials),
            if lang == Lang::Ja { "" } else { " " },
            lang.text(SQUARE)
        ))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squares_fill_rows_left_to_right_inside_the_picture() {
        assert_eq!(square(0), (LEFT, TOP));
        let (x1, y1) = square(1);
        assert!((x1 - LEFT - PITCH).abs() < 1e-9 && (y1 - TOP).abs() < 1e-9);
        let (x, y) = square(COLS);
        assert!((x - LEFT).abs() < 1e-9 && (y - TOP - PITCH).abs() < 1e-9);
        // The story's 2 000 delays: 25 rows, every square inside 360 wide.
        let (last_x, last_y) = square(1_999);
        assert!(last_x + CELL + BLANK_GROW <= 360.0, "{last_x}");
        assert!(last_y + CELL <= height(2_000), "{last_y}");
        // Drawn about 340 px wide on a phone: under 90 px tall, so with its
        // count it takes at most a quarter of a 667 px screen.
        assert!(
            height(2_000) * 340.0 / 360.0 < 95.0,
            "short enough to sit under the switches: {}",
            height(2_000)
        );
    }

    #[test]
    fn blank_squares_are_the_blank_trials_and_the_count_is_said() {
        let mut now = vec![false; 2_000];
        for i in [0, 79, 80, 1_999] {
            now[i] = true;
        }
        for lang in Lang::ALL {
            let svg = markup(lang, &now, &[], 2_000);
            assert_eq!(svg.matches("class=\"blank\"").count(), 4, "{svg}");
            assert!(svg.contains("data-blank=\"4\"") && svg.contains("data-done=\"2000\""));
            assert!(!svg.contains("class=\"was-blank\""));
            assert!(svg.contains("aria-label=\""));
            assert!(!svg.contains('{'), "{svg}");
        }
        let en = caption(Lang::En, &now, 2_000);
        assert!(en.contains("4 of 2,000") && en.contains("0.2%"), "{en}");
        let ja = caption(Lang::Ja, &now, 2_000);
        assert!(ja.contains("2,000") && ja.contains('4'), "{ja}");
    }

    #[test]
    fn while_running_the_last_settings_blank_squares_wait_faded() {
        let before: Vec<bool> = (0..2_000).map(|i| i % 100 == 50).collect();
        // Half redone, all fine so far: 10 old blank squares in the second half.
        let now = vec![false; 1_000];
        let svg = markup(Lang::En, &now, &before, 2_000);
        assert_eq!(svg.matches("class=\"was-blank\"").count(), 10);
        assert_eq!(svg.matches("class=\"blank\"").count(), 0);
        assert!(svg.contains("data-done=\"1000\""));
        assert!(caption(Lang::En, &now, 2_000).contains("1,000 of 2,000"));
        assert!(
            svg.contains(Lang::En.text(SQUARE)),
            "the label says what a square is"
        );
        // Nothing yet: every square pending, no calm row drawn.
        let empty = markup(Lang::Ja, &[], &[], 2_000);
        assert!(!empty.contains("cells calm") && empty.contains("cells pending"));
        // More outcomes than trials (never sent) draw only the trials.
        let over = markup(Lang::En, &vec![true; 2_100], &[], 2_000);
        assert_eq!(over.matches("class=\"blank\"").count(), 2_000);
    }

    #[test]
    fn the_legend_fits_the_picture_in_both_languages() {
        for lang in Lang::ALL {
            let width: f64 = [Key::PlayDaysBlank, Key::PlayDaysCalm, Key::PlayDaysPending]
                .into_iter()
                .map(|k| 29.0 + text_width(lang.text(k)))
                .sum();
            assert!(LEFT + width <= 360.0, "{lang:?}: {width}");
        }
    }
}
