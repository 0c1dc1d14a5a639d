//! The interactive explainer of the 19-20 October 2025 AWS us-east-1 DNS race.
//!
//! `engine` is pure Rust (no web, no language); `story` is the narrative as data;
//! `i18n` holds the words; `share` is the state a link reopens; `ui` draws it all with Leptos.

pub mod controls;
pub mod engine;
pub mod i18n;
pub mod share;
pub mod story;
pub mod time;
pub mod ui;
