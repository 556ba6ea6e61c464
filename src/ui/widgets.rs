//! Small reusable pieces: copy button, example buttons, the paste box.
use crate::strings::ui as t;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyProps {
    /// What goes to the clipboard.
    pub text: AttrValue,
    /// Visible label, e.g. "Copy mask".
    pub label: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// A button that copies `text` and says so for a moment.
#[function_component(CopyButton)]
pub fn copy_button(p: &CopyProps) -> Html {
    // None: idle; Some(true): copied; Some(false): the browser refused.
    let done = use_state_eq(|| None::<bool>);
    let onclick = {
        let (text, done) = (p.text.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            done.set(Some(super::dom::copy_text(&text)));
            let done = done.clone();
            gloo::timers::callback::Timeout::new(1800, move || done.set(None)).forget();
        })
    };
    let label = match *done {
        None => p.label.to_string(),
        Some(true) => t::COPIED.to_string(),
        Some(false) => t::COPY_MANUALLY.to_string(),
    };
    html! {
        <button type="button" class="copy" id={p.id.clone()} title={p.text.clone()} {onclick}>
            <span aria-live="polite">{ label }</span>
        </button>
    }
}

/// One example: a label and the inputs it loads.
#[derive(Clone, PartialEq)]
pub struct Example {
    pub id: &'static str,
    pub label: &'static str,
    pub params: super::route::Params,
}

#[derive(Properties, PartialEq)]
pub struct ExamplesProps {
    pub examples: Vec<Example>,
    pub on_load: Callback<super::route::Params>,
}

/// A row of buttons, each loading one example in one click.
#[function_component(Examples)]
pub fn examples(p: &ExamplesProps) -> Html {
    let buttons = p.examples.iter().map(|ex| {
        let (on_load, params) = (p.on_load.clone(), ex.params.clone());
        let onclick = Callback::from(move |_: MouseEvent| on_load.emit(params.clone()));
        html! { <button type="button" class="example" id={format!("ex-{}", ex.id)} {onclick}>{ ex.label }</button> }
    });
    html! {
        <div class="examples" role="group" aria-label={t::EXAMPLES}>
            <span class="examples-label">{ t::EXAMPLES }</span>
            { for buttons }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct PasteProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub placeholder: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or(8)]
    pub rows: u32,
}

/// A labelled text area that reports every keystroke.
#[function_component(PasteBox)]
pub fn paste_box(p: &PasteProps) -> Html {
    let oninput = {
        let cb = p.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(area.value());
        })
    };
    html! {
        <div class="paste">
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <textarea id={p.id.clone()} rows={p.rows.to_string()} spellcheck="false" autocapitalize="off"
                autocomplete="off" placeholder={p.placeholder.clone()} value={p.value.clone()} {oninput} />
        </div>
    }
}
