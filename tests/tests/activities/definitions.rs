//! The activities themselves: the system one, create, read, rename, the schema that cannot
//! change, delete with every record, and the schema checks of an `#[attio_activity]` struct.

use attio::activities::{ActivityUpdate, NewActivity};
use attio::prelude::*;
use attio::schema::Problem;
use attio::{ActivitySchema, Error, ErrorCode, attio_activity};

use crate::{SiteVisit, setup};

#[tokio::test]
async fn the_system_activity_is_there_and_cannot_be_deleted() {
    let (_sandbox, client) = setup().await;
    let all = client.activities().collect_all().await.unwrap();
    let calls = all
        .iter()
        .find(|a| a.api_slug == "phone_calls")
        .expect("phone calls");
    assert!(calls.is_system_activity);
    assert_eq!(calls.schema(), Some(ActivitySchema::Calls));
    let err = client
        .delete_activity_and_all_its_records("phone_calls")
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
}

#[tokio::test]
async fn an_activity_is_created_renamed_and_deleted_with_its_records() {
    let (_sandbox, client) = setup().await;
    let new = NewActivity::new(
        "webinars",
        "Webinar",
        "Webinars",
        ActivitySchema::Activities,
    );
    let created = client.create_activity(&new).await.unwrap();
    assert_eq!(created.schema(), Some(ActivitySchema::Activities));
    assert!(!created.is_system_activity);
    let again = client.create_activity(&new).await.unwrap_err();
    assert_eq!(again.code(), Some(&ErrorCode::SlugConflict), "{again}");

    let renamed = client
        .update_activity(
            "webinars",
            &ActivityUpdate::new().plural_noun("Webinars attended"),
        )
        .await
        .unwrap();
    assert_eq!(renamed.plural_noun, "Webinars attended");
    assert_eq!(renamed.id, created.id);
    let empty = client
        .update_activity("webinars", &ActivityUpdate::new())
        .await
        .unwrap_err();
    assert!(matches!(empty, Error::InvalidInput(_)), "{empty}");

    // Attio refuses to change the schema; the SDK has no way to ask, so ask raw.
    let refused = client
        .request(attio::Method::Patch, "/v2/activities/webinars")
        .json(&serde_json::json!({"data": {"extends": "calls"}}))
        .send::<serde_json::Value>()
        .await
        .unwrap_err();
    assert_eq!(refused.status(), Some(400), "{refused}");

    #[attio_activity(slug = "webinars", extends = "activities")]
    #[derive(Debug, Clone, PartialEq)]
    struct Webinar {
        occurred_at: attio::Timestamp,
    }
    let record = Webinar {
        occurred_at: "2026-11-01T09:00:00Z".parse().unwrap(),
    }
    .create(&client)
    .await
    .unwrap();
    assert_eq!(
        Webinar::activity_info(&client).await.unwrap().id,
        created.id
    );
    client
        .delete_activity_and_all_its_records("webinars")
        .await
        .unwrap();
    let gone = Webinar::get(&client, &record.id.record_id)
        .await
        .unwrap_err();
    assert_eq!(gone.code(), Some(&ErrorCode::NotFound), "{gone}");
    let gone = client.activity("webinars").await.unwrap_err();
    assert_eq!(gone.code(), Some(&ErrorCode::NotFound), "{gone}");
}

#[tokio::test]
async fn ensure_schema_creates_the_activity_and_refuses_another_schema() {
    let (_sandbox, client) = setup().await;
    let plan = client.plan_schema::<SiteVisit>().await.unwrap();
    let text = plan.to_string();
    assert!(
        text.contains(
            "create the activity `site_visits` (Site visit / Site visits), extending `interactions`"
        ),
        "{text}"
    );
    client.ensure_schema::<SiteVisit>().await.unwrap();
    assert_eq!(
        client.activity_of::<SiteVisit>().await.unwrap().schema(),
        Some(ActivitySchema::Interactions)
    );

    // The same slug, declared over another schema: reported, and never changed.
    #[attio_activity(slug = "site_visits", extends = "calls")]
    struct SiteCall {
        occurred_at: attio::Timestamp,
    }
    let report = client.check_schema::<SiteCall>().await.unwrap();
    let finding = report
        .findings()
        .find(|f| matches!(f.problem, Problem::WrongSchema { .. }))
        .unwrap_or_else(|| panic!("{report}"));
    let message = finding.to_string();
    assert!(message.contains("extends `interactions`"), "{message}");
    assert!(message.contains("extends = \"interactions\""), "{message}");
    let refused = client.ensure_schema::<SiteCall>().await.unwrap_err();
    assert!(refused.to_string().contains("site_visits"), "{refused}");

    // Without nouns, a missing activity is reported, not created.
    #[attio_activity(slug = "trade_shows", extends = "interactions")]
    struct TradeShow {
        occurred_at: attio::Timestamp,
    }
    let report = client.check_schema::<TradeShow>().await.unwrap();
    let missing = report.findings().next().unwrap().to_string();
    assert!(missing.contains("the activity `trade_shows`"), "{missing}");
    assert!(
        missing.contains("#[attio_activity(slug = \"trade_shows\""),
        "{missing}"
    );
}

#[tokio::test]
async fn a_record_of_an_activity_not_yet_created_says_how_to_create_it() {
    let (_sandbox, client) = setup().await;
    let visit = SiteVisit {
        visit_id: "early".into(),
        occurred_at: "2026-11-01T09:00:00Z".parse().unwrap(),
        pages: vec![],
        note: None,
        visitor: None,
    };
    let err = visit.create(&client).await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("expected Attio's 404, got {err:?}")
    };
    assert_eq!((api.status, &api.code), (404, &ErrorCode::NotFound));
    let hint = api.hint().expect("a hint");
    assert!(
        hint.contains("client.ensure_schema::<SiteVisit>()"),
        "{hint}"
    );
    let err = SiteVisit::query().collect_all(&client).await.unwrap_err();
    assert!(
        err.to_string()
            .contains("`site_visits`, which `SiteVisit` describes"),
        "{err}"
    );
    let id: attio::RecordId = "00000000-0000-4000-8000-000000000000".parse().unwrap();
    let err = SiteVisit::delete(&client, &id).await.unwrap_err();
    assert!(
        err.to_string().contains("ensure_schema::<SiteVisit>()"),
        "{err}"
    );
}
