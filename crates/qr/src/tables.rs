//! What each version and level holds: the error correction block structure
//! (ISO/IEC 18004 table 9, levels L and M only) and the counts derived from
//! the symbol's layout.

/// Error correction level. H and Q exist too; a link on a screen needs
/// capacity more than repair, so this encoder offers the two lightest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// About 7 % of the codewords can be restored.
    L,
    /// About 15 %.
    M,
}

impl Level {
    /// The level's two bits in the format information (L = 01, M = 00).
    pub(crate) fn format_bits(self) -> u32 {
        match self {
            Level::L => 0b01,
            Level::M => 0b00,
        }
    }

    fn row(self) -> usize {
        match self {
            Level::L => 0,
            Level::M => 1,
        }
    }
}

/// Error correction codewords in each block, by level, for versions 1–40.
const EC_PER_BLOCK: [[u8; 40]; 2] = [
    [
        7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, //
        28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, //
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ],
];

/// Error correction blocks, by level, for versions 1–40.
const BLOCKS: [[u8; 40]; 2] = [
    [
        1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, //
        8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
    ],
    [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, //
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ],
];

pub(crate) fn ec_per_block(version: u8, level: Level) -> usize {
    EC_PER_BLOCK[level.row()][usize::from(version) - 1].into()
}

pub(crate) fn blocks(version: u8, level: Level) -> usize {
    BLOCKS[level.row()][usize::from(version) - 1].into()
}

/// Modules on a side.
pub(crate) fn size(version: u8) -> usize {
    17 + 4 * usize::from(version)
}

/// Codewords (data and correction) the symbol holds: the modules left once
/// the function patterns are drawn, in whole bytes (the rest are the
/// standard's remainder bits).
pub(crate) fn total_codewords(version: u8) -> usize {
    let n = size(version);
    let finders = 3 * 8 * 8; // each with its separator
    let timing = 2 * (n - 16);
    let format = 2 * 15 + 1; // two copies and the dark module
    let version_info = if version >= 7 { 2 * 18 } else { 0 };
    let k = alignment_positions(version).len();
    // k × k patterns but for the three on the finders; those on row or
    // column 6 share five modules with a timing pattern.
    let alignment = if k == 0 {
        0
    } else {
        25 * (k * k - 3) - 10 * (k - 2)
    };
    (n * n - finders - timing - format - version_info - alignment) / 8
}

pub(crate) fn data_codewords(version: u8, level: Level) -> usize {
    total_codewords(version) - blocks(version, level) * ec_per_block(version, level)
}

/// Rows (and columns) of the alignment patterns' centres: none in version
/// 1; else from 6 to `size − 7`, evenly spaced by an even step from the
/// last one back, the first gap taking what is left over. Version 32 is
/// the one symbol whose step the standard's table rounds down (26, not 28).
pub(crate) fn alignment_positions(version: u8) -> Vec<usize> {
    if version == 1 {
        return Vec::new();
    }
    let k = usize::from(version) / 7 + 2;
    let last = size(version) - 7;
    let step = if version == 32 {
        26
    } else {
        // The span divided in k − 1 parts, rounded up to an even number.
        (last - 6).div_ceil(k - 1).next_multiple_of(2)
    };
    let mut positions = vec![6];
    positions.extend((0..k - 1).rev().map(|i| last - i * step));
    positions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capacity as bytes;

    #[test]
    fn byte_capacities_match_the_standard() {
        // Byte-mode capacities from the standard's capacity table: the
        // block tables above and the module count reproduce them only if
        // both are right.
        let l = [17, 32, 53, 78, 106, 134, 154, 192, 230, 271];
        let m = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];
        for v in 1..=10u8 {
            assert_eq!(bytes(v, Level::L), l[usize::from(v) - 1], "version {v} L");
            assert_eq!(bytes(v, Level::M), m[usize::from(v) - 1], "version {v} M");
        }
        assert_eq!(bytes(40, Level::L), 2953);
        assert_eq!(bytes(40, Level::M), 2331);
    }

    #[test]
    fn codeword_totals_of_some_versions() {
        // Total codewords of versions 1, 2, 7, 14, 40 (standard's table 1).
        let totals = [(1, 26), (2, 44), (7, 196), (14, 581), (40, 3706)];
        for (v, total) in totals {
            assert_eq!(total_codewords(v), total, "version {v}");
        }
    }

    #[test]
    fn alignment_centres_of_some_versions() {
        assert_eq!(alignment_positions(2), [6, 18]);
        assert_eq!(alignment_positions(7), [6, 22, 38]);
        assert_eq!(alignment_positions(16), [6, 26, 50, 74]);
        assert_eq!(alignment_positions(32), [6, 34, 60, 86, 112, 138]);
        assert_eq!(alignment_positions(36), [6, 24, 50, 76, 102, 128, 154]);
        assert_eq!(alignment_positions(40), [6, 30, 58, 86, 114, 142, 170]);
    }
}
