//! The JSON-lines protocol of `caplens exec` (being written).
