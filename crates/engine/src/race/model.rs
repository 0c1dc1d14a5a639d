//! The state of DynamoDB's DNS automation and the one step function that changes it.
//!
//! What is modelled, and how sure the record is of each part (docs/RECORD.md marks):
//! - A Planner writes numbered plan generations (D). Numbers start at 100 here,
//!   like the made-up 110/145/146 of the talk (I).
//! - Route 53 holds, per endpoint, the plan trees that exist, the alias that
//!   names the active tree, the rollback record, and a lock record with holder
//!   and expiry (T). Every Enactor change batch deletes-as-expected and
//!   re-creates the lock, so it fails if someone else rewrote the lock (T).
//! - Three Enactors, one per Availability Zone (D). A run: read the newest plan,
//!   check **once** that it is newer than the last applied plan (D), then per
//!   endpoint take the lock and flip alias and rollback in one transaction (D/T),
//!   then clean up trees older than the applied generation minus a threshold (D/T).
//! - An alias that names a deleted tree answers NOERROR with zero addresses (T):
//!   the record is **empty**. A flip must point the rollback record at the tree
//!   it replaces; when that tree is gone the transaction fails (D/T).
//! - An empty record is an **inconsistent state** that "prevented subsequent
//!   plan updates from being applied by any DNS Enactors" (D). So while any
//!   endpoint is empty, every flip fails, on every endpoint, and a failed flip
//!   ends the Enactor's run (no further endpoints, no clean-up): the automation
//!   is **stuck** until an operator repairs it by hand (D). How the failure
//!   reached the other endpoints is not public (I): here the Enactor's run
//!   reads the plan's endpoints as one, and one inconsistent endpoint fails it.
//!   With the "rollback tolerates a missing tree" fix, flips go on and the
//!   first flip of the empty endpoint heals it (T).
//! - `last_applied` is the newest plan ever applied (D: the check compares with
//!   "the last applied plan"; a stale flip does not make it older).
//!
//! Time is integer milliseconds and only the driver moves it: this module never
//! reads a clock and has no randomness. Each call to [`World::step`] is one
//! atomic Route 53 call (or one check) committing at `now_ms`.

use serde::{Deserialize, Serialize};

use super::trace::RaceEvent;

/// A plan generation number; higher is newer.
pub type Generation = u32;

/// The generation every endpoint has applied when a world starts (illustrative).
pub const FIRST_GENERATION: Generation = 100;

/// Most endpoints a world may have.
pub const MAX_ENDPOINTS: usize = 3;

/// DynamoDB endpoints in us-east-1 that one regional plan covers (D), in the
/// order an Enactor walks them (the order is I). The regional endpoint, the one
/// that went empty (D), comes first; a world with `n` endpoints uses the first `n`.
pub const ENDPOINT_NAMES: [&str; MAX_ENDPOINTS] = [
    "dynamodb.us-east-1.amazonaws.com",
    "dynamodb.us-east-1.api.aws",
    "dynamodb-fips.us-east-1.amazonaws.com",
];

/// One of the three DNS Enactors, one per Availability Zone (D).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EnactorId {
    A,
    B,
    C,
}

impl EnactorId {
    pub const ALL: [EnactorId; 3] = [EnactorId::A, EnactorId::B, EnactorId::C];

    pub const fn index(self) -> usize {
        self as usize
    }

    /// The single letter used in traces and pictures.
    pub const fn letter(self) -> char {
        match self {
            EnactorId::A => 'A',
            EnactorId::B => 'B',
            EnactorId::C => 'C',
        }
    }
}

/// An endpoint by its position in the world's walk order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EndpointId(pub u8);

impl EndpointId {
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// The lock record in an endpoint's hosted zone (T).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Lock {
    pub holder: EnactorId,
    /// After this instant another Enactor may take the lock over.
    pub expires_at_ms: u64,
}

/// Route 53's records for one endpoint.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Zone {
    /// Generations whose plan tree exists, ascending.
    pub trees: Vec<Generation>,
    /// The tree the name customers use points at (T).
    pub alias: Generation,
    /// The tree the alias pointed at before the last flip (T); `None` once a
    /// tolerant rollback has had nothing to point at.
    pub rollback: Option<Generation>,
    pub lock: Option<Lock>,
}

impl Zone {
    /// A healthy zone whose alias names `active` and rollback the plan before.
    fn new(active: Generation) -> Zone {
        assert!(active >= 1, "generation 0 has no predecessor");
        let previous = active - 1;
        Zone {
            trees: vec![previous, active],
            alias: active,
            rollback: Some(previous),
            lock: None,
        }
    }

    pub fn has_tree(&self, generation: Generation) -> bool {
        self.trees.binary_search(&generation).is_ok()
    }

    /// The alias names a deleted tree: DNS answers NOERROR with no addresses.
    pub fn is_empty_record(&self) -> bool {
        !self.has_tree(self.alias)
    }

    fn add_tree(&mut self, generation: Generation) {
        if let Err(at) = self.trees.binary_search(&generation) {
            self.trees.insert(at, generation);
        }
    }
}

/// Where an Enactor is in its run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Between runs; its next step reads the newest plan.
    Idle,
    /// Has read `plan`; its next step is the one-time freshness check.
    Read { plan: Generation },
    /// Applying `plan` endpoint by endpoint; `locked` once it holds the lock
    /// of `endpoint`.
    Applying {
        plan: Generation,
        endpoint: EndpointId,
        locked: bool,
    },
    /// Cleaning up old trees after applying `plan`.
    Cleaning {
        plan: Generation,
        endpoint: EndpointId,
    },
}

/// One Enactor's own state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Enactor {
    pub id: EnactorId,
    pub phase: Phase,
    /// Lock attempts lost in a row; the driver's back-off grows with it.
    pub lock_losses_in_row: u32,
    /// The plan of its last run that passed the check (0 before any).
    pub last_run_plan: Generation,
}

/// The fixes of docs/RECORD.md's lever table that change the automation's rules.
/// (Fewer plans and fair back-off change timing, so the drivers apply them.)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Guards {
    /// Re-check freshness inside the flip transaction: a plan not newer than
    /// the active one is not applied (a conditional, fenced write).
    pub recheck_at_write: bool,
    /// Clean-up never deletes the tree the alias or the rollback names.
    pub cleanup_spares_in_use: bool,
    /// A flip whose rollback target is gone goes ahead with no rollback
    /// instead of failing, so the endpoint heals.
    pub rollback_tolerates_missing: bool,
}

/// Fixed rules of a world, copied from the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rules {
    /// Clean-up deletes trees older than `applied - cleanup_threshold_generations`.
    pub cleanup_threshold_generations: u32,
    /// How long a taken lock keeps others out (u64::MAX: until released).
    pub lock_lease_ms: u64,
    pub guards: Guards,
}

/// What a step did, for the driver to decide when this Enactor acts next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// The Enactor moved on; its next step is another Route 53 call.
    Progress,
    /// It did not get (or lost) the lock and should back off.
    Contention,
    /// Its run ended (finished, or stopped by the check); it is idle.
    RunEnded,
}

/// The whole state: Route 53 zones, Enactors, the Planner's newest plan.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct World {
    pub now_ms: u64,
    /// The newest plan the Planner has written.
    pub newest_plan: Generation,
    /// The record the one-time check compares against: the newest plan any
    /// successful flip (or the operators' repair) has applied. Never decreases:
    /// a stale flip does not make it older.
    pub last_applied: Generation,
    pub zones: Vec<Zone>,
    pub enactors: [Enactor; 3],
    pub rules: Rules,
}

impl World {
    /// A healthy world: every endpoint on [`FIRST_GENERATION`], all Enactors idle.
    pub fn new(endpoint_count: usize, rules: Rules) -> World {
        World::with_active_plan(endpoint_count, rules, FIRST_GENERATION)
    }

    /// A healthy world where every endpoint has applied `active`, the newest plan.
    pub fn with_active_plan(endpoint_count: usize, rules: Rules, active: Generation) -> World {
        assert!(
            (1..=MAX_ENDPOINTS).contains(&endpoint_count),
            "endpoint count {endpoint_count} out of 1..={MAX_ENDPOINTS}"
        );
        World {
            now_ms: 0,
            newest_plan: active,
            last_applied: active,
            zones: (0..endpoint_count).map(|_| Zone::new(active)).collect(),
            enactors: EnactorId::ALL.map(|id| Enactor {
                id,
                phase: Phase::Idle,
                lock_losses_in_row: 0,
                last_run_plan: 0,
            }),
            rules,
        }
    }

    pub fn endpoint_count(&self) -> usize {
        self.zones.len()
    }

    /// The DNS name of an endpoint of this world.
    pub fn endpoint_name(&self, endpoint: EndpointId) -> &'static str {
        ENDPOINT_NAMES[endpoint.index()]
    }

    /// The regional endpoint `dynamodb.us-east-1.amazonaws.com` (walked first).
    pub const REGIONAL: EndpointId = EndpointId(0);

    pub fn enactor(&self, id: EnactorId) -> &Enactor {
        &self.enactors[id.index()]
    }

    /// The inconsistent state that stops the automation (D): some endpoint's
    /// record is empty and the rollback code cannot handle a missing tree.
    /// While it holds, no flip succeeds on any endpoint.
    pub fn is_stuck(&self) -> bool {
        !self.rules.guards.rollback_tolerates_missing && self.empty_endpoints().next().is_some()
    }

    /// Endpoints whose record is empty now.
    pub fn empty_endpoints(&self) -> impl Iterator<Item = EndpointId> + '_ {
        self.zones
            .iter()
            .enumerate()
            .filter(|(_, z)| z.is_empty_record())
            .map(|(i, _)| EndpointId(i as u8))
    }

    /// The Planner writes a new plan generation.
    pub fn create_plan(&mut self, sink: &mut impl FnMut(RaceEvent)) {
        self.newest_plan += 1;
        sink(RaceEvent::PlanCreated {
            generation: self.newest_plan,
        });
    }

    /// Whether `id`'s next step would change anything: an idle Enactor or one
    /// facing a lock someone else holds (and has not let expire) is blocked.
    pub fn can_step(&self, id: EnactorId) -> bool {
        match self.enactor(id).phase {
            Phase::Idle => false,
            Phase::Applying {
                endpoint,
                locked: false,
                ..
            } => match self.zones[endpoint.index()].lock {
                Some(lock) => lock.holder == id || self.now_ms >= lock.expires_at_ms,
                None => true,
            },
            _ => true,
        }
    }

    /// The Enactor `id` takes its next step, which commits now. Events go to
    /// `sink` in the order they happen.
    pub fn step(&mut self, id: EnactorId, sink: &mut impl FnMut(RaceEvent)) -> StepKind {
        let last_applied_before = self.last_applied;
        let kind = match self.enactor(id).phase {
            Phase::Idle => self.read_plan(id, sink),
            Phase::Read { plan } => self.check_freshness(id, plan, sink),
            Phase::Applying {
                plan,
                endpoint,
                locked: false,
            } => self.take_lock(id, plan, endpoint, sink),
            Phase::Applying {
                plan,
                endpoint,
                locked: true,
            } => self.flip(id, plan, endpoint, sink),
            Phase::Cleaning { plan, endpoint } => self.clean_up(id, plan, endpoint, sink),
        };
        #[cfg(debug_assertions)]
        self.assert_enactor_invariant(id);
        debug_assert!(
            self.last_applied >= last_applied_before,
            "last_applied went back from {last_applied_before} to {}",
            self.last_applied
        );
        #[cfg(debug_assertions)]
        self.assert_invariants();
        kind
    }

    /// Puts an Enactor at a given point of a run (for the census and tests).
    pub fn set_phase(&mut self, id: EnactorId, phase: Phase) {
        self.enactors[id.index()].phase = phase;
    }

    fn read_plan(&mut self, id: EnactorId, sink: &mut impl FnMut(RaceEvent)) -> StepKind {
        let plan = self.newest_plan;
        self.set_phase(id, Phase::Read { plan });
        sink(RaceEvent::PlanRead { enactor: id, plan });
        StepKind::Progress
    }

    /// The one-time check (D): compared now, never again during the run.
    fn check_freshness(
        &mut self,
        id: EnactorId,
        plan: Generation,
        sink: &mut impl FnMut(RaceEvent),
    ) -> StepKind {
        let last_applied = self.last_applied;
        if plan > last_applied {
            self.enactors[id.index()].last_run_plan = plan;
            self.set_phase(
                id,
                Phase::Applying {
                    plan,
                    endpoint: EndpointId(0),
                    locked: false,
                },
            );
            sink(RaceEvent::CheckPassed {
                enactor: id,
                plan,
                last_applied,
            });
            StepKind::Progress
        } else {
            self.set_phase(id, Phase::Idle);
            sink(RaceEvent::CheckFailed {
                enactor: id,
                plan,
                last_applied,
            });
            StepKind::RunEnded
        }
    }

    fn take_lock(
        &mut self,
        id: EnactorId,
        plan: Generation,
        endpoint: EndpointId,
        sink: &mut impl FnMut(RaceEvent),
    ) -> StepKind {
        let now = self.now_ms;
        let lease = self.rules.lock_lease_ms;
        let zone = &mut self.zones[endpoint.index()];
        let taken_over_from = match zone.lock {
            Some(lock) if lock.holder != id && now < lock.expires_at_ms => {
                self.enactors[id.index()].lock_losses_in_row += 1;
                sink(RaceEvent::LockBusy {
                    enactor: id,
                    endpoint,
                    holder: lock.holder,
                });
                return StepKind::Contention;
            }
            Some(lock) if lock.holder != id => Some(lock.holder),
            _ => None,
        };
        zone.lock = Some(Lock {
            holder: id,
            expires_at_ms: now.saturating_add(lease),
        });
        self.set_phase(
            id,
            Phase::Applying {
                plan,
                endpoint,
                locked: true,
            },
        );
        sink(RaceEvent::LockTaken {
            enactor: id,
            endpoint,
            taken_over_from,
        });
        StepKind::Progress
    }

    /// One transaction (D/T): check the lock is still ours, point the alias at
    /// the plan's tree (creating it) and the rollback record at the tree it
    /// replaces, release the lock.
    fn flip(
        &mut self,
        id: EnactorId,
        plan: Generation,
        endpoint: EndpointId,
        sink: &mut impl FnMut(RaceEvent),
    ) -> StepKind {
        let guards = self.rules.guards;
        let newest_plan = self.newest_plan;
        // The inconsistent state blocks every endpoint (D), unless the
        // rollback code tolerates a missing tree.
        let inconsistent = if guards.rollback_tolerates_missing {
            None
        } else {
            self.empty_endpoints().next()
        };
        let zone = &mut self.zones[endpoint.index()];
        let holder = zone.lock.map(|l| l.holder);
        if holder != Some(id) {
            // Someone rewrote the lock: the delete-as-expected fails (T).
            self.enactors[id.index()].lock_losses_in_row += 1;
            self.set_phase(
                id,
                Phase::Applying {
                    plan,
                    endpoint,
                    locked: false,
                },
            );
            sink(RaceEvent::LockLost {
                enactor: id,
                endpoint,
                holder,
            });
            return StepKind::Contention;
        }
        self.enactors[id.index()].lock_losses_in_row = 0;
        let replaced = zone.alias;
        let was_empty = zone.is_empty_record();
        if guards.recheck_at_write && plan <= replaced {
            zone.lock = None;
            sink(RaceEvent::FlipSkippedNotNewer {
                enactor: id,
                endpoint,
                plan,
                active: replaced,
            });
        } else if was_empty && !guards.rollback_tolerates_missing {
            // The rollback record cannot name a tree that is gone (D/T): the
            // transaction fails and the run ends with it.
            zone.lock = None;
            sink(RaceEvent::FlipFailedRollbackMissing {
                enactor: id,
                endpoint,
                plan,
                missing: replaced,
            });
            return self.abort_run(id);
        } else if let Some(empty_endpoint) = inconsistent {
            // Another endpoint is in the inconsistent state: no plan update
            // is applied by any Enactor (D); the run ends.
            zone.lock = None;
            sink(RaceEvent::FlipBlockedInconsistent {
                enactor: id,
                endpoint,
                plan,
                empty_endpoint,
            });
            return self.abort_run(id);
        } else {
            zone.add_tree(plan);
            zone.alias = plan;
            zone.rollback = if was_empty { None } else { Some(replaced) };
            zone.lock = None;
            self.last_applied = self.last_applied.max(plan);
            sink(RaceEvent::Flipped {
                enactor: id,
                endpoint,
                from: replaced,
                to: plan,
                behind_newest: newest_plan - plan,
            });
            if was_empty {
                sink(RaceEvent::RecordHealed {
                    endpoint,
                    generation: plan,
                });
            }
        }
        let next = endpoint.0 + 1;
        let phase = if usize::from(next) < self.zones.len() {
            Phase::Applying {
                plan,
                endpoint: EndpointId(next),
                locked: false,
            }
        } else {
            Phase::Cleaning {
                plan,
                endpoint: EndpointId(0),
            }
        };
        self.set_phase(id, phase);
        StepKind::Progress
    }

    /// A failed flip ends the run: no further endpoints, no clean-up.
    fn abort_run(&mut self, id: EnactorId) -> StepKind {
        self.set_phase(id, Phase::Idle);
        StepKind::RunEnded
    }

    /// Deletes this endpoint's trees "significantly older" than `plan` (D).
    fn clean_up(
        &mut self,
        id: EnactorId,
        plan: Generation,
        endpoint: EndpointId,
        sink: &mut impl FnMut(RaceEvent),
    ) -> StepKind {
        let cutoff = plan.saturating_sub(self.rules.cleanup_threshold_generations);
        let spare = self.rules.guards.cleanup_spares_in_use;
        let zone = &mut self.zones[endpoint.index()];
        let was_empty = zone.is_empty_record();
        let (alias, rollback) = (zone.alias, zone.rollback);
        let mut deleted = Deletion::default();
        zone.trees.retain(|&g| {
            let in_use = g == alias || Some(g) == rollback;
            let keep = g >= cutoff || (spare && in_use);
            if !keep {
                deleted.add(g);
            } else if g < cutoff {
                deleted.spared += 1;
            }
            keep
        });
        if deleted.count > 0 || deleted.spared > 0 {
            sink(RaceEvent::TreesDeleted {
                enactor: id,
                endpoint,
                count: deleted.count,
                oldest: deleted.oldest,
                newest: deleted.newest,
                spared: deleted.spared,
            });
        }
        if !was_empty && zone.is_empty_record() {
            sink(RaceEvent::RecordEmptied {
                endpoint,
                deleted_by: id,
                generation: alias,
            });
        }
        let next = endpoint.0 + 1;
        if usize::from(next) < self.zones.len() {
            self.set_phase(
                id,
                Phase::Cleaning {
                    plan,
                    endpoint: EndpointId(next),
                },
            );
            StepKind::Progress
        } else {
            self.set_phase(id, Phase::Idle);
            sink(RaceEvent::RunFinished { enactor: id, plan });
            StepKind::RunEnded
        }
    }

    /// An operator installs a healthy tree of the newest plan by hand and
    /// points the alias at it (D: repaired manually; the exact steps are not
    /// public, so this is a simplification).
    pub fn operator_repair(&mut self, endpoint: EndpointId, sink: &mut impl FnMut(RaceEvent)) {
        let plan = self.newest_plan;
        let zone = &mut self.zones[endpoint.index()];
        zone.add_tree(plan);
        zone.alias = plan;
        zone.rollback = None;
        zone.lock = None;
        self.last_applied = self.last_applied.max(plan);
        sink(RaceEvent::OperatorRepaired {
            endpoint,
            generation: plan,
        });
        #[cfg(debug_assertions)]
        self.assert_invariants();
    }

    /// Checked after every step in debug builds (every test and property
    /// run; a release build in a reader's browser does not abort on it): an
    /// Enactor that believes it holds a lock holds it, unless leases expire
    /// (then another may have taken it over, and the believer's flip will
    /// fail on the lock).
    #[cfg(debug_assertions)]
    fn assert_enactor_invariant(&self, id: EnactorId) {
        if let Phase::Applying {
            endpoint,
            locked: true,
            ..
        } = self.enactor(id).phase
        {
            let lock = self.zones[endpoint.index()].lock;
            assert!(
                self.rules.lock_lease_ms != u64::MAX || lock.is_some_and(|l| l.holder == id),
                "{id:?} holds a lock it does not own at {endpoint:?}"
            );
        }
    }

    /// The whole state's invariants; checked after every step in debug builds
    /// (tests), where the cost does not matter. A violation is a bug here.
    #[cfg(debug_assertions)]
    fn assert_invariants(&self) {
        for zone in &self.zones {
            assert!(
                zone.trees.windows(2).all(|w| w[0] < w[1]),
                "trees sorted, unique"
            );
            assert!(zone.alias <= self.newest_plan, "alias names a written plan");
            assert!(
                zone.alias <= self.last_applied,
                "last_applied is the newest plan ever applied"
            );
        }
        for enactor in &self.enactors {
            self.assert_enactor_invariant(enactor.id);
        }
    }
}

/// What one clean-up call deleted.
#[derive(Default)]
struct Deletion {
    count: u32,
    oldest: Generation,
    newest: Generation,
    spared: u32,
}

impl Deletion {
    fn add(&mut self, generation: Generation) {
        if self.count == 0 {
            self.oldest = generation;
        }
        self.newest = generation;
        self.count += 1;
    }
}
