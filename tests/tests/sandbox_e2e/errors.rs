//! Attio's error bodies from the sandbox arrive typed (`Error::Api` with its `ErrorCode`) and are
//! not retried.

use attio::prelude::*;
use attio::{Client, ErrorCode, RecordId, RecordReference, SelectOption, attio_object};

use crate::env::{Env, api_error, email, gadgets, person};
use crate::structs::{Gadget, Strict, User};

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
