//! The services of the cascade and their typed dependencies, as a petgraph graph.
//!
//! Which service needed which is from docs/RECORD.md's mechanism list (D/S); how
//! tightly (lags, tolerances) is illustrative (I), chosen so the documented
//! windows come out of the mechanisms.

use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};

/// A node of the dependency graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Service {
    /// DynamoDB in us-east-1, as its clients see it (DNS plus their caches).
    DynamoDb,
    /// EC2's DropletWorkflow Manager: a lease on every droplet (physical host).
    Dwfm,
    /// EC2's Network Manager: propagates network state to new instances.
    NetworkManager,
    /// Launching new EC2 instances.
    Ec2Launch,
    /// Network Load Balancer, its health checks and AZ DNS failover.
    Nlb,
    Lambda,
    Sts,
    /// IAM console sign-in.
    IamSignIn,
    /// Amazon Connect (contact centres).
    Connect,
    Redshift,
    /// ECS, EKS and Fargate.
    Containers,
    SupportCenter,
    /// The reader's online shop.
    Shop,
    /// The reader's phone app's backend.
    AppBackend,
    /// The reader's company's business system.
    BusinessSystem,
}

impl Service {
    pub const ALL: [Service; 15] = [
        Service::DynamoDb,
        Service::Dwfm,
        Service::NetworkManager,
        Service::Ec2Launch,
        Service::Nlb,
        Service::Lambda,
        Service::Sts,
        Service::IamSignIn,
        Service::Connect,
        Service::Redshift,
        Service::Containers,
        Service::SupportCenter,
        Service::Shop,
        Service::AppBackend,
        Service::BusinessSystem,
    ];

    /// The reader's own services, whose deployment the reader chooses.
    pub const READERS: [Service; 3] = [Service::Shop, Service::AppBackend, Service::BusinessSystem];

    pub const fn index(self) -> usize {
        self as usize
    }

    /// A stable kebab-case name (command line, URLs, locale keys).
    pub const fn name(self) -> &'static str {
        match self {
            Service::DynamoDb => "dynamodb",
            Service::Dwfm => "ec2-dwfm",
            Service::NetworkManager => "ec2-network-manager",
            Service::Ec2Launch => "ec2-launch",
            Service::Nlb => "nlb",
            Service::Lambda => "lambda",
            Service::Sts => "sts",
            Service::IamSignIn => "iam-sign-in",
            Service::Connect => "connect",
            Service::Redshift => "redshift",
            Service::Containers => "ecs-eks-fargate",
            Service::SupportCenter => "support-center",
            Service::Shop => "your-shop",
            Service::AppBackend => "your-app",
            Service::BusinessSystem => "your-business-system",
        }
    }

    pub fn from_name(name: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.name() == name)
    }

    pub const fn is_readers(self) -> bool {
        matches!(
            self,
            Service::Shop | Service::AppBackend | Service::BusinessSystem
        )
    }
}

/// How a consumer depends on a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Coupling {
    /// No fallback: the consumer fails as the dependency fails.
    Hard,
    /// A cache or fallback: the consumer only degrades (a tenth of the
    /// dependency's failure shows).
    Soft,
}

/// Whether a dependency is tied to us-east-1 even for a consumer deployed
/// elsewhere (FACTS: console sign-in failed in other regions too, S).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    /// A regional service: a consumer in another region uses that region's copy.
    Regional,
    /// A global control plane hosted in us-east-1.
    Global,
}

/// An edge: `consumer` needs `service`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Dependency {
    pub service: Service,
    pub consumer: Service,
    pub coupling: Coupling,
    pub scope: Scope,
    /// Minutes before the consumer notices (connection pools, retries) (I).
    pub lag_min: u32,
    /// The consumer copes while the dependency's health (per mille) is at
    /// least this (retries hide a little failure) (I).
    pub tolerate_permille: u32,
    /// After the operators' temporary mitigation, the consumer bypasses this
    /// dependency once this many minutes have passed (S: STS, IAM sign-in).
    pub bypass_after_mitigation_min: Option<u32>,
}

const fn dep(service: Service, consumer: Service, lag_min: u32) -> Dependency {
    Dependency {
        service,
        consumer,
        coupling: Coupling::Hard,
        scope: Scope::Regional,
        lag_min,
        tolerate_permille: super::sim::HARD_TOLERATE_PERMILLE,
        bypass_after_mitigation_min: None,
    }
}

/// Minutes before DynamoDB's failure shows in STS, IAM sign-in and Lambda
/// (fitted: 23:51, S).
pub const LAG_DYNAMODB_TO_STS_IAM_LAMBDA_MIN: u32 = 3;
/// Minutes after DynamoDB's mitigation at which STS and IAM sign-in stop
/// needing it (fitted: 01:19 and 01:25, S).
pub const STS_BYPASS_AFTER_MITIGATION_MIN: u32 = 4;
pub const IAM_BYPASS_AFTER_MITIGATION_MIN: u32 = 10;
/// Minutes before DynamoDB's failure shows in Connect and Support Center (I).
pub const LAG_DYNAMODB_TO_CONNECT_MIN: u32 = 8;
pub const LAG_DYNAMODB_TO_SUPPORT_CENTER_MIN: u32 = 5;
/// STS and Connect fail while NLB health is below this (per mille, I).
pub const NLB_TOLERATE_PERMILLE: u32 = 600;
/// Connect fails while Lambda is below this (per mille, I). Lambda stays at
/// 960 or above after 10:37, so any value up to 960 gives the same windows.
pub const CONNECT_TOLERATE_LAMBDA_PERMILLE: u32 = 925;

/// The dependencies of AWS's own services (the reader's are added from their
/// deployment choice).
pub fn aws_dependencies() -> Vec<Dependency> {
    use Service::*;
    let mut deps = vec![
        // EC2's launch path needs DynamoDB, leased droplets and network state (D/S).
        dep(DynamoDb, Dwfm, 0),
        dep(DynamoDb, Ec2Launch, 0),
        dep(Dwfm, Ec2Launch, 0),
        dep(NetworkManager, Ec2Launch, 0),
        // Services whose requests need DynamoDB (S); errors show after a few minutes.
        dep(DynamoDb, Lambda, LAG_DYNAMODB_TO_STS_IAM_LAMBDA_MIN),
        Dependency {
            bypass_after_mitigation_min: Some(STS_BYPASS_AFTER_MITIGATION_MIN),
            ..dep(DynamoDb, Sts, LAG_DYNAMODB_TO_STS_IAM_LAMBDA_MIN)
        },
        Dependency {
            bypass_after_mitigation_min: Some(IAM_BYPASS_AFTER_MITIGATION_MIN),
            ..dep(DynamoDb, IamSignIn, LAG_DYNAMODB_TO_STS_IAM_LAMBDA_MIN)
        },
        dep(DynamoDb, Connect, LAG_DYNAMODB_TO_CONNECT_MIN),
        dep(DynamoDb, Redshift, 0),
        dep(DynamoDb, Containers, 0),
        dep(DynamoDb, SupportCenter, LAG_DYNAMODB_TO_SUPPORT_CENTER_MIN),
        // STS's second window came from NLB health checks (S).
        Dependency {
            tolerate_permille: NLB_TOLERATE_PERMILLE,
            ..dep(Nlb, Sts, 0)
        },
        // Lambda scales on EC2 capacity: under-scaled, not down (S).
        Dependency {
            coupling: Coupling::Soft,
            ..dep(Ec2Launch, Lambda, 0)
        },
        Dependency {
            tolerate_permille: CONNECT_TOLERATE_LAMBDA_PERMILLE,
            ..dep(Lambda, Connect, 0)
        },
        Dependency {
            tolerate_permille: NLB_TOLERATE_PERMILLE,
            ..dep(Nlb, Connect, 0)
        },
        dep(Ec2Launch, Containers, 0),
    ];
    deps.sort_by_key(|d| (d.consumer, d.service));
    deps
}

/// The dependency graph: nodes are services (index = `Service::index`),
/// edges point from a service to its consumer.
pub fn build(deps: &[Dependency]) -> DiGraph<Service, Dependency> {
    let mut graph = DiGraph::with_capacity(Service::ALL.len(), deps.len());
    for s in Service::ALL {
        let node = graph.add_node(s);
        debug_assert_eq!(node.index(), s.index());
    }
    for d in deps {
        graph.add_edge(
            NodeIndex::new(d.service.index()),
            NodeIndex::new(d.consumer.index()),
            *d,
        );
    }
    graph
}
