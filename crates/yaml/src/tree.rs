//! The tree built from the reader's events, within the limits: nesting
//! depth, nodes in total and copied by aliases (counted before copying),
//! repeated keys, and YAML 1.1 merge keys resolved as each mapping closes.
//! Iterative (an explicit stack), so deep input cannot overflow the
//! native stack.

use crate::{Limits, Node, Pos, Style, Value, YamlError};
use std::borrow::Cow;
use std::collections::BTreeMap;

enum Frame<'a> {
    Seq {
        items: Vec<Node>,
        pos: Pos,
        anchor: Option<&'a str>,
        size: usize,
    },
    Map {
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        pos: Pos,
        anchor: Option<&'a str>,
        size: usize,
    },
}

/// A finished node and how many nodes it contains (for the alias budget).
struct Built {
    node: Node,
    size: usize,
}

/// The tree under construction, with the counts the limits bound.
pub(crate) struct Builder<'a> {
    limits: Limits,
    stack: Vec<Frame<'a>>,
    /// A B-tree, not a hash map: anchor names come from the paste, and
    /// the page has no randomness to key a hash against crafted collisions.
    /// `None` marks a name whose node is being built (see `forget`).
    anchors: BTreeMap<&'a str, Option<Built>>,
    nodes: usize,
    alias_nodes: usize,
    root: Option<Node>,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(limits: Limits) -> Builder<'a> {
        Builder {
            limits,
            stack: Vec::new(),
            anchors: BTreeMap::new(),
            nodes: 0,
            alias_nodes: 0,
            root: None,
        }
    }

    pub(crate) fn limits(&self) -> Limits {
        self.limits
    }

    /// Anchors name nodes of their own document only.
    pub(crate) fn start_document(&mut self) {
        self.root = None;
        self.anchors.clear();
    }

    /// The document's root; an empty document is an empty plain scalar
    /// placed at `doc_start`.
    pub(crate) fn take_root(&mut self, doc_start: Pos) -> Node {
        self.root.take().unwrap_or(Node {
            value: Value::Scalar {
                text: String::new(),
                style: Style::Plain,
            },
            pos: doc_start,
        })
    }

    pub(crate) fn scalar(
        &mut self,
        text: Cow<'a, str>,
        style: Style,
        anchor: Option<&'a str>,
        at: Pos,
    ) -> Result<(), YamlError> {
        self.count(1, at)?;
        let node = Node {
            value: Value::Scalar {
                text: text.into_owned(),
                style,
            },
            pos: at,
        };
        self.finish(Built { node, size: 1 }, anchor)
    }

    pub(crate) fn open_seq(&mut self, anchor: Option<&'a str>, at: Pos) -> Result<(), YamlError> {
        let frame = Frame::Seq {
            items: Vec::new(),
            pos: at,
            anchor,
            size: 0,
        };
        self.open(frame, anchor, at)
    }

    pub(crate) fn open_map(&mut self, anchor: Option<&'a str>, at: Pos) -> Result<(), YamlError> {
        let frame = Frame::Map {
            entries: Vec::new(),
            key: None,
            pos: at,
            anchor,
            size: 0,
        };
        self.open(frame, anchor, at)
    }

    /// A copy of the anchored node, placed at the alias.
    pub(crate) fn alias(&mut self, name: &'a str, at: Pos) -> Result<(), YamlError> {
        let limits = self.limits;
        let Some(Some(src)) = self.anchors.get(name) else {
            return Err(YamlError::UnknownAlias { at });
        };
        let size = src.size;
        // Check the budgets before copying: a billion-laughs paste
        // fails here at the first alias that would blow them.
        self.alias_nodes = self.alias_nodes.saturating_add(size);
        if self.alias_nodes > limits.max_alias_nodes {
            return Err(YamlError::AliasBomb {
                at,
                limit: limits.max_alias_nodes,
            });
        }
        self.count(size, at)?;
        let Some(Some(src)) = self.anchors.get(name) else {
            return Err(YamlError::UnknownAlias { at });
        };
        let mut node = src.node.clone();
        // Point at the alias (where the user used it), not the anchor.
        node.pos = at;
        self.finish(Built { node, size }, None)
    }

    fn count(&mut self, n: usize, at: Pos) -> Result<(), YamlError> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > self.limits.max_nodes {
            return Err(YamlError::TooManyNodes {
                at,
                limit: self.limits.max_nodes,
            });
        }
        Ok(())
    }

    /// An anchor names its node from where the node starts: an alias inside
    /// the node itself (or to an older node of the same name) is unknown.
    fn forget(&mut self, anchor: Option<&'a str>) {
        if let Some(name) = anchor {
            // A mark rather than a removal: one less B-tree operation in the page.
            if let Some(old) = self.anchors.get_mut(name) {
                *old = None;
            }
        }
    }

    fn open(
        &mut self,
        frame: Frame<'a>,
        anchor: Option<&'a str>,
        at: Pos,
    ) -> Result<(), YamlError> {
        if self.stack.len() >= self.limits.max_depth {
            return Err(YamlError::TooDeep {
                at,
                limit: self.limits.max_depth,
            });
        }
        self.count(1, at)?;
        self.forget(anchor);
        self.stack.push(frame);
        Ok(())
    }

    /// Attach a finished node to its parent (or make it the root).
    fn finish(&mut self, built: Built, anchor: Option<&'a str>) -> Result<(), YamlError> {
        if let Some(name) = anchor {
            self.anchors.insert(
                name,
                Some(Built {
                    node: built.node.clone(),
                    size: built.size,
                }),
            );
        }
        match self.stack.last_mut() {
            None => self.root = Some(built.node),
            Some(Frame::Seq { items, size, .. }) => {
                *size += built.size;
                items.push(built.node);
            }
            Some(Frame::Map {
                entries, key, size, ..
            }) => {
                *size += built.size;
                match key.take() {
                    None => *key = Some(built.node),
                    Some(k) => {
                        // Small mappings are checked as they grow; big ones
                        // once, when they close (see `first_duplicate`).
                        if entries.len() < LINEAR {
                            if let Some(text) = k.as_str() {
                                // `<<` merge keys may repeat; they are resolved at close.
                                if text != "<<" {
                                    if let Some((first, _)) =
                                        entries.iter().find(|(e, _)| e.as_str() == Some(text))
                                    {
                                        return Err(YamlError::DuplicateKey {
                                            at: k.pos,
                                            key: text.to_string(),
                                            first_line: first.pos.line,
                                        });
                                    }
                                }
                            }
                        }
                        entries.push((k, built.node));
                    }
                }
            }
        }
        Ok(())
    }

    pub(crate) fn close(&mut self) -> Result<(), YamlError> {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        let (built, anchor) = match frame {
            Frame::Seq {
                items,
                pos,
                anchor,
                size,
            } => (
                Built {
                    node: Node {
                        value: Value::Seq(items),
                        pos,
                    },
                    size: size + 1,
                },
                anchor,
            ),
            Frame::Map {
                entries,
                pos,
                anchor,
                size,
                ..
            } => {
                if entries.len() > LINEAR {
                    if let Some(e) = first_duplicate(&entries) {
                        return Err(e);
                    }
                }
                let entries = resolve_merge_keys(entries);
                (
                    Built {
                        node: Node {
                            value: Value::Map(entries),
                            pos,
                        },
                        size: size + 1,
                    },
                    anchor,
                )
            }
        };
        self.finish(built, anchor)
    }
}

/// Mappings up to this many keys look for a repeated key by scanning.
const LINEAR: usize = 16;

/// The first repeated key of a big mapping, in the order written (the
/// error a scan as the keys arrive would give). Sorting keeps this
/// O(n log n) on any input: a hash map would need a secret key against
/// crafted collisions, and the page has no randomness to make one.
fn first_duplicate(entries: &[(Node, Node)]) -> Option<YamlError> {
    let mut keys: Vec<(&str, usize)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, (k, _))| k.as_str().filter(|t| *t != "<<").map(|t| (t, i)))
        .collect();
    keys.sort_unstable();
    // Sorted by (text, place): in a run of equal keys the first two are
    // the first occurrence and its repeat; the earliest repeat wins (later
    // pairs of a run repeat later still).
    let (first, again) = keys
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| (w[0].1, w[1].1))
        .min_by_key(|&(_, again)| again)?;
    let (k, _) = &entries[again];
    Some(YamlError::DuplicateKey {
        at: k.pos,
        key: k.as_str().unwrap_or_default().to_string(),
        first_line: entries[first].0.pos.line,
    })
}

/// YAML 1.1 merge keys (`<<: *base`), which Kubernetes' decoder honours:
/// keys written in the mapping win over merged ones.
fn resolve_merge_keys(entries: Vec<(Node, Node)>) -> Vec<(Node, Node)> {
    let is_merge =
        |k: &Node| matches!(&k.value, Value::Scalar { text, style: Style::Plain } if text == "<<");
    if !entries.iter().any(|(k, _)| is_merge(k)) {
        return entries;
    }
    let (merges, mut all): (Vec<_>, Vec<_>) = entries.into_iter().partition(|(k, _)| is_merge(k));
    let own = all.len();
    for (_, source) in merges {
        let sources: Vec<Node> = match source.value {
            Value::Map(_) => vec![source],
            Value::Seq(items) => items,
            Value::Scalar { .. } => Vec::new(),
        };
        for src in sources {
            if let Value::Map(src_entries) = src.value {
                all.extend(src_entries);
            }
        }
    }
    // Keep the first of each key: the mapping's own, then the earliest
    // merged. Sorting keeps this O(n log n) for big mappings merged into
    // big mappings, without a set keyed by pasted text.
    let mut keys: Vec<(&str, usize)> = all
        .iter()
        .enumerate()
        .filter_map(|(i, (k, _))| k.as_str().map(|t| (t, i)))
        .collect();
    keys.sort_unstable();
    let mut shadowed = vec![false; all.len()];
    for w in keys.windows(2) {
        if w[0].0 == w[1].0 && w[1].1 >= own {
            shadowed[w[1].1] = true;
        }
    }
    all.into_iter()
        .zip(shadowed)
        .filter_map(|(e, s)| (!s).then_some(e))
        .collect()
}
