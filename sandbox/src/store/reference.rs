//! Record-reference inputs: `{target_object, target_record_id}`, a matching attribute, or a bare
//! string naming a standard object's unique value.

use serde_json::Value;

use super::row::Target;
use super::state::Store;
use crate::error::ApiError;
use crate::schema::Attribute;
use crate::values::{Workspace, normalise, value_key};

impl Store {
    /// Resolves a record-reference input to `(target object slug, target record id)`.
    pub fn resolve_reference(
        &self,
        attr: &Attribute,
        item: &Value,
    ) -> Result<(String, String), ApiError> {
        let allowed = |oi: usize| {
            attr.allowed_object_ids
                .as_ref()
                .is_none_or(|ids| ids.contains(&self.objects[oi].id))
        };
        let bad_object = |key: &str| {
            ApiError::value_not_found(format!(
                "Object with slug/ID \"{key}\" is not allowed for attribute \"{}\".",
                attr.api_slug
            ))
        };
        let (oi, match_attr, match_input) = match item {
            Value::Object(m) => {
                let target = m
                    .get("target_object")
                    .and_then(Value::as_str)
                    .ok_or_else(|| {
                        ApiError::validation("A record reference needs a target_object.")
                    })?;
                let oi = self.object_index(target).map_err(|_| bad_object(target))?;
                if !allowed(oi) {
                    return Err(bad_object(target));
                }
                if let Some(id) = m.get("target_record_id") {
                    let id = id.as_str().ok_or_else(|| {
                        ApiError::validation("target_record_id must be a string.")
                    })?;
                    if m.len() != 2 {
                        return Err(ApiError::validation(
                            "A record reference has target_object and target_record_id only.",
                        ));
                    }
                    self.record(oi, id).map_err(|_| {
                        ApiError::value_not_found(format!(
                            "Record with ID \"{id}\" in object \"{target}\" not found."
                        ))
                    })?;
                    return Ok((self.objects[oi].api_slug.clone(), id.to_owned()));
                }
                let mut rest = m.iter().filter(|(k, _)| *k != "target_object");
                let (Some((key, value)), None) = (rest.next(), rest.next()) else {
                    return Err(ApiError::validation(
                        "A record reference needs target_record_id or exactly one matching attribute.",
                    ));
                };
                let input = match value {
                    Value::Array(items) if items.len() == 1 => items[0].clone(),
                    Value::Array(_) => {
                        return Err(ApiError::validation(
                            "A matching attribute takes exactly one value in an array.",
                        ));
                    }
                    other => other.clone(),
                };
                (oi, key.clone(), input)
            }
            Value::String(s) => {
                let ids = attr.allowed_object_ids.as_deref().unwrap_or(&[]);
                let [only] = ids else {
                    return Err(ApiError::validation(format!(
                        "A bare string can only reference a record when attribute \"{}\" allows exactly one object.",
                        attr.api_slug
                    )));
                };
                let oi = self.object_index(only)?;
                let key = match self.objects[oi].api_slug.as_str() {
                    "companies" => "domains",
                    "people" => "email_addresses",
                    "users" => "user_id",
                    "workspaces" => "workspace_id",
                    other => {
                        return Err(ApiError::validation(format!(
                            "A bare string cannot reference a record of object \"{other}\"; use {{target_object, target_record_id}}."
                        )));
                    }
                };
                (oi, key.to_owned(), Value::String(s.clone()))
            }
            _ => {
                return Err(ApiError::validation(
                    "A record reference must be an object or a string.",
                ));
            }
        };
        let object = &self.objects[oi];
        let target_attr = object.attribute(&match_attr).ok_or_else(|| {
            ApiError::value_not_found(format!(
                "Cannot find attribute with slug/ID \"{match_attr}\" on \"{}\".",
                object.api_slug
            ))
        })?;
        if !target_attr.is_unique {
            return Err(ApiError::validation(format!(
                "Matching attribute \"{match_attr}\" is not unique."
            )));
        }
        let body = normalise(self, target_attr, &match_input)?;
        let key = value_key(target_attr.ty, &body);
        let found = self.find_by_value(Target::Object(oi), target_attr, &key);
        let record = found.first().ok_or_else(|| {
            ApiError::value_not_found(format!(
                "No record of \"{}\" matches {match_attr} = {match_input}.",
                object.api_slug
            ))
        })?;
        Ok((object.api_slug.clone(), record.id.clone()))
    }
}

/// What value normalisation asks of the workspace.
impl Workspace for Store {
    fn ids_for_attribute(&self, attr_id: &str) -> (String, String) {
        Store::ids_for_attribute(self, attr_id)
    }

    fn resolve_reference(
        &self,
        attr: &Attribute,
        item: &Value,
    ) -> Result<(String, String), ApiError> {
        Store::resolve_reference(self, attr, item)
    }

    fn member_id_by_email(&self, email: &str) -> Option<String> {
        self.member_by_email(email).map(|m| m.id.clone())
    }

    fn has_member(&self, id: &str) -> bool {
        self.members.iter().any(|m| m.id == id)
    }
}
