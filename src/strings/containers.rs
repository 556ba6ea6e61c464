//! English text: containers. (being written)
