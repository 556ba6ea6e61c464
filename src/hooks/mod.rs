//! The page's own hooks, one per file.
mod use_sliced_analysis;

pub use use_sliced_analysis::{
    use_sliced_analysis, AnalysisKey, SlicedAnalysis, SLICED_ABOVE_BYTES,
};
