//! The symbol as SVG path data: one rectangle per horizontal run of dark
//! modules, in module units, so a single `<path>` draws it at any scale.
use crate::QrCode;

impl QrCode {
    /// Path data with every module shifted by `border` modules (the quiet
    /// zone around the symbol, four by the standard).
    pub fn svg_path(&self, border: usize) -> String {
        let n = self.size;
        let mut d = String::new();
        for y in 0..n {
            let mut x = 0;
            while x < n {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < n && self.is_dark(x, y) {
                    x += 1;
                }
                let len = x - start;
                d.push('M');
                push_number(&mut d, start + border);
                d.push(' ');
                push_number(&mut d, y + border);
                d.push('h');
                push_number(&mut d, len);
                d.push_str("v1h-");
                push_number(&mut d, len);
                d.push('z');
            }
        }
        d
    }
}

/// `n` in decimal; by hand, since `format!` at each run costs the page
/// more code than this.
fn push_number(d: &mut String, n: usize) {
    if n >= 10 {
        push_number(d, n / 10);
    }
    d.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_rectangle_per_run() {
        let q = crate::encode(b"x").unwrap();
        let d = q.svg_path(4);
        // Row 0 of version 1 begins with the 7-module finder's top edge.
        assert!(d.starts_with("M4 4h7v1h-7z"), "{d}");
        let runs: usize = (0..q.size())
            .map(|y| {
                (0..q.size())
                    .filter(|&x| q.is_dark(x, y) && (x == 0 || !q.is_dark(x - 1, y)))
                    .count()
            })
            .sum();
        assert_eq!(d.matches('M').count(), runs);
    }

    #[test]
    fn numbers() {
        let mut d = String::new();
        for n in [0, 7, 10, 185, 1000] {
            super::push_number(&mut d, n);
            d.push(' ');
        }
        assert_eq!(d, "0 7 10 185 1000 ");
    }
}
