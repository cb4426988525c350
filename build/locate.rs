//! Turns serde_json's line and column into a JSON path such as `$[3].evidence.neck.rating`.
//!
//! serde reports where it stopped, not which entry was wrong; a path is what someone editing a long data file
//! can act on. serde_json gives the byte it stopped at: inside or just after the offending value, or on the
//! closing bracket of an object that lacks a required key.

use std::fmt::Write;

/// One open container while scanning: an object with the key being read, or an array with the current index.
enum Frame {
    Object(Option<String>),
    Array(usize),
}

/// The JSON path of the value that serde_json's error position (1-based line, byte column) points into.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let at = offset(text, line, column);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut closing = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if i >= at {
            // A missing key is reported on the object's closing brace: the path is the object's own.
            closing = matches!(b, b'}' | b']');
            break;
        }
        match b {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => *key = None,
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            b'"' => {
                let end = string_end(bytes, i);
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    *key = Some(text[i + 1..end.saturating_sub(1).max(i + 1)].to_string());
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let open = if closing {
        &stack[..stack.len().saturating_sub(1)]
    } else {
        &stack[..]
    };
    let mut path = String::from("$");
    for frame in open {
        match frame {
            Frame::Object(Some(key)) => write!(path, ".{key}").unwrap(),
            Frame::Object(None) => {}
            Frame::Array(index) => write!(path, "[{index}]").unwrap(),
        }
    }
    path
}

/// The byte index serde_json's position names (its column counts bytes, the first being 1).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).saturating_sub(1).min(text.len())
}

/// The index just past the string that starts with the quote at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}
