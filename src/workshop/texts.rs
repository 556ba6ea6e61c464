//! The steps' long text (`workshop.txt` beside the page), fetched when the
//! Workshop view first opens: it is not part of the first visit's download.
//! Once here it stays for the life of the page.

use crate::dom::{self, FetchError};
use crate::lang::W;
use caplens_words::prelude::*;
use caplens_words::workshop::{Texts, FILE_NAME};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The keys of a compared step's two side names in workshop.txt.
pub const SIDE_KEYS: [&str; 2] = ["side-a", "side-b"];

#[derive(Clone, PartialEq)]
pub enum Loaded {
    Loading,
    Ready(Rc<Texts>),
    /// What went wrong, in words.
    Failed(Rc<str>),
}

impl Loaded {
    /// The text of `key` in step `id` ("" while loading or after a failure,
    /// which the view says once).
    pub fn get(&self, id: &str, key: &str) -> String {
        match self {
            Loaded::Ready(t) => match t.get(id, key) {
                Some(v) => v.to_string(),
                None => W.workshop_missing(id, key),
            },
            _ => String::new(),
        }
    }
}

thread_local! {
    static FETCHED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// The texts; the first call starts the fetch, the view re-renders when it ends.
#[hook]
pub fn use_texts() -> Loaded {
    let state = use_state(|| {
        FETCHED
            .with(|f| f.borrow().clone())
            .unwrap_or(Loaded::Loading)
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if matches!(*state, Loaded::Loading) {
                yew::platform::spawn_local(async move {
                    let got = read(dom::fetch_text(FILE_NAME).await);
                    FETCHED.with(|f| *f.borrow_mut() = Some(got.clone()));
                    state.set(got);
                });
            }
        });
    }
    (*state).clone()
}

fn read(fetched: Result<String, FetchError>) -> Loaded {
    let why = match fetched {
        Ok(text) => return Loaded::Ready(Rc::new(Texts::new(text))),
        Err(FetchError::Status(code)) => W.http_status(code),
        Err(FetchError::Network(message)) => W.network(&message),
    };
    Loaded::Failed(W.workshop_unavailable(&why).into())
}
