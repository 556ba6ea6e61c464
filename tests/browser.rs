//! Component tests in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): `cargo test --target wasm32-unknown-unknown --test browser`.
//! Each test mounts its own App into a fresh element and looks only inside it.
#![cfg(target_arch = "wasm32")]

use caplens_words::prelude::*;
use caplens_words::En;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Rendering is asynchronous: give Yew a moment.
async fn tick() {
    yew::platform::time::sleep(std::time::Duration::from_millis(80)).await;
}

/// Waits (up to 3 s) until `cond` holds: on a loaded machine a render can
/// take longer than one tick.
async fn eventually(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..150 {
        if cond() {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for: {what}");
}

struct Mounted {
    root: Element,
    app: Option<yew::AppHandle<caplens_web::App>>,
}

impl Mounted {
    /// Mounts the app as if the page had been opened with `fragment`.
    async fn new(fragment: &str) -> Mounted {
        caplens_web::dom::replace_fragment(fragment);
        let doc = gloo::utils::document();
        let root = doc.create_element("div").unwrap();
        doc.body().unwrap().append_child(&root).unwrap();
        let app = yew::Renderer::<caplens_web::App>::with_root(root.clone()).render();
        let m = Mounted {
            root,
            app: Some(app),
        };
        eventually("the app renders", || m.find("#main").is_some()).await;
        m
    }

    fn find(&self, sel: &str) -> Option<Element> {
        self.root.query_selector(sel).unwrap()
    }

    fn get(&self, sel: &str) -> Element {
        self.find(sel)
            .unwrap_or_else(|| panic!("no element matches {sel}"))
    }

    fn all(&self, sel: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(sel).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    }

    fn text(&self, sel: &str) -> String {
        self.get(sel).text_content().unwrap_or_default()
    }

    async fn type_into(&self, sel: &str, value: &str) {
        let area: HtmlTextAreaElement = self.get(sel).dyn_into().unwrap();
        area.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true); // Yew delegates listeners to the root
        area.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        tick().await;
    }

    async fn click(&self, sel: &str) {
        self.get(sel).dyn_into::<HtmlElement>().unwrap().click();
        tick().await;
    }

    async fn type_into_input(&self, sel: &str, value: &str) {
        let input: web_sys::HtmlInputElement = self.get(sel).dyn_into().unwrap();
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        tick().await;
    }

    async fn select(&self, sel: &str, value: &str) {
        let select: web_sys::HtmlSelectElement = self.get(sel).dyn_into().unwrap();
        select.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        select
            .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
            .unwrap();
        tick().await;
    }

    fn input_value(&self, sel: &str) -> String {
        self.get(sel)
            .dyn_into::<HtmlTextAreaElement>()
            .unwrap()
            .value()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        // Destroying the app also removes its hashchange/popstate listeners,
        // so later tests do not share the address bar with it.
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

fn cap_names(m: &Mounted) -> Vec<String> {
    m.all("#matrix tr.cap-row .cap-name")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn renders_three_views_and_the_decode_view_first() {
    let m = Mounted::new("").await;
    assert_eq!(m.all("nav.tabs button").len(), 3);
    assert!(m.find("#tab-decode[aria-current=page]").is_some());
    assert!(m.find("#decode-input").is_some());
    assert!(
        m.find("#decode-empty").is_some(),
        "an empty box explains what to do"
    );
}

#[wasm_bindgen_test]
async fn typing_a_bounding_set_lists_its_37_capabilities() {
    let m = Mounted::new("").await;
    m.type_into("#decode-input", "CapBnd: 0000001fffffffff")
        .await;
    let names = cap_names(&m);
    assert_eq!(names.len(), 37, "{names:?}");
    assert_eq!(names.first().map(String::as_str), Some("cap_chown"));
    assert_eq!(names.last().map(String::as_str), Some("cap_block_suspend"));
    assert!(m.text("#set-0").contains("0000001fffffffff"));
    assert!(
        m.text("#set-0").contains("3.5"),
        "kernel range note: {}",
        m.text("#set-0")
    );
    // The link follows the input.
    eventually("the link follows the input", || {
        hash() == "#v=decode&in=CapBnd:+0000001fffffffff"
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_permalink_restores_the_state() {
    let m = Mounted::new("v=decode&in=CapEff:+00000000a80425fb&open=13").await;
    assert_eq!(m.input_value("#decode-input"), "CapEff: 00000000a80425fb");
    assert_eq!(cap_names(&m).len(), 14);
    assert!(m.text("#explain-13").contains("CAP_NET_RAW"));
    assert!(m.text("#set-0").contains("Docker"), "{}", m.text("#set-0"));
}

#[wasm_bindgen_test]
async fn clicking_a_name_opens_and_closes_its_explanation() {
    // The test server has no explanations file beside the page; give the
    // page the text it would fetch.
    caplens_web::hooks::provide_explanations(En.explanations_source());
    let m = Mounted::new("v=decode&in=2000").await;
    assert!(m.find("#explain-13").is_none());
    m.click("#matrix tr[data-cap='13'] .cap-name").await;
    assert!(m.text("#explain-13").contains("ping"));
    m.click("#matrix tr[data-cap='13'] .cap-name").await;
    assert!(m.find("#explain-13").is_none());
}

#[wasm_bindgen_test]
async fn errors_say_where() {
    let m = Mounted::new("").await;
    m.type_into("#decode-input", "CapBnd:\t00000000a80425fg")
        .await;
    let err = m.text("#decode-error");
    assert!(err.contains("Line 1, column"), "{err}");
    // The offending character is shown as code.
    assert_eq!(m.text("#decode-error code"), "g");
    assert!(m.find("#matrix").is_none());
}

#[wasm_bindgen_test]
async fn pasted_markup_stays_text() {
    let m = Mounted::new("").await;
    m.type_into(
        "#decode-input",
        "<img src=x id=injected><b id=bold>CapBnd</b>",
    )
    .await;
    assert!(m.find("#injected").is_none() && m.find("#bold").is_none());
    assert!(gloo::utils::document()
        .get_element_by_id("injected")
        .is_none());
    assert!(m.find("#decode-error").is_some());
}

#[wasm_bindgen_test]
async fn the_grid_builds_a_mask_and_follows_the_paste() {
    let m = Mounted::new("").await;
    m.click("#grid-13").await;
    assert_eq!(m.input_value("#decode-input"), "0000000000002000");
    m.click("#grid-0").await;
    assert_eq!(m.input_value("#decode-input"), "0000000000002001");
    assert_eq!(cap_names(&m), vec!["cap_chown", "cap_net_raw"]);
    // Edits a /proc line in place and keeps the other lines.
    m.type_into(
        "#decode-input",
        "Name:\tx\nCapEff:\t0000000000000001\nNoNewPrivs:\t1",
    )
    .await;
    assert!(m
        .get("#grid-0")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap()
        .checked());
    m.click("#grid-0").await;
    assert_eq!(
        m.input_value("#decode-input"),
        "Name:\tx\nCapEff:\t0000000000000000\nNoNewPrivs:\t1"
    );
}

#[wasm_bindgen_test]
async fn examples_load_in_one_click() {
    let m = Mounted::new("").await;
    for id in [
        "#ex-capsh-decode",
        "#ex-docker-status",
        "#ex-docker-default",
        "#ex-proc-status",
    ] {
        m.click(id).await;
        assert!(
            m.find("#decode-error").is_none(),
            "{id}: {}",
            m.text("#decode-result")
        );
        assert!(m.find("#matrix").is_some(), "{id}");
    }
}

#[wasm_bindgen_test]
async fn tabs_switch_views_and_keep_inputs() {
    let m = Mounted::new("v=decode&in=a80425fb").await;
    m.click("#tab-exec").await;
    eventually("the exec tab is current", || {
        m.find("#tab-exec[aria-current=page]").is_some()
    })
    .await;
    eventually("the link names the exec view", || {
        hash().starts_with("#v=exec")
    })
    .await;
    m.click("#tab-decode").await;
    assert_eq!(m.input_value("#decode-input"), "a80425fb");
}

#[wasm_bindgen_test]
async fn the_panic_screen_shows_details_as_text() {
    caplens_web::panic::show("boom <b id=panic-bold>x</b>");
    let doc = gloo::utils::document();
    let panel = doc.get_element_by_id("panic").expect("panic panel");
    assert!(panel
        .text_content()
        .unwrap()
        .contains("boom <b id=panic-bold>x</b>"));
    assert!(doc.get_element_by_id("panic-bold").is_none());
    assert!(doc.get_element_by_id("panic-copy").is_some());
    assert!(doc.get_element_by_id("panic-reload").is_some());
    panel.remove();
}

fn fragment_of(params: caplens_web::route::Params, view: caplens_web::route::View) -> String {
    caplens_web::route::Route {
        view,
        params,
        panic_test: false,
    }
    .to_fragment()
}

#[wasm_bindgen_test]
async fn exec_view_shows_the_new_sets_and_follows_edits() {
    use caplens_web::route::View;
    let ping = caplens_core::exec::examples::by_slug("ping-p").unwrap();
    let m = Mounted::new(&fragment_of(
        caplens_web::exec::example_params(&ping),
        View::Exec,
    ))
    .await;
    assert!(m
        .text("#exec-sets tr[data-set='pP']")
        .contains("0000000000003000"));
    assert!(
        m.text("#exec-sets tr[data-set='pE']")
            .matches("0000000000000000")
            .count()
            == 2
    );
    assert!(m.find("#exec-lesson").is_some());
    m.type_into_input("#exec-file", "cap_net_raw+ep").await;
    assert!(m
        .text("#exec-sets tr[data-set='pE']")
        .contains("0000000000002000"));
    assert!(
        m.find("#exec-lesson").is_none(),
        "an edited example is no longer the example"
    );
    m.type_into_input("#exec-uid", "abc").await;
    assert!(m.text("#exec-error").contains("abc"));
}

#[wasm_bindgen_test]
async fn exec_view_explains_eperm() {
    use caplens_web::route::View;
    let e = caplens_core::exec::examples::by_slug("docker-user-eperm").unwrap();
    let m = Mounted::new(&fragment_of(
        caplens_web::exec::example_params(&e),
        View::Exec,
    ))
    .await;
    assert!(m.text("#exec-eperm").contains("cap_net_admin"));
    assert!(m.find("#exec-sets").is_none());
}

#[wasm_bindgen_test]
async fn containers_view_flags_an_ineffective_add_and_switches_runtime() {
    let m =
        Mounted::new("v=containers&in=docker+run+--cap-add+NET_ADMIN+--user+1000+busybox").await;
    let ids: Vec<String> = m
        .all("#container-0 .finding")
        .iter()
        .filter_map(|f| f.get_attribute("data-id"))
        .collect();
    assert!(ids.iter().any(|i| i == "ineffective-add"), "{ids:?}");
    m.type_into(
        "#containers-input",
        include_str!("../examples/cpb-demo.yaml"),
    )
    .await;
    assert!(m.text("#container-0 h3").contains("containerd"));
    m.select("#containers-runtime", "crio").await;
    assert!(
        m.text("#container-0 h3").contains("CRI-O"),
        "{}",
        m.text("#container-0 h3")
    );
}

#[wasm_bindgen_test]
async fn many_containers_render_a_bounded_number_of_cards() {
    let pods: String = (0..40).map(|i| format!("---\nkind: Pod\nmetadata: {{name: p{i}}}\nspec:\n  containers: [{{name: c, image: x}}]\n")).collect();
    let m = Mounted::new("v=containers").await;
    m.type_into("#containers-input", &pods).await;
    assert_eq!(
        m.all("article.card").len(),
        caplens_web::containers::MAX_CARDS
    );
    assert!(m.text("#more-cards").contains("40"));
    m.click("#show-all-cards").await;
    assert_eq!(m.all("article.card").len(), 40);
}

#[wasm_bindgen_test]
async fn yaml_errors_are_positioned_and_nothing_is_inserted_as_html() {
    let m = Mounted::new("v=containers").await;
    m.type_into(
        "#containers-input",
        "kind: Pod\nspec:\n  containers: [\n<b id=yaml-bold>",
    )
    .await;
    let err = m.text("#containers-error");
    assert!(err.to_lowercase().contains("line"), "{err}");
    assert!(gloo::utils::document()
        .get_element_by_id("yaml-bold")
        .is_none());
}
