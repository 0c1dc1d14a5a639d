//! The link codec: decoding is total, links round-trip, old links migrate.

use dns_race_explainer::controls::{
    CASCADE_PRESETS, DEPLOYMENT_FLAGS, KNOBS, Move, PLACEMENTS, READERS, RaceChallenge, SWITCHES,
};
use dns_race_explainer::engine::cascade::Service;
use dns_race_explainer::engine::cascade::clock::END;
use dns_race_explainer::engine::cascade::scenario::{Deployment, OperatorActions, Placement};
use dns_race_explainer::engine::race::Fix;
use dns_race_explainer::i18n::Lang;
use dns_race_explainer::share::*;
use dns_race_explainer::story::chapters::{CHAPTERS, Position};
use dns_race_explainer::time::ZoneChoice;
use proptest::prelude::*;

fn assert_valid(s: &ViewState) {
    assert!(s.race.validate().is_ok(), "{:?}", s.race.validate());
    assert!(s.cascade.validate().is_ok(), "{:?}", s.cascade.validate());
    let p = s.position;
    assert_eq!(Position::clamped(p.chapter, p.beat), p);
    if let Some(Embed::Chapter(c)) = s.embed {
        assert!(c < CHAPTERS.len());
    }
    assert!(s.race_event.is_none_or(|e| e <= MAX_RACE_EVENT));
    let mut sorted = s.cascade.loosened.clone();
    normalise_loosened(&mut sorted);
    assert_eq!(sorted, s.cascade.loosened);
}

#[test]
fn an_empty_address_is_the_default_view_and_encodes_to_version_and_language() {
    let d = decode("");
    assert_eq!(d.state, ViewState::default());
    assert!(d.notes.is_empty());
    assert_eq!(d.version, 1);
    assert_eq!(encode(&d.state), "v=2&lang=ja");
}

#[test]
fn version_one_links_open_the_same_beat() {
    // Links from before the schema had no `v`.
    let d = decode("?lang=en&ch=4&beat=2&detail=engineer");
    assert_eq!(d.version, 1);
    assert!(d.notes.is_empty(), "{:?}", d.notes);
    assert_eq!(d.state.lang, Lang::En);
    assert_eq!(
        d.state.position,
        Position {
            chapter: 3,
            beat: 1
        }
    );
    assert_eq!(d.state.detail, Detail::Engineer);
    let d = decode("view=playground&lang=ja");
    assert_eq!(d.state.page, Page::Playground);
    let d = decode("view=sources&lang=en");
    assert_eq!(d.state.page, Page::Sources);
    assert_eq!(encode(&d.state), "v=2&lang=en&view=sources");
}

#[test]
fn the_time_zone_travels_in_the_link() {
    // Absent: times follow the language.
    assert_eq!(decode("v=2&lang=en").state.zone, None);
    for z in ZoneChoice::ALL {
        let q = format!("v=2&lang=ja&tz={}", z.code());
        let d = decode(&q);
        assert!(d.notes.is_empty(), "{:?}", d.notes);
        assert_eq!(d.state.zone, Some(z));
        assert_eq!(encode(&d.state), q);
    }
    // A choice equal to the language's default still sticks.
    let s = ViewState {
        lang: Lang::En,
        zone: Some(ZoneChoice::Pdt),
        ..ViewState::default()
    };
    assert_eq!(encode(&s), "v=2&lang=en&tz=pdt");
    // Case is forgiven; a bad value falls back to the language's zone, noted.
    assert_eq!(decode("tz=UTC").state.zone, Some(ZoneChoice::Utc));
    let d = decode("v=2&lang=en&tz=est");
    assert_eq!(d.state.zone, None);
    assert_eq!(d.notes.len(), 1, "{:?}", d.notes);
    assert!(d.notes[0].contains("tz="));
}

#[test]
fn a_full_link_reads_every_knob() {
    let q = "v=2&lang=en&embed=ch3&detail=engineer&ch=3&beat=2&ev=17&t=300\
             &fix=recheck.fair&slow=12000&for=45000&plan=3000&cleanup=20&seed=99\
             &dns=120&dwfm=1&nlbv=1&neg=0&negttl=30&posttl=5\
             &loose=lambda%3Econnect.dynamodb%3Elambda&shop=region.fallback.monitoring&biz=cloud";
    let d = decode(q);
    assert!(d.notes.is_empty(), "{:?}", d.notes);
    let s = &d.state;
    assert_eq!(s.embed, Some(Embed::Chapter(2)));
    assert_eq!((s.race_event, s.minute), (Some(17), Some(300)));
    assert!(s.race.fixes.recheck_at_write && s.race.fixes.fair_backoff);
    assert!(!s.race.fixes.fewer_plans);
    assert_eq!(
        (
            s.race.slow_extra_ms,
            s.race.slow_for_ms,
            s.race.planner_interval_ms
        ),
        (12_000, 45_000, 3_000)
    );
    assert_eq!(
        (s.race.cleanup_threshold_generations, s.race.seed),
        (20, 99)
    );
    assert_eq!(
        s.cascade.actions,
        OperatorActions::AS_IT_HAPPENED.with_dns_restored_at(120)
    );
    let l = s.cascade.levers;
    assert!(l.dwfm_queue_throttling && l.nlb_velocity_control && !l.negative_caching);
    assert_eq!((l.negative_ttl_min, l.positive_ttl_min), (30, 5));
    // Sorted by service: DynamoDB before Lambda.
    assert_eq!(
        s.cascade.loosened,
        vec![
            (Service::DynamoDb, Service::Lambda),
            (Service::Lambda, Service::Connect)
        ]
    );
    assert_eq!(
        s.cascade.shop,
        Deployment {
            placement: Placement::MultiRegion,
            fallback: true,
            monitoring: true
        }
    );
    assert_eq!(s.cascade.business.placement, Placement::MultiCloud);
    assert_eq!(s.cascade.app, Deployment::default());
    assert_eq!(decode(&encode(s)).state, *s);
}

#[test]
fn bad_parts_fall_back_with_one_note_each() {
    let d = decode(
        "?v=banana&lang=xx&ch=99&beat=0&slow=-5&plan=999999999999999999999&embed=ch0&fix=recheck.magic&shop=moon&utm_source=x&lang=en",
    );
    let s = &d.state;
    assert_valid(s);
    assert_eq!(s.lang, Lang::Ja, "the first lang wins, and it is unknown");
    assert_eq!(s.position.chapter, CHAPTERS.len() - 1);
    assert_eq!(s.race.planner_interval_ms, PLANNER_MS.max);
    assert_eq!(s.embed, Some(Embed::Chapter(0)));
    assert!(s.race.fixes.recheck_at_write);
    // v, lang, lang (again), ch/beat, slow, plan, embed, magic, shop, utm_source.
    assert_eq!(d.notes.len(), 10, "{:#?}", d.notes);
}

#[test]
fn newer_links_are_read_as_far_as_this_page_understands() {
    let d = decode("v=9&lang=en&ch=2&hologram=on");
    assert_eq!(d.state.lang, Lang::En);
    assert_eq!(d.state.position.chapter, 1);
    assert_eq!(d.notes.len(), 2);
}

/// One move a reader can make in the playground, drawn from the controls'
/// own tables: sliders at any of their steps (ends included) or pushed
/// past them, every switch, placement, flag, preset, counterexample,
/// experiment.
fn a_move() -> impl Strategy<Value = Move> {
    let knob = (0..KNOBS.len(), any::<u32>(), 0u8..4).prop_map(|(i, n, how)| {
        let knob = &KNOBS[i];
        let r = knob.range;
        let value = match how {
            0 => r.min,
            1 => r.max,
            2 => n,
            _ => r.min + (n % ((r.max - r.min) / r.step + 1)) * r.step,
        };
        Move::Knob(knob, value)
    });
    let service = prop::sample::select(Service::ALL.to_vec());
    prop_oneof![
        3 => knob,
        3 => (0..SWITCHES.len(), any::<bool>()).prop_map(|(i, on)| Move::Switch(&SWITCHES[i], on)),
        1 => (0..READERS.len(), 0..PLACEMENTS.len())
            .prop_map(|(r, p)| Move::Placement(&READERS[r], PLACEMENTS[p].1)),
        1 => (0..READERS.len(), 0..DEPLOYMENT_FLAGS.len(), any::<bool>())
            .prop_map(|(r, f, on)| Move::DeploymentFlag(&READERS[r], &DEPLOYMENT_FLAGS[f], on)),
        1 => (0..CASCADE_PRESETS.len()).prop_map(|i| Move::CascadePreset(CASCADE_PRESETS[i].0)),
        1 => (service.clone(), service, any::<bool>()).prop_map(|(a, b, on)| Move::Coupling(a, b, on)),
        1 => prop::sample::select(Fix::ALL.to_vec()).prop_map(|f| Move::ShowFailing(f.preset().scenario())),
        1 => Just(Move::AnotherDay),
        1 => prop::sample::select(RaceChallenge::ALL.to_vec()).prop_map(Move::Challenge),
    ]
}

/// Every state a reader can reach: any view, then any sequence of moves
/// through the playground's own controls.
fn state_strategy() -> impl Strategy<Value = ViewState> {
    let view = (
        prop::sample::select(vec![Lang::Ja, Lang::En]),
        any::<bool>(),
        prop::sample::select(vec![Page::Story, Page::Playground, Page::Sources]),
        prop::option::of(prop_oneof![
            Just(Embed::Race),
            Just(Embed::Cascade),
            Just(Embed::Timeline),
            Just(Embed::Playground),
            (0..CHAPTERS.len()).prop_map(Embed::Chapter),
        ]),
        (0usize..20, 0usize..20),
        prop::option::of(0..=MAX_RACE_EVENT),
        prop::option::of(0..=END),
        prop::option::of(prop::sample::select(ZoneChoice::ALL.to_vec())),
        0..3u8,
    );
    (view, prop::collection::vec(a_move(), 0..24)).prop_map(|(v, moves)| {
        let mut s = ViewState::default();
        (s.lang, s.embed) = (v.0, v.3);
        s.detail = if v.1 { Detail::Engineer } else { Detail::Story };
        s.page = v.2;
        s.position = Position::clamped(v.4.0, v.4.1);
        (s.race_event, s.minute, s.zone) = (v.5, v.6, v.7);
        // Off, the audience's window, or the speaker's.
        (s.present, s.speaker) = match v.8 {
            0 => (false, false),
            1 => (true, false),
            _ => (true, true),
        };
        for m in moves {
            m.apply(&mut s);
        }
        s
    })
}

/// Query strings built from the codec's own keys and values, mangled.
fn adversarial_query() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "v", "lang", "tz", "detail", "view", "embed", "ch", "beat", "ev", "t", "fix", "slow",
        "for", "plan", "cleanup", "seed", "dns", "prop", "dwfm", "nlbv", "neg", "negttl", "posttl",
        "loose", "shop", "app", "biz", "present", "", "%", "=", "&&",
    ]);
    let value = prop_oneof![
        "[0-9]{0,25}",
        "-?[0-9]{1,6}",
        "(jst|pdt|UTC|local|est|utc\\+9)",
        "(ja|en|EN|ja-JP|xx|engineer|story|playground|race|cascade|timeline|ch[0-9]{1,3})",
        "(recheck|spare|tolerate|fewer|fair|magic)([.,](recheck|spare|tolerate|fewer|fair|magic)){0,4}",
        "(dynamodb|lambda|sts|shop|nope)(>|%3E|%3e)(lambda|connect|shop|dynamodb)",
        "(us|region|cloud|moon)(\\.(fallback|monitoring|x)){0,3}",
        "(%[0-9A-Fa-f]{0,2}|%|\\+|=|&|#|\\?|\u{0}|\u{fffd}|日本語|🙂){0,6}",
        any::<String>(),
    ];
    prop::collection::vec((key, value), 0..12).prop_map(|pairs| {
        let parts: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("?{}", parts.join("&"))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn a_slider_moved_away_and_back_is_where_it_started(
        s in state_strategy(),
        i in 0..KNOBS.len(),
        there in any::<u32>(),
    ) {
        let knob = &KNOBS[i];
        let mut moved = s.clone();
        Move::Knob(knob, there).apply(&mut moved);
        Move::Knob(knob, (knob.get)(&s)).apply(&mut moved);
        prop_assert_eq!(moved, s);
    }

    #[test]
    fn every_reachable_state_round_trips(s in state_strategy()) {
        let q = encode(&s);
        let d = decode(&q);
        prop_assert!(d.notes.is_empty(), "{q} -> {:?}", d.notes);
        prop_assert_eq!(d.version, SCHEMA_VERSION);
        prop_assert_eq!(&d.state, &s);
        prop_assert_eq!(encode(&d.state), q);
    }

    #[test]
    fn any_string_decodes_to_a_valid_state(q in any::<String>()) {
        let d = decode(&q);
        assert_valid(&d.state);
        let again = decode(&encode(&d.state));
        prop_assert!(again.notes.is_empty(), "{:?}", again.notes);
        prop_assert_eq!(again.state, d.state);
    }

    #[test]
    fn mangled_links_decode_to_a_valid_state(q in adversarial_query()) {
        let d = decode(&q);
        assert_valid(&d.state);
        let again = decode(&encode(&d.state));
        prop_assert!(again.notes.is_empty(), "{:?}", again.notes);
        prop_assert_eq!(again.state, d.state);
    }
}

/// A state a reader might be in: deep in the story, a scene cursor moved,
/// playground levers set, in English with the engineer's notes.
fn busy_state() -> ViewState {
    let q = "v=2&lang=en&tz=utc&detail=engineer&ch=4&beat=3&ev=120&t=300&fix=recheck&slow=20000&neg=0&shop=region";
    let d = decode(q);
    assert!(d.notes.is_empty(), "{:?}", d.notes);
    d.state
}

#[test]
fn moving_to_a_beat_starts_its_scene_at_its_own_moment() {
    let mut s = busy_state();
    let target = Position::clamped(6, 0);
    s.go_to(target);
    assert_eq!(s.position, target);
    assert_eq!((s.race_event, s.minute), (None, None));
    let reopened = decode(&encode(&s)).state;
    assert_eq!(reopened, s);
    assert!(!encode(&s).contains("ev="), "{}", encode(&s));
}

#[test]
fn the_links_between_pages_keep_the_readers_settings_and_drop_the_cursors() {
    let s = busy_state();
    for page in [Page::Story, Page::Playground, Page::Sources] {
        let link = s.opening_page(page);
        assert_eq!(link.page, page);
        assert_eq!((link.race_event, link.minute), (None, None));
        assert_eq!(
            (link.lang, link.zone, link.detail),
            (s.lang, s.zone, s.detail)
        );
        assert_eq!(
            (link.race, &link.cascade),
            (s.race, &s.cascade),
            "the playground travels"
        );
        assert_eq!(decode(&encode(&link)).state, link);
    }
    // The summary's links into the story: a full page at that beat.
    let mut embedded = s.clone();
    embedded.embed = Some(Embed::Chapter(9));
    let beat = embedded.opening_beat(Position::clamped(4, 0));
    assert_eq!((beat.embed, beat.page), (None, Page::Story));
    assert_eq!(beat.position, Position::clamped(4, 0));
    assert_eq!((beat.race_event, beat.minute), (None, None));
}

#[test]
fn an_embedded_scene_opens_the_full_page_at_what_it_shows() {
    let mut s = busy_state();
    s.embed = Some(Embed::Playground);
    let full = s.opening_full();
    assert_eq!((full.embed, full.page), (None, Page::Playground));
    s.embed = Some(Embed::Chapter(3));
    let full = s.opening_full();
    assert_eq!(
        (full.embed, full.page, full.position),
        (None, Page::Story, s.position)
    );
    assert_eq!(decode(&encode(&full)).state, full);
}

#[test]
fn the_detail_switch_flips_and_travels() {
    let mut s = ViewState::default();
    s.toggle_detail();
    assert_eq!(s.detail, Detail::Engineer);
    assert!(encode(&s).contains("detail=engineer"));
    s.toggle_detail();
    assert_eq!(s, ViewState::default());
}

#[test]
fn presenter_mode_travels_in_the_link() {
    let d = decode("v=2&lang=en&present=1&ch=4&beat=4");
    assert!(d.notes.is_empty(), "{:?}", d.notes);
    assert!(d.state.present);
    assert_eq!(encode(&d.state), "v=2&lang=en&present=1&ch=4&beat=4");
    // Off is the default and is not written; a bad value is set aside, noted.
    assert!(!decode("v=2&lang=en&present=0").state.present);
    assert_eq!(
        encode(&decode("v=2&lang=en&present=0").state),
        "v=2&lang=en"
    );
    let bad = decode("v=2&present=maybe");
    assert!(!bad.state.present);
    assert_eq!(bad.notes.len(), 1, "{:?}", bad.notes);
    // The speaker's window: presenter mode with notes.
    let notes = decode("v=2&lang=en&present=notes&ch=4");
    assert!(notes.notes.is_empty(), "{:?}", notes.notes);
    assert!(notes.state.present && notes.state.speaker);
    assert_eq!(
        encode(&notes.state),
        "v=2&lang=en&present=notes&ch=4&beat=1"
    );
    assert!(decode("present=NOTES").state.speaker);
    assert!(!decode("present=1").state.speaker);
}
