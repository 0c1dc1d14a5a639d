//! One run: a discrete-event simulation of the Planner, three Enactors and an
//! operator over integer milliseconds, driven by a seeded PCG generator.
//!
//! The driver owns time and chance; [`World::step`] owns every state change.
//! Each Enactor has one pending call that completes at `next_at_ms`; the
//! earliest completion happens next (ties: Planner, then A, B, C, then the
//! operator), so a seed always gives the same trace, natively and in wasm.
//! Only integer arithmetic touches time (no floats, no clock).

use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;

use super::model::{EnactorId, EndpointId, Generation, Phase, StepKind, World};
use super::scenario::{RaceScenario, ScenarioError};
use super::trace::{RaceEvent, TimedEvent};

/// Most events one run may produce: a bound on the work of one call. Ordinary
/// scenarios stay far below it (about 12 events a second), but valid extreme
/// ones reach it (an hour of two Enactors backing off every 10 ms from a lock
/// held for minutes); such a run ends early with [`RaceRun::truncated`] set.
pub const MAX_EVENTS: usize = 400_000;

/// The result of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct RaceRun {
    pub scenario: RaceScenario,
    pub events: Vec<TimedEvent>,
    pub world: World,
    pub summary: RunSummary,
    /// The run stopped at [`MAX_EVENTS`] before its simulated time was over:
    /// its trace, world and summary describe only the part simulated.
    pub truncated: bool,
}

/// What a reader wants to know of a run at a glance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunSummary {
    /// When and where the first record went empty.
    pub first_empty: Option<(u64, EndpointId)>,
    /// Endpoints empty when the run ended.
    pub empty_at_end: Vec<EndpointId>,
    /// Flips that failed in the stuck state: on the endpoint whose rollback
    /// target was gone, or on any other while that one stayed inconsistent.
    pub failed_flips: u32,
    /// Flips that applied a plan older than the one they replaced.
    pub stale_overwrites: u32,
    /// The most plans a successful flip lagged behind the newest.
    pub max_behind_newest: u32,
    /// Plans the Planner wrote.
    pub plans_created: u32,
    /// Locks lost or found busy.
    pub lock_contentions: u32,
}

impl RunSummary {
    fn observe(&mut self, at_ms: u64, event: &RaceEvent) {
        match *event {
            RaceEvent::RecordEmptied { endpoint, .. } if self.first_empty.is_none() => {
                self.first_empty = Some((at_ms, endpoint));
            }
            RaceEvent::FlipFailedRollbackMissing { .. }
            | RaceEvent::FlipBlockedInconsistent { .. } => self.failed_flips += 1,
            RaceEvent::Flipped {
                from,
                to,
                behind_newest,
                ..
            } => {
                if to < from {
                    self.stale_overwrites += 1;
                }
                self.max_behind_newest = self.max_behind_newest.max(behind_newest);
            }
            RaceEvent::PlanCreated { .. } => self.plans_created += 1,
            RaceEvent::LockBusy { .. } | RaceEvent::LockLost { .. } => self.lock_contentions += 1,
            _ => {}
        }
    }
}

/// Runs `scenario` and records every event.
pub fn run(scenario: &RaceScenario) -> Result<RaceRun, ScenarioError> {
    scenario.validate()?;
    let mut events = Vec::new();
    let mut summary = RunSummary::default();
    let Simulated { world, truncated } = simulate_bounded(scenario, &mut |at_ms, event| {
        summary.observe(at_ms, &event);
        events.push(TimedEvent { at_ms, event });
        Flow::Continue
    });
    summary.empty_at_end = world.empty_endpoints().collect();
    Ok(RaceRun {
        scenario: *scenario,
        events,
        world,
        summary,
        truncated,
    })
}

/// The end of a simulation: the final world, and whether [`MAX_EVENTS`] cut
/// it short.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Simulated {
    pub world: World,
    /// Stopped by the event bound while actions were still due within the
    /// run's time (not set when `observe` stopped it).
    pub truncated: bool,
}

/// Whether the simulation should go on after an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

/// The one driver behind [`run`] and the Monte Carlo estimate: simulates
/// `scenario` (assumed valid), hands each event to `observe`, and returns the
/// final world. `observe` may stop the run early.
pub fn simulate(
    scenario: &RaceScenario,
    observe: &mut impl FnMut(u64, RaceEvent) -> Flow,
) -> World {
    simulate_bounded(scenario, observe).world
}

/// [`simulate`], also saying whether the run hit [`MAX_EVENTS`].
pub fn simulate_bounded(
    scenario: &RaceScenario,
    observe: &mut impl FnMut(u64, RaceEvent) -> Flow,
) -> Simulated {
    simulate_turns(scenario, observe, &mut |_, _| Flow::Continue)
}

/// The world as a replay of `scenario` leaves it when stopped at each trace
/// event of `event_indices` (ascending), all from one pass instead of one
/// replay from t = 0 per index. A stop takes effect when the turn that
/// emitted the event is over (as in [`simulate`]), so each world is the one
/// after that turn; an index past the end of the trace gets the final world.
pub fn worlds_after_events(scenario: &RaceScenario, event_indices: &[usize]) -> Vec<World> {
    debug_assert!(
        event_indices.windows(2).all(|w| w[0] <= w[1]),
        "event indices must be ascending"
    );
    if event_indices.is_empty() {
        return Vec::new();
    }
    let mut worlds = Vec::with_capacity(event_indices.len());
    let mut wanted = event_indices.iter().copied().peekable();
    let end = simulate_turns(
        scenario,
        &mut |_, _| Flow::Continue,
        &mut |world, emitted| {
            while wanted.next_if(|&i| i < emitted).is_some() {
                worlds.push(world.clone());
            }
            if wanted.peek().is_some() {
                Flow::Continue
            } else {
                Flow::Stop
            }
        },
    );
    worlds.resize(event_indices.len(), end.world);
    worlds
}

/// The driver's loop: each turn, the actor due first acts; its events go to
/// `observe`, then `after_turn` sees the world and the number of events
/// emitted so far. Either may stop the run (when the turn is over).
fn simulate_turns(
    scenario: &RaceScenario,
    observe: &mut impl FnMut(u64, RaceEvent) -> Flow,
    after_turn: &mut impl FnMut(&World, usize) -> Flow,
) -> Simulated {
    let mut sim = Sim::new(scenario);
    let mut stopped = false;
    let mut emitted = 0usize;
    while !stopped && emitted < MAX_EVENTS {
        let Some(actor) = sim.next_actor() else { break };
        sim.world.now_ms = sim.time_of(actor);
        let now = sim.world.now_ms;
        sim.act(actor, &mut |e: RaceEvent| {
            emitted += 1;
            if observe(now, e) == Flow::Stop {
                stopped = true;
            }
        });
        if after_turn(&sim.world, emitted) == Flow::Stop {
            stopped = true;
        }
    }
    let truncated = !stopped && emitted >= MAX_EVENTS && sim.next_actor().is_some();
    Simulated {
        world: sim.world,
        truncated,
    }
}

/// Who acts next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Actor {
    Planner,
    Enactor(EnactorId),
    Operator,
}

const NEVER: u64 = u64::MAX;

struct Sim {
    world: World,
    rng: Pcg64Mcg,
    scenario: RaceScenario,
    end_ms: u64,
    planner_interval_ms: u64,
    next_plan_ms: u64,
    next_enactor_ms: [u64; 3],
    /// The newest plan each Enactor has looked at, so an idle one only starts
    /// a run when there is something new.
    seen_plan: [Generation; 3],
    next_repair_ms: u64,
}

impl Sim {
    fn new(scenario: &RaceScenario) -> Sim {
        let world = World::new(usize::from(scenario.endpoint_count), scenario.rules());
        let mut rng = Pcg64Mcg::seed_from_u64(scenario.seed);
        let poll = u64::from(scenario.enactor_poll_ms);
        // Enactors start polling at staggered, seeded offsets.
        let next_enactor_ms = [(); 3].map(|_| rng.random_range(0..poll));
        let planner_interval_ms = scenario.effective_planner_interval_ms();
        Sim {
            seen_plan: [world.newest_plan; 3],
            world,
            rng,
            scenario: *scenario,
            end_ms: u64::from(scenario.duration_ms),
            planner_interval_ms,
            next_plan_ms: planner_interval_ms,
            next_enactor_ms,
            next_repair_ms: NEVER,
        }
    }

    fn time_of(&self, actor: Actor) -> u64 {
        match actor {
            Actor::Planner => self.next_plan_ms,
            Actor::Enactor(id) => self.next_enactor_ms[id.index()],
            Actor::Operator => self.next_repair_ms,
        }
    }

    /// The actor with the earliest pending action within the run, if any.
    /// Ties go to the Planner, then A, B, C, then the operator.
    fn next_actor(&self) -> Option<Actor> {
        let times = [
            self.next_plan_ms,
            self.next_enactor_ms[0],
            self.next_enactor_ms[1],
            self.next_enactor_ms[2],
            self.next_repair_ms,
        ];
        let mut best = 0;
        for slot in 1..times.len() {
            if times[slot] < times[best] {
                best = slot;
            }
        }
        if times[best] >= self.end_ms {
            return None;
        }
        Some(match best {
            0 => Actor::Planner,
            1..=3 => Actor::Enactor(EnactorId::ALL[best - 1]),
            _ => Actor::Operator,
        })
    }

    fn act(&mut self, actor: Actor, sink: &mut impl FnMut(RaceEvent)) {
        let now = self.world.now_ms;
        match actor {
            Actor::Planner => {
                self.world.create_plan(sink);
                self.next_plan_ms = now + self.planner_interval_ms;
            }
            Actor::Operator => {
                let empty: Vec<EndpointId> = self.world.empty_endpoints().collect();
                for endpoint in empty {
                    self.world.operator_repair(endpoint, sink);
                }
                self.next_repair_ms = NEVER;
            }
            Actor::Enactor(id) => self.enactor_acts(id, sink),
        }
    }

    fn enactor_acts(&mut self, id: EnactorId, sink: &mut impl FnMut(RaceEvent)) {
        let i = id.index();
        let now = self.world.now_ms;
        let idle = self.world.enactor(id).phase == Phase::Idle;
        if idle && self.world.newest_plan <= self.seen_plan[i] {
            // Nothing new: skip the polls that would find nothing, straight to
            // the first poll at or after the next plan (same result, fewer turns).
            let poll = u64::from(self.scenario.enactor_poll_ms);
            let wait = self.next_plan_ms.saturating_sub(now).max(1);
            self.next_enactor_ms[i] = now.saturating_add(wait.div_ceil(poll).saturating_mul(poll));
            return;
        }
        if idle {
            self.seen_plan[i] = self.world.newest_plan;
        }
        let repair_after = self.scenario.operator_repair_after_ms;
        let mut first_empty = false;
        let kind = self.world.step(id, &mut |e| {
            first_empty |= matches!(e, RaceEvent::RecordEmptied { .. });
            sink(e)
        });
        if let (true, Some(after), NEVER) = (first_empty, repair_after, self.next_repair_ms) {
            self.next_repair_ms = now + u64::from(after);
        }
        self.next_enactor_ms[i] = match kind {
            StepKind::Progress => now + self.call_latency_ms(id),
            StepKind::RunEnded => now + u64::from(self.scenario.enactor_poll_ms),
            StepKind::Contention => {
                let wait_ms = self.backoff_ms(id);
                if let Phase::Applying { endpoint, .. } = self.world.enactor(id).phase {
                    sink(RaceEvent::BackedOff {
                        enactor: id,
                        endpoint,
                        wait_ms,
                        losses_in_row: self.world.enactor(id).lock_losses_in_row,
                    });
                }
                now + wait_ms
            }
        };
    }

    /// How long the Enactor's next call takes. The slow Enactor's flips (the
    /// big change batches that replace a plan) started inside its slow window
    /// take `slow_extra_ms` longer: the record speaks of unusual delays while
    /// updating endpoints (D); which calls were slow is not public (I).
    fn call_latency_ms(&mut self, id: EnactorId) -> u64 {
        let s = &self.scenario;
        let base = self
            .rng
            .random_range(u64::from(s.call_min_ms)..=u64::from(s.call_max_ms));
        let flipping = matches!(
            self.world.enactor(id).phase,
            Phase::Applying { locked: true, .. }
        );
        let slow_now = s.delayed_enactor_at(self.world.now_ms) == Some(id);
        if flipping && slow_now {
            base + u64::from(s.slow_extra_ms)
        } else {
            base
        }
    }

    /// Back-off after a lost lock: doubling per loss in a row up to the cap,
    /// or a constant wait with fair back-off; plus up to half a base of jitter.
    fn backoff_ms(&mut self, id: EnactorId) -> u64 {
        let s = &self.scenario;
        let base = u64::from(s.backoff_base_ms);
        let losses = self.world.enactor(id).lock_losses_in_row.max(1);
        let wait = if s.fixes.fair_backoff {
            base
        } else {
            let doublings = (losses - 1).min(32);
            base.saturating_mul(1u64 << doublings)
                .min(u64::from(s.backoff_max_ms))
        };
        wait + self.rng.random_range(0..=base / 2)
    }
}
