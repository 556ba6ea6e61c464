//! The page's state as it lives in the URL fragment, so a link reproduces
//! exactly what is shown. The fragment never reaches a server: browsers do
//! not send it. Pure (no web APIs), so it is tested natively.
//!
//! Form: `#v=decode&in=CapBnd%3A+0000001fffffffff`: the active view, then
//! that view's inputs as key=value pairs in a fixed order.

use std::rc::Rc;

/// The views (tabs) of the page.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum View {
    Decode,
    Exec,
    Containers,
    Workshop,
}

/// A link that names no view opens the build's own first view.
impl Default for View {
    fn default() -> View {
        crate::site::HOME
    }
}

impl View {
    pub const ALL: [View; 4] = [View::Decode, View::Exec, View::Containers, View::Workshop];

    /// The token used in the fragment (never translated).
    pub fn slug(self) -> &'static str {
        match self {
            View::Decode => "decode",
            View::Exec => "exec",
            View::Containers => "containers",
            View::Workshop => "workshop",
        }
    }

    pub fn from_slug(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == s)
    }
}

/// Inputs of one view: ordered key/value pairs. Views own their keys.
/// Values are shared (`Rc<str>`): a pasted manifest can be megabytes, and the
/// page state, its props and the views' memo keys all hold copies of it;
/// cloning them must not copy the text (and `Rc<str>` equality checks the
/// pointer before the bytes).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Params(Vec<(String, Rc<str>)>);

impl Params {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| &**v)
    }

    /// The value as a shared handle ("" when absent), for holding on to it
    /// without a copy.
    pub fn shared(&self, key: &str) -> Rc<str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map_or_else(|| Rc::from(""), |(_, v)| v.clone())
    }

    /// The value, or "" when absent.
    pub fn text(&self, key: &str) -> &str {
        self.get(key).unwrap_or("")
    }

    /// Sets `key`; an empty value removes it, so links stay short.
    pub fn set(&mut self, key: &str, value: &str) {
        self.0.retain(|(k, _)| k != key);
        if !value.is_empty() {
            // Kept sorted by key (keys are unique), so no sort is needed.
            let at = self.0.partition_point(|(k, _)| k.as_str() < key);
            self.0.insert(at, (key.to_string(), Rc::from(value)));
        }
    }

    pub fn with(mut self, key: &str, value: &str) -> Params {
        self.set(key, value);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Total length of the values, to decide whether a link is reasonable.
    pub fn size(&self) -> usize {
        self.0.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

/// What the fragment says: which view, its inputs, and the hidden
/// `#panic-test` switch the end-to-end test uses to prove the panic hook.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Route {
    pub view: View,
    pub params: Params,
    pub panic_test: bool,
}

/// Inputs longer than this are not written into the link: browsers and
/// chat tools mangle URLs of several hundred kilobytes, and rewriting such a
/// URL on every keystroke costs time. The page says so instead.
pub const MAX_LINK_PARAMS: usize = 32 * 1024;

impl Route {
    /// Parses `location.hash` (with or without the leading `#`). Unknown keys
    /// and a bad view name are ignored rather than refused: an old or hand-
    /// edited link still opens the page.
    pub fn parse(fragment: &str) -> Route {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if fragment == "panic-test" {
            return Route {
                panic_test: true,
                ..Route::default()
            };
        }
        let mut route = Route::default();
        for pair in fragment.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, v) = (decode_component(k), decode_component(v));
            if k == "v" {
                route.view = View::from_slug(&v).unwrap_or_default();
            } else {
                route.params.set(&k, &v);
            }
        }
        route
    }

    /// The fragment for this route, without the `#`.
    pub fn to_fragment(&self) -> String {
        let mut out = format!("v={}", self.view.slug());
        for (k, v) in &self.params.0 {
            out.push('&');
            out.push_str(&encode_component(k));
            out.push('=');
            out.push_str(&encode_component(v));
        }
        out
    }
}

/// Percent-encodes everything but unreserved characters and a few that stay
/// readable in a fragment (`:`, `,`, `/`, `@`); a space becomes `+`.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b':'
            | b','
            | b'/'
            | b'@' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
    }
    out
}

/// The inverse of `encode_component`. Malformed escapes are kept literally and
/// invalid UTF-8 becomes U+FFFD, so any fragment decodes to something.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len()
                && hex_val(bytes[i + 1]).is_some()
                && hex_val(bytes[i + 2]).is_some() =>
            {
                out.push(
                    hex_val(bytes[i + 1]).unwrap_or(0) << 4 | hex_val(bytes[i + 2]).unwrap_or(0),
                );
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_val(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_of_awkward_text() {
        let text = "CapBnd:\t0000001fffffffff\n<script>alert(1)</script> & a=b+c %41 ü 🦀";
        let r = Route {
            view: View::Containers,
            params: Params::default().with("in", text),
            panic_test: false,
        };
        let frag = r.to_fragment();
        assert!(frag.starts_with("v=containers&in="), "{frag}");
        assert!(
            !frag.contains(' ') && !frag.contains('\n') && !frag.contains('<'),
            "{frag}"
        );
        assert_eq!(Route::parse(&format!("#{frag}")), r);
    }

    #[test]
    fn readable_mask_link() {
        let r = Route {
            view: View::Decode,
            params: Params::default().with("in", "CapBnd: 0000001fffffffff"),
            ..Route::default()
        };
        assert_eq!(r.to_fragment(), "v=decode&in=CapBnd:+0000001fffffffff");
    }

    #[test]
    fn params_are_ordered_and_empty_values_dropped() {
        let mut p = Params::default()
            .with("uid", "1000")
            .with("file", "cap_net_raw+ep");
        p.set("euid", "");
        assert_eq!(
            Route {
                view: View::Exec,
                params: p.clone(),
                panic_test: false
            }
            .to_fragment(),
            "v=exec&file=cap_net_raw%2Bep&uid=1000"
        );
        p.set("uid", "");
        assert_eq!(p.get("uid"), None);
        assert_eq!(p.text("uid"), "");
    }

    #[test]
    fn tolerant_parsing() {
        assert_eq!(Route::parse(""), Route::default());
        assert_eq!(Route::parse("#v=nonsense&x").view, View::Decode);
        assert!(Route::parse("#panic-test").panic_test);
        assert!(!Route::parse("#v=decode&in=panic-test").panic_test);
        assert_eq!(decode_component("%4"), "%4");
        assert_eq!(decode_component("%zz%41"), "%zzA");
        assert_eq!(decode_component("%FF"), "\u{FFFD}");
        assert_eq!(
            Route::parse("#v=exec&uid=0&uid=5").params.get("uid"),
            Some("5")
        );
    }
}
