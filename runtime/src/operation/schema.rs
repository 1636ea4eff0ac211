//! Schema operations: objects, the attributes of objects and lists, options and statuses.
//!
//! | operation | repeatable? | why |
//! |---|---|---|
//! | list, get (objects, attributes, options, statuses) | yes | reads |
//! | create (`POST`) | no | a repeat meets `slug_conflict` |
//! | update (`PATCH`) | yes | it sets what it names |
//! | delete an object (`DELETE /v2/objects/{object}`) | yes | a repeat finds no object |
//!
//! Nothing in a schema is deleted: attributes, options and statuses are archived by an update.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::{Method, Operation, data_body};
use crate::error::{Error, Result};
use crate::values::check_path_segment;
use crate::wire;
use crate::wire::schema::{
    Attribute, AttributeOption, AttributeStatus, AttributeUpdate, ChoiceUpdate, NewAttribute,
    NewObject, NewStatus, Object, ObjectUpdate, Target,
};

/// What a path segment keeps as it is: RFC 3986's unreserved characters.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Attio's largest page of attributes.
pub(crate) const ATTRIBUTE_PAGE: usize = 1000;

/// `what` (a slug or id) checked to stand in a path as it is.
fn segment(kind: &str, what: &str) -> Result<()> {
    check_path_segment(what).map_err(|reason| {
        Error::InvalidInput(format!(
            "the {kind} {what:?} cannot be named in a path: {reason}"
        ))
    })
}

fn object_path(object: &str) -> Result<String> {
    segment("object", object)?;
    Ok(format!("/v2/objects/{object}"))
}

/// `/v2/{objects|lists|activities}/{identifier}/attributes`, the target checked to stand in a
/// path.
pub(crate) fn attributes_path(target: &Target) -> Result<String> {
    segment(target.noun(), target.identifier())?;
    Ok(format!(
        "/v2/{}/{}/attributes",
        target.segment(),
        target.identifier()
    ))
}

fn attribute_path(target: &Target, attribute: &str) -> Result<String> {
    segment("attribute", attribute)?;
    Ok(format!("{}/{attribute}", attributes_path(target)?))
}

/// An option or status named by id or by title: a title is percent-encoded (`In Progress`).
fn choice_path(target: &Target, attribute: &str, kind: &str, choice: &str) -> Result<String> {
    if choice.is_empty() {
        return Err(Error::InvalidInput(format!(
            "an empty {kind} cannot be named: pass its id or its title"
        )));
    }
    Ok(format!(
        "{}/{kind}/{}",
        attribute_path(target, attribute)?,
        utf8_percent_encode(choice, SEGMENT)
    ))
}

fn nothing_to_change(what: &str, example: &str) -> Error {
    Error::InvalidInput(format!(
        "the update of {what} changes nothing (Attio refuses an empty update): set something, e.g. {example}"
    ))
}

/// `GET /v2/objects`: every object (not paginated).
pub(crate) fn objects() -> Operation<Vec<Object>> {
    Operation::read(Method::Get, "/v2/objects".into(), None, wire::decode_data)
}

/// `GET /v2/objects/{object}`.
pub(crate) fn get_object(object: &str) -> Result<Operation<Object>> {
    Ok(Operation::read(
        Method::Get,
        object_path(object)?,
        None,
        wire::decode_data,
    ))
}

/// `POST /v2/objects`: not repeatable (`slug_conflict`).
pub(crate) fn create_object(new: &NewObject) -> Result<Operation<Object>> {
    segment("object slug", &new.api_slug)?;
    Ok(Operation::write(
        Method::Post,
        "/v2/objects".into(),
        Some(data_body(new)?),
        false,
        wire::decode_data,
    ))
}

/// `DELETE /v2/objects/{object}`: the object and all its records.
pub(crate) fn delete_object(object: &str) -> Result<Operation<()>> {
    Ok(Operation::write(
        Method::Delete,
        object_path(object)?,
        None,
        true,
        wire::decode_nothing,
    ))
}

/// `PATCH /v2/objects/{object}`.
pub(crate) fn update_object(object: &str, update: &ObjectUpdate) -> Result<Operation<Object>> {
    if update.is_empty() {
        return Err(nothing_to_change(
            &format!("the object {object:?}"),
            "ObjectUpdate::new().plural_noun(\"Projects\")",
        ));
    }
    Ok(Operation::write(
        Method::Patch,
        object_path(object)?,
        Some(data_body(update)?),
        true,
        wire::decode_data,
    ))
}

/// `GET {attributes_path}?limit=&offset=&show_archived=`: one page.
pub(crate) fn attributes_page(
    attributes_path: &str,
    show_archived: bool,
    limit: usize,
    offset: usize,
) -> Operation<Vec<Attribute>> {
    Operation::read(
        Method::Get,
        format!("{attributes_path}?limit={limit}&offset={offset}&show_archived={show_archived}"),
        None,
        wire::decode_data,
    )
}

/// `GET …/attributes/{attribute}` (slug or id).
pub(crate) fn get_attribute(target: &Target, attribute: &str) -> Result<Operation<Attribute>> {
    Ok(Operation::read(
        Method::Get,
        attribute_path(target, attribute)?,
        None,
        wire::decode_data,
    ))
}

/// `POST …/attributes`: not repeatable (`slug_conflict`).
pub(crate) fn create_attribute(
    target: &Target,
    new: &NewAttribute,
) -> Result<Operation<Attribute>> {
    segment("attribute slug", &new.api_slug)?;
    if let Some(problem) = new.problem() {
        return Err(Error::InvalidInput(problem));
    }
    if new.attribute_type == crate::values::AttributeType::Status
        && matches!(target, Target::Object(_))
    {
        return Err(Error::InvalidInput(format!(
            "status attributes can only be created on lists, and `{}` would be on {target}: use a select attribute on objects, or Target::list(..)",
            new.api_slug
        )));
    }
    Ok(Operation::write(
        Method::Post,
        attributes_path(target)?,
        Some(data_body(new)?),
        false,
        wire::decode_data,
    ))
}

/// `PATCH …/attributes/{attribute}`.
pub(crate) fn update_attribute(
    target: &Target,
    attribute: &str,
    update: &AttributeUpdate,
) -> Result<Operation<Attribute>> {
    if update.is_empty() {
        return Err(nothing_to_change(
            &format!("the attribute {attribute:?} of {target}"),
            "AttributeUpdate::new().archived(false)",
        ));
    }
    Ok(Operation::write(
        Method::Patch,
        attribute_path(target, attribute)?,
        Some(data_body(update)?),
        true,
        wire::decode_data,
    ))
}

/// `GET …/options?show_archived=` (not paginated).
pub(crate) fn options(
    target: &Target,
    attribute: &str,
    show_archived: bool,
) -> Result<Operation<Vec<AttributeOption>>> {
    Ok(Operation::read(
        Method::Get,
        format!(
            "{}/options?show_archived={show_archived}",
            attribute_path(target, attribute)?
        ),
        None,
        wire::decode_data,
    ))
}

/// `POST …/options`: not repeatable (`slug_conflict`).
pub(crate) fn create_option(
    target: &Target,
    attribute: &str,
    title: &str,
) -> Result<Operation<AttributeOption>> {
    if title.trim().is_empty() {
        return Err(Error::InvalidInput(format!(
            "an option of the attribute `{attribute}` needs a title that is not blank"
        )));
    }
    Ok(Operation::write(
        Method::Post,
        format!("{}/options", attribute_path(target, attribute)?),
        Some(data_body(&serde_json::json!({ "title": title }))?),
        false,
        wire::decode_data,
    ))
}

/// `PATCH …/options/{option}` (id or title).
pub(crate) fn update_option(
    target: &Target,
    attribute: &str,
    option: &str,
    update: &ChoiceUpdate,
) -> Result<Operation<AttributeOption>> {
    if update.is_empty() {
        return Err(nothing_to_change(
            &format!("the option {option:?}"),
            "ChoiceUpdate::new().archived(true)",
        ));
    }
    if update.is_status_only() {
        return Err(Error::InvalidInput(format!(
            "the option {option:?} of `{attribute}` is a select option, which has no celebration or target time: those are for statuses (update_status)"
        )));
    }
    Ok(Operation::write(
        Method::Patch,
        choice_path(target, attribute, "options", option)?,
        Some(data_body(update)?),
        true,
        wire::decode_data,
    ))
}

/// `GET …/statuses?show_archived=` (not paginated).
pub(crate) fn statuses(
    target: &Target,
    attribute: &str,
    show_archived: bool,
) -> Result<Operation<Vec<AttributeStatus>>> {
    Ok(Operation::read(
        Method::Get,
        format!(
            "{}/statuses?show_archived={show_archived}",
            attribute_path(target, attribute)?
        ),
        None,
        wire::decode_data,
    ))
}

/// `POST …/statuses`: not repeatable (`slug_conflict`).
pub(crate) fn create_status(
    target: &Target,
    attribute: &str,
    new: &NewStatus,
) -> Result<Operation<AttributeStatus>> {
    if new.title.trim().is_empty() {
        return Err(Error::InvalidInput(format!(
            "a status of the attribute `{attribute}` needs a title that is not blank"
        )));
    }
    Ok(Operation::write(
        Method::Post,
        format!("{}/statuses", attribute_path(target, attribute)?),
        Some(data_body(new)?),
        false,
        wire::decode_data,
    ))
}

/// `PATCH …/statuses/{status}` (id or title).
pub(crate) fn update_status(
    target: &Target,
    attribute: &str,
    status: &str,
    update: &ChoiceUpdate,
) -> Result<Operation<AttributeStatus>> {
    if update.is_empty() {
        return Err(nothing_to_change(
            &format!("the status {status:?}"),
            "ChoiceUpdate::new().archived(true)",
        ));
    }
    Ok(Operation::write(
        Method::Patch,
        choice_path(target, attribute, "statuses", status)?,
        Some(data_body(update)?),
        true,
        wire::decode_data,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::AttributeType;

    #[test]
    fn paths() {
        let path = attributes_path(&Target::list("sales")).unwrap();
        let op = attributes_page(&path, true, 1000, 0);
        assert_eq!(
            op.path,
            "/v2/lists/sales/attributes?limit=1000&offset=0&show_archived=true"
        );
        let op = update_status(
            &Target::list("sales"),
            "stage",
            "Won 🎉",
            &ChoiceUpdate::new().archived(true),
        )
        .unwrap();
        assert_eq!(
            op.path,
            "/v2/lists/sales/attributes/stage/statuses/Won%20%F0%9F%8E%89"
        );
        assert!(op.idempotent);
        let op = create_object(&NewObject::new("projects", "Project", "Projects")).unwrap();
        assert!(!op.idempotent);
    }

    #[test]
    fn refused_before_sending() {
        let err = |r: Result<Operation<Attribute>>| match r {
            Err(e) => e.to_string(),
            Ok(_) => panic!("expected a refusal"),
        };
        let people = Target::object("people");
        assert!(
            err(get_attribute(&people, "a/b")).contains("cannot be named in a path"),
            "{}",
            err(get_attribute(&people, "a/b"))
        );
        let msg = err(create_attribute(
            &people,
            &NewAttribute::new("stage", "Stage", AttributeType::Status),
        ));
        assert!(msg.contains("only be created on lists"), "{msg}");
        let msg = err(create_attribute(
            &people,
            &NewAttribute::new("account", "Account", AttributeType::RecordReference),
        ));
        assert!(msg.contains(".allowed_objects"), "{msg}");
        let msg = err(update_attribute(&people, "name", &AttributeUpdate::new()));
        assert!(msg.contains("changes nothing"), "{msg}");
        let msg = match update_option(
            &people,
            "tier",
            "Gold",
            &ChoiceUpdate::new().celebration(true),
        ) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("expected a refusal"),
        };
        assert!(msg.contains("update_status"), "{msg}");
    }
}
