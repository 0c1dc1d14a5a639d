//! The time tokens of locale text, parsed. Standalone on purpose: `build.rs`
//! includes this file to check the locale files with the same parser the
//! page uses.
//!
//! A token is a brace group whose content holds a `:`. Three forms are
//! valid: `{t:DD-HH:MM}` (a time of the record, US Pacific, on DD October
//! 2025, DD = 19, 20 or 21), `{tt:DD-HH:MM}` (the same, with the other zone
//! beside it) and `{tw:DD-HH:MM}` (that moment in words: the weekday and the
//! part of the day in the reader's zone, and in Seattle's beside it). Any other brace group with a `:` is a malformed token; brace
//! groups without one are ordinary `{placeholders}` and pass through.

/// How a token asks to be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TokenKind {
    /// `t`: the reader's zone, with its day.
    Time,
    /// `tt`: the reader's zone with its day, and the other zone beside it.
    WithOther,
    /// `tw`: the weekday and part of the day in the reader's zone (and in
    /// the record's, Seattle's, when that is another zone), in words.
    Words,
}

/// One record time: DD-HH:MM, US Pacific (PDT), October 2025.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Token {
    pub kind: TokenKind,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl Token {
    /// Minutes since 19 Oct 2025 00:00 PDT.
    pub const fn pdt_minutes(self) -> i32 {
        ((self.day - 19) * 24 * 60 + self.hour * 60 + self.minute) as i32
    }
}

/// A piece of locale text: plain text (placeholders included), a token,
/// or a malformed token (kept as written).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Token(Token),
    Bad(&'a str),
}

/// Two ASCII digits as a number.
fn two_digits(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    (b.len() == 2 && b.iter().all(u8::is_ascii_digit))
        .then(|| u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0'))
}

/// Parses the inside of a brace group holding a `:` (`t:20-02:25`).
pub fn parse_token(inner: &str) -> Option<Token> {
    let (name, when) = inner.split_once(':')?;
    let kind = match name {
        "t" => TokenKind::Time,
        "tt" => TokenKind::WithOther,
        "tw" => TokenKind::Words,
        _ => return None,
    };
    let (day, clock) = when.split_once('-')?;
    let (hour, minute) = clock.split_once(':')?;
    let (day, hour, minute) = (two_digits(day)?, two_digits(hour)?, two_digits(minute)?);
    ((19..=21).contains(&day) && hour < 24 && minute < 60).then_some(Token {
        kind,
        day,
        hour,
        minute,
    })
}

/// Splits `text` into plain text, tokens and malformed tokens, in order.
/// Never fails: an unclosed `{` is plain text unless it opens a token.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    while let Some(open) = text[at..].find('{').map(|i| at + i) {
        let after = &text[open + 1..];
        // The group ends at the first `}`, or where another `{` begins.
        let close = after
            .find(['}', '{'])
            .filter(|&i| after.as_bytes()[i] == b'}');
        let inner = match close {
            Some(c) => &after[..c],
            None => after.split('{').next().unwrap_or(""),
        };
        if !inner.contains(':') {
            at = open + 1;
            continue;
        }
        if open > plain_from {
            out.push(Piece::Text(&text[plain_from..open]));
        }
        let end = match close {
            Some(c) => open + 1 + c + 1,
            None => open + 1 + inner.len(),
        };
        match close.and_then(|_| parse_token(inner)) {
            Some(token) => out.push(Piece::Token(token)),
            None => out.push(Piece::Bad(&text[open..end])),
        }
        plain_from = end;
        at = end;
    }
    if plain_from < text.len() {
        out.push(Piece::Text(&text[plain_from..]));
    }
    out
}
