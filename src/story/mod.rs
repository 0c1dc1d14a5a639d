//! The story as data: chapters, the claims they make, and each claim's truth mark.
//!
//! Nothing here draws or words anything: a claim names a locale key and the
//! confidence mark FACTS.md gives it; the UI renders both.

use crate::i18n::Key;

pub mod chapters;
pub mod static_page;
pub mod timeline;

/// How sure the record is of a claim (FACTS.md's marks), shown to readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Stated in AWS's post-event summary.
    Documented,
    /// Stated by the DynamoDB team at re:Invent 2025 (DAT453).
    Talk,
    /// Several independent summaries of the post-event summary agree.
    Summarised,
    /// Sources disagree or it is unverified.
    Uncertain,
    /// Our simplification or example, chosen to teach.
    Illustrative,
}

/// AWS's post-event summary.
pub const PES_URL: &str = "https://aws.amazon.com/message/101925/";
/// The DynamoDB team's re:Invent 2025 talk, DAT453.
pub const TALK_URL: &str = "https://www.youtube.com/watch?v=YZUNNzLDWb8";

impl Mark {
    /// Every mark, surest first.
    pub const ALL: [Mark; 5] = [
        Mark::Documented,
        Mark::Talk,
        Mark::Summarised,
        Mark::Uncertain,
        Mark::Illustrative,
    ];

    /// The short label a reader sees after the sentence.
    pub const fn label(self) -> Key {
        match self {
            Mark::Documented => Key::MarkD,
            Mark::Talk => Key::MarkT,
            Mark::Summarised => Key::MarkS,
            Mark::Uncertain => Key::MarkU,
            Mark::Illustrative => Key::MarkI,
        }
    }

    /// One sentence on what the label means.
    pub const fn help(self) -> Key {
        match self {
            Mark::Documented => Key::MarkDHelp,
            Mark::Talk => Key::MarkTHelp,
            Mark::Summarised => Key::MarkSHelp,
            Mark::Uncertain => Key::MarkUHelp,
            Mark::Illustrative => Key::MarkIHelp,
        }
    }

    /// Where a reader can check the claim, one click away; `None` for our own
    /// simplifications and for claims whose sources disagree.
    pub const fn source_url(self) -> Option<&'static str> {
        match self {
            Mark::Documented | Mark::Summarised => Some(PES_URL),
            Mark::Talk => Some(TALK_URL),
            Mark::Uncertain | Mark::Illustrative => None,
        }
    }

    /// A CSS class suffix; the label text and a shape carry the meaning too,
    /// never colour alone.
    pub const fn css(self) -> &'static str {
        match self {
            Mark::Documented => "d",
            Mark::Talk => "t",
            Mark::Summarised => "s",
            Mark::Uncertain => "u",
            Mark::Illustrative => "i",
        }
    }
}

/// One sentence the app shows as fact or example, with its mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    pub text: Key,
    pub mark: Mark,
}

const fn claim(text: Key, mark: Mark) -> Claim {
    Claim { text, mark }
}

/// Chapter 1, "what happened": the opening the reader sees first.
pub mod opening {
    use super::*;

    /// When it started (23:48 PDT, 19 Oct 2025 = 15:48 JST, 20 Oct).
    pub const LEAD: Claim = claim(Key::Ch1Lead, Mark::Documented);
    /// What people saw: examples of the kinds of trouble, not reports.
    pub const SAW: [Key; 4] = [
        Key::Ch1SawShop,
        Key::Ch1SawApp,
        Key::Ch1SawBusiness,
        Key::Ch1SawWeb,
    ];
    pub const SAW_NOTE: Claim = claim(Key::Ch1SawNote, Mark::Illustrative);
    /// 23:48 to 14:20 PDT: 14 h 32 min.
    pub const DURATION: Claim = claim(Key::Ch1Duration, Mark::Documented);
    /// "More than 100": counts of 70 to 142 were reported.
    pub const SCOPE: Claim = claim(Key::Ch1Scope, Mark::Uncertain);
    /// The race emptied the regional DynamoDB record.
    pub const CAUSE: Claim = claim(Key::Ch1Cause, Mark::Documented);
    /// The seed article's year is wrong.
    pub const DATE_NOTE: Claim = claim(Key::Ch1DateNote, Mark::Documented);

    /// Every claim of the opening, in reading order.
    pub const CLAIMS: [Claim; 6] = [LEAD, SAW_NOTE, DURATION, SCOPE, CAUSE, DATE_NOTE];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sourced_marks_link_out() {
        for claim in opening::CLAIMS {
            let linked = claim.mark.source_url().is_some();
            let sourced = matches!(claim.mark, Mark::Documented | Mark::Talk | Mark::Summarised);
            assert_eq!(linked, sourced, "{:?}", claim.text);
        }
    }
}
