//! Finds the line of a field path (`jobs[3].miner`) in a YAML text, for the semantic errors
//! serde cannot locate. It follows block mappings and block sequences by indentation; inside a
//! flow collection (`{ ... }`, `[ ... ]`) it stops and answers the line of the deepest part found.

#[derive(Debug, PartialEq)]
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Splits `a.b[3].c` into its segments; `None` when malformed.
fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push(Segment::Key(key));
        }
        while let Some(stripped) = rest.strip_prefix('[') {
            let (index, after) = stripped.split_once(']')?;
            out.push(Segment::Index(index.parse().ok()?));
            rest = after;
        }
    }
    Some(out)
}

/// One meaningful line: 1-based number, indentation, text after the indentation.
#[derive(Clone, Debug)]
struct Line<'a> {
    number: usize,
    indent: usize,
    text: &'a str,
}

fn meaningful_lines(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            let trimmed = raw.trim_start_matches(' ');
            if trimmed.trim().is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
                return None;
            }
            Some(Line {
                number: i + 1,
                indent: raw.len() - trimmed.len(),
                text: trimmed,
            })
        })
        .collect()
}

fn is_item(line: &Line) -> bool {
    line.text == "-" || line.text.starts_with("- ")
}

fn key_of(text: &str) -> Option<&str> {
    let (key, after) = text.split_once(':')?;
    let key = key.trim().trim_matches('"').trim_matches('\'');
    // "key:" must be followed by the end or a space to be a mapping key
    match after.chars().next() {
        None | Some(' ') => Some(key),
        _ => None,
    }
}

/// The lines after `head` (`rest`) that belong to it: deeper lines, or (for a key whose value
/// is a block sequence at the same indentation) the items at its indentation.
fn children<'a>(head: &Line<'a>, rest: &[Line<'a>]) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let mut same_level_items = false;
    for (k, line) in rest.iter().enumerate() {
        if line.indent > head.indent {
            out.push(line.clone());
        } else if line.indent == head.indent
            && is_item(line)
            && !is_item(head)
            && (k == 0 || same_level_items)
        {
            same_level_items = true;
            out.push(line.clone());
        } else {
            break;
        }
    }
    out
}

/// The 1-based line of `path` in `text`, or of the deepest part of it found.
pub fn locate_line(text: &str, path: &str) -> Option<usize> {
    let segs = segments(path)?;
    let mut block = meaningful_lines(text);
    let mut best = None;
    for seg in segs {
        let indent = block.first()?.indent;
        match seg {
            Segment::Key(key) => {
                let Some(at) = block
                    .iter()
                    .position(|l| l.indent == indent && key_of(l.text) == Some(key))
                else {
                    return best;
                };
                let (Some(head), Some(rest)) = (block.get(at), block.get(at + 1..)) else {
                    return best;
                };
                best = Some(head.number);
                block = children(head, rest);
            }
            Segment::Index(index) => {
                let Some((at, item)) = block
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| l.indent == indent && is_item(l))
                    .nth(index)
                else {
                    return best;
                };
                best = Some(item.number);
                let mut inner = Vec::new();
                let after_dash = item
                    .text
                    .strip_prefix('-')
                    .unwrap_or_default()
                    .trim_start_matches(' ');
                if !after_dash.is_empty() {
                    inner.push(Line {
                        number: item.number,
                        indent: item.indent + (item.text.len() - after_dash.len()),
                        text: after_dash,
                    });
                }
                inner.extend(
                    block
                        .iter()
                        .skip(at + 1)
                        .take_while(|l| l.indent > item.indent)
                        .cloned(),
                );
                block = inner;
            }
        }
        if block.is_empty() {
            return best;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
name: x   # comment
miners:
  names: [a, b]
jobs:
  - epoch: 1
    miner: a

  - epoch: 2
    # a comment
    miner: bob
  - {epoch: 3, miner: c}
poe_mining:
  fee_structure:
    total_fee_rate: 0.01
list:
- one
- two: 2
  three: 3
";

    #[test]
    fn finds_keys_items_and_nested_fields() {
        assert_eq!(
            segments("jobs[1].miner"),
            Some(vec![
                Segment::Key("jobs"),
                Segment::Index(1),
                Segment::Key("miner")
            ])
        );
        assert_eq!(locate_line(TEXT, "name"), Some(1));
        assert_eq!(locate_line(TEXT, "jobs[0].miner"), Some(6));
        assert_eq!(locate_line(TEXT, "jobs[1].miner"), Some(10));
        assert_eq!(locate_line(TEXT, "jobs[1]"), Some(8));
        // inside a flow mapping: the item's line
        assert_eq!(locate_line(TEXT, "jobs[2].miner"), Some(11));
        assert_eq!(
            locate_line(TEXT, "poe_mining.fee_structure.total_fee_rate"),
            Some(14)
        );
        assert_eq!(locate_line(TEXT, "miners.names[1]"), Some(3));
        // a sequence at the key's own indentation
        assert_eq!(locate_line(TEXT, "list[1].three"), Some(18));
        // missing parts: the deepest found, or nothing
        assert_eq!(locate_line(TEXT, "poe_mining.issuance"), Some(12));
        assert_eq!(locate_line(TEXT, "nothing.here"), None);
    }
}
