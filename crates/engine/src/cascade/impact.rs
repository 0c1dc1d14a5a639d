//! From per-minute health to what a reader reads: impact intervals with a
//! severity and a cause chain, merged windows, and the whole event's span.

use serde::{Deserialize, Serialize};

use super::clock::Minute;
use super::graph::Service;
use super::sim::{DOWN_BELOW, FINE_FROM, Limiter, Mechanism, Timeline};

/// How bad an impact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    /// Some requests fail or are slow.
    Degraded,
    /// Most requests fail.
    Down,
}

impl Severity {
    pub fn of(health_permille: u32) -> Option<Severity> {
        if health_permille < DOWN_BELOW {
            Some(Severity::Down)
        } else if health_permille < FINE_FROM {
            Some(Severity::Degraded)
        } else {
            None
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Severity::Degraded => "degraded",
            Severity::Down => "down",
        }
    }
}

/// One stretch of one severity for one service: `start..end` (end exclusive).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImpactInterval {
    pub service: Service,
    pub severity: Severity,
    pub start: Minute,
    pub end: Minute,
    /// Why, from the service down to the mechanism, as at `start`.
    pub cause: Vec<(Service, Option<Mechanism>)>,
}

/// Everything the timeline says about impact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Impact {
    pub intervals: Vec<ImpactInterval>,
    /// The first AWS impact to the last, leaving out long-tail stragglers
    /// (Redshift's last clusters) the way the record dates the event's end.
    pub event: Option<(Minute, Minute)>,
}

impl Impact {
    /// Merged windows of any severity for one service.
    pub fn windows(&self, service: Service) -> Vec<(Minute, Minute)> {
        let mut out: Vec<(Minute, Minute)> = Vec::new();
        for i in self.intervals.iter().filter(|i| i.service == service) {
            match out.last_mut() {
                Some(last) if last.1 == i.start => last.1 = i.end,
                _ => out.push((i.start, i.end)),
            }
        }
        out
    }

    /// Intervals with adjacent ones of the same service and severity joined
    /// (their causes differ): what to compare with the record's windows.
    pub fn by_severity(&self) -> Vec<(Service, Severity, Minute, Minute)> {
        let mut out: Vec<(Service, Severity, Minute, Minute)> = Vec::new();
        for i in &self.intervals {
            match out.last_mut() {
                Some(last) if last.0 == i.service && last.1 == i.severity && last.3 == i.start => {
                    last.3 = i.end;
                }
                _ => out.push((i.service, i.severity, i.start, i.end)),
            }
        }
        out
    }

    /// Minutes a service was impacted (any severity).
    pub fn minutes(&self, service: Service) -> u32 {
        self.intervals
            .iter()
            .filter(|i| i.service == service)
            .map(|i| i.end - i.start)
            .sum()
    }

    /// Minutes a service spent at one severity. Over both severities they
    /// add up to [`Impact::minutes`].
    pub fn minutes_at(&self, service: Service, severity: Severity) -> u32 {
        self.intervals
            .iter()
            .filter(|i| i.service == service && i.severity == severity)
            .map(|i| i.end - i.start)
            .sum()
    }
}

/// The cause chain of a service at a minute: follow the limiting dependency
/// (at its lag) until a mechanism. Bounded by the number of services.
pub fn cause_chain(
    tl: &Timeline,
    service: Service,
    t: Minute,
) -> Vec<(Service, Option<Mechanism>)> {
    let mut chain = Vec::new();
    let (mut s, mut at) = (service, t);
    for _ in 0..Service::ALL.len() {
        match tl.limiter[s.index()][at as usize] {
            Limiter::Fine => {
                chain.push((s, None));
                break;
            }
            Limiter::Own(m) => {
                chain.push((s, Some(m)));
                break;
            }
            Limiter::Dependency(d) => {
                chain.push((s, None));
                let lag = tl
                    .dependencies
                    .iter()
                    .find(|e| e.service == d && e.consumer == s)
                    .map_or(0, |e| e.lag_min);
                (s, at) = (d, at.saturating_sub(lag));
            }
        }
    }
    chain
}

/// Impact intervals of every service: a new interval starts whenever the
/// severity or the mechanism at the end of the cause chain changes.
pub fn impacts(tl: &Timeline) -> Impact {
    let mut intervals = Vec::new();
    for service in Service::ALL {
        let h = &tl.health[service.index()];
        let mut open: Option<ImpactInterval> = None;
        for t in 0..=h.len() as Minute {
            let sev = h.get(t as usize).and_then(|&v| Severity::of(u32::from(v)));
            let cause = sev.map(|_| cause_chain(tl, service, t));
            let same = match (&open, sev, &cause) {
                (Some(o), Some(s), Some(c)) => o.severity == s && o.cause.last() == c.last(),
                _ => false,
            };
            if same {
                continue;
            }
            if let Some(mut o) = open.take() {
                o.end = t;
                intervals.push(o);
            }
            if let (Some(severity), Some(cause)) = (sev, cause) {
                open = Some(ImpactInterval {
                    service,
                    severity,
                    start: t,
                    end: t,
                    cause,
                });
            }
        }
    }
    let aws = intervals
        .iter()
        .filter(|i| !i.service.is_readers() && i.service != Service::Redshift);
    let start = aws.clone().map(|i| i.start).min();
    let end = aws.map(|i| i.end).max();
    Impact {
        event: start.zip(end),
        intervals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cascade::{CascadePreset, simulate};

    #[test]
    fn minutes_by_severity_add_up_to_the_minutes_impacted() {
        let impact = impacts(&simulate(&CascadePreset::AsItHappened.scenario()).expect("valid"));
        let mut some_down = false;
        for service in Service::ALL {
            let down = impact.minutes_at(service, Severity::Down);
            let degraded = impact.minutes_at(service, Severity::Degraded);
            assert_eq!(down + degraded, impact.minutes(service), "{service:?}");
            let joined: u32 = impact
                .by_severity()
                .iter()
                .filter(|&&(s, sev, _, _)| s == service && sev == Severity::Down)
                .map(|&(_, _, start, end)| end - start)
                .sum();
            assert_eq!(down, joined, "{service:?}");
            some_down |= down > 0;
        }
        assert!(some_down, "the night took some service down");
        assert!(impact.minutes_at(Service::DynamoDb, Severity::Down) > 0);
    }
}
