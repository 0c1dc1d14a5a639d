//! The race engine: DynamoDB's DNS automation (Planner, three Enactors, Route 53
//! plan trees, alias, rollback record, lock, clean-up) as a deterministic model.
//!
//! One step function ([`model::World::step`]) and four ways to drive it:
//! [`run::run`] (a timed, seeded simulation with a trace), [`census`] (every
//! interleaving of a small configuration), [`estimate`] (Monte Carlo over
//! delays) and [`scheduler`] (the reader picks who moves next).

pub mod census;
pub mod estimate;
pub mod model;
pub mod run;
pub mod scenario;
pub mod scheduler;
pub mod trace;

pub use model::{EnactorId, EndpointId, Generation, World};
pub use run::{RaceRun, RunSummary, run};
pub use scenario::{Fix, Fixes, Preset, RaceScenario, ScenarioError, fix_counterexample};
pub use trace::{RaceEvent, TimedEvent, trace_hash};
