//! The capabilities' long explanations, fetched the first time one is
//! opened (they are the largest text caplens has and most visits never open
//! one, so the first visit does not carry them). Once here, they stay for
//! the life of the page.

use crate::dom::{self, FetchError};
use crate::lang::W;
use caplens_words::explanations::{self, Explanations};
use caplens_words::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Where the explanations are.
#[derive(Clone, PartialEq)]
pub enum Explained {
    /// Not asked for yet, or on their way.
    Loading,
    Ready(Rc<Explanations>),
    /// The fetch or the file failed: what went wrong, in words.
    Failed(Rc<str>),
}

thread_local! {
    /// What every later view starts from; `None` until a fetch has ended.
    static FETCHED: RefCell<Option<Explained>> = const { RefCell::new(None) };
    /// A fetch is under way: a second one would only repeat it.
    static IN_FLIGHT: RefCell<bool> = const { RefCell::new(false) };
}

/// The explanations; fetched when `wanted` (an explanation is open) and
/// not fetched before. The view re-renders when they arrive.
#[hook]
pub fn use_explanations(wanted: bool) -> Explained {
    let state = use_state(|| {
        FETCHED
            .with(|f| f.borrow().clone())
            .unwrap_or(Explained::Loading)
    });
    {
        let state = state.clone();
        use_effect_with(wanted, move |&wanted| {
            let idle = matches!(*state, Explained::Loading) && !IN_FLIGHT.with(|f| *f.borrow());
            if wanted && idle {
                IN_FLIGHT.with(|f| *f.borrow_mut() = true);
                yew::platform::spawn_local(async move {
                    let got = fetch().await;
                    IN_FLIGHT.with(|f| *f.borrow_mut() = false);
                    FETCHED.with(|f| *f.borrow_mut() = Some(got.clone()));
                    state.set(got);
                });
            }
        });
    }
    (*state).clone()
}

/// Puts explanations in place as if fetched (for tests that run without
/// the file beside the page).
pub fn provide(text: &str) {
    let got = read(Ok(text.to_string()));
    FETCHED.with(|f| *f.borrow_mut() = Some(got));
}

async fn fetch() -> Explained {
    read(dom::fetch_text(explanations::FILE_NAME).await)
}

fn read(fetched: Result<String, FetchError>) -> Explained {
    // The file is checked by a test when it is built; a section it lacks
    // is said where that explanation would be.
    let why = match fetched {
        Ok(text) => return Explained::Ready(Rc::new(Explanations::new(text))),
        Err(FetchError::Status(code)) => W.http_status(code),
        Err(FetchError::Network(message)) => W.network(&message),
    };
    Explained::Failed(W.unavailable(&why).into())
}
