//! English text: exec. (being written)
