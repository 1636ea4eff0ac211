//! The exactly-once fault suite: writes through a sandbox that fails requests both *before*
//! processing them (503, 429, dropped connections: nothing changed) and *after* applying them
//! (the answer lost, or a proxy's 502: the change landed), with the client's default retry
//! policy, then Attio's state read back and compared with what every call reported.
//!
//! Run by `tests/tests/exactly_once.rs` (which asserts the targets) and by the
//! `exactly_once` example of `attio-benches` (which prints the table for 2,000 calls per kind).
//!
//! The kinds of call, `n` of each:
//!
//! 1. **create (unique)**: a `users` record whose struct marks `user_id` `#[attio(unique)]`;
//! 2. **append**: a `PATCH` adding a select option to the multiselect `tags` of each created user;
//! 3. **overwrite**: a `PUT` making `tags` exactly one other option;
//! 4. **create (no unique)**: a `people` record through a struct with no unique field;
//! 5. **create (unique emails)**: a `people` record whose struct marks the multi-valued
//!    `email_addresses` `#[attio(unique)]`, with two addresses (one in mixed case);
//! 6. **create (unique domains)**: a `companies` record whose struct marks the multi-valued
//!    `domains` `#[attio(unique)]`, with two domains (5 and 6 run side by side, under one fault
//!    mix).
//!
//! For each: attempted, ok, reported failed, failed but actually applied, lost (reported ok, not
//! there, or, for 5 and 6, another record than the one holding the values), duplicated (there
//! more than once), and failures whose outcome is not
//! [`Outcome::Unknown`] (for creates without a unique attribute, every failure must say that its
//! outcome is unknown).

use attio::prelude::*;
use std::collections::BTreeMap;
use std::fmt;
use std::time::Instant;

use attio::{
    Client, Domain, EmailAddress, Error, Outcome, RateLimits, Record, RecordId, SelectOption,
    attio_object,
};
use attio_sandbox::{Fault, Sandbox};
use futures::{StreamExt, TryStreamExt};
use serde_json::json;

/// A user, found by its unique `user_id`.
#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Unique in Attio.
    #[attio(unique)]
    pub user_id: String,
    /// Required (and unique) in Attio.
    pub primary_email_address: EmailAddress,
    /// A custom multiselect select attribute the suite creates.
    pub tags: Vec<SelectOption>,
}

/// The append: a `PATCH` of a `Vec` field adds its values.
#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
pub struct MemberTags {
    /// The options to add.
    pub tags: Vec<SelectOption>,
}

/// A person through a struct with no unique field: a create in doubt cannot be resolved.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
pub struct Anonymous {
    /// `anon {i}`, to count the records each call made.
    pub job_title: Option<String>,
}

/// A person, found by any of its email addresses: `people.email_addresses` is unique and
/// multi-valued (no two people share an address).
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// Unique in Attio, value by value.
    #[attio(unique)]
    pub email_addresses: Vec<EmailAddress>,
    /// `contact {i}`.
    pub job_title: Option<String>,
}

/// A company, found by any of its domains: `companies.domains` is unique and multi-valued.
#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
pub struct Firm {
    /// `firm {i}`.
    pub name: Option<String>,
    /// Unique in Attio, value by value.
    #[attio(unique)]
    pub domains: Vec<Domain>,
}

/// The two addresses of contact `i`, the second in mixed case (Attio keeps them lowercased).
pub fn contact_emails(i: usize) -> Vec<EmailAddress> {
    [
        format!("contact{i}@work.example"),
        format!("Contact{i}@Home.example"),
    ]
    .iter()
    .map(|a| a.parse().expect("a valid address"))
    .collect()
}

/// The two domains of firm `i`.
pub fn firm_domains(i: usize) -> Vec<Domain> {
    [format!("firm{i}.example"), format!("firm{i}-eu.example")]
        .iter()
        .map(|d| d.parse().expect("a valid domain"))
        .collect()
}

/// The option every append adds.
pub const APPENDED: &str = "appended";
/// The option every overwrite leaves as the only one.
pub const FINAL: &str = "final";

/// Calls in flight at once.
const CONCURRENCY: usize = 16;

/// One line of the table: what the calls of one kind reported, against what Attio holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The kind of call.
    pub operation: &'static str,
    /// Calls made.
    pub attempted: usize,
    /// Calls that returned `Ok`.
    pub ok: usize,
    /// Calls that returned an error.
    pub failed: usize,
    /// Calls that returned an error although their write is in Attio.
    pub failed_but_applied: usize,
    /// Calls that returned `Ok` although their write is not in Attio.
    pub lost: usize,
    /// Calls whose write is in Attio more than once.
    pub duplicated: usize,
    /// Failed calls whose error's outcome is not [`Outcome::Unknown`].
    pub failed_not_unknown: usize,
}

/// The suite's result: one [`Row`] per kind of call.
#[derive(Debug, Clone)]
pub struct Report {
    /// Create (unique), append, overwrite, create (no unique), create (unique emails), create
    /// (unique domains).
    pub rows: Vec<Row>,
    /// Requests the sandbox received while faults were on.
    pub requests: usize,
    /// Wall time, in seconds.
    pub seconds: f64,
    /// One error message of each kind of failure, for diagnosis.
    pub sample_errors: BTreeMap<&'static str, String>,
}

impl Report {
    /// The row of `operation`.
    pub fn row(&self, operation: &str) -> &Row {
        self.rows
            .iter()
            .find(|r| r.operation == operation)
            .unwrap_or_else(|| panic!("no row {operation}"))
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| operation | attempted | ok | reported failed | failed, but actually applied | lost | duplicated | failures not `Unknown` |"
        )?;
        writeln!(f, "|---|---|---|---|---|---|---|---|")?;
        for r in &self.rows {
            writeln!(
                f,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                r.operation,
                r.attempted,
                r.ok,
                r.failed,
                r.failed_but_applied,
                r.lost,
                r.duplicated,
                r.failed_not_unknown
            )?;
        }
        write!(
            f,
            "{} requests in {:.1}s; sample errors: {:?}",
            self.requests, self.seconds, self.sample_errors
        )
    }
}

/// The faults: before processing ~4% 503, ~3% 429, ~1% dropped; after applying ~5% answers lost
/// and ~3% a proxy's 502. Rules are tried in order (the first that fires wins), each from its own
/// seed.
pub fn inject_faults(sb: &Sandbox, seed: u64) {
    sb.inject_fault_fraction(Fault::Status(503), 0.04, seed);
    sb.inject_fault_fraction(Fault::Status(429), 0.03, seed + 1);
    sb.inject_fault_fraction(Fault::DropConnection, 0.01, seed + 2);
    sb.inject_fault_fraction(Fault::DropAfterApply, 0.05, seed + 3);
    sb.inject_fault_fraction(Fault::StatusAfterApply(502), 0.03, seed + 4);
}

fn user_id(i: usize) -> String {
    format!("u{i}")
}

fn email(i: usize) -> EmailAddress {
    format!("user{i}@exactly-once.example")
        .parse()
        .expect("a valid address")
}

fn option(title: &str) -> SelectOption {
    SelectOption::by_title(title).expect("a valid title")
}

fn titles(record: &Record<Member>) -> Vec<String> {
    record
        .values
        .tags
        .iter()
        .filter_map(|t| t.title().map(str::to_owned))
        .collect()
}

/// Runs the suite with `n` calls of each kind on a fresh sandbox, and reads Attio back.
pub async fn run(n: usize) -> Report {
    let started = Instant::now();
    let sb = Sandbox::builder()
        .seed(14)
        .record_requests(0)
        .start()
        .await
        .expect("the sandbox starts");
    // The default retry policy; the client's own rate limiter is off so that the suite is quick
    // (the sandbox enforces none either: 429s come from the injected faults).
    let client = crate::sandbox_client(&sb)
        .rate_limits(RateLimits::unlimited())
        .build()
        .expect("a client");
    setup(&client).await;
    let mut sample_errors = BTreeMap::new();
    let mut note = |kind: &'static str, e: &Error| {
        sample_errors.entry(kind).or_insert_with(|| e.to_string());
    };
    let before = sb.total_requests();

    // -- 1. Create, unique -------------------------------------------------------------------
    inject_faults(&sb, 0x14_0001);
    let created: Vec<(usize, Result<Record<Member>, Error>)> = in_parallel(0..n, |i| {
        let client = client.clone();
        async move {
            let member = Member {
                user_id: user_id(i),
                primary_email_address: email(i),
                tags: vec![],
            };
            (i, member.create(&client).await)
        }
    })
    .await;
    sb.clear_faults();
    let users = read_users(&client).await;
    let mut row = Row {
        operation: "create (unique)",
        attempted: n,
        ..Row::default()
    };
    let mut ids: BTreeMap<usize, RecordId> = BTreeMap::new();
    for (i, result) in &created {
        let copies = users.get(&user_id(*i)).map_or(0, Vec::len);
        tally(&mut row, result, copies, &mut note);
        if let Ok(record) = result {
            ids.insert(*i, record.id.record_id.clone());
        }
    }
    let mut rows = vec![row];

    // -- 2. Append --------------------------------------------------------------------------
    inject_faults(&sb, 0x14_0101);
    let appended = in_parallel(ids.clone(), |(i, id)| {
        let client = client.clone();
        async move {
            let tags = MemberTags {
                tags: vec![option(APPENDED)],
            };
            (i, tags.update(&client, &id).await)
        }
    })
    .await;
    sb.clear_faults();
    let users = read_users(&client).await;
    let mut row = Row {
        operation: "append (PATCH of a Vec field)",
        attempted: ids.len(),
        ..Row::default()
    };
    for (i, result) in &appended {
        let copies = users
            .get(&user_id(*i))
            .and_then(|records| records.first())
            .map_or(0, |tags| tags.iter().filter(|t| *t == APPENDED).count());
        tally(&mut row, result, copies, &mut note);
    }
    rows.push(row);

    // -- 3. Overwrite -----------------------------------------------------------------------
    inject_faults(&sb, 0x14_0201);
    let overwritten = in_parallel(ids.clone(), |(i, id)| {
        let client = client.clone();
        async move {
            let member = Member {
                user_id: user_id(i),
                primary_email_address: email(i),
                tags: vec![option(FINAL)],
            };
            (i, member.overwrite(&client, &id).await)
        }
    })
    .await;
    sb.clear_faults();
    let users = read_users(&client).await;
    let mut row = Row {
        operation: "overwrite (PUT)",
        attempted: ids.len(),
        ..Row::default()
    };
    for (i, result) in &overwritten {
        let tags = users
            .get(&user_id(*i))
            .and_then(|records| records.first())
            .cloned()
            .unwrap_or_default();
        // Applied: the tags are exactly [FINAL]; a second FINAL would be a duplicate.
        let finals = tags.iter().filter(|t| *t == FINAL).count();
        let copies = if tags.iter().all(|t| t == FINAL) {
            finals
        } else {
            0
        };
        tally(&mut row, result, copies, &mut note);
    }
    rows.push(row);

    // -- 4. Create, no unique attribute -----------------------------------------------------
    inject_faults(&sb, 0x14_0301);
    let anonymous = in_parallel(0..n, |i| {
        let client = client.clone();
        async move {
            let person = Anonymous {
                job_title: Some(format!("anon {i}")),
            };
            (i, person.create(&client).await)
        }
    })
    .await;
    sb.clear_faults();
    let mut people: BTreeMap<String, usize> = BTreeMap::new();
    let mut stream = Anonymous::query().stream(&client);
    while let Some(record) = stream.try_next().await.expect("people read back") {
        if let Some(title) = record.values.job_title {
            *people.entry(title).or_default() += 1;
        }
    }
    let mut row = Row {
        operation: "create (no unique attribute)",
        attempted: n,
        ..Row::default()
    };
    for (i, result) in &anonymous {
        let copies = people.get(&format!("anon {i}")).copied().unwrap_or(0);
        tally(&mut row, result, copies, &mut note);
    }
    rows.push(row);

    // -- 5 and 6. Create, unique and multi-valued: people by email, companies by domain -------
    // Side by side, under one fault mix, to keep the suite quick.
    inject_faults(&sb, 0x14_0401);
    let (contacts, firms) = tokio::join!(
        in_parallel(0..n, |i| {
            let client = client.clone();
            async move {
                let contact = Contact {
                    email_addresses: contact_emails(i),
                    job_title: Some(format!("contact {i}")),
                };
                (i, contact.create(&client).await.map(|r| r.id.record_id))
            }
        }),
        in_parallel(0..n, |i| {
            let client = client.clone();
            async move {
                let firm = Firm {
                    name: Some(format!("firm {i}")),
                    domains: firm_domains(i),
                };
                (i, firm.create(&client).await.map(|r| r.id.record_id))
            }
        }),
    );
    sb.clear_faults();
    let requests = sb.total_requests() - before;

    let mut holders: BTreeMap<String, Vec<RecordId>> = BTreeMap::new();
    let mut stream = Contact::query().stream(&client);
    while let Some(record) = stream.try_next().await.expect("people read back") {
        for email in &record.values.email_addresses {
            holders
                .entry(email.normalized().to_owned())
                .or_default()
                .push(record.id.record_id.clone());
        }
    }
    let keys = |i| {
        contact_emails(i)
            .iter()
            .map(|e| e.normalized().to_owned())
            .collect()
    };
    rows.push(tally_multi(
        "create (unique emails)",
        &contacts,
        &holders,
        keys,
        &mut note,
    ));

    let mut holders: BTreeMap<String, Vec<RecordId>> = BTreeMap::new();
    let mut stream = Firm::query().stream(&client);
    while let Some(record) = stream.try_next().await.expect("companies read back") {
        for domain in &record.values.domains {
            holders
                .entry(domain.as_str().to_lowercase())
                .or_default()
                .push(record.id.record_id.clone());
        }
    }
    let keys = |i| {
        firm_domains(i)
            .iter()
            .map(|d| d.as_str().to_lowercase())
            .collect()
    };
    rows.push(tally_multi(
        "create (unique domains)",
        &firms,
        &holders,
        keys,
        &mut note,
    ));

    sb.shutdown().await;
    Report {
        rows,
        requests,
        seconds: started.elapsed().as_secs_f64(),
        sample_errors,
    }
}

/// Adds one call to `row`: its result, and how many copies of its write Attio holds.
fn tally<R>(
    row: &mut Row,
    result: &Result<R, Error>,
    copies: usize,
    note: &mut impl FnMut(&'static str, &Error),
) {
    match result {
        Ok(_) => {
            row.ok += 1;
            if copies == 0 {
                row.lost += 1;
            }
        }
        Err(e) => {
            row.failed += 1;
            note(row.operation, e);
            if copies > 0 {
                row.failed_but_applied += 1;
            }
            if e.outcome() != Outcome::Unknown {
                row.failed_not_unknown += 1;
            }
        }
    }
    if copies > 1 {
        row.duplicated += 1;
    }
}

/// The row of creates keyed by a multi-valued unique attribute: call `i` wrote the values
/// `keys(i)` (as Attio keeps them), and `holders` says which records hold each value. Its copies
/// are the records holding any of its values; a call that reported another record than the one
/// holding them counts as lost.
fn tally_multi(
    operation: &'static str,
    results: &[(usize, Result<RecordId, Error>)],
    holders: &BTreeMap<String, Vec<RecordId>>,
    keys: impl Fn(usize) -> Vec<String>,
    note: &mut impl FnMut(&'static str, &Error),
) -> Row {
    let mut row = Row {
        operation,
        attempted: results.len(),
        ..Row::default()
    };
    for (i, result) in results {
        let mut records: Vec<&RecordId> = keys(*i)
            .iter()
            .flat_map(|k| holders.get(k).into_iter().flatten())
            .collect();
        records.sort();
        records.dedup();
        tally(&mut row, result, records.len(), note);
        if let Ok(id) = result
            && records.len() == 1
            && records[0] != id
        {
            row.lost += 1;
        }
    }
    row
}

/// Runs `call` on every item, [`CONCURRENCY`] at a time.
async fn in_parallel<I, F, Fut, T>(items: I, call: F) -> Vec<T>
where
    I: IntoIterator,
    F: FnMut(I::Item) -> Fut,
    Fut: std::future::Future<Output = T>,
{
    futures::stream::iter(items)
        .map(call)
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await
}

/// Every user by `user_id`: the tag titles of each record holding it (one record, if all is well).
async fn read_users(client: &Client) -> BTreeMap<String, Vec<Vec<String>>> {
    let mut out: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    let mut stream = Member::query().stream(client);
    while let Some(record) = stream.try_next().await.expect("users read back") {
        let tags = titles(&record);
        out.entry(record.values.user_id).or_default().push(tags);
    }
    out
}

/// Creates the multiselect select attribute `users.tags` [`Member`] writes, with its two options.
pub async fn setup(client: &Client) {
    let attribute = json!({"data": {
        "title": "Tags", "description": null, "api_slug": "tags", "type": "select",
        "is_required": false, "is_unique": false, "is_multiselect": true, "config": {}
    }});
    client
        .request(attio::Method::Post, "/v2/objects/users/attributes")
        .json(&attribute)
        .send::<serde_json::Value>()
        .await
        .expect("the tags attribute is created");
    for title in [APPENDED, FINAL] {
        client
            .request(
                attio::Method::Post,
                "/v2/objects/users/attributes/tags/options",
            )
            .json(&json!({"data": {"title": title}}))
            .send::<serde_json::Value>()
            .await
            .expect("an option is created");
    }
}
