//! Activities: the `#[attio_activity]` struct, its fields typed as an object's, its enums, and
//! references to the objects generated beside it.

use attio::ActivitySchema;
use attio::AttributeType as T;

use super::{field, object};
use crate::generate::{generate, plan};
use crate::model::{ActivitySpec, AttributeSpec};

fn activity(slug: &str, singular: &str, attributes: Vec<AttributeSpec>) -> ActivitySpec {
    ActivitySpec {
        slug: slug.into(),
        singular_noun: singular.into(),
        plural_noun: format!("{singular}s"),
        extends: ActivitySchema::Interactions,
        attributes,
    }
}

/// The activity of `cli/tests/generated/activities.rs`, as the end-to-end test makes it (the
/// sandbox adds the three system attributes), plus what that test cannot make: a required
/// attribute and types an object's struct has too.
fn site_visits() -> ActivitySpec {
    let system = [
        AttributeSpec::new("record_id", "Record ID", T::Text).read_only(),
        AttributeSpec::new("created_at", "Created at", T::Timestamp).read_only(),
        AttributeSpec::new("created_by", "Created by", T::ActorReference).read_only(),
    ];
    let mut visit_id = AttributeSpec::new("visit_id", "Visit ID", T::Text);
    visit_id.is_unique = true;
    let mut attributes = system.to_vec();
    attributes.extend([
        AttributeSpec::new("visitor", "Visitor", T::RecordReference).allowed(["people"]),
        AttributeSpec::new("channel", "Channel", T::Select).choices([
            "Organic search",
            "Paid ads",
            "Email 📧",
        ]),
        AttributeSpec::new("pages", "Pages", T::Text).multiselect(),
        visit_id,
        AttributeSpec::new("duration_seconds", "Duration (seconds)", T::Number),
        AttributeSpec::new("occurred_at", "Occurred at", T::Timestamp).required(),
        AttributeSpec::new("companies", "Companies", T::RecordReference)
            .multiselect()
            .allowed(["companies"]),
        AttributeSpec::new("first_touch", "First touch", T::Interaction),
        AttributeSpec::new("type", "Type", T::Status)
            .required()
            .choices(["Visit"]),
    ]);
    activity("site_visits", "Site visit", attributes)
}

#[test]
fn an_activity_is_typed_as_an_object_is() {
    let people = object("people", "Person", vec![]);
    let plan = plan(&[people], &[], &[site_visits()]);
    let visit = &plan.structs[1];
    assert_eq!(visit.ident, "SiteVisit");
    assert_eq!(visit.slug, "site_visits");
    assert_eq!(visit.extends, Some(ActivitySchema::Interactions));
    assert_eq!(visit.parent, None);
    assert_eq!(
        visit.nouns,
        Some(("Site visit".to_owned(), "Site visits".to_owned()))
    );
    let t = |f| field(&plan, "SiteVisit", f).rust_type();
    assert_eq!(t("record_id"), "Option<String>");
    assert_eq!(t("visitor"), "Option<attio::Ref<Person>>");
    assert_eq!(t("channel"), "Option<SiteVisitChannel>");
    assert_eq!(t("pages"), "Vec<String>");
    assert_eq!(t("visit_id"), "Option<String>");
    assert_eq!(t("duration_seconds"), "Option<f64>");
    assert_eq!(t("occurred_at"), "attio::Timestamp");
    // `companies` is not generated: the reference is not typed.
    assert_eq!(t("companies"), "Vec<attio::RecordReference>");
    assert_eq!(t("first_touch"), "Option<attio::Interaction>");
    assert_eq!(t("type_"), "SiteVisitType");
    assert!(field(&plan, "SiteVisit", "record_id").read_only);
    assert!(
        field(&plan, "SiteVisit", "first_touch").read_only,
        "interaction"
    );
    assert!(!field(&plan, "SiteVisit", "visitor").read_only);
    assert!(field(&plan, "SiteVisit", "visit_id").unique);
    assert_eq!(
        field(&plan, "SiteVisit", "type_").rename.as_deref(),
        Some("type")
    );

    let channel = &visit.enums[0];
    assert_eq!(channel.ident, "SiteVisitChannel");
    assert!(!channel.status);
    assert_eq!(
        channel.variants,
        [
            ("OrganicSearch".into(), "Organic search".into()),
            ("PaidAds".into(), "Paid ads".into()),
            ("Email".into(), "Email 📧".into()),
        ]
    );
    assert_eq!(
        channel.doc,
        ["The options of the select attribute `channel` (Channel) of the activity `site_visits`."]
    );
    assert!(visit.enums[1].status);
    assert!(plan.notes.is_empty(), "{:?}", plan.notes);
}

#[test]
fn activity_names_do_not_collide_with_objects_or_lists() {
    let plan = plan(
        &[object("visits", "Site visit", vec![])],
        &[],
        &[
            activity("site_visits", "Site visit", vec![]),
            activity("🎉", "", vec![]),
        ],
    );
    let names: Vec<_> = plan.structs.iter().map(|s| s.ident.as_str()).collect();
    assert_eq!(names, ["SiteVisit", "SiteVisit2", "Activity"]);
    // Blank nouns would not compile: the struct goes without them.
    assert_eq!(plan.structs[2].nouns, None);
    assert_eq!(plan.structs[2].extends, Some(ActivitySchema::Interactions));
}

#[test]
fn activities_skip_unknown_types_with_a_note_that_names_the_activity() {
    let plan = plan(
        &[],
        &[],
        &[activity(
            "site_visits",
            "Site visit",
            vec![AttributeSpec::new(
                "holo",
                "Holo",
                "hologram".parse().unwrap(),
            )],
        )],
    );
    assert!(plan.structs[0].fields.is_empty());
    assert!(
        plan.notes[0].contains("left out `holo` of the activity `site_visits`"),
        "{:?}",
        plan.notes
    );
}

#[test]
fn an_activity_prints_as_attio_activity() {
    let mut calls = activity(
        "demo_calls",
        "Demo call",
        vec![
            AttributeSpec::new("attendee", "Attendee", T::RecordReference)
                .required()
                .allowed(["people"]),
            AttributeSpec::new("outcome", "Outcome", T::Select).choices(["Booked", "No show"]),
        ],
    );
    calls.extends = ActivitySchema::Calls;
    let generated = generate(
        &[object("people", "Person", vec![])],
        &[],
        &[calls],
        "Generated.",
    )
    .unwrap();
    let expected = r#"// Generated.

/// A record of the Attio object `people`.
#[attio::attio_object(slug = "people", singular = "Person", plural = "Persons")]
#[derive(Debug, Clone, PartialEq)]
pub struct Person {}

/// A record of the Attio activity `demo_calls`, which extends `calls`.
#[attio::attio_activity(
    slug = "demo_calls",
    extends = "calls",
    singular = "Demo call",
    plural = "Demo calls"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct DemoCall {
    /// Attendee
    ///
    /// Attribute `attendee`: record-reference, required, references people.
    pub attendee: attio::Ref<Person>,
    /// Outcome
    ///
    /// Attribute `outcome`: select.
    pub outcome: Option<DemoCallOutcome>,
}

/// The options of the select attribute `outcome` (Outcome) of the activity `demo_calls`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, attio::SelectEnum)]
pub enum DemoCallOutcome {
    /// "Booked"
    Booked,
    /// "No show"
    #[attio(rename = "No show")]
    NoShow,
    /// An option added in Attio after this code was generated, by its title.
    #[attio(other)]
    Other(String),
}
"#;
    assert_eq!(generated.code, expected);
}
