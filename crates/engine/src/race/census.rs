//! The census: every order in which a slow Enactor with an old plan and a fast
//! Enactor with a new plan (and its clean-up) can take their steps, counted.
//!
//! Its bounds, which every sentence about it must keep (the lab says them):
//! - two Enactors (A with the old plan, B with the new), **one run each**,
//!   from the moment both have read their plan;
//! - **no lock expiry**: a lock someone holds blocks the other until it is
//!   released (leases never run out here, so the timed run's lost locks and
//!   take-overs are not explored);
//! - **no Planner** during the count (no plan newer than B's appears), and
//!   no operator;
//! - a third Enactor (C) only after the end, with a newer plan, to see
//!   whether an empty record heals or stays stuck.
//!
//! Within those bounds the counts are a proof by exhaustion: with a guard fix
//! on, zero orderings empty the record. Outside them (lease expiry, more
//! Enactors or runs) it proves nothing; the timed run and the estimate
//! explore some of that, by sampling. The count is not a likelihood.
//!
//! Whether any ordering empties the record depends only on whether the gap
//! between the two plans exceeds the clean-up threshold (property-tested), so
//! a census means something about a fix only at a gap above the threshold:
//! [`CensusConfig::for_scenario`] takes the gap from the scenario's
//! **unfixed twin** (the same knobs and day with every fix off), never from
//! a run whose fix already kept the gap small.
//!
//! Counting is a memoised depth-first search over states (the number of
//! orderings grows as a binomial; the number of distinct states stays small).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::model::{EnactorId, EndpointId, Generation, Guards, MAX_ENDPOINTS, Phase, Rules, World};
use super::scenario::{Fixes, RaceScenario, ScenarioError};
use super::trace::RaceEvent;

/// The small configuration whose orderings are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CensusConfig {
    /// Endpoints both runs walk (1..=3).
    pub endpoint_count: u8,
    /// The slow Enactor A's plan: read before the fast one's, applied late.
    pub stale_plan: Generation,
    /// The fast Enactor B's plan.
    pub fresh_plan: Generation,
    pub cleanup_threshold_generations: u32,
    pub guards: Guards,
}

impl Default for CensusConfig {
    /// The talk's made-up numbers (T, I): an old plan 110 against a new 146.
    fn default() -> Self {
        CensusConfig {
            endpoint_count: 2,
            stale_plan: 110,
            fresh_plan: 146,
            cleanup_threshold_generations: 10,
            guards: Guards::default(),
        }
    }
}

impl CensusConfig {
    /// The configuration a scenario implies: its endpoints, threshold and
    /// guards, at the gap of its **unfixed twin** (the same knobs and day
    /// with every fix off): as many plans as the twin's run's most-lagging
    /// flip fell behind the newest (at least one). A fix is judged at the
    /// setting where the unfixed design is exposed, not at the gap its own
    /// run leaves (a re-check skips the stale flip, so its own gap is 1,
    /// where no ordering empties the record fix or no fix).
    pub fn for_scenario(scenario: &RaceScenario) -> Result<CensusConfig, ScenarioError> {
        let twin = RaceScenario {
            fixes: Fixes::default(),
            ..*scenario
        };
        let unfixed = CensusConfig::for_run(&super::run::run(&twin)?);
        Ok(CensusConfig {
            guards: scenario.fixes.guards(),
            ..unfixed
        })
    }

    /// The configuration of a run already made, at **that run's own** gap
    /// (see [`CensusConfig::for_scenario`] for why a fix is not judged so).
    /// The gap is how far the most-lagging successful flip was behind the
    /// newest plan, which can over-state how far the cleaning Enactor's plan
    /// was ahead of it (the quantity the threshold acts on): a conservative
    /// choice, since a larger gap only opens the door wider.
    pub fn for_run(run: &super::run::RaceRun) -> CensusConfig {
        let gap = run.summary.max_behind_newest.max(1);
        let stale_plan = 110;
        CensusConfig {
            endpoint_count: run.scenario.endpoint_count,
            stale_plan,
            fresh_plan: stale_plan + gap,
            cleanup_threshold_generations: run.scenario.cleanup_threshold_generations,
            guards: run.scenario.fixes.guards(),
        }
    }

    /// How many plans the slow Enactor's plan is behind the fast one's.
    pub const fn gap(&self) -> u32 {
        self.fresh_plan - self.stale_plan
    }

    /// Whether the gap exceeds the clean-up threshold: exactly then can an
    /// ordering empty the record without a guard (property-tested). At a
    /// closed door a census proves nothing about a fix.
    pub const fn door_open(&self) -> bool {
        self.gap() > self.cleanup_threshold_generations
    }

    /// The same configuration with every guard off: the unfixed design.
    pub fn unguarded(&self) -> CensusConfig {
        CensusConfig {
            guards: Guards::default(),
            ..*self
        }
    }

    fn validate(&self) -> Result<(), ScenarioError> {
        let count = u64::from(self.endpoint_count);
        if !(1..=MAX_ENDPOINTS as u64).contains(&count) {
            return Err(ScenarioError {
                knob: "endpoint_count",
                value: count,
                min: 1,
                max: MAX_ENDPOINTS as u64,
            });
        }
        if self.stale_plan < 2 || self.fresh_plan <= self.stale_plan || self.fresh_plan > 1_000_000
        {
            return Err(ScenarioError {
                knob: "fresh_plan",
                value: u64::from(self.fresh_plan),
                min: u64::from(self.stale_plan.max(2)) + 1,
                max: 1_000_000,
            });
        }
        Ok(())
    }

    /// The state before either Enactor moves: both have read their plan and
    /// neither has checked it; every endpoint serves the plan before A's.
    pub fn initial_world(&self) -> World {
        let rules = Rules {
            cleanup_threshold_generations: self.cleanup_threshold_generations,
            lock_lease_ms: u64::MAX,
            guards: self.guards,
        };
        let mut world =
            World::with_active_plan(usize::from(self.endpoint_count), rules, self.stale_plan - 1);
        world.newest_plan = self.fresh_plan;
        world.set_phase(
            EnactorId::A,
            Phase::Read {
                plan: self.stale_plan,
            },
        );
        world.set_phase(
            EnactorId::B,
            Phase::Read {
                plan: self.fresh_plan,
            },
        );
        world
    }
}

/// The two Enactors whose steps interleave.
pub const PLAYERS: [EnactorId; 2] = [EnactorId::A, EnactorId::B];

/// How one complete ordering ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ending {
    /// Every endpoint serves the fresh plan.
    Healthy,
    /// No record is empty, but some endpoint serves an older plan.
    Stale,
    /// A record is empty; a later Enactor's flip repairs it.
    EmptyHealed,
    /// A record is empty and every later flip fails: stuck.
    EmptyStuck,
}

impl Ending {
    pub const fn is_empty(self) -> bool {
        matches!(self, Ending::EmptyHealed | Ending::EmptyStuck)
    }
}

/// The classification of a finished state.
pub fn ending_of(world: &World) -> Ending {
    if world.empty_endpoints().next().is_none() {
        let fresh = world.newest_plan;
        return if world.zones.iter().all(|z| z.alias == fresh) {
            Ending::Healthy
        } else {
            Ending::Stale
        };
    }
    // A third Enactor (C) brings a newer plan and walks every endpoint.
    let mut after = world.clone();
    let mut ignore = |_: RaceEvent| {};
    after.create_plan(&mut ignore);
    after.set_phase(EnactorId::C, Phase::Idle);
    let bound = 4 + 2 * 2 * MAX_ENDPOINTS;
    for _ in 0..bound {
        after.step(EnactorId::C, &mut ignore);
        if after.enactor(EnactorId::C).phase == Phase::Idle {
            break;
        }
    }
    if after.empty_endpoints().next().is_some() {
        Ending::EmptyStuck
    } else {
        Ending::EmptyHealed
    }
}

/// Orderings counted by ending.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub orderings: u64,
    pub healthy: u64,
    pub stale: u64,
    pub empty_healed: u64,
    pub empty_stuck: u64,
}

impl Counts {
    /// Orderings that leave a record empty, healed later or not.
    pub const fn empty(&self) -> u64 {
        self.empty_healed + self.empty_stuck
    }

    fn one(ending: Ending) -> Counts {
        let mut c = Counts {
            orderings: 1,
            ..Counts::default()
        };
        match ending {
            Ending::Healthy => c.healthy = 1,
            Ending::Stale => c.stale = 1,
            Ending::EmptyHealed => c.empty_healed = 1,
            Ending::EmptyStuck => c.empty_stuck = 1,
        }
        c
    }

    fn add(&mut self, other: &Counts) {
        self.orderings += other.orderings;
        self.healthy += other.healthy;
        self.stale += other.stale;
        self.empty_healed += other.empty_healed;
        self.empty_stuck += other.empty_stuck;
    }
}

/// A replayable ordering: who moves at each step.
pub type Schedule = Vec<EnactorId>;

/// The census of one configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Census {
    pub config: CensusConfig,
    pub counts: Counts,
    /// A few orderings that empty a record (first, middle and last in the
    /// search order), each replayable with [`replay`].
    pub bad_examples: Vec<Schedule>,
    /// The fewest steps after which a record can be empty, if it can.
    pub fewest_steps_to_empty: Option<u32>,
    /// Distinct states visited (a measure of the search's size).
    pub states: usize,
}

/// Counts every ordering of `config`.
pub fn census(config: &CensusConfig) -> Result<Census, ScenarioError> {
    config.validate()?;
    let start = config.initial_world();
    let mut search = Search::default();
    let counts = search.count(&start);
    let k = counts.empty();
    let mut picks = vec![0, k / 2, k.saturating_sub(1)];
    picks.dedup();
    let bad_examples = if k == 0 {
        Vec::new()
    } else {
        picks
            .into_iter()
            .map(|j| search.nth_empty(&start, j))
            .collect()
    };
    let fewest_steps_to_empty = search.fewest_to_empty(&start);
    Ok(Census {
        config: *config,
        counts,
        bad_examples,
        fewest_steps_to_empty,
        states: search.memo.len(),
    })
}

/// The events of one ordering, step by step; `None` if the schedule asks a
/// blocked or finished Enactor to move.
pub fn replay(config: &CensusConfig, schedule: &[EnactorId]) -> Option<Vec<Vec<RaceEvent>>> {
    let mut world = config.initial_world();
    let mut steps = Vec::with_capacity(schedule.len());
    for &who in schedule {
        if !PLAYERS.contains(&who) || !world.can_step(who) {
            return None;
        }
        let mut events = Vec::new();
        world.step(who, &mut |e| events.push(e));
        steps.push(events);
    }
    Some(steps)
}

/// The Enactors that may move in `world`, in the fixed order A, B.
pub fn movable(world: &World) -> impl Iterator<Item = EnactorId> + '_ {
    PLAYERS.into_iter().filter(|&id| world.can_step(id))
}

#[derive(Default)]
struct Search {
    // Looked up, never iterated: its order cannot leak into results.
    memo: HashMap<World, Counts>,
    fewest: HashMap<World, Option<u32>>,
}

impl Search {
    fn child(world: &World, who: EnactorId) -> World {
        let mut next = world.clone();
        next.step(who, &mut |_| {});
        next
    }

    fn count(&mut self, world: &World) -> Counts {
        if let Some(c) = self.memo.get(world) {
            return *c;
        }
        let mut total = Counts::default();
        let mut any = false;
        for who in movable(world).collect::<Vec<_>>() {
            any = true;
            let c = self.count(&Search::child(world, who));
            total.add(&c);
        }
        if !any {
            total = Counts::one(ending_of(world));
        }
        self.memo.insert(world.clone(), total);
        total
    }

    /// The `j`-th (from 0) ordering, in search order, that empties a record.
    fn nth_empty(&mut self, start: &World, mut j: u64) -> Schedule {
        let mut world = start.clone();
        let mut schedule = Vec::new();
        loop {
            let moves: Vec<EnactorId> = movable(&world).collect();
            if moves.is_empty() {
                debug_assert!(ending_of(&world).is_empty());
                return schedule;
            }
            let mut chosen = None;
            for who in moves {
                let next = Search::child(&world, who);
                let k = self.count(&next).empty();
                if j < k {
                    chosen = Some((who, next));
                    break;
                }
                j -= k;
            }
            let (who, next) = chosen.expect("j is below the number of empty orderings");
            schedule.push(who);
            world = next;
        }
    }

    fn fewest_to_empty(&mut self, world: &World) -> Option<u32> {
        if world.empty_endpoints().next().is_some() {
            return Some(0);
        }
        if let Some(f) = self.fewest.get(world) {
            return *f;
        }
        let best = movable(world)
            .collect::<Vec<_>>()
            .into_iter()
            .filter_map(|who| {
                self.fewest_to_empty(&Search::child(world, who))
                    .map(|n| n + 1)
            })
            .min();
        self.fewest.insert(world.clone(), best);
        best
    }
}

/// Which endpoint a step emptied, if any (for pictures and narration).
pub fn emptied_in(events: &[RaceEvent]) -> Option<EndpointId> {
    events.iter().find_map(|e| match *e {
        RaceEvent::RecordEmptied { endpoint, .. } => Some(endpoint),
        _ => None,
    })
}
