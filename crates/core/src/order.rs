//! Stable ordering by a small integer rank. The standard library's stable
//! sort is monomorphised for every element type and each copy costs about
//! 2 KB of WebAssembly; this sorts `(rank, index)` pairs instead, which is
//! one shared instance, and then moves the elements into place.

/// Reorders `v` by ascending `rank`, keeping the input order among equal ranks.
pub fn by_rank<T>(v: &mut Vec<T>, rank: impl Fn(&T) -> u32) {
    let mut keys: Vec<(u32, usize)> = v.iter().enumerate().map(|(i, x)| (rank(x), i)).collect();
    if keys.windows(2).all(|w| w[0].0 <= w[1].0) {
        return;
    }
    // Indices are unique, so an unstable sort of the pairs is stable in effect.
    keys.sort_unstable();
    let mut old: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(keys.iter().filter_map(|&(_, i)| old[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_rank_and_keeps_input_order_within_a_rank() {
        let mut v = vec![(2, 'a'), (0, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        by_rank(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'b'), (0, 'e'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        by_rank(&mut empty, |&x| x as u32);
        assert!(empty.is_empty());
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        let mut seed = 12345u32;
        for len in 0..60 {
            let mut v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) % 4, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|x| x.0);
            by_rank(&mut v, |x| x.0);
            assert_eq!(v, expected);
        }
    }
}
