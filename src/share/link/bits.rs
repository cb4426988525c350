//! The low-level pieces of a share link: bit packing and CRC-32, written here so the codec needs no dependency;
//! its base64url is the store's (`crate::store::base64url`).

use super::LinkError;
pub(super) use crate::store::base64url::{decode as from_base64url, encode as base64url};

/// Appends values bit by bit, most significant bit first, after whatever bytes it was given.
pub(super) struct Writer {
    bytes: Vec<u8>,
    /// Bits already used in the last byte (0 means the next bit starts a new byte).
    used: u32,
}

impl Writer {
    /// Starts after `prefix` (the version byte), byte-aligned.
    pub(super) fn after(prefix: &[u8]) -> Writer {
        Writer {
            bytes: prefix.to_vec(),
            used: 0,
        }
    }

    /// Writes one bit.
    pub(super) fn bit(&mut self, b: bool) {
        if self.used == 0 {
            self.bytes.push(0);
        }
        if b {
            if let Some(last) = self.bytes.last_mut() {
                *last |= 0x80 >> self.used;
            }
        }
        self.used = (self.used + 1) % 8;
    }

    /// Writes the low `n` bits of `value`.
    pub(super) fn bits(&mut self, value: u32, n: u32) {
        for i in (0..n).rev() {
            self.bit(value >> i & 1 == 1);
        }
    }

    /// The bytes written, the last one padded with zero bits.
    pub(super) fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// Reads what [`Writer`] wrote; running out of bits is [`LinkError::Truncated`].
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    /// Position in bits from the start of `bytes`.
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Reads from the start of `bytes`.
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    /// Reads one bit.
    pub(super) fn bit(&mut self) -> Result<bool, LinkError> {
        let byte = self.bytes.get(self.pos / 8).ok_or(LinkError::Truncated)?;
        let b = byte & (0x80 >> (self.pos % 8)) != 0;
        self.pos += 1;
        Ok(b)
    }

    /// Reads `n` (≤ 32) bits as a number.
    pub(super) fn bits(&mut self, n: u32) -> Result<u32, LinkError> {
        let mut v = 0u32;
        for _ in 0..n {
            v = v << 1 | u32::from(self.bit()?);
        }
        Ok(v)
    }

    /// Succeeds only at the end of the data with zero padding, so every accepted link has exactly one spelling.
    pub(super) fn finish(self) -> Result<(), LinkError> {
        let whole_bytes = self.pos.div_ceil(8);
        let pad = (8 - self.pos % 8) % 8;
        let pad_is_zero = match (pad, self.bytes.get(self.pos / 8)) {
            (0, _) | (_, None) => true,
            (p, Some(b)) => b & ((1u8 << p) - 1) == 0,
        };
        if whole_bytes == self.bytes.len() && pad_is_zero {
            Ok(())
        } else {
            Err(LinkError::TrailingData)
        }
    }
}

/// CRC-32 (IEEE 802.3, the one in zip and PNG), bit by bit: links are small, so no table is worth its bytes.
pub(super) fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = crc >> 1 ^ 0xEDB8_8320 & mask;
        }
    }
    !crc
}
