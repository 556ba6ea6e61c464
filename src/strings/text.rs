//! English text: text. (being written)
