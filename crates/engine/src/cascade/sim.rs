//! The minute-by-minute simulation: each service's own mechanism, then its
//! dependencies, in the graph's topological order.
//!
//! Health is per mille of requests that succeed (1000 = fine). Every
//! quantity is an integer; there is no randomness, so a scenario always gives
//! the same timeline. The mechanisms (docs/RECORD.md marks):
//! - DynamoDB: the regional record is empty from 23:48 until restored (D).
//!   Clients' cached good answers shield them for a positive TTL; empty
//!   answers cached by resolvers keep failing after the restore, each until
//!   its negative TTL runs out (T: the ~15-minute tail; TTL values I).
//! - DWFM: leases on droplets expire while their checks cannot reach DynamoDB
//!   (D). Re-leasing the whole fleet at once makes each attempt slower than
//!   the lease timeout, so nothing completes: congestive collapse (D), until
//!   the operators throttle the work (04:14, S). Their throttle is a limit on
//!   DWFM's work in flight: set at its minute it holds whatever DynamoDB's
//!   state, as soon as DWFM has leases to restore (it used to be dropped in a
//!   minute when DynamoDB was still unhealthy, and the collapse then never
//!   ended). The lever `dwfm_queue_throttling` is the model's idea (I), not
//!   AWS's remedy: see [`DWFM_RELEASE_THROTTLE_CAP`].
//! - EC2 launches need DynamoDB and leased droplets; demand that fails is
//!   retried later, so a backlog of launches builds (I). Throttles from 04:14
//!   limit launches until relaxed from 11:23 (S).
//! - Network Manager: every launch needs network state propagated; the burst
//!   of delayed launches outruns it, and new instances wait for connectivity
//!   (S), until the backlog drains (10:36, D).
//! - NLB: health checks on instances whose network state has not propagated
//!   flap; automatic AZ failover then removes capacity (D) until failover is
//!   disabled (09:36, S); velocity control caps what it can remove (D, remedy).
//! - Lambda's SQS poller stays stuck until restored by hand (04:40, S);
//!   Redshift clusters whose credentials expired wait for EC2 launches to be
//!   replaced (S); queued work of Lambda and containers drains after (S).
//!
//! - AWS's announced queue-size throttling of EC2's data propagation (D,
//!   announced; where it acts is I): launches are admitted only while
//!   Network Manager's backlog is below [`PROPAGATION_QUEUE_LIMIT_MIN`]
//!   minutes of work, so instances wait to launch instead of launching
//!   without connectivity.
//!
//! **The as-it-happened windows are fitted to the record.** Rates and
//! thresholds are illustrative (I) and most were chosen so that one
//! documented time comes out: [`CALIBRATION`] lists every fitted constant,
//! its value and the time it was tuned to, and a test checks each target is
//! reproduced. A window that comes out on the record's time is therefore no
//! evidence for the model; what the model adds is how the windows *move*
//! when a lever or an action moves (the model's consequences).
//! Network Manager's start (06:21, S) is not fitted and comes out at 05:27,
//! 54 minutes early: in the model one quantity (propagation delay beyond the
//! grace) starts both NLB's flapping (05:30, D) and Network Manager's
//! impact, and the record has them 51 minutes apart.

use petgraph::Direction;
use petgraph::algo::toposort;
use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};

use super::clock::{END, Minute};
use super::graph::{Coupling, Dependency, Scope, Service, aws_dependencies, build};
use super::scenario::{
    CascadeError, CascadeScenario, Deployment, FAILOVER_FAST_MIN, FAILOVER_SLOW_MIN, Placement,
    RACE_AT,
};

/// Droplets (physical hosts) in the model fleet (I).
pub const FLEET_DROPLETS: u32 = 10_000;
/// Leases start expiring this long after checks stop reaching DynamoDB... (I)
pub const LEASE_EXPIRY_FIRST_MIN: u32 = 10;
/// ... and the last has expired this long after (I).
pub const LEASE_EXPIRY_SPREAD_MIN: u32 = 120;
/// Re-lease attempts in flight above which each outlasts the lease timeout:
/// nothing completes (I).
pub const DWFM_COLLAPSE_CONCURRENCY: u32 = 2_000;
/// Re-leases a minute at the operators' throttled concurrency (I; 74 minutes
/// for the fleet, as 04:14 to 05:28).
pub const DWFM_SAFE_RATE_PER_MIN: u32 = 136;
/// The lever `dwfm_queue_throttling` (the model's idea, I; not AWS's words):
/// DWFM never has more than this many re-lease attempts in flight, from the
/// start. Half the collapse point: a margin an engineer would pick without
/// knowing the cliff exactly, not the cliff itself. Below the cliff each
/// attempt completes at the throttled per-attempt pace, so re-leasing goes at
/// `DWFM_SAFE_RATE_PER_MIN * cap / DWFM_COLLAPSE_CONCURRENCY` a minute: no
/// collapse, but a slower re-lease than at the cliff's edge. A cap above
/// the cliff would collapse like no throttle at all.
pub const DWFM_RELEASE_THROTTLE_CAP: u32 = 1_000;
/// AWS's announced queue-size throttling of data propagation, as the model
/// places it (I): launches wait while Network Manager's backlog holds this
/// many minutes of propagation work. One minute under the grace after which
/// new instances lack connectivity, as a margin (I).
pub const PROPAGATION_QUEUE_LIMIT_MIN: u32 = 2;
/// Launch demand a minute; failed launches are retried later (I).
pub const LAUNCH_DEMAND_PER_MIN: u32 = 40;
/// Launches a minute EC2 accepts unthrottled / throttled (I).
pub const LAUNCH_LIMIT_PER_MIN: u32 = 400;
pub const LAUNCH_THROTTLED_PER_MIN: u32 = 100;
/// Minutes over which throttles are relaxed back to normal (I).
pub const THROTTLE_RELAX_MIN: u32 = 147;
/// Network changes a minute Network Manager propagates (I).
pub const NETWORK_CAPACITY_PER_MIN: u32 = 71;
/// Propagation delay beyond which new instances lack connectivity when
/// their health checks start (I).
pub const NETWORK_GRACE_MIN: u32 = 3;
/// NLB capacity failover removes a minute while checks flap, and returns a
/// minute once they stop or failover is off (per mille, I).
pub const NLB_REMOVE_PER_MIN: u32 = 22; // tenths of per mille
pub const NLB_RETURN_PER_MIN: u32 = 63; // tenths of per mille
/// Velocity control: failover never removes more than this (per mille, I).
pub const NLB_VELOCITY_FLOOR: u32 = 800;
/// Operators disable automatic failover only if capacity is below this.
pub const NLB_DISABLE_IF_BELOW: u32 = 700;
/// Lambda with its SQS poller stuck (per mille of work done, I).
pub const LAMBDA_POLLER_STUCK_HEALTH: u32 = 700;
/// Redshift clusters whose credentials expire a minute while DynamoDB is
/// down, and clusters replaced a minute once EC2 launches work (milli, I).
pub const REDSHIFT_EXPIRE_MILLI_PER_MIN: u32 = 5_430;
pub const REDSHIFT_REPLACE_MILLI_PER_MIN: u32 = 1_000;
/// Minutes of queued work drained per minute of spare capacity (I).
pub const LAMBDA_DRAIN_RATIO: u32 = 13;
pub const CONTAINERS_DRAIN_RATIO: u32 = 28;

/// Health at or above this is fine; below [`DOWN_BELOW`] is down.
pub const FINE_FROM: u32 = 990;
pub const DOWN_BELOW: u32 = 500;

// Window-moving numbers of the mechanisms (all I), named so the calibration
// table (`super::calibration`) lists them from the code, not from a copy.
/// Connect's fleet fails while EC2 launches are below this health (per
/// mille): this, not Lambda's tolerance, sets Connect's restore (13:14
/// simulated against 13:20, S).
pub const CONNECT_NEEDS_EC2_LAUNCH_PERMILLE: u32 = 900;
/// A hard dependency passes failure below this health (per mille).
pub const HARD_TOLERATE_PERMILLE: u32 = 990;
/// The reader's services: how much NLB trouble they tolerate, and how much
/// Lambda trouble the phone app's back end does (per mille).
pub const READER_NLB_TOLERATE_PERMILLE: u32 = 600;
pub const APP_LAMBDA_TOLERATE_PERMILLE: u32 = 900;
/// A soft dependency passes this fraction of its supplier's failure (1/N).
pub const SOFT_PASS_DIVISOR: u32 = 10;
/// Health of a service while it drains a backlog (per mille).
pub const DRAINING_HEALTH: u32 = 980;
/// Network Manager's health while its delay is within twice the grace.
pub const NETWORK_LATE_HEALTH: u32 = 700;
/// NLB health never reaches fine while checks flap or failover is off.
pub const NLB_TROUBLED_MAX_HEALTH: u32 = 980;
/// Minutes after the record empties that Lambda's SQS poller is stuck.
pub const LAMBDA_POLLER_ONSET_MIN: u32 = 3;
/// Redshift replaces clusters only while EC2 launches are at least this
/// healthy, and is this healthy while any are impaired (per mille).
pub const REDSHIFT_NEEDS_EC2_LAUNCH_PERMILLE: u32 = 900;
pub const REDSHIFT_IMPAIRED_HEALTH: u32 = 950;
/// EC2 launch health runs from this (at the throttled limit) to 1000 (at
/// the normal limit).
pub const EC2_THROTTLED_HEALTH: u32 = 600;

/// What limited a service in a minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Limiter {
    Fine,
    /// Its own mechanism.
    Own(Mechanism),
    /// A dependency.
    Dependency(Service),
}

/// The mechanisms a cause chain ends in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mechanism {
    /// The DNS record is empty.
    EmptyRecord,
    /// Resolvers still hold the cached empty answer.
    NegativeCache,
    /// Droplet leases expired and cannot be renewed.
    LeasesExpired,
    /// Re-leasing all at once: every attempt times out.
    CongestiveCollapse,
    /// Re-leasing, throttled, not finished yet.
    Releasing,
    /// Launches held back by throttles.
    Throttled,
    /// Network state waits in Network Manager's backlog.
    NetworkBacklog,
    /// Health checks flap; failover removes capacity.
    HealthCheckFlapping,
    /// Automatic failover is switched off by hand.
    FailoverDisabled,
    /// Lambda's SQS poller is stuck.
    PollerStuck,
    /// Clusters wait for replacement hosts.
    CredentialsExpired,
    /// Work queued during the outage is still being processed.
    Backlog,
    /// The reader's service is switching to its other region or cloud.
    FailingOver,
}

/// The per-minute quantities the UI draws as curves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    pub dynamodb_success_permille: Vec<u32>,
    pub leases_held: Vec<u32>,
    pub dwfm_queue: Vec<u32>,
    pub deferred_launches: Vec<u32>,
    pub network_backlog: Vec<u32>,
    pub network_delay_min: Vec<u32>,
    pub nlb_capacity_permille: Vec<u32>,
}

/// A whole simulation: health per service per minute and why.
#[derive(Clone, Debug)]
pub struct Timeline {
    pub scenario: CascadeScenario,
    pub dependencies: Vec<Dependency>,
    /// `health[service][minute]`, per mille.
    pub health: Vec<Vec<u16>>,
    /// `limiter[service][minute]`.
    pub limiter: Vec<Vec<Limiter>>,
    pub series: Series,
}

/// Mechanism state carried from minute to minute.
#[derive(Default)]
struct State {
    dns_empty: bool,
    /// When the record went empty and (if so) was restored.
    emptied_at: Option<Minute>,
    restored_at: Option<Minute>,
    expired: u32,
    /// Launches executed last minute (fed to Network Manager).
    launches_last_min: u32,
    deferred: u32,
    network_backlog: u32,
    nlb_capacity_tenths: u32,
    nlb_failover_on: bool,
    /// Operators throttled DWFM and EC2 launches (only if DWFM was in trouble).
    throttled: bool,
    redshift_impaired_milli: u32,
    /// Queued work still to be done (minutes of impairment), per service.
    backlog_min: [u32; Service::ALL.len()],
    /// Per reader service: the minute its first dependency trouble began
    /// (set once and kept: a reader's service that has switched away stays
    /// switched for the rest of the night, I).
    trouble_since: [Option<Minute>; Service::ALL.len()],
}

/// The dependencies of a scenario: AWS's, loosened where asked, and the
/// reader's services' from their deployments.
pub fn dependencies(scenario: &CascadeScenario) -> Vec<Dependency> {
    use Service::*;
    let mut deps = aws_dependencies();
    let informational = |service, consumer| Dependency {
        service,
        consumer,
        coupling: Coupling::Soft,
        scope: Scope::Regional,
        lag_min: 0,
        tolerate_permille: 0,
        bypass_after_mitigation_min: None,
    };
    // Mechanism links drawn in the graph; they order the computation and
    // their effect is inside the consumer's mechanism.
    deps.push(informational(NetworkManager, Nlb));
    deps.push(informational(Ec2Launch, Redshift));
    // Connect's fleet waits on EC2 launches (I).
    deps.push(Dependency {
        tolerate_permille: CONNECT_NEEDS_EC2_LAUNCH_PERMILLE,
        ..hard(Ec2Launch, Connect, 0, Scope::Regional)
    });
    let reader = |consumer, list: &[(Service, Coupling, Scope, u32)]| {
        list.iter()
            .map(move |&(service, coupling, scope, tolerate)| Dependency {
                coupling,
                tolerate_permille: tolerate,
                ..hard(service, consumer, 1, scope)
            })
            .collect::<Vec<_>>()
    };
    let (h, s, r, g) = (
        Coupling::Hard,
        Coupling::Soft,
        Scope::Regional,
        Scope::Global,
    );
    // The story's shop (ch. 9): every call needs DynamoDB and a load
    // balancer in the region, and nothing else. It does not start new
    // instances or call Lambda, so neither holds it down (an earlier model
    // had it lean softly on both, which kept it "affected" all morning while
    // EC2 launches were throttled, for a reason the story never gave).
    let (fine, nlb) = (HARD_TOLERATE_PERMILLE, READER_NLB_TOLERATE_PERMILLE);
    deps.extend(reader(Shop, &[(DynamoDb, h, r, fine), (Nlb, h, r, nlb)]));
    deps.extend(reader(
        AppBackend,
        &[
            (DynamoDb, h, r, fine),
            (Lambda, h, r, APP_LAMBDA_TOLERATE_PERMILLE),
            (Sts, h, g, fine),
            (Nlb, h, r, nlb),
        ],
    ));
    deps.extend(reader(
        BusinessSystem,
        &[
            (DynamoDb, h, r, fine),
            (IamSignIn, h, g, fine),
            (Ec2Launch, s, r, fine),
            (Redshift, s, r, fine),
        ],
    ));
    for d in &mut deps {
        let loosened = scenario.loosened.contains(&(d.service, d.consumer));
        let fallback = scenario
            .deployment(d.consumer)
            .is_some_and(|dep| dep.fallback);
        if (loosened || fallback) && d.coupling == Coupling::Hard {
            d.coupling = Coupling::Soft;
        }
    }
    deps.sort_by_key(|d| (d.consumer, d.service));
    deps
}

const fn hard(service: Service, consumer: Service, lag_min: u32, scope: Scope) -> Dependency {
    Dependency {
        service,
        consumer,
        coupling: Coupling::Hard,
        scope,
        lag_min,
        tolerate_permille: HARD_TOLERATE_PERMILLE,
        bypass_after_mitigation_min: None,
    }
}

/// Runs the cascade.
pub fn simulate(scenario: &CascadeScenario) -> Result<Timeline, CascadeError> {
    scenario.validate()?;
    let deps = dependencies(scenario);
    let graph = build(&deps);
    let order: Vec<NodeIndex> = toposort(&graph, None).map_err(|cycle| CascadeError {
        knob: "dependencies",
        message: format!("a dependency cycle through {:?}", graph[cycle.node_id()]),
    })?;
    let n = Service::ALL.len();
    let minutes = END as usize;
    let mut health = vec![vec![1000u16; minutes]; n];
    let mut limiter = vec![vec![Limiter::Fine; minutes]; n];
    let mut series = Series::default();
    let mut st = State {
        nlb_capacity_tenths: 10_000,
        nlb_failover_on: true,
        ..State::default()
    };
    for t in 0..END {
        let ti = t as usize;
        for &node in &order {
            let service = graph[node];
            let (own, own_why) = own_mechanism(service, t, scenario, &mut st, &health);
            let (mut h, mut why) = (
                own,
                if own < FINE_FROM {
                    Limiter::Own(own_why)
                } else {
                    Limiter::Fine
                },
            );
            for edge in graph.edges_directed(node, Direction::Incoming) {
                let d = edge.weight();
                let seen = effective(d, t, scenario, &mut st, &health);
                if seen < h {
                    (h, why) = (seen, Limiter::Dependency(d.service));
                }
            }
            // Work that piled up while impaired is worked off afterwards.
            if let Some(ratio) = drain_ratio(service) {
                let b = &mut st.backlog_min[service.index()];
                if h < FINE_FROM {
                    *b += 1;
                } else if *b > 0 {
                    *b = b.saturating_sub(ratio);
                    h = DRAINING_HEALTH;
                    why = Limiter::Own(Mechanism::Backlog);
                }
            }
            health[service.index()][ti] = h as u16;
            limiter[service.index()][ti] = why;
        }
        series
            .dynamodb_success_permille
            .push(u32::from(health[Service::DynamoDb.index()][ti]));
        series.leases_held.push(FLEET_DROPLETS - st.expired);
        series.dwfm_queue.push(st.expired);
        series.deferred_launches.push(st.deferred);
        series.network_backlog.push(st.network_backlog);
        series
            .network_delay_min
            .push(st.network_backlog / NETWORK_CAPACITY_PER_MIN);
        series
            .nlb_capacity_permille
            .push(st.nlb_capacity_tenths / 10);
    }
    Ok(Timeline {
        scenario: scenario.clone(),
        dependencies: deps,
        health,
        limiter,
        series,
    })
}

/// For services with queued work: each impaired minute queues a minute of
/// work, and each fine minute works off this many (so the tail lasts the
/// impaired time divided by it).
fn drain_ratio(service: Service) -> Option<u32> {
    match service {
        Service::Lambda => Some(LAMBDA_DRAIN_RATIO),
        Service::Containers => Some(CONTAINERS_DRAIN_RATIO),
        _ => None,
    }
}

fn active(action: Option<Minute>, t: Minute) -> bool {
    action.is_some_and(|at| t >= at)
}

fn health_at(health: &[Vec<u16>], s: Service, t: Minute) -> u32 {
    u32::from(health[s.index()][t as usize])
}

/// How a dependency looks to its consumer this minute.
fn effective(
    d: &Dependency,
    t: Minute,
    sc: &CascadeScenario,
    st: &mut State,
    health: &[Vec<u16>],
) -> u32 {
    let seen_at = t.saturating_sub(d.lag_min);
    // Topological order: the dependency's minute `t` is already computed.
    let raw = health_at(health, d.service, seen_at);
    let mitigated = d
        .bypass_after_mitigation_min
        .zip(sc.actions.temporary_mitigation_at)
        .is_some_and(|(after, m)| t >= m + after);
    if mitigated {
        return 1000;
    }
    let mut h = if raw >= d.tolerate_permille {
        1000
    } else {
        raw
    };
    if let Some(deployment) = sc.deployment(d.consumer) {
        h = through_deployment(h, d, t, deployment, st);
    }
    match d.coupling {
        Coupling::Hard => h,
        Coupling::Soft => 1000 - (1000 - h) / SOFT_PASS_DIVISOR,
    }
}

/// A reader's service in another region or cloud sees us-east-1 trouble only
/// while it switches over (global control planes stay us-east-1's unless it
/// runs on another cloud).
fn through_deployment(
    h: u32,
    d: &Dependency,
    t: Minute,
    deployment: Deployment,
    st: &mut State,
) -> u32 {
    let escapes = match deployment.placement {
        Placement::UsEast1 => false,
        Placement::MultiRegion => d.scope == Scope::Regional,
        Placement::MultiCloud => true,
    };
    if !escapes {
        return h;
    }
    let since = &mut st.trouble_since[d.consumer.index()];
    if h >= FINE_FROM {
        return h;
    }
    let began = *since.get_or_insert(t);
    let switch = if deployment.monitoring {
        FAILOVER_FAST_MIN
    } else {
        FAILOVER_SLOW_MIN
    };
    if t < began + switch {
        h.min(DOWN_BELOW - 1)
    } else {
        1000
    }
}

/// A service's own mechanism this minute: its health and, if impaired, why.
fn own_mechanism(
    service: Service,
    t: Minute,
    sc: &CascadeScenario,
    st: &mut State,
    health: &[Vec<u16>],
) -> (u32, Mechanism) {
    let a = &sc.actions;
    match service {
        Service::DynamoDb => dynamodb(t, sc, st),
        Service::Dwfm => dwfm(t, sc, st, health),
        Service::NetworkManager => {
            let inflow = st.launches_last_min;
            st.network_backlog =
                (st.network_backlog + inflow).saturating_sub(NETWORK_CAPACITY_PER_MIN);
            let delay = st.network_backlog / NETWORK_CAPACITY_PER_MIN;
            let h = if delay <= NETWORK_GRACE_MIN {
                1000
            } else if delay <= 2 * NETWORK_GRACE_MIN {
                NETWORK_LATE_HEALTH
            } else {
                0
            };
            (h, Mechanism::NetworkBacklog)
        }
        Service::Ec2Launch => ec2_launch(t, sc, st, health),
        Service::Nlb => {
            let losing = st.nlb_capacity_tenths < NLB_DISABLE_IF_BELOW * 10;
            if a.nlb_failover_disabled_at == Some(t) && losing {
                st.nlb_failover_on = false;
            }
            if a.nlb_failover_reenabled_at == Some(t) {
                st.nlb_failover_on = true;
            }
            let delay = st.network_backlog / NETWORK_CAPACITY_PER_MIN;
            let flapping = delay > NETWORK_GRACE_MIN;
            let floor = if sc.levers.nlb_velocity_control {
                NLB_VELOCITY_FLOOR * 10
            } else {
                0
            };
            let c = &mut st.nlb_capacity_tenths;
            if flapping && st.nlb_failover_on {
                *c = c.saturating_sub(NLB_REMOVE_PER_MIN).max(floor);
            } else {
                *c = (*c + NLB_RETURN_PER_MIN).min(10_000);
            }
            let capacity = *c / 10;
            if !st.nlb_failover_on {
                (
                    capacity.min(NLB_TROUBLED_MAX_HEALTH),
                    Mechanism::FailoverDisabled,
                )
            } else if flapping {
                (
                    capacity.min(NLB_TROUBLED_MAX_HEALTH),
                    Mechanism::HealthCheckFlapping,
                )
            } else {
                (capacity, Mechanism::HealthCheckFlapping)
            }
        }
        Service::Lambda => {
            let stuck = st
                .emptied_at
                .is_some_and(|e| t >= e + LAMBDA_POLLER_ONSET_MIN)
                && !active(a.lambda_poller_restored_at, t);
            if stuck {
                (LAMBDA_POLLER_STUCK_HEALTH, Mechanism::PollerStuck)
            } else {
                (1000, Mechanism::PollerStuck)
            }
        }
        Service::Redshift => {
            if health_at(health, Service::DynamoDb, t) < DOWN_BELOW {
                st.redshift_impaired_milli += REDSHIFT_EXPIRE_MILLI_PER_MIN;
            } else if health_at(health, Service::Ec2Launch, t) >= REDSHIFT_NEEDS_EC2_LAUNCH_PERMILLE
            {
                st.redshift_impaired_milli = st
                    .redshift_impaired_milli
                    .saturating_sub(REDSHIFT_REPLACE_MILLI_PER_MIN);
            }
            if st.redshift_impaired_milli > 0 {
                (REDSHIFT_IMPAIRED_HEALTH, Mechanism::CredentialsExpired)
            } else {
                (1000, Mechanism::CredentialsExpired)
            }
        }
        _ => (1000, Mechanism::Backlog),
    }
}

fn dynamodb(t: Minute, sc: &CascadeScenario, st: &mut State) -> (u32, Mechanism) {
    let restored = active(sc.actions.dns_restored_at, t);
    st.dns_empty = t >= RACE_AT && !restored;
    if st.dns_empty && st.emptied_at.is_none() {
        st.emptied_at = Some(t);
    }
    if restored && st.restored_at.is_none() && st.emptied_at.is_some() {
        st.restored_at = Some(t);
    }
    let l = &sc.levers;
    if st.dns_empty {
        // Cached good answers expire over the positive TTL: by the end of
        // minute `since`, the entries due within it have run out.
        let since = t - st.emptied_at.unwrap_or(t);
        let ttl = l.positive_ttl_min;
        let shielded = if since + 1 >= ttl {
            0
        } else {
            1000 * (ttl - since - 1) / ttl
        };
        return (shielded, Mechanism::EmptyRecord);
    }
    if let Some(r) = st.restored_at {
        // Cached empty answers run out one by one over the negative TTL.
        let since = t - r;
        let ttl = if l.negative_caching {
            l.negative_ttl_min
        } else {
            1
        };
        if since < ttl {
            return (1000 * since / ttl, Mechanism::NegativeCache);
        }
    }
    (1000, Mechanism::EmptyRecord)
}

fn dwfm(t: Minute, sc: &CascadeScenario, st: &mut State, health: &[Vec<u16>]) -> (u32, Mechanism) {
    // The operators' throttle takes effect from its minute on, once DWFM has
    // leases to restore, whether or not DynamoDB answers yet: it limits
    // DWFM's own work in flight, which needs nothing from DynamoDB.
    if !st.throttled && active(sc.actions.dwfm_throttled_at, t) && st.expired > 0 {
        st.throttled = true;
    }
    let ddb = health_at(health, Service::DynamoDb, t);
    if ddb < DOWN_BELOW {
        // Checks fail; leases run out, spread over the expiry window.
        if let Some(e) = st.emptied_at {
            let since = t - e;
            let due = if since < LEASE_EXPIRY_FIRST_MIN {
                0
            } else {
                let span = (since - LEASE_EXPIRY_FIRST_MIN).min(LEASE_EXPIRY_SPREAD_MIN);
                FLEET_DROPLETS / LEASE_EXPIRY_SPREAD_MIN * span
            };
            st.expired = st.expired.max(due.min(FLEET_DROPLETS));
        }
        let mech = if st.expired > 0 {
            Mechanism::LeasesExpired
        } else {
            Mechanism::EmptyRecord
        };
        return (leased_permille(st), mech);
    }
    if st.expired == 0 {
        return (1000, Mechanism::Releasing);
    }
    // Every droplet without a lease is retried at once unless throttled; past
    // the collapse point each attempt outlasts the lease timeout. The tighter
    // of the active limits on work in flight holds.
    let cap = match (sc.levers.dwfm_queue_throttling, st.throttled) {
        (true, _) => Some(DWFM_RELEASE_THROTTLE_CAP),
        (false, true) => Some(DWFM_COLLAPSE_CONCURRENCY),
        (false, false) => None,
    };
    let in_flight = cap.map_or(st.expired, |c| st.expired.min(c));
    let (done, mech) = if in_flight > DWFM_COLLAPSE_CONCURRENCY {
        (0, Mechanism::CongestiveCollapse)
    } else {
        let pace = cap.unwrap_or(DWFM_COLLAPSE_CONCURRENCY);
        (
            DWFM_SAFE_RATE_PER_MIN * pace / DWFM_COLLAPSE_CONCURRENCY,
            Mechanism::Releasing,
        )
    };
    st.expired = st.expired.saturating_sub(done);
    (leased_permille(st), mech)
}

fn leased_permille(st: &State) -> u32 {
    1000 * (FLEET_DROPLETS - st.expired) / FLEET_DROPLETS
}

fn ec2_launch(
    t: Minute,
    sc: &CascadeScenario,
    st: &mut State,
    health: &[Vec<u16>],
) -> (u32, Mechanism) {
    let a = &sc.actions;
    let limit = if let Some(relax) = a
        .ec2_throttles_relaxed_at
        .filter(|&r| t >= r && st.throttled)
    {
        let step = (t - relax).min(THROTTLE_RELAX_MIN);
        LAUNCH_THROTTLED_PER_MIN
            + (LAUNCH_LIMIT_PER_MIN - LAUNCH_THROTTLED_PER_MIN) * step / THROTTLE_RELAX_MIN
    } else if st.throttled {
        LAUNCH_THROTTLED_PER_MIN
    } else {
        LAUNCH_LIMIT_PER_MIN
    };
    let ddb_ok = health_at(health, Service::DynamoDb, t) >= DOWN_BELOW;
    let capacity = if ddb_ok {
        limit * leased_permille(st) / 1000
    } else {
        0
    };
    let capacity = if sc.levers.ec2_propagation_throttling {
        // Queue-size throttling of data propagation: admit launches only
        // while Network Manager's backlog is under the limit.
        let limit = PROPAGATION_QUEUE_LIMIT_MIN * NETWORK_CAPACITY_PER_MIN;
        capacity.min(limit.saturating_sub(st.network_backlog))
    } else {
        capacity
    };
    let wanted = st.deferred + LAUNCH_DEMAND_PER_MIN;
    let launched = wanted.min(capacity);
    st.deferred = wanted - launched;
    st.launches_last_min = launched;
    // Throttled launches succeed, slowly: degraded in proportion.
    let span = LAUNCH_LIMIT_PER_MIN - LAUNCH_THROTTLED_PER_MIN;
    let h = EC2_THROTTLED_HEALTH
        + (1000 - EC2_THROTTLED_HEALTH) * (limit - LAUNCH_THROTTLED_PER_MIN) / span;
    (h, Mechanism::Throttled)
}
