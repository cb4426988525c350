//! How each kind of field is written and read: presence bits, ranged numbers, table indexes, sets, ordered
//! lists, weekdays and capped text. `body.rs` says which field uses which, in what order.

use super::bits::{Reader, Writer};
use super::LinkError;

/// A number's (width in bits, lowest, highest, name for errors); `body.rs` fixes them per field for good.
#[derive(Clone, Copy)]
pub(super) struct Num(
    pub(super) u32,
    pub(super) u32,
    pub(super) u32,
    pub(super) &'static str,
);

/// Writes a presence bit, then the value if there is one.
pub(super) fn opt<T>(w: &mut Writer, v: Option<T>, f: impl FnOnce(&mut Writer, T)) {
    w.bit(v.is_some());
    if let Some(v) = v {
        f(w, v);
    }
}

/// Reads a presence bit, then the value if it says there is one.
pub(super) fn get_opt<T>(
    r: &mut Reader,
    f: impl FnOnce(&mut Reader) -> Result<T, LinkError>,
) -> Result<Option<T>, LinkError> {
    if r.bit()? {
        f(r).map(Some)
    } else {
        Ok(None)
    }
}

/// Writes an optional number; one outside its range is sent as not answered.
pub(super) fn num(w: &mut Writer, n: Num, v: Option<u32>) {
    let Num(width, lo, hi, _) = n;
    opt(w, v.filter(|v| (lo..=hi).contains(v)), |w, v| {
        w.bits(v, width)
    });
}

/// Reads an optional number, refusing one outside its range.
pub(super) fn get_num(r: &mut Reader, n: Num) -> Result<Option<u32>, LinkError> {
    let Num(width, lo, hi, what) = n;
    get_opt(r, |r| {
        let v = r.bits(width)?;
        (lo..=hi)
            .contains(&v)
            .then_some(v)
            .ok_or(LinkError::OutOfRange(what))
    })
}

/// [`get_num`] for the many `u8` answers (every such range fits in a byte).
pub(super) fn get_u8(r: &mut Reader, n: Num) -> Result<Option<u8>, LinkError> {
    Ok(get_num(r, n)?.map(|v| v as u8))
}

/// Bits needed for an index into `table`.
fn width(table: &[&str]) -> u32 {
    usize::BITS - (table.len() - 1).leading_zeros()
}

/// Writes an optional ID as its table index; an ID outside the table is sent as not answered.
pub(super) fn id(w: &mut Writer, table: &[&str], v: Option<&str>) {
    let index = v.and_then(|v| table.iter().position(|t| *t == v));
    opt(w, index, |w, k| w.bits(k as u32, width(table)));
}

/// Reads an optional ID, refusing an index outside the table.
pub(super) fn get_id(
    r: &mut Reader,
    table: &[&str],
    what: &'static str,
) -> Result<Option<String>, LinkError> {
    get_opt(r, |r| {
        let k = r.bits(width(table))? as usize;
        let id = table.get(k).ok_or(LinkError::UnknownId(what))?;
        Ok(id.to_string())
    })
}

/// Writes one bit per table entry: whether `ids` contains it.
pub(super) fn set(w: &mut Writer, table: &[&str], ids: &[String]) {
    table.iter().for_each(|t| w.bit(ids.iter().any(|x| x == t)));
}

/// Reads a set as the IDs present, in table order.
pub(super) fn get_set(r: &mut Reader, table: &[&str]) -> Result<Vec<String>, LinkError> {
    let mut out = Vec::new();
    for t in table {
        if r.bit()? {
            out.push(t.to_string());
        }
    }
    Ok(out)
}

/// Writes an ordered list of known IDs, each once, as a count and indexes.
pub(super) fn list(
    w: &mut Writer,
    table: &[&str],
    (count_bits, index_bits): (u32, u32),
    ids: &[String],
) {
    let mut indexes: Vec<u32> = Vec::new();
    for k in ids
        .iter()
        .filter_map(|id| table.iter().position(|t| t == id))
    {
        if !indexes.contains(&(k as u32)) {
            indexes.push(k as u32);
        }
    }
    w.bits(indexes.len() as u32, count_bits);
    indexes.iter().for_each(|k| w.bits(*k, index_bits));
}

/// Reads an ordered list, refusing unknown indexes, repeats and counts above the table size.
pub(super) fn get_list(
    r: &mut Reader,
    table: &[&str],
    (count_bits, index_bits): (u32, u32),
    what: &'static str,
) -> Result<Vec<String>, LinkError> {
    let count = r.bits(count_bits)? as usize;
    if count > table.len() {
        return Err(LinkError::OutOfRange("number of items in a list"));
    }
    let mut out: Vec<String> = Vec::with_capacity(count);
    for _ in 0..count {
        let id = table
            .get(r.bits(index_bits)? as usize)
            .ok_or(LinkError::UnknownId(what))?;
        if out.iter().any(|x| x == id) {
            return Err(LinkError::OutOfRange("list, which repeats an item"));
        }
        out.push(id.to_string());
    }
    Ok(out)
}

/// Writes a weekday list as a 7-bit set (Monday first); the engine sorts and de-duplicates days anyway.
pub(super) fn days(w: &mut Writer, days: &[u8]) {
    (0..7u8).for_each(|d| w.bit(days.contains(&d)));
}

/// Reads a 7-bit weekday set as sorted weekday numbers.
pub(super) fn get_days(r: &mut Reader) -> Result<Vec<u8>, LinkError> {
    let mask = r.bits(7)?;
    Ok((0..7u8).filter(|d| mask >> (6 - d) & 1 == 1).collect())
}

/// Bits of a text's byte length under `cap`.
fn len_bits(cap: usize) -> u32 {
    usize::BITS - cap.leading_zeros()
}

/// Writes text of at most `cap` bytes; longer text is cut at a character boundary and ends with "…".
pub(super) fn text(w: &mut Writer, t: &str, cap: usize) {
    let cut;
    let t = if t.len() <= cap {
        t
    } else {
        let mut end = cap - '…'.len_utf8();
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        cut = format!("{}…", &t[..end]);
        &cut
    };
    w.bits(t.len() as u32, len_bits(cap));
    t.bytes().for_each(|b| w.bits(u32::from(b), 8));
}

/// Reads text, refusing a length over `cap` and anything that is not UTF-8.
pub(super) fn get_text(
    r: &mut Reader,
    cap: usize,
    what: &'static str,
) -> Result<String, LinkError> {
    let len = r.bits(len_bits(cap))? as usize;
    if len > cap {
        return Err(LinkError::BadText(what));
    }
    let mut bytes = Vec::with_capacity(len);
    for _ in 0..len {
        bytes.push(r.bits(8)? as u8);
    }
    String::from_utf8(bytes).map_err(|_| LinkError::BadText(what))
}
