//! The eight data masks and the penalty rules that choose among them.
use crate::format;
use crate::matrix::Grid;
use crate::tables::Level;

/// Whether mask `mask` inverts the module in row `i`, column `j`.
fn inverts(mask: u8, i: usize, j: usize) -> bool {
    match mask {
        0 => (i + j) % 2 == 0,
        1 => i % 2 == 0,
        2 => j % 3 == 0,
        3 => (i + j) % 3 == 0,
        4 => (i / 2 + j / 3) % 2 == 0,
        5 => (i * j) % 2 + (i * j) % 3 == 0,
        6 => ((i * j) % 2 + (i * j) % 3) % 2 == 0,
        _ => ((i + j) % 2 + (i * j) % 3) % 2 == 0,
    }
}

/// Inverts the data modules `mask` selects (applying it twice undoes it).
pub(crate) fn apply(grid: &mut Grid, mask: u8) {
    let n = grid.size;
    for i in 0..n {
        for j in 0..n {
            let k = i * n + j;
            if !grid.function[k] && inverts(mask, i, j) {
                grid.dark[k] = !grid.dark[k];
            }
        }
    }
}

/// The mask with the lowest penalty (the first of equals), each scored
/// with its own format information drawn.
pub(crate) fn best(grid: &mut Grid, level: Level) -> u8 {
    let mut best = (u32::MAX, 0);
    for mask in 0..8 {
        apply(grid, mask);
        grid.draw_format(format::format_bits(level, mask));
        let score = penalty(&grid.dark, grid.size);
        if score < best.0 {
            best = (score, mask);
        }
        apply(grid, mask);
    }
    best.1
}

/// The four penalty rules over the whole symbol.
pub(crate) fn penalty(dark: &[bool], n: usize) -> u32 {
    let mut score = 0;
    let mut column = vec![false; n];
    for k in 0..n {
        score += line_penalty(&dark[k * n..(k + 1) * n]);
        for (y, c) in column.iter_mut().enumerate() {
            *c = dark[y * n + k];
        }
        score += line_penalty(&column);
    }
    // Rule 2: 3 for every 2 × 2 block of one colour (overlaps counted).
    for y in 0..n - 1 {
        for x in 0..n - 1 {
            let c = dark[y * n + x];
            if [(1, 0), (0, 1), (1, 1)]
                .iter()
                .all(|(dx, dy)| dark[(y + dy) * n + x + dx] == c)
            {
                score += 3;
            }
        }
    }
    // Rule 4: 10 for every full 5 % the dark share is away from 50 %.
    let total = n * n;
    let dark_count = dark.iter().filter(|d| **d).count();
    score + 10 * ((20 * dark_count).abs_diff(10 * total) / total) as u32
}

/// Rules 1 and 3 along one row or column.
fn line_penalty(line: &[bool]) -> u32 {
    let mut score = 0;
    // Rule 1: a run of 5 + i modules of one colour scores 3 + i.
    let mut run = 1;
    for k in 1..=line.len() {
        if k < line.len() && line[k] == line[k - 1] {
            run += 1;
            continue;
        }
        if run >= 5 {
            score += run as u32 - 2;
        }
        run = 1;
    }
    // Rule 3: dark-light-dark×3-light-dark (1:1:3:1:1) with four light
    // modules before or after it scores 40 per side; beyond the edge is the
    // quiet zone, which is light.
    const FINDER: [bool; 7] = [true, false, true, true, true, false, true];
    let light = |k: isize| k < 0 || k as usize >= line.len() || !line[k as usize];
    for (k, window) in line.windows(7).enumerate() {
        if window == FINDER {
            let k = k as isize;
            score += 40 * u32::from((k - 4..k).all(light));
            score += 40 * u32::from((k + 7..k + 11).all(light));
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Vec<bool> {
        s.chars().map(|c| c == '#').collect()
    }

    #[test]
    fn runs_of_five_and_more() {
        assert_eq!(line_penalty(&line("#.#.")), 0);
        assert_eq!(line_penalty(&line("#####.#.")), 3);
        assert_eq!(line_penalty(&line("#######.#.")), 5);
        assert_eq!(line_penalty(&line("#.#.#......")), 4);
    }

    #[test]
    fn finder_like_patterns() {
        // Light on the right only (on the left are dark modules).
        assert_eq!(line_penalty(&line("#.#.#.###.#....#")), 40);
        // At the start of a line the quiet zone counts as light; the four
        // light modules after it count too, and so does their run of 4:
        // no rule 1 score (under 5).
        assert_eq!(line_penalty(&line("#.###.#....#")), 80);
        assert_eq!(line_penalty(&line("#.###.#.#")), 40);
    }

    #[test]
    fn balance_and_blocks() {
        // 2 × 2 all dark: one block, 100 % dark = 10 × 10; runs none.
        assert_eq!(penalty(&[true; 4], 2), 3 + 100);
        // A 2 × 2 checkerboard: balanced, no block.
        assert_eq!(penalty(&[true, false, false, true], 2), 0);
    }

    #[test]
    fn masks_follow_their_conditions() {
        // Row 0, column 0 is inverted by every mask.
        assert!((0..8).all(|m| inverts(m, 0, 0)));
        assert!(inverts(2, 5, 3) && !inverts(2, 5, 4));
        assert!(inverts(4, 1, 2) && !inverts(4, 2, 2));
    }
}
