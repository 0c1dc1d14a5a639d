//! The documented timeline of FACTS.md (PDT), each entry with its mark.

use super::{Claim, Mark, claim};
use crate::engine::cascade::Minute;
use crate::engine::cascade::clock::at;
use crate::i18n::Key;

/// One documented moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub at: Minute,
    pub claim: Claim,
}

const fn entry(day: u32, h: u32, m: u32, text: Key, mark: Mark) -> Entry {
    Entry {
        at: at(day, h, m),
        claim: claim(text, mark),
    }
}

use Mark::{Documented as D, Summarised as S, Talk as T};

/// In time order. (21 Oct 04:05, Redshift's last clusters, lies past the chart.)
pub const TIMELINE: [Entry; 26] = [
    entry(19, 23, 47, Key::TlRedshift, S),
    entry(19, 23, 48, Key::TlRace, D),
    entry(19, 23, 51, Key::TlLambdaSts, S),
    entry(20, 0, 11, Key::TlDashboard, S),
    entry(20, 0, 38, Key::TlIdentified, D),
    entry(20, 1, 15, Key::TlMitigation, S),
    entry(20, 1, 19, Key::TlStsBack, S),
    entry(20, 1, 25, Key::TlIamBack, S),
    entry(20, 2, 25, Key::TlDnsBack, D),
    entry(20, 2, 40, Key::TlDdbEnd, D),
    entry(20, 4, 14, Key::TlThrottle, S),
    entry(20, 5, 28, Key::TlLeased, S),
    entry(20, 5, 30, Key::TlNlbErrors, D),
    entry(20, 5, 38, Key::TlDnsOff, T),
    entry(20, 6, 21, Key::TlBacklog, S),
    entry(20, 6, 52, Key::TlNlbDetect, S),
    entry(20, 7, 4, Key::TlSecondWave, S),
    entry(20, 8, 31, Key::TlStsSecond, S),
    entry(20, 9, 36, Key::TlNlbOff, S),
    entry(20, 10, 36, Key::TlNetworkOk, D),
    entry(20, 11, 23, Key::TlRelax, S),
    entry(20, 13, 20, Key::TlConnectOk, S),
    entry(20, 13, 50, Key::TlEc2Ok, D),
    entry(20, 14, 9, Key::TlNlbOn, D),
    entry(20, 14, 15, Key::TlLambdaOk, S),
    entry(20, 14, 20, Key::TlEnd, D),
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
}
