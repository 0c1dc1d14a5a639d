//! The interactive explainer of the 19-20 October 2025 AWS us-east-1 DNS race:
//! the browser app (Leptos, compiled to wasm).
//!
//! The engines (`crates/engine`, no web, no language) and the story with its
//! words, controls and link codec (`crates/story`, no web) are crates of their
//! own; they are re-exported here under their old paths so the app reads
//! `crate::engine`, `crate::story`, `crate::i18n` as before.

#![recursion_limit = "256"]

pub use dns_race_story::{controls, engine, i18n, routes, share, story, time};

pub mod ui;
