//! `attio::Ref<T>` and `#[derive(attio::SelectEnum)]` end to end against the in-process sandbox:
//! typed references written by id and by a unique attribute and read back, a wrong target object
//! refused on decode, select and status enums (a rename with an emoji, a custom select attribute
//! created over HTTP), unknown options with and without a catch-all, queries and change sets.
//!
//! Run: `cargo test -p attio-tests --test typed_refs_and_enums`.

use attio::prelude::*;
use attio::{
    ActorReference, Client, Domain, EmailAddress, Error, Record, RecordId, RecordReference, Ref,
    RetryPolicy, SelectEnum, SelectOption, WritableValue as _, attio_object,
};
use attio_sandbox::Sandbox;
use serde_json::{Value, json};

const ALICE: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct Person {
    email_addresses: Vec<EmailAddress>,
    job_title: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, SelectEnum)]
enum Category {
    #[attio(rename = "3D Printing")]
    Printing,
    #[attio(rename = "Aerospace & Defense")]
    Aerospace,
    B2B,
    B2C,
    SaaS,
    Fintech,
    Healthcare,
}

/// Knows two options only, no catch-all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, SelectEnum)]
enum FewCategories {
    SaaS,
    B2B,
}

/// Knows one option; keeps the others' titles.
#[derive(Debug, Clone, PartialEq, Eq, SelectEnum)]
enum CategoryOrTitle {
    SaaS,
    #[attio(other)]
    Other(String),
}

/// Knows one option; keeps the others as untyped options.
#[derive(Debug, Clone, PartialEq, SelectEnum)]
enum CategoryOrOption {
    SaaS,
    #[attio(other)]
    Other(SelectOption),
}

/// Knows one option; the others are `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, SelectEnum)]
enum CategoryOrUnknown {
    SaaS,
    #[attio(other)]
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, SelectEnum)]
#[attio(status)]
enum Stage {
    Lead,
    #[attio(rename = "In Progress")]
    InProgress,
    #[attio(rename = "Won 🎉")]
    Won,
    Lost,
}

/// The custom select attribute `tier`, created over HTTP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, SelectEnum)]
enum Tier {
    Gold,
    Silver,
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: Option<String>,
    domains: Vec<Domain>,
    categories: Vec<Category>,
    tier: Option<Tier>,
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct CompanyFew {
    categories: Vec<FewCategories>,
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct CompanyOrTitle {
    categories: Vec<CategoryOrTitle>,
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct CompanyOrOption {
    categories: Vec<CategoryOrOption>,
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct CompanyOrUnknown {
    categories: Vec<CategoryOrUnknown>,
}

#[attio_object(slug = "deals")]
#[derive(Debug, Clone, PartialEq)]
struct Deal {
    name: String,
    stage: Stage,
    owner: ActorReference,
    associated_company: Option<Ref<Company>>,
    associated_people: Vec<Ref<Person>>,
}

/// `associated_company` declared as a reference to people: decoding must refuse it.
#[attio_object(slug = "deals")]
#[derive(Debug, Clone, PartialEq)]
struct DealWrongTarget {
    associated_company: Option<Ref<Person>>,
}

/// The same attribute, untyped.
#[attio_object(slug = "deals")]
#[derive(Debug, Clone, PartialEq)]
struct DealUntyped {
    associated_company: Option<RecordReference>,
}

struct Env {
    sb: Sandbox,
    client: Client,
    http: reqwest::Client,
}

impl Env {
    async fn new() -> Env {
        let sb = Sandbox::builder()
            .seed(11)
            .record_requests(200)
            .start()
            .await
            .expect("the sandbox starts");
        let client = attio_tests::sandbox_client(&sb)
            .retry_policy(
                RetryPolicy::default().initial_backoff(std::time::Duration::from_millis(5)),
            )
            .build()
            .expect("a client");
        let _ = rustls::crypto::ring::default_provider().install_default();
        Env {
            sb,
            client,
            http: reqwest::Client::new(),
        }
    }

    /// A raw request that must succeed: its `data`.
    async fn ok(&self, method: &str, path: &str, body: Value) -> Value {
        let resp = self
            .http
            .request(
                method.parse().unwrap(),
                format!("{}{path}", self.sb.base_url()),
            )
            .bearer_auth(self.sb.api_key())
            .json(&body)
            .send()
            .await
            .expect("the sandbox answers");
        let status = resp.status().as_u16();
        let v: Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap_or(Value::Null);
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["data"].clone()
    }

    /// The body of the last request the sandbox received, as JSON.
    fn last_body(&self) -> Value {
        let last = self.sb.recent_requests().pop().expect("a request was made");
        serde_json::from_str(&last.body).expect("a JSON body")
    }

    /// Creates the select attribute `companies.tier` with the options Gold, Silver and Bronze.
    async fn tier_attribute(&self) {
        self.ok(
            "POST",
            "/v2/objects/companies/attributes",
            json!({"data": {"title": "Tier", "description": null, "api_slug": "tier", "type": "select",
                "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}}}),
        )
        .await;
        for title in ["Gold", "Silver", "Bronze"] {
            self.ok(
                "POST",
                "/v2/objects/companies/attributes/tier/options",
                json!({"data": {"title": title}}),
            )
            .await;
        }
    }

    async fn person(&self, email: &str) -> Record<Person> {
        Person {
            email_addresses: vec![email.parse().unwrap()],
            job_title: None,
        }
        .create(&self.client)
        .await
        .unwrap()
    }

    async fn company(
        &self,
        name: &str,
        domain: &str,
        categories: Vec<Category>,
    ) -> Record<Company> {
        Company {
            name: Some(name.into()),
            domains: vec![domain.parse().unwrap()],
            categories,
            tier: None,
        }
        .create(&self.client)
        .await
        .unwrap()
    }
}

/// The error and every source, joined.
fn chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(e) = source {
        text.push_str(": ");
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}

fn owner() -> ActorReference {
    ActorReference::workspace_member(ALICE).unwrap()
}

#[tokio::test]
async fn refs_round_trip_by_id_and_by_matching_attribute() {
    let env = Env::new().await;
    // `Company` reads `tier`: the attribute must exist, or its first use says it does not.
    env.tier_attribute().await;
    let alice = env.person("alice@example.com").await;
    let bob = env.person("bob@example.com").await;
    let acme = env.company("Acme", "acme.com", vec![]).await;

    let deal = Deal {
        name: "Typed".into(),
        stage: Stage::Lead,
        owner: owner(),
        associated_company: Some(Ref::by(
            Company::fields().domains(),
            "acme.com".parse::<Domain>().unwrap(),
        )),
        associated_people: vec![
            Ref::from(&alice),
            Ref::by(
                Person::fields().email_addresses(),
                "bob@example.com".parse::<EmailAddress>().unwrap(),
            ),
        ],
    };
    let created = deal.create(&env.client).await.unwrap();
    // What was sent: the id form, and Attio's matching-attribute form.
    let sent = env.last_body();
    assert_eq!(
        sent["data"]["values"]["associated_company"],
        json!({"target_object": "companies", "domains": ["acme.com"]})
    );
    assert_eq!(
        sent["data"]["values"]["associated_people"],
        json!([
            {"target_object": "people", "target_record_id": alice.id.record_id.as_str()},
            {"target_object": "people", "email_addresses": ["bob@example.com"]},
        ])
    );
    // What came back: references by id, to the records Attio found.
    let company = created.values.associated_company.clone().unwrap();
    assert_eq!(company.record_id(), Some(&acme.id.record_id));
    assert_eq!(company, Ref::from(&acme));
    assert_eq!(company.target_object(), "companies");
    let people: Vec<&RecordId> = created
        .values
        .associated_people
        .iter()
        .map(|r| r.record_id().unwrap())
        .collect();
    assert_eq!(people, [&alice.id.record_id, &bob.id.record_id]);

    // Read back, and converted to and from the untyped reference.
    let read = Deal::get(&env.client, &created.id.record_id).await.unwrap();
    assert_eq!(read.values, created.values);
    let untyped = DealUntyped::get(&env.client, &created.id.record_id)
        .await
        .unwrap();
    let untyped = untyped.values.associated_company.unwrap();
    assert_eq!(company, untyped);
    assert_eq!(RecordReference::try_from(company.clone()).unwrap(), untyped);
    assert_eq!(Ref::<Company>::try_from(untyped.clone()).unwrap(), company);
    assert!(Ref::<Person>::try_from(untyped).is_err());

    // A reference to the wrong object is a decoding error naming both objects.
    let err = DealWrongTarget::get(&env.client, &created.id.record_id)
        .await
        .unwrap_err();
    let text = chain(&err);
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert!(
        text.contains("`people`") && text.contains("`companies`"),
        "{text}"
    );

    // A matching value Attio would refuse never leaves the process; one that matches no record
    // is Attio's `value_not_found`.
    let long = "x".repeat(10 * 1024 * 1024 + 1);
    #[attio_object(slug = "users")]
    struct User {
        user_id: String,
    }
    assert!(Ref::by(User::fields().user_id(), long).validate().is_err());
    let missing = Deal {
        associated_company: Some(Ref::by(
            Company::fields().domains(),
            "nowhere.example".parse::<Domain>().unwrap(),
        )),
        associated_people: vec![],
        ..deal
    };
    assert!(missing.create(&env.client).await.is_err());

    // Queries by typed reference.
    let by_company = Deal::query()
        .filter(|f| f.associated_company().eq(&acme.id.record_id))
        .collect_all(&env.client)
        .await
        .unwrap();
    assert_eq!(by_company.len(), 1);
    assert_eq!(by_company[0].id.record_id, created.id.record_id);
    let by_people = Deal::query()
        .filter(|f| f.associated_people().is_in([&bob.id.record_id]))
        .collect_all(&env.client)
        .await
        .unwrap();
    assert_eq!(by_people.len(), 1);
    let none = Deal::query()
        .filter(|f| f.associated_company().is_in([&alice.id.record_id]))
        .collect_all(&env.client)
        .await
        .unwrap();
    assert!(none.is_empty());
}

#[tokio::test]
async fn status_enum_round_trips_with_an_emoji_title_and_filters() {
    let env = Env::new().await;
    let mut ids = Vec::new();
    for (name, stage) in [
        ("a", Stage::Lead),
        ("b", Stage::InProgress),
        ("c", Stage::Won),
        ("d", Stage::Lost),
    ] {
        let deal = Deal {
            name: name.into(),
            stage,
            owner: owner(),
            associated_company: None,
            associated_people: vec![],
        };
        let created = deal.create(&env.client).await.unwrap();
        assert_eq!(created.values.stage, stage);
        ids.push(created.id.record_id);
    }
    assert_eq!(
        env.last_body()["data"]["values"]["stage"],
        json!({"status": "Lost"})
    );
    let won = Deal::get(&env.client, &ids[2]).await.unwrap();
    assert_eq!(won.values.stage, Stage::Won);
    assert_eq!(won.values.stage.title(), Some("Won 🎉"));

    // Filters by title.
    let won_deals = Deal::query()
        .filter(|f| f.stage().eq(Stage::Won))
        .collect_all(&env.client)
        .await
        .unwrap();
    assert_eq!(won_deals.len(), 1);
    assert_eq!(won_deals[0].values.name, "c");
    let open = Deal::query()
        .filter(|f| f.stage().is_in([Stage::Lead, Stage::InProgress]))
        .sort(|f| f.name().asc())
        .collect_all(&env.client)
        .await
        .unwrap();
    let names: Vec<&str> = open.iter().map(|r| r.values.name.as_str()).collect();
    assert_eq!(names, ["a", "b"]);

    // Change sets.
    let changed = Deal::changes()
        .set_stage(Stage::Won)
        .apply(&env.client, &ids[0])
        .await
        .unwrap();
    assert_eq!(changed.values.stage, Stage::Won);
    assert_eq!(
        env.last_body()["data"]["values"]["stage"],
        json!({"status": "Won 🎉"})
    );
}

#[tokio::test]
async fn select_enums_multiselect_custom_attribute_and_unknown_options() {
    let env = Env::new().await;
    env.tier_attribute().await;
    let acme = env
        .company("Acme", "acme.com", vec![Category::Printing, Category::SaaS])
        .await;
    assert_eq!(
        env.last_body()["data"]["values"]["categories"],
        json!([{"option": "3D Printing"}, {"option": "SaaS"}])
    );
    assert_eq!(acme.values.categories, [Category::Printing, Category::SaaS]);
    let other = env
        .company("Other", "other.com", vec![Category::Aerospace])
        .await;

    // The custom select attribute, set through a change set and read back.
    let gold = Company::changes()
        .set_tier(Tier::Gold)
        .apply(&env.client, &acme.id.record_id)
        .await
        .unwrap();
    assert_eq!(gold.values.tier, Some(Tier::Gold));
    let read = Company::get(&env.client, &acme.id.record_id).await.unwrap();
    assert_eq!(read.values.tier, Some(Tier::Gold));
    assert_eq!(read.values.categories, [Category::Printing, Category::SaaS]);

    // Multiselect append and replace through the change set.
    let appended = Company::changes()
        .append_categories([Category::B2B])
        .apply(&env.client, &other.id.record_id)
        .await
        .unwrap();
    let mut categories = appended.values.categories.clone();
    categories.sort_by_key(|c| c.title());
    assert_eq!(categories, [Category::Aerospace, Category::B2B]);

    // Queries by option.
    let saas = Company::query()
        .filter(|f| f.categories().eq(Category::SaaS))
        .collect_all(&env.client)
        .await
        .unwrap();
    assert_eq!(saas.len(), 1);
    assert_eq!(saas[0].id.record_id, acme.id.record_id);
    let either = Company::query()
        .filter(|f| f.categories().is_in([Category::B2B, Category::Printing]))
        .collect_all(&env.client)
        .await
        .unwrap();
    assert_eq!(either.len(), 2);
    let gold_tier = Company::query()
        .filter(|f| f.tier().eq(Tier::Gold))
        .collect_all(&env.client)
        .await
        .unwrap();
    assert_eq!(gold_tier.len(), 1);

    // An option the enum does not know: an error naming the titles it knows...
    let err = CompanyFew::get(&env.client, &acme.id.record_id)
        .await
        .unwrap_err();
    let text = chain(&err);
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert!(
        text.contains("\"3D Printing\"")
            && text.contains("`FewCategories`")
            && text.contains("\"SaaS\", \"B2B\"")
            && text.contains("#[attio(other)]"),
        "{text}"
    );
    // ...or the catch-all.
    let titled = CompanyOrTitle::get(&env.client, &acme.id.record_id)
        .await
        .unwrap();
    assert_eq!(
        titled.values.categories,
        [
            CategoryOrTitle::Other("3D Printing".into()),
            CategoryOrTitle::SaaS
        ]
    );
    let unknown = CompanyOrUnknown::get(&env.client, &acme.id.record_id)
        .await
        .unwrap();
    assert_eq!(
        unknown.values.categories,
        [CategoryOrUnknown::Unknown, CategoryOrUnknown::SaaS]
    );
    let optioned = CompanyOrOption::get(&env.client, &acme.id.record_id)
        .await
        .unwrap();
    let CategoryOrOption::Other(option) = &optioned.values.categories[0] else {
        panic!("{:?}", optioned.values.categories);
    };
    assert_eq!(option.title(), Some("3D Printing"));

    // A catch-all holding a title or an option writes it back; a unit catch-all cannot be written.
    let written = CompanyOrTitle::changes()
        .replace_categories([CategoryOrTitle::Other("Fintech".into())])
        .apply(&env.client, &other.id.record_id)
        .await
        .unwrap();
    assert_eq!(
        written.values.categories,
        [CategoryOrTitle::Other("Fintech".into())]
    );
    let back = CompanyOrOption::changes()
        .replace_categories(optioned.values.categories.clone())
        .apply(&env.client, &other.id.record_id)
        .await
        .unwrap();
    assert_eq!(back.values.categories.len(), 2);
    let err = CategoryOrUnknown::Unknown.validate().unwrap_err();
    assert!(
        err.message().contains("CategoryOrUnknown::Unknown"),
        "{err}"
    );
    let refused = CompanyOrUnknown {
        categories: vec![CategoryOrUnknown::Unknown],
    }
    .overwrite(&env.client, &other.id.record_id)
    .await
    .unwrap_err();
    assert!(matches!(refused, Error::InvalidValue { .. }), "{refused:?}");
}

#[test]
fn titles_and_write_forms() {
    assert_eq!(Stage::TITLES, ["Lead", "In Progress", "Won 🎉", "Lost"]);
    assert_eq!(Stage::from_title("Won 🎉"), Some(Stage::Won));
    assert_eq!(Stage::from_title("Won"), None);
    assert_eq!(CategoryOrTitle::Other("x".into()).title(), None);
    let f = Company::fields();
    assert_eq!(
        f.categories().eq(Category::Printing).to_json(),
        &json!({"categories": {"$eq": "3D Printing"}})
    );
}
