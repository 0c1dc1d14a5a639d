//! Numbers in words: pure formatting shared by the screens, tested natively.

use crate::i18n::{Key, Lang, msg};

/// `12345` -> `12,345`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A duration as a reader says it: `0分`, `45分`, `13時間`, `13時間23分`
/// (`0 min`, `45 min`, `13 h`, `13 h 23 min`); never hundreds of minutes.
pub fn duration(lang: Lang, minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    if minutes == 0 {
        lang.text(Key::PcZero).to_string()
    } else if h == 0 {
        lang.message(&msg::PcMinutes {
            value: &m.to_string(),
        })
    } else if m == 0 {
        lang.message(&msg::PcHours { h: &h.to_string() })
    } else {
        lang.message(&msg::PcDuration {
            h: &h.to_string(),
            m: &m.to_string(),
        })
    }
}

/// Two sentences one after the other: Japanese runs them on, English puts a
/// space between them.
pub fn then(lang: Lang, first: &str, second: &str) -> String {
    match lang {
        Lang::Ja => format!("{first}{second}"),
        Lang::En => format!("{first} {second}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_hours_and_minutes() {
        assert_eq!(duration(Lang::Ja, 0), "0分");
        assert_eq!(duration(Lang::Ja, 45), "45分");
        assert_eq!(duration(Lang::Ja, 780), "13時間");
        assert_eq!(duration(Lang::Ja, 803), "13時間23分");
        assert_eq!(duration(Lang::En, 803), "13 h 23 min");
        assert_eq!(duration(Lang::En, 60), "1 h");
        assert_eq!(duration(Lang::En, 5), "5 min");
    }

    #[test]
    fn sentences_follow_each_other_as_each_language_writes_them() {
        assert_eq!(
            then(Lang::Ja, "白紙です。", "直りません。"),
            "白紙です。直りません。"
        );
        assert_eq!(then(Lang::En, "Blank.", "Stuck."), "Blank. Stuck.");
    }

    #[test]
    fn large_numbers_are_grouped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(943), "943");
        assert_eq!(grouped(35_611), "35,611");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
