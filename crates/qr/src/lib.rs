//! A QR Code encoder (ISO/IEC 18004) for one job: a link turned into a
//! symbol a phone can scan off a projected slide. Byte mode only, error
//! correction level L or M, versions 1 to 40, the mask chosen by the
//! standard's four penalty rules.
//!
//! ```
//! let qr = caplens_qr::encode(b"https://example.com/#v=decode").unwrap();
//! assert_eq!(qr.size(), 25); // version 2: 17 + 4 × 2 modules a side
//! ```
mod bits;
mod blocks;
mod format;
mod gf;
mod mask;
mod matrix;
mod svg;
mod tables;

pub use tables::Level;

/// The most bytes one symbol holds: version 40, level L, byte mode.
pub const MAX_BYTES: usize = 2953;

/// The data does not fit in any symbol (more than [`MAX_BYTES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    pub len: usize,
}

/// A finished symbol: `size × size` modules, row by row, `true` = dark.
/// The quiet zone (four light modules on every side) is not included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrCode {
    size: usize,
    modules: Vec<bool>,
    version: u8,
    level: Level,
    mask: u8,
}

/// Encodes `data` in the smallest symbol that holds it at level L, raised
/// to level M when that still fits the same version: fewer modules means
/// bigger modules on a slide, which matters more across a room than
/// correction of damage a screen does not suffer.
pub fn encode(data: &[u8]) -> Result<QrCode, TooLong> {
    let version = smallest_version(data.len(), Level::L)?;
    let level = if bits::fits(data.len(), version, Level::M) {
        Level::M
    } else {
        Level::L
    };
    Ok(build(data, version, level, None))
}

/// `data` at `level` in the smallest version that holds it, with mask
/// `mask` (0–7) if given instead of the best one: lets the tests check
/// every version, level and mask against a decoder.
pub fn encode_with(data: &[u8], level: Level, mask: Option<u8>) -> Result<QrCode, TooLong> {
    let version = smallest_version(data.len(), level)?;
    Ok(build(data, version, level, mask.map(|m| m & 7)))
}

/// The most bytes `version` (1–40) holds at `level`.
pub fn capacity(version: u8, level: Level) -> usize {
    let count_bits = if version < 10 { 8 } else { 16 };
    (tables::data_codewords(version, level) * 8 - 4 - count_bits) / 8
}

fn smallest_version(len: usize, level: Level) -> Result<u8, TooLong> {
    (1..=40)
        .find(|&v| bits::fits(len, v, level))
        .ok_or(TooLong { len })
}

fn build(data: &[u8], version: u8, level: Level, mask: Option<u8>) -> QrCode {
    let codewords = bits::data_codewords(data, version, level);
    let all = blocks::with_correction(&codewords, version, level);
    let mut grid = matrix::Grid::new(version);
    grid.place(&all);
    let mask = mask.unwrap_or_else(|| mask::best(&mut grid, level));
    mask::apply(&mut grid, mask);
    grid.draw_format(format::format_bits(level, mask));
    QrCode {
        size: grid.size,
        modules: grid.dark,
        version,
        level,
        mask,
    }
}

impl QrCode {
    /// Modules on a side (17 + 4 × version).
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module in column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.modules[y * self.size + x]
    }

    /// All modules, row by row.
    pub fn modules(&self) -> &[bool] {
        &self.modules
    }

    pub fn version(&self) -> u8 {
        self.version
    }

    pub fn level(&self) -> Level {
        self.level
    }

    pub fn mask(&self) -> u8 {
        self.mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smallest_version_then_level_m_when_it_still_fits() {
        // Version 1 holds 17 bytes at L and 14 at M.
        let q = encode(&[b'a'; 14]).unwrap();
        assert_eq!((q.version(), q.level(), q.size()), (1, Level::M, 21));
        let q = encode(&[b'a'; 15]).unwrap();
        assert_eq!((q.version(), q.level()), (1, Level::L));
        let q = encode(&[b'a'; 18]).unwrap();
        assert_eq!((q.version(), q.level(), q.size()), (2, Level::M, 25));
    }

    #[test]
    fn the_largest_symbol_and_one_byte_more() {
        let q = encode(&[b'x'; MAX_BYTES]).unwrap();
        assert_eq!((q.version(), q.level(), q.size()), (40, Level::L, 177));
        assert_eq!(
            encode(&[b'x'; MAX_BYTES + 1]),
            Err(TooLong { len: MAX_BYTES + 1 })
        );
    }

    #[test]
    fn capacity_is_the_edge_of_each_version() {
        for v in 1..=40 {
            for level in [Level::L, Level::M] {
                let fits = encode_with(&vec![b'a'; capacity(v, level)], level, Some(0));
                assert_eq!(fits.unwrap().version(), v);
                if v < 40 {
                    let over = encode_with(&vec![b'a'; capacity(v, level) + 1], level, Some(0));
                    assert_eq!(over.unwrap().version(), v + 1);
                }
            }
        }
        assert_eq!(capacity(40, Level::L), MAX_BYTES);
    }

    #[test]
    fn empty_data_is_a_valid_symbol() {
        assert_eq!(encode(b"").unwrap().version(), 1);
    }

    #[test]
    fn a_fixed_mask_is_kept() {
        for m in 0..8 {
            let q = encode_with(b"caplens", Level::L, Some(m)).unwrap();
            assert_eq!((q.mask(), q.level()), (m, Level::L));
        }
    }
}
