//! The cascade's "what if" knobs: operator actions at their documented times,
//! AWS's remedies and caching as levers, loosened couplings, and the reader's
//! own deployment choices. Presets name the starting points.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::clock::{END, Minute, at};
use super::graph::Service;

/// What the operators did, and when (minutes, see [`super::clock`]). `None`
/// removes the action. Defaults are the record's times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OperatorActions {
    /// Temporary mitigations that let STS and IAM sign-in bypass DynamoDB (01:15, S).
    pub temporary_mitigation_at: Option<Minute>,
    /// A healthy DNS tree installed by hand (02:25, D).
    pub dns_restored_at: Option<Minute>,
    /// DWFM work throttled and hosts restarted selectively; EC2 launches
    /// throttled too (04:14, S). Takes effect from this minute on as soon as
    /// DWFM has expired leases to restore, even while DynamoDB is still
    /// unhealthy (the throttle limits DWFM's own work); never taken if no
    /// lease has expired.
    pub dwfm_throttled_at: Option<Minute>,
    /// Lambda's stuck SQS poller restored (04:40, S).
    pub lambda_poller_restored_at: Option<Minute>,
    /// Automatic NLB health-check failover disabled, if it has taken away
    /// much capacity by then (09:36, S).
    pub nlb_failover_disabled_at: Option<Minute>,
    /// EC2 throttles start to be relaxed (11:23, S).
    pub ec2_throttles_relaxed_at: Option<Minute>,
    /// Automatic NLB failover re-enabled (14:09, D).
    pub nlb_failover_reenabled_at: Option<Minute>,
}

impl OperatorActions {
    pub const AS_IT_HAPPENED: OperatorActions = OperatorActions {
        temporary_mitigation_at: Some(at(20, 1, 15)),
        dns_restored_at: Some(at(20, 2, 25)),
        dwfm_throttled_at: Some(at(20, 4, 14)),
        lambda_poller_restored_at: Some(at(20, 4, 40)),
        nlb_failover_disabled_at: Some(at(20, 9, 36)),
        ec2_throttles_relaxed_at: Some(at(20, 11, 23)),
        nlb_failover_reenabled_at: Some(at(20, 14, 9)),
    };

    fn all(&self) -> [(&'static str, Option<Minute>); 7] {
        [
            ("temporary_mitigation_at", self.temporary_mitigation_at),
            ("dns_restored_at", self.dns_restored_at),
            ("dwfm_throttled_at", self.dwfm_throttled_at),
            ("lambda_poller_restored_at", self.lambda_poller_restored_at),
            ("nlb_failover_disabled_at", self.nlb_failover_disabled_at),
            ("ec2_throttles_relaxed_at", self.ec2_throttles_relaxed_at),
            ("nlb_failover_reenabled_at", self.nlb_failover_reenabled_at),
        ]
    }

    /// DNS restored at `at`, and every action that came after the restore in
    /// this timeline moved by the same amount: those were responses to what
    /// followed the restore. (Set a field directly to move one action alone.)
    pub fn with_dns_restored_at(self, at: Minute) -> OperatorActions {
        let Some(old) = self.dns_restored_at else {
            return OperatorActions {
                dns_restored_at: Some(at),
                ..self
            };
        };
        let shift = |m: Option<Minute>| {
            m.map(|m| {
                if m > old {
                    (i64::from(m) + i64::from(at) - i64::from(old))
                        .clamp(i64::from(RACE_AT) + 1, i64::from(END) - 1)
                        as Minute
                } else {
                    m
                }
            })
        };
        OperatorActions {
            temporary_mitigation_at: shift(self.temporary_mitigation_at),
            dns_restored_at: Some(at),
            dwfm_throttled_at: shift(self.dwfm_throttled_at),
            lambda_poller_restored_at: shift(self.lambda_poller_restored_at),
            nlb_failover_disabled_at: shift(self.nlb_failover_disabled_at),
            ec2_throttles_relaxed_at: shift(self.ec2_throttles_relaxed_at),
            nlb_failover_reenabled_at: shift(self.nlb_failover_reenabled_at),
        }
    }

    /// Every action `minutes` earlier (never before the race), as if the
    /// problem had been found sooner.
    pub fn earlier_by(self, minutes: u32) -> OperatorActions {
        let shift = |m: Option<Minute>| m.map(|m| m.saturating_sub(minutes).max(RACE_AT + 1));
        OperatorActions {
            temporary_mitigation_at: shift(self.temporary_mitigation_at),
            dns_restored_at: shift(self.dns_restored_at),
            dwfm_throttled_at: shift(self.dwfm_throttled_at),
            lambda_poller_restored_at: shift(self.lambda_poller_restored_at),
            nlb_failover_disabled_at: shift(self.nlb_failover_disabled_at),
            ec2_throttles_relaxed_at: shift(self.ec2_throttles_relaxed_at),
            nlb_failover_reenabled_at: shift(self.nlb_failover_reenabled_at),
        }
    }
}

/// When the race empties the regional DynamoDB record (23:48, D).
pub const RACE_AT: Minute = at(19, 23, 48);

/// Where one of the reader's services runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Placement {
    /// Everything in us-east-1.
    #[default]
    UsEast1,
    /// Active in us-east-1 with a standby region it fails over to.
    MultiRegion,
    /// Also runs on another cloud provider.
    MultiCloud,
}

/// The reader's choices for one of their services.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Deployment {
    pub placement: Placement,
    /// A fallback (backup data, a read-only or static mode): hard
    /// dependencies become soft, so failures degrade instead of stopping.
    pub fallback: bool,
    /// Monitoring that notices trouble and starts the failover; without it
    /// a person notices late (the switch takes [`FAILOVER_SLOW_MIN`]).
    pub monitoring: bool,
}

/// Minutes to switch to another region or cloud with monitoring (I).
pub const FAILOVER_FAST_MIN: u32 = 5;
/// ... and without it, when someone has to notice first (I).
pub const FAILOVER_SLOW_MIN: u32 = 45;

/// AWS's remedies and DNS caching, as levers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Levers {
    /// The model's idea (I), **not** AWS's remedy: DWFM caps its re-lease
    /// work in flight from the start at
    /// [`super::sim::DWFM_RELEASE_THROTTLE_CAP`] (half the collapse point),
    /// so re-leasing is slower per minute but never collapses. (Until this
    /// change the field capped work exactly at the cliff and was presented
    /// as AWS's queue-size throttling; AWS's report does not say that remedy
    /// targets DWFM. The name is kept for links.)
    pub dwfm_queue_throttling: bool,
    /// NLB limits how much capacity failover can remove (D, announced remedy).
    pub nlb_velocity_control: bool,
    /// AWS's announced throttling of EC2's data propagation by the size of
    /// the waiting queue (D, announced), placed by the model on Network
    /// Manager's backlog (I): launches wait while the backlog is over
    /// [`super::sim::PROPAGATION_QUEUE_LIMIT_MIN`] minutes of work.
    #[serde(default)]
    pub ec2_propagation_throttling: bool,
    /// Resolvers cache the empty answer (T: it set the ~15-minute tail).
    pub negative_caching: bool,
    /// How long an empty answer stays cached. Default 15; 1..=180 (I).
    pub negative_ttl_min: u32,
    /// How long a good answer stays cached. Default 1; 0..=180 (I: no
    /// reliable source gives the endpoint's TTL).
    pub positive_ttl_min: u32,
}

/// How long resolvers remember "no addresses" (min, I: no source gives the
/// endpoint's TTL; fitted so DynamoDB recovers at 02:40, D).
pub const DEFAULT_NEGATIVE_TTL_MIN: u32 = 15;
/// How long resolvers remember a good answer (min, I).
pub const DEFAULT_POSITIVE_TTL_MIN: u32 = 1;

impl Default for Levers {
    fn default() -> Self {
        Levers {
            dwfm_queue_throttling: false,
            nlb_velocity_control: false,
            ec2_propagation_throttling: false,
            negative_caching: true,
            negative_ttl_min: DEFAULT_NEGATIVE_TTL_MIN,
            positive_ttl_min: DEFAULT_POSITIVE_TTL_MIN,
        }
    }
}

/// Everything a cascade simulation depends on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CascadeScenario {
    pub actions: OperatorActions,
    pub levers: Levers,
    /// Dependencies (service, consumer) made soft: a cache or fallback added.
    pub loosened: Vec<(Service, Service)>,
    pub shop: Deployment,
    pub app: Deployment,
    pub business: Deployment,
}

impl Default for CascadeScenario {
    fn default() -> Self {
        CascadePreset::AsItHappened.scenario()
    }
}

/// A knob out of range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CascadeError {
    pub knob: &'static str,
    pub message: String,
}

impl fmt::Display for CascadeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.knob, self.message)
    }
}

impl std::error::Error for CascadeError {}

impl CascadeScenario {
    /// `Ok` when every knob is in range.
    pub fn validate(&self) -> Result<(), CascadeError> {
        for (knob, value) in self.actions.all() {
            if let Some(m) = value.filter(|&m| m <= RACE_AT || m >= END) {
                return Err(CascadeError {
                    knob,
                    message: format!(
                        "minute {m} is outside {}..{END} (after the race, before the end)",
                        RACE_AT + 1
                    ),
                });
            }
        }
        let l = &self.levers;
        if !(1..=180).contains(&l.negative_ttl_min) {
            return Err(CascadeError {
                knob: "negative_ttl_min",
                message: format!("{} is outside 1..=180", l.negative_ttl_min),
            });
        }
        if l.positive_ttl_min > 180 {
            return Err(CascadeError {
                knob: "positive_ttl_min",
                message: format!("{} is outside 0..=180", l.positive_ttl_min),
            });
        }
        if self.loosened.len() > 64 {
            return Err(CascadeError {
                knob: "loosened",
                message: "more than 64 loosened dependencies".into(),
            });
        }
        Ok(())
    }

    /// The deployment of one of the reader's services, to change it.
    pub fn deployment_mut(&mut self, service: Service) -> Option<&mut Deployment> {
        match service {
            Service::Shop => Some(&mut self.shop),
            Service::AppBackend => Some(&mut self.app),
            Service::BusinessSystem => Some(&mut self.business),
            _ => None,
        }
    }

    pub fn deployment(&self, service: Service) -> Option<Deployment> {
        match service {
            Service::Shop => Some(self.shop),
            Service::AppBackend => Some(self.app),
            Service::BusinessSystem => Some(self.business),
            _ => None,
        }
    }
}

/// Named starting points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CascadePreset {
    AsItHappened,
    /// AWS's announced remedies that the model can express: queue-size
    /// throttling of EC2's data propagation (on Network Manager's backlog)
    /// and NLB velocity control. (AWS's DWFM remedy is a recovery test
    /// suite, which a simulation of that night cannot show; the DWFM
    /// re-lease throttle lever is the model's idea and is off here.)
    WithAwsFixes,
    /// No negative caching of the empty answer.
    NoNegativeCaching,
    /// Every operator action an hour earlier.
    EarlierDetection,
    /// The reader's services multi-region, monitored, with fallbacks.
    ResilientShop,
}

impl CascadePreset {
    pub const ALL: [CascadePreset; 5] = [
        CascadePreset::AsItHappened,
        CascadePreset::WithAwsFixes,
        CascadePreset::NoNegativeCaching,
        CascadePreset::EarlierDetection,
        CascadePreset::ResilientShop,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            CascadePreset::AsItHappened => "as-it-happened",
            CascadePreset::WithAwsFixes => "with-aws-fixes",
            CascadePreset::NoNegativeCaching => "no-negative-caching",
            CascadePreset::EarlierDetection => "earlier-detection",
            CascadePreset::ResilientShop => "resilient-shop",
        }
    }

    pub fn from_name(name: &str) -> Option<CascadePreset> {
        CascadePreset::ALL.into_iter().find(|p| p.name() == name)
    }

    pub fn scenario(self) -> CascadeScenario {
        let mut s = CascadeScenario {
            actions: OperatorActions::AS_IT_HAPPENED,
            levers: Levers::default(),
            loosened: Vec::new(),
            shop: Deployment::default(),
            app: Deployment::default(),
            business: Deployment::default(),
        };
        match self {
            CascadePreset::AsItHappened => {}
            CascadePreset::WithAwsFixes => {
                s.levers.ec2_propagation_throttling = true;
                s.levers.nlb_velocity_control = true;
            }
            CascadePreset::NoNegativeCaching => s.levers.negative_caching = false,
            CascadePreset::EarlierDetection => s.actions = s.actions.earlier_by(60),
            CascadePreset::ResilientShop => {
                let resilient = Deployment {
                    placement: Placement::MultiRegion,
                    fallback: true,
                    monitoring: true,
                };
                (s.shop, s.app, s.business) = (resilient, resilient, resilient);
            }
        }
        s
    }
}
