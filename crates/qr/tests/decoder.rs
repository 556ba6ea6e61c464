//! The proof that the symbols are right: encode links of many lengths
//! (every version from 1 to 40, both levels, all eight masks), draw each
//! as an image and read it back with an independent decoder, zbar's
//! `zbarimg` (Debian package `zbar-tools`, installed by
//! `scripts/install.sh test`). Without it the test says SKIP and passes.
//! zbar takes the version from the symbol's size and does not read the
//! version information of versions 7 and up; src/format.rs checks those
//! bits against the standard's table and src/matrix.rs their place.
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use caplens_qr::{capacity, encode, encode_with, Level, QrCode, MAX_BYTES};

fn have_zbarimg() -> bool {
    Command::new("zbarimg").arg("--version").output().is_ok()
}

/// A link of exactly `len` characters, like the page's: an address, then a
/// fragment of percent-encoded text that varies with `seed`.
fn link(len: usize, seed: u64) -> String {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%=&";
    let mut s = String::from("http://192.168.1.20:8080/zh-cn/#v=containers&in=");
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    while s.len() < len {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        s.push(CHARS[(x >> 33) as usize % CHARS.len()] as char);
    }
    s.truncate(len);
    s
}

/// A binary PBM (P4) of the symbol, `scale` pixels a module, with the
/// standard's quiet zone of four modules.
fn pbm(qr: &QrCode, scale: usize) -> Vec<u8> {
    let side = (qr.size() + 8) * scale;
    let mut out = format!("P4\n{side} {side}\n").into_bytes();
    let row_bytes = side.div_ceil(8);
    for py in 0..side {
        let mut row = vec![0u8; row_bytes];
        for px in 0..side {
            let (x, y) = (px / scale, py / scale);
            let dark = (4..qr.size() + 4).contains(&x)
                && (4..qr.size() + 4).contains(&y)
                && qr.is_dark(x - 4, y - 4);
            if dark {
                row[px / 8] |= 0x80 >> (px % 8);
            }
        }
        out.extend(row);
    }
    out
}

/// What zbarimg reads from the symbol, or its error output.
fn decode(qr: &QrCode, name: &str) -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("caplens-qr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path: PathBuf = dir.join(format!("{name}.pbm"));
    let mut f = std::fs::File::create(&path).map_err(|e| e.to_string())?;
    f.write_all(&pbm(qr, 3)).map_err(|e| e.to_string())?;
    drop(f);
    let out = Command::new("zbarimg")
        .args(["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"])
        .arg(&path)
        .output()
        .map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&path);
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text.strip_suffix('\n').unwrap_or(&text).to_string())
}

fn round_trip(qr: &QrCode, data: &str, name: &str) {
    match decode(qr, name) {
        Ok(read) => assert_eq!(
            read,
            data,
            "{name}: version {} {:?} mask {}",
            qr.version(),
            qr.level(),
            qr.mask()
        ),
        Err(e) => panic!(
            "{name}: zbarimg could not read version {} {:?} mask {} ({} bytes): {e}",
            qr.version(),
            qr.level(),
            qr.mask(),
            data.len()
        ),
    }
}

#[test]
fn links_of_the_lengths_a_room_meets() {
    if !have_zbarimg() {
        println!("SKIP qr decoder round trip: zbarimg not installed (Debian zbar-tools)");
        return;
    }
    for len in [20, 100, 400, 1500, 2500, MAX_BYTES] {
        let data = link(len, len as u64);
        let qr = encode(data.as_bytes()).unwrap();
        round_trip(&qr, &data, &format!("len-{len}"));
    }
}

#[test]
fn every_version_and_both_levels() {
    if !have_zbarimg() {
        println!("SKIP qr decoder round trip: zbarimg not installed (Debian zbar-tools)");
        return;
    }
    // Each version filled to the last byte, at both levels.
    for version in 1..=40 {
        for level in [Level::L, Level::M] {
            let len = capacity(version, level);
            let data = link(len, u64::from(version));
            let qr = encode_with(data.as_bytes(), level, None).unwrap();
            assert_eq!((qr.version(), qr.level()), (version, level));
            round_trip(&qr, &data, &format!("v{version}-{level:?}"));
        }
    }
}

#[test]
fn every_mask() {
    if !have_zbarimg() {
        println!("SKIP qr decoder round trip: zbarimg not installed (Debian zbar-tools)");
        return;
    }
    for (len, mask) in (0..8).map(|m| (60 + 170 * usize::from(m), m)) {
        let data = link(len, u64::from(mask));
        let qr = encode_with(data.as_bytes(), Level::M, Some(mask)).unwrap();
        round_trip(&qr, &data, &format!("mask-{mask}"));
    }
}
