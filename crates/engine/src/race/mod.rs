//! The race engine: DynamoDB's DNS automation (Planner, three Enactors, Route 53
//! plan trees, alias, rollback record, lock, clean-up) as a deterministic model.
//!
//! One step function ([`model::World::step`]) and four ways to drive it:
//! [`run::run`] (a timed, seeded simulation with a trace), [`census`] (every
//! interleaving of a small configuration), [`estimate`] (Monte Carlo over
//! delays) and [`scheduler`] (the reader picks who moves next); [`search`]
//! looks for a setting at which a fix fails. [`explain`]
//! answers a reader's questions of a run's trace (why the record went empty,
//! the race's key moments) as indices and counts.

pub mod census;
pub mod estimate;
pub mod explain;
pub mod model;
pub mod run;
pub mod scenario;
pub mod scheduler;
pub mod search;
pub mod trace;

pub use explain::{Backoffs, EmptyingChain, Overwrite, RaceMoments};
pub use model::{EnactorId, EndpointId, Generation, World};
pub use run::{RaceRun, RunSummary, run, worlds_after_events};
pub use scenario::{Fix, Fixes, Preset, RaceScenario, ScenarioError};
pub use search::{Claim, Search, SearchResult, SearchSpace, search_failing};
pub use trace::{RaceEvent, TimedEvent, trace_hash};
