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

    pub(super) fn tag(&mut self) -> R<()> {
        let m = self.mark();
        let bad = Err(Fail {
            at: m,
            kind: SyntaxKind::BadTag,
        });
        self.bump();
        if self.c() == b'<' {
            self.bump();
            let s = self.i;
            while !self.end_at(0) && self.c() != b'>' {
                self.bump();
            }
            if self.c() != b'>' || s == self.i {
                return bad;
            }
            self.bump();
        } else {
            let s = self.i - 1;
            let mut bangs = Vec::new();
            while !self.end_at(0) && (!flow_ind(self.c()) || self.flows.is_empty()) {
                let c = self.c();
                let uri = c.is_ascii_alphanumeric() || b"-#;/?:@&=+$_.~*'()%!".contains(&c);
                if !uri {
                    return bad;
                }
                if c == b'!' {
                    bangs.push(self.i);
                } else if c == b'%' {
                    let h = |c: u8| c.is_ascii_hexdigit();
                    if !(h(self.at(1)) && h(self.at(2))) {
                        return bad;
                    }
                }
                self.bump();
            }
            let text = &self.s[s..self.i];
            // `!name!suffix` needs a %TAG for `!name!`.
            if let Some(&last) = bangs.last() {
                let handle = &self.s[s..=last];
                if handle != "!!" && !self.tags.contains_key(handle) {
                    return bad;
                }
                if bangs.len() > 1 || last + 1 == self.i {
                    if handle == "!!" && last + 1 == self.i {
                        return bad;
                    }
                    if bangs.len() > 1 {
                        return bad;
                    }
                }
            }
            // Escaped bytes must decode to UTF-8.
            if text.contains('%') {
                let mut bytes = Vec::new();
                let tb = text.as_bytes();
                let mut k = 0;
                while k < tb.len() {
                    if tb[k] == b'%' {
                        let v = std::str::from_utf8(&tb[k + 1..k + 3])
                            .ok()
                            .and_then(|h| u8::from_str_radix(h, 16).ok());
                        match v {
                            Some(v) => bytes.push(v),
                            None => return bad,
                        }
                        k += 3;
                    } else {
                        bytes.push(tb[k]);
                        k += 1;
                    }
                }
                // Escapes are kept to one- and two-byte characters, as
                // the reference reader does (nothing real needs more).
                if std::str::from_utf8(&bytes).is_err() || bytes.iter().any(|&b| b >= 0xE0) {
                    return bad;
                }
            }
        }
        if !self.end_at(0) && (!flow_ind(self.c()) || self.flows.is_empty()) {
            return bad;
        }
        Ok(())
    }
}
