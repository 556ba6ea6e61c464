//! English text: ui. (being written)
