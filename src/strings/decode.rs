//! English text: decode. (being written)
