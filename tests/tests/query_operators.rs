//! Every filter operator group of typed queries, end to end against the in-process sandbox: for
//! each attribute type a handful of records with distinct values, and the exact set of records
//! each operator returns. Text, number, rating, currency, date and timestamp comparisons,
//! checkbox, select and multiselect, status, record and actor references on a custom object and
//! on deals; email address, personal name, phone number and location parts on people; domains on
//! companies; `&`, `|`, `!`, `Filter::all` / `Filter::any`; sorts with limit, offset and paging.
//!
//! Run: `cargo test -p attio-tests --test query_operators`.

use attio::{
    ActorReference, Client, CountryCode, Currency, Date, Domain, EmailAddress, Filter, Location,
    PersonalName, PhoneNumber, Query, Queryable, Rating, Record, RecordId, RecordReference,
    SelectOption, Status, Timestamp, attio_object,
};
use attio_sandbox::Sandbox;
use futures::TryStreamExt as _;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------------------------

/// A custom object with an attribute of every filterable type a user can create.
#[attio_object(slug = "gizmos")]
#[derive(Debug, Clone)]
struct Gizmo {
    label: String,
    weight: Option<f64>,
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
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
struct Company {
    name: String,
    domains: Vec<Domain>,
}

#[attio_object(slug = "people")]
#[derive(Debug, Clone)]
struct Person {
    /// The test's name for the person.
    job_title: Option<String>,
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    phone_numbers: Vec<PhoneNumber>,
    primary_location: Option<Location>,
}

#[attio_object(slug = "deals")]
#[derive(Debug, Clone)]
struct Deal {
    name: String,
    stage: Status,
    owner: ActorReference,
    value: Option<Currency>,
}

/// What names a record in the assertions.
trait Tagged: Queryable<Item = Record<Self>> + Send + 'static {
    fn tag(&self) -> String;
}

impl Tagged for Gizmo {
    fn tag(&self) -> String {
        self.label.clone()
    }
}

impl Tagged for Company {
    fn tag(&self) -> String {
        self.name.clone()
    }
}

impl Tagged for Person {
    fn tag(&self) -> String {
        self.job_title.clone().unwrap_or_default()
    }
}

impl Tagged for Deal {
    fn tag(&self) -> String {
        self.name.clone()
    }
}

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

const ALICE: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

struct Env {
    sb: Sandbox,
    client: Client,
    http: reqwest::Client,
}

impl Env {
    async fn new() -> Env {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let sb = Sandbox::builder()
            .seed(11)
            .start()
            .await
            .expect("the sandbox starts");
        let client = attio_tests::sandbox_client(&sb).build().expect("a client");
        Env {
            sb,
            client,
            http: reqwest::Client::new(),
        }
    }

    /// A raw request that must succeed: its `data`.
    async fn ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
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
        let v: Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap_or(Value::Null);
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["data"].clone()
    }

    /// The id of the workspace member with this email.
    async fn member(&self, email: &str) -> String {
        let members = self.ok("GET", "/v2/workspace_members", None).await;
        members
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["email_address"] == email)
            .and_then(|m| m["id"]["workspace_member_id"].as_str())
            .expect("the member exists")
            .to_owned()
    }
}

/// The tags of the records `filter` matches, sorted.
async fn matching<T: Tagged>(
    client: &Client,
    filter: impl FnOnce(&T::Fields) -> Filter<T>,
) -> Vec<String> {
    let mut tags = tags_in_order(Query::<T>::new().filter(filter), client).await;
    tags.sort();
    tags
}

/// The tags of the records a query returns, in its order.
async fn tags_in_order<T: Tagged>(query: Query<T>, client: &Client) -> Vec<String> {
    query
        .collect_all(client)
        .await
        .expect("the query runs")
        .iter()
        .map(|r: &Record<T>| r.values.tag())
        .collect()
}

/// Asserts that the filter matches exactly the records tagged as listed (in any order).
macro_rules! expect {
    ($client:expr, $ty:ty, $filter:expr, [$($tag:expr),* $(,)?]) => {{
        let got = matching::<$ty>($client, $filter).await;
        let mut want: Vec<&str> = vec![$($tag),*];
        want.sort_unstable();
        assert_eq!(got, want, "{}", stringify!($filter));
    }};
}

fn option(title: &str) -> SelectOption {
    SelectOption::by_title(title).unwrap()
}

fn stamp(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn stars(n: u8) -> Rating {
    Rating::new(n).unwrap()
}

fn country(code: &str) -> CountryCode {
    code.parse().unwrap()
}

fn member(id: &str) -> ActorReference {
    ActorReference::workspace_member(id).unwrap()
}

fn gizmo(label: &str) -> Gizmo {
    Gizmo {
        label: label.into(),
        weight: None,
        in_stock: Some(false),
        price: None,
        launch_date: None,
        seen_at: None,
        stars: None,
        colour: None,
        tags: Vec::new(),
        maker: None,
        steward: None,
        site: None,
        hotline: None,
    }
}

/// What [`gizmos`] created.
struct Gizmos {
    /// The companies `Attio`, `Acme` and `Nodomain`.
    companies: [RecordId; 3],
    bob: String,
    /// The option id of `colour` "Green".
    green: String,
}

/// The `gizmos` object and five records (`-` = no value):
///
/// | label       | weight | in_stock | price | launch_date | seen_at (UTC)            | stars | colour | tags      | maker    | steward | site          | hotline       |
/// |-------------|--------|----------|-------|-------------|--------------------------|-------|--------|-----------|----------|---------|---------------|---------------|
/// | Alpha one   | 1.5    | true     | 10.00 | 2024-01-01  | 2024-01-01T00:00:00Z     | 1     | Red    | new       | Attio    | Alice   | London GB     | +447777777777 |
/// | Alpine      | 2      | false    | 20.5  | 2024-02-15  | 2024-01-01T10:00:00Z     | 2     | Green  | sale      | Acme     | Bob     | Paris FR      | +33123456789  |
/// | Beta two    | 3.25   | true     | 30    | 2024-03-31  | 2024-06-30T23:59:59.5Z   | 3     | Red    | new, sale | Attio    | Alice   | Lyon FR       | +15558675309  |
/// | gamma THREE | -4     | false    | -     | 2023-12-31  | -                        | 5     | -      | -         | -        | -       | -             | -             |
/// | Omega       | -      | false    | 30    | -           | 2023-12-31T23:59:59.9Z   | -     | Blue   | fragile   | Nodomain | -       | -             | -             |
async fn gizmos(env: &Env) -> Gizmos {
    env.ok(
        "POST",
        "/v2/objects",
        Some(json!({"data": {"api_slug": "gizmos", "singular_noun": "gizmo", "plural_noun": "gizmos"}})),
    )
    .await;
    let attrs: [(&str, &str, Value); 13] = [
        ("label", "text", json!({"is_required": true})),
        ("weight", "number", json!({})),
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
    ];
    for (slug, ty, extra) in attrs {
        let mut data = json!({"title": slug, "description": null, "api_slug": slug, "type": ty,
            "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}});
        for (k, v) in extra.as_object().unwrap() {
            data[k] = v.clone();
        }
        env.ok(
            "POST",
            "/v2/objects/gizmos/attributes",
            Some(json!({"data": data})),
        )
        .await;
    }
    for (attr, title) in [
        ("colour", "Red"),
        ("colour", "Green"),
        ("colour", "Blue"),
        ("tags", "new"),
        ("tags", "sale"),
        ("tags", "fragile"),
    ] {
        env.ok(
            "POST",
            &format!("/v2/objects/gizmos/attributes/{attr}/options"),
            Some(json!({"data": {"title": title}})),
        )
        .await;
    }

    let c = &env.client;
    let mut companies = Vec::new();
    for (name, domains) in [
        ("Attio", &["app.attio.com"][..]),
        ("Acme", &["acme.example.com", "acme.org"][..]),
        ("Nodomain", &[][..]),
    ] {
        let company = Company {
            name: name.into(),
            domains: domains.iter().map(|d| d.parse().unwrap()).collect(),
        }
        .create(c)
        .await
        .unwrap();
        companies.push(company.id.record_id);
    }
    let companies: [RecordId; 3] = companies.try_into().unwrap();
    let maker = |i: usize| Some(RecordReference::new("companies", companies[i].clone()));
    let bob = env.member("bob@attio.com").await;

    let rows = [
        Gizmo {
            weight: Some(1.5),
            in_stock: Some(true),
            price: Some(Currency::new(1000, 2).unwrap()),
            launch_date: Some(date("2024-01-01")),
            seen_at: Some(stamp("2024-01-01T00:00:00Z")),
            stars: Some(stars(1)),
            colour: Some(option("Red")),
            tags: vec![option("new")],
            maker: maker(0),
            steward: Some(member(ALICE)),
            site: Some(
                Location::new()
                    .with_line_1("10 Downing Street")
                    .with_locality("London")
                    .with_region("England")
                    .with_postcode("SW1A 2AA")
                    .with_country_code(country("GB")),
            ),
            hotline: Some(PhoneNumber::new("+44 7777 777777").unwrap()),
            ..gizmo("Alpha one")
        },
        Gizmo {
            weight: Some(2.0),
            price: Some("20.5".parse().unwrap()),
            launch_date: Some(date("2024-02-15")),
            seen_at: Some(stamp("2024-01-01T12:00:00+02:00")),
            stars: Some(stars(2)),
            colour: Some(option("Green")),
            tags: vec![option("sale")],
            maker: maker(1),
            steward: Some(member(&bob)),
            site: Some(
                Location::new()
                    .with_line_1("1 Rue de Rivoli")
                    .with_locality("Paris")
                    .with_region("Île-de-France")
                    .with_postcode("75001")
                    .with_country_code(country("FR")),
            ),
            hotline: Some(PhoneNumber::new("+33 1 23 45 67 89").unwrap()),
            ..gizmo("Alpine")
        },
        Gizmo {
            weight: Some(3.25),
            in_stock: Some(true),
            price: Some(Currency::new(30, 0).unwrap()),
            launch_date: Some(date("2024-03-31")),
            seen_at: Some(stamp("2024-06-30T23:59:59.5Z")),
            stars: Some(stars(3)),
            colour: Some(option("Red")),
            tags: vec![option("new"), option("sale")],
            maker: maker(0),
            steward: Some(member(ALICE)),
            site: Some(
                Location::new()
                    .with_line_1("2 Rue de la République")
                    .with_locality("Lyon")
                    .with_region("Auvergne-Rhône-Alpes")
                    .with_postcode("69002")
                    .with_country_code(country("FR")),
            ),
            hotline: Some(PhoneNumber::new("+15558675309").unwrap()),
            ..gizmo("Beta two")
        },
        Gizmo {
            weight: Some(-4.0),
            launch_date: Some(date("2023-12-31")),
            stars: Some(stars(5)),
            ..gizmo("gamma THREE")
        },
        Gizmo {
            price: Some(Currency::new(30, 0).unwrap()),
            seen_at: Some(stamp("2023-12-31T23:59:59.9Z")),
            colour: Some(option("Blue")),
            tags: vec![option("fragile")],
            maker: maker(2),
            ..gizmo("Omega")
        },
    ];
    let mut green = None;
    for row in rows {
        let created = row.create(c).await.unwrap();
        if created.values.label == "Alpine" {
            green = created
                .values
                .colour
                .as_ref()
                .and_then(SelectOption::option_id)
                .map(str::to_owned);
        }
    }
    Gizmos {
        companies,
        bob,
        green: green.expect("Green has an option id"),
    }
}

// ---------------------------------------------------------------------------------------------
// Custom object: every comparable type
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn text_operators() {
    let env = Env::new().await;
    gizmos(&env).await;
    let c = &env.client;
    expect!(c, Gizmo, |f| f.label().eq("Alpine"), ["Alpine"]);
    expect!(c, Gizmo, |f| f.label().eq("Alp"), []);
    expect!(
        c,
        Gizmo,
        |f| f.label().is_in(["Alpine", "Omega", "nope"]),
        ["Alpine", "Omega"]
    );
    // `$contains` is case-insensitive.
    expect!(c, Gizmo, |f| f.label().contains("ONE"), ["Alpha one"]);
    expect!(
        c,
        Gizmo,
        |f| f.label().contains("a t"),
        ["Beta two", "gamma THREE"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.label().starts_with("Alp"),
        ["Alpha one", "Alpine"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.label().ends_with("ne"),
        ["Alpha one", "Alpine"]
    );
    expect!(c, Gizmo, |f| f.label().ends_with("ga"), ["Omega"]);
    env.sb.shutdown().await;
}

#[tokio::test]
async fn number_rating_currency_operators() {
    let env = Env::new().await;
    gizmos(&env).await;
    let c = &env.client;

    expect!(c, Gizmo, |f| f.weight().eq(2.0), ["Alpine"]);
    expect!(c, Gizmo, |f| f.weight().eq(-4.0), ["gamma THREE"]);
    expect!(c, Gizmo, |f| f.weight().gt(2.0), ["Beta two"]);
    expect!(c, Gizmo, |f| f.weight().gte(2.0), ["Alpine", "Beta two"]);
    expect!(
        c,
        Gizmo,
        |f| f.weight().lt(2.0),
        ["Alpha one", "gamma THREE"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.weight().lte(1.5),
        ["Alpha one", "gamma THREE"]
    );
    // `between` is `from <= v < until`.
    expect!(
        c,
        Gizmo,
        |f| f.weight().between(1.5, 3.25),
        ["Alpha one", "Alpine"]
    );

    expect!(c, Gizmo, |f| f.stars().eq(stars(3)), ["Beta two"]);
    expect!(
        c,
        Gizmo,
        |f| f.stars().gt(stars(2)),
        ["Beta two", "gamma THREE"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.stars().gte(stars(2)),
        ["Alpine", "Beta two", "gamma THREE"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.stars().lt(stars(3)),
        ["Alpha one", "Alpine"]
    );
    expect!(c, Gizmo, |f| f.stars().lte(stars(1)), ["Alpha one"]);
    expect!(
        c,
        Gizmo,
        |f| f.stars().between(stars(2), stars(5)),
        ["Alpine", "Beta two"]
    );

    let amount = |s: &str| -> Currency { s.parse().unwrap() };
    // Compared on the amount: 30 == 30.00.
    expect!(
        c,
        Gizmo,
        |f| f.price().eq(amount("30.00")),
        ["Beta two", "Omega"]
    );
    expect!(c, Gizmo, |f| f.price().eq(amount("10")), ["Alpha one"]);
    expect!(
        c,
        Gizmo,
        |f| f.price().gt(amount("20.5")),
        ["Beta two", "Omega"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.price().gte(amount("20.5")),
        ["Alpine", "Beta two", "Omega"]
    );
    expect!(c, Gizmo, |f| f.price().lt(amount("20.5")), ["Alpha one"]);
    expect!(
        c,
        Gizmo,
        |f| f.price().lte(amount("20.50")),
        ["Alpha one", "Alpine"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.price().between(amount("10"), amount("30")),
        ["Alpha one", "Alpine"]
    );
    env.sb.shutdown().await;
}

#[tokio::test]
async fn date_timestamp_checkbox_operators() {
    let env = Env::new().await;
    gizmos(&env).await;
    let c = &env.client;

    expect!(
        c,
        Gizmo,
        |f| f.launch_date().eq(date("2024-02-15")),
        ["Alpine"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.launch_date().gt(date("2024-01-01")),
        ["Alpine", "Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.launch_date().gte(date("2024-01-01")),
        ["Alpha one", "Alpine", "Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.launch_date().lt(date("2024-01-01")),
        ["gamma THREE"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.launch_date().lte(date("2024-02-15")),
        ["Alpha one", "Alpine", "gamma THREE"]
    );
    expect!(
        c,
        Gizmo,
        |f| f
            .launch_date()
            .between(date("2024-01-01"), date("2024-03-31")),
        ["Alpha one", "Alpine"]
    );

    // Written as 12:00+02:00, stored and compared in UTC.
    expect!(
        c,
        Gizmo,
        |f| f.seen_at().eq(stamp("2024-01-01T10:00:00Z")),
        ["Alpine"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.seen_at().eq(stamp("2024-01-01T11:00:00+01:00")),
        ["Alpine"]
    );
    let new_year = stamp("2024-01-01T00:00:00Z");
    expect!(
        c,
        Gizmo,
        |f| f.seen_at().gt(new_year),
        ["Alpine", "Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.seen_at().gte(new_year),
        ["Alpha one", "Alpine", "Beta two"]
    );
    expect!(c, Gizmo, |f| f.seen_at().lt(new_year), ["Omega"]);
    expect!(
        c,
        Gizmo,
        |f| f.seen_at().lte(stamp("2024-01-01T10:00:00Z")),
        ["Alpha one", "Alpine", "Omega"]
    );
    // Sub-second precision counts.
    expect!(
        c,
        Gizmo,
        |f| f.seen_at().gt(stamp("2024-06-30T23:59:59.4Z")),
        ["Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| f
            .seen_at()
            .between(new_year, stamp("2024-06-30T23:59:59.5Z")),
        ["Alpha one", "Alpine"]
    );

    expect!(
        c,
        Gizmo,
        |f| f.in_stock().eq(true),
        ["Alpha one", "Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.in_stock().eq(false),
        ["Alpine", "gamma THREE", "Omega"]
    );
    env.sb.shutdown().await;
}

#[tokio::test]
async fn select_reference_actor_operators() {
    let env = Env::new().await;
    let g = gizmos(&env).await;
    let c = &env.client;

    // Single select: by title, by option id, as a string, `$in`, `$not_empty`.
    expect!(
        c,
        Gizmo,
        |f| f.colour().eq(option("Red")),
        ["Alpha one", "Beta two"]
    );
    let green = SelectOption::by_id(g.green.clone()).unwrap();
    expect!(c, Gizmo, |f| f.colour().eq(green), ["Alpine"]);
    expect!(c, Gizmo, |f| f.colour().eq_title("Blue"), ["Omega"]);
    expect!(
        c,
        Gizmo,
        |f| f.colour().eq_title(g.green.clone()),
        ["Alpine"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.colour().is_in([option("Red"), option("Blue")]),
        ["Alpha one", "Beta two", "Omega"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.colour().is_set(),
        ["Alpha one", "Alpine", "Beta two", "Omega"]
    );
    expect!(c, Gizmo, |f| f.colour().is_empty(), ["gamma THREE"]);

    // Multiselect: a record matches when one of its options does.
    expect!(
        c,
        Gizmo,
        |f| f.tags().eq(option("sale")),
        ["Alpine", "Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.tags().eq_title("new") & f.tags().eq_title("sale"),
        ["Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.tags().is_in([option("new"), option("fragile")]),
        ["Alpha one", "Beta two", "Omega"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.tags().is_set(),
        ["Alpha one", "Alpine", "Beta two", "Omega"]
    );
    expect!(c, Gizmo, |f| f.tags().is_empty(), ["gamma THREE"]);

    // Record reference.
    let [attio, acme, nodomain] = &g.companies;
    let attio_ref = RecordReference::new("companies", attio.clone());
    expect!(
        c,
        Gizmo,
        |f| f.maker().eq(&attio_ref),
        ["Alpha one", "Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.maker().is_in("companies", [acme, nodomain]),
        ["Alpine", "Omega"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.maker().is_set(),
        ["Alpha one", "Alpine", "Beta two", "Omega"]
    );
    expect!(c, Gizmo, |f| f.maker().is_empty(), ["gamma THREE"]);

    // Actor reference: type and id.
    expect!(
        c,
        Gizmo,
        |f| f.steward().eq(&member(ALICE)),
        ["Alpha one", "Beta two"]
    );
    expect!(c, Gizmo, |f| f.steward().eq(&member(&g.bob)), ["Alpine"]);
    env.sb.shutdown().await;
}

#[tokio::test]
async fn location_and_phone_parts_on_a_custom_object() {
    let env = Env::new().await;
    gizmos(&env).await;
    let c = &env.client;

    expect!(c, Gizmo, |f| f.site().locality().eq("Paris"), ["Alpine"]);
    expect!(
        c,
        Gizmo,
        |f| f.site().country_code().eq("FR"),
        ["Alpine", "Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.site().postcode().starts_with("SW1A"),
        ["Alpha one"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.site().line_1().contains("RUE"),
        ["Alpine", "Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.site().region().ends_with("France"),
        ["Alpine"]
    );

    expect!(c, Gizmo, |f| f.hotline().eq("+33123456789"), ["Alpine"]);
    expect!(c, Gizmo, |f| f.hotline().starts_with("+44"), ["Alpha one"]);
    expect!(c, Gizmo, |f| f.hotline().ends_with("5309"), ["Beta two"]);
    expect!(c, Gizmo, |f| f.hotline().contains("2345"), ["Alpine"]);
    expect!(
        c,
        Gizmo,
        |f| f.hotline().country_code().eq("US"),
        ["Beta two"]
    );
    env.sb.shutdown().await;
}

// ---------------------------------------------------------------------------------------------
// Standard objects: status and actor on deals, email / name / phone / location on people,
// domains on companies
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn deal_stage_owner_and_value() {
    let env = Env::new().await;
    let c = &env.client;
    let bob = env.member("bob@attio.com").await;
    let mut in_progress = None;
    for (name, stage, owner, value) in [
        ("D1", "Lead", ALICE, Some("100")),
        ("D2", "In Progress", bob.as_str(), Some("2500.5")),
        ("D3", "Won 🎉", ALICE, None),
        ("D4", "Lost", bob.as_str(), Some("50")),
    ] {
        let created = Deal {
            name: name.into(),
            stage: Status::by_title(stage).unwrap(),
            owner: member(owner),
            value: value.map(|v| v.parse().unwrap()),
        }
        .create(c)
        .await
        .unwrap();
        if stage == "In Progress" {
            in_progress = created.values.stage.status_id().map(str::to_owned);
        }
    }
    let in_progress = in_progress.expect("a status id");

    // Status: by title, by status id, as a string, `$in`, `$not_empty`.
    expect!(
        c,
        Deal,
        |f| f.stage().eq(Status::by_title("Lead").unwrap()),
        ["D1"]
    );
    expect!(
        c,
        Deal,
        |f| f.stage().eq(Status::by_id(in_progress.clone()).unwrap()),
        ["D2"]
    );
    expect!(c, Deal, |f| f.stage().eq_title("Won 🎉"), ["D3"]);
    expect!(c, Deal, |f| f.stage().eq_title(in_progress.clone()), ["D2"]);
    expect!(
        c,
        Deal,
        |f| f.stage().is_in([
            Status::by_title("Lead").unwrap(),
            Status::by_title("Lost").unwrap()
        ]),
        ["D1", "D4"]
    );
    expect!(c, Deal, |f| f.stage().is_set(), ["D1", "D2", "D3", "D4"]);
    expect!(c, Deal, |f| f.stage().is_empty(), []);

    // Actor reference on a system-style attribute.
    expect!(c, Deal, |f| f.owner().eq(&member(&bob)), ["D2", "D4"]);
    expect!(c, Deal, |f| f.owner().eq(&member(ALICE)), ["D1", "D3"]);

    // Currency with the attribute's default code (USD).
    let usd = |s: &str| -> Currency { s.parse().unwrap() };
    expect!(c, Deal, |f| f.value().gte(usd("100")), ["D1", "D2"]);
    expect!(c, Deal, |f| f.value().eq(usd("2500.50")), ["D2"]);
    expect!(c, Deal, |f| f.value().lt(usd("100")), ["D4"]);

    // Combined across types.
    expect!(
        c,
        Deal,
        |f| !f.stage().eq_title("Lost") & f.owner().eq(&member(ALICE)),
        ["D1", "D3"]
    );
    expect!(
        c,
        Deal,
        |f| f.value().gt(usd("1000")) | f.stage().eq_title("Won 🎉"),
        ["D2", "D3"]
    );
    env.sb.shutdown().await;
}

#[tokio::test]
async fn people_email_name_phone_and_location_parts() {
    let env = Env::new().await;
    let c = &env.client;
    let london = Location::new()
        .with_locality("London")
        .with_region("England")
        .with_postcode("NW1 6XE")
        .with_country_code(country("GB"));
    let people = [
        Person {
            job_title: Some("ada".into()),
            email_addresses: vec!["ada@mail.engine.org".parse().unwrap()],
            name: Some(PersonalName::new("Ada", "Lovelace").unwrap()),
            phone_numbers: vec![PhoneNumber::new("+44 7777 777777").unwrap()],
            primary_location: Some(london),
        },
        Person {
            job_title: Some("grace".into()),
            email_addresses: vec![
                "grace.hopper@navy.mil".parse().unwrap(),
                "g@cobol.example.co.uk".parse().unwrap(),
            ],
            name: Some(PersonalName::new("Grace", "Hopper").unwrap()),
            phone_numbers: vec![PhoneNumber::new("+15558675309").unwrap()],
            primary_location: Some(
                Location::new()
                    .with_locality("Arlington")
                    .with_region("Virginia")
                    .with_postcode("22201")
                    .with_country_code(country("US")),
            ),
        },
        Person {
            job_title: Some("alan".into()),
            email_addresses: vec!["alan@bletchley.example".parse().unwrap()],
            name: Some(PersonalName::new("Alan", "Turing").unwrap()),
            phone_numbers: Vec::new(),
            primary_location: Some(
                Location::new()
                    .with_locality("Manchester")
                    .with_region("England")
                    .with_postcode("M13 9PL")
                    .with_country_code(country("GB")),
            ),
        },
        Person {
            job_title: Some("anon".into()),
            email_addresses: vec!["anon@engine.org".parse().unwrap()],
            name: None,
            phone_numbers: Vec::new(),
            primary_location: None,
        },
    ];
    for p in people {
        p.create(c).await.unwrap();
    }

    // Email address: the address itself, then its parts.
    let e = |f: &PersonFields| f.email_addresses();
    expect!(c, Person, |f| e(f).eq("alan@bletchley.example"), ["alan"]);
    expect!(c, Person, |f| e(f).contains("COBOL"), ["grace"]);
    expect!(
        c,
        Person,
        |f| e(f).starts_with("a"),
        ["ada", "alan", "anon"]
    );
    expect!(c, Person, |f| e(f).ends_with(".mil"), ["grace"]);
    expect!(
        c,
        Person,
        |f| e(f).email_domain().eq("engine.org"),
        ["anon"]
    );
    expect!(
        c,
        Person,
        |f| e(f).email_domain().ends_with("engine.org"),
        ["ada", "anon"]
    );
    expect!(
        c,
        Person,
        |f| e(f).email_root_domain().eq("engine.org"),
        ["ada", "anon"]
    );
    // Two-label public suffix: the root of cobol.example.co.uk is example.co.uk.
    expect!(
        c,
        Person,
        |f| e(f).email_root_domain().eq("example.co.uk"),
        ["grace"]
    );
    expect!(
        c,
        Person,
        |f| e(f).email_local_specifier().eq("grace.hopper"),
        ["grace"]
    );
    expect!(
        c,
        Person,
        |f| e(f).email_local_specifier().starts_with("an"),
        ["anon"]
    );

    // Personal name: the full name, then its parts.
    expect!(c, Person, |f| f.name().eq("Alan Turing"), ["alan"]);
    expect!(c, Person, |f| f.name().ends_with("Hopper"), ["grace"]);
    expect!(c, Person, |f| f.name().contains("a l"), ["ada"]);
    expect!(c, Person, |f| f.name().first_name().eq("Grace"), ["grace"]);
    expect!(
        c,
        Person,
        |f| f.name().last_name().starts_with("Tur"),
        ["alan"]
    );
    expect!(
        c,
        Person,
        |f| f.name().full_name().contains("LOVE"),
        ["ada"]
    );
    expect!(c, Person, |f| f.name().is_set(), ["ada", "alan", "grace"]);
    expect!(c, Person, |f| f.name().is_empty(), ["anon"]);

    // Phone number: E.164 text, country code.
    expect!(
        c,
        Person,
        |f| f.phone_numbers().eq("+447777777777"),
        ["ada"]
    );
    expect!(
        c,
        Person,
        |f| f.phone_numbers().starts_with("+1"),
        ["grace"]
    );
    expect!(
        c,
        Person,
        |f| f.phone_numbers().country_code().eq("GB"),
        ["ada"]
    );

    // Location parts.
    let loc = |f: &PersonFields| f.primary_location();
    expect!(c, Person, |f| loc(f).locality().eq("London"), ["ada"]);
    expect!(
        c,
        Person,
        |f| loc(f).country_code().eq("GB"),
        ["ada", "alan"]
    );
    expect!(
        c,
        Person,
        |f| loc(f).region().eq("England"),
        ["ada", "alan"]
    );
    expect!(
        c,
        Person,
        |f| loc(f).postcode().starts_with("222"),
        ["grace"]
    );
    expect!(c, Person, |f| loc(f).locality().ends_with("ter"), ["alan"]);

    // Sorting on a property of a composite value.
    let by_last = Person::query()
        .filter(|f| f.name().is_set())
        .sort(|f| f.name().last_name().asc());
    assert_eq!(
        tags_in_order(by_last.clone(), c).await,
        ["grace", "ada", "alan"]
    );
    let by_last_desc = Person::query()
        .filter(|f| f.name().is_set())
        .sort(|f| f.name().last_name().desc());
    assert_eq!(
        tags_in_order(by_last_desc, c).await,
        ["alan", "ada", "grace"]
    );
    env.sb.shutdown().await;
}

#[tokio::test]
async fn company_domains() {
    let env = Env::new().await;
    gizmos(&env).await; // creates Attio, Acme and Nodomain
    let c = &env.client;
    expect!(c, Company, |f| f.domains().eq("app.attio.com"), ["Attio"]);
    expect!(c, Company, |f| f.domains().eq("acme.org"), ["Acme"]);
    expect!(c, Company, |f| f.domains().contains("ACME"), ["Acme"]);
    expect!(c, Company, |f| f.domains().starts_with("app."), ["Attio"]);
    expect!(
        c,
        Company,
        |f| f.domains().ends_with(".com"),
        ["Acme", "Attio"]
    );
    expect!(
        c,
        Company,
        |f| f.domains().root_domain().eq("attio.com"),
        ["Attio"]
    );
    expect!(
        c,
        Company,
        |f| f.domains().root_domain().eq("example.com"),
        ["Acme"]
    );
    expect!(c, Company, |f| f.domains().is_set(), ["Acme", "Attio"]);
    expect!(c, Company, |f| f.domains().is_empty(), ["Nodomain"]);
    expect!(
        c,
        Company,
        |f| f.name().is_in(["Attio", "Nodomain"]),
        ["Attio", "Nodomain"]
    );
    env.sb.shutdown().await;
}

// ---------------------------------------------------------------------------------------------
// Combinators, sorts, limit / offset, paging
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn and_or_not_all_any() {
    let env = Env::new().await;
    gizmos(&env).await;
    let c = &env.client;
    let all = ["Alpha one", "Alpine", "Beta two", "gamma THREE", "Omega"];

    expect!(
        c,
        Gizmo,
        |f| f.colour().eq_title("Red") & f.stars().gt(stars(1)),
        ["Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.label().starts_with("Alp") | f.stars().eq(stars(5)),
        ["Alpha one", "Alpine", "gamma THREE"]
    );
    // `!` keeps records without any value of the attribute.
    expect!(
        c,
        Gizmo,
        |f| !f.tags().eq_title("sale"),
        ["Alpha one", "gamma THREE", "Omega"]
    );
    expect!(
        c,
        Gizmo,
        |f| !f.label().starts_with("Alp") & !f.in_stock().eq(true),
        ["gamma THREE", "Omega"]
    );
    expect!(
        c,
        Gizmo,
        |f| !(f.label().eq("Alpine") | f.label().eq("Omega")),
        ["Alpha one", "Beta two", "gamma THREE"]
    );
    // Chained `&` and `|` flatten; mixed they nest as written.
    expect!(
        c,
        Gizmo,
        |f| f.in_stock().eq(true) & f.weight().gt(1.0) & f.colour().eq_title("Red"),
        ["Alpha one", "Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| (f.label().eq("Omega") | f.label().eq("Alpine")) & f.price().gt("25".parse().unwrap()),
        ["Omega"]
    );
    expect!(
        c,
        Gizmo,
        |f| f.label().eq("Omega") | (f.label().eq("Alpine") & f.price().gt("25".parse().unwrap())),
        ["Omega"]
    );

    expect!(
        c,
        Gizmo,
        |f| Filter::all([f.in_stock().eq(true), f.weight().gt(2.0)]),
        ["Beta two"]
    );
    expect!(
        c,
        Gizmo,
        |f| Filter::any([
            f.label().eq("Alpine"),
            f.label().eq("Omega"),
            f.colour().eq_title("Red"),
        ]),
        ["Alpha one", "Alpine", "Beta two", "Omega"]
    );
    expect!(
        c,
        Gizmo,
        |f| Filter::any([
            Filter::all([f.tags().eq_title("new"), f.tags().eq_title("sale")]),
            !f.tags().is_set(),
        ]),
        ["Beta two", "gamma THREE"]
    );
    // An empty `all` matches every record.
    let every = matching::<Gizmo>(c, |_| Filter::all([])).await;
    let mut want = all.to_vec();
    want.sort_unstable();
    assert_eq!(every, want);

    // Two `filter` calls AND together.
    let q = Gizmo::query()
        .filter(|f| f.colour().is_set())
        .filter(|f| f.weight().lt(3.0));
    let mut got = tags_in_order(q, c).await;
    got.sort();
    assert_eq!(got, ["Alpha one", "Alpine"]);
    env.sb.shutdown().await;
}

#[tokio::test]
async fn sorts_limit_offset_and_paging() {
    let env = Env::new().await;
    gizmos(&env).await;
    let c = &env.client;
    // Records without a value are left out, so where Attio puts them does not matter.
    let weighted = || Gizmo::query().filter(|f| f.weight().gt(-100.0));

    let desc = weighted().sort(|f| f.weight().desc());
    assert_eq!(
        tags_in_order(desc.clone(), c).await,
        ["Beta two", "Alpine", "Alpha one", "gamma THREE"]
    );
    assert_eq!(
        tags_in_order(desc.clone().offset(1).limit(2), c).await,
        ["Alpine", "Alpha one"]
    );
    assert_eq!(
        tags_in_order(desc.clone().offset(3), c).await,
        ["gamma THREE"]
    );
    assert!(tags_in_order(desc.clone().offset(4), c).await.is_empty());
    assert_eq!(
        tags_in_order(weighted().sort(|f| f.weight().asc()).limit(2), c).await,
        ["gamma THREE", "Alpha one"]
    );
    let top = desc.clone().first(c).await.unwrap().unwrap();
    assert_eq!(top.values.label, "Beta two");

    // A select sorts by option title; a second sort breaks ties.
    let by_colour = Gizmo::query()
        .filter(|f| f.colour().is_set())
        .sort(|f| f.colour().asc())
        .sort(|f| f.label().desc());
    assert_eq!(
        tags_in_order(by_colour, c).await,
        ["Omega", "Alpine", "Beta two", "Alpha one"]
    );

    // Timestamps and dates sort chronologically.
    let by_seen = Gizmo::query()
        .filter(|f| f.seen_at().gt(stamp("2000-01-01T00:00:00Z")))
        .sort(|f| f.seen_at().desc());
    assert_eq!(
        tags_in_order(by_seen, c).await,
        ["Beta two", "Alpine", "Alpha one", "Omega"]
    );

    // A stream pages by itself: pages of 2, with an offset, in date order.
    let mut stream = Gizmo::query()
        .filter(|f| f.launch_date().gte(date("2000-01-01")))
        .sort(|f| f.launch_date().asc())
        .offset(1)
        .page_size(2)
        .stream(c);
    let mut seen = Vec::new();
    while let Some(r) = stream.try_next().await.unwrap() {
        seen.push(r.values.label);
    }
    assert_eq!(seen, ["Alpha one", "Alpine", "Beta two"]);
    env.sb.shutdown().await;
}
