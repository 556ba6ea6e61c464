//! The codeword sequence in the symbol: data split into blocks, each block's
//! error correction computed, then both interleaved column by column.
use crate::gf;
use crate::tables::{self, Level};

/// All codewords in placement order, for `data` (all the data codewords of
/// `version` at `level`).
pub(crate) fn with_correction(data: &[u8], version: u8, level: Level) -> Vec<u8> {
    let count = tables::blocks(version, level);
    let ec_len = tables::ec_per_block(version, level);
    // Blocks of `short` codewords come first; the rest hold one more.
    let short = data.len() / count;
    let shorts = count - data.len() % count;
    let mut blocks = Vec::with_capacity(count);
    let mut start = 0;
    for i in 0..count {
        let len = short + usize::from(i >= shorts);
        blocks.push(&data[start..start + len]);
        start += len;
    }
    let generator = gf::generator(ec_len);
    let ec: Vec<Vec<u8>> = blocks
        .iter()
        .map(|b| gf::remainder(b, &generator))
        .collect();

    let mut out = Vec::with_capacity(data.len() + count * ec_len);
    for i in 0..=short {
        out.extend(blocks.iter().filter_map(|b| b.get(i)));
    }
    for i in 0..ec_len {
        out.extend(ec.iter().map(|e| e[i]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interleaving_of_version_6_m() {
        // Version 6-M: 4 blocks of 27 data codewords (108 in all), 16
        // correction codewords each.
        let data: Vec<u8> = (0..108).map(|i| i as u8).collect();
        let all = with_correction(&data, 6, Level::M);
        assert_eq!(all.len(), tables::total_codewords(6));
        assert_eq!(&all[..6], &[0, 27, 54, 81, 1, 28]);
        assert_eq!(all[107], 107);
    }

    #[test]
    fn longer_blocks_come_last() {
        // Version 9-M: 5 blocks of 36 or 37 data codewords (3 short, 2
        // long), 182 in all.
        let data: Vec<u8> = (0..182).map(|i| i as u8).collect();
        let all = with_correction(&data, 9, Level::M);
        assert_eq!(all.len(), tables::total_codewords(9));
        // Column 0: starts of blocks at 0, 36, 72, 108, 145.
        assert_eq!(&all[..5], &[0, 36, 72, 108, 145]);
        // The last data column holds only the two long blocks' last bytes.
        assert_eq!(&all[180..182], &[144, 181]);
    }

    #[test]
    fn each_block_carries_its_own_correction() {
        let data: Vec<u8> = (0..108).map(|i| (i * 7) as u8).collect();
        let all = with_correction(&data, 6, Level::M);
        let g = gf::generator(16);
        let first = gf::remainder(&data[..27], &g);
        let second = gf::remainder(&data[27..54], &g);
        assert_eq!(all[108], first[0]);
        assert_eq!(all[109], second[0]);
        assert_eq!(all[108 + 4], first[1]);
    }
}
