//! The `gizmos` custom object, the companies its records point at, and its five records.

use attio::prelude::*;
use attio::{Currency, Location, PhoneNumber, RecordId, RecordReference, SelectOption};
use serde_json::{Value, json};

use crate::harness::{ALICE, Env, country, date, member, option, stamp, stars};
use crate::objects::{Company, Gizmo};

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
pub(crate) struct Gizmos {
    /// The companies `Attio`, `Acme` and `Nodomain`.
    pub(crate) companies: [RecordId; 3],
    pub(crate) bob: String,
    /// The option id of `colour` "Green".
    pub(crate) green: String,
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
pub(crate) async fn gizmos(env: &Env) -> Gizmos {
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
