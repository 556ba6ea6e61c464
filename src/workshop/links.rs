//! Where a step's sides go: each side as the link parameters of the full
//! view that takes it, and the fragment that opens it there.
use crate::route::{Params, Route, View};
use caplens_core::analysis::ImageUser;
use caplens_core::workshop::{self, Input};

/// The view and its parameters for one side of a step.
pub fn side_route(side: &Input) -> (View, Params) {
    match *side {
        Input::Decode(text) => (View::Decode, Params::default().with("in", text)),
        Input::Exec {
            before,
            file_text,
            setuid_root,
        } => {
            let file = workshop::exec_file(file_text, setuid_root).unwrap_or_default();
            (
                View::Exec,
                crate::exec::state_params(&before, &file, file_text),
            )
        }
        Input::Containers {
            paste,
            crio,
            user,
            fcaps,
        } => {
            let user = match user {
                ImageUser::Root => "root",
                ImageUser::NonRoot => "nonroot",
                ImageUser::Unknown => "",
            };
            let params = Params::default()
                .with("in", paste)
                .with("rt", if crio { "crio" } else { "" })
                .with("user", user)
                .with("fcaps", fcaps);
            (View::Containers, params)
        }
    }
}

/// The link that loads `side` into its full view, on the everyday page
/// (`../#v=…&…`: the workshop is a build of its own, `crate::site`).
pub fn open_href(side: &Input) -> String {
    let (view, params) = side_route(side);
    let route = Route {
        view,
        params,
        panic_test: false,
    };
    crate::site::href(&route)
}

/// The parameters that show step `id`, keeping presenter mode.
pub fn step_params(current: &Params, id: &str) -> Params {
    Params::default()
        .with("s", id)
        .with("present", current.text("present"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use caplens_core::workshop::{steps, Ask};

    /// The full view, given a side's link, computes what the core answers.
    #[test]
    fn every_side_opens_with_the_same_input() {
        for step in steps() {
            for side in step.sides {
                let route = Route::parse(&open_href(side));
                let (view, params) = side_route(side);
                assert_eq!((route.view, &route.params), (view, &params));
            }
            if let Ask::AfterExec(set) = step.ask {
                let (_, params) = side_route(&step.sides[step.asked]);
                let sim = crate::exec::simulate(&params).unwrap();
                let after = sim.transition.after().unwrap().get(set);
                assert_eq!(
                    workshop::answer(step),
                    Ok(workshop::Answer::Mask(after)),
                    "{}",
                    step.id
                );
            }
        }
    }
}
