//! Node properties: `&anchor`, `*alias` names and `!tags`.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn props(&mut self, anchor: &mut Option<&'a str>, tag: &mut bool) -> R<bool> {
        match self.c() {
            b'&' => {
                if anchor.is_some() {
                    return self.fail(SyntaxKind::BadAnchor);
                }
                *anchor = Some(self.name()?);
                Ok(true)
            }
            b'!' => {
                if *tag {
                    return self.fail(SyntaxKind::BadTag);
                }
                self.tag()?;
                *tag = true;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// An anchor or alias name after `&`/`*`.
    pub(super) fn name(&mut self) -> R<&'a str> {
        let m = self.mark();
        self.bump();
        let s = self.i;
        while !self.end_at(0) && !flow_ind(self.c()) {
            self.bump();
        }
        if s == self.i {
            return Err(Fail {
                at: m,
                kind: SyntaxKind::BadAnchor,
            });
        }
        Ok(&self.s[s..self.i])
    }

    /// A tag: `!<verbatim>`, `!`, `!suffix`, `!!suffix` or `!name!suffix`.
    pub(super) fn tag(&mut self) -> R<()> {
        let m = self.mark();
        self.bump();
        let ok = if self.c() == b'<' {
            self.verbatim_tag()
        } else {
            self.shorthand_tag()
        };
        if !ok || (!self.end_at(0) && (!flow_ind(self.c()) || self.flows.is_empty())) {
            return Err(Fail {
                at: m,
                kind: SyntaxKind::BadTag,
            });
        }
        Ok(())
    }

    /// `!<...>` after the `!`: anything up to `>`, not empty.
    fn verbatim_tag(&mut self) -> bool {
        self.bump();
        let s = self.i;
        while !self.end_at(0) && self.c() != b'>' {
            self.bump();
        }
        if self.c() != b'>' || s == self.i {
            return false;
        }
        self.bump();
        true
    }

    /// A tag with an optional handle, after its first `!`.
    fn shorthand_tag(&mut self) -> bool {
        let s = self.i - 1;
        let mut bangs = 0;
        let mut last = None;
        while !self.end_at(0) && (!flow_ind(self.c()) || self.flows.is_empty()) {
            let c = self.c();
            let uri = c.is_ascii_alphanumeric() || b"-#;/?:@&=+$_.~*'()%!".contains(&c);
            if !uri {
                return false;
            }
            if c == b'!' {
                bangs += 1;
                last = Some(self.i);
            } else if c == b'%' {
                let h = |c: u8| c.is_ascii_hexdigit();
                if !(h(self.at(1)) && h(self.at(2))) {
                    return false;
                }
            }
            self.bump();
        }
        let text = &self.s[s..self.i];
        if let Some(last) = last {
            // `!name!suffix` needs a %TAG for `!name!`; `!!` needs a
            // suffix; one handle only.
            let handle = &self.s[s..=last];
            if handle != "!!" && !self.tags.contains_key(handle) {
                return false;
            }
            if bangs > 1 || (handle == "!!" && last + 1 == self.i) {
                return false;
            }
        }
        !text.contains('%') || escapes_decode(text.as_bytes())
    }
}

/// Whether a tag's `%xx` escapes decode to UTF-8. Escapes are kept to
/// one- and two-byte characters, as the reference reader does (nothing
/// real needs more).
fn escapes_decode(tb: &[u8]) -> bool {
    let mut bytes = Vec::new();
    let mut k = 0;
    while k < tb.len() {
        if tb[k] == b'%' {
            let v = std::str::from_utf8(&tb[k + 1..k + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match v {
                Some(v) => bytes.push(v),
                None => return false,
            }
            k += 3;
        } else {
            bytes.push(tb[k]);
            k += 1;
        }
    }
    std::str::from_utf8(&bytes).is_ok() && bytes.iter().all(|&b| b < 0xE0)
}
