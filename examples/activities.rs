//! Site visits logged as activity records against people, queried back, and reported by company.
//!
//! ```sh
//! cargo run --example activities
//! ```
//!
//! It declares an activity, `site_visits`, that extends Attio's `interactions` schema (which
//! supplies `occurred_at`), with a visitor (a person), the pages seen and a unique visit id;
//! `ensure_schema` creates the activity and its attributes. Then it creates three companies with
//! two people each, logs a dozen visits (upserted by visit id, so a second run adds nothing),
//! asks for the last week's visits newest first, and folds them into visits and pages per
//! company, through each visitor's company.
//!
//! With no `ATTIO_API_KEY` set it starts `attio-sandbox`, an Attio-compatible server, in this
//! process on 127.0.0.1, so it runs with no account and no network. With `ATTIO_API_KEY` set it
//! talks to Attio (or to `ATTIO_BASE_URL`; activities are in alpha there, and custom activities
//! need the billing feature), where it creates what it logs and leaves it in place: run it against
//! a test workspace.

mod common;

use attio::prelude::*;
use std::collections::{BTreeMap, HashMap};

use attio::{Client, EmailAddress, Record, RecordId, Ref, Timestamp, attio_activity, attio_object};
use futures::StreamExt as _;

/// The standard `companies` object: the attributes this program uses.
#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
pub struct Company {
    /// The company's name.
    pub name: String,
}

/// The standard `people` object: the attributes this program uses.
#[attio_object(slug = "people")]
#[derive(Debug, Clone)]
pub struct Person {
    /// Their email addresses (unique: a person is found by any of them).
    pub email_addresses: Vec<EmailAddress>,
    /// The company they work for.
    pub company: Option<Ref<Company>>,
}

/// A page of the website: the options of a multiselect select attribute (Attio has no
/// multiselect text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, attio::SelectEnum)]
pub enum Page {
    /// `/`
    Home,
    /// `/pricing`
    Pricing,
    /// `/docs`
    Docs,
    /// `/customers`
    Customers,
    /// `/careers`
    Careers,
}

/// A visit to the website by a known person: a record of the activity `site_visits`.
#[attio_activity(
    slug = "site_visits",
    extends = "interactions",
    singular = "Site visit",
    plural = "Site visits"
)]
#[derive(Debug, Clone)]
pub struct SiteVisit {
    /// The visit's id in the analytics tool.
    ///
    /// The key a visit is logged by, so that logging it twice changes nothing.
    #[attio(unique)]
    pub visit_id: String,
    /// When it happened (inherited from `interactions`).
    pub occurred_at: Timestamp,
    /// Who visited.
    pub visitor: Option<Ref<Person>>,
    /// The pages seen.
    pub pages: Vec<Page>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (client, _sandbox) = common::connect().await?;

    // The activity and its attributes, from the struct: created when missing, checked otherwise
    // (an activity that extends another schema is reported, never changed).
    let plan = client.ensure_schema::<SiteVisit>().await?;
    for change in &plan.changes {
        println!("  {change}");
    }

    let people = seed_people(&client).await?;
    let logged = log_visits(&client, &people).await?;
    println!("logged {logged} site visits (upserted by visit id)");

    // The last week's visits, newest first, streamed page by page.
    let since: Timestamp = "2026-11-24T00:00:00Z".parse()?;
    let mut visits = SiteVisit::query()
        .filter(|f| f.occurred_at().gte(since))
        .sort(|f| f.occurred_at().desc())
        .page_size(5)
        .stream(&client);
    let mut recent: Vec<Record<SiteVisit>> = Vec::new();
    while let Some(visit) = visits.next().await {
        recent.push(visit?);
    }
    println!("\n{} visits since {since}; the newest:", recent.len());
    for visit in recent.iter().take(3) {
        println!(
            "  {}  {} pages: {}",
            visit.values.occurred_at,
            visit.values.pages.len(),
            visit
                .values
                .pages
                .iter()
                .map(|p| format!("{p:?}"))
                .collect::<Vec<_>>()
                .join(" → ")
        );
    }

    // Visits and pages per company, through each visitor's company (each person read once).
    let mut company_of: HashMap<RecordId, String> = HashMap::new();
    let mut by_company: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for visit in &recent {
        let Some(visitor) = visit.values.visitor.as_ref().and_then(Ref::record_id) else {
            continue;
        };
        if !company_of.contains_key(visitor) {
            let person = Person::get(&client, visitor).await?;
            let company = match person.values.company.as_ref().and_then(Ref::record_id) {
                Some(company) => Company::get(&client, company).await?.values.name,
                None => "(no company)".to_owned(),
            };
            company_of.insert(visitor.clone(), company);
        }
        let row = by_company.entry(company_of[visitor].clone()).or_default();
        row.0 += 1;
        row.1 += visit.values.pages.len();
    }
    println!("\nSite visits by company, last week");
    for (company, (visits, pages)) in &by_company {
        println!("  {company:<10} {visits:>2} visits  {pages:>3} pages");
    }
    Ok(())
}

/// Three companies with two people each; returns the people.
async fn seed_people(client: &Client) -> Result<Vec<Record<Person>>, Box<dyn std::error::Error>> {
    let mut people = Vec::new();
    for name in ["Acme", "Globex", "Initech"] {
        let company = Company { name: name.into() }.create(client).await?;
        for who in ["ada", "grace"] {
            let email = format!("{who}@{}.example", name.to_lowercase());
            let person = Person {
                email_addresses: vec![email.parse()?],
                company: Some(Ref::from(&company)),
            };
            people.push(person.assert_by(client, |f| f.email_addresses()).await?);
        }
    }
    Ok(people)
}

/// Twelve visits spread over the people and the last ten days, each upserted by its id.
async fn log_visits(
    client: &Client,
    people: &[Record<Person>],
) -> Result<usize, Box<dyn std::error::Error>> {
    use Page::{Careers, Customers, Docs, Home, Pricing};
    let pages = [Home, Pricing, Docs, Customers, Careers];
    for n in 0..12 {
        let day = 21 + n % 10;
        let visit = SiteVisit {
            visit_id: format!("ga-{n:04}"),
            occurred_at: format!("2026-11-{day:02}T{:02}:15:00Z", 8 + n).parse()?,
            visitor: Some(Ref::from(&people[n % people.len()])),
            pages: pages.iter().take(1 + n % pages.len()).copied().collect(),
        };
        visit.assert_by(client, |f| f.visit_id()).await?;
    }
    Ok(12)
}
