//! The generator's unit tests: naming, types and cardinality, enums, and the printed form.

use attio::AttributeType as T;

use super::*;
use crate::model::{AttributeSpec, Choice, ListSpec, ObjectSpec};

mod activities;

fn object(slug: &str, noun: &str, attributes: Vec<AttributeSpec>) -> ObjectSpec {
    ObjectSpec {
        slug: slug.into(),
        singular_noun: Some(noun.into()),
        plural_noun: Some(format!("{noun}s")),
        attributes,
    }
}

fn field<'p>(plan: &'p Plan, s: &str, f: &str) -> &'p FieldPlan {
    let s = plan.structs.iter().find(|x| x.ident == s).unwrap();
    s.fields.iter().find(|x| x.ident == f).unwrap()
}

#[test]
fn types_and_cardinality_follow_the_attribute() {
    let plan = plan(
        &[object(
            "things",
            "Thing",
            vec![
                AttributeSpec::new("name", "Name", T::Text).required(),
                AttributeSpec::new("count", "Count", T::Number),
                AttributeSpec::new("emails", "Emails", T::EmailAddress).multiselect(),
                AttributeSpec::new("seen", "Seen", T::Interaction),
                AttributeSpec::new("logo", "Logo", T::Text).read_only(),
                AttributeSpec::new("money", "Money", T::Currency),
                AttributeSpec::new("who", "Who", T::PersonalName),
                AttributeSpec::new("when", "When", T::Timestamp),
            ],
        )],
        &[],
        &[],
    );
    let t = |f| field(&plan, "Thing", f).rust_type();
    assert_eq!(t("name"), "String");
    assert_eq!(t("count"), "Option<f64>");
    assert_eq!(t("emails"), "Vec<attio::EmailAddress>");
    assert_eq!(t("seen"), "Option<attio::Interaction>");
    assert_eq!(t("money"), "Option<attio::Currency>");
    assert_eq!(t("who"), "Option<attio::PersonalName>");
    assert_eq!(t("when"), "Option<attio::Timestamp>");
    assert!(field(&plan, "Thing", "seen").read_only, "interaction");
    assert!(field(&plan, "Thing", "logo").read_only, "is_writable false");
    assert!(!field(&plan, "Thing", "name").read_only);
    assert!(plan.notes.is_empty());
}

#[test]
fn every_known_type_maps_to_its_rust_type() {
    for ty in T::ALL {
        let plan = plan(
            &[object(
                "things",
                "Thing",
                vec![AttributeSpec::new("x", "X", ty.clone()).choices(["A"])],
            )],
            &[],
            &[],
        );
        let f = field(&plan, "Thing", "x");
        match ty {
            T::Select | T::Status => assert_eq!(f.value_type, "ThingX"),
            _ => assert_eq!(Some(f.value_type.as_str()), ty.rust_type()),
        }
    }
}

#[test]
fn references_to_one_generated_object_are_typed() {
    let plan = plan(
        &[
            object(
                "people",
                "Person",
                vec![
                    AttributeSpec::new("company", "Company", T::RecordReference)
                        .allowed(["companies"]),
                ],
            ),
            object(
                "companies",
                "Company",
                vec![
                    AttributeSpec::new("team", "Team", T::RecordReference)
                        .multiselect()
                        .allowed(["people"]),
                    AttributeSpec::new("deals", "Deals", T::RecordReference)
                        .multiselect()
                        .allowed(["deals"]),
                    AttributeSpec::new("any", "Any", T::RecordReference),
                    AttributeSpec::new("two", "Two", T::RecordReference)
                        .allowed(["people", "companies"]),
                ],
            ),
        ],
        &[],
        &[],
    );
    assert_eq!(
        field(&plan, "Person", "company").rust_type(),
        "Option<attio::Ref<Company>>"
    );
    assert_eq!(
        field(&plan, "Company", "team").rust_type(),
        "Vec<attio::Ref<Person>>"
    );
    for f in ["deals", "any", "two"] {
        assert!(
            field(&plan, "Company", f)
                .value_type
                .ends_with("attio::RecordReference")
        );
    }
}

#[test]
fn select_and_status_attributes_get_enums_with_a_catch_all() {
    let plan = plan(
        &[object(
            "deals",
            "Deal",
            vec![
                AttributeSpec::new("stage", "Stage", T::Status)
                    .required()
                    .choices(["Lead", "In Progress", "Won 🎉", "Won!", "🎉", "Other"]),
                AttributeSpec::new("tags", "Tags", T::Select)
                    .multiselect()
                    .choices(["B2B", "b2b"]),
                AttributeSpec::new("empty", "Empty", T::Select),
            ],
        )],
        &[],
        &[],
    );
    let deal = &plan.structs[0];
    let stage = &deal.enums[0];
    assert_eq!(stage.ident, "DealStage");
    assert!(stage.status);
    let names: Vec<_> = stage.variants.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Lead", "InProgress", "Won", "Won2", "Variant5", "Other"]
    );
    assert_eq!(stage.other, "Unknown");
    let tags = &deal.enums[1];
    assert_eq!(tags.ident, "DealTags");
    assert_eq!(tags.other, "Other");
    let names: Vec<_> = tags.variants.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["B2b", "B2b2"]);
    assert_eq!(field(&plan, "Deal", "tags").rust_type(), "Vec<DealTags>");
    assert_eq!(
        field(&plan, "Deal", "empty").rust_type(),
        "Option<attio::SelectOption>"
    );
    assert_eq!(plan.notes.len(), 1);
}

#[test]
fn archived_attributes_and_options_are_left_out() {
    let mut archived = AttributeSpec::new("old", "Old", T::Text);
    archived.is_archived = true;
    let mut stage = AttributeSpec::new("stage", "Stage", T::Status).choices(["Lead"]);
    stage.choices.push(Choice {
        title: "Gone".into(),
        is_archived: true,
    });
    let plan = plan(&[object("deals", "Deal", vec![archived, stage])], &[], &[]);
    let deal = &plan.structs[0];
    assert_eq!(deal.fields.len(), 1);
    assert_eq!(deal.enums[0].variants, [("Lead".into(), "Lead".into())]);
}

#[test]
fn slugs_that_are_not_identifiers_are_renamed() {
    let plan = plan(
        &[object(
            "things",
            "Thing",
            vec![
                AttributeSpec::new("type", "Type", T::Text),
                AttributeSpec::new("2fa", "2FA", T::Checkbox),
                AttributeSpec::new("type_", "Type again", T::Text),
                AttributeSpec::new("3rd_tier", "Tier", T::Select).choices(["Gold"]),
            ],
        )],
        &[],
        &[],
    );
    let f = &plan.structs[0].fields;
    assert_eq!(
        (f[0].ident.as_str(), f[0].rename.as_deref()),
        ("type_", Some("type"))
    );
    assert_eq!(
        (f[1].ident.as_str(), f[1].rename.as_deref()),
        ("_2fa", Some("2fa"))
    );
    assert_eq!(
        (f[2].ident.as_str(), f[2].rename.as_deref()),
        ("type__2", Some("type_"))
    );
    assert_eq!(f[3].ident, "_3rd_tier");
    assert_eq!(f[3].value_type, "Thing3rdTier");
}

#[test]
fn titles_the_doc_comment_cannot_carry_are_explicit() {
    let mut email = AttributeSpec::new("email", "Email", T::EmailAddress);
    email.is_unique = true;
    let plan = plan(
        &[object(
            "things",
            "Thing",
            vec![
                email,
                AttributeSpec::new("no", "No.", T::Number),
                AttributeSpec::new("pad", " Padded", T::Text),
                AttributeSpec::new("two", "Two\nlines", T::Text),
            ],
        )],
        &[],
        &[],
    );
    let f = &plan.structs[0].fields;
    assert!(f[0].unique && f[0].title.is_none());
    assert_eq!(f[1].title.as_deref(), Some("No."));
    assert_eq!(f[2].title.as_deref(), Some(" Padded"));
    assert_eq!(f[3].title.as_deref(), Some("Two\nlines"));
    assert_eq!(f[3].doc[0], "Two");
    assert_eq!(
        plan.structs[0].nouns,
        Some(("Thing".to_owned(), "Things".to_owned()))
    );
    let code = generate(&[object("things", "Thing", vec![f_spec()])], &[], &[], "")
        .unwrap()
        .code;
    assert!(
        code.contains("#[attio(title = \"No.\", read_only, unique)]"),
        "{code}"
    );
}

fn f_spec() -> AttributeSpec {
    let mut a = AttributeSpec::new("no", "No.", T::Number).read_only();
    a.is_unique = true;
    a
}

#[test]
fn type_names_do_not_collide() {
    let plan = plan(
        &[
            object("a", "Option", vec![]),
            object(
                "b",
                "Deal",
                vec![AttributeSpec::new("stage", "Stage", T::Select).choices(["x"])],
            ),
            object("c", "Deal Stage", vec![]),
            object("d", "Deal Fields", vec![]),
        ],
        &[],
        &[],
    );
    let names: Vec<_> = plan.structs.iter().map(|s| s.ident.as_str()).collect();
    assert_eq!(names, ["Option2", "Deal", "DealStage", "DealFields2"]);
    assert_eq!(plan.structs[1].enums[0].ident, "DealStage2");
}

#[test]
fn lists_name_their_parent_and_skip_what_entries_cannot_hold() {
    let companies = object("companies", "Company", vec![]);
    let list = ListSpec {
        slug: "sales_pipeline".into(),
        name: "Sales pipeline".into(),
        parent_object: "companies".into(),
        attributes: vec![
            AttributeSpec::new("parent", "Parent", T::Text),
            AttributeSpec::new("who", "Who", T::PersonalName),
        ],
    };
    let plan = plan(&[companies], &[list], &[]);
    let entry = &plan.structs[1];
    assert_eq!(entry.ident, "SalesPipelineEntry");
    assert_eq!(entry.parent.as_deref(), Some("Company"));
    assert_eq!(entry.fields.len(), 1);
    assert_eq!(entry.fields[0].ident, "parent_attribute");
    assert_eq!(entry.fields[0].rename.as_deref(), Some("parent"));
    assert_eq!(plan.notes.len(), 1);
}

#[test]
fn unknown_types_are_left_out_with_a_note() {
    let plan = plan(
        &[object(
            "things",
            "Thing",
            vec![AttributeSpec::new(
                "holo",
                "Holo",
                "hologram".parse().unwrap(),
            )],
        )],
        &[],
        &[],
    );
    assert!(plan.structs[0].fields.is_empty());
    assert!(plan.notes[0].contains("hologram"), "{:?}", plan.notes);
    assert!(plan.structs[0].doc.iter().any(|l| l.contains("`holo`")));
}

#[test]
fn output_is_formatted_rust() {
    let generated = generate(
        &[object(
            "deals",
            "Deal",
            vec![
                AttributeSpec::new("name", "Deal name", T::Text).required(),
                AttributeSpec::new("stage", "Deal stage", T::Status)
                    .required()
                    .choices(["Lead", "Won 🎉"]),
            ],
        )],
        &[],
        &[],
        "Generated.",
    )
    .unwrap();
    let expected = r#"// Generated.

/// A record of the Attio object `deals`.
#[attio::attio_object(slug = "deals", singular = "Deal", plural = "Deals")]
#[derive(Debug, Clone, PartialEq)]
pub struct Deal {
    /// Deal name
    ///
    /// Attribute `name`: text, required.
    pub name: String,
    /// Deal stage
    ///
    /// Attribute `stage`: status, required.
    pub stage: DealStage,
}

/// The statuses of the status attribute `stage` (Deal stage) of the object `deals`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, attio::SelectEnum)]
#[attio(status)]
pub enum DealStage {
    /// "Lead"
    Lead,
    /// "Won 🎉"
    #[attio(rename = "Won 🎉")]
    Won,
    /// A status added in Attio after this code was generated, by its title.
    #[attio(other)]
    Other(String),
}
"#;
    assert_eq!(generated.code, expected);
}
