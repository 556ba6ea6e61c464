//! The language switch in the header, and the offer of the Chinese page to a
//! reader whose browser prefers Chinese.
//!
//! Each language is its own build of the page (`src/lang.rs`): English at
//! the site root, Chinese under `zh-cn/`. Both keep the whole state in the
//! URL fragment, so switching is a plain link to the other build with the
//! same fragment. The links are relative, so the site works under any path.
use crate::h;
use crate::lang::{Lang, LANG, W};
use caplens_words::prelude::*;
// The offer of the Chinese page is worded in Chinese on the English page.
use caplens_words::ZhCn;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::virtual_dom::{AttrValue, Listeners};

/// The switch and, on the English page, the offer of the Chinese one.
///
/// The offer never redirects by itself: a link is often sent on purpose in
/// one language (a colleague's English link, a workshop's handout), and a
/// page that moved readers elsewhere by their browser's settings would make
/// that impossible. The reader decides, with one click.
#[function_component(Languages)]
pub fn languages() -> Html {
    let offer = use_state(offer_wanted);
    let close = {
        let offer = offer.clone();
        Callback::from(move |_: MouseEvent| {
            offer.set(false);
            // The button disappears: keep keyboard users near where they were.
            focus_switch();
        })
    };
    h::list(h::kids([h::when(*offer, || offer_box(close)), switch()]))
}

/// The other language's name, linking to its page with the same state.
fn switch() -> Html {
    let other = other(LANG);
    let prefix = h::el_dyn(
        "span",
        &["class", "lang"],
        vec![
            Some(AttrValue::Static("visually-hidden")),
            Some(AttrValue::Static(LANG.html_lang())),
        ],
        h::kids([h::s(W.language_switch_prefix())]),
    );
    h::node(
        "a",
        link_attrs("lang-switch", "lang-switch", other),
        Listeners::None,
        h::kids([prefix, h::s(other.own_name())]),
    )
}

/// One line in Chinese offering the Chinese page, and a button to close it.
/// Its words are the Chinese language's offer of itself (static calls, so
/// only these three sentences of the Chinese text are in the English page).
fn offer_box(close: Callback<MouseEvent>) -> Html {
    h::el(
        "div",
        h::attrs!(
            "id" = "lang-offer",
            "class" = "lang-offer",
            "lang" = "zh-CN"
        ),
        h::kids([
            h::el_s("span", &[], ZhCn.offer_this_language()),
            h::node(
                "a",
                link_attrs("lang-offer-link", "lang-offer-link", Lang::ZhCn),
                Listeners::None,
                h::kids([h::s(ZhCn.offer_switch())]),
            ),
            h::node(
                "button",
                h::attrs_of!(
                    "type" = "button",
                    "id" = "lang-offer-close",
                    "class" = "lang-offer-close",
                    "aria-label" = ZhCn.offer_close()
                ),
                h::on_click(close),
                h::kids([h::el_s("span", h::attrs!("aria-hidden" = "true"), "×")]),
            ),
        ]),
    )
}

/// A link to the page in `to`, with the state shown now.
///
/// `referrerpolicy`: the page sends no referrer (index.html), but between its
/// own two languages the address without its fragment tells the English
/// page that the reader has just chosen English; see [`came_from_chinese`].
fn link_attrs(id: &'static str, class: &'static str, to: Lang) -> yew::virtual_dom::Attributes {
    let tag = AttrValue::Static(to.html_lang());
    h::dynamic(
        &["id", "class", "href", "hreflang", "lang", "referrerpolicy"],
        vec![
            Some(AttrValue::Static(id)),
            Some(AttrValue::Static(class)),
            Some(AttrValue::from(current_href())),
            Some(tag.clone()),
            Some(tag),
            Some(AttrValue::Static("same-origin")),
        ],
    )
}

/// Brings the language links' `href` up to date with the address bar. The
/// app calls it after every change of state (typing rewrites the fragment
/// with `history.replaceState`, which fires no event, so the links cannot
/// follow `hashchange` alone).
pub fn refresh_links() {
    let href = current_href();
    let doc = gloo::utils::document();
    for id in ["lang-switch", "lang-offer-link"] {
        if let Some(link) = doc.get_element_by_id(id) {
            let _ = link.set_attribute("href", &href);
        }
    }
}

/// The other language's page with the fragment in the address bar now.
fn current_href() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    other_href(LANG, crate::site::WORKSHOP, &hash)
}

fn focus_switch() {
    let switch = gloo::utils::document().get_element_by_id("lang-switch");
    if let Some(el) = switch.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Whether to offer the Chinese page: only on the English page, to a
/// browser that prefers Chinese, unless the reader has just left the
/// Chinese page for this one.
fn offer_wanted() -> bool {
    if LANG != Lang::En {
        // Whoever opened the Chinese page chose it.
        return false;
    }
    let window = gloo::utils::window();
    let origin = window.location().origin().unwrap_or_default();
    let referrer = gloo::utils::document().referrer();
    if came_from_chinese(&referrer, &origin) {
        return false;
    }
    let navigator = window.navigator();
    let mut langs: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if langs.is_empty() {
        langs.extend(navigator.language());
    }
    prefers_chinese(langs.iter().map(String::as_str))
}

/// The language the switch offers.
pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::ZhCn,
        Lang::ZhCn => Lang::En,
    }
}

/// The link from the page in `from` to the other language's page, keeping
/// `hash` (`location.hash`: "" or "#…"). Relative, so it works wherever
/// the site is hosted: the Chinese page is the folder `zh-cn/` beside the
/// English page, and each language's workshop (`crate::site`) the folder
/// `workshop/` inside its page's folder.
pub fn other_href(from: Lang, workshop: bool, hash: &str) -> String {
    let page = match (from, workshop) {
        (Lang::En, false) => "zh-cn/",
        (Lang::ZhCn, false) => "../",
        (Lang::En, true) => "../zh-cn/workshop/",
        (Lang::ZhCn, true) => "../../workshop/",
    };
    format!("{page}{hash}")
}

/// Whether a browser's languages (`navigator.languages`, most preferred
/// first) put Chinese before English. Other languages are skipped: a
/// reader who prefers French, then Chinese, then English is offered Chinese.
pub fn prefers_chinese<'a>(langs: impl IntoIterator<Item = &'a str>) -> bool {
    for tag in langs {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("zh") {
            return true;
        }
        if primary.eq_ignore_ascii_case("en") {
            return false;
        }
    }
    false
}

/// Whether `referrer` is this site's Chinese page (the folder `zh-cn/` on
/// `origin`): the reader followed its switch to English. Referrers never
/// carry the fragment, so nothing of the state is involved.
pub fn came_from_chinese(referrer: &str, origin: &str) -> bool {
    let Some(path) = referrer
        .strip_prefix(origin)
        .filter(|p| p.starts_with('/') && !origin.is_empty())
    else {
        return false;
    };
    let path = path.split('?').next().unwrap_or_default();
    ["/zh-cn/", "/zh-cn/workshop/"]
        .iter()
        .any(|page| path.ends_with(page) || path.ends_with(&format!("{page}index.html")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_offered_when_it_comes_before_english() {
        assert!(prefers_chinese(["zh-CN", "en"]));
        assert!(prefers_chinese(["zh"]));
        assert!(prefers_chinese(["fr-FR", "ZH-hans-CN", "en-US"]));
        assert!(prefers_chinese(["zh_TW"]));
    }

    #[test]
    fn english_first_or_no_chinese_means_no_offer() {
        assert!(!prefers_chinese(["en-US"]));
        assert!(!prefers_chinese(["en-GB", "zh-CN"]));
        assert!(!prefers_chinese(["de", "fr"]));
        assert!(!prefers_chinese([]));
        // A language whose tag merely starts with the same letters.
        assert!(!prefers_chinese(["zha", "eng"]));
    }

    #[test]
    fn the_other_page_is_relative_and_keeps_the_fragment() {
        assert_eq!(
            other_href(Lang::En, false, "#v=exec&uid=0"),
            "zh-cn/#v=exec&uid=0"
        );
        assert_eq!(
            other_href(Lang::ZhCn, false, "#v=exec&uid=0"),
            "../#v=exec&uid=0"
        );
        assert_eq!(other_href(Lang::En, false, ""), "zh-cn/");
        // Each language's workshop is the folder workshop/ in its page's folder.
        assert_eq!(other_href(Lang::En, true, "#s=5"), "../zh-cn/workshop/#s=5");
        assert_eq!(other_href(Lang::ZhCn, true, "#s=5"), "../../workshop/#s=5");
        assert_eq!(other(other(Lang::ZhCn)), Lang::ZhCn);
    }

    #[test]
    fn only_this_sites_chinese_page_counts_as_where_the_reader_came_from() {
        let origin = "https://example.org";
        assert!(came_from_chinese("https://example.org/zh-cn/", origin));
        assert!(came_from_chinese(
            "https://example.org/tools/caplens/zh-cn/index.html",
            origin
        ));
        assert!(came_from_chinese(
            "https://example.org/zh-cn/workshop/",
            origin
        ));
        assert!(!came_from_chinese("https://example.org/workshop/", origin));
        assert!(!came_from_chinese("https://example.org/", origin));
        assert!(!came_from_chinese("", origin));
        assert!(!came_from_chinese(
            "https://example.org.evil/zh-cn/",
            origin
        ));
        assert!(!came_from_chinese("https://other.example/zh-cn/", origin));
        assert!(!came_from_chinese("https://example.org/zh-cn/", ""));
    }
}
