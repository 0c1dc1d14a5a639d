//! Chapters 6 and 7's picture: the cascade as a chain of services, left to
//! right, each box in the state the cascade engine gives it at the beat's
//! minute (never a later one), the link the words explain lit; under it the
//! beat's mechanism (the lease queue collapsing, the queue drained through a
//! throttle, health checks flipping while failover pulls healthy servers),
//! and the impact bars up to the same minute as a small index.

use std::fmt::Write as _;

use leptos::prelude::*;

use super::cascade_scene::CascadeScene;
use super::clock::clock;
use super::format::grouped;
use super::idea_scene::Svg;
use super::model::cascade_timeline;
use crate::engine::cascade::impact::cause_chain;
use crate::engine::cascade::sim::{FLEET_DROPLETS, Mechanism};
use crate::engine::cascade::{Minute, Service, Severity, Timeline};
use crate::i18n::{Key, Lang, msg};
use crate::story::chapters::{ChainBeat, ChainDetail, ChainNode};
use crate::story::static_page::escape;
use crate::time::Clock;

/// What a box of the chain says at a minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoxState {
    /// The address book's page is blank.
    Blank,
    /// The page holds its addresses again (or never lost them).
    PageOk,
    Down,
    Degraded,
    /// Hit earlier in the night, working again at this minute.
    Recovered,
    /// Not hit, so far.
    Fine,
}

impl BoxState {
    /// Its class in the picture (`data-state`).
    pub const fn code(self) -> &'static str {
        match self {
            BoxState::Blank | BoxState::Down => "down",
            BoxState::Degraded => "degraded",
            BoxState::PageOk | BoxState::Recovered | BoxState::Fine => "fine",
        }
    }

    const fn word(self) -> Key {
        match self {
            BoxState::Blank => Key::SceneBlank,
            BoxState::PageOk => Key::ChainPageOk,
            BoxState::Down => Key::SceneDown,
            BoxState::Degraded => Key::SceneDegraded,
            BoxState::Recovered => Key::ChainRecovered,
            BoxState::Fine => Key::SceneNoImpact,
        }
    }
}

/// A box of the chain: its part, the engine's service (none for the
/// address book, read from DynamoDB's cause), its label, where it sits.
struct ChainBox {
    node: ChainNode,
    service: Option<Service>,
    label: Key,
    x: i32,
    y: i32,
}

const BOX_W: i32 = 170;
const BOX_H: i32 = 42;
const LEFT_X: i32 = 1;
const RIGHT_X: i32 = 183;
const ROW: [i32; 4] = [24, 88, 152, 200];
/// The chain's height; the mechanism is drawn below it.
const CHAIN_H: i32 = 250;

/// The boxes, in reading order: two a row, left to right.
const BOXES: [ChainBox; 7] = [
    ChainBox {
        node: ChainNode::Dns,
        service: None,
        label: Key::ChainDns,
        x: LEFT_X,
        y: ROW[0],
    },
    ChainBox {
        node: ChainNode::DynamoDb,
        service: Some(Service::DynamoDb),
        label: Key::SvcDynamodb,
        x: RIGHT_X,
        y: ROW[0],
    },
    ChainBox {
        node: ChainNode::Leases,
        service: Some(Service::Dwfm),
        label: Key::SvcDwfm,
        x: LEFT_X,
        y: ROW[1],
    },
    ChainBox {
        node: ChainNode::Network,
        service: Some(Service::NetworkManager),
        label: Key::SvcNetwork,
        x: RIGHT_X,
        y: ROW[1],
    },
    ChainBox {
        node: ChainNode::LoadBalancers,
        service: Some(Service::Nlb),
        label: Key::SvcNlb,
        x: LEFT_X,
        y: ROW[2],
    },
    ChainBox {
        node: ChainNode::Users,
        service: Some(Service::Lambda),
        label: Key::SvcLambda,
        x: RIGHT_X,
        y: ROW[2],
    },
    ChainBox {
        node: ChainNode::Users,
        service: Some(Service::Shop),
        label: Key::SvcShop,
        x: RIGHT_X,
        y: ROW[3],
    },
];

/// The links of the chain, each from one part to the next: (from, to, path).
const LINKS: [(ChainNode, ChainNode, &str); 6] = [
    (ChainNode::Dns, ChainNode::DynamoDb, "M171 45H182"),
    (ChainNode::DynamoDb, ChainNode::Leases, "M268 66V77H86V84"),
    (ChainNode::Leases, ChainNode::Network, "M171 109H182"),
    (
        ChainNode::Network,
        ChainNode::LoadBalancers,
        "M268 130V141H86V148",
    ),
    (ChainNode::LoadBalancers, ChainNode::Users, "M171 173H182"),
    (
        ChainNode::LoadBalancers,
        ChainNode::Users,
        "M171 185H176V221H182",
    ),
];

/// DynamoDB straight to the users (Lambda and the shop use it themselves),
/// along the right edge, with small heads drawn as shapes.
const DIRECT: &str = "M353 45H357V221H354M357 173H354";
const DIRECT_HEADS: &str = "M353 221l4-3v6zM353 173l4-3v6z";

/// The state of a box at `m`, read from the engine's minutes up to `m` (a
/// service fine at `m` is "recovered" if it was hit before, not "no impact").
pub fn box_state(tl: &Timeline, service: Option<Service>, m: Minute) -> BoxState {
    match service {
        None => {
            let blank = cause_chain(tl, Service::DynamoDb, m)
                .last()
                .is_some_and(|&(_, mech)| mech == Some(Mechanism::EmptyRecord));
            if blank {
                BoxState::Blank
            } else {
                BoxState::PageOk
            }
        }
        Some(s) => {
            let health = &tl.health[s.index()];
            let hit = |h: &u16| Severity::of(u32::from(*h)).is_some();
            match Severity::of(u32::from(health[m as usize])) {
                Some(Severity::Down) => BoxState::Down,
                Some(Severity::Degraded) => BoxState::Degraded,
                None if health[..m as usize].iter().any(hit) => BoxState::Recovered,
                None => BoxState::Fine,
            }
        }
    }
}

/// Every box's part, service and state at the beat's minute.
pub fn states(tl: &Timeline, m: Minute) -> Vec<(ChainNode, Option<Service>, BoxState)> {
    BOXES
        .iter()
        .map(|b| (b.node, b.service, box_state(tl, b.service, m)))
        .collect()
}

/// Whether the beat's words explain the direct link from DynamoDB to the users.
const fn direct(beat: ChainBeat) -> bool {
    matches!(beat.from, ChainNode::DynamoDb) && matches!(beat.to, ChainNode::Users)
}

/// Whether a part is lit on the beat.
fn node_lit(beat: ChainBeat, node: ChainNode) -> bool {
    if direct(beat) {
        node == ChainNode::DynamoDb || node == ChainNode::Users
    } else {
        beat.from <= node && node <= beat.to
    }
}

/// Whether the story has come to a part yet (the users are always told).
fn told(beat: ChainBeat, node: ChainNode) -> bool {
    node <= beat.reach || node == ChainNode::Users
}

/// The index's rows the beat's words speak of.
pub fn lit_services(beat: ChainBeat) -> Vec<Service> {
    let mut out = Vec::new();
    for b in &BOXES {
        if node_lit(beat, b.node) {
            match b.node {
                ChainNode::Dns => out.push(Service::DynamoDb),
                ChainNode::Leases => out.extend([Service::Dwfm, Service::Ec2Launch]),
                ChainNode::Users => out.push(b.service.expect("a service")),
                _ => out.extend(b.service),
            }
        }
    }
    if node_lit(beat, ChainNode::Users) {
        out.extend([Service::Sts, Service::IamSignIn, Service::Connect]);
    }
    out.dedup();
    out
}

/// The numbers of the beat's mechanism at its minute: (renewals waiting,
/// physical servers holding a lease, load balancer capacity out, per mille).
pub fn mechanism_numbers(tl: &Timeline, m: Minute) -> (u32, u32, u32) {
    let i = m as usize;
    (
        tl.series.dwfm_queue[i],
        tl.series.leases_held[i],
        1000u32.saturating_sub(tl.series.nlb_capacity_permille[i]),
    )
}

/// Servers drawn under the load balancer, the new ones among them (whose
/// checks flip; an example), and how many healthy ones failover has pulled
/// out: the model's share of capacity out, in tenths.
pub const SERVERS_DRAWN: u32 = 10;
pub const SERVERS_NEW: u32 = 3;
pub fn pulled_of(out_permille: u32) -> u32 {
    ((out_permille + 50) / 100).min(SERVERS_DRAWN - SERVERS_NEW)
}

/// The chain and its mechanism as SVG markup, for `clock`'s language and zone.
pub fn markup(clock: Clock, beat: ChainBeat) -> String {
    let lang = clock.lang;
    let t = |k| lang.text(k);
    let tl = cascade_timeline();
    let m = beat.at;
    let mut svg = Svg(String::new());
    let now = clock.message(&msg::SceneNow {
        time: &clock.day_time(m),
    });
    svg.text(2, 15, "now", &now);
    // Links first, boxes over them.
    for &(from, to, d) in &LINKS {
        let lit = !direct(beat) && beat.from <= from && to <= beat.to && from < to;
        let faint = !told(beat, to);
        let class = match (lit, faint) {
            (true, _) => "link lit",
            (_, true) => "link faint",
            _ => "link",
        };
        svg.path(class, d);
    }
    let lit_direct = if direct(beat) { " lit" } else { "" };
    let _ = write!(
        svg.0,
        "<g class=\"direct{lit_direct}\"><path class=\"wire\" d=\"{DIRECT}\"/><path class=\"heads\" d=\"{DIRECT_HEADS}\"/></g>"
    );
    let mut said = Vec::new();
    for b in &BOXES {
        let shown = told(beat, b.node);
        let state = box_state(tl, b.service, m);
        let lit = if node_lit(beat, b.node) { " lit" } else { "" };
        let (class, code) = if shown {
            (state.code(), state.code())
        } else {
            ("faint", "untold")
        };
        let service = b.service.map_or("dns", Service::name);
        let _ = write!(
            svg.0,
            "<g class=\"node {class}{lit}\" data-service=\"{service}\" data-state=\"{code}\">"
        );
        svg.rect("", b.x, b.y, BOX_W, BOX_H);
        let cx = b.x + BOX_W / 2;
        svg.centred(cx, b.y + 18, "strong", t(b.label));
        if shown {
            svg.centred(cx, b.y + 35, "state", t(state.word()));
            said.push(format!("{}: {}", t(b.label), t(state.word())));
        }
        svg.close();
    }
    let label_of = |node: ChainNode| {
        BOXES
            .iter()
            .filter(|b| b.node == node)
            .map(|b| t(b.label))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let focus = if beat.from == beat.to {
        label_of(beat.from)
    } else if direct(beat) {
        format!("{} → {}", label_of(beat.from), label_of(beat.to))
    } else {
        BOXES
            .iter()
            .map(|b| b.node)
            .filter(|&n| beat.from <= n && n <= beat.to)
            .fold(Vec::<ChainNode>::new(), |mut v, n| {
                if v.last() != Some(&n) {
                    v.push(n);
                }
                v
            })
            .into_iter()
            .map(label_of)
            .collect::<Vec<_>>()
            .join(" → ")
    };
    let time = clock.day_time(m);
    let mut alt = clock.message(&msg::ChainAlt {
        time: &time,
        nodes: &said.join(" → "),
        focus: &focus,
    });
    let (waiting, held, out) = mechanism_numbers(tl, m);
    let (queue, held_s, fleet) = (
        grouped(u64::from(waiting)),
        grouped(u64::from(held)),
        grouped(u64::from(FLEET_DROPLETS)),
    );
    let y0 = CHAIN_H + 12;
    let height = match beat.detail {
        ChainDetail::Chain => CHAIN_H,
        ChainDetail::Collapse | ChainDetail::Throttle => {
            let collapse = beat.detail == ChainDetail::Collapse;
            let _ = write!(
                svg.0,
                "<g class=\"mech {}\">",
                if collapse { "collapse" } else { "throttle" }
            );
            let lane_end = if collapse { 214 } else { 180 };
            svg.text(
                4,
                y0 + 14,
                "strong",
                &lang.message(&msg::ChainQueue { queue: &queue }),
            );
            svg.ending(352, y0 + 14, "strong", t(Key::SvcDwfm));
            svg.rect("lane", 4, y0 + 22, lane_end - 4, 32);
            svg.rect("desk", 224, y0 + 22, 128, 32);
            // The jobs: a full queue that moves toward the desk, or the last
            // of it passing the throttle (the end state is the empty queue).
            svg.open("jobs");
            let drawn = if collapse { 8 } else { 6 };
            for i in 0..drawn {
                let _ = write!(
                    svg.0,
                    "<rect class=\"job\" x=\"{}\" y=\"{}\" width=\"18\" height=\"18\" rx=\"3\"/>",
                    10 + i * 25,
                    y0 + 29
                );
            }
            svg.close();
            if collapse {
                svg.path("flow", &format!("M214 {}H222", y0 + 38));
                // Timed-out work back to the end of the queue, with one job on it.
                svg.path(
                    "loop",
                    &format!("M291 {}V{}H14V{}", y0 + 54, y0 + 72, y0 + 58),
                );
                let _ = write!(
                    svg.0,
                    "<rect class=\"job back\" x=\"282\" y=\"{}\" width=\"18\" height=\"18\" rx=\"3\"/>",
                    y0 + 63
                );
                svg.centred(150, y0 + 90, "state", t(Key::ChainBack));
            } else {
                svg.path(
                    "gate",
                    &format!(
                        "M180 {}L198 {}V{}L180 {}",
                        y0 + 22,
                        y0 + 34,
                        y0 + 42,
                        y0 + 54
                    ),
                );
                svg.path("flow", &format!("M198 {}H222", y0 + 38));
                svg.centred(190, y0 + 70, "strong gate-word", t(Key::ChainThrottle));
            }
            svg.text(
                4,
                y0 + 110,
                "state",
                &lang.message(&msg::ChainLeased {
                    held: &held_s,
                    fleet: &fleet,
                }),
            );
            svg.close();
            let m_alt = if collapse {
                clock.message(&msg::ChainCollapseAlt {
                    time: &time,
                    queue: &queue,
                    held: &held_s,
                    fleet: &fleet,
                })
            } else {
                clock.message(&msg::ChainThrottleAlt {
                    time: &time,
                    queue: &queue,
                    held: &held_s,
                    fleet: &fleet,
                })
            };
            alt = format!("{alt} {m_alt}");
            y0 + 118
        }
        ChainDetail::Flapping => {
            let pulled = pulled_of(out);
            svg.open("mech servers");
            svg.text(4, y0 + 12, "strong", t(Key::ChainInService));
            let first_new = SERVERS_DRAWN - SERVERS_NEW;
            for i in 0..SERVERS_DRAWN {
                let x = 4 + i as i32 * 35;
                let is_new = i >= first_new;
                let is_pulled = !is_new && i + pulled >= first_new;
                let class = if is_new {
                    "server new"
                } else if is_pulled {
                    "server pulled"
                } else {
                    "server"
                };
                let y = if is_pulled { y0 + 90 } else { y0 + 32 };
                if is_pulled {
                    svg.rect("slot", x, y0 + 32, 28, 28);
                }
                let _ = write!(svg.0, "<g class=\"{class}\">");
                svg.rect("", x, y, 28, 28);
                let _ = write!(
                    svg.0,
                    "<circle class=\"check\" cx=\"{}\" cy=\"{}\" r=\"5\"/>",
                    x + 14,
                    y + 14
                );
                svg.close();
            }
            let new_x = 4 + first_new as i32 * 35;
            svg.centred(
                (new_x + 4 + SERVERS_DRAWN as i32 * 35) / 2,
                y0 + 78,
                "state",
                t(Key::ChainFlipping),
            );
            if pulled > 0 {
                svg.text(4, y0 + 108, "state", t(Key::ChainPulled));
            }
            svg.close();
            let m_alt = clock.message(&msg::ChainFlappingAlt {
                time: &time,
                total: &SERVERS_DRAWN.to_string(),
                new: &SERVERS_NEW.to_string(),
                pulled: &pulled.to_string(),
                percent: &(out / 10).to_string(),
            });
            alt = format!("{alt} {m_alt}");
            y0 + 124
        }
    };
    format!(
        "<svg viewBox=\"0 0 360 {height}\" role=\"img\" aria-label=\"{}\" class=\"chain-svg\">\
<defs><marker id=\"chain-head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" \
markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\"/></marker></defs>{}</svg>",
        escape(&alt),
        svg.0
    )
}

/// The chain, its mechanism, and the index of impact bars up to the beat's
/// minute. The chart's note is said on the beat that asks for it.
#[component]
pub fn ChainScene(beat: ChainBeat, lang: Signal<Lang>) -> impl IntoView {
    let lit = lit_services(beat);
    view! {
        <div class="chain-scene" data-chain-at=beat.at>
            <figure class="scene chain-figure" aria-label=move || lang.get().text(Key::ChainLabel)>
                <div class="chain-picture" inner_html=move || markup(clock(lang.get()), beat)></div>
                <figcaption>
                    <span class="mark mark-i">{move || lang.get().text(Key::MarkI)}</span>
                    " "
                    <small class="scene-note">
                        {move || lang.get().text(Key::ChainNote)}
                        {(beat.detail != ChainDetail::Chain).then(|| view! {
                            " " {move || lang.get().text(Key::ChainNoteExamples)}
                        })}
                    </small>
                </figcaption>
            </figure>
            <CascadeScene minute=beat.at lang=lang until=beat.at lit=lit note=beat.note />
        </div>
    }
}

/// The picture alone (the handout draws it without the index).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn draw(lang: Lang, beat: ChainBeat) -> impl IntoView {
    view! { <div class="chain-picture" inner_html=markup(Clock::default_for(lang), beat)></div> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::cascade::Impact;
    use crate::story::chapters::{CHAPTERS, Scene};

    /// Every chain beat in the story, in order.
    fn chain_beats() -> Vec<ChainBeat> {
        CHAPTERS
            .iter()
            .flat_map(|c| c.beats.iter())
            .filter_map(|b| match b.scene {
                Some(Scene::Chain(c)) => Some(c),
                _ => None,
            })
            .collect()
    }

    /// The night cut at `m`: nothing after it was ever simulated.
    fn night_until(m: Minute) -> Timeline {
        let mut tl = cascade_timeline().clone();
        let keep = m as usize + 1;
        for h in &mut tl.health {
            h.truncate(keep);
        }
        for l in &mut tl.limiter {
            l.truncate(keep);
        }
        let s = &mut tl.series;
        for v in [
            &mut s.dynamodb_success_permille,
            &mut s.leases_held,
            &mut s.dwfm_queue,
            &mut s.deferred_launches,
            &mut s.network_backlog,
            &mut s.network_delay_min,
            &mut s.nlb_capacity_permille,
        ] {
            v.truncate(keep);
        }
        tl
    }

    #[test]
    fn a_service_working_again_reads_recovered_not_no_impact() {
        let tl = cascade_timeline();
        // Before the race nothing is hit: every service box is "no impact".
        let before = states(tl, 0);
        assert!(
            before
                .iter()
                .filter(|b| b.1.is_some())
                .all(|b| b.2 == BoxState::Fine)
        );
        // At the last chain beat DynamoDB, down at the start, is working again.
        let last = *chain_beats().last().unwrap();
        let dynamodb = box_state(tl, Some(Service::DynamoDb), last.at);
        assert_eq!(dynamodb, BoxState::Recovered, "at {}", last.at);
        assert_eq!(dynamodb.code(), "fine");
        // The two words differ in both languages.
        for lang in [crate::i18n::Lang::Ja, crate::i18n::Lang::En] {
            assert_ne!(
                lang.text(BoxState::Recovered.word()),
                lang.text(BoxState::Fine.word())
            );
        }
    }

    #[test]
    fn ten_beats_draw_the_chain_in_order_and_one_says_the_note() {
        use crate::engine::cascade::calibration::{
            NETWORK_MANAGER_START_DOCUMENTED, NETWORK_MANAGER_START_SIMULATED,
        };
        let beats = chain_beats();
        assert_eq!(beats.len(), 10);
        assert!(
            beats.windows(2).all(|w| w[0].at < w[1].at),
            "minutes go forward"
        );
        assert!(
            beats.windows(2).all(|w| w[0].reach <= w[1].reach),
            "the story moves along the chain"
        );
        // The note names the record's 06:21 and the network bar's start: it
        // is said once, on the first beat at which both are in the past.
        assert_eq!(beats.iter().filter(|b| b.note).count(), 1);
        let first = beats
            .iter()
            .position(|b| {
                b.at >= NETWORK_MANAGER_START_DOCUMENTED.max(NETWORK_MANAGER_START_SIMULATED)
            })
            .expect("a beat after the network's trouble");
        assert!(beats[first].note);
        for b in &beats {
            assert!(b.from <= b.to);
            assert!(
                told(*b, b.from) && told(*b, b.to),
                "{b:?}: the words explain a part told"
            );
            assert!(!lit_services(*b).is_empty());
        }
    }

    /// No picture's state at a beat comes from a minute after the beat's:
    /// the chain, its mechanism and its words are the same drawn from a
    /// night that ends at the beat's minute.
    #[test]
    fn no_chain_picture_reads_a_minute_after_its_beat() {
        let full = cascade_timeline();
        for beat in chain_beats() {
            let cut = night_until(beat.at);
            assert_eq!(states(full, beat.at), states(&cut, beat.at), "{beat:?}");
            assert_eq!(
                mechanism_numbers(full, beat.at),
                mechanism_numbers(&cut, beat.at),
                "{beat:?}"
            );
        }
    }

    /// The index draws no bar past the beat's minute.
    #[test]
    fn the_index_ends_at_the_beats_minute() {
        let impact: &Impact = super::super::model::cascade_impact();
        for beat in chain_beats() {
            let bars = super::super::cascade_scene::bars_until(impact, Some(beat.at));
            assert!(!bars.is_empty());
            for &(s, _, start, end, _) in &bars {
                assert!(
                    start < beat.at && end <= beat.at,
                    "{beat:?}: {s:?} {start}..{end}"
                );
            }
        }
    }

    /// What the pictures say is what the engine says at those minutes.
    #[test]
    fn the_mechanisms_say_what_the_engine_does() {
        let tl = cascade_timeline();
        let beats = chain_beats();
        let (fleet, limit) = (FLEET_DROPLETS, Some(Severity::Down));
        for b in &beats {
            let (waiting, held, out) = mechanism_numbers(tl, b.at);
            match b.detail {
                // Collapse: a long queue, few leases, and none renewed in the
                // last half hour (more goes back than gets done).
                ChainDetail::Collapse => {
                    assert!(waiting > fleet / 2 && held < fleet / 10, "{b:?}");
                    let before = tl.series.leases_held[b.at as usize - 30];
                    assert!(held <= before, "{b:?}: leases renewed during the collapse");
                    assert_eq!(
                        cause_chain(tl, Service::Dwfm, b.at)
                            .last()
                            .and_then(|c| c.1),
                        Some(Mechanism::CongestiveCollapse)
                    );
                }
                // Throttled: the queue drained, every server leased.
                ChainDetail::Throttle => assert_eq!((waiting, held), (0, fleet), "{b:?}"),
                ChainDetail::Flapping => {
                    assert!(pulled_of(out) > 0, "{b:?}: failover has pulled servers");
                    assert_eq!(
                        cause_chain(tl, Service::Nlb, b.at).last().and_then(|c| c.1),
                        Some(Mechanism::HealthCheckFlapping)
                    );
                }
                ChainDetail::Chain => {}
            }
        }
        // The 6.3 question asks what happened after 02:25: at its beat the
        // page is still blank and everything after it is still down.
        let quiz = beats[2];
        assert!(quiz.at < crate::engine::cascade::clock::at(20, 2, 25));
        let s = states(tl, quiz.at);
        assert_eq!(s[0].2, BoxState::Blank);
        assert!(
            [Service::DynamoDb, Service::Dwfm]
                .iter()
                .all(|&x| Severity::of(u32::from(tl.health[x.index()][quiz.at as usize])) == limit)
        );
    }
}
