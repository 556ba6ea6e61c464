//! English text: catalog. (being written)
