//! Lists: `GET|POST /v2/lists`, `GET|PATCH /v2/lists/{list}`, and the rules of creating and
//! updating one. List attributes, options and statuses are the schema resource's (`{target}` =
//! `lists`).

use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::http::{Request, data, only_fields, str_field};
use crate::schema::{Object, system_attributes};
use crate::store::{List, Store};
use crate::util::{format_ns, is_snake_case};

/// `GET /v2/lists`.
pub(super) fn list(store: &Store, _: &Request<'_>) -> Result<Value, ApiError> {
    Ok(data(
        store
            .lists
            .iter()
            .map(|l| l.to_json(&store.workspace_id, &store.objects))
            .collect(),
    ))
}

/// `POST /v2/lists`.
pub(super) fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let li = store.create_list(req.data()?)?;
    Ok(render_list(store, li))
}

/// `GET /v2/lists/{list}`.
pub(super) fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    Ok(render_list(store, store.list_index(req.path("list"))?))
}

/// `PATCH /v2/lists/{list}`.
pub(super) fn update(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let li = store.list_index(req.path("list"))?;
    store.update_list(li, req.data()?)?;
    Ok(render_list(store, li))
}

fn render_list(store: &Store, li: usize) -> Value {
    data(store.lists[li].to_json(&store.workspace_id, &store.objects))
}

/// The access levels Attio knows, for the workspace and for members.
const LEVELS: [&str; 3] = ["full-access", "read-and-write", "read-only"];

impl Store {
    fn check_list_slug(&self, slug: &str, except: Option<usize>) -> Result<(), ApiError> {
        if !is_snake_case(slug) {
            return Err(ApiError::validation(
                "api_slug must be snake_case ASCII (a-z, 0-9 and _).",
            ));
        }
        let taken = self
            .lists
            .iter()
            .enumerate()
            .any(|(i, l)| Some(i) != except && l.schema.api_slug == slug);
        if taken {
            return Err(ApiError::slug_conflict(format!(
                "A list with api_slug \"{slug}\" already exists."
            )));
        }
        Ok(())
    }

    fn workspace_access(v: &Value) -> Result<Option<String>, ApiError> {
        match v {
            Value::Null => Ok(None),
            Value::String(s) if LEVELS.contains(&s.as_str()) => Ok(Some(s.clone())),
            _ => Err(ApiError::validation(
                "workspace_access must be \"full-access\", \"read-and-write\", \"read-only\" or null.",
            )),
        }
    }

    fn member_access(&self, v: &Value) -> Result<Vec<(String, String)>, ApiError> {
        let items = v.as_array().ok_or_else(|| {
            ApiError::validation(
                "workspace_member_access must be an array of {workspace_member_id, level}.",
            )
        })?;
        let mut out: Vec<(String, String)> = Vec::new();
        for item in items {
            let (Some(id), Some(level)) = (
                item.get("workspace_member_id").and_then(Value::as_str),
                item.get("level").and_then(Value::as_str),
            ) else {
                return Err(ApiError::validation(
                    "Each workspace_member_access item needs workspace_member_id and level strings.",
                ));
            };
            if !LEVELS.contains(&level) {
                return Err(ApiError::validation(format!(
                    "Unknown access level \"{level}\"."
                )));
            }
            if !self.members.iter().any(|m| m.id == id) {
                return Err(ApiError::value_not_found(format!(
                    "Workspace member with ID \"{id}\" not found."
                )));
            }
            out.retain(|(m, _)| m != id);
            out.push((id.to_owned(), level.to_owned()));
        }
        Ok(out)
    }

    fn check_full_access(
        workspace: &Option<String>,
        members: &[(String, String)],
    ) -> Result<(), ApiError> {
        let full = "full-access";
        if workspace.as_deref() == Some(full) || members.iter().any(|(_, l)| l == full) {
            Ok(())
        } else {
            Err(ApiError::validation(
                "A list needs workspace_access \"full-access\" or at least one full-access member.",
            ))
        }
    }

    /// `POST /v2/lists`: creates a list over one parent object, with the system attributes
    /// `created_at` and `created_by`. Returns its index.
    fn create_list(&mut self, d: &Map<String, Value>) -> Result<usize, ApiError> {
        only_fields(
            d,
            &[
                "name",
                "api_slug",
                "parent_object",
                "workspace_access",
                "workspace_member_access",
            ],
        )?;
        let name = str_field(d, "name")?;
        if name.trim().is_empty() {
            return Err(ApiError::validation("name must not be empty."));
        }
        let slug = str_field(d, "api_slug")?;
        let parent = str_field(d, "parent_object")?;
        let (Some(access), Some(members)) =
            (d.get("workspace_access"), d.get("workspace_member_access"))
        else {
            return Err(ApiError::validation(
                "data.workspace_access and data.workspace_member_access are required.",
            ));
        };
        let access = Self::workspace_access(access)?;
        let members = self.member_access(members)?;
        self.check_list_slug(slug, None)?;
        let oi = self.object_index(parent).map_err(|_| {
            ApiError::not_found(format!(
                "Parent object with slug/ID \"{parent}\" not found."
            ))
        })?;
        Self::check_full_access(&access, &members)?;
        let now = format_ns(self.tick());
        let id = self.rng.uuid();
        let mut attributes = system_attributes(&mut self.rng, &now);
        attributes.retain(|a| a.api_slug != "record_id");
        self.lists.push(List {
            schema: Object {
                id,
                api_slug: slug.to_owned(),
                singular_noun: name.to_owned(),
                plural_noun: name.to_owned(),
                created_at: now,
                attributes,
                system: false,
            },
            name: name.to_owned(),
            parent_object_ids: vec![self.objects[oi].id.clone()],
            workspace_access: access,
            member_access: members,
            created_by: json!({"type": "api-token", "id": self.token_id}),
        });
        Ok(self.lists.len() - 1)
    }

    /// `PATCH /v2/lists/{list}`: name, api_slug and access; the parent object cannot change.
    fn update_list(&mut self, li: usize, d: &Map<String, Value>) -> Result<(), ApiError> {
        if d.is_empty() {
            return Err(ApiError::empty_payload());
        }
        if d.contains_key("parent_object") {
            return Err(ApiError::immutable(
                "The parent object of a list cannot be changed.",
            ));
        }
        only_fields(
            d,
            &[
                "name",
                "api_slug",
                "workspace_access",
                "workspace_member_access",
            ],
        )?;
        let mut list = self.lists[li].clone();
        for (key, v) in d {
            match key.as_str() {
                "name" => {
                    let name = v
                        .as_str()
                        .filter(|s| !s.trim().is_empty())
                        .ok_or_else(|| ApiError::validation("name must be a non-empty string."))?;
                    list.name = name.to_owned();
                    list.schema.singular_noun = name.to_owned();
                    list.schema.plural_noun = name.to_owned();
                }
                "api_slug" => {
                    let slug = v
                        .as_str()
                        .ok_or_else(|| ApiError::validation("api_slug must be a string."))?;
                    self.check_list_slug(slug, Some(li))?;
                    list.schema.api_slug = slug.to_owned();
                }
                "workspace_access" => list.workspace_access = Self::workspace_access(v)?,
                "workspace_member_access" => list.member_access = self.member_access(v)?,
                _ => {}
            }
        }
        Self::check_full_access(&list.workspace_access, &list.member_access)?;
        self.lists[li] = list;
        Ok(())
    }
}
