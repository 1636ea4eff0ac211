//! Activities themselves: list (by cursor), get, create, update, delete. Their records are
//! record operations (`records.rs`), at `/v2/activities/{activity}/records`.
//!
//! | operation | repeatable? | why |
//! |---|---|---|
//! | list, get | yes | reads |
//! | create | no | a repeat meets `slug_conflict` |
//! | update | yes | it sets the same slug and nouns |
//! | delete | yes | a repeat finds nothing to delete |

use std::borrow::Cow;

use super::{ErrorHint, Method, Operation, data_body};
use crate::error::{Error, ErrorCode, Result};
use crate::values::{AttioObject, check_path_segment};
use crate::wire::activity::{Activity, ActivityUpdate, NewActivity};
use crate::wire::{self, CursorPage};

/// Attio's default page of activities (and the page asked for).
pub(crate) const PAGE: usize = 100;

/// `/v2/activities/{activity}`, the slug or id checked to stand in a path.
fn activity_path(activity: &str) -> Result<String> {
    check_path_segment(activity).map_err(|reason| {
        Error::InvalidInput(format!(
            "the activity {activity:?} cannot be named in a path: {reason}"
        ))
    })?;
    Ok(format!("/v2/activities/{activity}"))
}

/// `GET /v2/activities?limit=…[&cursor=…]`: one page.
pub(crate) fn page(cursor: Option<&str>) -> Operation<CursorPage<Activity>> {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("limit", &PAGE.to_string());
    if let Some(cursor) = cursor {
        query.append_pair("cursor", cursor);
    }
    Operation::read(
        Method::Get,
        format!("/v2/activities?{}", query.finish()),
        None,
        wire::decode_bare::<CursorPage<Activity>>,
    )
}

/// `GET /v2/activities/{activity}`.
pub(crate) fn get(activity: &str) -> Result<Operation<Activity>> {
    Ok(Operation::read(
        Method::Get,
        activity_path(activity)?,
        None,
        wire::decode_data,
    ))
}

/// `POST /v2/activities`: not repeatable (`slug_conflict`).
pub(crate) fn create(new: &NewActivity) -> Result<Operation<Activity>> {
    check_path_segment(&new.api_slug).map_err(|reason| {
        Error::InvalidInput(format!(
            "the activity slug {:?} cannot be created: {reason}",
            new.api_slug
        ))
    })?;
    Ok(Operation::write(
        Method::Post,
        "/v2/activities".into(),
        Some(data_body(new)?),
        false,
        wire::decode_data,
    ))
}

/// `PATCH /v2/activities/{activity}`.
pub(crate) fn update(activity: &str, update: &ActivityUpdate) -> Result<Operation<Activity>> {
    if update.is_empty() {
        return Err(Error::InvalidInput(format!(
            "the update of the activity {activity:?} changes nothing (Attio refuses an empty update): set something, e.g. ActivityUpdate::new().plural_noun(\"Site visits\")"
        )));
    }
    Ok(Operation::write(
        Method::Patch,
        activity_path(activity)?,
        Some(data_body(update)?),
        true,
        wire::decode_data,
    ))
}

/// `DELETE /v2/activities/{activity}`: the activity and all its records.
pub(crate) fn delete(activity: &str) -> Result<Operation<()>> {
    Ok(Operation::write(
        Method::Delete,
        activity_path(activity)?,
        None,
        true,
        wire::decode_nothing,
    ))
}

/// Whether Attio's error is about the activity a request names: `Activity with slug/ID "x" not
/// found.`
fn about_an_activity(code: &ErrorCode, message: &str) -> bool {
    *code == ErrorCode::NotFound
        && message
            .to_ascii_lowercase()
            .contains("activity with slug/id")
}

/// What to do about an activity Attio does not have, named by the `#[attio_activity]` struct
/// `declared_by`.
fn missing_activity_hint(activity: &str, declared_by: Option<&'static str>) -> String {
    let ty = declared_by.unwrap_or("YourActivity");
    format!(
        "No activity that the token can see has the slug `{activity}`, which `{ty}` describes: \
         create it and its attributes with `client.ensure_schema::<{ty}>()` (give the struct its \
         nouns first: #[attio_activity(slug = \"{activity}\", extends = \"...\", singular = \"...\", \
         plural = \"...\")]), or, if it exists under another slug, write that slug in \
         #[attio_activity(slug = \"...\")] (`client.activities()` lists every activity)"
    )
}

/// The hint for a 404 about the activity that `T` (an `#[attio_activity]` struct) describes;
/// added to every record operation on it.
pub(super) fn missing_activity<T: AttioObject>() -> ErrorHint {
    ErrorHint {
        about: about_an_activity,
        render: missing_activity_hint,
        name: Cow::Borrowed(T::SLUG),
        declared_by: Some(T::NAME),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::ActivitySchema;

    #[test]
    fn paths_bodies_and_what_may_be_repeated() {
        let first = page(None);
        assert_eq!(first.path, "/v2/activities?limit=100");
        assert_eq!(
            page(Some("a b")).path,
            "/v2/activities?limit=100&cursor=a+b"
        );
        let new = NewActivity::new(
            "site_visits",
            "Site visit",
            "Site visits",
            ActivitySchema::Calls,
        );
        let op = create(&new).unwrap();
        assert!(op.write && !op.idempotent);
        let body: serde_json::Value = serde_json::from_slice(op.body.as_deref().unwrap()).unwrap();
        assert_eq!(body["data"]["extends"], "calls");
        assert!(delete("site_visits").unwrap().idempotent);
        let empty = update("site_visits", &ActivityUpdate::new()).unwrap_err();
        assert!(empty.to_string().contains("changes nothing"), "{empty}");
        let bad = get("site/visits").unwrap_err().to_string();
        assert!(bad.contains("the activity \"site/visits\""), "{bad}");
    }

    #[test]
    fn a_missing_activity_says_how_to_create_it() {
        assert!(about_an_activity(
            &ErrorCode::NotFound,
            "Activity with slug/ID \"site_visits\" not found."
        ));
        assert!(!about_an_activity(
            &ErrorCode::NotFound,
            "Record with ID \"x\" not found."
        ));
        let hint = missing_activity_hint("site_visits", Some("SiteVisit"));
        assert!(
            hint.contains("client.ensure_schema::<SiteVisit>()"),
            "{hint}"
        );
        assert!(hint.contains("client.activities()"), "{hint}");
    }
}
