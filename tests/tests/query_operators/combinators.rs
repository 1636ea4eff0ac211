//! `&`, `|`, `!`, `Filter::all` / `Filter::any`, chained filters; sorts with limit, offset and
//! paging.

use attio::Filter;
use futures::TryStreamExt as _;

use crate::gizmos::gizmos;
use crate::harness::{Env, date, matching, stamp, stars, tags_in_order};
use crate::objects::Gizmo;

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
