//! Be the scheduler: the reader decides which Enactor moves next, in the
//! census configuration, and tries to empty the record by hand.
//!
//! The game keeps only the list of moves; every state is recomputed from the
//! start by the step function, so undo is just dropping the last move and the
//! picture can never drift from the model.

use super::census::{CensusConfig, Ending, PLAYERS, ending_of, movable};
use super::model::{EnactorId, World};
use super::trace::RaceEvent;

/// Why a move was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveError {
    /// That Enactor is waiting for a lock the other holds, or has finished.
    CannotMove(EnactorId),
    /// Only the slow Enactor A and the fast Enactor B take part.
    NotPlaying(EnactorId),
}

/// A game in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchedulerGame {
    config: CensusConfig,
    moves: Vec<EnactorId>,
}

impl SchedulerGame {
    pub fn new(config: CensusConfig) -> SchedulerGame {
        SchedulerGame {
            config,
            moves: Vec::new(),
        }
    }

    pub fn config(&self) -> &CensusConfig {
        &self.config
    }

    pub fn moves(&self) -> &[EnactorId] {
        &self.moves
    }

    /// The state after the moves so far, and each move's events.
    pub fn replay(&self) -> (World, Vec<Vec<RaceEvent>>) {
        let mut world = self.config.initial_world();
        let mut steps = Vec::with_capacity(self.moves.len());
        for &who in &self.moves {
            let mut events = Vec::new();
            world.step(who, &mut |e| events.push(e));
            steps.push(events);
        }
        (world, steps)
    }

    pub fn world(&self) -> World {
        self.replay().0
    }

    /// The Enactors that may move now.
    pub fn movable(&self) -> Vec<EnactorId> {
        movable(&self.world()).collect()
    }

    /// Moves `who` one step and returns what happened.
    pub fn play(&mut self, who: EnactorId) -> Result<Vec<RaceEvent>, MoveError> {
        if !PLAYERS.contains(&who) {
            return Err(MoveError::NotPlaying(who));
        }
        let mut world = self.world();
        if !world.can_step(who) {
            return Err(MoveError::CannotMove(who));
        }
        let mut events = Vec::new();
        world.step(who, &mut |e| events.push(e));
        self.moves.push(who);
        Ok(events)
    }

    /// Takes the last move back; `false` if there was none.
    pub fn undo(&mut self) -> bool {
        self.moves.pop().is_some()
    }

    /// Whether some record is empty now: the reader has made the race happen.
    pub fn record_emptied(&self) -> bool {
        self.world().empty_endpoints().next().is_some()
    }

    /// How the game ended, once nobody can move.
    pub fn ending(&self) -> Option<Ending> {
        let world = self.world();
        movable(&world).next().is_none().then(|| ending_of(&world))
    }
}
