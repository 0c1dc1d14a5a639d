//! Which sentences rest on which source: the index behind the sources page.
//!
//! Pure data walking: every claim of the story (opening, beats, engineer's
//! notes) and of the documented timeline, grouped by the source it cites.

use super::chapters::{CHAPTERS, Position};
use super::timeline::TIMELINE;
use super::{Claim, Source, opening};

/// Where in the explainer a claim is said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A beat of the story (the opening is chapter 1's only beat).
    Beat(Position),
    /// The documented timeline (chapter 7's timeline scene).
    Timeline,
}

/// One sentence and where it is said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    pub claim: Claim,
    pub place: Place,
}

/// Every claim the explainer makes, in reading order, the timeline last.
pub fn all_citations() -> Vec<Citation> {
    let mut out: Vec<Citation> = opening::CLAIMS
        .into_iter()
        .map(|claim| Citation {
            claim,
            place: Place::Beat(Position::first()),
        })
        .collect();
    for (chapter, c) in CHAPTERS.iter().enumerate() {
        for (beat, b) in c.beats.iter().enumerate() {
            let place = Place::Beat(Position { chapter, beat });
            for &claim in b.claims.iter().chain(b.engineer.iter()) {
                out.push(Citation { claim, place });
            }
        }
    }
    out.extend(TIMELINE.iter().map(|e| Citation {
        claim: e.claim,
        place: Place::Timeline,
    }));
    out
}

/// The claims resting on `source`, in reading order.
pub fn cited_by(source: Source) -> Vec<Citation> {
    all_citations()
        .into_iter()
        .filter(|c| c.claim.source == source)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_is_cited_and_every_claim_cites_a_listed_source() {
        for source in Source::ALL {
            assert!(
                !cited_by(source).is_empty(),
                "{source:?} is cited by nothing"
            );
        }
        for c in all_citations() {
            assert!(Source::ALL.contains(&c.claim.source));
            assert!(c.claim.source.fits(c.claim.mark), "{:?}", c.claim.text);
        }
    }

    #[test]
    fn source_ids_are_unique_and_linkable() {
        for (i, a) in Source::ALL.iter().enumerate() {
            assert!(
                a.id()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
            assert!(Source::ALL[i + 1..].iter().all(|b| b.id() != a.id()));
        }
    }

    #[test]
    fn announced_remedies_cite_the_report_and_done_fixes_the_talk() {
        use crate::i18n::Key;
        let find = |key: Key| all_citations().into_iter().find(|c| c.claim.text == key);
        assert_eq!(
            find(Key::Ch8B4Promised).map(|c| c.claim.source),
            Some(Source::PesRemedies)
        );
        assert_eq!(
            find(Key::Ch8B4Fixed).map(|c| c.claim.source),
            Some(Source::Talk)
        );
    }
}
