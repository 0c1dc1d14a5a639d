//! Native tests of the race engine's answers to a reader's questions
//! (`engine::race::explain`) and of replaying a run to an event: the chain
//! behind the first empty record, the race's key moments, and the worlds
//! after given events, on the story's run and on random scenarios.

use dns_race_engine::race::explain::{CALM_MARGIN_MS, STUCK_AFTER_FAILED_FLIPS};
use dns_race_engine::race::model::World;
use dns_race_engine::race::run::{Flow, simulate};
use dns_race_engine::race::{
    Backoffs, EnactorId, Preset, RaceEvent, RaceRun, RaceScenario, run, worlds_after_events,
};
use proptest::prelude::*;

fn as_it_happened() -> RaceRun {
    run(&Preset::AsItHappened.scenario()).expect("the preset is valid")
}

/// The world after event `index` the slow way: a replay from t = 0 that
/// stops there.
fn replayed(scenario: &RaceScenario, index: usize) -> World {
    let mut seen = 0usize;
    simulate(scenario, &mut |_, _| {
        seen += 1;
        if seen > index {
            Flow::Stop
        } else {
            Flow::Continue
        }
    })
}

#[test]
fn the_story_run_blanks_the_regional_page_after_a_stale_overwrite() {
    let r = as_it_happened();
    let chain = r.explain_first_empty().expect("the page goes blank");
    assert_eq!(chain.endpoint, World::REGIONAL);
    assert_eq!(chain.generation, 103);
    assert_eq!((chain.cleanup, chain.emptied), (253, 254));
    assert_eq!(
        r.summary.first_empty,
        Some((r.events[chain.emptied].at_ms, chain.endpoint))
    );
    let o = chain.overwrite.expect("a flip wrote plan 103");
    assert_eq!(o.enactor, EnactorId::A);
    assert_eq!((o.check, o.undone_flip, o.flip), (Some(50), Some(244), 252));
    // A lost the lock three times, waiting longer each time: 4.9 + 9.2 + 17.4 s.
    assert_eq!(
        chain.backoffs(),
        Some(Backoffs {
            enactor: EnactorId::A,
            count: 3,
            total_wait_ms: 4_933 + 9_205 + 17_413,
        })
    );
    assert_eq!(chain.check(), Some(50));
    assert_eq!(chain.indices(), [50, 244, 252, 253, 254]);
    // The undone flip was B's newer plan; the overwrite is stale.
    assert!(matches!(
        r.events[244].event,
        RaceEvent::Flipped {
            enactor: EnactorId::B,
            to: 114,
            ..
        }
    ));
    assert!(matches!(
        r.events[252].event,
        RaceEvent::Flipped {
            from: 114,
            to: 103,
            behind_newest: 11,
            ..
        }
    ));
}

#[test]
fn the_story_runs_moments_are_pinned() {
    let r = as_it_happened();
    let m = r.moments().expect("the story's run has every moment");
    let found = [
        m.calm,
        m.check,
        m.first_backoff,
        m.undone_flip,
        m.overwrite,
        m.emptied,
        m.stuck,
    ];
    // The indices the story's scenes have always opened at.
    assert_eq!(found, [27, 50, 53, 244, 252, 254, 278]);
    let chain = r.explain_first_empty().unwrap();
    assert_eq!(m.check, chain.check().unwrap());
    assert_eq!(m.emptied, chain.emptied);
    // The calm moment is well before A's check and before its delays.
    let quiet_until = r.events[m.check]
        .at_ms
        .min(u64::from(r.scenario.slow_from_ms));
    assert!(r.events[m.calm].at_ms + CALM_MARGIN_MS < quiet_until);
    assert!(r.events[m.calm + 1].at_ms + CALM_MARGIN_MS >= quiet_until);
    let failed = r.events[m.emptied..=m.stuck]
        .iter()
        .filter(|e| matches!(e.event, RaceEvent::FlipFailedRollbackMissing { .. }))
        .count();
    assert_eq!(failed, STUCK_AFTER_FAILED_FLIPS);
}

#[test]
fn runs_that_keep_their_pages_have_no_chain_and_no_moments() {
    for preset in [
        Preset::RecheckAtWrite,
        Preset::CleanupSparesInUse,
        Preset::AllFixes,
    ] {
        let r = run(&preset.scenario()).unwrap();
        assert_eq!(r.summary.first_empty, None, "{}", preset.name());
        assert_eq!(r.explain_first_empty(), None);
        assert_eq!(r.moments(), None);
    }
}

#[test]
fn a_healing_run_explains_its_blank_page_but_never_gets_stuck() {
    let r = run(&Preset::RollbackToleratesMissing.scenario()).unwrap();
    let chain = r
        .explain_first_empty()
        .expect("the record still goes empty");
    assert!(chain.overwrite.is_some_and(|o| o.check.is_some()));
    // No flip fails for want of its rollback tree, so there is no stuck moment.
    assert_eq!(r.moments(), None);
}

#[test]
fn the_worlds_after_events_are_the_replayed_ones() {
    let r = as_it_happened();
    let s = r.scenario;
    let last = r.events.len() - 1;
    let indices = [
        0,
        1,
        27,
        50,
        53,
        244,
        252,
        253,
        254,
        278,
        last,
        last + 1,
        10_000,
    ];
    let worlds = worlds_after_events(&s, &indices);
    assert_eq!(worlds.len(), indices.len());
    for (&i, w) in indices.iter().zip(&worlds) {
        assert_eq!(*w, replayed(&s, i), "event {i}");
        assert_eq!(*w, r.world_after_event(i), "event {i}");
    }
    // Past the end of the trace: the run's final world.
    assert_eq!(worlds[worlds.len() - 1], r.world);
    // Repeated indices get the same world; none asked, none given.
    let twice = worlds_after_events(&s, &[254, 254]);
    assert_eq!(twice[0], twice[1]);
    assert!(worlds_after_events(&s, &[]).is_empty());
}

#[test]
#[should_panic(expected = "ascending")]
fn the_worlds_after_events_want_ascending_indices() {
    worlds_after_events(&RaceScenario::default(), &[5, 4]);
}

#[test]
fn the_slow_clerks_window_is_the_one_the_trace_shows() {
    // The slow Enactor's flips started inside its window take
    // `slow_extra_ms` longer; a scene asks the same question of a moment.
    let r = as_it_happened();
    let s = r.scenario;
    let at = |i: usize| r.events[i].at_ms;
    let m = r.moments().unwrap();
    assert_eq!(s.delayed_enactor_at(at(m.calm)), None);
    assert_eq!(
        s.delayed_enactor_at(at(m.overwrite)),
        None,
        "the delays are over by 71.7 s"
    );
    let window = u64::from(s.slow_from_ms)..u64::from(s.slow_from_ms + s.slow_for_ms);
    for e in &r.events {
        let expected = window.contains(&e.at_ms).then_some(EnactorId::A);
        assert_eq!(s.delayed_enactor_at(e.at_ms), expected);
    }
}

/// Scenarios near the story's, where records go empty more often (about one
/// in nine): no guard fix, a slow clerk (or none), varied delays,
/// thresholds, plans, endpoints, healing and repair.
fn racy_scenario() -> impl Strategy<Value = RaceScenario> {
    (
        (
            1u8..=3,
            1_000u32..6_000,
            5_000u32..30_000,
            0u32..30_000,
            10_000u32..90_000,
        ),
        (
            1u32..16,
            any::<bool>(),
            prop::option::of(0u32..60_000),
            any::<u64>(),
        ),
        0usize..4,
    )
        .prop_map(|(a, b, slow)| {
            let mut s = Preset::AsItHappened.scenario();
            s.endpoint_count = a.0;
            s.planner_interval_ms = a.1;
            (s.slow_extra_ms, s.slow_from_ms, s.slow_for_ms) = (a.2, a.3, a.4);
            s.cleanup_threshold_generations = b.0;
            s.fixes.rollback_tolerates_missing = b.1;
            s.operator_repair_after_ms = b.2;
            s.seed = b.3;
            s.slow_enactor = EnactorId::ALL.get(slow).copied();
            s.duration_ms = 120_000;
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Every part of the chain is the event it claims to be, and the chain
    /// agrees with the run's summary.
    #[test]
    fn the_chain_names_the_events_it_claims(s in racy_scenario()) {
        let r = run(&s).unwrap();
        let ev = &r.events;
        let Some(chain) = r.explain_first_empty() else {
            prop_assert_eq!(r.summary.first_empty, None);
            let any_empty = ev.iter().any(|e| matches!(e.event, RaceEvent::RecordEmptied { .. }));
            prop_assert!(!any_empty);
            return Ok(());
        };
        prop_assert_eq!(r.summary.first_empty, Some((ev[chain.emptied].at_ms, chain.endpoint)));
        let earlier_empty = ev[..chain.emptied]
            .iter()
            .any(|e| matches!(e.event, RaceEvent::RecordEmptied { .. }));
        prop_assert!(!earlier_empty);
        let is_emptied = matches!(ev[chain.emptied].event,
            RaceEvent::RecordEmptied { endpoint, generation, .. }
                if endpoint == chain.endpoint && generation == chain.generation);
        prop_assert!(is_emptied);
        prop_assert_eq!(chain.cleanup + 1, chain.emptied);
        let is_cleanup = matches!(ev[chain.cleanup].event, RaceEvent::TreesDeleted { .. });
        prop_assert!(is_cleanup);
        let indices = chain.indices();
        prop_assert!(indices.windows(2).all(|w| w[0] < w[1]));
        prop_assert_eq!(indices.last().copied(), Some(chain.emptied));
        let Some(o) = chain.overwrite else {
            let written = ev[..chain.emptied].iter().any(|e| matches!(e.event,
                RaceEvent::Flipped { endpoint, to, .. } if endpoint == chain.endpoint && to == chain.generation));
            prop_assert!(!written);
            return Ok(());
        };
        let is_flip = matches!(ev[o.flip].event,
            RaceEvent::Flipped { enactor, endpoint, to, .. }
                if enactor == o.enactor && endpoint == chain.endpoint && to == chain.generation);
        prop_assert!(is_flip);
        // It is the last such flip before the emptying.
        let rewritten = ev[o.flip + 1..chain.emptied].iter().any(|e| matches!(e.event,
            RaceEvent::Flipped { endpoint, to, .. } if endpoint == chain.endpoint && to == chain.generation));
        prop_assert!(!rewritten);
        if let Some(c) = o.check {
            let is_check = matches!(ev[c].event,
                RaceEvent::CheckPassed { enactor, plan, .. } if enactor == o.enactor && plan == chain.generation);
            prop_assert!(is_check);
            prop_assert_eq!(indices[0], c);
            let waits: Vec<u64> = ev[c..o.flip].iter().filter_map(|e| match e.event {
                RaceEvent::BackedOff { enactor, wait_ms, .. } if enactor == o.enactor => Some(wait_ms),
                _ => None,
            }).collect();
            let expected = (!waits.is_empty()).then(|| Backoffs {
                enactor: o.enactor,
                count: waits.len() as u32,
                total_wait_ms: waits.iter().sum(),
            });
            prop_assert_eq!(o.backoffs, expected);
        } else {
            prop_assert_eq!(o.backoffs, None);
        }
        if let Some(u) = o.undone_flip {
            let is_newer = matches!(ev[u].event,
                RaceEvent::Flipped { endpoint, to, .. } if endpoint == chain.endpoint && to > chain.generation);
            prop_assert!(is_newer);
            prop_assert!(u < o.flip);
        }
    }

    /// The moments come in story order and each is the event it names.
    #[test]
    fn the_moments_are_in_order_and_name_their_events(s in racy_scenario()) {
        let r = run(&s).unwrap();
        let Some(m) = r.moments() else { return Ok(()) };
        let chain = r.explain_first_empty().unwrap();
        let o = chain.overwrite.unwrap();
        prop_assert_eq!(Some(m.check), o.check);
        prop_assert_eq!(Some(m.undone_flip), o.undone_flip);
        prop_assert_eq!((m.overwrite, m.emptied), (o.flip, chain.emptied));
        prop_assert!(m.calm < m.check && m.check <= m.first_backoff);
        prop_assert!(m.check < m.undone_flip && m.undone_flip < m.overwrite);
        prop_assert!(m.overwrite < m.emptied && m.emptied < m.stuck);
        let is_backoff = matches!(r.events[m.first_backoff].event,
            RaceEvent::BackedOff { enactor, .. } if enactor == o.enactor);
        prop_assert!(is_backoff);
        let is_stuck = matches!(r.events[m.stuck].event, RaceEvent::FlipFailedRollbackMissing { .. });
        prop_assert!(is_stuck);
    }

    /// One pass gives the same worlds as replaying to each event.
    #[test]
    fn one_pass_gives_the_replayed_worlds(s in racy_scenario(), picks in prop::collection::vec(0usize..2_000, 0..6)) {
        let mut picks = picks;
        picks.sort_unstable();
        let worlds = worlds_after_events(&s, &picks);
        prop_assert_eq!(worlds.len(), picks.len());
        for (&i, w) in picks.iter().zip(&worlds) {
            prop_assert_eq!(w, &replayed(&s, i));
        }
    }
}
