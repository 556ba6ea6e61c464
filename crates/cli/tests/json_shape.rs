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

/// `caplens k8s --json`: each container carries every analyser rule's
/// verdict beside caplens' analysis, with a worded message.
#[test]
fn k8s_containers_carry_peer_verdicts() {
    let input = read(include_str!("../../../examples/bind-nonroot.yaml")).unwrap();
    let c = &input.containers[0];
    let r = report(c, &Settings::default());
    let json = caplens_cli::json::k8s_container(c, &r, "bind-nonroot.yaml");
    let peers = json["peers"].as_array().unwrap();
    assert_eq!(peers.len(), caplens_core::peers::rules().count());
    let keys = [
        "tool",
        "version",
        "rule",
        "scope",
        "verdict",
        "agrees",
        "reason_id",
        "message",
    ];
    for p in peers {
        let obj = p.as_object().unwrap();
        assert_eq!(obj.len(), keys.len(), "{p}");
        for k in keys {
            assert!(obj.contains_key(k), "{k} missing in {p}");
        }
        assert!(["workload", "container"].contains(&p["scope"].as_str().unwrap()));
        assert!(["pass", "fail", "not-run"].contains(&p["verdict"].as_str().unwrap()));
        // A reason exactly when caplens disagrees.
        assert_eq!(
            p["agrees"].as_bool().unwrap(),
            p["reason_id"].is_null(),
            "{p}"
        );
        assert!(!p["message"].as_str().unwrap().is_empty());
    }
    let rule = |id: &str| peers.iter().find(|p| p["rule"] == id).unwrap();
    // uid 1000, drop ALL, add NET_BIND_SERVICE: any add fails CKV_K8S_25, but
    // the capability never reaches the non-root process's effective set.
    let ckv = rule("CKV_K8S_25");
    assert_eq!(ckv["tool"], "checkov");
    assert_eq!(ckv["version"], "3.3.30");
    assert_eq!(ckv["verdict"], "fail");
    assert_eq!(ckv["reason_id"], "fail-but-not-effective");
    assert!(ckv["message"]
        .as_str()
        .unwrap()
        .contains("NET_BIND_SERVICE"));
    assert_eq!(rule("CKV_K8S_37")["scope"], "workload");
    assert_eq!(rule("capabilities_restricted")["agrees"], true);
}
