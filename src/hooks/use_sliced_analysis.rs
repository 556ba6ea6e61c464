//! The Containers view's analysis, scheduled so a big paste never blocks
//! the page: small pastes are analysed at once, within the keystroke; large
//! ones in slices with a yield to the browser between them, while the view
//! says "Reading…"; a newer input makes an unfinished run give up.
use crate::containers::{analyse, set_entrypoint_caps, Analysis};
use caplens_core::exec::FileCaps;
use caplens_core::paste::{self, PasteError, Settings};
use caplens_core::yaml;
use std::rc::Rc;
use yew::prelude::*;

/// Pastes longer than this are analysed in slices between frames (see
/// `analyse_in_slices`); shorter ones at once, within the keystroke.
pub const SLICED_ABOVE_BYTES: usize = 64 * 1024;
/// Events per `StreamParser::step` between looks at the clock.
const SLICE_EVENTS: usize = 2_000;
/// Main-thread time one slice may take before the page yields to the browser.
const SLICE_MS: f64 = 40.0;

/// What an analysis depends on: the pasted text, the settings and the
/// entrypoint's file capabilities (or their error).
pub type AnalysisKey = (Rc<str>, Settings, Result<Option<FileCaps>, String>);

/// A finished analysis with the input it belongs to.
type Finished = Rc<(AnalysisKey, Result<Analysis, PasteError>)>;

/// Where the analysis of the current input stands.
pub struct SlicedAnalysis {
    /// A small paste's result (None for an empty or large one).
    at_once: Rc<Option<Result<Analysis, PasteError>>>,
    /// A large paste's result, once its run has finished.
    finished: Option<Finished>,
    sliced: bool,
}

impl SlicedAnalysis {
    /// The result for the current input, if there is one yet.
    pub fn result(&self) -> Option<&Result<Analysis, PasteError>> {
        if self.sliced {
            self.finished.as_deref().map(|f| &f.1)
        } else {
            self.at_once.as_ref().as_ref()
        }
    }

    /// A large paste is still being read.
    pub fn pending(&self) -> bool {
        self.sliced && self.finished.is_none()
    }
}

/// The analysis of `key`: at once for a small paste, in slices for a large
/// one (then `pending` until the last slice is done).
#[hook]
pub fn use_sliced_analysis(key: AnalysisKey) -> SlicedAnalysis {
    let sliced = key.0.len() > SLICED_ABOVE_BYTES;
    let at_once = use_memo(key.clone(), |(text, settings, fcaps)| {
        if text.trim().is_empty() || text.len() > SLICED_ABOVE_BYTES {
            None
        } else {
            Some(analyse(text, settings, fcaps.clone().unwrap_or(None)))
        }
    });
    // Large pastes: the finished sliced analysis, with the input it belongs
    // to; `run` numbers the inputs so a stale run stops early.
    let finished = use_state(|| None::<Finished>);
    let run = use_mut_ref(|| 0u64);
    {
        let (finished, run) = (finished.clone(), run.clone());
        use_effect_with(key.clone(), move |key: &AnalysisKey| {
            *run.borrow_mut() += 1;
            let mine = *run.borrow();
            if key.0.len() > SLICED_ABOVE_BYTES && !key.0.trim().is_empty() {
                let (key, run) = (key.clone(), run.clone());
                yew::platform::spawn_local(async move {
                    let current = || *run.borrow() == mine;
                    let fcaps = key.2.clone().unwrap_or(None);
                    if let Some(r) = analyse_in_slices(key.0.clone(), key.1, fcaps, current).await {
                        if *run.borrow() == mine {
                            finished.set(Some(Rc::new((key, r))));
                        }
                    }
                });
            }
            move || *run.borrow_mut() += 1
        });
    }
    SlicedAnalysis {
        at_once,
        finished: (*finished).clone().filter(|f| f.0 == key),
        sliced,
    }
}

/// The same result as `analyse`, computed in slices of about `SLICE_MS`
/// (well under a long task, few enough yields to cost little) with a yield
/// to the browser between them, so a megabyte paste (or a hostile one that
/// stays inside the limits) never blocks the page for long. Gives up (None)
/// as soon as `current()` says a newer input has replaced this one.
async fn analyse_in_slices(
    text: Rc<str>,
    settings: Settings,
    fcaps: Option<FileCaps>,
    current: impl Fn() -> bool,
) -> Option<Result<Analysis, PasteError>> {
    // Looked up once: asking the window for it per container showed in profiles.
    let clock = web_sys::window().and_then(|w| w.performance());
    let now = || clock.as_ref().map_or(0.0, |p| p.now());
    // Lets the browser paint and handle input; false when this run is stale.
    let pause = || async {
        crate::dom::yield_to_browser().await;
        current()
    };
    if paste::looks_like_command(&text) {
        return Some(analyse(&text, &settings, fcaps));
    }
    if let Err(e) = paste::refuse_chart_template(&text) {
        return Some(Err(e));
    }
    let mut parser = match yaml::StreamParser::new(&text, &yaml::Limits::DEFAULT) {
        Ok(p) => p,
        Err(e) => return Some(Err(paste::yaml_failure(&text, e))),
    };
    let mut t0 = now();
    loop {
        match parser.step(SLICE_EVENTS) {
            Ok(true) => break,
            Ok(false) => {}
            Err(e) => return Some(Err(paste::yaml_failure(&text, e))),
        }
        if now() - t0 > SLICE_MS {
            if !pause().await {
                return None;
            }
            t0 = now();
        }
    }
    let docs = parser.into_documents();
    if let Err(e) = paste::refuse_values_file(&docs) {
        return Some(Err(e));
    }
    let mut input = paste::from_documents(&docs);
    set_entrypoint_caps(&mut input, fcaps);
    let mut reports = Vec::with_capacity(input.containers.len());
    for (i, c) in input.containers.iter().enumerate() {
        reports.push(paste::report(c, &settings));
        // A report takes microseconds: look at the clock every few.
        if i % 16 == 15 && now() - t0 > SLICE_MS {
            if !pause().await {
                return None;
            }
            t0 = now();
        }
    }
    Some(Ok(Analysis { input, reports }))
}
