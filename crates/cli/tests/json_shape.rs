//! The `--json` shape of a container report: the core's data with the
//! words added (`message`, `fix`) by `caplens_cli::json`.

use caplens_core::analysis::PssVerdict;
use caplens_core::paste::{read, report, Settings};
use caplens_core::severity::Severity;

#[test]
fn severities_serialise_as_their_names() {
    for s in Severity::ALL {
        assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
    }
}

#[test]
fn reports_merge_input_findings_and_pss() {
    let input = read(include_str!("../../../examples/cpb-demo-typo.yaml")).unwrap();
    let r = report(&input.containers[0], &Settings::default());
    let ids: Vec<&str> = r.findings.iter().map(|f| f.id().as_str()).collect();
    assert_eq!(ids[0], "unknown-field");
    // With the typo nothing is added: containerd's defaults, NET_RAW kept.
    assert!(ids.contains(&"default-net-raw"), "{ids:?}");
    assert_eq!(
        r.pss,
        Some(PssVerdict {
            baseline: true,
            restricted: false
        })
    );
    let json = caplens_cli::json::container_report(&r);
    assert_eq!(json["findings"][0]["id"], "unknown-field");
    assert_eq!(json["findings"][0]["line"], 12);
    assert!(json["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("securityContext"));
    assert_eq!(json["findings"][0]["detail"]["finding"], "unknown-field");

    let input = read(include_str!("../../../examples/cpb-demo.yaml")).unwrap();
    let r = report(&input.containers[0], &Settings::default());
    let oci = r.oci.unwrap();
    // NET_ADMIN (12) added, KILL (5) dropped from containerd's defaults.
    assert!(oci.bounding.contains(12) && !oci.bounding.contains(5));
    assert_eq!(
        r.pss,
        Some(PssVerdict {
            baseline: false,
            restricted: false
        })
    );

    // ape-conflict serialises with its cause.
    let input = read("kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities: {add: [SYS_ADMIN]}\n").unwrap();
    let r = report(&input.containers[0], &Settings::default());
    let json = caplens_cli::json::container_report(&r);
    let ape = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "ape-conflict")
        .unwrap();
    assert_eq!(ape["severity"], "warning");
    assert!(ape["message"].as_str().unwrap().contains("passes silently"));
}
