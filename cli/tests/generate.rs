//! `attio generate` against the sandbox, compared with golden files: `tests/generated/mod.rs`
//! for the standard objects people, companies and deals, `tests/generated/pipeline.rs` for a
//! list made here, `tests/generated/gadgets.rs` for a custom object with names that are
//! awkward in Rust, and `tests/generated/activities.rs` for an activity made here (with people,
//! which it references). Each golden file is also compiled here, as a module, and round-trips
//! records or entries through the sandbox, or is checked against its schema: what the generator
//! writes compiles as is and reads back what it wrote.
//!
//! After a deliberate change to the generator, refresh the golden files and review their diff:
//!
//! ```sh
//! ATTIO_BLESS=1 cargo test -p attio-cli --test generate
//! git diff cli/tests/generated/
//! ```

#[allow(dead_code)]
#[path = "generated/activities.rs"]
mod activities;
#[allow(dead_code)]
#[path = "generated/gadgets.rs"]
mod gadgets;
#[allow(dead_code)] // the whole generated surface, of which the tests use a part
mod generated;
#[allow(dead_code)]
#[path = "generated/pipeline.rs"]
mod pipeline;

use attio::prelude::*;
use std::path::PathBuf;

use attio_sandbox::Sandbox;
use clap::Parser as _;

const OBJECTS: [&str; 3] = ["people", "companies", "deals"];

/// Compares `code` with the golden file `name` in `tests/generated/`, or with `ATTIO_BLESS`
/// set, writes it there.
fn check_golden(name: &str, code: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/generated")
        .join(name);
    if std::env::var_os("ATTIO_BLESS").is_some() {
        std::fs::write(&path, code).expect("the golden file is written");
        return;
    }
    let golden = std::fs::read_to_string(&path).expect("the golden file is there");
    if golden != code {
        let line = golden
            .lines()
            .zip(code.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| golden.lines().count().min(code.lines().count()));
        panic!(
            "the generated code differs from {} from line {}:\n  golden:    {:?}\n  generated: {:?}\n\
             If the change is intended, run `ATTIO_BLESS=1 cargo test -p attio-cli --test generate` and review the diff.",
            path.display(),
            line + 1,
            golden.lines().nth(line),
            code.lines().nth(line),
        );
    }
}

/// What `attio generate args…` writes for the workspace `client` names, and its progress.
async fn generate(client: &attio::Client, args: &[&str]) -> (String, String) {
    let cli = attio_cli::cli::Cli::parse_from(["attio", "generate"].iter().chain(args));
    let attio_cli::cli::Command::Generate(args) = cli.command else {
        panic!("parsed as generate");
    };
    let mut progress = Vec::new();
    let generated = attio_cli::generate_code(
        client,
        &args.objects,
        &args.lists,
        &args.activities,
        &attio_cli::header(&args),
        &mut progress,
    )
    .await
    .expect("generation succeeds against the sandbox");
    assert!(generated.notes.is_empty(), "{:?}", generated.notes);
    let progress = String::from_utf8(progress).expect("utf-8 progress");
    (generated.code, progress)
}

fn client(sandbox: &Sandbox) -> attio::Client {
    attio::Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.base_url())
        .build()
        .expect("a client for the sandbox")
}

#[tokio::test]
async fn generated_code_for_people_companies_and_deals_matches_the_golden_file() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let args: Vec<&str> = OBJECTS.iter().flat_map(|o| ["--object", o]).collect();
    let (code, progress) = generate(&client(&sandbox), &args).await;
    assert!(
        progress.contains("reading the object `deals`"),
        "{progress}"
    );
    check_golden("mod.rs", &code);
}

#[tokio::test]
async fn a_company_and_a_person_round_trip_through_the_generated_structs() {
    use generated::{Company, CompanyCategories, Person};

    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = client(&sandbox);

    // The workspace the code was generated from agrees with it, attribute by attribute.
    let report = client
        .check_schemas(&[
            attio::schema::Contract::of::<Person>(),
            attio::schema::Contract::of::<Company>(),
            attio::schema::Contract::of::<generated::Deal>(),
        ])
        .await
        .expect("the schema check runs");
    assert!(report.is_compatible(), "{report}");

    let company = Company {
        record_id: None,
        created_at: None,
        created_by: None,
        domains: vec!["acme.example".parse().expect("a domain")],
        name: Some("Acme".into()),
        description: Some("Makes everything".into()),
        team: vec![],
        categories: vec![CompanyCategories::SaaS, CompanyCategories::_3dPrinting],
        primary_location: None,
        angellist: None,
        facebook: None,
        instagram: None,
        linkedin: Some("https://www.linkedin.com/company/acme".into()),
        twitter: None,
        foundation_date: Some("2001-02-03".parse().expect("a date")),
        associated_deals: vec![],
        associated_workspaces: vec![],
        logo_url: None,
        funding_raised_usd: None,
        first_email_interaction: None,
        last_email_interaction: None,
    };
    let created = company
        .create(&client)
        .await
        .expect("the company is created");
    let got = Company::get(&client, &created.id.record_id)
        .await
        .expect("the company is read back");
    assert_eq!(got.values, created.values);
    // What was written reads back; the read-only system attributes are filled in by Attio.
    assert!(got.values.record_id.is_some() && got.values.created_at.is_some());
    let expected = Company {
        record_id: got.values.record_id.clone(),
        created_at: got.values.created_at,
        created_by: got.values.created_by.clone(),
        ..company
    };
    assert_eq!(got.values, expected);

    let person = Person {
        record_id: None,
        created_at: None,
        created_by: None,
        email_addresses: vec!["ada@acme.example".parse().expect("an email address")],
        name: Some(attio::PersonalName::new("Ada", "Lovelace").expect("a name")),
        company: Some(attio::Ref::new(created.id.record_id.clone())),
        description: None,
        job_title: Some("Engineer".into()),
        phone_numbers: vec![],
        primary_location: None,
        angellist: None,
        facebook: None,
        instagram: None,
        linkedin: None,
        twitter: None,
        avatar_url: None,
        associated_deals: vec![],
        associated_users: vec![],
        twitter_follower_count: None,
        first_email_interaction: None,
        last_email_interaction: None,
    };
    let created_person = person.create(&client).await.expect("the person is created");
    let got = Person::get(&client, &created_person.id.record_id)
        .await
        .expect("the person is read back");
    let expected = Person {
        record_id: got.values.record_id.clone(),
        created_at: got.values.created_at,
        created_by: got.values.created_by.clone(),
        ..person
    };
    assert_eq!(got.values, expected);

    // The typed reference's other side: the company's team now holds the person.
    let company = Company::get(&client, &created.id.record_id)
        .await
        .expect("the company is read again");
    assert_eq!(
        company.values.team,
        vec![attio::Ref::new(created_person.id.record_id.clone())]
    );
}

/// A sandbox with the list `sales_pipeline` over companies: a required status, a select whose
/// slug is a keyword, a currency and a reference to people.
async fn pipeline_sandbox() -> (Sandbox, attio::Client) {
    use attio::AttributeType;
    use attio::schema::{NewAttribute, NewStatus, Target};

    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = client(&sandbox);
    client
        .create_list(&attio::NewList::new(
            "Sales pipeline",
            "sales_pipeline",
            "companies",
        ))
        .await
        .expect("the list is created");
    let list = Target::list("sales_pipeline");
    for new in [
        NewAttribute::new("stage", "Stage", AttributeType::Status)
            .description("Where the deal is.\nMoved by the sales team."),
        NewAttribute::new("type", "Type", AttributeType::Select),
        NewAttribute::new("deal_value", "Deal value", AttributeType::Currency),
        NewAttribute::new("champions", "Champions", AttributeType::RecordReference)
            .multiselect(true)
            .allowed_objects(["people"]),
    ] {
        client
            .create_attribute(&list, &new)
            .await
            .expect("the attribute is created");
    }
    for status in ["Lead", "In Progress", "Won 🎉"] {
        client
            .create_status(&list, "stage", &NewStatus::new(status))
            .await
            .expect("the status is created");
    }
    for option in ["New business", "Renewal"] {
        client
            .create_option(&list, "type", option)
            .await
            .expect("the option is created");
    }
    (sandbox, client)
}

#[tokio::test]
async fn generated_code_for_a_list_matches_its_golden_file() {
    let (_sandbox, client) = pipeline_sandbox().await;
    let (code, progress) = generate(&client, &["--list", "sales_pipeline"]).await;
    assert!(
        progress.contains("adding the object `companies`: the entries of the list `sales_pipeline` belong to its records"),
        "{progress}"
    );
    check_golden("pipeline.rs", &code);
}

#[tokio::test]
async fn an_entry_round_trips_through_the_generated_list_struct() {
    use pipeline::{SalesPipelineEntry, SalesPipelineEntryStage, SalesPipelineEntryType};

    let (_sandbox, client) = pipeline_sandbox().await;
    let report = client
        .check_schemas(&[attio::schema::Contract::of::<pipeline::Company>()])
        .await
        .expect("the schema check runs");
    assert!(report.is_compatible(), "{report}");

    let acme = pipeline::Company {
        record_id: None,
        created_at: None,
        created_by: None,
        domains: vec!["acme.example".parse().expect("a domain")],
        name: Some("Acme".into()),
        description: None,
        team: vec![],
        categories: vec![],
        primary_location: None,
        angellist: None,
        facebook: None,
        instagram: None,
        linkedin: None,
        twitter: None,
        foundation_date: None,
        associated_deals: vec![],
        associated_workspaces: vec![],
        logo_url: None,
        funding_raised_usd: None,
        first_email_interaction: None,
        last_email_interaction: None,
    }
    .create(&client)
    .await
    .expect("the company is created");

    let entry = SalesPipelineEntry {
        created_at: None,
        created_by: None,
        stage: Some(SalesPipelineEntryStage::Won),
        type_: Some(SalesPipelineEntryType::NewBusiness),
        deal_value: Some(attio::Currency::new(12005, 1).expect("an amount")),
        champions: vec![],
    };
    let added = entry.add(&client, &acme).await.expect("the entry is added");
    let got = SalesPipelineEntry::get(&client, &added.id.entry_id)
        .await
        .expect("the entry is read back");
    // The amount reads back with the attribute's currency code, which a write does not carry.
    assert_eq!(
        got.values.deal_value.as_ref().map(ToString::to_string),
        entry.deal_value.as_ref().map(ToString::to_string)
    );
    let expected = SalesPipelineEntry {
        created_at: got.values.created_at,
        created_by: got.values.created_by.clone(),
        deal_value: got.values.deal_value.clone(),
        ..entry
    };
    assert_eq!(got.values, expected);
    assert_eq!(got.parent_record_id, acme.id.record_id);
}

/// A sandbox with a custom object whose names are awkward in Rust: keyword slugs, an option
/// titled "Other" (the catch-all's usual name), one with no letters, two that differ only in
/// case, and a reference to its own object.
async fn gadgets_sandbox() -> (Sandbox, attio::Client) {
    use attio::AttributeType;
    use attio::schema::{NewAttribute, NewObject, Target};

    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = client(&sandbox);
    client
        .create_object(&NewObject::new("gadgets", "Gadget", "Gadgets"))
        .await
        .expect("the object is created");
    let gadgets = Target::object("gadgets");
    for new in [
        NewAttribute::new("match", "Match", AttributeType::Text).unique(true),
        NewAttribute::new("type", "Type.", AttributeType::Select),
        NewAttribute::new("self", "Self", AttributeType::Checkbox),
        NewAttribute::new("parts", "Parts", AttributeType::RecordReference)
            .multiselect(true)
            .allowed_objects(["gadgets"]),
    ] {
        client
            .create_attribute(&gadgets, &new)
            .await
            .expect("the attribute is created");
    }
    for option in ["Other", "🎉", "B2B", "b2b"] {
        client
            .create_option(&gadgets, "type", option)
            .await
            .expect("the option is created");
    }
    (sandbox, client)
}

#[tokio::test]
async fn generated_code_for_awkward_names_matches_its_golden_file() {
    let (_sandbox, client) = gadgets_sandbox().await;
    let (code, _) = generate(&client, &["--object", "gadgets"]).await;
    check_golden("gadgets.rs", &code);
}

#[tokio::test]
async fn a_gadget_with_awkward_names_round_trips() {
    use gadgets::{Gadget, GadgetType};

    let (_sandbox, client) = gadgets_sandbox().await;
    let report = client
        .check_schema::<Gadget>()
        .await
        .expect("the schema check runs");
    assert!(report.is_compatible(), "{report}");

    let first = Gadget {
        record_id: None,
        created_at: None,
        created_by: None,
        match_: Some("g-1".into()),
        type_: Some(GadgetType::Variant2),
        self_: Some(true),
        parts: vec![],
    };
    let first_id = first
        .create(&client)
        .await
        .expect("the first gadget is created")
        .id
        .record_id;
    let second = Gadget {
        match_: Some("g-2".into()),
        type_: Some(GadgetType::B2b2),
        self_: None,
        parts: vec![attio::Ref::new(first_id.clone())],
        ..first.clone()
    };
    for (gadget, id) in [
        (first, first_id),
        (
            second.clone(),
            second.create(&client).await.expect("created").id.record_id,
        ),
    ] {
        let got = Gadget::get(&client, &id)
            .await
            .expect("the gadget is read back");
        let expected = Gadget {
            record_id: got.values.record_id.clone(),
            created_at: got.values.created_at,
            created_by: got.values.created_by.clone(),
            ..gadget
        };
        assert_eq!(got.values, expected);
    }
}

/// A sandbox with the activity `site_visits`, which extends `interactions`: a reference to
/// people, a select (one option with an emoji), a multiselect select, a unique text and a number.
async fn site_visits_sandbox() -> (Sandbox, attio::Client) {
    use attio::activities::NewActivity;
    use attio::schema::{NewAttribute, Target};
    use attio::{ActivitySchema, AttributeType};

    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = client(&sandbox);
    client
        .create_activity(&NewActivity::new(
            "site_visits",
            "Site visit",
            "Site visits",
            ActivitySchema::Interactions,
        ))
        .await
        .expect("the activity is created");
    let visits = Target::activity("site_visits");
    for new in [
        NewAttribute::new("visitor", "Visitor", AttributeType::RecordReference)
            .allowed_objects(["people"]),
        NewAttribute::new("channel", "Channel", AttributeType::Select),
        NewAttribute::new("pages", "Pages", AttributeType::Select).multiselect(true),
        NewAttribute::new("visit_id", "Visit ID", AttributeType::Text).unique(true),
        NewAttribute::new(
            "duration_seconds",
            "Duration (seconds)",
            AttributeType::Number,
        ),
    ] {
        client
            .create_attribute(&visits, &new)
            .await
            .expect("the attribute is created");
    }
    for option in ["Organic search", "Paid ads", "Email 📧"] {
        client
            .create_option(&visits, "channel", option)
            .await
            .expect("the option is created");
    }
    for option in ["Pricing", "Docs"] {
        client
            .create_option(&visits, "pages", option)
            .await
            .expect("the option is created");
    }
    (sandbox, client)
}

#[tokio::test]
async fn generated_code_for_an_activity_matches_its_golden_file() {
    let (_sandbox, client) = site_visits_sandbox().await;
    let (code, progress) = generate(
        &client,
        &["--object", "people", "--activity", "site_visits"],
    )
    .await;
    assert!(
        progress.contains("reading the activity `site_visits`"),
        "{progress}"
    );
    check_golden("activities.rs", &code);

    // The workspace the code was generated from agrees with it, attribute by attribute.
    let report = client
        .check_schema::<activities::SiteVisit>()
        .await
        .expect("the schema check runs");
    assert!(report.is_compatible(), "{report}");

    // `attio schema site_visits` finds the activity after the objects and lists.
    let (target, attributes) = attio_cli::fetch::schema_of(&client, "site_visits")
        .await
        .expect("the activity is found");
    assert_eq!(target, attio::schema::Target::activity("site_visits"));
    assert!(attributes.iter().any(|a| a.slug == "visitor"));

    // An activity the workspace does not have is named, with the nearest one.
    let err = attio_cli::generate_code(
        &client,
        &[],
        &[],
        &["site_visit".to_owned()],
        "",
        &mut Vec::new(),
    )
    .await
    .expect_err("an unknown activity fails")
    .to_string();
    assert!(
        err.contains("no activity with the slug `site_visit` (did you mean `site_visits`?); its activities are: ")
            && err.contains("--activity takes an api slug"),
        "{err}"
    );
}
