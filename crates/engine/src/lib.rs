//! The simulation engines: pure, deterministic Rust with no web and no language.
//!
//! They take a scenario and return traces, counts and timelines that the UI
//! renders and the locale files word.

pub mod cascade;
pub mod race;
