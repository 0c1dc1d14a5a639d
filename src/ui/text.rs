//! Text in pictures: the label size every picture sets, how wide a label
//! is at that size (an estimate that errs wide), and where a label breaks
//! into lines. One measure for every picture, so layouts agree with the
//! style sheet (`svg .small`, `.pic-svg text`, `.graph-svg text`: 13 units).

/// The pictures' label size, in user units: a picture drawn 360 units wide
/// still sets it at 12 px or more on a 375 px phone.
pub(crate) const LABEL_PX: i32 = 13;

/// How wide `text` is at [`LABEL_PX`], in user units, rounded up.
pub(crate) fn text_width(text: &str) -> i32 {
    em_width(text).ceil() as i32
}

/// The width a line of text takes at the picture's size (an estimate that
/// errs wide, measured on the widest common face, DejaVu Sans Bold: CJK a
/// full em, Latin capitals 0.76, digits 0.70, most lower case 0.64, '#' 0.84).
fn em_width(text: &str) -> f32 {
    crate::time::unmarked(text)
        .chars()
        .map(|c| match c {
            ' ' => 0.33,
            'i' | 'l' | 'j' => 0.36,
            't' | 'f' | 'r' | '.' | ',' | ':' | ';' | '(' | ')' | '\'' | '/' | '-' => 0.5,
            'm' | 'w' => 0.95,
            '#' => 0.84,
            c if c.is_ascii_uppercase() => 0.76,
            c if c.is_ascii_digit() => 0.70,
            c if c.is_ascii() => 0.64,
            _ => 1.0,
        })
        .sum::<f32>()
        * LABEL_PX as f32
}

/// The script class of a character, for where Japanese may break: between
/// runs of one script, never before closing or after opening brackets.
fn script(c: char) -> u8 {
    match c {
        c if c.is_ascii() => 0,
        '\u{3041}'..='\u{309f}' => 1, // hiragana
        '\u{30a0}'..='\u{30ff}' => 2, // katakana
        _ => 3,
    }
}

/// Pieces of `text` a line may end after: words (with their space) for
/// Latin text; for Japanese, runs of one script, a hiragana particle kept
/// with the run before it, brackets kept with what they enclose.
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let brk = match prev {
            None => false,
            Some(p) => {
                let closing = matches!(c, '）' | '」' | '、' | '。' | ')' | ',');
                let opening = matches!(p, '（' | '「' | '(');
                // After a space, before an opening bracket, after a closing one.
                let edge = p == ' ' || matches!(c, '（' | '(') || matches!(p, '）' | '」');
                if closing || opening {
                    false
                } else if edge {
                    true
                } else if c.is_ascii() && p.is_ascii() {
                    false
                } else {
                    // A particle stays with what comes before it.
                    script(c) != script(p) && script(c) != 1
                }
            }
        };
        match out.last_mut() {
            Some(last) if !brk => last.push(c),
            _ => out.push(c.to_string()),
        }
        prev = Some(c);
    }
    out
}

/// `text` in lines no wider than `max` (a piece wider than a line is cut
/// between characters). A printed time's mark does not survive a break
/// (`crate::time::set_marking`): such a label keeps the language's zone
/// until the app draws it.
pub(crate) fn wrap(text: &str, max: i32) -> Vec<String> {
    let text = &crate::time::unmarked(text);
    let max = max as f32;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces(text) {
        let trial = format!("{line}{piece}");
        if line.is_empty() || em_width(trial.trim_end()) <= max {
            line = trial;
        } else {
            lines.push(line.trim_end().to_string());
            line = piece;
        }
        // A piece too wide alone: cut it.
        while em_width(line.trim_end()) > max && line.chars().count() > 1 {
            let mut head = String::new();
            for c in line.chars() {
                if !head.is_empty() && em_width(&format!("{head}{c}")) > max {
                    break;
                }
                head.push(c);
            }
            let rest: String = line.chars().skip(head.chars().count()).collect();
            lines.push(head);
            line = rest;
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn wrapping_keeps_words_numbers_and_closing_marks_whole() {
        use super::text_width;
        let en = super::wrap(
            "But after the fix, remembered blank answers kept errors going",
            200,
        );
        assert!(en.len() > 1 && en.iter().all(|l| text_width(l) <= 200));
        assert_eq!(
            en.join(" "),
            "But after the fix, remembered blank answers kept errors going"
        );
        let ja = super::wrap("色：白紙で終わる11,249通り（全35,611通りの31.6%）", 120);
        assert_eq!(
            ja.concat(),
            "色：白紙で終わる11,249通り（全35,611通りの31.6%）"
        );
        for line in &ja {
            assert!(!line.starts_with(['）', '、', '。', ',', '%']), "{ja:?}");
            assert!(!line.ends_with('（'), "{ja:?}");
        }
        // No number is split across lines.
        assert!(ja.iter().any(|l| l.contains("11,249")), "{ja:?}");
        assert!(ja.iter().any(|l| l.contains("31.6%")), "{ja:?}");
    }
}
