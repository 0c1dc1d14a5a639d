//! The cascade engine: why fixing DNS at 02:25 did not end the outage's impact
//! until 14:20 (the end AWS's report gives).
//!
//! A petgraph graph of services and typed dependencies, simulated minute by
//! minute from 19 Oct 23:40 to 21 Oct 06:00 PDT. Impact windows come out of
//! mechanisms (caches, leases, queues, health checks) and operator actions at
//! their documented times; the mechanisms' constants were fitted so the
//! record's night reproduces the documented times ([`calibration`] lists
//! every one), so those windows are the fit, not evidence. What the model
//! adds is how windows move when the reader moves or removes an action,
//! pulls AWS's remedies, loosens couplings or chooses how their own services
//! are deployed.

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
