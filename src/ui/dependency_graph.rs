//! The lab's dependency graph, in layers by depth from the address book:
//! the address book, DynamoDB, EC2's network settings and leases, the load
//! balancers and EC2's starting of instances, the AWS services the example
//! services call, and the three example services at the bottom. Each box is
//! coloured by how that service fared in the reader's what-if (the story
//! chain's states and words: `super::chain_scene::BoxState`), with its time
//! down (or partly down). A line comes into a box from a service it needs;
//! DynamoDB, which nearly every box needs, feeds its boxes from a rail down
//! the right-hand edge. Where a line enters a box sits its port, the control
//! that loosens (or tightens) that link: the reader's move is
//! `controls::Move::Coupling`, so the address reopens it.
//!
//! The picture is a pure function of the engine's dependencies, the
//! what-if's outcomes and the language ([`markup`], SVG markup as the
//! story's chain is, tested natively); the page swaps it in and handles
//! presses by delegation. Below it, the same graph in words ([`GraphList`]),
//! with every coupling of the engine as a button, including those of the
//! services the picture leaves out to stay readable on a phone.

use std::fmt::Write as _;

use leptos::prelude::*;
use wasm_bindgen::JsCast as _;

use super::chain_scene::BoxState;
use super::format::duration;
use super::idea_scene::Svg;
use super::text::{text_width, wrap};
use crate::controls::Move;
use crate::engine::cascade::clock::END;
use crate::engine::cascade::graph::{Coupling, Dependency, Service};
use crate::engine::cascade::scenario::RACE_AT;
use crate::engine::cascade::sim::dependencies;
use crate::engine::cascade::{CascadeScenario, Impact, Severity};
use crate::i18n::{Key, Lang, msg};
use crate::story::static_page::escape;

/// The short label of a service in the picture.
pub fn service_key(s: Service) -> Key {
    match s {
        Service::DynamoDb => Key::SvcDynamodb,
        Service::Dwfm => Key::SvcDwfm,
        Service::NetworkManager => Key::SvcNetwork,
        Service::Ec2Launch => Key::SvcEc2Launch,
        Service::Nlb => Key::SvcNlb,
        Service::Lambda => Key::SvcLambda,
        Service::Sts => Key::SvcSts,
        Service::IamSignIn => Key::SvcIam,
        Service::Connect => Key::SvcConnect,
        Service::Redshift => Key::SvcRedshift,
        Service::Containers => Key::SvcContainers,
        Service::SupportCenter => Key::SvcSupport,
        Service::Shop => Key::SvcShop,
        Service::AppBackend => Key::SvcApp,
        Service::BusinessSystem => Key::SvcBusiness,
    }
}

/// A box of the picture: the address book (no service of the engine: its
/// page is blank until the repair), or a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Node {
    Dns,
    Svc(Service),
}

impl Node {
    /// Its name in the page (`data-service`).
    pub const fn name(self) -> &'static str {
        match self {
            Node::Dns => "dns",
            Node::Svc(s) => s.name(),
        }
    }

    pub fn label(self) -> Key {
        match self {
            Node::Dns => Key::ChainDns,
            Node::Svc(s) => service_key(s),
        }
    }
}

/// Where a box sits in its layer: alone in the middle, in the left or right
/// half, or in one of three columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Middle,
    Half(u8),
    Third(u8),
}

/// The layers, top to bottom (every line runs from a layer to a lower one).
const LAYERS: [&[(Slot, Node)]; 6] = [
    &[(Slot::Middle, Node::Dns)],
    &[(Slot::Middle, Node::Svc(Service::DynamoDb))],
    &[
        (Slot::Half(0), Node::Svc(Service::NetworkManager)),
        (Slot::Half(1), Node::Svc(Service::Dwfm)),
    ],
    &[
        (Slot::Half(0), Node::Svc(Service::Nlb)),
        (Slot::Half(1), Node::Svc(Service::Ec2Launch)),
    ],
    &[
        (Slot::Third(0), Node::Svc(Service::Sts)),
        (Slot::Third(1), Node::Svc(Service::Lambda)),
        (Slot::Third(2), Node::Svc(Service::IamSignIn)),
    ],
    &[
        (Slot::Third(0), Node::Svc(Service::Shop)),
        (Slot::Third(1), Node::Svc(Service::AppBackend)),
        (Slot::Third(2), Node::Svc(Service::BusinessSystem)),
    ],
];

/// Services the picture leaves out to stay readable on a phone (their links
/// are in the list under it): AWS's own products that no example service
/// uses, and Redshift, which only the office system leans on, loosely.
pub const LEFT_OUT: [Service; 4] = [
    Service::Redshift,
    Service::Connect,
    Service::Containers,
    Service::SupportCenter,
];

/// The picture's width, and where its boxes and lanes are.
const W: i32 = 360;
const LEFT: i32 = 12;
const RIGHT: i32 = 348;
/// DynamoDB's rail, down the right-hand edge.
const RAIL_X: i32 = 355;
/// The lane down the left-hand edge, for a line that skips a layer.
const LEFT_LANE_X: i32 = 5;
const GAP: i32 = 14;
const MIDDLE_W: i32 = 204;
/// The gaps between the three columns, where lines run past a layer.
const THIRD_W: i32 = (RIGHT - LEFT - 2 * GAP) / 3;
const GAP_A: i32 = LEFT + THIRD_W + GAP / 2;
const GAP_B: i32 = LEFT + 2 * THIRD_W + GAP + GAP / 2;
/// The lane of each link that skips a layer: the load balancers' links to
/// the shop (down the left-hand edge) and to the phone app, and EC2's to
/// the office system (the gaps between the columns).
const LANES: [((Service, Service), i32); 3] = [
    ((Service::Nlb, Service::Shop), LEFT_LANE_X),
    ((Service::Nlb, Service::AppBackend), GAP_A),
    ((Service::Ec2Launch, Service::BusinessSystem), GAP_B),
];
/// The space between layers, top to bottom (the rail's feeders and the
/// lines run in it).
const BANDS: [i32; 5] = [20, 32, 36, 40, 46];
const TOP: i32 = 4;
/// Text: labels at `text::LABEL_PX` (12 px or more on a 343 px phone column).
const LINE_H: i32 = 15;
const PAD_X: i32 = 4;
/// A port's dot, and the circle a press hits (24 px or more on a phone).
const PORT_R: i32 = 7;
const PORT_HIT_R: i32 = 13;
/// The feeder from the rail runs this far above a layer's top.
const FEED_DY: i32 = 14;

/// The x range of a slot.
fn span(slot: Slot) -> (i32, i32) {
    let inner = RIGHT - LEFT;
    match slot {
        Slot::Middle => ((W - MIDDLE_W) / 2, (W + MIDDLE_W) / 2),
        Slot::Half(i) => {
            let w = (inner - GAP) / 2;
            let x = LEFT + i32::from(i) * (w + GAP);
            (x, x + w)
        }
        Slot::Third(i) => {
            let w = (inner - 2 * GAP) / 3;
            let x = LEFT + i32::from(i) * (w + GAP);
            (x, x + w)
        }
    }
}

/// How a box fared in a what-if: its state (the chain's) and for how long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub state: BoxState,
    /// Minutes in that state over the night (the page's blank minutes for
    /// the address book; `None` there when it is never repaired).
    pub minutes: Option<u32>,
}

/// The worst a service went through in the night `impact`, and for how
/// long it was in that state; for the address book, how long its page was
/// blank (the repair comes from the scenario: caching shows in DynamoDB).
pub fn outcome(node: Node, scenario: &CascadeScenario, impact: &Impact) -> Outcome {
    match node {
        Node::Dns => Outcome {
            state: BoxState::Blank,
            minutes: scenario
                .actions
                .dns_restored_at
                .filter(|&m| m < END)
                .map(|m| m.saturating_sub(RACE_AT)),
        },
        Node::Svc(s) => {
            let down = impact.minutes_at(s, Severity::Down);
            let partly = impact.minutes_at(s, Severity::Degraded);
            let (state, minutes) = if down > 0 {
                (BoxState::Down, down)
            } else if partly > 0 {
                (BoxState::Degraded, partly)
            } else {
                (BoxState::Fine, 0)
            };
            Outcome {
                state,
                minutes: Some(minutes),
            }
        }
    }
}

/// The chain's word for a state (`chain_scene` draws the same words).
pub fn state_word(state: BoxState) -> Key {
    match state {
        BoxState::Blank => Key::SceneBlank,
        BoxState::PageOk => Key::ChainPageOk,
        BoxState::Down => Key::SceneDown,
        BoxState::Degraded => Key::SceneDegraded,
        BoxState::Recovered => Key::ChainRecovered,
        BoxState::Fine => Key::SceneNoImpact,
    }
}

/// A box's outcome in a sentence (its name for a screen reader, and the
/// list's line).
pub fn outcome_sentence(lang: Lang, node: Node, o: Outcome) -> String {
    let service = lang.text(node.label());
    let time = o.minutes.map(|m| duration(lang, m)).unwrap_or_default();
    match (o.state, o.minutes) {
        (BoxState::Blank, Some(_)) => lang.message(&msg::PcGraphBoxBlank {
            service,
            time: &time,
        }),
        (BoxState::Blank, None) => lang.message(&msg::PcGraphBoxNever { service }),
        (BoxState::Down, _) => lang.message(&msg::PcGraphBoxDown {
            service,
            time: &time,
        }),
        (BoxState::Degraded, _) => lang.message(&msg::PcGraphBoxDegraded {
            service,
            time: &time,
        }),
        (BoxState::PageOk | BoxState::Recovered | BoxState::Fine, _) => {
            lang.message(&msg::PcGraphBoxFine { service })
        }
    }
}

/// Couplings a reader can loosen: real dependencies, not the mechanism
/// links that only order the computation (tolerance 0).
pub fn loosenable(deps: &[Dependency]) -> Vec<Dependency> {
    deps.iter()
        .filter(|d| d.tolerate_permille > 0)
        .copied()
        .collect()
}

/// A link's look: no fallback, loose (a cache or fallback, the engine's or
/// the reader's deployment), or loosened by the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Hard,
    Soft,
    Loosened,
}

impl Look {
    pub fn of(d: &Dependency, scenario: &CascadeScenario) -> Look {
        if scenario.loosened.contains(&(d.service, d.consumer)) {
            Look::Loosened
        } else if d.coupling == Coupling::Soft {
            Look::Soft
        } else {
            Look::Hard
        }
    }

    const fn class(self) -> &'static str {
        match self {
            Look::Hard => "edge hard",
            Look::Soft => "edge soft",
            Look::Loosened => "edge loosened",
        }
    }
}

/// The name of a link in the page (`data-edge`): `dynamodb>your-shop`.
pub fn edge_name(service: Service, consumer: Service) -> String {
    format!("{}>{}", service.name(), consumer.name())
}

/// The link named `name`, if it is one.
pub fn edge_from_name(name: &str) -> Option<(Service, Service)> {
    let (a, b) = name.split_once('>')?;
    Some((Service::from_name(a)?, Service::from_name(b)?))
}

/// A link's name for a screen reader: "Loosen: Shop (example) needs DynamoDB".
pub fn edge_label(lang: Lang, service: Service, consumer: Service) -> String {
    lang.message(&msg::PcEdgeLabel {
        from: lang.text(service_key(service)),
        to: lang.text(service_key(consumer)),
    })
}

/// Where each link meets a box (its port, or where it leaves its source).
type Ends = [((Service, Service), (i32, i32))];

/// A box laid out: its place, and its lines of text (label, then state).
#[derive(Clone, Debug)]
pub struct Placed {
    pub node: Node,
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    pub layer: usize,
    label: Vec<String>,
    state: Vec<String>,
}

/// A link laid out: where it leaves its source, its port on the consumer,
/// and its path.
#[derive(Clone, Debug)]
pub struct Wire {
    pub dep: Dependency,
    /// The port: where the line enters the consumer's top.
    pub port: (i32, i32),
    /// The whole route (for DynamoDB's links, from the rail).
    pub route: String,
    /// What is drawn for this link alone (for DynamoDB's links, the drop
    /// from the feeder; the rail and its feeders are drawn once).
    pub own: String,
}

/// The picture's layout for a language and a what-if: boxes, links, the
/// rail, the mechanism links, the height.
pub struct Layout {
    pub boxes: Vec<Placed>,
    pub wires: Vec<Wire>,
    /// The rail and its feeders, drawn once.
    pub rail: String,
    /// The address book to DynamoDB, and the mechanism links (network
    /// settings to load balancers): drawn, not loosenable.
    pub fixed: Vec<String>,
    pub height: i32,
}

/// Evenly spread positions for `n` things across `from..=to`.
fn spread(n: usize, from: i32, to: i32) -> Vec<i32> {
    match n {
        0 => Vec::new(),
        1 => vec![(from + to) / 2],
        _ => (0..n)
            .map(|i| from + (to - from) * i as i32 / (n as i32 - 1))
            .collect(),
    }
}

/// A line from (x1, y1) down to (x2, y2), leaving and arriving vertically.
fn curve(d: &mut String, (x1, y1): (i32, i32), (x2, y2): (i32, i32)) {
    if x1 == x2 {
        let _ = write!(d, " L{x2} {y2}");
    } else {
        let k = (y2 - y1) / 2;
        let _ = write!(d, " C{x1} {} {x2} {} {x2} {y2}", y1 + k, y2 - k);
    }
}

/// The layout of the picture. Pure: the same inputs give the same markup.
pub fn layout(lang: Lang, scenario: &CascadeScenario, impact: &Impact) -> Layout {
    // Boxes, layer by layer: each layer as tall as its tallest box.
    let mut boxes: Vec<Placed> = Vec::new();
    let mut y = TOP;
    for (layer, row) in LAYERS.iter().enumerate() {
        let mut placed: Vec<Placed> = row
            .iter()
            .map(|&(slot, node)| {
                let (x0, x1) = span(slot);
                let max = x1 - x0 - 2 * PAD_X;
                let o = outcome(node, scenario, impact);
                let word = lang.text(state_word(o.state));
                let time = o.minutes.map(|m| duration(lang, m));
                let state = match (o.state, time) {
                    (BoxState::Fine, _) | (_, None) => vec![word.to_string()],
                    (_, Some(t)) => {
                        let one = format!("{word} {t}");
                        if text_width(&one) <= max {
                            vec![one]
                        } else {
                            vec![word.to_string(), t]
                        }
                    }
                };
                Placed {
                    node,
                    x: x0,
                    y,
                    w: x1 - x0,
                    h: 0,
                    layer,
                    label: wrap(lang.text(node.label()), max),
                    state,
                }
            })
            .collect();
        let lines = placed
            .iter()
            .map(|p| p.label.len() + p.state.len())
            .max()
            .unwrap_or(1) as i32;
        let h = 8 + LINE_H * lines + 2;
        for p in &mut placed {
            p.h = h;
        }
        boxes.extend(placed);
        y += h + BANDS.get(layer).copied().unwrap_or(0);
    }
    let height = boxes.iter().map(|b| b.y + b.h).max().unwrap_or(0) + 4;
    let find = |node: Node| boxes.iter().find(|b| b.node == node);
    let layer_top = |layer: usize| boxes.iter().find(|b| b.layer == layer).map_or(0, |b| b.y);
    let layer_bottom = |layer: usize| {
        boxes
            .iter()
            .find(|b| b.layer == layer)
            .map_or(0, |b| b.y + b.h)
    };

    // The links drawn: those whose two ends are in the picture.
    let deps: Vec<Dependency> = loosenable(&dependencies(scenario))
        .into_iter()
        .filter(|d| find(Node::Svc(d.service)).is_some() && find(Node::Svc(d.consumer)).is_some())
        .collect();
    let dynamo = Node::Svc(Service::DynamoDb);
    // A link that skips a layer runs down its lane beside that layer's boxes.
    let lane = |d: &Dependency| -> Option<i32> {
        let (s, c) = (find(Node::Svc(d.service))?, find(Node::Svc(d.consumer))?);
        if d.service == Service::DynamoDb || c.layer <= s.layer + 1 {
            return None;
        }
        let named = LANES
            .iter()
            .find(|(e, _)| *e == (d.service, d.consumer))
            .map(|&(_, x)| x);
        // A link with no lane of its own: the gap nearest its port's box.
        Some(named.unwrap_or(if c.x + c.w / 2 < W / 2 { GAP_A } else { GAP_B }))
    };
    // Where a link comes from, seen from its consumer (to order ports).
    let approach = |d: &Dependency| -> i32 {
        if d.service == Service::DynamoDb {
            return RAIL_X;
        }
        lane(d).unwrap_or_else(|| find(Node::Svc(d.service)).map_or(0, |s| s.x + s.w / 2))
    };
    // Where a link leaves its source, seen from the source (to order exits).
    let heading = |d: &Dependency| -> i32 {
        lane(d).unwrap_or_else(|| find(Node::Svc(d.consumer)).map_or(0, |c| c.x + c.w / 2))
    };
    let mut ports: Vec<((Service, Service), (i32, i32))> = Vec::new();
    for b in &boxes {
        let Node::Svc(consumer) = b.node else {
            continue;
        };
        let mut incoming: Vec<&Dependency> =
            deps.iter().filter(|d| d.consumer == consumer).collect();
        incoming.sort_by_key(|d| (approach(d), d.service));
        let xs = spread(incoming.len(), b.x + 12, b.x + b.w - 12);
        let xs = if incoming.len() == 1 {
            // One link: at the right end for the rail's, else under its source.
            let d = incoming[0];
            let x = if d.service == Service::DynamoDb {
                b.x + b.w - 16
            } else {
                approach(d).clamp(b.x + 16, b.x + b.w - 16)
            };
            vec![x]
        } else {
            xs
        };
        for (d, x) in incoming.iter().zip(xs) {
            ports.push(((d.service, d.consumer), (x, b.y)));
        }
    }
    let mut exits: Vec<((Service, Service), (i32, i32))> = Vec::new();
    for b in &boxes {
        let Node::Svc(service) = b.node else {
            continue;
        };
        if service == Service::DynamoDb {
            continue;
        }
        let mut outgoing: Vec<&Dependency> = deps.iter().filter(|d| d.service == service).collect();
        outgoing.sort_by_key(|d| (heading(d), d.consumer));
        let xs = if outgoing.len() == 1 {
            vec![heading(outgoing[0]).clamp(b.x + 16, b.x + b.w - 16)]
        } else {
            spread(outgoing.len(), b.x + 20, b.x + b.w - 20)
        };
        for (d, x) in outgoing.iter().zip(xs) {
            exits.push(((d.service, d.consumer), (x, b.y + b.h)));
        }
    }
    let at = |list: &Ends, d: &Dependency| {
        list.iter()
            .find(|(e, _)| *e == (d.service, d.consumer))
            .map_or((0, 0), |&(_, p)| p)
    };

    // DynamoDB's rail and feeders: a feeder above each layer it feeds, to
    // the leftmost port it reaches there.
    let mut rail = String::new();
    let mut wires = Vec::new();
    let mut feeders: Vec<(i32, i32)> = Vec::new(); // (y, leftmost x)
    for d in deps.iter().filter(|d| d.service == Service::DynamoDb) {
        let port = at(&ports, d);
        let y = port.1 - FEED_DY;
        match feeders.iter_mut().find(|f| f.0 == y) {
            Some(f) => f.1 = f.1.min(port.0),
            None => feeders.push((y, port.0)),
        }
        wires.push(Wire {
            dep: *d,
            port,
            route: format!("M{RAIL_X} {y}H{}V{}", port.0, port.1),
            own: format!("M{} {y}V{}", port.0, port.1),
        });
    }
    if let (Some(ddb), Some(lowest)) = (find(dynamo), feeders.iter().map(|f| f.0).max()) {
        let _ = write!(
            rail,
            "M{} {}H{RAIL_X}V{lowest}",
            ddb.x + ddb.w,
            ddb.y + ddb.h / 2
        );
        for (y, x) in &feeders {
            let _ = write!(rail, "M{RAIL_X} {y}H{x}");
        }
    }
    // The other links: from the source's bottom to the port, down a lane
    // when they skip a layer.
    for d in deps.iter().filter(|d| d.service != Service::DynamoDb) {
        let (from, port) = (at(&exits, d), at(&ports, d));
        let mut path = format!("M{} {}", from.0, from.1);
        match (lane(d), find(Node::Svc(d.service))) {
            (Some(x), Some(s)) => {
                let skipped = s.layer + 1;
                let (top, bottom) = (layer_top(skipped) - 4, layer_bottom(skipped) + 4);
                curve(&mut path, from, (x, top));
                let _ = write!(path, " L{x} {bottom}");
                curve(&mut path, (x, bottom), port);
            }
            _ => curve(&mut path, from, port),
        }
        wires.push(Wire {
            dep: *d,
            port,
            route: path.clone(),
            own: path,
        });
    }
    // Keep the page's order: by consumer, in reading order, then by port.
    let order = |s: Service| boxes.iter().position(|b| b.node == Node::Svc(s));
    wires.sort_by_key(|w| (order(w.dep.consumer), w.port.0));

    // Fixed lines: the address book feeds DynamoDB; late network settings
    // make the load balancers' checks flip (a mechanism, not a coupling).
    let mut fixed = Vec::new();
    if let (Some(dns), Some(ddb)) = (find(Node::Dns), find(dynamo)) {
        let x = ddb.x + ddb.w / 2;
        fixed.push(format!("M{x} {}V{}", dns.y + dns.h, ddb.y));
    }
    let mechanisms = dependencies(scenario)
        .into_iter()
        .filter(|d| d.tolerate_permille == 0);
    for d in mechanisms {
        if let (Some(s), Some(c)) = (find(Node::Svc(d.service)), find(Node::Svc(d.consumer))) {
            let x = (s.x + s.w / 2).clamp(c.x + 16, c.x + c.w - 16);
            let mut path = format!("M{x} {}", s.y + s.h);
            curve(&mut path, (x, s.y + s.h), (x, c.y));
            fixed.push(path);
        }
    }
    Layout {
        boxes,
        wires,
        rail,
        fixed,
        height,
    }
}

/// The picture, as SVG markup: boxes in their states, the rail, the links
/// with their ports. Each box and each link is focusable and named; a
/// link is a toggle button (`aria-pressed`: loosened).
pub fn markup(lang: Lang, scenario: &CascadeScenario, impact: &Impact) -> String {
    let l = layout(lang, scenario, impact);
    let mut svg = Svg(String::new());
    let _ = write!(
        svg.0,
        "<g class=\"fixed\" aria-hidden=\"true\"><path class=\"rail\" d=\"{}\"/>",
        l.rail
    );
    for (i, d) in l.fixed.iter().enumerate() {
        // The first is the address book's line to DynamoDB; the rest are
        // knock-on effects.
        svg.path(if i == 0 { "feed" } else { "knock" }, d);
    }
    svg.close();
    let deps = dependencies(scenario);
    for b in &l.boxes {
        let o = outcome(b.node, scenario, impact);
        let code = o.state.code();
        let _ = write!(
            svg.0,
            "<g class=\"node {code}\" data-service=\"{}\" data-state=\"{code}\" role=\"img\" tabindex=\"0\" aria-label=\"{}\">",
            b.node.name(),
            escape(&outcome_sentence(lang, b.node, o))
        );
        svg.rect("", b.x, b.y, b.w, b.h);
        let cx = b.x + b.w / 2;
        let mut ty = b.y + 8 + 12;
        for line in &b.label {
            svg.centred(cx, ty, "strong", line);
            ty += LINE_H;
        }
        for line in &b.state {
            svg.centred(cx, ty, "state", line);
            ty += LINE_H;
        }
        svg.close();
        // Its links follow it, so the keyboard meets a box, then what it needs.
        for w in l
            .wires
            .iter()
            .filter(|w| Node::Svc(w.dep.consumer) == b.node)
        {
            let d = deps
                .iter()
                .find(|x| (x.service, x.consumer) == (w.dep.service, w.dep.consumer))
                .unwrap_or(&w.dep);
            let look = Look::of(d, scenario);
            let label = edge_label(lang, d.service, d.consumer);
            let (px, py) = w.port;
            let _ = write!(
                svg.0,
                "<g class=\"{}\" role=\"button\" tabindex=\"0\" aria-pressed=\"{}\" aria-label=\"{}\" data-edge=\"{}\"><title>{}</title>",
                look.class(),
                look == Look::Loosened,
                escape(&label),
                edge_name(d.service, d.consumer),
                escape(&label),
            );
            svg.path("route", &w.route);
            svg.path("hit", &w.own);
            svg.path("wire", &w.own);
            let _ = write!(
                svg.0,
                "<circle class=\"port-hit\" cx=\"{px}\" cy=\"{py}\" r=\"{PORT_HIT_R}\"/><circle class=\"port\" cx=\"{px}\" cy=\"{py}\" r=\"{PORT_R}\"/>"
            );
            svg.close();
        }
    }
    format!(
        "<svg viewBox=\"0 0 {W} {}\" class=\"graph-svg\" role=\"group\" aria-labelledby=\"pc-graph-title\">\
<defs><marker id=\"graph-head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" \
markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\"/></marker></defs>{}</svg>",
        l.height, svg.0
    )
}

/// The link pressed (or chosen with Enter or Space) in the picture.
fn pressed_edge(target: Option<web_sys::EventTarget>) -> Option<(String, (Service, Service))> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    let edge = element.closest("[data-edge]").ok()??;
    let name = edge.get_attribute("data-edge")?;
    let parsed = edge_from_name(&name)?;
    Some((name, parsed))
}

/// Loosens the link if it is tight, tightens it if loosened.
pub fn toggle(service: Service, consumer: Service) {
    let on =
        !super::url::shared().with_untracked(|s| s.cascade.loosened.contains(&(service, consumer)));
    super::controls_panel::apply(Move::Coupling(service, consumer, on));
}

/// The picture in the page: redrawn with every what-if; a press on a link
/// (or Enter or Space on it) toggles it, and the keyboard's place is kept
/// across the redraw.
#[component]
pub fn DependencyGraph(
    lang: Signal<Lang>,
    scenario: Memo<CascadeScenario>,
    impact: Signal<Impact>,
) -> impl IntoView {
    let drawn = Memo::new(move |_| {
        let lang = lang.get();
        scenario.with(|s| impact.with(|i| markup(lang, s, i)))
    });
    // The link whose focus a redraw must give back.
    let refocus = StoredValue::new(None::<String>);
    let picture = NodeRef::<leptos::html::Div>::new();
    // Gives the focus back to the link named `refocus`, once the redraw
    // shows its new state; true when done.
    let give_back = move || -> bool {
        let (Some(name), Some(div)) = (refocus.get_value(), picture.get_untracked()) else {
            return true;
        };
        let selector = format!("[data-edge=\"{name}\"]");
        let Ok(Some(el)) = div.query_selector(&selector) else {
            return false;
        };
        // An SVG element: `focus` is called on it as on any element.
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        let wanted = edge_from_name(&name).map(|(a, b)| {
            super::url::shared()
                .with_untracked(|s| s.cascade.loosened.contains(&(a, b)))
                .to_string()
        });
        let shown = el.get_attribute("aria-pressed") == wanted;
        if shown {
            refocus.set_value(None);
        }
        shown
    };
    Effect::new(move |_| {
        drawn.track();
        if refocus.with_value(Option::is_none) {
            return;
        }
        // At once if the picture is already redrawn, else after the frame.
        if !give_back() {
            request_animation_frame(move || {
                give_back();
            });
        }
    });
    let press = move |target: Option<web_sys::EventTarget>, keyboard: bool| -> bool {
        let Some((name, (service, consumer))) = pressed_edge(target) else {
            return false;
        };
        refocus.set_value(keyboard.then_some(name));
        toggle(service, consumer);
        true
    };
    let t = move |k: Key| move || lang.get().text(k);
    let left_out = move || {
        let lang = lang.get();
        let names: Vec<&str> = LEFT_OUT
            .iter()
            .map(|&s| lang.text(service_key(s)))
            .collect();
        let services = match (lang, names.split_last()) {
            (Lang::Ja, _) => names.join("、"),
            (_, Some((last, rest))) if !rest.is_empty() => {
                format!("{} and {last}", rest.join(", "))
            }
            _ => names.join(", "),
        };
        lang.message(&msg::PcGraphLeftOut {
            services: &services,
        })
    };
    view! {
        <figure class="scene graph-scene" id="pc-graph" tabindex="-1">
            <p class="chart-title" id="pc-graph-title">{t(Key::PcGraph)}</p>
            <p class="graph-how">{t(Key::PcGraphHow)}</p>
            <div
                class="graph-picture"
                node_ref=picture
                inner_html=move || drawn.get()
                on:click=move |e: web_sys::MouseEvent| {
                    press(e.target(), e.detail() == 0);
                }
                on:keydown=move |e: web_sys::KeyboardEvent| {
                    let key = e.key();
                    if (key == "Enter" || key == " ") && press(e.target(), true) {
                        e.prevent_default();
                    }
                }
            ></div>
            <figcaption>
                <span class="mark mark-i">{t(Key::MarkI)}</span>
                " "
                <small class="scene-note">{t(Key::PcGraphHelp)} " " {left_out}</small>
            </figcaption>
        </figure>
    }
}

/// The graph in words: each box with its outcome and what it needs, every
/// coupling of the engine a toggle button (the picture's links and those of
/// the services it leaves out).
#[component]
pub fn GraphList(
    lang: Signal<Lang>,
    scenario: Memo<CascadeScenario>,
    impact: Signal<Impact>,
) -> impl IntoView {
    let all = loosenable(&dependencies(&CascadeScenario::default()));
    let mut nodes: Vec<Node> = LAYERS
        .iter()
        .flat_map(|row| row.iter().map(|&(_, n)| n))
        .collect();
    nodes.extend(LEFT_OUT.iter().map(|&s| Node::Svc(s)));
    let items = nodes
        .into_iter()
        .map(|node| {
            let sentence = move || {
                let lang = lang.get();
                scenario
                    .with(|s| impact.with(|i| outcome_sentence(lang, node, outcome(node, s, i))))
            };
            let state =
                move || scenario.with(|s| impact.with(|i| outcome(node, s, i).state.code()));
            let needs: Vec<Dependency> = all
                .iter()
                .filter(|d| Node::Svc(d.consumer) == node)
                .copied()
                .collect();
            let buttons = (!needs.is_empty()).then(|| {
                let list = needs
                    .into_iter()
                    .map(|d| {
                        let (service, consumer) = (d.service, d.consumer);
                        let loosened =
                            move || scenario.with(|s| s.loosened.contains(&(service, consumer)));
                        view! {
                            <button
                                type="button"
                                class="dep"
                                data-edge=edge_name(service, consumer)
                                aria-pressed=move || loosened().to_string()
                                aria-label=move || edge_label(lang.get(), service, consumer)
                                on:click=move |_| toggle(service, consumer)
                            >
                                {move || lang.get().text(service_key(service))}
                                {move || loosened().then(|| {
                                    format!(" ({})", lang.get().text(Key::PcGraphLoosened))
                                })}
                            </button>
                        }
                    })
                    .collect_view();
                view! {
                    <span class="needs">{move || lang.get().text(Key::PcGraphRelies)}</span>
                    " "
                    {list}
                }
            });
            view! {
                <li data-service=node.name()>
                    <span class=move || format!("swatch {}", state()) aria-hidden="true"></span>
                    {sentence}
                    {buttons.map(|b| view! { <br /> {b} })}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="graph-list" id="pc-graph-list">
            <summary>{move || lang.get().text(Key::PcGraphList)}</summary>
            <ul>{items}</ul>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::cascade::{CascadePreset, impacts, simulate};

    fn night(s: &CascadeScenario) -> Impact {
        impacts(&simulate(s).expect("valid"))
    }

    #[test]
    fn japanese_and_english_labels_wrap_where_a_reader_would_break_them() {
        assert_eq!(
            wrap("EC2のネットワーク設定係", 140),
            ["EC2のネットワーク", "設定係"]
        );
        assert_eq!(
            wrap("NLB（ロードバランサー）", 140),
            ["NLB", "（ロードバランサー）"]
        );
        assert_eq!(wrap("Shop (example)", 90), ["Shop", "(example)"]);
        assert_eq!(wrap("DynamoDB", 90), ["DynamoDB"]);
        for lang in [Lang::Ja, Lang::En] {
            for s in Service::ALL {
                for max in [60, 91, 140] {
                    let lines = wrap(lang.text(service_key(s)), max);
                    assert_eq!(
                        lines.concat().replace(' ', ""),
                        lang.text(service_key(s)).replace(' ', "")
                    );
                    assert!(lines.iter().all(|l| !l.is_empty()));
                }
            }
        }
    }

    /// Every box is inside the picture and apart from the others, every
    /// text line fits its box, every port sits on its consumer's top and
    /// ports are far enough apart to press on a phone; each link the
    /// picture draws is a coupling of the engine, and every coupling
    /// between two drawn services is drawn.
    #[test]
    fn the_layers_fit_and_every_drawn_coupling_has_a_port() {
        let s = CascadePreset::AsItHappened.scenario();
        let impact = night(&s);
        for lang in [Lang::Ja, Lang::En] {
            let l = layout(lang, &s, &impact);
            for (i, a) in l.boxes.iter().enumerate() {
                assert!(a.x >= 0 && a.x + a.w <= W && a.y >= 0 && a.y + a.h <= l.height);
                for b in &l.boxes[i + 1..] {
                    let apart = a.x + a.w <= b.x
                        || b.x + b.w <= a.x
                        || a.y + a.h <= b.y
                        || b.y + b.h <= a.y;
                    assert!(apart, "{:?} {:?}", a.node, b.node);
                }
                for line in a.label.iter().chain(&a.state) {
                    assert!(
                        text_width(line) <= a.w - 2 * PAD_X + 1,
                        "{lang:?} {line} in {:?}",
                        a.node
                    );
                }
                let lines = (a.label.len() + a.state.len()) as i32;
                assert!(8 + LINE_H * lines <= a.h);
            }
            let drawn: Vec<(Service, Service)> = l
                .wires
                .iter()
                .map(|w| (w.dep.service, w.dep.consumer))
                .collect();
            let in_picture = |s: Service| l.boxes.iter().any(|b| b.node == Node::Svc(s));
            for d in loosenable(&dependencies(&s)) {
                assert_eq!(
                    drawn.contains(&(d.service, d.consumer)),
                    in_picture(d.service) && in_picture(d.consumer),
                    "{d:?}"
                );
            }
            assert!(drawn.len() >= 16, "{}", drawn.len());
            for w in &l.wires {
                let c = l
                    .boxes
                    .iter()
                    .find(|b| b.node == Node::Svc(w.dep.consumer))
                    .expect("consumer drawn");
                let s = l
                    .boxes
                    .iter()
                    .find(|b| b.node == Node::Svc(w.dep.service))
                    .expect("source drawn");
                assert_eq!(w.port.1, c.y);
                assert!(w.port.0 > c.x && w.port.0 < c.x + c.w);
                assert!(s.layer < c.layer, "lines run down: {:?}", w.dep);
                for v in l.wires.iter().filter(|v| v.dep.consumer == w.dep.consumer) {
                    if v.dep.service != w.dep.service {
                        assert!((v.port.0 - w.port.0).abs() >= 2 * PORT_HIT_R - 2);
                    }
                }
            }
            // The layers: address book, DynamoDB, then EC2's parts, the load
            // balancers, the services, the example services last.
            let layer = |n: Node| l.boxes.iter().find(|b| b.node == n).map(|b| b.layer);
            assert_eq!(layer(Node::Dns), Some(0));
            assert_eq!(layer(Node::Svc(Service::DynamoDb)), Some(1));
            assert_eq!(layer(Node::Svc(Service::Dwfm)), Some(2));
            assert_eq!(layer(Node::Svc(Service::Nlb)), Some(3));
            assert_eq!(layer(Node::Svc(Service::Shop)), Some(5));
        }
    }

    /// The boxes say what the engine says: loosening a link changes the
    /// consumer's box (DynamoDB's link to Lambda: down becomes degraded),
    /// and the markup marks the link pressed.
    #[test]
    fn a_loosened_link_changes_its_consumers_box_as_the_engine_says() {
        let record = CascadePreset::AsItHappened.scenario();
        let mut loose = record.clone();
        loose.loosened.push((Service::DynamoDb, Service::Lambda));
        let (a, b) = (night(&record), night(&loose));
        let lambda = Node::Svc(Service::Lambda);
        assert_eq!(outcome(lambda, &record, &a).state, BoxState::Down);
        assert_eq!(outcome(lambda, &loose, &b).state, BoxState::Degraded);
        let m = markup(Lang::En, &loose, &b);
        assert!(m.contains("data-service=\"lambda\" data-state=\"degraded\""));
        assert!(m.contains(
            "class=\"edge loosened\" role=\"button\" tabindex=\"0\" aria-pressed=\"true\" aria-label=\"Loosen: Lambda needs DynamoDB\" data-edge=\"dynamodb>lambda\""
        ));
        assert!(
            markup(Lang::En, &record, &a)
                .contains("aria-label=\"Shop (example): down for 3 h 14 min in all\"")
        );
        // The address book's box: blank until the repair.
        let dns = outcome(Node::Dns, &record, &a);
        assert_eq!((dns.state, dns.minutes), (BoxState::Blank, Some(157)));
    }

    #[test]
    fn link_names_round_trip() {
        for d in loosenable(&dependencies(&CascadeScenario::default())) {
            assert_eq!(
                edge_from_name(&edge_name(d.service, d.consumer)),
                Some((d.service, d.consumer))
            );
        }
        assert_eq!(edge_from_name("dynamodb>nowhere"), None);
        assert_eq!(edge_from_name("nonsense"), None);
    }

    /// Writes the picture in both languages for a look in a browser:
    /// `SHOW_GRAPH=/tmp/graph cargo test -q --lib show_the_graph`.
    #[test]
    fn show_the_graph() {
        let Ok(dir) = std::env::var("SHOW_GRAPH") else {
            return;
        };
        let s = CascadePreset::AsItHappened.scenario();
        let impact = night(&s);
        for lang in [Lang::Ja, Lang::En] {
            let page = format!(
                "<!doctype html><meta charset=utf-8><link rel=stylesheet href=\"style.css\"><div style=\"width:345px\">{}</div>",
                markup(lang, &s, &impact)
            );
            std::fs::write(format!("{dir}-{lang:?}.html"), page).expect("write");
        }
    }
}
