//! The chapters and beats of the story, following the article the project
//! grew from. A beat is data: what it says (claims with their marks), an
//! optional analogy, a number computed by an engine, and the scene to show.

use super::{Claim, Mark, NumberKind, Source, claim};
use crate::engine::cascade::Minute;
use crate::engine::cascade::clock::at;
use crate::i18n::{Key, Message, msg};

/// A moment of the "as it happened" race run, found in its trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RaceMoment {
    /// Before the night's trouble: every page healthy.
    Calm,
    /// A checks its plan once, as its delays begin.
    SlowCheck,
    /// A has lost the lock and is backing off.
    LockLost,
    /// B has applied a much newer plan everywhere.
    FastAhead,
    /// A overwrites the regional page with its old plan.
    Overwrite,
    /// B's clean-up deletes the tree in use: the page is blank.
    Emptied,
    /// Every later flip fails: stuck.
    Stuck,
}

impl RaceMoment {
    /// Every moment, in story order.
    pub const ALL: [RaceMoment; 7] = [
        RaceMoment::Calm,
        RaceMoment::SlowCheck,
        RaceMoment::LockLost,
        RaceMoment::FastAhead,
        RaceMoment::Overwrite,
        RaceMoment::Emptied,
        RaceMoment::Stuck,
    ];
}

/// One idea drawn on a quiet picture, before the race needs the whole
/// book: chapter 2's lookups (the address book and its cache) and chapter
/// 3's office (the planner, the clerks and one page), where each beat
/// lights the one rule it explains. Every number on them is an example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idea {
    /// A name looked up in the book, an address back, the connection made.
    Lookup,
    /// The answer remembered for its TTL: the next lookup skips the book.
    Memo,
    /// DynamoDB's page blank: the systems that use it get no address.
    BlankPage,
    /// The empty answer ("the name exists, no addresses") remembered too.
    EmptyRemembered,
    /// The page restored by hand, while the caches still hold the blank.
    Repaired,
    /// The load balancers' addresses on DynamoDB's page; the book holds
    /// hundreds of thousands of entries across the region (not on one page).
    Entries,
    /// The planner writes lists; the clerks copy them into the book.
    Roles,
    /// Three clerks, one per zone, each working on its own.
    ThreeClerks,
    /// The busy tag: one clerk writes, another waits.
    Tag,
    /// A list per version on the page, the arrow and the back-up arrow.
    Arrows,
    /// Much older lists thrown away after copying.
    CleanUp,
    /// The one check, made once before copying.
    OneCheck,
}

impl Idea {
    /// Every idea, in the order the story draws them.
    pub const ALL: [Idea; 12] = [
        Idea::Lookup,
        Idea::Memo,
        Idea::BlankPage,
        Idea::EmptyRemembered,
        Idea::Repaired,
        Idea::Entries,
        Idea::Roles,
        Idea::ThreeClerks,
        Idea::Tag,
        Idea::Arrows,
        Idea::CleanUp,
        Idea::OneCheck,
    ];

    /// Its name in the handout's placeholders (`data-idea="tag"`).
    pub const fn code(self) -> &'static str {
        match self {
            Idea::Lookup => "lookup",
            Idea::Memo => "memo",
            Idea::BlankPage => "blank-page",
            Idea::EmptyRemembered => "empty-remembered",
            Idea::Repaired => "repaired",
            Idea::Entries => "entries",
            Idea::Roles => "roles",
            Idea::ThreeClerks => "three-clerks",
            Idea::Tag => "tag",
            Idea::Arrows => "arrows",
            Idea::CleanUp => "clean-up",
            Idea::OneCheck => "one-check",
        }
    }

    /// The idea a placeholder names.
    pub fn from_code(code: &str) -> Option<Idea> {
        Idea::ALL.into_iter().find(|i| i.code() == code)
    }
}

/// A part of the cascade's chain as chapters 6 and 7 draw it, left to
/// right: each waits on the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChainNode {
    /// DynamoDB's page in the address book.
    Dns,
    DynamoDb,
    /// EC2's lease clerk (DWFM).
    Leases,
    /// EC2's network settings (Network Manager).
    Network,
    /// The load balancers (NLB) and their health checks.
    LoadBalancers,
    /// What people use: Lambda and the reader's shop, drawn as two boxes.
    Users,
}

/// The mechanism a chain beat draws under the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainDetail {
    /// The chain only.
    Chain,
    /// Lease renewals timing out and going back in the queue (7.2).
    Collapse,
    /// The same queue drained through a throttle (7.3).
    Throttle,
    /// Health checks flipping; failover pulling healthy servers (7.5).
    Flapping,
}

/// A beat of the cascade's chain: the minute whose state it draws, the part
/// the words explain (`from` to `to`; DynamoDB to the users is the direct
/// link, a node alone when they are equal), how far along the chain the
/// story has come (parts after `reach` are drawn faint, their state not
/// told), the mechanism drawn under it, and whether the chart's note is
/// said (once, on the beat that reaches the network settings' trouble:
/// the note names its time, 06:21, which earlier beats must not show).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChainBeat {
    pub at: Minute,
    pub from: ChainNode,
    pub to: ChainNode,
    pub reach: ChainNode,
    pub detail: ChainDetail,
    pub note: bool,
}

/// What a beat shows beside its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scene {
    /// Chapter 1's opening: what users saw.
    Opening,
    /// One idea on a quiet picture (chapters 2 and 3).
    Idea(Idea),
    /// The address book and the clerks at a moment of the race.
    Race(RaceMoment),
    /// Every service's impact bars, with a cursor at a minute.
    Cascade(Minute),
    /// The chain of services at a beat's minute, its mechanism, and the
    /// impact bars up to that minute as an index (chapters 6 and 7).
    Chain(ChainBeat),
    /// The documented timeline beside the simulated one, with a scrubber,
    /// its cursor first at the minute the beat speaks of.
    Timeline(Minute),
    /// Links back into the story's interactive moments.
    Revisit,
    /// The reader decides which clerk moves next, under chapter 3's rules
    /// (the end of chapter 3: before the story tells what happened).
    Game,
    /// The same game with a re-check right before writing, where no order
    /// blanks the page (chapter 4, after the overwrite).
    GameRecheck,
    /// Chapter 5's census: every order of A's and B's steps as a grid, the
    /// ones that end with a blank page lit.
    Census,
    /// Chapter 5's estimate: the made-up delays one square each, the ones
    /// that blanked the page lit.
    Days,
    /// A chapter 8 lesson: an earlier picture with its fix applied.
    Lesson(Lesson),
    /// Chapter 9's chart of the reader's shop, one bar per way of running
    /// it, up to and including this one, under the record's own windows.
    Shop(ShopChoice),
}

/// Chapter 8's lessons, each drawn as an earlier picture with its fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lesson {
    /// The one check made again just before writing: the old list refused.
    Recheck,
    /// A simpler way round when a part fails: slower, not stopped.
    Fallback,
    /// A guard that refuses to write the page blank, under everything.
    Guard,
    /// When a shop hears of trouble: its own alarm within minutes, AWS's
    /// status page 23 minutes after the first errors (chapter 9).
    Alarms,
    /// What AWS did, and what it promised (drawn as promises).
    Promises,
}

/// The order in which chapter 9 adds its shop's bars, one per beat.
pub const SHOP_ORDER: [ShopChoice; 6] = [
    ShopChoice::UsEast1,
    ShopChoice::Fallback,
    ShopChoice::MultiRegion,
    ShopChoice::Unmonitored,
    ShopChoice::MultiCloud,
    ShopChoice::Resilient,
];

/// The summary's links: (label, chapter, beat), 1-based as in the address.
pub const REVISIT: [(Key, usize, usize); 4] = [
    (Key::Ch10LinkRace, 4, 1),
    (Key::Ch10LinkCensus, 5, 5),
    (Key::Ch10LinkTimeline, 7, 8),
    (Key::Ch10LinkShop, 9, 1),
];

/// A number an engine computes for a beat's sentence. The sentence (the
/// beat's key) is filled with the figure's typed message, named in
/// [`Figure::names`]; a sentence that takes other placeholders does not
/// compile (see `with_figure`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// `{orderings}` and `{empty}`: the census of the race ([`msg::Ch5B4`]).
    Census,
    /// `{percent}`: the Monte Carlo estimate per delay episode ([`msg::Ch5B5`]).
    Estimate,
    /// `{start}`, `{end}`, `{hours}`, `{minutes}`: the simulated event
    /// ([`msg::Ch7Sim`]).
    SimulatedEvent,
    /// `{affected}` minutes impacted, `{down_time}` of them down: the
    /// reader's shop deployed one way, in the cascade engine
    /// ([`msg::Ch9Result`], whose placeholders every `ch9` result shares).
    Shop(ShopChoice),
}

impl Figure {
    /// What kind of number the figure is: the simulated event of "as it
    /// happened" was tuned to the record; everything else is the model's.
    pub const fn kind(self) -> NumberKind {
        match self {
            Figure::SimulatedEvent => NumberKind::Fitted,
            Figure::Census | Figure::Estimate | Figure::Shop(_) => NumberKind::Model,
        }
    }

    /// The placeholders the figure fills: those of its typed message, which
    /// the page fills the beat's sentence with (`Clock::message_as`).
    pub const fn names(self) -> &'static [&'static str] {
        match self {
            Figure::Census => msg::Ch5B4::NAMES,
            Figure::Estimate => msg::Ch5B5::NAMES,
            Figure::SimulatedEvent => msg::Ch7Sim::NAMES,
            Figure::Shop(_) => msg::Ch9Result::NAMES,
        }
    }
}

/// Ways to deploy the reader's shop that chapter 9 compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShopChoice {
    /// Only in us-east-1, every call needing DynamoDB and an NLB there.
    UsEast1,
    /// A standby region, switched to by monitoring.
    MultiRegion,
    /// Another cloud as well.
    MultiCloud,
    /// In us-east-1 only, but with backups and a read-only fallback.
    Fallback,
    /// A standby region without monitoring: someone has to notice first.
    Unmonitored,
    /// Everything: multi-region, fallback, monitoring.
    Resilient,
}

/// A word a beat uses, with its short definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub name: Key,
    pub definition: Key,
}

/// "What do you think happens next?": choices, the right one, the reveal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub prompt: Key,
    pub choices: &'static [Key],
    /// Index into `choices`.
    pub answer: usize,
    /// Why, as claims with their marks (the first carries the verdict's
    /// reason; the reveal states facts like any other sentence).
    pub reveal: &'static [Claim],
}

/// One step of the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Beat {
    pub claims: &'static [Claim],
    pub analogy: Option<Key>,
    /// A sentence with a number from an engine (our model: illustrative).
    pub figure: Option<(Key, Figure)>,
    pub scene: Option<Scene>,
    pub terms: &'static [Term],
    pub question: Option<Question>,
    /// Extra detail for engineers (record names, protocol words), with its mark.
    pub engineer: Option<Claim>,
}

/// A chapter: a title and its beats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chapter {
    pub title: Key,
    pub beats: &'static [Beat],
}

const fn beat(claims: &'static [Claim], scene: Option<Scene>) -> Beat {
    Beat {
        claims,
        analogy: None,
        figure: None,
        scene,
        terms: &[],
        question: None,
        engineer: None,
    }
}

const fn with_terms(mut b: Beat, terms: &'static [Term]) -> Beat {
    b.terms = terms;
    b
}

const fn with_question(mut b: Beat, q: Question) -> Beat {
    b.question = Some(q);
    b
}

const fn with_engineer(mut b: Beat, c: Claim) -> Beat {
    b.engineer = Some(c);
    b
}

const fn term(name: Key, definition: Key) -> Term {
    Term { name, definition }
}

const DNS: Term = term(Key::TermDns, Key::TermDnsDef);
const CACHE: Term = term(Key::TermCache, Key::TermCacheDef);
const TTL: Term = term(Key::TermTtl, Key::TermTtlDef);
const NEGATIVE_CACHE: Term = term(Key::TermNegativeCache, Key::TermNegativeCacheDef);
const RACE_CONDITION: Term = term(Key::TermRace, Key::TermRaceDef);
const LOCK: Term = term(Key::TermLock, Key::TermLockDef);
const REGION: Term = term(Key::TermRegion, Key::TermRegionDef);
const AZ: Term = term(Key::TermAz, Key::TermAzDef);
const LOAD_BALANCER: Term = term(Key::TermLoadBalancer, Key::TermLoadBalancerDef);
const HEALTH_CHECK: Term = term(Key::TermHealthCheck, Key::TermHealthCheckDef);
const LEASE: Term = term(Key::TermLease, Key::TermLeaseDef);
const THROTTLING: Term = term(Key::TermThrottling, Key::TermThrottlingDef);
const FAILOVER: Term = term(Key::TermFailover, Key::TermFailoverDef);
const AWS: Term = term(Key::TermAws, Key::TermAwsDef);
const EC2_TERM: Term = term(Key::TermEc2, Key::TermEc2Def);
const INSTANCE: Term = term(Key::TermInstance, Key::TermInstanceDef);
const LAMBDA: Term = term(Key::TermLambda, Key::TermLambdaDef);
const COLLAPSE: Term = term(Key::TermCollapse, Key::TermCollapseDef);
const CONTAINER: Term = term(Key::TermContainer, Key::TermContainerDef);
const TLA: Term = term(Key::TermTla, Key::TermTlaDef);

/// Every glossary term.
pub const TERMS: [Term; 20] = [
    AWS,
    DNS,
    CACHE,
    TTL,
    NEGATIVE_CACHE,
    RACE_CONDITION,
    LOCK,
    REGION,
    AZ,
    LOAD_BALANCER,
    HEALTH_CHECK,
    LEASE,
    THROTTLING,
    FAILOVER,
    EC2_TERM,
    INSTANCE,
    LAMBDA,
    COLLAPSE,
    CONTAINER,
    TLA,
];

// The questions. Each has three answers of the same shape, none using the
// word the story has just taught, and one wrong answer a careful reader
// could pick; the reveal is made of claims, each with its mark, because it
// states facts (or the model's result) like any other sentence.
const OVERWRITE_QUIZ: Question = Question {
    prompt: Key::QuizOverwriteQ,
    choices: &[
        Key::QuizOverwriteA1,
        Key::QuizOverwriteA2,
        Key::QuizOverwriteA3,
    ],
    answer: 1,
    reveal: &[doc(Key::QuizOverwriteReveal, Source::PesDynamoDb)],
};
const DNS_QUIZ: Question = Question {
    prompt: Key::QuizDnsQ,
    choices: &[Key::QuizDnsA1, Key::QuizDnsA2, Key::QuizDnsA3],
    answer: 1,
    reveal: &[
        summ(Key::QuizDnsReveal),
        doc(Key::QuizDnsRevealErrors, Source::PesEc2),
    ],
};
const REGION_QUIZ: Question = Question {
    prompt: Key::QuizRegionQ,
    choices: &[Key::QuizRegionA1, Key::QuizRegionA2, Key::QuizRegionA3],
    answer: 1,
    reveal: &[ours(Key::QuizRegionReveal)],
};

const fn with_analogy(mut b: Beat, analogy: Key) -> Beat {
    b.analogy = Some(analogy);
    b
}

/// A beat with a figure's sentence. `CHAPTERS` is built when compiled, so
/// a sentence whose placeholders are not the figure's fails the build.
const fn with_figure(mut b: Beat, key: Key, figure: Figure) -> Beat {
    assert!(
        key.takes(figure.names()),
        "a figure's sentence must take exactly the figure's placeholders (Figure::names)"
    );
    b.figure = Some((key, figure));
    b
}

/// A documented claim, with the section of the report it comes from.
const fn doc(text: Key, section: Source) -> Claim {
    claim(text, Mark::Documented, section)
}
/// A claim from the DynamoDB team's talk.
const fn talk(text: Key) -> Claim {
    claim(text, Mark::Talk, Source::Talk)
}
/// A claim the independent summaries of the report agree on.
const fn summ(text: Key) -> Claim {
    claim(text, Mark::Summarised, Source::Summaries)
}
/// A claim from what AWS's status page said during the outage, as reported.
const fn dash(text: Key) -> Claim {
    claim(text, Mark::Summarised, Source::Dashboard)
}
/// A claim the sources disagree on or say nothing about.
const fn unsure(text: Key) -> Claim {
    claim(text, Mark::Uncertain, Source::Disputed)
}
/// Our own example or simplification.
const fn ours(text: Key) -> Claim {
    claim(text, Mark::Illustrative, Source::Project)
}

use ChainDetail as D;
use ChainNode as N;
use RaceMoment as R;
use Source::{
    PesDynamoDb as DDB, PesEc2 as EC2, PesIntro as INTRO, PesNlb as NLB, PesRemedies as REMEDIES,
};

const fn race(m: RaceMoment) -> Option<Scene> {
    Some(Scene::Race(m))
}

const fn idea(i: Idea) -> Option<Scene> {
    Some(Scene::Idea(i))
}

const fn lesson(l: Lesson) -> Option<Scene> {
    Some(Scene::Lesson(l))
}

const fn shop(c: ShopChoice) -> Option<Scene> {
    Some(Scene::Shop(c))
}

/// A chain beat without the note.
const fn chain(
    at: Minute,
    (from, to): (ChainNode, ChainNode),
    reach: ChainNode,
    detail: ChainDetail,
) -> Option<Scene> {
    Some(Scene::Chain(ChainBeat {
        at,
        from,
        to,
        reach,
        detail,
        note: false,
    }))
}

/// Every chapter, in reading order.
pub static CHAPTERS: [Chapter; 10] = [
    Chapter {
        title: Key::Ch1Title,
        beats: &[beat(&[], Some(Scene::Opening))],
    },
    Chapter {
        title: Key::Ch2Title,
        beats: &[
            with_terms(beat(&[ours(Key::Ch2B1)], idea(Idea::Lookup)), &[DNS]),
            // The analogy needs both the book and the memo, so it comes
            // once the memo has been met.
            with_terms(
                with_analogy(beat(&[ours(Key::Ch2B2)], idea(Idea::Memo)), Key::Ch2Analogy),
                &[CACHE, TTL],
            ),
            with_terms(
                beat(
                    &[
                        doc(Key::Ch2B3, DDB),
                        doc(Key::Ch2Blank, DDB),
                        talk(Key::Ch2BlankGloss),
                        doc(Key::Ch2BlankEffect, DDB),
                    ],
                    idea(Idea::BlankPage),
                ),
                &[AWS],
            ),
        ],
    },
    Chapter {
        title: Key::Ch3Title,
        beats: &[
            beat(&[doc(Key::Ch3B1, DDB)], idea(Idea::Entries)),
            with_engineer(
                with_terms(
                    beat(&[doc(Key::Ch3B2, DDB)], idea(Idea::Roles)),
                    &[LOAD_BALANCER],
                ),
                doc(Key::EngCh3B2, DDB),
            ),
            with_terms(
                beat(&[doc(Key::Ch3B3, DDB)], idea(Idea::ThreeClerks)),
                &[REGION, AZ],
            ),
            with_terms(
                with_analogy(
                    beat(&[talk(Key::Ch3B4), summ(Key::Ch3B4Wait)], idea(Idea::Tag)),
                    Key::Ch3Analogy,
                ),
                &[LOCK],
            ),
            with_engineer(
                beat(&[talk(Key::Ch3B5)], idea(Idea::Arrows)),
                talk(Key::EngCh3B5),
            ),
            beat(
                &[
                    doc(Key::Ch3B6, DDB),
                    talk(Key::Ch3B6Why),
                    ours(Key::Ch3B6Model),
                ],
                idea(Idea::CleanUp),
            ),
            with_engineer(
                beat(&[doc(Key::Ch3B7, DDB)], idea(Idea::OneCheck)),
                doc(Key::EngCh3B7, DDB),
            ),
            // The reader tries the rules before the story says what
            // happened that night (chapter 4).
            beat(&[ours(Key::Ch3B8)], Some(Scene::Game)),
        ],
    },
    Chapter {
        title: Key::Ch4Title,
        beats: &[
            with_terms(
                beat(
                    &[doc(Key::Ch4B1, DDB), ours(Key::Ch4B1Race)],
                    race(R::SlowCheck),
                ),
                &[RACE_CONDITION],
            ),
            beat(
                &[talk(Key::Ch4B2), unsure(Key::Ch4B2Cause)],
                race(R::LockLost),
            ),
            beat(
                &[doc(Key::Ch4B3, DDB), talk(Key::Ch4B3Plans)],
                race(R::FastAhead),
            ),
            with_question(
                beat(
                    &[doc(Key::Ch4B4, DDB), talk(Key::Ch4B4Arrow)],
                    race(R::Overwrite),
                ),
                OVERWRITE_QUIZ,
            ),
            beat(&[ours(Key::Ch4B5)], Some(Scene::GameRecheck)),
        ],
    },
    Chapter {
        title: Key::Ch5Title,
        beats: &[
            // The noticeboard tells the whole race in one picture, so it
            // comes once the question before it has been answered.
            with_analogy(
                beat(
                    &[
                        doc(Key::Ch5B1, DDB),
                        talk(Key::Ch5B1Kept),
                        talk(Key::Ch5B1Tag),
                    ],
                    race(R::Emptied),
                ),
                Key::Ch5Analogy,
            ),
            with_terms(
                with_engineer(
                    beat(
                        &[talk(Key::Ch5B2), ours(Key::Ch5B2Why), talk(Key::Ch5Route53)],
                        idea(Idea::EmptyRemembered),
                    ),
                    talk(Key::EngCh5B2),
                ),
                &[NEGATIVE_CACHE],
            ),
            with_engineer(
                beat(
                    &[
                        talk(Key::Ch5B3),
                        doc(Key::Ch5B3Stuck, DDB),
                        talk(Key::Ch5HealTalk),
                    ],
                    race(R::Stuck),
                ),
                talk(Key::EngCh5B3),
            ),
            beat(
                &[
                    doc(Key::Ch5Found, DDB),
                    summ(Key::Ch5Tooling),
                    summ(Key::Ch5ByHand),
                    talk(Key::Ch5ByHandTree),
                    unsure(Key::Ch5Steps),
                ],
                idea(Idea::Repaired),
            ),
            with_figure(beat(&[], Some(Scene::Census)), Key::Ch5B4, Figure::Census),
            // Why the estimate is far below the census's share: the census
            // counts every order once, as if each were as likely.
            with_figure(
                beat(&[ours(Key::Ch5Bridge)], Some(Scene::Days)),
                Key::Ch5B5,
                Figure::Estimate,
            ),
        ],
    },
    Chapter {
        title: Key::Ch6Title,
        beats: &[
            with_terms(
                with_analogy(
                    beat(
                        &[summ(Key::Ch6B1)],
                        chain(at(20, 0, 5), (N::DynamoDb, N::Users), N::DynamoDb, D::Chain),
                    ),
                    Key::Ch6Analogy,
                ),
                &[LAMBDA],
            ),
            with_terms(
                beat(
                    &[summ(Key::Ch6B2), summ(Key::Ch6B2Expire)],
                    chain(at(20, 1, 30), (N::DynamoDb, N::Leases), N::Leases, D::Chain),
                ),
                &[EC2_TERM, LEASE],
            ),
            with_terms(
                with_question(
                    beat(
                        &[summ(Key::Ch6B3), doc(Key::Ch6B3Running, EC2)],
                        chain(at(20, 2, 20), (N::Leases, N::Leases), N::Leases, D::Chain),
                    ),
                    DNS_QUIZ,
                ),
                &[INSTANCE],
            ),
        ],
    },
    Chapter {
        title: Key::Ch7Title,
        beats: &[
            beat(
                &[doc(Key::Ch7B1, DDB), talk(Key::Ch7B1Negative)],
                chain(at(20, 2, 40), (N::Dns, N::DynamoDb), N::Leases, D::Chain),
            ),
            with_terms(
                with_engineer(
                    with_analogy(
                        beat(
                            &[doc(Key::Ch7B2, EC2), doc(Key::Ch7B2Name, EC2)],
                            chain(
                                at(20, 3, 30),
                                (N::Leases, N::Leases),
                                N::Leases,
                                D::Collapse,
                            ),
                        ),
                        Key::Ch7Analogy,
                    ),
                    doc(Key::EngCh7B2, EC2),
                ),
                &[COLLAPSE, THROTTLING],
            ),
            beat(
                &[summ(Key::Ch7B3)],
                chain(
                    at(20, 5, 28),
                    (N::Leases, N::Leases),
                    N::Leases,
                    D::Throttle,
                ),
            ),
            // The chart's note, once: where the words reach the network
            // settings' trouble (06:21), the time the note names.
            beat(
                &[summ(Key::Ch7B4)],
                Some(Scene::Chain(ChainBeat {
                    at: at(20, 6, 30),
                    from: N::Leases,
                    to: N::Network,
                    reach: N::Network,
                    detail: D::Chain,
                    note: true,
                })),
            ),
            // The health checks swing, and automatic failover takes healthy
            // machines out: the cause, told before the second wave.
            with_terms(
                with_engineer(
                    beat(
                        &[doc(Key::Ch7B5, NLB), doc(Key::Ch7B5Overload, NLB)],
                        chain(
                            at(20, 6, 52),
                            (N::Network, N::LoadBalancers),
                            N::LoadBalancers,
                            D::Flapping,
                        ),
                    ),
                    doc(Key::EngCh7B5, NLB),
                ),
                &[HEALTH_CHECK, FAILOVER],
            ),
            // The second wave and the switch-off. Lambda's shortage has no
            // time in the record: its "when" is its own uncertain claim.
            beat(
                &[
                    summ(Key::Ch7SecondWave),
                    summ(Key::Ch7LambdaShort),
                    unsure(Key::Ch7LambdaWhen),
                    summ(Key::Ch7B5Off),
                ],
                // Drawn a few minutes after failover was switched off at
                // 09:36 (the model's load balancers recover at 09:43, within
                // its fitted ten minutes), so the picture shows what the
                // words say: healthy machines back in service.
                chain(
                    at(20, 9, 45),
                    (N::LoadBalancers, N::Users),
                    N::Users,
                    D::Chain,
                ),
            ),
            // The jams clear: two anchor times, relative times for the rest.
            beat(
                &[
                    doc(Key::Ch7HeldNetwork, EC2),
                    summ(Key::Ch7Held),
                    doc(Key::Ch7HeldEc2, EC2),
                    doc(Key::Ch7HeldNlb, NLB),
                    summ(Key::Ch7HeldLambda),
                ],
                chain(at(20, 13, 50), (N::Network, N::Users), N::Users, D::Chain),
            ),
            // 14:20 is the end the report gives; what the status page said
            // on the day and what was still broken stand beside it.
            with_figure(
                with_terms(
                    beat(
                        &[
                            doc(Key::Ch7B6, INTRO),
                            summ(Key::Ch7Containers),
                            dash(Key::Ch7B6After),
                            summ(Key::Ch7RedshiftLast),
                            summ(Key::Ch7RedshiftWhy),
                        ],
                        Some(Scene::Timeline(at(20, 14, 20))),
                    ),
                    &[CONTAINER],
                ),
                Key::Ch7Sim,
                Figure::SimulatedEvent,
            ),
        ],
    },
    Chapter {
        title: Key::Ch8Title,
        beats: &[
            with_terms(
                beat(
                    &[
                        ours(Key::Ch8B1),
                        talk(Key::Ch8B1Hidden),
                        talk(Key::Ch8B1Tla),
                    ],
                    lesson(Lesson::Recheck),
                ),
                &[TLA],
            ),
            beat(&[ours(Key::Ch8B2)], lesson(Lesson::Fallback)),
            beat(&[ours(Key::Ch8B3)], lesson(Lesson::Guard)),
            beat(
                &[
                    doc(Key::Ch8B4, REMEDIES),
                    talk(Key::Ch8B4Fixed),
                    doc(Key::Ch8B4Promised, REMEDIES),
                ],
                lesson(Lesson::Promises),
            ),
        ],
    },
    Chapter {
        title: Key::Ch9Title,
        beats: &[
            with_figure(
                beat(&[ours(Key::Ch9Ask)], shop(ShopChoice::UsEast1)),
                Key::Ch9B1,
                Figure::Shop(ShopChoice::UsEast1),
            ),
            beat(
                &[
                    ours(Key::Ch9Status),
                    dash(Key::Ch9StatusFact),
                    ours(Key::Ch9StatusLesson),
                ],
                lesson(Lesson::Alarms),
            ),
            with_figure(
                beat(
                    &[ours(Key::Ch9Contact), ours(Key::Ch9B4)],
                    shop(ShopChoice::Fallback),
                ),
                Key::Ch9Fallback,
                Figure::Shop(ShopChoice::Fallback),
            ),
            with_question(
                with_figure(
                    beat(&[ours(Key::Ch9B2)], shop(ShopChoice::MultiRegion)),
                    Key::Ch9MultiRegion,
                    Figure::Shop(ShopChoice::MultiRegion),
                ),
                REGION_QUIZ,
            ),
            with_figure(
                beat(&[ours(Key::Ch9B5)], shop(ShopChoice::Unmonitored)),
                Key::Ch9Unmonitored,
                Figure::Shop(ShopChoice::Unmonitored),
            ),
            with_figure(
                beat(
                    &[
                        ours(Key::Ch9B3),
                        summ(Key::Ch9B3Signin),
                        summ(Key::Ch9RedshiftRegions),
                    ],
                    shop(ShopChoice::MultiCloud),
                ),
                Key::Ch9MultiCloud,
                Figure::Shop(ShopChoice::MultiCloud),
            ),
            with_figure(
                beat(&[], shop(ShopChoice::Resilient)),
                Key::Ch9Result,
                Figure::Shop(ShopChoice::Resilient),
            ),
        ],
    },
    Chapter {
        title: Key::Ch10Title,
        beats: &[
            // The summary is ours; the end time and what outlasted it are
            // the record's, each with its own mark.
            beat(
                &[
                    ours(Key::Ch10B1),
                    doc(Key::Ch10B1End, INTRO),
                    summ(Key::Ch10B1After),
                ],
                // The whole night is drawn, so the cursor stands at its end
                // (the report's 14:20), not at the first minute.
                Some(Scene::Timeline(at(20, 14, 20))),
            ),
            beat(&[ours(Key::Ch10B2)], Some(Scene::Revisit)),
        ],
    },
];

/// A position in the story; always valid once made by [`Position::clamped`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub chapter: usize,
    pub beat: usize,
}

impl Position {
    /// The nearest valid position (for positions read from a URL).
    pub fn clamped(chapter: usize, beat: usize) -> Position {
        let chapter = chapter.min(CHAPTERS.len() - 1);
        let beat = beat.min(CHAPTERS[chapter].beats.len() - 1);
        Position { chapter, beat }
    }

    pub fn beat(self) -> &'static Beat {
        &CHAPTERS[self.chapter].beats[self.beat]
    }

    /// The next beat, crossing into the next chapter; `None` at the end.
    pub fn next(self) -> Option<Position> {
        if self.beat + 1 < CHAPTERS[self.chapter].beats.len() {
            Some(Position {
                beat: self.beat + 1,
                ..self
            })
        } else if self.chapter + 1 < CHAPTERS.len() {
            Some(Position {
                chapter: self.chapter + 1,
                beat: 0,
            })
        } else {
            None
        }
    }

    /// The previous beat; `None` at the start.
    pub fn prev(self) -> Option<Position> {
        if self.beat > 0 {
            Some(Position {
                beat: self.beat - 1,
                ..self
            })
        } else if self.chapter > 0 {
            let chapter = self.chapter - 1;
            Some(Position {
                chapter,
                beat: CHAPTERS[chapter].beats.len() - 1,
            })
        } else {
            None
        }
    }

    /// The beat's number counted from the start of the story (0-based).
    pub fn index(self) -> usize {
        CHAPTERS[..self.chapter]
            .iter()
            .map(|c| c.beats.len())
            .sum::<usize>()
            + self.beat
    }

    /// The position of the `index`-th beat of the story, clamped to the last.
    pub fn from_index(index: usize) -> Position {
        let mut left = index;
        for (chapter, c) in CHAPTERS.iter().enumerate() {
            if left < c.beats.len() {
                return Position {
                    chapter,
                    beat: left,
                };
            }
            left -= c.beats.len();
        }
        Position::last()
    }

    /// How many beats the story has.
    pub fn count() -> usize {
        CHAPTERS.iter().map(|c| c.beats.len()).sum()
    }

    pub fn first() -> Position {
        Position::default()
    }

    pub fn last() -> Position {
        let chapter = CHAPTERS.len() - 1;
        Position {
            chapter,
            beat: CHAPTERS[chapter].beats.len() - 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walking_forward_visits_every_beat_once_and_back_returns() {
        let total: usize = CHAPTERS.iter().map(|c| c.beats.len()).sum();
        let mut p = Position::first();
        let mut seen = 1;
        while let Some(n) = p.next() {
            assert_eq!(n.prev(), Some(p));
            p = n;
            seen += 1;
        }
        assert_eq!((seen, p), (total, Position::last()));
        assert_eq!(Position::count(), total);
        for i in 0..total {
            assert_eq!(Position::from_index(i).index(), i);
        }
        assert_eq!(Position::from_index(10_000), Position::last());
        assert_eq!(Position::first().prev(), None);
    }

    #[test]
    fn every_figure_sentence_takes_its_figures_placeholders() {
        let mut figures = 0;
        for chapter in &CHAPTERS {
            for beat in chapter.beats {
                if let Some((key, figure)) = beat.figure {
                    assert!(key.takes(figure.names()), "{}", key.name());
                    figures += 1;
                }
            }
        }
        assert!(figures >= 9, "{figures}");
        assert!(!Key::Ch9Result.takes(Figure::Census.names()));
    }

    #[test]
    fn every_beat_says_something_and_every_claim_is_marked() {
        for (c, chapter) in CHAPTERS.iter().enumerate() {
            for (b, beat) in chapter.beats.iter().enumerate() {
                let says = !beat.claims.is_empty()
                    || beat.figure.is_some()
                    || beat.scene == Some(Scene::Opening);
                assert!(says, "chapter {} beat {} is empty", c + 1, b + 1);
            }
        }
    }

    #[test]
    fn questions_have_a_valid_answer_and_terms_are_used() {
        let beats = || CHAPTERS.iter().flat_map(|c| c.beats.iter());
        let questions: Vec<Question> = beats().filter_map(|b| b.question).collect();
        assert!(questions.len() >= 3);
        for q in questions {
            assert!(q.choices.len() >= 2 && q.answer < q.choices.len());
        }
        for t in TERMS {
            assert!(beats().any(|b| b.terms.contains(&t)), "{:?} unused", t.name);
        }
    }

    #[test]
    fn positions_from_anywhere_are_clamped() {
        assert_eq!(Position::clamped(99, 99), Position::last());
        assert_eq!(Position::clamped(3, 99).beat, CHAPTERS[3].beats.len() - 1);
    }

    /// A question a reader can get wrong: at least three answers, the right
    /// one not the longest by a clear margin (in either language: length
    /// gives an answer away), and its reveal made of claims, each with its
    /// mark.
    #[test]
    fn every_question_can_be_got_wrong() {
        use crate::i18n::Lang;
        let questions: Vec<(Position, Question)> =
            std::iter::successors(Some(Position::first()), |p| p.next())
                .filter_map(|p| p.beat().question.map(|q| (p, q)))
                .collect();
        assert!(questions.len() >= 3);
        for (p, q) in questions {
            assert!(q.choices.len() >= 3, "{p:?}: three answers at least");
            assert!(q.answer < q.choices.len());
            assert!(!q.reveal.is_empty(), "{p:?}: the reveal says why");
            for lang in Lang::ALL {
                let len = |k: Key| lang.text(k).chars().count();
                let right = len(q.choices[q.answer]);
                let longest_other = q
                    .choices
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != q.answer)
                    .map(|(_, &k)| len(k))
                    .max()
                    .unwrap();
                assert!(
                    right * 10 <= longest_other * 12,
                    "{p:?} {lang:?}: the right answer ({right} characters) is much longer than the others ({longest_other})"
                );
            }
        }
    }
}
