//! The methods `#[attio_object]` generates, end to end against the in-process sandbox: every
//! writable attribute type round-trips as Attio normalises it, multiselect updates append, values
//! Attio would refuse never leave the process, Attio's errors arrive typed, and `read_only` /
//! `rename` shape what is sent.
//!
//! Run: `cargo test -p attio-tests --test sandbox_e2e`.

use std::collections::BTreeSet;

use attio::{
    ActorReference, ActorType, AttioObject, AttributeType, Cardinality, Client, CountryCode,
    Currency, Date, Domain, EmailAddress, Error, ErrorCode, Interaction, Location, PersonalName,
    PhoneNumber, Rating, Record, RecordId, RecordReference, RetryPolicy, SelectOption, Status,
    Timestamp, WithMeta, attio_object,
};
use attio_sandbox::{Fault, Sandbox};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------------------------

/// The seed document's struct.
#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
struct User {
    user_id: String,
    primary_email_address: EmailAddress,
    person: Option<RecordReference>,
    workspace: Option<RecordReference>,
}

/// The same attributes with every value's metadata.
#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
struct UserWithMeta {
    user_id: WithMeta<String>,
    primary_email_address: WithMeta<EmailAddress>,
    person: Option<WithMeta<RecordReference>>,
    workspace: Option<WithMeta<RecordReference>>,
}

#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct Person {
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    job_title: Option<String>,
    phone_numbers: Vec<PhoneNumber>,
    primary_location: Option<Location>,
    /// The other side of `users.person`, kept in step by Attio.
    #[attio(read_only)]
    associated_users: Vec<RecordReference>,
}

#[attio_object(slug = "workspaces")]
#[derive(Debug, Clone, PartialEq)]
struct Workspace {
    workspace_id: String,
    name: Option<String>,
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: Option<String>,
    domains: Vec<Domain>,
    categories: Vec<SelectOption>,
    foundation_date: Option<Date>,
}

#[attio_object(slug = "deals")]
#[derive(Debug, Clone, PartialEq)]
struct Deal {
    name: String,
    stage: Status,
    owner: ActorReference,
    value: Option<Currency>,
    associated_company: Option<RecordReference>,
}

/// A custom object with one attribute of every type the API lets a user create on it.
#[attio_object(slug = "gadgets")]
#[derive(Debug, Clone, PartialEq)]
struct Gadget {
    label: String,
    weight: Option<f64>,
    units: Option<i64>,
    in_stock: Option<bool>,
    price: Option<Currency>,
    launch_date: Option<Date>,
    seen_at: Option<Timestamp>,
    stars: Option<Rating>,
    colour: Option<SelectOption>,
    tags: Vec<SelectOption>,
    maker: Option<RecordReference>,
    steward: Option<ActorReference>,
    site: Option<Location>,
    hotline: Option<PhoneNumber>,
    contacts: Vec<PhoneNumber>,
    /// The system attribute every record has.
    #[attio(read_only)]
    created_by: ActorReference,
}

/// Fields named differently from their slugs, and read-only fields of every shape.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct PersonView {
    #[attio(rename = "email_addresses")]
    emails: Vec<EmailAddress>,
    #[attio(rename = "job_title")]
    title: Option<String>,
    #[attio(read_only)]
    record_id: String,
    #[attio(read_only)]
    created_at: Timestamp,
    #[attio(read_only)]
    created_by: WithMeta<ActorReference>,
    #[attio(read_only)]
    twitter_follower_count: Option<f64>,
    #[attio(read_only)]
    last_email_interaction: Option<Interaction>,
    #[attio(read_only)]
    associated_users: Vec<RecordReference>,
}

/// Only single-value writable fields (a read-only `Vec` does not count): its PATCH is idempotent.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct PersonTitle {
    job_title: Option<String>,
    #[attio(read_only)]
    email_addresses: Vec<EmailAddress>,
}

/// A writable `Vec` field: its PATCH appends, so it is not idempotent.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct PersonEmails {
    email_addresses: Vec<EmailAddress>,
    job_title: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

struct Env {
    sb: Sandbox,
    client: Client,
    http: reqwest::Client,
}

impl Env {
    async fn new() -> Env {
        let sb = Sandbox::builder()
            .seed(7)
            .record_requests(1000)
            .start()
            .await
            .expect("the sandbox starts");
        let client = client_for(&sb, RetryPolicy::default());
        // The workspace builds reqwest without a bundled crypto provider (the client installed
        // ring above; this is a no-op then).
        let _ = rustls::crypto::ring::default_provider().install_default();
        Env {
            sb,
            client,
            http: reqwest::Client::new(),
        }
    }

    /// A raw request to the sandbox: (status, body).
    async fn call(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut req = self
            .http
            .request(
                method.parse().unwrap(),
                format!("{}{path}", self.sb.base_url()),
            )
            .bearer_auth(self.sb.api_key());
        if let Some(body) = body {
            req = req.json(&body);
        }
        let resp = req.send().await.expect("the sandbox answers");
        let status = resp.status().as_u16();
        let text = resp.text().await.expect("a body");
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// A raw request that must succeed: its `data`.
    async fn ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (status, v) = self.call(method, path, body).await;
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["data"].clone()
    }

    async fn create_object(&self, slug: &str) {
        self.ok(
            "POST",
            "/v2/objects",
            Some(json!({"data": {"api_slug": slug, "singular_noun": slug, "plural_noun": slug}})),
        )
        .await;
    }

    /// `POST /v2/objects/{object}/attributes`: (status, body).
    async fn create_attribute(
        &self,
        object: &str,
        slug: &str,
        ty: &str,
        extra: Value,
    ) -> (u16, Value) {
        let mut data = json!({"title": slug, "description": null, "api_slug": slug, "type": ty,
            "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}});
        for (k, v) in extra.as_object().unwrap() {
            data[k] = v.clone();
        }
        self.call(
            "POST",
            &format!("/v2/objects/{object}/attributes"),
            Some(json!({"data": data})),
        )
        .await
    }

    /// Every value of an attribute, historic ones included, oldest first.
    async fn history(&self, object: &str, id: &RecordId, attribute: &str) -> Vec<Value> {
        let v = self
            .ok(
                "GET",
                &format!(
                    "/v2/objects/{object}/records/{id}/attributes/{attribute}/values?show_historic=true"
                ),
                None,
            )
            .await;
        v.as_array().unwrap().clone()
    }

    /// The body of the last request the sandbox received, as JSON.
    fn last_body(&self) -> Value {
        let last = self.sb.recent_requests().pop().expect("a request was made");
        serde_json::from_str(&last.body).expect("a JSON body")
    }
}

fn client_for(sb: &Sandbox, policy: RetryPolicy) -> Client {
    attio_tests::sandbox_client(sb)
        .retry_policy(policy.initial_backoff(std::time::Duration::from_millis(5)))
        .build()
        .expect("a client")
}

fn email(s: &str) -> EmailAddress {
    s.parse().unwrap()
}

fn person(emails: &[&str]) -> Person {
    Person {
        email_addresses: emails.iter().map(|e| email(e)).collect(),
        name: None,
        job_title: None,
        phone_numbers: Vec::new(),
        primary_location: None,
        associated_users: Vec::new(),
    }
}

fn api_error(result: Result<impl std::fmt::Debug, Error>) -> attio::ApiError {
    match result {
        Err(Error::Api(e)) => e,
        other => panic!("expected an Attio error body, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// 1. The seed's User, end to end
// ---------------------------------------------------------------------------------------------

/// Creates a person, a workspace and a user, points the user at both with the generated
/// `update`, and reads back exactly what was written, plus each value's metadata.
#[tokio::test]
async fn user_update_with_references_reads_back_what_was_written() {
    let env = Env::new().await;
    let c = &env.client;

    let ada = c
        .create_record(&Person {
            name: Some("Lovelace, Ada".parse().unwrap()),
            ..person(&["ada@example.com"])
        })
        .await
        .unwrap();
    let ws = c
        .create_record(&Workspace {
            workspace_id: "ws-1".into(),
            name: Some("Analytical Engines".into()),
        })
        .await
        .unwrap();
    assert_eq!(ws.values.workspace_id, "ws-1");

    let mut user = User {
        user_id: "123".into(),
        primary_email_address: email("Person@Company.com"),
        person: None,
        workspace: None,
    };
    let created = c.create_record(&user).await.unwrap();
    assert_eq!(created.values.user_id, "123");
    assert_eq!(created.values.person, None);
    let id = created.id.record_id.clone();

    user.person = Some(RecordReference::new("people", ada.id.record_id.clone()));
    user.workspace = Some(RecordReference::new("workspaces", ws.id.record_id.clone()));
    let updated: Record<User> = user.update(c, &id).await.unwrap();
    assert_eq!(updated.id, created.id, "the same record");
    assert_eq!(updated.created_at, created.created_at);

    // The PATCH sent only the user's values, in the documented write forms.
    let sent = env.last_body();
    assert_eq!(
        sent,
        json!({"data": {"values": {
            "user_id": "123",
            "primary_email_address": "Person@Company.com",
            "person": {"target_object": "people", "target_record_id": ada.id.record_id.as_str()},
            "workspace": {"target_object": "workspaces", "target_record_id": ws.id.record_id.as_str()},
        }}})
    );

    // What comes back equals what was written, as Attio normalises it: the email keeps the
    // original text and gains Attio's normalised parts.
    let got = c.get_record::<User>(&id).await.unwrap();
    assert_eq!(got.values.user_id, user.user_id);
    assert_eq!(got.values.person, user.person);
    assert_eq!(got.values.workspace, user.workspace);
    let e = &got.values.primary_email_address;
    assert_eq!(e.as_str(), "Person@Company.com");
    assert_eq!(e.normalized(), "person@company.com");
    assert_eq!(
        (e.local_part(), e.domain(), e.root_domain()),
        ("person", "company.com", "company.com")
    );
    assert_eq!(got.values, updated.values);
    assert_eq!(got.id, created.id);
    assert!(
        got.web_url.as_deref().unwrap_or("").contains(id.as_str()),
        "{:?}",
        got.web_url
    );

    // Two-way relationship: the person now lists the user.
    let ada_now = c.get_record::<Person>(&ada.id.record_id).await.unwrap();
    assert_eq!(
        ada_now.values.associated_users,
        [RecordReference::new("users", id.clone())]
    );

    // The same record through WithMeta<T>: every value is active, was written by the API token,
    // and says its type; the references became active when the update ran, after the create.
    let meta = c.get_record::<UserWithMeta>(&id).await.unwrap();
    let v = &meta.values;
    assert_eq!(*v.user_id, "123");
    assert_eq!(
        v.primary_email_address.value,
        got.values.primary_email_address
    );
    let person_ref = v.person.as_ref().unwrap();
    assert_eq!(Some(&person_ref.value), user.person.as_ref());
    let all = [
        (&v.user_id.meta, AttributeType::Text),
        (&v.primary_email_address.meta, AttributeType::EmailAddress),
        (&person_ref.meta, AttributeType::RecordReference),
        (
            &v.workspace.as_ref().unwrap().meta,
            AttributeType::RecordReference,
        ),
    ];
    for (m, ty) in all {
        let from = m.active_from.expect("active_from is set");
        assert!(
            from >= created.created_at,
            "{from} < {}",
            created.created_at
        );
        assert_eq!(m.active_until, None);
        assert!(m.is_active());
        let actor = m.created_by_actor.as_ref().expect("created_by_actor");
        assert_eq!(actor.actor_type, Some(ActorType::ApiToken));
        assert!(actor.id.as_deref().is_some_and(|id| !id.is_empty()));
        assert_eq!(m.attribute_type.as_ref(), Some(&ty));
    }
    assert!(
        person_ref.meta.active_from > v.user_id.meta.active_from,
        "the reference was written by the later update"
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Every writable type on a custom object
// ---------------------------------------------------------------------------------------------

const ALICE: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

async fn gadgets(env: &Env) {
    env.create_object("gadgets").await;
    let attrs: [(&str, &str, Value); 16] = [
        ("label", "text", json!({"is_required": true})),
        ("weight", "number", json!({})),
        ("units", "number", json!({})),
        ("in_stock", "checkbox", json!({})),
        (
            "price",
            "currency",
            json!({"config": {"currency": {"default_currency_code": "EUR", "display_type": "symbol"}}}),
        ),
        ("launch_date", "date", json!({})),
        ("seen_at", "timestamp", json!({})),
        ("stars", "rating", json!({})),
        ("colour", "select", json!({})),
        ("tags", "select", json!({"is_multiselect": true})),
        (
            "maker",
            "record-reference",
            json!({"config": {"record_reference": {"allowed_objects": ["companies"]}}}),
        ),
        ("steward", "actor-reference", json!({})),
        ("site", "location", json!({})),
        ("hotline", "phone-number", json!({})),
        ("contacts", "phone-number", json!({"is_multiselect": true})),
        ("serial", "text", json!({"is_unique": true})),
    ];
    for (slug, ty, extra) in attrs {
        let (status, body) = env.create_attribute("gadgets", slug, ty, extra).await;
        assert_eq!(status, 200, "{slug}: {body}");
    }
    for (attr, title) in [
        ("colour", "Red"),
        ("colour", "Green"),
        ("tags", "new"),
        ("tags", "sale"),
        ("tags", "fragile"),
    ] {
        env.ok(
            "POST",
            &format!("/v2/objects/gadgets/attributes/{attr}/options"),
            Some(json!({"data": {"title": title}})),
        )
        .await;
    }
}

/// Creates a custom object with an attribute of every type users can create, writes one record
/// through a struct declaring all of them, and checks every value as Attio returns it.
#[tokio::test]
async fn every_writable_type_round_trips_on_a_custom_object() {
    let env = Env::new().await;
    gadgets(&env).await;
    // Attio does not let users create these types on objects; the sandbox refuses as Attio does,
    // so they are covered on the standard objects below.
    for ty in ["email-address", "domain", "personal-name"] {
        let (status, body) = env
            .create_attribute("gadgets", &ty.replace('-', "_"), ty, json!({}))
            .await;
        assert_eq!(status, 400, "{ty}: {body}");
        assert_eq!(body["code"], "validation_type", "{ty}: {body}");
    }

    let maker = env
        .client
        .create_record(&Company {
            name: Some("Acme".into()),
            domains: vec!["acme.example".parse().unwrap()],
            categories: Vec::new(),
            foundation_date: None,
        })
        .await
        .unwrap();
    let site = Location::new()
        .with_line_1("1 Infinite Loop")
        .with_locality("Cupertino")
        .with_region("CA")
        .with_postcode("95014")
        .with_country_code("US".parse::<CountryCode>().unwrap())
        .with_coordinates("37.331741", "-122.030333")
        .unwrap();
    let gadget = Gadget {
        label: "Widget ✓".into(),
        weight: Some(-1234.5678),
        units: Some(9_007_199_254_740_991), // 2^53 - 1: the largest integer an f64 holds exactly
        in_stock: Some(true),
        price: Some("1999.99".parse().unwrap()),
        launch_date: Some(Date::new(2024, 2, 29).unwrap()),
        seen_at: Some("2023-01-02T15:04:05.123456789+02:00".parse().unwrap()),
        stars: Some(Rating::new(4).unwrap()),
        colour: Some(SelectOption::by_title("Green").unwrap()),
        tags: vec![
            SelectOption::by_title("new").unwrap(),
            SelectOption::by_title("sale").unwrap(),
        ],
        maker: Some(RecordReference::new(
            "companies",
            maker.id.record_id.clone(),
        )),
        steward: Some(ActorReference::workspace_member(ALICE).unwrap()),
        site: Some(site.clone()),
        hotline: Some(PhoneNumber::new("+44 7777 777777").unwrap()),
        contacts: vec![
            PhoneNumber::new("+15558675309").unwrap(),
            PhoneNumber::national("030 1234567", "DE".parse().unwrap()).unwrap(),
        ],
        // Read-only: whatever is here is never sent.
        created_by: ActorReference::workspace_member(ALICE).unwrap(),
    };

    let created = env.client.create_record(&gadget).await.unwrap();
    let sent = env.last_body();
    let sent_values = sent["data"]["values"].as_object().unwrap();
    assert!(!sent_values.contains_key("created_by"), "{sent}");
    assert_eq!(sent_values.len(), 15, "{sent}");
    assert_eq!(
        sent["data"]["values"]["seen_at"],
        "2023-01-02T13:04:05.123456789Z"
    );
    assert_eq!(sent["data"]["values"]["units"], 9_007_199_254_740_991_i64);

    let got = env
        .client
        .get_record::<Gadget>(&created.id.record_id)
        .await
        .unwrap();
    assert_eq!(got.values, created.values, "create and get return the same");
    let g = got.values;

    assert_eq!(g.label, "Widget ✓");
    assert_eq!(g.weight, Some(-1234.5678));
    assert_eq!(g.units, Some(9_007_199_254_740_991));
    assert_eq!(g.in_stock, Some(true));
    // Currency: the amount exactly, and the code the attribute configures (never written).
    let price = g.price.as_ref().unwrap();
    assert_eq!(price.to_f64(), 1999.99);
    assert_eq!(price.currency_code(), Some("EUR"));
    assert_eq!(g.launch_date, gadget.launch_date);
    // Timestamps: converted to UTC, nanoseconds exact.
    let seen = g.seen_at.unwrap();
    assert_eq!(seen.to_string(), "2023-01-02T13:04:05.123456789Z");
    assert_eq!(Some(seen), gadget.seen_at);
    assert_eq!(seen.unix_timestamp_nanos() % 1_000_000_000, 123_456_789);
    assert_eq!(g.stars.map(Rating::get), Some(4));
    // Select: written by title, read back with Attio's ids.
    let colour = g.colour.as_ref().unwrap();
    assert_eq!(colour.title(), Some("Green"));
    assert!(colour.option_id().is_some_and(|id| !id.is_empty()));
    assert_eq!(colour.is_archived(), Some(false));
    assert!(colour.matches(&SelectOption::by_title("Green").unwrap()));
    let tags: BTreeSet<_> = g.tags.iter().filter_map(SelectOption::title).collect();
    assert_eq!(tags, BTreeSet::from(["new", "sale"]));
    assert_eq!(g.maker, gadget.maker);
    // Actor reference: a member by id reads back equal.
    assert_eq!(g.steward, gadget.steward);
    // Location: every part, coordinates as the strings written.
    assert_eq!(g.site.as_ref(), Some(&site));
    assert_eq!(
        g.site.as_ref().map(|s| (s.latitude(), s.longitude())),
        Some((Some("37.331741"), Some("-122.030333")))
    );
    // Phone numbers: the original text kept, Attio's E.164 form and country added.
    let hotline = g.hotline.as_ref().unwrap();
    assert_eq!(hotline.as_str(), "+44 7777 777777");
    assert_eq!(hotline.normalized(), Some("+447777777777"));
    assert_eq!(
        hotline.country_code().map(|c| c.to_string()),
        Some("GB".into())
    );
    let mut contacts: Vec<_> = g
        .contacts
        .iter()
        .map(|p| {
            (
                p.as_str().to_owned(),
                p.normalized().map(str::to_owned),
                p.country_code().map(|c| c.to_string()),
            )
        })
        .collect();
    contacts.sort();
    assert_eq!(
        contacts,
        [
            (
                "+15558675309".into(),
                Some("+15558675309".into()),
                Some("US".into())
            ),
            (
                "030 1234567".into(),
                Some("+49301234567".into()),
                Some("DE".into())
            ),
        ]
    );
    // The system attribute decodes: the API token created the record.
    assert_eq!(g.created_by.actor_type(), Some(&ActorType::ApiToken));

    // A value read back writes back unchanged: PATCHing the read struct is accepted and changes
    // nothing (no multiselect duplicates, no new history).
    let again = g.clone().update(&env.client, &created.id.record_id).await;
    let again = again.unwrap().values;
    assert_eq!(again, g);
    assert_eq!(
        env.history("gadgets", &created.id.record_id, "label")
            .await
            .len(),
        1
    );

    // Actor reference by email: Attio resolves it to the member's id.
    let by_email = Gadget {
        steward: Some(ActorReference::workspace_member_by_email(email(
            "alice@attio.com",
        ))),
        ..gadget.clone()
    };
    let second = env.client.create_record(&by_email).await.unwrap();
    let steward = second.values.steward.unwrap();
    assert_eq!(steward.actor_type(), Some(&ActorType::WorkspaceMember));
    assert_eq!(steward.id(), Some(ALICE));
}

/// The types users cannot create on a custom object — email address, domain, personal name —
/// and status, on the standard objects that have them.
#[tokio::test]
async fn standard_object_types_round_trip() {
    let env = Env::new().await;
    let c = &env.client;

    let p = Person {
        name: Some(PersonalName::with_full_name("Jean", "Dupont", "Dr Jean Dupont").unwrap()),
        job_title: Some("Chemist".into()),
        phone_numbers: vec![PhoneNumber::new("+33 1 23 45 67 89").unwrap()],
        primary_location: Some("10 Rue de Rivoli, Paris, Ile-de-France, 75001, FR".parse_loc()),
        ..person(&["Jean.Dupont+lab@Example.co.uk"])
    };
    let created = c.create_record(&p).await.unwrap();
    let got = c
        .get_record::<Person>(&created.id.record_id)
        .await
        .unwrap()
        .values;
    assert_eq!(got.name, p.name);
    let [e] = got.email_addresses.as_slice() else {
        panic!("{:?}", got.email_addresses)
    };
    assert_eq!(e.as_str(), "Jean.Dupont+lab@Example.co.uk");
    assert_eq!(e.normalized(), "jean.dupont+lab@example.co.uk");
    assert_eq!(e.local_part(), "jean.dupont+lab");
    assert_eq!(e.domain(), "example.co.uk");
    assert_eq!(
        e.root_domain(),
        "example.co.uk",
        "Attio's root domain, not the last two labels"
    );
    assert_eq!(got.phone_numbers[0].normalized(), Some("+33123456789"));
    assert_eq!(got.primary_location, p.primary_location);
    // A name given as "Last, First" is split as Attio splits it.
    let mut q = person(&["cher@example.com"]);
    q.name = Some("Sarkisian, Cherilyn".parse().unwrap());
    let q = c.create_record(&q).await.unwrap().values;
    assert_eq!(
        q.name
            .as_ref()
            .map(|n| (n.first_name(), n.last_name(), n.full_name())),
        Some(("Cherilyn", "Sarkisian", "Cherilyn Sarkisian"))
    );

    let co = c
        .create_record(&Company {
            name: Some("Attio".into()),
            domains: vec!["App.Attio.com".parse().unwrap()],
            categories: vec![
                SelectOption::by_title("SaaS").unwrap(),
                SelectOption::by_id("14938464-cae9-4e50-8856-0fb584844f24").unwrap(),
            ],
            foundation_date: Some("2019-06-01".parse().unwrap()),
        })
        .await
        .unwrap();
    let co = c
        .get_record::<Company>(&co.id.record_id)
        .await
        .unwrap()
        .values;
    assert_eq!(co.domains.len(), 1);
    assert_eq!(co.domains[0].as_str(), "app.attio.com");
    assert_eq!(co.domains[0].root_domain(), "attio.com");
    let cats: BTreeSet<_> = co
        .categories
        .iter()
        .filter_map(SelectOption::title)
        .collect();
    assert_eq!(cats, BTreeSet::from(["3D Printing", "SaaS"]));
    assert_eq!(
        co.foundation_date.map(|d| d.to_string()),
        Some("2019-06-01".into())
    );

    let deal = Deal {
        name: "Big one".into(),
        stage: Status::by_title("In Progress").unwrap(),
        owner: ActorReference::workspace_member(ALICE).unwrap(),
        value: Some(Currency::new(4_999_999, 2).unwrap()),
        associated_company: None,
    };
    let d = c.create_record(&deal).await.unwrap().values;
    assert_eq!(d.stage.title(), Some("In Progress"));
    assert_eq!(
        d.stage.status_id(),
        Some("11f07f01-c10f-4e05-a522-33e050bc52ee")
    );
    assert_eq!(d.stage.celebration_enabled(), Some(false));
    assert_eq!(d.owner, deal.owner);
    let value = d.value.unwrap();
    assert_eq!(value.to_f64(), 49_999.99);
    assert_eq!(value.currency_code(), Some("USD"));
}

trait ParseLoc {
    fn parse_loc(self) -> Location;
}

impl ParseLoc for &str {
    /// The location the sandbox parses this free text into, built explicitly (the SDK writes
    /// the 10-key object form).
    fn parse_loc(self) -> Location {
        let parts: Vec<&str> = self.split(", ").collect();
        Location::new()
            .with_line_1(parts[0])
            .with_locality(parts[1])
            .with_region(parts[2])
            .with_postcode(parts[3])
            .with_country_code(parts[4].parse().unwrap())
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Multiselect: PATCH appends
// ---------------------------------------------------------------------------------------------

/// `update` of a struct with a `Vec` field appends to the multiselect attribute and replaces the
/// single-value one; repeating it adds nothing new; the replaced single value stays in the history
/// with `active_until` set, and no multiselect value is ever deactivated.
#[tokio::test]
async fn multiselect_update_appends_and_history_keeps_replaced_values() {
    let env = Env::new().await;
    let c = &env.client;
    let created = c
        .create_record(&PersonEmails {
            email_addresses: vec![email("a@example.com")],
            job_title: Some("Engineer".into()),
        })
        .await
        .unwrap();
    let id = created.id.record_id.clone();
    let emails = |r: &Record<PersonEmails>| -> Vec<String> {
        r.values
            .email_addresses
            .iter()
            .map(|e| e.as_str().to_owned())
            .collect()
    };

    let update = PersonEmails {
        email_addresses: vec![email("b@example.com")],
        job_title: Some("Manager".into()),
    };
    let r = update.update(c, &id).await.unwrap();
    assert_eq!(
        env.last_body(),
        json!({"data": {"values": {"email_addresses": ["b@example.com"], "job_title": "Manager"}}}),
        "a Vec is sent as an array of what it holds, nothing else"
    );
    // Appended (Attio prepends new values), the old one kept.
    assert_eq!(emails(&r), ["b@example.com", "a@example.com"]);
    assert_eq!(r.values.job_title.as_deref(), Some("Manager"));

    // The same update again: the PATCH appends what it holds, which is already there.
    let r = update.update(c, &id).await.unwrap();
    assert_eq!(emails(&r), ["b@example.com", "a@example.com"]);

    // A struct with new values adds them; an empty Vec adds nothing (and removes nothing).
    let r = PersonEmails {
        email_addresses: vec![email("c@example.com"), email("d@example.com")],
        job_title: None,
    }
    .update(c, &id)
    .await
    .unwrap();
    assert_eq!(r.values.email_addresses.len(), 4);
    assert_eq!(
        r.values.job_title.as_deref(),
        Some("Manager"),
        "None leaves it"
    );
    let r = PersonEmails {
        email_addresses: Vec::new(),
        job_title: Some("Director".into()),
    }
    .update(c, &id)
    .await
    .unwrap();
    let set: BTreeSet<_> = emails(&r).into_iter().collect();
    assert_eq!(
        set,
        BTreeSet::from(
            [
                "a@example.com",
                "b@example.com",
                "c@example.com",
                "d@example.com"
            ]
            .map(String::from)
        )
    );
    assert_eq!(
        r.values,
        c.get_record::<PersonEmails>(&id).await.unwrap().values
    );

    // History of the single value: each replaced value is deactivated when the next arrived.
    let titles = env.history("people", &id, "job_title").await;
    let seen: Vec<_> = titles
        .iter()
        .map(|v| (v["value"].as_str().unwrap(), v["active_until"].is_null()))
        .collect();
    assert_eq!(
        seen,
        [("Engineer", false), ("Manager", false), ("Director", true)]
    );
    for w in titles.windows(2) {
        assert_eq!(
            w[0]["active_until"], w[1]["active_from"],
            "a value is replaced at the instant the next one starts"
        );
    }
    // Appends never deactivate anything: four values, all active.
    let history = env.history("people", &id, "email_addresses").await;
    assert_eq!(history.len(), 4);
    assert!(history.iter().all(|v| v["active_until"].is_null()));

    // A non-unique multiselect (select options on a custom object) behaves the same.
    gadgets(&env).await;
    let g = Gadget {
        label: "g".into(),
        weight: None,
        units: None,
        in_stock: None,
        price: None,
        launch_date: None,
        seen_at: None,
        stars: None,
        colour: None,
        tags: vec![SelectOption::by_title("new").unwrap()],
        maker: None,
        steward: None,
        site: None,
        hotline: None,
        contacts: Vec::new(),
        created_by: ActorReference::workspace_member(ALICE).unwrap(),
    };
    let gid = c.create_record(&g).await.unwrap().id.record_id;
    let tags = |r: &Record<Gadget>| -> BTreeSet<String> {
        r.values
            .tags
            .iter()
            .filter_map(|t| t.title().map(str::to_owned))
            .collect()
    };
    let mut more = g.clone();
    more.tags = vec![
        SelectOption::by_title("sale").unwrap(),
        SelectOption::by_title("new").unwrap(),
    ];
    let r = more.update(c, &gid).await.unwrap();
    assert_eq!(tags(&r), BTreeSet::from(["new".into(), "sale".into()]));
    assert_eq!(r.values.tags.len(), 2, "no duplicate `new`");
    let r = more.update(c, &gid).await.unwrap();
    assert_eq!(r.values.tags.len(), 2, "the same update again adds nothing");
}

// ---------------------------------------------------------------------------------------------
// 4. Validation before sending
// ---------------------------------------------------------------------------------------------

#[attio_object(slug = "gadgets")]
#[derive(Debug, Clone, PartialEq)]
struct Strict {
    #[attio(rename = "label")]
    text: String,
    #[attio(rename = "weight")]
    mass: Option<f64>,
    steward: Option<ActorReference>,
    contacts: Vec<PhoneNumber>,
}

/// A value Attio would reject is refused by the client with `Error::InvalidValue` naming the
/// field and the attribute, and nothing reaches the sandbox: not by create, not by update.
#[tokio::test]
async fn values_attio_would_reject_are_refused_before_sending() {
    let env = Env::new().await;
    gadgets(&env).await;
    let ok = Strict {
        text: "fine".into(),
        mass: Some(1.5),
        steward: None,
        contacts: Vec::new(),
    };
    let id = env.client.create_record(&ok).await.unwrap().id.record_id;
    let record_path = format!("/v2/objects/gadgets/records/{id}");

    let api_token: ActorReference = serde_json::from_value(
        json!({"referenced_actor_type": "api-token", "referenced_actor_id": "9f7a3c1e-0000-4000-8000-000000000001"}),
    )
    .expect("any actor decodes");
    let system: ActorReference = serde_json::from_value(
        json!({"referenced_actor_type": "system", "referenced_actor_id": null}),
    )
    .unwrap();
    // A phone number read from a response is kept as Attio sent it, unchecked; writing it back
    // checks it.
    let read: Record<Strict> = attio::wire::decode_record(
        json!({"data": {
            "id": {"workspace_id": "w", "object_id": "o", "record_id": "r"},
            "created_at": "2024-01-01T00:00:00.000000000Z",
            "values": {
                "label": [{"attribute_type": "text", "value": "read"}],
                "contacts": [{"attribute_type": "phone-number", "original_phone_number": "0777 CALL ME", "country_code": null, "phone_number": null}],
            },
        }})
        .to_string()
        .as_bytes(),
    )
    .expect("a response decodes without re-checking values");
    let bad_phone = read.values.contacts[0].clone();
    let cases: Vec<(&str, Strict, &str, &str, AttributeType)> = vec![
        (
            "text over 10 MB",
            Strict {
                text: "x".repeat(attio::values::MAX_TEXT_BYTES + 1),
                ..ok.clone()
            },
            "text",
            "label",
            AttributeType::Text,
        ),
        (
            "NaN",
            Strict {
                mass: Some(f64::NAN),
                ..ok.clone()
            },
            "mass",
            "weight",
            AttributeType::Number,
        ),
        (
            "infinity",
            Strict {
                mass: Some(f64::INFINITY),
                ..ok.clone()
            },
            "mass",
            "weight",
            AttributeType::Number,
        ),
        (
            "an api-token actor",
            Strict {
                steward: Some(api_token),
                ..ok.clone()
            },
            "steward",
            "steward",
            AttributeType::ActorReference,
        ),
        (
            "the system actor",
            Strict {
                steward: Some(system),
                ..ok.clone()
            },
            "steward",
            "steward",
            AttributeType::ActorReference,
        ),
    ];
    let mut cases = cases;
    cases.push((
        "a phone number with letters, in a Vec",
        Strict {
            contacts: vec![PhoneNumber::new("+15558675309").unwrap(), bad_phone],
            ..ok.clone()
        },
        "contacts",
        "contacts",
        AttributeType::PhoneNumber,
    ));

    let before = env.sb.total_requests();
    for (what, value, field, attribute, ty) in &cases {
        for op in ["create", "update"] {
            let result = match op {
                "create" => env.client.create_record(value).await,
                _ => value.update(&env.client, &id).await,
            };
            let err = result.expect_err(what);
            let text = err.to_string();
            let Error::InvalidValue {
                object,
                field: f,
                attribute: a,
                source,
            } = &err
            else {
                panic!("{what} ({op}): expected InvalidValue, got {err:?}");
            };
            assert_eq!(*object, "gadgets", "{what}");
            assert_eq!((*f, *a), (*field, *attribute), "{what} ({op})");
            assert_eq!(source.attribute_type(), ty, "{what}");
            assert!(
                text.contains(field) && text.contains(attribute),
                "{what}: {text}"
            );
        }
    }
    assert_eq!(
        env.sb.total_requests(),
        before,
        "the sandbox received nothing"
    );
    assert_eq!(
        env.sb.request_count("POST", "/v2/objects/gadgets/records"),
        1
    );
    assert_eq!(env.sb.request_count("PATCH", &record_path), 0);
    let stats = env.client.stats();
    assert_eq!(
        stats.attempts, 1,
        "only the valid create was sent: {stats:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Typed errors from the sandbox
// ---------------------------------------------------------------------------------------------

#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
struct UserIdOnly {
    user_id: String,
}

/// A person struct that forgets `#[attio(read_only)]` on an enriched attribute.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct PersonWritesEnriched {
    twitter_follower_count: Option<f64>,
}

/// Attio's error bodies from the sandbox arrive as `Error::Api` with the matching `ErrorCode`,
/// and none of them is retried.
#[tokio::test]
async fn errors_from_the_sandbox_surface_typed_and_are_not_retried() {
    let env = Env::new().await;
    gadgets(&env).await;
    let raw_requests = env.sb.total_requests() as u64;
    let c = &env.client;
    let gid = c
        .create_record(&Strict {
            text: "g".into(),
            mass: None,
            steward: None,
            contacts: Vec::new(),
        })
        .await
        .unwrap()
        .id
        .record_id;

    // Unknown select option.
    let mut g = c.get_record::<Gadget>(&gid).await.unwrap().values;
    g.colour = Some(SelectOption::by_title("Ultraviolet").unwrap());
    let e = api_error(g.update(c, &gid).await);
    assert_eq!((e.status, &e.code), (400, &ErrorCode::ValueNotFound), "{e}");
    assert_eq!(e.error_type, "invalid_request_error");

    // Unknown record id, on read and on update.
    let missing: RecordId = "00000000-0000-4000-8000-000000000000".parse().unwrap();
    let e = api_error(c.get_record::<User>(&missing).await);
    assert_eq!((e.status, &e.code), (404, &ErrorCode::NotFound), "{e}");
    let e = api_error(
        UserIdOnly {
            user_id: "x".into(),
        }
        .update(c, &missing)
        .await,
    );
    assert_eq!(e.code, ErrorCode::NotFound, "{e}");
    // A reference to a record that does not exist.
    g.colour = None;
    g.maker = Some(RecordReference::new("companies", missing.clone()));
    let e = api_error(g.update(c, &gid).await);
    assert_eq!(e.code, ErrorCode::ValueNotFound, "{e}");

    // Wrong API key.
    let wrong = Client::builder()
        .api_key("not-the-key")
        .base_url(env.sb.base_url())
        .build()
        .unwrap();
    let e = api_error(wrong.get_record::<User>(&missing).await);
    assert_eq!((e.status, &e.code), (401, &ErrorCode::Unauthorized), "{e}");
    assert!(
        !format!("{e:?}{e}").contains(env.sb.api_key()),
        "no key in errors"
    );
    assert_eq!(wrong.stats().attempts, 1);

    // Uniqueness conflict on create: user_id and primary_email_address are unique.
    let user = User {
        user_id: "dup".into(),
        primary_email_address: email("dup@example.com"),
        person: None,
        workspace: None,
    };
    c.create_record(&user).await.unwrap();
    let e = api_error(
        c.create_record(&User {
            primary_email_address: email("other@example.com"),
            ..user.clone()
        })
        .await,
    );
    assert_eq!(
        (e.status, &e.code),
        (400, &ErrorCode::UniquenessConflict),
        "{e}"
    );

    // A required attribute left out.
    let e = api_error(
        c.create_record(&UserIdOnly {
            user_id: "lonely".into(),
        })
        .await,
    );
    assert_eq!(e.code, ErrorCode::MissingValue, "{e}");

    // An enriched attribute written because the struct forgot `read_only`.
    let pid = c
        .create_record(&person(&["p@example.com"]))
        .await
        .unwrap()
        .id
        .record_id;
    let e = api_error(
        PersonWritesEnriched {
            twitter_follower_count: Some(1.0),
        }
        .update(c, &pid)
        .await,
    );
    assert_eq!(e.code, ErrorCode::SystemEditUnauthorized, "{e}");

    // Not one of these was retried.
    let stats = c.stats();
    assert_eq!(stats.retries, 0, "{stats:?}");
    assert_eq!(
        stats.attempts + wrong.stats().attempts,
        env.sb.total_requests() as u64 - raw_requests,
        "one request per call: {stats:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// 6. read_only and rename
// ---------------------------------------------------------------------------------------------

/// `#[attio(read_only)]` fields decode from every response but never appear in a request body;
/// `#[attio(rename)]` fields are sent and read under the attribute's slug.
#[tokio::test]
async fn read_only_fields_decode_but_are_not_sent_and_rename_maps_to_the_slug() {
    let env = Env::new().await;
    let c = &env.client;

    let fields: Vec<_> = PersonView::FIELDS
        .iter()
        .map(|f| (f.name, f.slug, f.read_only))
        .collect();
    assert_eq!(
        fields,
        [
            ("emails", "email_addresses", false),
            ("title", "job_title", false),
            ("record_id", "record_id", true),
            ("created_at", "created_at", true),
            ("created_by", "created_by", true),
            ("twitter_follower_count", "twitter_follower_count", true),
            ("last_email_interaction", "last_email_interaction", true),
            ("associated_users", "associated_users", true),
        ]
    );
    assert_eq!(PersonView::FIELDS[0].cardinality, Cardinality::Multiple);
    assert_eq!(
        PersonView::FIELDS[6].attribute_type,
        AttributeType::Interaction
    );

    let bogus_ts: Timestamp = "2000-01-01T00:00:00Z".parse().unwrap();
    let view = PersonView {
        emails: vec![email("ro@example.com")],
        title: Some("Reader".into()),
        // None of these is sent: Attio would refuse every one of them.
        record_id: "not-sent".into(),
        created_at: bogus_ts,
        created_by: WithMeta::new(ActorReference::workspace_member(ALICE).unwrap()),
        twitter_follower_count: Some(1e6),
        last_email_interaction: None,
        associated_users: vec![RecordReference::new(
            "users",
            "00000000-0000-4000-8000-000000000000".parse().unwrap(),
        )],
    };
    let created = c.create_record(&view).await.unwrap();
    assert_eq!(
        env.last_body(),
        json!({"data": {"values": {"email_addresses": ["ro@example.com"], "job_title": "Reader"}}})
    );
    let v = &created.values;
    assert_eq!(v.record_id, created.id.record_id.as_str());
    assert_eq!(v.created_at, created.created_at);
    assert_eq!(v.created_by.actor_type(), Some(&ActorType::ApiToken));
    assert_eq!(
        v.created_by.meta.attribute_type,
        Some(AttributeType::ActorReference)
    );
    assert_eq!(v.twitter_follower_count, None);
    assert_eq!(v.last_email_interaction, None);
    assert!(v.associated_users.is_empty());
    assert_eq!(v.title.as_deref(), Some("Reader"));
    assert_eq!(v.emails, [email("ro@example.com")]);

    // The read-only Vec decodes what Attio maintains.
    let user = c
        .create_record(&User {
            user_id: "ro-user".into(),
            primary_email_address: email("ro-user@example.com"),
            person: Some(RecordReference::new("people", created.id.record_id.clone())),
            workspace: None,
        })
        .await
        .unwrap();
    let mut read = c
        .get_record::<PersonView>(&created.id.record_id)
        .await
        .unwrap()
        .values;
    assert_eq!(
        read.associated_users,
        [RecordReference::new("users", user.id.record_id.clone())]
    );

    // Writing back the read struct (with its read-only values filled in) sends only the
    // writable slugs.
    read.title = Some("Editor".into());
    let r = read.update(c, &created.id.record_id).await.unwrap();
    let sent = env.last_body();
    let keys: BTreeSet<_> = sent["data"]["values"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from(["email_addresses".to_owned(), "job_title".to_owned()])
    );
    assert_eq!(r.values.title.as_deref(), Some("Editor"));
    assert_eq!(r.values.associated_users, read.associated_users);
}

/// Whether a PATCH is retried after a 503 follows the struct's shape: a struct whose only `Vec`
/// is read-only is idempotent and retried; one with a writable `Vec` is not sent again blindly
/// but resolved (the record read back, only what is missing sent again), unless opted in.
#[tokio::test]
async fn idempotency_follows_the_struct_shape() {
    let env = Env::new().await;
    let id = env
        .client
        .create_record(&person(&["i@example.com"]))
        .await
        .unwrap()
        .id
        .record_id;
    let path = format!("/v2/objects/people/records/{id}");

    env.sb.inject_fault(Fault::Status(503), 1);
    let r = PersonTitle {
        job_title: Some("Retried".into()),
        email_addresses: Vec::new(),
    }
    .update(&env.client, &id)
    .await
    .unwrap();
    assert_eq!(r.values.job_title.as_deref(), Some("Retried"));
    assert_eq!(env.sb.request_count("PATCH", &path), 2);

    env.sb.inject_fault(Fault::Status(503), 1);
    let append = PersonEmails {
        email_addresses: vec![email("j@example.com")],
        job_title: None,
    };
    let r = append.update(&env.client, &id).await.unwrap();
    assert_eq!(r.values.email_addresses.len(), 2);
    // The 503 struck before processing: read back, the address was missing, so it was sent again.
    assert_eq!(
        env.sb.request_count("PATCH", &path),
        4,
        "the 503, then the resend"
    );
    assert_eq!(env.sb.request_count("GET", &path), 1, "the read-back");
    assert_eq!(
        env.client.stats().retries,
        1,
        "only the title PATCH was retried"
    );

    let opted = client_for(&env.sb, RetryPolicy::default().retry_non_idempotent(true));
    env.sb.inject_fault(Fault::DropConnection, 1);
    let r = append.update(&opted, &id).await.unwrap();
    assert_eq!(r.values.email_addresses.len(), 2, "already there");
    assert_eq!(env.sb.request_count("PATCH", &path), 6, "retried once");
    assert_eq!(opted.stats().retries, 1);

    // 429 is retried for anything, appends included, after the Retry-After date.
    env.sb.inject_fault(Fault::Status(429), 1);
    let before = std::time::SystemTime::now();
    let r = PersonEmails {
        email_addresses: vec![email("k@example.com")],
        job_title: None,
    }
    .update(&env.client, &id)
    .await
    .unwrap();
    assert_eq!(r.values.email_addresses.len(), 3);
    assert_eq!(env.sb.request_count("PATCH", &path), 8);
    // The 429's Retry-After is an HTTP date one second ahead (truncated to the second): the retry
    // may not be sent before it.
    let secs = before
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let retry_after = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs + 1);
    assert!(std::time::SystemTime::now() >= retry_after);
}
