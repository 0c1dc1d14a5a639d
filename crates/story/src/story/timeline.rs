//! The documented timeline of docs/RECORD.md (PDT), each entry with its mark.

use super::{Claim, Mark, Source, claim};
use crate::engine::cascade::Minute;
use crate::engine::cascade::clock::at;
use crate::i18n::Key;

/// One documented moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub at: Minute,
    pub claim: Claim,
}

const fn entry(day: u32, h: u32, m: u32, text: Key, mark: Mark, source: Source) -> Entry {
    Entry {
        at: at(day, h, m),
        claim: claim(text, mark, source),
    }
}

use Mark::{Documented as D, Summarised as S, Talk as T};
use Source::{
    Dashboard as DASH, PesDynamoDb as DDB, PesEc2 as EC2, PesIntro as INTRO, PesNlb as NLB,
    Summaries as SUM, Talk as TALK,
};

/// In time order, to the last Redshift clusters on the 21st.
pub const TIMELINE: [Entry; 30] = [
    entry(19, 23, 47, Key::TlRedshift, S, SUM),
    entry(19, 23, 48, Key::TlRace, D, DDB),
    entry(19, 23, 48, Key::TlDwfmFail, S, SUM),
    entry(19, 23, 51, Key::TlLambdaSts, S, SUM),
    entry(20, 0, 11, Key::TlDashboard, S, DASH),
    entry(20, 0, 38, Key::TlIdentified, D, DDB),
    entry(20, 1, 15, Key::TlMitigation, S, SUM),
    entry(20, 1, 19, Key::TlStsBack, S, SUM),
    entry(20, 1, 25, Key::TlIamBack, S, SUM),
    entry(20, 2, 25, Key::TlDnsBack, S, SUM),
    entry(20, 2, 40, Key::TlDdbEnd, D, DDB),
    entry(20, 4, 14, Key::TlThrottle, S, SUM),
    entry(20, 5, 28, Key::TlLeased, S, SUM),
    entry(20, 5, 30, Key::TlNlbErrors, D, NLB),
    entry(20, 5, 38, Key::TlDnsOff, T, TALK),
    entry(20, 6, 21, Key::TlBacklog, S, SUM),
    entry(20, 6, 52, Key::TlNlbDetect, S, SUM),
    entry(20, 7, 4, Key::TlSecondWave, S, SUM),
    entry(20, 8, 31, Key::TlStsSecond, S, SUM),
    entry(20, 9, 36, Key::TlNlbOff, S, SUM),
    entry(20, 10, 36, Key::TlNetworkOk, D, EC2),
    entry(20, 11, 23, Key::TlRelax, S, SUM),
    entry(20, 13, 20, Key::TlConnectOk, S, SUM),
    entry(20, 13, 50, Key::TlEc2Ok, D, EC2),
    entry(20, 14, 9, Key::TlNlbOn, S, SUM),
    entry(20, 14, 15, Key::TlLambdaOk, S, SUM),
    entry(20, 14, 20, Key::TlEnd, D, INTRO),
    entry(20, 14, 20, Key::TlContainers, S, SUM),
    entry(20, 15, 1, Key::TlAllNormal, S, DASH),
    entry(21, 4, 5, Key::TlRedshiftLast, S, SUM),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_in_time_order_and_unique() {
        assert!(TIMELINE.windows(2).all(|w| w[0].at <= w[1].at));
        for (i, a) in TIMELINE.iter().enumerate() {
            assert!(
                TIMELINE[i + 1..]
                    .iter()
                    .all(|b| b.claim.text != a.claim.text)
            );
        }
    }

    #[test]
    fn the_timeline_goes_past_the_end_the_report_gives() {
        // 14:20 is the end AWS gives in its report, written afterwards; nobody
        // announced it then, and not everything was back: the status page's
        // first all-normal and the last Redshift clusters come after it.
        let at_of = |key: Key| TIMELINE.iter().find(|e| e.claim.text == key).map(|e| e.at);
        let end = at_of(Key::TlEnd).expect("the end the report gives");
        assert_eq!(end, at(20, 14, 20));
        assert_eq!(at_of(Key::TlAllNormal), Some(at(20, 15, 1)));
        assert_eq!(at_of(Key::TlRedshiftLast), Some(at(21, 4, 5)));
        assert_eq!(
            TIMELINE.last().map(|e| e.claim.text),
            Some(Key::TlRedshiftLast)
        );
    }
}
