//! `attio generate` against the sandbox's standard objects, compared with the golden file
//! `tests/generated/mod.rs`. The golden file is also compiled here, as the module `generated`,
//! and round-trips records through the sandbox: what the generator writes compiles as is and
//! reads back what it wrote.
//!
//! After a deliberate change to the generator, refresh the golden file and review its diff:
//!
//! ```sh
//! ATTIO_BLESS=1 cargo test -p attio-cli --test generate
//! git diff cli/tests/generated/mod.rs
//! ```

#[allow(dead_code)] // the whole generated surface, of which the tests use a part
mod generated;

use std::path::PathBuf;

use attio_sandbox::Sandbox;
use clap::Parser as _;

const OBJECTS: [&str; 3] = ["people", "companies", "deals"];

fn golden_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/generated/mod.rs")
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
    let cli = attio_cli::cli::Cli::parse_from(
        ["attio", "generate"]
            .into_iter()
            .chain(OBJECTS.iter().flat_map(|o| ["--object", o])),
    );
    let attio_cli::cli::Command::Generate(args) = cli.command else {
        panic!("parsed as generate");
    };
    let mut progress = Vec::new();
    let generated = attio_cli::generate_code(
        &client(&sandbox),
        &args.objects,
        &args.lists,
        &attio_cli::header(&args),
        &mut progress,
    )
    .await
    .expect("generation succeeds against the sandbox");
    let progress = String::from_utf8(progress).expect("utf-8 progress");
    assert!(
        progress.contains("reading the object `deals`"),
        "{progress}"
    );
    assert!(generated.notes.is_empty(), "{:?}", generated.notes);

    let path = golden_path();
    if std::env::var_os("ATTIO_BLESS").is_some() {
        std::fs::write(&path, &generated.code).expect("the golden file is written");
        return;
    }
    let golden = std::fs::read_to_string(&path).expect("the golden file is there");
    if golden != generated.code {
        let line = golden
            .lines()
            .zip(generated.code.lines())
            .position(|(a, b)| a != b)
            .map_or(
                golden.lines().count().min(generated.code.lines().count()),
                |i| i,
            );
        panic!(
            "the generated code differs from {} from line {}:\n  golden:    {:?}\n  generated: {:?}\n\
             If the change is intended, run `ATTIO_BLESS=1 cargo test -p attio-cli --test generate` and review the diff.",
            path.display(),
            line + 1,
            golden.lines().nth(line),
            generated.code.lines().nth(line),
        );
    }
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
