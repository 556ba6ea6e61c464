//! The computed answers equal the values the workshop material states
//! (masks recomputed from bit numbers there), and every step is sound.

use super::*;

fn mask(bits: u64) -> Answer {
    Answer::Mask(CapSet::from_caps((0..64).filter(|b| bits >> b & 1 == 1)))
}

fn answer_of(id: &str) -> Answer {
    answer(by_id(id).unwrap()).unwrap()
}

#[test]
fn the_answers_are_the_materials_values() {
    use crate::cap::Cap;
    let expected = [
        ("a1", mask(0x3000)),
        ("a2", mask(0)),
        ("a3", mask(0x3000)),
        ("a4", Answer::Count(37)),
        ("a5", mask(0xa80425fb)),
        ("a6", mask(0xa80435fb)),
        ("a7", mask(0xa80435db)),
        ("a8", mask(0x40a80425fb)),
        (
            "1",
            Answer::Names(CapSet::of(Cap::NET_ADMIN) | CapSet::of(Cap::SYS_TIME)),
        ),
        ("2", Answer::Count(27)),
        ("3", mask(0xa80425fa)),
        ("4", mask(0)),
        ("5", mask(0)),
        ("6", Answer::Starts(false)),
        ("7", mask(0)),
        ("8", mask(0x400)),
        ("9", Answer::Euid(0)),
        ("10", mask(0x1ffffffffff)),
        ("11", mask(0x5fb)),
        ("12", Answer::Passes(false)),
        ("13", mask(0xa80425fb)),
    ];
    assert_eq!(steps().len(), expected.len());
    for (id, want) in expected {
        assert_eq!(answer_of(id), want, "step {id}");
    }
}

/// The other sides, as the material gives them.
#[test]
fn the_compared_sides_are_the_materials_values() {
    let sets = |id: &str| compared_sets(by_id(id).unwrap()).unwrap();
    let m = |bits: u64| CapSet::from_caps((0..64).filter(|b| bits >> b & 1 == 1));
    assert_eq!(sets("a5")[1], m(0x1ffffffffff).without(27));
    assert_eq!(sets("a6")[0], m(0xa80425fb));
    assert_eq!(sets("a8")[0], m(0xa82425fb));
    assert_eq!(sets("3")[0], m(0x1));
    // Scenario 4: NET_BIND_SERVICE is in the bounding set, nowhere else.
    assert_eq!(sets("4")[0], m(0xa80425fb));
    // Scenario 5's fix: runc hands the exec a permitted set that already
    // holds the added capability, so no_new_privs has nothing to cut.
    assert_eq!(sets("5")[1], m(0x400));
    assert_eq!(sets("6")[1], m(0));
    assert_eq!(sets("7")[1], m(0x2000));
    assert_eq!(sets("8")[1], m(0));
    assert_eq!(sets("11")[0], m(0xa80425fb));
    // The CAP_ prefix drops nothing under containerd; NET_RAW does.
    assert_eq!(sets("13")[1], m(0xa80405fb));
    let nnp = by_id("9")
        .map(|s| Step {
            asked: 1,
            ..s.clone()
        })
        .unwrap();
    assert_eq!(answer(&nnp), Ok(Answer::Euid(1000)));
    let hardened = by_id("12")
        .map(|s| Step {
            asked: 1,
            ..s.clone()
        })
        .unwrap();
    assert_eq!(answer(&hardened), Ok(Answer::Passes(true)));
}

#[test]
fn every_step_is_sound() {
    let all = steps();
    for (n, s) in all.iter().enumerate() {
        assert!(!s.sides.is_empty() && s.sides.len() <= 2, "{}", s.id);
        assert!(s.asked < s.sides.len(), "{}", s.id);
        assert!((2..=4).contains(&s.choices.len()), "{}", s.id);
        let got = answer(s).unwrap();
        assert_eq!(
            s.choices.iter().filter(|c| **c == got).count(),
            1,
            "{}: the computed answer is one choice",
            s.id
        );
        assert_eq!(compared_sets(s).unwrap().len(), s.sides.len(), "{}", s.id);
        assert!(all[..n].iter().all(|o| o.id != s.id), "{} twice", s.id);
        assert_eq!(s.track() == Track::Article, s.id.starts_with('a'));
        assert_eq!(
            s.command.is_empty(),
            s.track() == Track::Scenarios,
            "{}",
            s.id
        );
    }
    let ids: Vec<&str> = all.iter().map(|s| s.id).collect();
    assert_eq!(&ids[..8], ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"]);
    assert_eq!(by_id("14"), None);
}
