//! The module grid: function patterns (finders, separators, timing,
//! alignment, format and version areas) and the codewords placed in the
//! remaining modules along the standard's two-column zigzag.
use crate::{format, tables};

pub(crate) struct Grid {
    pub(crate) size: usize,
    /// Row by row, `true` = dark.
    pub(crate) dark: Vec<bool>,
    /// Function modules, which hold no data and are never masked.
    pub(crate) function: Vec<bool>,
}

impl Grid {
    /// A grid with every function pattern of `version` drawn and the
    /// format areas reserved.
    pub(crate) fn new(version: u8) -> Grid {
        let size = tables::size(version);
        let mut g = Grid {
            size,
            dark: vec![false; size * size],
            function: vec![false; size * size],
        };
        for i in 0..size {
            g.set(6, i, i % 2 == 0);
            g.set(i, 6, i % 2 == 0);
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            g.pattern(x, y, 4, |d| d != 2 && d != 4);
        }
        let centres = tables::alignment_positions(version);
        let last = centres.len().saturating_sub(1);
        for (i, &y) in centres.iter().enumerate() {
            for (j, &x) in centres.iter().enumerate() {
                // The three corners taken by the finders have none.
                if !((i == 0 && (j == 0 || j == last)) || (j == 0 && i == last)) {
                    g.pattern(x, y, 2, |d| d != 1);
                }
            }
        }
        g.draw_format(0);
        if version >= 7 {
            g.draw_version(format::version_bits(version));
        }
        g
    }

    fn set(&mut self, x: usize, y: usize, dark: bool) {
        let i = y * self.size + x;
        self.dark[i] = dark;
        self.function[i] = true;
    }

    /// A square of rings around (`cx`, `cy`) out to `radius`, each ring
    /// dark or light by its distance from the centre; clipped at the edge
    /// (the finders' separators fall partly outside).
    fn pattern(&mut self, cx: usize, cy: usize, radius: usize, dark: fn(usize) -> bool) {
        for y in cy.saturating_sub(radius)..=cy + radius {
            for x in cx.saturating_sub(radius)..=cx + radius {
                if x < self.size && y < self.size {
                    self.set(x, y, dark(x.abs_diff(cx).max(y.abs_diff(cy))));
                }
            }
        }
    }

    /// The 15 format bits (bit 14 first in reading order), twice: around
    /// the top-left finder, and split between the other two; plus the
    /// module next to the bottom-left finder that is always dark.
    pub(crate) fn draw_format(&mut self, bits: u32) {
        let n = self.size;
        let bit = |i: usize| (bits >> i) & 1 != 0;
        for i in 0..15 {
            // Copy 1: up column 8 (bits 0–7, skipping the timing row), then
            // along row 8 leftwards (bits 8–14, skipping the timing column).
            let (x, y) = match i {
                0..=5 => (8, i),
                6 => (8, 7),
                7 => (8, 8),
                8 => (7, 8),
                _ => (14 - i, 8),
            };
            self.set(x, y, bit(i));
            // Copy 2: bits 0–7 along row 8 from the right edge, bits 8–14
            // down column 8 to the bottom edge.
            let (x, y) = if i < 8 {
                (n - 1 - i, 8)
            } else {
                (8, n - 15 + i)
            };
            self.set(x, y, bit(i));
        }
        self.set(8, n - 8, true);
    }

    /// The 18 version bits, twice: a 6 × 3 block left of the top-right
    /// finder and its mirror above the bottom-left one.
    fn draw_version(&mut self, bits: u32) {
        let n = self.size;
        for i in 0..18 {
            let dark = (bits >> i) & 1 != 0;
            let (a, b) = (n - 11 + i % 3, i / 3);
            self.set(a, b, dark);
            self.set(b, a, dark);
        }
    }

    /// Writes `codewords` bit by bit (most significant first) in pairs of
    /// columns from the right edge, upwards then downwards in turn,
    /// skipping the vertical timing column and every function module.
    /// Modules left over (remainder bits) stay light.
    pub(crate) fn place(&mut self, codewords: &[u8]) {
        let n = self.size;
        let mut bit = 0;
        let mut right = n - 1;
        let mut upward = true;
        loop {
            if right == 6 {
                right = 5;
            }
            for k in 0..n {
                let y = if upward { n - 1 - k } else { k };
                for x in [right, right - 1] {
                    let i = y * n + x;
                    if self.function[i] {
                        continue;
                    }
                    self.dark[i] = codewords
                        .get(bit / 8)
                        .is_some_and(|c| c & (0x80 >> (bit % 8)) != 0);
                    bit += 1;
                }
            }
            if right < 2 {
                break;
            }
            right -= 2;
            upward = !upward;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(g: &Grid, rows: std::ops::Range<usize>, cols: std::ops::Range<usize>) -> Vec<String> {
        rows.map(|y| {
            cols.clone()
                .map(|x| if g.dark[y * g.size + x] { '#' } else { '.' })
                .collect()
        })
        .collect()
    }

    #[test]
    fn finder_separator_and_timing() {
        let g = Grid::new(1);
        let top_left = art(&g, 0..8, 0..8);
        assert_eq!(
            top_left,
            [
                "#######.", "#.....#.", "#.###.#.", "#.###.#.", "#.###.#.", "#.....#.", "#######.",
                "........",
            ]
        );
        assert_eq!(art(&g, 6..7, 8..13), ["#.#.#"]);
        // The dark module beside the bottom-left finder.
        assert!(g.dark[(g.size - 8) * g.size + 8]);
    }

    #[test]
    fn alignment_pattern_of_version_2() {
        let g = Grid::new(2);
        assert_eq!(
            art(&g, 16..21, 16..21),
            ["#####", "#...#", "#.#.#", "#...#", "#####"]
        );
    }

    #[test]
    fn version_information_of_version_7() {
        // 000111 110010010100, least significant bit first: down the rows
        // of three modules left of the top-right finder, and the same
        // transposed above the bottom-left one.
        let g = Grid::new(7);
        let n = g.size;
        let block = ["..#", ".#.", ".#.", ".##", "###", "..."];
        assert_eq!(art(&g, 0..6, n - 11..n - 8), block);
        let mirrored: Vec<String> = (0..3)
            .map(|c| block.iter().map(|r| r.as_bytes()[c] as char).collect())
            .collect();
        assert_eq!(art(&g, n - 11..n - 8, 0..6), mirrored);
    }

    #[test]
    fn every_data_module_gets_a_bit() {
        // The modules left free hold the codewords and the remainder bits:
        // 0 remainder bits in version 1, 7 in version 2, 0 in version 7.
        for (v, remainder) in [(1, 0), (2, 7), (7, 0), (14, 3), (40, 0)] {
            let g = Grid::new(v);
            let free = g.function.iter().filter(|f| !**f).count();
            assert_eq!(
                free,
                tables::total_codewords(v) * 8 + remainder,
                "version {v}"
            );
        }
    }

    #[test]
    fn the_first_codeword_fills_the_bottom_right_corner() {
        let mut g = Grid::new(1);
        g.place(&[0b1010_0000]);
        let n = g.size;
        // Bits 7, 6, 5, 4 at (20,20), (19,20), (20,19), (19,19).
        let at = |x: usize, y: usize| g.dark[y * n + x];
        assert!(at(20, 20) && !at(19, 20) && at(20, 19) && !at(19, 19));
    }
}
