//! Reed–Solomon error correction over GF(256) as QR Code defines it: the
//! field's reducing polynomial is x⁸ + x⁴ + x³ + x² + 1 and the generator
//! polynomial of degree n has the roots α⁰ … αⁿ⁻¹ with α = 2.

/// Product in GF(256), by shift and add (no tables: a few hundred bytes of
/// tables would cost more download than the time saved here).
pub(crate) fn mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0;
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        // a × x, reduced: the x⁸ term becomes x⁴ + x³ + x² + 1.
        let overflow = a & 0x80 != 0;
        a <<= 1;
        if overflow {
            a ^= 0x1d;
        }
        b >>= 1;
    }
    product
}

/// The generator polynomial of degree `n`, (x − α⁰)(x − α¹)…(x − αⁿ⁻¹),
/// as its coefficients from xⁿ⁻¹ down to x⁰ (the leading 1 left out).
pub(crate) fn generator(n: usize) -> Vec<u8> {
    let mut poly = vec![1u8];
    let mut root = 1u8;
    for _ in 0..n {
        // poly × (x + root); subtraction is addition (xor) in GF(2⁸).
        let mut next = vec![0u8; poly.len() + 1];
        for (i, &c) in poly.iter().enumerate() {
            next[i] ^= c;
            next[i + 1] ^= mul(c, root);
        }
        poly = next;
        root = mul(root, 2);
    }
    poly.remove(0);
    poly
}

/// The error correction codewords of `data`: the remainder of
/// data(x) × xⁿ divided by the generator `generator` of degree n.
pub(crate) fn remainder(data: &[u8], generator: &[u8]) -> Vec<u8> {
    let mut rem = vec![0u8; generator.len()];
    for &d in data {
        let factor = d ^ rem[0];
        rem.copy_within(1.., 0);
        rem[generator.len() - 1] = 0;
        for (r, &g) in rem.iter_mut().zip(generator) {
            *r ^= mul(g, factor);
        }
    }
    rem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_arithmetic() {
        assert_eq!(mul(0, 0x53), 0);
        assert_eq!(mul(1, 0x53), 0x53);
        // α⁸ = α⁴ + α³ + α² + 1
        assert_eq!(mul(0x80, 2), 0x1d);
        // Every non-zero element has an inverse: α has order 255.
        let mut x = 1u8;
        for i in 1..=255 {
            x = mul(x, 2);
            assert_eq!(x == 1, i == 255, "α^{i}");
        }
    }

    #[test]
    fn generator_of_degree_7() {
        // The standard's annex A lists g(x) for 7 codewords as exponents of
        // α: x⁷ + α⁸⁷x⁶ + α²²⁹x⁵ + α¹⁴⁶x⁴ + α¹⁴⁹x³ + α²³⁸x² + α¹⁰²x + α²¹.
        let alpha = |e: u32| (0..e).fold(1u8, |x, _| mul(x, 2));
        let expected: Vec<u8> = [87, 229, 146, 149, 238, 102, 21].map(alpha).to_vec();
        assert_eq!(generator(7), expected);
    }

    #[test]
    fn version_1_m_examples() {
        // "01234567" in version 1-M (the standard's annex I example).
        let data = [
            0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11,
            0xec, 0x11,
        ];
        let ec = [0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55];
        assert_eq!(remainder(&data, &generator(10)), ec);
        // "HELLO WORLD" in version 1-M, alphanumeric mode.
        let data = [
            32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17,
        ];
        let ec = [196, 35, 39, 119, 235, 215, 231, 226, 93, 23];
        assert_eq!(remainder(&data, &generator(10)), ec);
    }
}
