//! Native tests of the race engine: the documented order, determinism, the
//! census's numbers, the estimate, the scheduler game, and properties over
//! random scenarios.

use dns_race_engine::race::census::{CensusConfig, Ending, census, replay};
use dns_race_engine::race::estimate::{
    EstimateConfig, READER_TRIALS, TrialEnd, estimate, trial_empties, trial_end, trial_scenario,
    truncated_trials_in, wilson_95,
};
use dns_race_engine::race::model::{EndpointId, Guards, World};
use dns_race_engine::race::scheduler::{MoveError, SchedulerGame};
use dns_race_engine::race::search::breaks;
use dns_race_engine::race::{
    Claim, EnactorId, Fix, Fixes, Preset, RaceEvent, RaceScenario, SearchSpace, TimedEvent, run,
    search_failing, trace_hash,
};
use proptest::prelude::*;

const REGIONAL: EndpointId = World::REGIONAL;

fn position(
    events: &[TimedEvent],
    from: usize,
    pred: impl Fn(&RaceEvent) -> bool,
) -> Option<usize> {
    events[from..]
        .iter()
        .position(|e| pred(&e.event))
        .map(|i| i + from)
}

#[test]
fn as_it_happened_follows_the_documented_order() {
    let r = run(&Preset::AsItHappened.scenario()).unwrap();
    let ev = &r.events;
    use EnactorId::{A, B};
    // 1. A picks up a plan and checks it once, just as its delays begin.
    let check = position(ev, 0, |e| {
        matches!(e, RaceEvent::CheckPassed { enactor: A, .. })
    })
    .unwrap();
    let mut check = check;
    while let Some(next) = position(ev, check + 1, |e| {
        matches!(e, RaceEvent::CheckPassed { enactor: A, .. })
    }) {
        if ev[next].at_ms > 20_000 {
            break;
        }
        check = next;
    }
    let RaceEvent::CheckPassed { plan: stale, .. } = ev[check].event else {
        unreachable!()
    };
    // 2. A loses the lock several times in a row, backing off longer each time.
    let overwrite = position(ev, check, |e| {
        matches!(e, RaceEvent::Flipped { enactor: A, endpoint, to, from, .. }
            if *endpoint == REGIONAL && *to == stale && *from > stale)
    })
    .expect("A overwrites the regional endpoint with its old plan");
    let backoffs: Vec<u64> = ev[check..overwrite]
        .iter()
        .filter_map(|e| match e.event {
            RaceEvent::BackedOff {
                enactor: A,
                wait_ms,
                ..
            } => Some(wait_ms),
            _ => None,
        })
        .collect();
    assert!(
        backoffs.len() >= 3,
        "A backs off several times: {backoffs:?}"
    );
    assert!(
        backoffs.windows(2).all(|w| w[1] > w[0]),
        "back-off grows: {backoffs:?}"
    );
    // 3. Meanwhile B applies much newer plans to every endpoint, and cleans up.
    let b_newer_flips = ev[check..overwrite]
        .iter()
        .filter(|e| matches!(e.event, RaceEvent::Flipped { enactor: B, to, .. } if to > stale + 5))
        .count();
    assert!(
        b_newer_flips >= 3,
        "B works through the endpoints with newer plans"
    );
    assert!(
        ev[check..overwrite]
            .iter()
            .any(|e| matches!(e.event, RaceEvent::TreesDeleted { enactor: B, .. })),
        "B cleans up old plans"
    );
    // 4. A's overwrite came from a check that had gone stale.
    let RaceEvent::Flipped { behind_newest, .. } = ev[overwrite].event else {
        unreachable!()
    };
    assert!(behind_newest > r.scenario.cleanup_threshold_generations);
    // 5. B's clean-up then deletes A's plan, now the active one: the record is empty.
    let deletion = position(ev, overwrite, |e| {
        matches!(e, RaceEvent::TreesDeleted { enactor: B, endpoint, oldest, newest, .. }
            if *endpoint == REGIONAL && *oldest <= stale && stale <= *newest)
    })
    .expect("B deletes the active tree");
    assert!(matches!(
        ev[deletion + 1].event,
        RaceEvent::RecordEmptied { endpoint: REGIONAL, deleted_by: B, generation } if generation == stale
    ));
    assert!(
        ev[deletion].at_ms - ev[overwrite].at_ms < 1_000,
        "at about the same moment"
    );
    // 6. Every later flip of that endpoint fails: the automation is stuck.
    let later_flips = &ev[deletion..];
    assert!(
        later_flips
            .iter()
            .filter(|e| matches!(
                e.event,
                RaceEvent::FlipFailedRollbackMissing {
                    endpoint: REGIONAL,
                    ..
                }
            ))
            .count()
            >= 10
    );
    assert!(!later_flips.iter().any(|e| matches!(
        e.event,
        RaceEvent::Flipped {
            endpoint: REGIONAL,
            ..
        } | RaceEvent::RecordHealed { .. }
    )));
    assert_eq!(r.summary.empty_at_end, vec![REGIONAL]);
    assert_eq!(
        r.world.endpoint_name(REGIONAL),
        "dynamodb.us-east-1.amazonaws.com"
    );
}

#[test]
fn same_seed_same_trace_other_seed_other_trace() {
    let s = Preset::AsItHappened.scenario();
    let (a, b) = (run(&s).unwrap(), run(&s).unwrap());
    assert_eq!(a.events, b.events);
    assert_eq!(trace_hash(&a.events), trace_hash(&b.events));
    let other = run(&RaceScenario {
        seed: s.seed + 1,
        ..s
    })
    .unwrap();
    assert_ne!(trace_hash(&a.events), trace_hash(&other.events));
}

/// The golden hashes the browser build must reproduce (e2e reads the same file).
#[test]
fn trace_hashes_match_the_golden_file() {
    let golden = include_str!("golden/race-hashes.txt");
    let mut checked = 0;
    for line in golden
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [preset, seed, hash] = parts[..] else {
            panic!("bad golden line {line:?}")
        };
        let mut s = Preset::from_name(preset).unwrap().scenario();
        s.seed = seed.parse().unwrap();
        let got = format!("{:016x}", trace_hash(&run(&s).unwrap().events));
        assert_eq!(got, hash, "{preset} seed {seed}");
        checked += 1;
    }
    assert!(checked >= 4);
}

#[test]
fn guard_presets_never_empty_the_record_and_tolerant_rollback_heals() {
    for preset in [
        Preset::RecheckAtWrite,
        Preset::CleanupSparesInUse,
        Preset::AllFixes,
    ] {
        for seed in 0..40 {
            let s = RaceScenario {
                seed,
                ..preset.scenario()
            };
            let r = run(&s).unwrap();
            assert_eq!(r.summary.first_empty, None, "{} seed {seed}", preset.name());
        }
    }
    let tolerant = run(&Preset::RollbackToleratesMissing.scenario()).unwrap();
    assert!(
        tolerant.summary.first_empty.is_some(),
        "the race still happens"
    );
    assert!(
        tolerant.summary.empty_at_end.is_empty(),
        "but the endpoint heals"
    );
    assert_eq!(tolerant.summary.failed_flips, 0);
    assert!(tolerant.events.iter().any(|e| matches!(
        e.event,
        RaceEvent::RecordHealed {
            endpoint: REGIONAL,
            ..
        }
    )));
}

#[test]
fn timing_fixes_keep_the_slow_enactor_closer_to_the_newest_plan() {
    let behind = |p: Preset| run(&p.scenario()).unwrap().summary.max_behind_newest;
    let base = behind(Preset::AsItHappened);
    assert!(base > 10, "{base}");
    assert!(
        behind(Preset::FairBackoff) <= 10,
        "{}",
        behind(Preset::FairBackoff)
    );
    assert!(
        behind(Preset::FewerPlans) <= 2,
        "{}",
        behind(Preset::FewerPlans)
    );
    for p in [Preset::FairBackoff, Preset::FewerPlans] {
        assert_eq!(
            run(&p.scenario()).unwrap().summary.first_empty,
            None,
            "{}",
            p.name()
        );
    }
}

#[test]
fn operator_repair_restores_the_record() {
    let s = RaceScenario {
        operator_repair_after_ms: Some(30_000),
        ..Preset::AsItHappened.scenario()
    };
    let r = run(&s).unwrap();
    let (emptied_at, _) = r.summary.first_empty.unwrap();
    let repair = r
        .events
        .iter()
        .find(|e| matches!(e.event, RaceEvent::OperatorRepaired { .. }))
        .unwrap();
    assert_eq!(repair.at_ms, emptied_at + 30_000);
    assert!(r.summary.empty_at_end.is_empty());
}

#[test]
fn census_counts_every_ordering() {
    // Two endpoints, the talk's made-up plans 110 and 146, threshold 10.
    // Once a record is empty every flip fails and ends its run (the stuck
    // state stops every Enactor), so orderings that differed only in what
    // came after the empty record are one: 943 orderings, not the 1 015 of
    // a model whose Enactors moved on.
    let c = census(&CensusConfig::default()).unwrap();
    assert_eq!(c.counts.orderings, 943);
    assert_eq!(c.counts.empty(), 327);
    assert_eq!(c.counts.empty_stuck, 327);
    assert_eq!(c.counts.healthy + c.counts.stale + c.counts.empty(), 943);
    assert_eq!(c.fewest_steps_to_empty, Some(9));
    assert_eq!(c.bad_examples.len(), 3);

    let three = census(&CensusConfig {
        endpoint_count: 3,
        ..CensusConfig::default()
    })
    .unwrap();
    assert_eq!(
        (three.counts.orderings, three.counts.empty()),
        (35_611, 11_249)
    );

    let one = census(&CensusConfig {
        endpoint_count: 1,
        ..CensusConfig::default()
    })
    .unwrap();
    assert_eq!((one.counts.orderings, one.counts.empty()), (31, 6));
}

#[test]
fn census_with_a_guard_finds_no_empty_ordering() {
    for endpoint_count in 1..=3 {
        let base = CensusConfig {
            endpoint_count,
            ..CensusConfig::default()
        };
        let unguarded = census(&base).unwrap().counts;
        for guards in [
            Guards {
                recheck_at_write: true,
                ..Guards::default()
            },
            Guards {
                cleanup_spares_in_use: true,
                ..Guards::default()
            },
        ] {
            let c = census(&CensusConfig { guards, ..base }).unwrap();
            // Guarded runs are never stopped by a stuck state: every
            // ordering runs to its end, so there are at least as many.
            assert!(c.counts.orderings >= unguarded.orderings);
            assert_eq!(c.counts.healthy + c.counts.stale, c.counts.orderings);
            assert_eq!(c.counts.empty(), 0, "{guards:?}");
            assert!(c.bad_examples.is_empty());
            assert_eq!(c.fewest_steps_to_empty, None);
        }
        let tolerant = census(&CensusConfig {
            guards: Guards {
                rollback_tolerates_missing: true,
                ..Guards::default()
            },
            ..base
        })
        .unwrap()
        .counts;
        // The same doors open (the first empty record comes before any
        // flip could fail), but every empty ordering now heals.
        assert_eq!(tolerant.empty_healed > 0, unguarded.empty() > 0);
        assert!(tolerant.empty_healed >= unguarded.empty());
        assert_eq!(tolerant.empty_stuck, 0);
        assert_eq!(unguarded.empty_healed, 0, "unguarded empties stay stuck");
    }
}

#[test]
fn a_small_gap_or_a_large_threshold_closes_the_door() {
    let narrow = CensusConfig {
        fresh_plan: 115,
        ..CensusConfig::default()
    };
    assert_eq!(census(&narrow).unwrap().counts.empty(), 0);
    let patient = CensusConfig {
        cleanup_threshold_generations: 40,
        ..CensusConfig::default()
    };
    assert_eq!(census(&patient).unwrap().counts.empty(), 0);
}

#[test]
fn bad_examples_replay_to_an_empty_record() {
    let config = CensusConfig::default();
    let c = census(&config).unwrap();
    for schedule in &c.bad_examples {
        let steps = replay(&config, schedule).expect("replayable");
        assert!(
            steps
                .iter()
                .flatten()
                .any(|e| matches!(e, RaceEvent::RecordEmptied { .. }))
        );
        let mut game = SchedulerGame::new(config);
        for &who in schedule {
            game.play(who).unwrap();
        }
        assert_eq!(game.ending(), Some(Ending::EmptyStuck));
    }
    assert_eq!(replay(&config, &[EnactorId::C]), None);
}

#[test]
fn the_reader_can_empty_the_record_by_hand_and_undo() {
    use EnactorId::{A, B};
    let mut game = SchedulerGame::new(CensusConfig::default());
    assert_eq!(game.movable(), vec![A, B]);
    assert_eq!(
        game.play(EnactorId::C),
        Err(MoveError::NotPlaying(EnactorId::C))
    );
    game.play(A).unwrap(); // A checks its old plan 110 while it is still fresh
    game.play(A).unwrap(); // A takes the regional lock
    game.play(B).unwrap(); // B checks 146
    assert_eq!(
        game.play(B),
        Err(MoveError::CannotMove(B)),
        "A holds the lock"
    );
    assert_eq!(game.movable(), vec![A]);
    assert!(game.undo() && game.undo());
    assert_eq!(game.moves(), &[A]);
    // The shortest way to the empty record: B goes first on the regional
    // endpoint, A overwrites it, B moves on and its clean-up deletes A's tree.
    let shortest = [B, B, B, A, A, B, B, B];
    for (i, &who) in shortest.iter().enumerate() {
        let events = game.play(who).unwrap();
        let last = i + 1 == shortest.len();
        assert_eq!(game.record_emptied(), last, "after move {}", i + 2);
        if last {
            assert!(
                events
                    .iter()
                    .any(|e| matches!(e, RaceEvent::RecordEmptied { deleted_by: B, .. }))
            );
        }
    }
    let c = census(game.config()).unwrap();
    assert_eq!(game.moves().len() as u32, c.fewest_steps_to_empty.unwrap());
    assert!(game.undo());
    assert!(!game.record_emptied(), "undo takes the deletion back");
    while let Some(&who) = game.movable().last() {
        game.play(who).unwrap();
    }
    assert!(game.ending().is_some());
}

#[test]
fn estimate_is_deterministic_and_ranks_the_fixes() {
    let config = EstimateConfig {
        trials: 3_000,
        ..EstimateConfig::default()
    };
    let base = estimate(&Preset::AsItHappened.scenario(), &config).unwrap();
    assert_eq!(
        base,
        estimate(&Preset::AsItHappened.scenario(), &config).unwrap()
    );
    assert!(base.empty_trials > 0);
    assert!(base.p_low <= base.p_empty && base.p_empty <= base.p_high);
    assert_eq!(base.plans_per_day, 17_280);
    // Two guards, and fewer plans (not a guard: at this setting its trials
    // never blank the page, at others they do).
    for preset in [
        Preset::RecheckAtWrite,
        Preset::CleanupSparesInUse,
        Preset::FewerPlans,
    ] {
        let e = estimate(&preset.scenario(), &config).unwrap();
        assert_eq!(e.empty_trials, 0, "{}", preset.name());
        assert!(e.p_high < base.p_empty, "{}", preset.name());
    }
    let fair = estimate(&Preset::FairBackoff.scenario(), &config).unwrap();
    assert!(
        fair.p_empty < base.p_empty / 2.0,
        "fair {} base {}",
        fair.p_empty,
        base.p_empty
    );
    let bad = EstimateConfig {
        trials: 0,
        ..config
    };
    assert_eq!(
        estimate(&Preset::AsItHappened.scenario(), &bad)
            .unwrap_err()
            .knob,
        "trials"
    );
}

#[test]
fn wilson_interval_is_sane() {
    let (lo, hi) = wilson_95(0, 100);
    assert!(lo < 1e-12);
    assert!(hi > 0.02 && hi < 0.05);
    let (lo, hi) = wilson_95(50, 100);
    assert!(lo < 0.5 && hi > 0.5 && hi - lo < 0.2);
}

#[test]
fn invalid_scenarios_are_refused_not_panicked_on() {
    let s = RaceScenario {
        endpoint_count: 9,
        ..RaceScenario::default()
    };
    assert_eq!(run(&s).unwrap_err().knob, "endpoint_count");
    assert!(run(&s.clamped()).is_ok());
    let bad = CensusConfig {
        fresh_plan: 100,
        ..CensusConfig::default()
    };
    assert!(census(&bad).is_err());
}

fn any_scenario() -> impl Strategy<Value = RaceScenario> {
    (
        (1u8..=3, 500u32..30_000, 1u32..400, 0u32..400, 100u32..5_000),
        (0u32..40_000, 0u32..60_000, 0u32..120_000, 100u32..20_000),
        (10u32..8_000, 0u32..70_000, 1u32..40, any::<u64>()),
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(|(a, b, c, f)| {
            let mut s = Preset::AsItHappened.scenario();
            (s.endpoint_count, s.planner_interval_ms, s.call_min_ms) = (a.0, a.1, a.2);
            (s.call_max_ms, s.enactor_poll_ms) = (a.2 + a.3, a.4);
            (
                s.slow_extra_ms,
                s.slow_from_ms,
                s.slow_for_ms,
                s.lock_lease_ms,
            ) = b;
            (s.backoff_base_ms, s.backoff_max_ms) = (c.0, c.0 + c.1);
            (s.cleanup_threshold_generations, s.seed) = (c.2, c.3);
            s.duration_ms = 120_000;
            s.fixes.recheck_at_write = f.0;
            s.fixes.cleanup_spares_in_use = f.1;
            s.fixes.rollback_tolerates_missing = f.2;
            s.fixes.fewer_plans = f.3;
            s.fixes.fair_backoff = f.4;
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Runs stay in bounds, never flip without owning the lock, and never
    /// empty a record with a guard fix on.
    #[test]
    fn runs_respect_the_invariants(s in any_scenario()) {
        prop_assert!(s.validate().is_ok(), "{:?}", s.validate());
        let r = run(&s).unwrap();
        prop_assert!(r.events.len() < dns_race_engine::race::run::MAX_EVENTS);
        prop_assert!(r.events.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
        prop_assert!(r.events.last().is_none_or(|e| e.at_ms < u64::from(s.duration_ms)));
        // The last lock taken on an endpoint before a successful flip there
        // was taken by the flipper, and nobody took it in between.
        let mut holder = vec![None; usize::from(s.endpoint_count)];
        for e in &r.events {
            match e.event {
                RaceEvent::LockTaken { enactor, endpoint, .. } => holder[endpoint.index()] = Some(enactor),
                RaceEvent::Flipped { enactor, endpoint, .. }
                | RaceEvent::FlipSkippedNotNewer { enactor, endpoint, .. }
                | RaceEvent::FlipFailedRollbackMissing { enactor, endpoint, .. } => {
                    prop_assert_eq!(holder[endpoint.index()], Some(enactor));
                    holder[endpoint.index()] = None;
                }
                _ => {}
            }
        }
        if s.fixes.guarded() {
            prop_assert_eq!(r.summary.first_empty, None);
        }
        if s.fixes.rollback_tolerates_missing {
            prop_assert_eq!(r.summary.failed_flips, 0);
        }
    }

    /// Any configuration, either guard: no ordering empties the record.
    #[test]
    fn guarded_censuses_are_clean(
        endpoint_count in 1u8..=3,
        stale in 2u32..500,
        gap in 1u32..60,
        threshold in 1u32..50,
        recheck in any::<bool>(),
    ) {
        let guards = Guards { recheck_at_write: recheck, cleanup_spares_in_use: !recheck, ..Guards::default() };
        let config = CensusConfig { endpoint_count, stale_plan: stale, fresh_plan: stale + gap, cleanup_threshold_generations: threshold, guards };
        let c = census(&config).unwrap();
        prop_assert!(c.counts.orderings > 0);
        prop_assert_eq!(c.counts.empty(), 0);
        // And without the guard the door is open exactly when the gap exceeds the threshold.
        let open = census(&CensusConfig { guards: Guards::default(), ..config }).unwrap().counts.empty() > 0;
        prop_assert_eq!(open, gap > threshold);
    }
}

/// Bug: a stale flip used to set `last_applied` to its older plan, so a later
/// stale run passed its one-time check. The record's check compares with the
/// last applied plan, which a stale flip does not make older.
#[test]
fn last_applied_never_goes_backwards_after_a_stale_flip() {
    use EnactorId::{A, B, C};
    use dns_race_engine::race::model::{Phase, Rules};
    let rules = Rules {
        cleanup_threshold_generations: 1_000,
        lock_lease_ms: u64::MAX,
        guards: Guards::default(),
    };
    let mut world = World::new(1, rules);
    let mut ignore = |_: RaceEvent| {};
    for _ in 0..10 {
        world.create_plan(&mut ignore);
    }
    // A reads 105 and passes its check; B reads 110 and applies it.
    world.set_phase(A, Phase::Read { plan: 105 });
    world.set_phase(B, Phase::Read { plan: 110 });
    world.step(A, &mut ignore); // check 105 > 100
    world.step(B, &mut ignore); // check 110 > 100
    world.step(B, &mut ignore); // lock
    world.step(B, &mut ignore); // flip 100 -> 110
    assert_eq!(world.last_applied, 110);
    world.step(A, &mut ignore); // lock
    let mut events = Vec::new();
    world.step(A, &mut |e| events.push(e)); // stale flip 110 -> 105
    assert!(matches!(
        events[..],
        [RaceEvent::Flipped {
            from: 110,
            to: 105,
            ..
        }]
    ));
    assert_eq!(world.last_applied, 110, "the newest plan ever applied");
    // C with a plan older than 110 but newer than 105 must fail its check.
    world.set_phase(C, Phase::Read { plan: 107 });
    let mut events = Vec::new();
    world.step(C, &mut |e| events.push(e));
    assert!(
        matches!(
            events[..],
            [RaceEvent::CheckFailed {
                plan: 107,
                last_applied: 110,
                ..
            }]
        ),
        "{events:?}"
    );
}

/// Bug: a run that hit `MAX_EVENTS` ended as if complete. Two Enactors
/// hammering a lock held for ten minutes every ~10 ms for an hour is valid
/// and produces more events than the bound.
#[test]
fn a_run_cut_short_by_the_event_bound_says_so() {
    use dns_race_engine::race::run::MAX_EVENTS;
    let s = RaceScenario {
        slow_enactor: Some(EnactorId::A),
        slow_from_ms: 0,
        slow_for_ms: 3_600_000,
        slow_extra_ms: 600_000,
        lock_lease_ms: 600_000,
        backoff_base_ms: 10,
        backoff_max_ms: 10,
        planner_interval_ms: 500,
        duration_ms: 3_600_000,
        fixes: dns_race_engine::race::Fixes {
            fair_backoff: true,
            ..Default::default()
        },
        ..Preset::AsItHappened.scenario()
    };
    assert_eq!(s.validate(), Ok(()));
    let r = run(&s).unwrap();
    assert!(r.events.len() >= MAX_EVENTS, "{}", r.events.len());
    assert!(r.truncated, "the run must say it was cut short");
    assert!(r.events.last().unwrap().at_ms < u64::from(s.duration_ms));
    // An ordinary run is complete.
    assert!(!run(&Preset::AsItHappened.scenario()).unwrap().truncated);
}

/// The record: the inconsistent state "prevented subsequent plan updates from
/// being applied by any DNS Enactors" until operators repaired it by hand.
#[test]
fn once_a_record_is_empty_no_enactor_applies_a_plan_until_repaired() {
    let r = run(&Preset::AsItHappened.scenario()).unwrap();
    let emptied = position(&r.events, 0, |e| {
        matches!(e, RaceEvent::RecordEmptied { .. })
    })
    .unwrap();
    let after = &r.events[emptied..];
    assert!(
        !after
            .iter()
            .any(|e| matches!(e.event, RaceEvent::Flipped { .. })),
        "no flip on any endpoint after the record empties"
    );
    let failed = after
        .iter()
        .filter(|e| {
            matches!(
                e.event,
                RaceEvent::FlipFailedRollbackMissing { .. }
                    | RaceEvent::FlipBlockedInconsistent { .. }
            )
        })
        .count();
    assert!(failed >= 10, "{failed}");
    assert!(r.world.is_stuck());
    for zone in &r.world.zones {
        assert!(zone.alias <= r.world.last_applied);
    }

    // The operators' repair ends the stuck state: plans flow again.
    let repaired = run(&RaceScenario {
        operator_repair_after_ms: Some(30_000),
        ..Preset::AsItHappened.scenario()
    })
    .unwrap();
    let fix = position(&repaired.events, 0, |e| {
        matches!(e, RaceEvent::OperatorRepaired { .. })
    })
    .unwrap();
    let emptied = position(&repaired.events, 0, |e| {
        matches!(e, RaceEvent::RecordEmptied { .. })
    })
    .unwrap();
    assert!(
        !repaired.events[emptied..fix]
            .iter()
            .any(|e| matches!(e.event, RaceEvent::Flipped { .. }))
    );
    assert!(
        repaired.events[fix..]
            .iter()
            .any(|e| matches!(e.event, RaceEvent::Flipped { .. }))
    );
    assert!(!repaired.world.is_stuck());

    // Rollback that tolerates a missing tree: Enactors keep going and heal.
    let tolerant = run(&Preset::RollbackToleratesMissing.scenario()).unwrap();
    let emptied = position(&tolerant.events, 0, |e| {
        matches!(e, RaceEvent::RecordEmptied { .. })
    })
    .unwrap();
    let healed = position(&tolerant.events, emptied, |e| {
        matches!(e, RaceEvent::RecordHealed { .. })
    })
    .unwrap();
    assert!(
        tolerant.events[healed].at_ms - tolerant.events[emptied].at_ms < 15_000,
        "healed within seconds of simulated time"
    );
    assert!(!tolerant.world.is_stuck());
}

/// The slider ranges of the playground (crates/story/src/share.rs): (min, max, step).
const SLIDERS: [(&str, u32, u32, u32); 4] = [
    ("slow_extra_ms", 0, 30_000, 1_000),
    ("slow_for_ms", 0, 120_000, 5_000),
    ("planner_interval_ms", 1_000, 30_000, 1_000),
    ("cleanup_threshold_generations", 1, 40, 1),
];

fn on_the_sliders(s: &RaceScenario) -> bool {
    let values = [
        s.slow_extra_ms,
        s.slow_for_ms,
        s.planner_interval_ms,
        s.cleanup_threshold_generations,
    ];
    SLIDERS
        .iter()
        .zip(values)
        .all(|(&(_, min, max, step), v)| (min..=max).contains(&v) && (v - min) % step == 0)
}

/// The search's grid is a subset of the sliders, and the record's own
/// setting is a point of it.
#[test]
fn the_search_space_is_on_the_sliders() {
    let space = SearchSpace::LAB;
    assert_eq!(space.size(), 16_016);
    let points = space.nearest_first(&Preset::AsItHappened.scenario());
    assert_eq!(points.len(), 16_016);
    assert_eq!(points[0], Preset::AsItHappened.scenario(), "nearest first");
    assert!(points.iter().all(on_the_sliders));
    assert!(points.iter().all(|p| p.validate().is_ok()));
}

/// The fixes that only change timing fail at some setting of the lab, and
/// the search finds one, deterministically, near the record's setting; the
/// census at that setting (the unfixed twin's gap) finds orders that blank
/// the page.
#[test]
fn the_search_finds_where_each_timing_fix_fails() {
    let start = Preset::AsItHappened.scenario();
    for (fix, pinned) in [
        (Fix::FewerPlans, (363, (9_000, 30_000, 1_000, 1))),
        (Fix::FairBackoff, (12, (9_000, 30_000, 1_000, 10))),
    ] {
        let r = search_failing(fix, &start, &SearchSpace::LAB, u32::MAX);
        assert_eq!(r, search_failing(fix, &start, &SearchSpace::LAB, u32::MAX));
        let s = r.found.expect("a failing setting");
        assert_eq!(s.validate(), Ok(()));
        assert!(on_the_sliders(&s), "{s:?}");
        assert_eq!(s.fixes, Fixes::only(fix), "the fix alone");
        assert_eq!(s.seed, start.seed, "the same day");
        let knobs = (
            s.slow_extra_ms,
            s.slow_for_ms,
            s.planner_interval_ms,
            s.cleanup_threshold_generations,
        );
        assert_eq!((r.tried, knobs), pinned, "{}", fix.name());
        let full = run(&s).unwrap();
        assert!(full.summary.first_empty.is_some(), "{}", fix.name());
        let c = census(&CensusConfig::for_scenario(&s).unwrap()).unwrap();
        assert!(c.config.door_open());
        assert!(c.counts.empty() > 0, "{}", fix.name());
        // A budget too small to reach it finds nothing, and says so.
        let short = search_failing(fix, &start, &SearchSpace::LAB, pinned.0 - 1);
        assert_eq!((short.found, short.tried), (None, pinned.0 - 1));
    }
}

/// Within its bounds (every setting of the grid, the record's day), the
/// search finds no setting at which a guard lets a page go blank, nor one
/// at which tolerant rollback leaves the automation stuck.
#[test]
fn the_search_finds_no_setting_where_a_guard_fails() {
    let start = Preset::AsItHappened.scenario();
    for fix in [
        Fix::RecheckAtWrite,
        Fix::CleanupSparesInUse,
        Fix::RollbackToleratesMissing,
    ] {
        let r = search_failing(fix, &start, &SearchSpace::LAB, u32::MAX);
        assert_eq!(r.found, None, "{}", fix.name());
        assert_eq!(r.tried, r.space, "the whole space was searched");
    }
    // The same search does find the unfixed design failing, at its start.
    assert!(breaks(Claim::NoBlankPage, &start));
    assert!(breaks(Claim::NeverStuck, &start));
}

/// The lab's census: at the record's setting the unfixed design blanks the
/// page in some orders, and each guard in none; the census of a fix is
/// taken at its unfixed twin's gap, not at the gap its own run leaves.
#[test]
fn the_labs_census_is_taken_where_the_unfixed_design_fails() {
    let unfixed =
        census(&CensusConfig::for_scenario(&Preset::AsItHappened.scenario()).unwrap()).unwrap();
    assert!(unfixed.config.door_open());
    assert_eq!(unfixed.config.gap(), 11);
    assert_eq!(
        (unfixed.counts.empty(), unfixed.counts.orderings),
        (11_249, 35_611)
    );
    for preset in [
        Preset::RecheckAtWrite,
        Preset::CleanupSparesInUse,
        Preset::AllFixes,
    ] {
        let s = preset.scenario();
        let config = CensusConfig::for_scenario(&s).unwrap();
        assert_eq!(config.gap(), 11, "{}", preset.name());
        assert_eq!(config.unguarded(), unfixed.config);
        let c = census(&config).unwrap();
        assert_eq!(c.counts.empty(), 0, "{}", preset.name());
        assert_eq!(c.counts.orderings, 44_080, "{}", preset.name());
        // With a re-check, its own run's gap would have proved nothing:
        // the stale flip is skipped, and at that gap the door is closed,
        // fix or no fix.
        let own = CensusConfig::for_run(&run(&s).unwrap());
        if s.fixes.recheck_at_write {
            assert_eq!(own.gap(), 1, "{}", preset.name());
            assert!(!own.door_open());
            assert_eq!(census(&own.unguarded()).unwrap().counts.empty(), 0);
        }
    }
    // Tolerant rollback: the same orders blank the page, every one heals.
    let t =
        census(&CensusConfig::for_scenario(&Preset::RollbackToleratesMissing.scenario()).unwrap())
            .unwrap()
            .counts;
    assert!(t.empty_healed > 0);
    assert_eq!(t.empty_stuck, 0);
    // The timing fixes do not change the orders, only how far behind the
    // slow clerk falls: their census is the unfixed design's.
    for preset in [Preset::FewerPlans, Preset::FairBackoff] {
        let c = census(&CensusConfig::for_scenario(&preset.scenario()).unwrap()).unwrap();
        assert_eq!(c.counts, unfixed.counts, "{}", preset.name());
    }
}

/// A Monte Carlo trial says "emptied" exactly when the full run of its
/// scenario empties a record, and the trial's length is long enough: a run
/// twice as long empties no more often.
#[test]
fn each_trial_agrees_with_the_full_run() {
    let mut emptied = 0;
    let mut cases = 0;
    for preset in [
        Preset::AsItHappened,
        Preset::RollbackToleratesMissing,
        Preset::FairBackoff,
        Preset::RecheckAtWrite,
    ] {
        let s = preset.scenario();
        for i in 0..300 {
            let t = trial_scenario(&s, s.seed, i);
            let full = run(&t).unwrap();
            assert!(!full.truncated);
            assert_ne!(trial_end(&t), TrialEnd::Truncated);
            assert_eq!(
                trial_empties(&t),
                full.summary.first_empty.is_some(),
                "{} trial {i}",
                preset.name()
            );
            let longer = RaceScenario {
                duration_ms: (t.duration_ms * 2).min(3_600_000),
                ..t
            };
            assert_eq!(
                run(&longer).unwrap().summary.first_empty.is_some(),
                full.summary.first_empty.is_some(),
                "{} trial {i}: the trial is long enough",
                preset.name()
            );
            emptied += u32::from(full.summary.first_empty.is_some());
            cases += 1;
        }
    }
    assert!(emptied > 0 && emptied < cases, "{emptied} of {cases}");
    assert_eq!(
        truncated_trials_in(&Preset::AsItHappened.scenario(), 43, 0..READER_TRIALS),
        0
    );
}

#[test]
fn fixes_by_name() {
    for fix in Fix::ALL {
        let only = Fixes::only(fix);
        assert_eq!(only.on().collect::<Vec<_>>(), vec![fix]);
        assert_eq!(fix.preset().scenario().fixes, only);
        assert_eq!(Preset::from_name(fix.name()), Some(fix.preset()));
    }
    assert_eq!(
        Preset::AllFixes.scenario().fixes.on().collect::<Vec<_>>(),
        Fix::ALL.to_vec()
    );
}

/// An ordinary day in the model (no slow clerk) already has stale
/// overwrites: three clerks contending for the tag sometimes write a list a
/// little older than the one in place. They stay far within the clean-up
/// threshold, so no page goes blank: the race is always there, and the
/// night's delay only widened the gap. (Printed in the README.)
#[test]
fn an_ordinary_day_has_harmless_stale_overwrites() {
    let mut days_with = 0;
    let mut most_behind = 0;
    for seed in 0..200u64 {
        let s = RaceScenario {
            slow_enactor: None,
            seed,
            ..Preset::AsItHappened.scenario()
        };
        let r = run(&s).unwrap();
        assert_eq!(r.summary.first_empty, None, "day {seed}");
        days_with += u32::from(r.summary.stale_overwrites > 0);
        most_behind = most_behind.max(r.summary.max_behind_newest);
    }
    assert_eq!(days_with, 200);
    assert!(most_behind < 10, "{most_behind}");
    println!("ordinary days: stale overwrites on {days_with} of 200, at most {most_behind} behind");
}
