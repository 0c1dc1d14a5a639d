//! A window on the cascade engine for engineers, no browser needed.
//!
//! `cargo run --release --example cascade -- --preset as-it-happened`
//! prints one line per impact interval, tab-separated: service, severity,
//! start, end (`YYYY-MM-DD HH:MM`, PDT; end exclusive). `--cause` adds a fifth
//! column, the cause chain. The event's span goes to standard error.

use std::process::ExitCode;

use dns_race_engine::cascade::clock::label;
use dns_race_engine::cascade::{CascadePreset, impacts, simulate};

fn usage() -> String {
    let names: Vec<&str> = CascadePreset::ALL.iter().map(|p| p.name()).collect();
    format!(
        "usage: cascade --preset <name> [--cause]\n  presets: {}",
        names.join(", ")
    )
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut preset = None;
    let mut cause = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--preset" => match args.next().as_deref().map(CascadePreset::from_name) {
                Some(Some(p)) => preset = Some(p),
                _ => return fail("--preset needs one of the preset names"),
            },
            "--cause" => cause = true,
            "-h" | "--help" => {
                println!("{}", usage());
                return ExitCode::SUCCESS;
            }
            other => return fail(&format!("unknown argument {other:?}")),
        }
    }
    let Some(preset) = preset else {
        return fail("--preset is required");
    };
    let timeline = match simulate(&preset.scenario()) {
        Ok(t) => t,
        Err(e) => return fail(&e.to_string()),
    };
    let impact = impacts(&timeline);
    if cause {
        for i in &impact.intervals {
            let chain: Vec<String> = i
                .cause
                .iter()
                .map(|(s, m)| match m {
                    Some(m) => format!("{}:{m:?}", s.name()),
                    None => s.name().to_string(),
                })
                .collect();
            println!(
                "{}\t{}\t{}\t{}\t{}",
                i.service.name(),
                i.severity.name(),
                label(i.start),
                label(i.end),
                chain.join(" <- ")
            );
        }
    } else {
        for (service, severity, start, end) in impact.by_severity() {
            println!(
                "{}\t{}\t{}\t{}",
                service.name(),
                severity.name(),
                label(start),
                label(end)
            );
        }
    }
    if let Some((start, end)) = impact.event {
        let minutes = end - start;
        eprintln!(
            "event: {} to {}, {} h {} min",
            label(start),
            label(end),
            minutes / 60,
            minutes % 60
        );
    }
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("cascade: {message}\n{}", usage());
    ExitCode::from(2)
}
