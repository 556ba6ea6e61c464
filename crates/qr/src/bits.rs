//! The data codewords: one byte-mode segment (mode indicator 0100, the
//! byte count, the bytes), the terminator, then padding to the capacity.
use crate::tables::{self, Level};

/// Bits of the byte count: 8 up to version 9, 16 from version 10.
fn count_bits(version: u8) -> usize {
    if version < 10 {
        8
    } else {
        16
    }
}

/// Whether `len` bytes fit in `version` at `level`.
pub(crate) fn fits(len: usize, version: u8, level: Level) -> bool {
    4 + count_bits(version) + 8 * len <= 8 * tables::data_codewords(version, level)
}

/// Bits written most significant first.
struct Bits {
    bytes: Vec<u8>,
    len: usize,
}

impl Bits {
    fn push(&mut self, value: u32, n: usize) {
        for i in (0..n).rev() {
            if self.len % 8 == 0 {
                self.bytes.push(0);
            }
            if (value >> i) & 1 != 0 {
                self.bytes[self.len / 8] |= 0x80 >> (self.len % 8);
            }
            self.len += 1;
        }
    }
}

/// The data codewords for `data` (which must fit) in `version` at `level`.
pub(crate) fn data_codewords(data: &[u8], version: u8, level: Level) -> Vec<u8> {
    let capacity = tables::data_codewords(version, level);
    let mut bits = Bits {
        bytes: Vec::with_capacity(capacity),
        len: 0,
    };
    bits.push(0b0100, 4);
    bits.push(data.len() as u32, count_bits(version));
    for &b in data {
        bits.push(b.into(), 8);
    }
    // Terminator: up to four zero bits; the last byte is then completed
    // with zeros by `push` itself.
    let room = capacity * 8 - bits.len;
    bits.push(0, room.min(4));
    let mut out = bits.bytes;
    // Pad codewords alternate 11101100 and 00010001.
    for pad in [0xec, 0x11].into_iter().cycle() {
        if out.len() >= capacity {
            break;
        }
        out.push(pad);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_terminator_and_padding() {
        // Version 1-M holds 16 data codewords: 0100, count 00000010, 'h'
        // 'i', terminator 0000, then pad codewords.
        let c = data_codewords(b"hi", 1, Level::M);
        assert_eq!(c.len(), 16);
        assert_eq!(&c[..4], &[0x40, 0x26, 0x86, 0x90]);
        assert_eq!(&c[4..8], &[0xec, 0x11, 0xec, 0x11]);
    }

    #[test]
    fn a_16_bit_count_from_version_10() {
        let data = vec![0xffu8; 200];
        let c = data_codewords(&data, 10, Level::M);
        // 0100, then 200 as 16 bits: 0000 0000 1100 1000.
        assert_eq!(&c[..3], &[0x40, 0x0c, 0x8f]);
        assert_eq!(c.len(), tables::data_codewords(10, Level::M));
    }

    #[test]
    fn fourteen_bytes_fill_version_1_m() {
        // 4 + 8 + 14 × 8 bits and a 4-bit terminator: 16 codewords, no pad.
        let c = data_codewords(&[0; 14], 1, Level::M);
        assert_eq!(c.len(), 16);
        assert!(fits(14, 1, Level::M) && !fits(15, 1, Level::M));
    }
}
