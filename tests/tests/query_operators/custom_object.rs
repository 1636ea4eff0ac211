//! Every comparable type on the `gizmos` custom object: text, number, rating, currency, date,
//! timestamp, checkbox, select and multiselect, record and actor references, location and phone
//! parts.

use attio::{Currency, RecordReference, SelectOption};

use crate::gizmos::gizmos;
use crate::harness::{ALICE, Env, date, member, option, stamp, stars};
use crate::objects::Gizmo;

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
