//! Typed events of the race: what happened, to which endpoint and tree, and why.
//!
//! The story narrates these one by one and the scenes draw them; the engine
//! never words them. `Display` gives the one-line engineer's form used by the
//! `race` example and by tests.

use core::fmt;

use super::model::{EnactorId, EndpointId, Generation};

/// One thing that happened in the DNS automation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RaceEvent {
    /// The Planner wrote a new plan.
    PlanCreated { generation: Generation },
    /// An Enactor picked up the newest plan.
    PlanRead {
        enactor: EnactorId,
        plan: Generation,
    },
    /// The one-time check passed: the plan is newer than the last applied one.
    CheckPassed {
        enactor: EnactorId,
        plan: Generation,
        last_applied: Generation,
    },
    /// The one-time check failed: the run stops before touching anything.
    CheckFailed {
        enactor: EnactorId,
        plan: Generation,
        last_applied: Generation,
    },
    /// An Enactor wrote its name into the lock record.
    LockTaken {
        enactor: EnactorId,
        endpoint: EndpointId,
        /// Set when the previous holder's lock had expired and was taken over.
        taken_over_from: Option<EnactorId>,
    },
    /// Someone else holds the lock: back off and retry.
    LockBusy {
        enactor: EnactorId,
        endpoint: EndpointId,
        holder: EnactorId,
    },
    /// The flip failed because another Enactor rewrote the lock meanwhile.
    LockLost {
        enactor: EnactorId,
        endpoint: EndpointId,
        holder: Option<EnactorId>,
    },
    /// The alias now points at `to`'s tree; the rollback record at `from`'s.
    Flipped {
        enactor: EnactorId,
        endpoint: EndpointId,
        from: Generation,
        to: Generation,
        /// How many plans newer than `to` the Planner had already written.
        behind_newest: u32,
    },
    /// Guard "re-check at write time": the plan was not newer than the active one.
    FlipSkippedNotNewer {
        enactor: EnactorId,
        endpoint: EndpointId,
        plan: Generation,
        active: Generation,
    },
    /// The flip failed: its rollback record would name a tree that is gone.
    FlipFailedRollbackMissing {
        enactor: EnactorId,
        endpoint: EndpointId,
        plan: Generation,
        missing: Generation,
    },
    /// The flip failed because another endpoint is in the inconsistent state
    /// (its active tree is gone): no Enactor applies plans until it is repaired.
    FlipBlockedInconsistent {
        enactor: EnactorId,
        endpoint: EndpointId,
        plan: Generation,
        empty_endpoint: EndpointId,
    },
    /// Clean-up deleted `count` old trees (`oldest..=newest`), sparing `spared`.
    TreesDeleted {
        enactor: EnactorId,
        endpoint: EndpointId,
        count: u32,
        oldest: Generation,
        newest: Generation,
        spared: u32,
    },
    /// The active tree was deleted: the endpoint answers with no addresses.
    RecordEmptied {
        endpoint: EndpointId,
        deleted_by: EnactorId,
        generation: Generation,
    },
    /// An empty endpoint has a live tree again.
    RecordHealed {
        endpoint: EndpointId,
        generation: Generation,
    },
    /// An Enactor finished a run, clean-up included.
    RunFinished {
        enactor: EnactorId,
        plan: Generation,
    },
    /// An Enactor waits before retrying the lock.
    BackedOff {
        enactor: EnactorId,
        endpoint: EndpointId,
        wait_ms: u64,
        losses_in_row: u32,
    },
    /// An operator repaired an endpoint by hand.
    OperatorRepaired {
        endpoint: EndpointId,
        generation: Generation,
    },
}

impl RaceEvent {
    /// The Enactor who acted, if one did.
    pub fn actor(&self) -> Option<EnactorId> {
        use RaceEvent::*;
        match *self {
            PlanRead { enactor, .. }
            | CheckPassed { enactor, .. }
            | CheckFailed { enactor, .. }
            | LockTaken { enactor, .. }
            | LockBusy { enactor, .. }
            | LockLost { enactor, .. }
            | Flipped { enactor, .. }
            | FlipSkippedNotNewer { enactor, .. }
            | FlipFailedRollbackMissing { enactor, .. }
            | FlipBlockedInconsistent { enactor, .. }
            | TreesDeleted { enactor, .. }
            | RunFinished { enactor, .. }
            | BackedOff { enactor, .. } => Some(enactor),
            RecordEmptied { deleted_by, .. } => Some(deleted_by),
            PlanCreated { .. } | RecordHealed { .. } | OperatorRepaired { .. } => None,
        }
    }

    /// Events a reader needs to follow the race; the rest (plan churn, lock
    /// chatter of healthy runs) can be folded away.
    pub fn is_notable(&self) -> bool {
        !matches!(
            self,
            RaceEvent::PlanCreated { .. }
                | RaceEvent::PlanRead { .. }
                | RaceEvent::LockTaken { .. }
                | RaceEvent::RunFinished { .. }
        )
    }
}

/// An event and when it happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimedEvent {
    pub at_ms: u64,
    pub event: RaceEvent,
}

fn ep(e: EndpointId) -> u8 {
    e.0
}

impl fmt::Display for RaceEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RaceEvent::*;
        match *self {
            PlanCreated { generation } => write!(f, "planner: plan {generation}"),
            PlanRead { enactor, plan } => write!(f, "{}: read plan {plan}", enactor.letter()),
            CheckPassed {
                enactor,
                plan,
                last_applied,
            } => {
                write!(
                    f,
                    "{}: check ok, plan {plan} > last applied {last_applied}",
                    enactor.letter()
                )
            }
            CheckFailed {
                enactor,
                plan,
                last_applied,
            } => {
                write!(
                    f,
                    "{}: check failed, plan {plan} <= last applied {last_applied}",
                    enactor.letter()
                )
            }
            LockTaken {
                enactor,
                endpoint,
                taken_over_from,
            } => match taken_over_from {
                Some(prev) => write!(
                    f,
                    "{}: lock e{} (taken over from {})",
                    enactor.letter(),
                    ep(endpoint),
                    prev.letter()
                ),
                None => write!(f, "{}: lock e{}", enactor.letter(), ep(endpoint)),
            },
            LockBusy {
                enactor,
                endpoint,
                holder,
            } => {
                write!(
                    f,
                    "{}: lock e{} busy (held by {})",
                    enactor.letter(),
                    ep(endpoint),
                    holder.letter()
                )
            }
            LockLost {
                enactor,
                endpoint,
                holder,
            } => write!(
                f,
                "{}: flip e{} failed, lock now {}",
                enactor.letter(),
                ep(endpoint),
                holder.map_or('-', EnactorId::letter)
            ),
            Flipped {
                enactor,
                endpoint,
                from,
                to,
                behind_newest,
            } => write!(
                f,
                "{}: flip e{} {from} -> {to} ({behind_newest} behind newest)",
                enactor.letter(),
                ep(endpoint)
            ),
            FlipSkippedNotNewer {
                enactor,
                endpoint,
                plan,
                active,
            } => write!(
                f,
                "{}: flip e{} skipped, plan {plan} not newer than active {active}",
                enactor.letter(),
                ep(endpoint)
            ),
            FlipFailedRollbackMissing {
                enactor,
                endpoint,
                plan,
                missing,
            } => write!(
                f,
                "{}: flip e{} to {plan} failed, rollback target {missing} is gone",
                enactor.letter(),
                ep(endpoint)
            ),
            FlipBlockedInconsistent {
                enactor,
                endpoint,
                plan,
                empty_endpoint,
            } => write!(
                f,
                "{}: flip e{} to {plan} failed, e{} is inconsistent",
                enactor.letter(),
                ep(endpoint),
                ep(empty_endpoint)
            ),
            TreesDeleted {
                enactor,
                endpoint,
                count: 0,
                spared,
                ..
            } => write!(
                f,
                "{}: clean-up e{} deleted nothing, spared {spared}",
                enactor.letter(),
                ep(endpoint)
            ),
            TreesDeleted {
                enactor,
                endpoint,
                count,
                oldest,
                newest,
                spared,
            } => write!(
                f,
                "{}: clean-up e{} deleted {count} tree(s) {oldest}..={newest}, spared {spared}",
                enactor.letter(),
                ep(endpoint)
            ),
            RecordEmptied {
                endpoint,
                deleted_by,
                generation,
            } => write!(
                f,
                "EMPTY e{}: active tree {generation} deleted by {}",
                ep(endpoint),
                deleted_by.letter()
            ),
            RecordHealed {
                endpoint,
                generation,
            } => {
                write!(
                    f,
                    "healed e{}: alias on live tree {generation}",
                    ep(endpoint)
                )
            }
            RunFinished { enactor, plan } => {
                write!(f, "{}: run of plan {plan} finished", enactor.letter())
            }
            BackedOff {
                enactor,
                endpoint,
                wait_ms,
                losses_in_row,
            } => write!(
                f,
                "{}: back off {wait_ms} ms before e{} (lost {losses_in_row} in a row)",
                enactor.letter(),
                ep(endpoint)
            ),
            OperatorRepaired {
                endpoint,
                generation,
            } => {
                write!(
                    f,
                    "operator: repaired e{} with plan {generation}",
                    ep(endpoint)
                )
            }
        }
    }
}

/// A fingerprint of a trace that is the same on every platform: FNV-1a over
/// each event's time and its one-line form. Used to prove that the browser
/// build and the native build produce the same run.
pub fn trace_hash(events: &[TimedEvent]) -> u64 {
    use core::fmt::Write as _;
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut line = String::with_capacity(96);
    for e in events {
        line.clear();
        let _ = writeln!(line, "{} {}", e.at_ms, e.event);
        for byte in line.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}
