//! The plan's unit tests: ordering, list names, and renamed attributes.
use super::*;

#[test]
fn repeats_are_dropped_and_phases_ordered() {
    let people = Target::object("people");
    let create = |slug: &str| Change::CreateAttribute {
        target: people.clone(),
        rust_type: "A",
        field: "f",
        attribute: NewAttribute::new(slug, slug, crate::AttributeType::Text),
    };
    let option = Change::CreateChoice {
        target: people.clone(),
        attribute: "tier".into(),
        title: "Gold".into(),
        status: false,
    };
    let restore = Change::RestoreAttribute {
        target: people.clone(),
        rust_type: "B",
        field: "g",
        attribute: "nickname".into(),
    };
    let changes = finish(vec![
        option.clone(),
        create("nickname"),
        create("nickname"),
        restore,
        option.clone(),
        create("age"),
    ]);
    assert_eq!(changes, [create("nickname"), create("age"), option]);
}

fn attribute(slug: &str, title: &str, ty: &str) -> Attribute {
    serde_json::from_value(serde_json::json!({
        "id": {"workspace_id": "w", "object_id": "o", "attribute_id": format!("a-{slug}")},
        "title": title, "api_slug": slug, "type": ty, "is_writable": true,
    }))
    .unwrap()
}

fn plan(contract: &Contract, attributes: Vec<Attribute>) -> (Vec<Change>, TypeReport) {
    let live = Live {
        exists: true,
        attributes,
        ..Live::default()
    };
    let mut changes = Vec::new();
    let report = plan_one(contract, &live, &ObjectSlugs::new(), &mut changes);
    (changes, report)
}

#[attio::attio_object(slug = "leads")]
struct Lead {
    /// Lead source
    lead_source: Option<String>,
}

#[test]
fn a_renamed_attribute_is_not_forked() {
    // Same type and title: refused, naming both slugs.
    let (changes, report) = plan(
        &Contract::of::<Lead>(),
        vec![attribute("source", "Lead source", "text")],
    );
    assert!(changes.is_empty(), "{changes:?}");
    assert!(matches!(
        &report.findings[..],
        [Finding { problem: Problem::RenamedAttribute { live, same_title: true }, .. }] if live == "source"
    ));
    let text = report.to_string();
    assert!(
        text.contains("#[attio(rename = \"source\")] on `lead_source`"),
        "{text}"
    );
    assert!(text.contains("rename it back to `lead_source`"), "{text}");

    // Another title, but the nearest slug: refused too.
    let (changes, report) = plan(
        &Contract::of::<Lead>(),
        vec![attribute("source", "Origin", "text")],
    );
    assert!(changes.is_empty());
    assert!(matches!(
        &report.findings[..],
        [Finding {
            problem: Problem::RenamedAttribute {
                same_title: false,
                ..
            },
            ..
        }]
    ));
}

#[attio::attio_object(slug = "leads")]
struct LeadWithSource {
    /// Lead source
    lead_source: Option<String>,
    source: Option<String>,
}

#[test]
fn no_look_alike_means_the_attribute_is_created() {
    let creates = |changes: &[Change]| matches!(changes, [Change::CreateAttribute { attribute, .. }] if attribute.api_slug == "lead_source");
    // Another type.
    let (changes, report) = plan(
        &Contract::of::<Lead>(),
        vec![attribute("source", "Lead source", "number")],
    );
    assert!(
        creates(&changes) && report.findings.is_empty(),
        "{changes:?} {report}"
    );
    // Read by another field of the struct.
    let (changes, report) = plan(
        &Contract::of::<LeadWithSource>(),
        vec![attribute("source", "Lead source", "text")],
    );
    assert!(
        creates(&changes) && report.findings.is_empty(),
        "{changes:?} {report}"
    );
    // Neither the title nor a near slug.
    let (changes, report) = plan(
        &Contract::of::<Lead>(),
        vec![attribute("budget", "Budget", "text")],
    );
    assert!(
        creates(&changes) && report.findings.is_empty(),
        "{changes:?} {report}"
    );
}

#[test]
fn list_names_come_from_slugs() {
    assert_eq!(list_name("sales_pipeline"), "Sales pipeline");
    assert_eq!(list_name("x"), "X");
}

#[attio::attio_object(slug = "leads")]
struct LeadWithPages {
    /// Pages seen
    pages: Vec<String>,
    /// Owners
    owners: Vec<attio::ActorReference>,
}

#[test]
fn a_multiselect_attio_cannot_create_is_refused_before_anything_is_sent() {
    let (changes, report) = plan(&Contract::of::<LeadWithPages>(), vec![]);
    // The multiselect actor reference is created; the multiselect text is refused.
    assert!(
        matches!(&changes[..], [Change::CreateAttribute { attribute, .. }] if attribute.api_slug == "owners"),
        "{changes:?}"
    );
    let text = report.to_string();
    assert!(
        text.contains("multiselect attributes of the types select, record-reference"),
        "{text}"
    );
    assert!(
        text.contains("declare `pages` as one value (`String` or `Option<String>`)"),
        "{text}"
    );
}
