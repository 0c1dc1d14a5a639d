//! Simulated time of the cascade: whole minutes since 19 Oct 2025 23:40 PDT.
//!
//! Times in the record are PDT (UTC-7); the simulation runs from 23:40 on
//! 19 October to 06:00 on 21 October, one step a minute.

/// Minutes since [`START`] (19 Oct 2025 23:40 PDT).
pub type Minute = u32;

/// The last simulated minute, exclusive: 21 Oct 2025 06:00 PDT.
pub const END: Minute = at(21, 6, 0);

/// The minute of a PDT wall-clock time on 19, 20 or 21 October 2025.
/// Times before 23:40 on the 19th are clamped to 0.
pub const fn at(day: u32, hour: u32, minute: u32) -> Minute {
    let since_19th_midnight = (day - 19) * 24 * 60 + hour * 60 + minute;
    since_19th_midnight.saturating_sub(23 * 60 + 40)
}

/// `YYYY-MM-DD HH:MM` (PDT) of a simulated minute.
pub fn label(m: Minute) -> String {
    let total = 23 * 60 + 40 + m;
    let (day, rest) = (19 + total / (24 * 60), total % (24 * 60));
    format!("2025-10-{day:02} {:02}:{:02}", rest / 60, rest % 60)
}

/// `HH:MM` (PDT) of a simulated minute.
pub fn hhmm(m: Minute) -> String {
    label(m)[11..].to_string()
}

/// Parses `HH:MM` on the 19th (from 23:40) or the 20th/21st, as written in
/// the record; `None` for anything else.
pub fn parse_hhmm(text: &str, day: u32) -> Option<Minute> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && (19..=21).contains(&day)).then(|| at(day, h, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_the_record_times() {
        assert_eq!(at(19, 23, 48), 8);
        assert_eq!(label(8), "2025-10-19 23:48");
        assert_eq!(label(at(20, 2, 25)), "2025-10-20 02:25");
        assert_eq!(label(at(21, 4, 5)), "2025-10-21 04:05");
        assert_eq!(END, 30 * 60 + 20);
        assert_eq!(parse_hhmm("14:20", 20), Some(at(20, 14, 20)));
        assert_eq!(parse_hhmm("25:00", 20), None);
        assert_eq!(hhmm(at(20, 9, 36)), "09:36");
    }
}
