//! The page's own hooks, one per file.
mod use_explanations;
mod use_sliced_analysis;

pub use use_explanations::{provide as provide_explanations, use_explanations, Explained};
pub use use_sliced_analysis::{
    use_sliced_analysis, AnalysisKey, SlicedAnalysis, SLICED_ABOVE_BYTES,
};
