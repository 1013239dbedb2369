//! Bytes as text at 15 bits per character, for sealed values in localStorage,
//! whose quota counts UTF-16 code units: base64 carries 6 bits per unit, this
//! 15, so a sealed record takes 2.5× fewer units.
//!
//! Each character is U+4000 plus a 15-bit group, big-endian, the last group
//! zero-padded. U+4000..=U+BFFF holds no surrogates and no noncharacters, so
//! the text survives any UTF-16 or UTF-8 round trip. A leading `0` or `1` says
//! whether the padding holds a whole byte that decoding must drop.

const BASE: u32 = 0x4000;
const GROUP: u32 = 15;

pub fn encode(bytes: &[u8]) -> String {
    let bits = bytes.len() * 8;
    let groups = bits.div_ceil(GROUP as usize);
    let extra_byte = groups * GROUP as usize - bits >= 8;
    let mut out = String::with_capacity(1 + groups * 3);
    out.push(if extra_byte { '1' } else { '0' });
    let (mut acc, mut held) = (0u32, 0u32);
    // Always in U+4000..=U+BFFF, a valid scalar value.
    let push = |v: u32, out: &mut String| out.extend(char::from_u32(BASE + (v & 0x7fff)));
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        held += 8;
        if held >= GROUP {
            held -= GROUP;
            push(acc >> held, &mut out);
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        push(acc << (GROUP - held), &mut out);
    }
    out
}

/// None when the text is not one this module wrote.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let mut chars = text.chars();
    let extra_byte = match chars.next()? {
        '0' => false,
        '1' => true,
        _ => return None,
    };
    let mut out = Vec::with_capacity(text.len() / 3 * 2);
    let (mut acc, mut held) = (0u32, 0u32);
    for c in chars {
        let v = u32::from(c).checked_sub(BASE).filter(|v| *v < 1 << GROUP)?;
        acc = (acc << GROUP) | v;
        held += GROUP;
        while held >= 8 {
            held -= 8;
            out.push((acc >> held) as u8);
            acc &= (1 << held) - 1;
        }
    }
    if extra_byte {
        out.pop()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_lengths_and_ranges() {
        assert_eq!(encode(&[]), "0");
        assert_eq!(decode("0"), Some(vec![]));
        for n in 0..64usize {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let text = encode(&bytes);
            assert_eq!(text.chars().count(), 1 + (n * 8).div_ceil(15), "n={n}");
            assert!(text
                .chars()
                .skip(1)
                .all(|c| ('\u{4000}'..='\u{bfff}').contains(&c)));
            assert_eq!(decode(&text), Some(bytes), "n={n}");
        }
    }

    #[test]
    fn foreign_text_is_refused() {
        assert_eq!(decode(""), None);
        assert_eq!(decode("2"), None);
        assert_eq!(decode("0abc"), None);
        assert_eq!(decode("0\u{c000}"), None);
        assert_eq!(decode("1"), None);
    }

    proptest! {
        #[test]
        fn round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let text = encode(&bytes);
            prop_assert_eq!(decode(&text), Some(bytes.clone()));
            // Denser than base64 in UTF-16 units, for anything but a few bytes.
            if bytes.len() >= 8 {
                prop_assert!(text.encode_utf16().count() < bytes.len().div_ceil(3) * 4);
            }
        }
    }
}
