//! The cascade engine: why fixing DNS at 02:25 did not end the outage until 14:20.
//!
//! A petgraph graph of services and typed dependencies, simulated minute by
//! minute from 19 Oct 23:40 to 21 Oct 06:00 PDT. Impact windows come out of
//! mechanisms (caches, leases, queues, health checks) and operator actions at
//! their documented times, never from a table of times; the reader can move
//! or remove each action, pull AWS's remedies, loosen couplings and choose
//! how their own services are deployed.

pub mod calibration;
pub mod clock;
pub mod graph;
pub mod impact;
pub mod scenario;
pub mod sim;

pub use clock::Minute;
pub use graph::Service;
pub use impact::{Impact, ImpactInterval, Severity, impacts};
pub use scenario::{CascadePreset, CascadeScenario};
pub use sim::{Timeline, simulate};
