//! Container runtimes: which capability sets each one writes into the OCI spec. (being written)
