//! Sharing the page (issue 14): "Copy link", and the link as a QR code for a
//! room to scan off the projector, since a container's link runs to
//! hundreds of characters. The QR code is drawn here (`caplens-qr`, inline
//! SVG): no request, no image file, nothing the Content-Security-Policy
//! would have to allow. SVG attributes only, no `style` (the policy blocks
//! inline styles).
use crate::h::{self, attrs, attrs_of};
use crate::lang::W;
use crate::{dom, widgets};
use caplens_words::prelude::*;
use yew::prelude::*;

/// Modules of light margin around the symbol, as the standard asks.
const QUIET_ZONE: usize = 4;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The fragment the page shows. The address bar receives it in an
    /// effect that runs after this renders, so the QR code is built from
    /// it rather than from `location.href`.
    pub fragment: String,
}

/// The two buttons and, while it is open, the QR code (or why there is
/// none). Renders again only when the fragment changes or it is toggled.
#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    let open = use_state_eq(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    h::list(h::kids([
        h::el_a(
            "div",
            attrs_of!(
                "class" = "share",
                "role" = "group",
                "aria-label" = W.share_label()
            ),
            h::kids([copy_link(), qr_toggle(*open, toggle)]),
        ),
        qr_panel(*open, &props.fragment),
    ]))
}

/// Copies the address bar's link as it is when clicked, saying so in its
/// label like the page's other copy buttons.
fn copy_link() -> Html {
    let onclick = Callback::from(|e: MouseEvent| {
        let href = gloo::utils::window().location().href().unwrap_or_default();
        widgets::say_copied(&e, dom::copy_text(&href), W.copy_link())
    });
    h::button(
        attrs!(
            "type" = "button",
            "id" = "share-copy",
            "class" = "copy share-copy"
        ),
        onclick,
        h::kids([h::el_s(
            "span",
            attrs!("aria-live" = "polite"),
            W.copy_link(),
        )]),
    )
}

fn qr_toggle(open: bool, onclick: Callback<MouseEvent>) -> Html {
    let attrs = if open {
        attrs!(
            "type" = "button",
            "id" = "share-qr-toggle",
            "class" = "share-toggle",
            "aria-controls" = "share-qr",
            "aria-expanded" = "true"
        )
    } else {
        attrs!(
            "type" = "button",
            "id" = "share-qr-toggle",
            "class" = "share-toggle",
            "aria-controls" = "share-qr",
            "aria-expanded" = "false"
        )
    };
    h::button(attrs, onclick, h::kids([h::s(W.qr_code())]))
}

/// The page's address with `fragment` in place of its own.
fn link(fragment: &str) -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    let base = href.split_once('#').map_or(href.as_str(), |(base, _)| base);
    format!("{base}#{fragment}")
}

/// The place the toggle controls: while open, the QR code of the page's
/// link with a caption, or a note when the link is too long for one;
/// empty and hidden while closed (the QR code is only computed when shown).
fn qr_panel(open: bool, fragment: &str) -> Html {
    if !open {
        return h::el(
            "div",
            attrs!("id" = "share-qr", "class" = "share-qr", "hidden" = "hidden"),
            vec![],
        );
    }
    let body = match caplens_qr::encode(link(fragment).as_bytes()) {
        Ok(qr) => h::list(h::kids([
            qr_svg(&qr),
            h::el_s("p", attrs!("class" = "share-caption"), W.qr_caption()),
        ])),
        Err(e) => h::el_t(
            "p",
            attrs!(
                "class" = "note",
                "id" = "share-qr-too-long",
                "role" = "status"
            ),
            W.qr_too_long(e.len, caplens_qr::MAX_BYTES),
        ),
    };
    h::el(
        "div",
        attrs!("id" = "share-qr", "class" = "share-qr"),
        h::kids([body]),
    )
}

/// The symbol as one `<path>` on a white square (dark on light whatever
/// the page's colour scheme: readers expect it so), in module units; the
/// stylesheet sets the drawn size.
fn qr_svg(qr: &caplens_qr::QrCode) -> Html {
    let side = qr.size() + 2 * QUIET_ZONE;
    let view_box = format!("0 0 {side} {side}");
    h::el_dyn(
        "svg",
        &["viewBox", "width", "height", "role", "aria-label", "class"],
        vec![
            Some(AttrValue::from(view_box)),
            Some(AttrValue::Static("320")),
            Some(AttrValue::Static("320")),
            Some(AttrValue::Static("img")),
            Some(AttrValue::Static(W.qr_image())),
            Some(AttrValue::Static("share-qr-code")),
        ],
        h::kids([
            h::el(
                "rect",
                attrs!("width" = "100%", "height" = "100%", "fill" = "#fff"),
                vec![],
            ),
            h::el_dyn(
                "path",
                &["d", "fill", "shape-rendering"],
                vec![
                    Some(AttrValue::from(qr.svg_path(QUIET_ZONE))),
                    Some(AttrValue::Static("#000")),
                    Some(AttrValue::Static("crispEdges")),
                ],
                vec![],
            ),
        ]),
    )
}
