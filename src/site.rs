//! Which views this build of the page holds, and the way to the others.
//!
//! The Workshop is a build of its own (cargo feature `workshop`, built into
//! `workshop/` beside each language's page by scripts/build.sh). The page
//! most visitors open, the three everyday views, then does not carry the
//! workshop's code and stays within its size budget; the workshop build
//! carries the result views its reveals reuse, not the everyday views'
//! input forms (docs/performance.md, "Fifth session"). Both keep the whole
//! state in the fragment, so moving between them is a plain relative link.
use crate::route::{Route, View};

/// True in the workshop's build.
pub const WORKSHOP: bool = cfg!(feature = "workshop");

/// The view a link without one opens.
pub const HOME: View = if WORKSHOP {
    View::Workshop
} else {
    View::Decode
};

/// Whether this build shows `view` itself.
pub fn holds(view: View) -> bool {
    (view == View::Workshop) == WORKSHOP
}

/// The relative link from this build to the one that holds `route`'s view,
/// with the route in its fragment.
pub fn href(route: &Route) -> String {
    let fragment = route.to_fragment();
    href_to(route.view, &fragment)
}

/// The same for a fragment already written out (without its `#`), such
/// as a tab's `v=decode`, which needs no encoding.
pub fn href_to(view: View, fragment: &str) -> String {
    match (holds(view), WORKSHOP) {
        (true, _) => format!("#{fragment}"),
        // A literal, not FOLDER in the format: 128 B of Brotli less (the
        // test below holds the two equal).
        (false, false) => format!("workshop/#{fragment}"),
        (false, true) => format!("../#{fragment}"),
    }
}

/// Sends the browser to the build that holds `route`'s view, replacing
/// this entry in its history (Back then skips the page that only passed
/// the reader on).
pub fn go(route: &Route) {
    let _ = gloo::utils::window().location().replace(&href(route));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_everyday_page_sends_the_workshop_to_its_folder() {
        // Native tests build without the `workshop` feature.
        assert_eq!(HOME, View::Decode);
        assert!(holds(View::Decode) && holds(View::Exec) && holds(View::Containers));
        assert!(!holds(View::Workshop));
        let route = Route::parse("v=workshop&s=5");
        assert_eq!(href(&route), "workshop/#v=workshop&s=5");
        // The folder `caplens workshop` links into.
        assert!(href(&route).starts_with(caplens_words::workshop::FOLDER));
        assert_eq!(href(&Route::parse("v=exec")), "#v=exec");
    }
}
