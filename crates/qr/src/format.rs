//! Format information (level and mask) and version information, each
//! protected by its BCH code.

/// `data` (`data_bits` long) followed by the remainder of data × x^degree
/// divided by `poly` (a polynomial of that degree over GF(2)).
fn bch(data: u32, data_bits: u32, poly: u32, degree: u32) -> u32 {
    let mut rem = data << degree;
    for i in (0..data_bits).rev() {
        if rem & (1 << (i + degree)) != 0 {
            rem ^= poly << i;
        }
    }
    (data << degree) | rem
}

/// The 15 format bits for `level` and `mask`: BCH(15,5) with
/// x¹⁰ + x⁸ + x⁵ + x⁴ + x² + x + 1, masked with 101010000010010 so that no
/// combination is all light.
pub(crate) fn format_bits(level: crate::Level, mask: u8) -> u32 {
    let data = (level.format_bits() << 3) | u32::from(mask);
    bch(data, 5, 0b101_0011_0111, 10) ^ 0b101_0100_0001_0010
}

/// The 18 version bits (versions 7 and up): BCH(18,6) with
/// x¹² + x¹¹ + x¹⁰ + x⁹ + x⁸ + x⁵ + x² + 1.
pub(crate) fn version_bits(version: u8) -> u32 {
    bch(version.into(), 6, 0b1_1111_0010_0101, 12)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Level;

    #[test]
    fn format_information_of_the_standard_table() {
        assert_eq!(format_bits(Level::M, 0), 0b101010000010010);
        assert_eq!(format_bits(Level::L, 0), 0b111011111000100);
        assert_eq!(format_bits(Level::L, 6), 0b110110001000001);
        assert_eq!(format_bits(Level::L, 7), 0b110100101110110);
        assert_eq!(format_bits(Level::M, 5), 0b100000011001110);
    }

    #[test]
    fn version_information_of_the_standard_table() {
        assert_eq!(version_bits(7), 0x07c94);
        assert_eq!(version_bits(8), 0x085bc);
        assert_eq!(version_bits(10), 0x0a4d3);
        assert_eq!(version_bits(40), 0x28c69);
    }
}
