//! Questions a reader asks of a run's trace, answered as trace indices, ids,
//! counts and milliseconds (never words): which events explain the first
//! empty record, and the moments of the race that led to it.
//!
//! Both read a trace the engine produced ([`RaceRun::events`]) and rely on
//! how [`World::step`](super::model::World::step) reports things: the
//! clean-up that deletes the tree in use reports the deletion just before
//! the emptying, and a check passes only for a plan newer than every plan
//! applied so far. Those facts are asserted in debug builds (every test), so
//! a change of the engine that breaks them fails loudly in the tests rather
//! than telling the reader a wrong story; a reader's release build does not
//! abort on them.

use super::model::{EnactorId, EndpointId, Generation, World};
use super::run::{RaceRun, worlds_after_events};
use super::trace::{RaceEvent, TimedEvent};

/// The back-offs one Enactor waited through between two events of its run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Backoffs {
    pub enactor: EnactorId,
    /// How many times it backed off; at least 1.
    pub count: u32,
    /// The waits added up.
    pub total_wait_ms: u64,
}

/// The flip that wrote the emptied plan onto the endpoint, and what led to it.
/// In the race, it is the slow clerk's stale overwrite.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Overwrite {
    /// The trace index of the flip: the last `Flipped` to the emptied plan on
    /// the emptied endpoint before the emptying.
    pub flip: usize,
    /// Who flipped.
    pub enactor: EnactorId,
    /// The flipping Enactor's last passing check of that plan before the flip:
    /// the one check that let the plan through.
    pub check: Option<usize>,
    /// The last flip of the endpoint to a newer plan before the overwrite:
    /// the newer write it undid.
    pub undone_flip: Option<usize>,
    /// The flipping Enactor's back-offs from its check to its flip; `None`
    /// without a check or when it never backed off in between.
    pub backoffs: Option<Backoffs>,
}

/// The events behind a run's first empty record, as indices into its trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EmptyingChain {
    /// The endpoint whose record went empty.
    pub endpoint: EndpointId,
    /// The plan whose tree was deleted while in use.
    pub generation: Generation,
    /// The first `RecordEmptied` of the trace.
    pub emptied: usize,
    /// The event just before it: the clean-up (`TreesDeleted`) that deleted
    /// the tree in use.
    pub cleanup: usize,
    /// How the emptied plan came to be in use; `None` if no flip in the trace
    /// wrote it (it was in use from the start).
    pub overwrite: Option<Overwrite>,
}

impl EmptyingChain {
    /// The chain's events in trace order, each once: the check, the undone
    /// newer flip, the overwrite, the clean-up and the emptying (those found).
    pub fn indices(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(5);
        if let Some(o) = self.overwrite {
            out.extend(o.check);
            out.extend(o.undone_flip);
            out.push(o.flip);
        }
        out.extend([self.cleanup, self.emptied]);
        debug_assert!(
            out.windows(2).all(|w| w[0] < w[1]),
            "the chain's events are in trace order: {out:?}"
        );
        out
    }

    /// The check that let the emptied plan through, if found.
    pub fn check(&self) -> Option<usize> {
        self.overwrite.and_then(|o| o.check)
    }

    /// The overwriting Enactor's back-offs between its check and its
    /// overwrite, if it had any.
    pub fn backoffs(&self) -> Option<Backoffs> {
        self.overwrite.and_then(|o| o.backoffs)
    }
}

/// A quiet moment of the story lies at least this long before the
/// overwriting clerk's check and before the delays begin.
pub const CALM_MARGIN_MS: u64 = 5_000;

/// By the third flip that fails for want of its rollback tree after the
/// emptying, the stuck state is plain to see.
pub const STUCK_AFTER_FAILED_FLIPS: usize = 3;

/// The key moments of a race that emptied a record, as trace indices in
/// trace order (`calm < check <= first_backoff`, `check < undone_flip <
/// overwrite < emptied < stuck`). Found backwards from the first empty
/// record, so they are the moments that led to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RaceMoments {
    /// The last event [`CALM_MARGIN_MS`] or more before both the check and
    /// the start of the delays: no page blank yet and no clerk delayed.
    pub calm: usize,
    /// The overwriting Enactor's one check that let its plan through.
    pub check: usize,
    /// Its first back-off at or after that check.
    pub first_backoff: usize,
    /// The newer flip of the endpoint that the overwrite undid.
    pub undone_flip: usize,
    /// The overwrite: the flip that wrote the plan whose tree was deleted.
    pub overwrite: usize,
    /// The first empty record.
    pub emptied: usize,
    /// The [`STUCK_AFTER_FAILED_FLIPS`]th failed flip after the emptying
    /// (`FlipFailedRollbackMissing`): the automation is stuck.
    pub stuck: usize,
}

impl RaceRun {
    /// The events behind the first empty record; `None` if no record went
    /// empty.
    pub fn explain_first_empty(&self) -> Option<EmptyingChain> {
        explain_first_empty(&self.events)
    }

    /// The race's key moments; `None` unless the run has them all (a record
    /// went empty after a checked overwrite that undid a newer flip, the
    /// overwriting Enactor backed off, a quiet moment came first, and enough
    /// flips failed afterwards).
    pub fn moments(&self) -> Option<RaceMoments> {
        let ev = &self.events;
        let chain = self.explain_first_empty()?;
        let overwrite = chain.overwrite?;
        let check = overwrite.check?;
        let quiet_until_ms = ev[check].at_ms.min(u64::from(self.scenario.slow_from_ms));
        let calm = ev
            .iter()
            .rposition(|e| e.at_ms + CALM_MARGIN_MS < quiet_until_ms)?;
        let first_backoff = (check..ev.len()).find(|&i| {
            matches!(ev[i].event, RaceEvent::BackedOff { enactor, .. } if enactor == overwrite.enactor)
        })?;
        let stuck = (chain.emptied + 1..ev.len())
            .filter(|&i| matches!(ev[i].event, RaceEvent::FlipFailedRollbackMissing { .. }))
            .nth(STUCK_AFTER_FAILED_FLIPS - 1)?;
        let moments = RaceMoments {
            calm,
            check,
            first_backoff,
            undone_flip: overwrite.undone_flip?,
            overwrite: overwrite.flip,
            emptied: chain.emptied,
            stuck,
        };
        debug_assert!(moments.calm < moments.check && moments.check <= moments.first_backoff);
        debug_assert!(moments.emptied < moments.stuck);
        Some(moments)
    }

    /// The world after trace event `index` of this run, from a replay of its
    /// scenario that stops there (when the turn that emitted the event is
    /// over). For many indices, [`worlds_after_events`] does one pass.
    pub fn world_after_event(&self, index: usize) -> World {
        worlds_after_events(&self.scenario, &[index])
            .pop()
            .expect("one world per index")
    }
}

/// The events of `events` (a trace the engine produced) behind its first
/// empty record; `None` if no record went empty.
pub fn explain_first_empty(events: &[TimedEvent]) -> Option<EmptyingChain> {
    let emptied = events
        .iter()
        .position(|e| matches!(e.event, RaceEvent::RecordEmptied { .. }))?;
    let RaceEvent::RecordEmptied {
        endpoint,
        generation,
        ..
    } = events[emptied].event
    else {
        unreachable!("found as RecordEmptied")
    };
    let cleanup = emptied.saturating_sub(1);
    debug_assert!(
        matches!(events[cleanup].event, RaceEvent::TreesDeleted { endpoint: e, .. } if e == endpoint),
        "the clean-up that empties a record reports its deletion just before"
    );
    let before = |until: usize, pred: &dyn Fn(&RaceEvent) -> bool| {
        events[..until].iter().rposition(|e| pred(&e.event))
    };
    let overwrite = before(emptied, &|e| {
        matches!(*e, RaceEvent::Flipped { endpoint: p, to, .. } if p == endpoint && to == generation)
    })
    .map(|flip| {
        let enactor = events[flip]
            .event
            .actor()
            .expect("a flip has an Enactor");
        let check = before(flip, &|e| {
            matches!(*e, RaceEvent::CheckPassed { enactor: who, plan, .. }
                if who == enactor && plan == generation)
        });
        let backoffs = check.and_then(|check| {
            let (count, total_wait_ms) = events[check..flip]
                .iter()
                .filter_map(|e| match e.event {
                    RaceEvent::BackedOff {
                        enactor: who,
                        wait_ms,
                        ..
                    } if who == enactor => Some(wait_ms),
                    _ => None,
                })
                .fold((0u32, 0u64), |(n, sum), wait| (n + 1, sum + wait));
            (count > 0).then_some(Backoffs {
                enactor,
                count,
                total_wait_ms,
            })
        });
        let undone_flip = before(flip, &|e| {
            matches!(*e, RaceEvent::Flipped { endpoint: p, to, .. } if p == endpoint && to > generation)
        });
        // A check passes only for a plan newer than any applied, so a flip
        // to a newer plan cannot come before it.
        if let (Some(c), Some(u)) = (check, undone_flip) {
            debug_assert!(c < u, "the undone flip {u} comes after the check {c}");
        }
        Overwrite {
            flip,
            enactor,
            check,
            undone_flip,
            backoffs,
        }
    });
    Some(EmptyingChain {
        endpoint,
        generation,
        emptied,
        cleanup,
        overwrite,
    })
}
