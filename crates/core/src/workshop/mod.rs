//! The workshop: the seed article step by step and twelve scenarios (and a thirteenth), as
//! data. Each step holds the inputs of one or two sides (what the Decode,
//! Exec or Containers view would be given), the question asked before the
//! reveal and its choices; [`answer`] computes the reveal from those inputs
//! with the rest of the core, so nothing here stores an answer. Titles,
//! questions, lessons and misconceptions are words (`caplens-words`,
//! `workshop`), keyed by [`Step::id`].

use crate::analysis::ImageUser;
use crate::exec::{self, ExecFile, ProcessState, SetName};
use crate::paste::{self, Settings};
use crate::runtime::{CrioConfig, Runtime};
use crate::set::CapSet;
use crate::{status, text};

mod steps;
pub use steps::steps;

/// The two ways through the material.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Track {
    /// The seed article's steps, in its order.
    Article,
    /// Twelve scenarios in three blocks.
    Scenarios,
}

/// A part of a track (the article is one block).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Block {
    Article,
    Beginners,
    Execve,
    Policy,
}

impl Block {
    pub fn track(self) -> Track {
        match self {
            Block::Article => Track::Article,
            _ => Track::Scenarios,
        }
    }
}

/// What one side loads into a view.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Input {
    /// Text for the Decode view.
    Decode(&'static str),
    /// A process and a program for the Exec view; the file's capabilities
    /// as `setcap` text ("" for none).
    Exec {
        before: ProcessState,
        file_text: &'static str,
        setuid_root: bool,
    },
    /// A paste for the Containers view with its settings.
    Containers {
        paste: &'static str,
        crio: bool,
        user: ImageUser,
        /// The entrypoint's file capabilities as `setcap` text ("" for none).
        fcaps: &'static str,
    },
}

/// What the question asks about its side.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ask {
    /// How many capabilities the decoded mask names.
    Count,
    /// How many capabilities the second side has that the first lacks.
    Missing,
    /// The capabilities the second side has that the first lacks.
    Added,
    /// A set of the process after execve.
    AfterExec(SetName),
    /// Whether execve succeeds.
    Starts,
    /// The effective uid after execve.
    Euid,
    /// A set of the container's first process.
    Pid1(SetName),
    /// Whether the container passes the Baseline Pod Security profile.
    Baseline,
}

/// A possible answer; one of a step's choices is what [`answer`] computes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Answer {
    Mask(CapSet),
    Names(CapSet),
    Count(u32),
    Starts(bool),
    Euid(u32),
    Passes(bool),
}

/// One step of the workshop.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Step {
    /// The link's `s` value and the key of the step's words: `a1`…`a8`
    /// for the article, `1`…`12` for the scenarios.
    pub id: &'static str,
    pub block: Block,
    /// One side, or two to compare.
    pub sides: &'static [Input],
    /// Which side the question is about (0 or 1).
    pub asked: usize,
    pub ask: Ask,
    pub choices: &'static [Answer],
    /// The set whose capabilities a comparison marks, when there are two sides.
    pub compared: SetName,
    /// The article's command and the output it printed (article steps).
    pub command: &'static str,
    pub output: &'static str,
    /// The step's words include what is true today (the article is dated
    /// or wrong here).
    pub dated: bool,
}

impl Step {
    pub fn track(&self) -> Track {
        self.block.track()
    }
}

/// The step with link id `id`.
pub fn by_id(id: &str) -> Option<&'static Step> {
    steps().iter().find(|s| s.id == id)
}

/// What an input could not be read as (a step the tests would catch).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Unanswerable;

/// The answer to `step`'s question, computed from its inputs.
pub fn answer(step: &Step) -> Result<Answer, Unanswerable> {
    let side = step.sides.get(step.asked).ok_or(Unanswerable)?;
    match step.ask {
        Ask::Count => Ok(Answer::Count(decoded(side)?.len())),
        Ask::Missing | Ask::Added => {
            let a = decoded(step.sides.first().ok_or(Unanswerable)?)?;
            let b = decoded(step.sides.get(1).ok_or(Unanswerable)?)?;
            Ok(match step.ask {
                Ask::Missing => Answer::Count(b.minus(a).len()),
                _ => Answer::Names(b.minus(a)),
            })
        }
        Ask::AfterExec(set) => Ok(Answer::Mask(
            after_exec(side)?.ok_or(Unanswerable)?.get(set),
        )),
        Ask::Starts => Ok(Answer::Starts(after_exec(side)?.is_some())),
        Ask::Euid => Ok(Answer::Euid(after_exec(side)?.ok_or(Unanswerable)?.euid)),
        Ask::Pid1(set) => Ok(Answer::Mask(pid1(side)?.get(set))),
        Ask::Baseline => Ok(Answer::Passes(container(side)?.1)),
    }
}

/// Each side's `step.compared` set, for marking what differs.
pub fn compared_sets(step: &Step) -> Result<Vec<CapSet>, Unanswerable> {
    step.sides
        .iter()
        .map(|side| match side {
            Input::Decode(_) => decoded(side),
            Input::Exec { .. } => Ok(match after_exec(side)? {
                Some(after) => after.get(step.compared),
                None => CapSet::EMPTY,
            }),
            Input::Containers { .. } => Ok(pid1(side)?.get(step.compared)),
        })
        .collect()
}

/// The capabilities a decode input names (all its sets together).
fn decoded(side: &Input) -> Result<CapSet, Unanswerable> {
    let Input::Decode(t) = side else {
        return Err(Unanswerable);
    };
    let report = status::recognise(t).map_err(|_| Unanswerable)?;
    Ok(report
        .sets
        .iter()
        .fold(CapSet::EMPTY, |all, e| all.union(e.caps)))
}

/// The program file of an exec input.
pub fn exec_file(file_text: &str, setuid_root: bool) -> Result<ExecFile, Unanswerable> {
    let caps = match file_text {
        "" => None,
        t => {
            let pasted = text::parse_pasted(t).map_err(|_| Unanswerable)?;
            let c = pasted.caps().ok_or(Unanswerable)?;
            Some(c.to_file_caps().map_err(|_| Unanswerable)?)
        }
    };
    Ok(ExecFile {
        setuid_root,
        caps,
        nosuid_mount: false,
    })
}

/// The process after execve, or None when execve fails.
fn after_exec(side: &Input) -> Result<Option<ProcessState>, Unanswerable> {
    let Input::Exec {
        before,
        file_text,
        setuid_root,
    } = side
    else {
        return Err(Unanswerable);
    };
    let file = exec_file(file_text, *setuid_root)?;
    Ok(exec::execve(before, &file).outcome.ok())
}

/// The analysis settings of a containers input.
pub fn settings(crio: bool, user: ImageUser) -> Settings {
    let mut s = Settings::default();
    if crio {
        s.kubernetes = Runtime::Crio(CrioConfig::default());
    }
    s.image_user = user;
    s
}

/// The first container's first process and its Baseline verdict.
fn container(side: &Input) -> Result<(ProcessState, bool), Unanswerable> {
    let Input::Containers {
        paste: t,
        crio,
        user,
        fcaps,
    } = side
    else {
        return Err(Unanswerable);
    };
    let mut input = paste::read(t).map_err(|_| Unanswerable)?;
    let file = exec_file(fcaps, false)?;
    let c = input.containers.first_mut().ok_or(Unanswerable)?;
    c.spec.entrypoint_file_caps = file.caps;
    let report = paste::report(c, &settings(*crio, *user));
    let state = report.pid1.ok_or(Unanswerable)?.state;
    Ok((state, report.pss.is_some_and(|v| v.baseline)))
}

fn pid1(side: &Input) -> Result<ProcessState, Unanswerable> {
    container(side).map(|(state, _)| state)
}

#[cfg(test)]
mod tests;
