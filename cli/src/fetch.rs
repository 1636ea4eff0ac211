//! Reading a workspace's schema into [`crate::model`]: its objects, lists, activities,
//! attributes, options and statuses, with a line of progress on stderr per request batch.

use std::collections::BTreeMap;
use std::io::Write;

use attio::activities::Activity;
use attio::schema::{Attribute, Target};
use attio::{ActivitySchema, AttributeType, Client};

use crate::Error;
use crate::error::{ACTIVITY_SCOPES, OBJECT_SCOPES};
use crate::model::{ActivitySpec, AttributeSpec, Choice, ListSpec, ObjectSpec};

/// A client for the workspace named by `ATTIO_API_KEY`, at `ATTIO_BASE_URL` if set; an error
/// that says how to set them otherwise.
pub fn client_from_env() -> Result<Client, Error> {
    client_from(
        std::env::var(attio::API_KEY_ENV).ok(),
        std::env::var(attio::BASE_URL_ENV).ok(),
    )
}

/// A client from an API key and an optional base URL (what [`client_from_env`] reads).
pub fn client_from(api_key: Option<String>, base_url: Option<String>) -> Result<Client, Error> {
    let key = match api_key {
        Some(key) if !key.trim().is_empty() => key,
        _ => {
            return Err(Error::Setup(format!(
                "{key} is not set, so there is no workspace to read.\n\
                 hint: create an access token in Attio (Settings → Developers → Access tokens, with the \
                 object_configuration:read and list_configuration:read scopes) and run `export {key}=<token>`;\n\
                 hint: to try `attio` without an account, start the sandbox with `cargo run -p attio-sandbox -- --api-key test` \
                 and run `export {key}=test {base}=<the URL it prints>`",
                key = attio::API_KEY_ENV,
                base = attio::BASE_URL_ENV,
            )));
        }
    };
    let mut builder = Client::builder().api_key(key);
    if let Some(url) = base_url.filter(|u| !u.trim().is_empty()) {
        builder = builder.base_url(url);
    }
    builder.build().map_err(|e| {
        Error::Setup(format!(
            "cannot make a client from {} and {}: {e}",
            attio::API_KEY_ENV,
            attio::BASE_URL_ENV
        ))
    })
}

/// The workspace's objects, by slug, and a map from object ids to slugs.
struct Objects {
    slugs: Vec<String>,
    by_id: BTreeMap<String, String>,
    nouns: BTreeMap<String, (Option<String>, Option<String>)>,
}

async fn objects(client: &Client) -> Result<Objects, Error> {
    let all = client
        .objects()
        .await
        .map_err(|e| Error::api("listing the workspace's objects", e, client.base_url()))?;
    let mut out = Objects {
        slugs: Vec::new(),
        by_id: BTreeMap::new(),
        nouns: BTreeMap::new(),
    };
    for object in all {
        if let Some(slug) = object.api_slug {
            out.by_id
                .insert(object.id.object_id.to_string(), slug.clone());
            out.nouns
                .insert(slug.clone(), (object.singular_noun, object.plural_noun));
            out.slugs.push(slug);
        }
    }
    Ok(out)
}

fn unknown(kind: &str, kinds: &str, slug: &str, known: &[String], flag: &str) -> Error {
    Error::UnknownSlug(unknown_message(kind, kinds, slug, known, flag))
}

fn unknown_message(kind: &str, kinds: &str, slug: &str, known: &[String], flag: &str) -> String {
    let nearest = known
        .iter()
        .map(|k| (strsim::jaro_winkler(slug, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default();
    let list = if known.is_empty() {
        "the workspace has none".to_owned()
    } else {
        format!(
            "its {kinds} are: {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let example = if kind == "activity" {
        "site_visits"
    } else {
        "people"
    };
    format!(
        "the workspace has no {kind} with the slug `{slug}`{nearest}; {list}\nhint: {flag} takes an api slug (such as `{example}`, as in the URL of its settings in Attio), not a title"
    )
}

/// Every activity of the workspace, system and custom.
async fn all_activities(client: &Client) -> Result<Vec<Activity>, Error> {
    client.activities().collect_all().await.map_err(|e| {
        let not_served = e.status() == Some(404);
        let mut error = Error::api_needing(
            "listing the workspace's activities",
            e,
            client.base_url(),
            ACTIVITY_SCOPES,
        );
        if let (true, Error::Api { hint, .. }) = (not_served, &mut error) {
            hint.push_str(&format!(
                "\nhint: {} does not serve activities (they are in alpha at Attio, and may not be on for this workspace)",
                client.base_url()
            ));
        }
        error
    })
}

/// The activities `slugs` (each once, in order), checked against the workspace's before
/// anything else is read: an unknown slug, or an activity that extends a schema this version
/// does not know, fails early.
async fn wanted_activities(
    client: &Client,
    slugs: &[String],
) -> Result<Vec<(Activity, ActivitySchema)>, Error> {
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    let all = all_activities(client).await?;
    let mut out: Vec<(Activity, ActivitySchema)> = Vec::new();
    for slug in slugs {
        if out.iter().any(|(a, _)| &a.api_slug == slug) {
            continue;
        }
        let Some(activity) = all.iter().find(|a| &a.api_slug == slug) else {
            let known: Vec<String> = all.iter().map(|a| a.api_slug.clone()).collect();
            return Err(unknown(
                "activity",
                "activities",
                slug,
                &known,
                "--activity",
            ));
        };
        let extended: Vec<&str> = activity
            .extends
            .iter()
            .map(|e| e.schema_slug.as_str())
            .collect();
        let schema = activity_schema(slug, activity.schema(), &extended)?;
        out.push((activity.clone(), schema));
    }
    Ok(out)
}

/// The schema the activity `slug` extends, for `#[attio_activity(extends = "…")]`: `schema`
/// (what [`Activity::schema`] found among the slugs Attio gave, `extended`), or an error that
/// says what Attio gave instead of one of the four schemas.
fn activity_schema(
    slug: &str,
    schema: Option<ActivitySchema>,
    extended: &[&str],
) -> Result<ActivitySchema, Error> {
    if let Some(schema) = schema {
        return Ok(schema);
    }
    let known = ActivitySchema::ALL
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let what = match extended {
        [] => "Attio names no schema it extends".to_owned(),
        [one] => format!("it extends `{one}`, which is not one of them"),
        many => format!(
            "it extends {}, none of which is one of them",
            many.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    };
    Err(Error::Unsupported(format!(
        "cannot generate the activity `{slug}`: #[attio::attio_activity] needs the schema it extends, one of {known}, but {what}\n\
         hint: a newer attio-cli may know that schema (`cargo install attio-cli`); until then leave out `--activity {slug}`"
    )))
}

/// What [`load`] reads: objects, lists and activities.
pub type Loaded = (Vec<ObjectSpec>, Vec<ListSpec>, Vec<ActivitySpec>);

/// Reads the objects `object_slugs`, the lists `list_slugs` and the activities
/// `activity_slugs`, each with its live attributes and their options and statuses. A list's
/// parent object is read too when it is not among `object_slugs` (entry structs name their
/// parent's struct), and said so on `progress`. A record reference names the struct of the one
/// object it allows only when that object is read too, as for objects: it is not added.
pub async fn load(
    client: &Client,
    object_slugs: &[String],
    list_slugs: &[String],
    activity_slugs: &[String],
    progress: &mut dyn Write,
) -> Result<Loaded, Error> {
    let base = client.base_url().to_owned();
    say(progress, format_args!("reading the workspace at {base}"));
    let known = objects(client).await?;
    let mut wanted: Vec<String> = Vec::new();
    for slug in object_slugs {
        if !known.slugs.contains(slug) {
            return Err(unknown("object", "objects", slug, &known.slugs, "--object"));
        }
        if !wanted.contains(slug) {
            wanted.push(slug.clone());
        }
    }
    let activities = wanted_activities(client, activity_slugs).await?;
    let mut lists = Vec::new();
    if !list_slugs.is_empty() {
        let all = client
            .lists()
            .await
            .map_err(|e| Error::api("listing the workspace's lists", e, &base))?;
        let list_known: Vec<String> = all.iter().map(|l| l.api_slug.clone()).collect();
        let mut seen = Vec::new();
        for slug in list_slugs {
            if seen.contains(slug) {
                continue;
            }
            seen.push(slug.clone());
            let Some(list) = all.iter().find(|l| &l.api_slug == slug) else {
                return Err(unknown("list", "lists", slug, &list_known, "--list"));
            };
            let Some(parent) = list.parent_object.first() else {
                return Err(Error::Setup(format!(
                    "the list `{slug}` has no parent object, so its entries cannot be typed"
                )));
            };
            // Attio names the parent by slug; older lists by id.
            let parent = known.by_id.get(parent).unwrap_or(parent).clone();
            if !wanted.contains(&parent) {
                say(
                    progress,
                    format_args!(
                        "adding the object `{parent}`: the entries of the list `{slug}` belong to its records"
                    ),
                );
                wanted.push(parent.clone());
            }
            let target = Target::list(slug.clone());
            say(progress, format_args!("reading the list `{slug}`"));
            lists.push(ListSpec {
                slug: slug.clone(),
                name: list.name.clone(),
                parent_object: parent,
                attributes: attributes(client, &target, false, &known.by_id).await?,
            });
        }
    }
    let mut objects = Vec::new();
    for slug in wanted {
        say(progress, format_args!("reading the object `{slug}`"));
        let (singular_noun, plural_noun) = known.nouns.get(&slug).cloned().unwrap_or_default();
        let target = Target::object(slug.clone());
        objects.push(ObjectSpec {
            attributes: attributes(client, &target, false, &known.by_id).await?,
            slug,
            singular_noun,
            plural_noun,
        });
    }
    let mut activity_specs = Vec::with_capacity(activities.len());
    for (activity, extends) in activities {
        let slug = activity.api_slug;
        say(progress, format_args!("reading the activity `{slug}`"));
        let target = Target::activity(slug.clone());
        activity_specs.push(ActivitySpec {
            attributes: attributes(client, &target, false, &known.by_id).await?,
            slug,
            singular_noun: activity.singular_noun,
            plural_noun: activity.plural_noun,
            extends,
        });
    }
    Ok((objects, lists, activity_specs))
}

/// Which object, list or activity `slug` is: objects first, then lists, then activities.
///
/// Activities are looked at last, and only for a slug that is no object or list; when they
/// cannot be listed (a token without their scope, a workspace without them), the answer is
/// that the slug is no object or list, with why activities were not searched.
async fn find_target(client: &Client, slug: &str, known: &Objects) -> Result<Target, Error> {
    if known.slugs.iter().any(|s| s == slug) {
        return Ok(Target::object(slug));
    }
    let lists = client
        .lists()
        .await
        .map_err(|e| Error::api("listing the workspace's lists", e, client.base_url()))?;
    if lists.iter().any(|l| l.api_slug == slug) {
        return Ok(Target::list(slug));
    }
    let mut all = known.slugs.clone();
    all.extend(lists.into_iter().map(|l| l.api_slug));
    match all_activities(client).await {
        Ok(activities) => {
            if activities.iter().any(|a| a.api_slug == slug) {
                return Ok(Target::activity(slug));
            }
            all.extend(activities.into_iter().map(|a| a.api_slug));
            Err(unknown(
                "object, list or activity",
                "objects, lists and activities",
                slug,
                &all,
                "`attio schema`",
            ))
        }
        Err(error) => Err(Error::UnknownSlug(format!(
            "{}\nnote: activities were not searched: {error}",
            unknown_message(
                "object or list",
                "objects and lists",
                slug,
                &all,
                "`attio schema`"
            )
        ))),
    }
}

/// The attributes of `target` (archived ones too when `with_archived`), each with its options
/// or statuses (archived ones included, marked).
pub async fn attributes(
    client: &Client,
    target: &Target,
    with_archived: bool,
    object_slugs: &BTreeMap<String, String>,
) -> Result<Vec<AttributeSpec>, Error> {
    let base = client.base_url();
    let scopes = match target {
        Target::Activity(_) => ACTIVITY_SCOPES,
        _ => OBJECT_SCOPES,
    };
    let api = |doing: String, e: attio::Error| Error::api_needing(doing, e, base, scopes);
    let listing = client.attributes(target.clone());
    let listing = if with_archived {
        listing.with_archived()
    } else {
        listing
    };
    let attributes = listing
        .collect_all()
        .await
        .map_err(|e| api(format!("reading the attributes of {target}"), e))?;
    let mut out = Vec::with_capacity(attributes.len());
    for attribute in attributes {
        let choices = match attribute.attribute_type {
            AttributeType::Select => client
                .options(target, &attribute.api_slug, true)
                .await
                .map_err(|e| {
                    api(
                        format!(
                            "reading the options of `{}` of {target}",
                            attribute.api_slug
                        ),
                        e,
                    )
                })?
                .into_iter()
                .map(|o| Choice {
                    title: o.title,
                    is_archived: o.is_archived,
                })
                .collect(),
            AttributeType::Status => client
                .statuses(target, &attribute.api_slug, true)
                .await
                .map_err(|e| {
                    api(
                        format!(
                            "reading the statuses of `{}` of {target}",
                            attribute.api_slug
                        ),
                        e,
                    )
                })?
                .into_iter()
                .map(|s| Choice {
                    title: s.title,
                    is_archived: s.is_archived,
                })
                .collect(),
            _ => Vec::new(),
        };
        out.push(spec(attribute, choices, object_slugs));
    }
    Ok(out)
}

/// A client's attribute as the generator's model: allowed object ids become slugs.
fn spec(
    attribute: Attribute,
    choices: Vec<Choice>,
    object_slugs: &BTreeMap<String, String>,
) -> AttributeSpec {
    let allowed_objects = if attribute.attribute_type == AttributeType::RecordReference {
        attribute
            .config
            .record_reference
            .and_then(|r| r.allowed_object_ids)
            .map(|ids| {
                ids.into_iter()
                    .map(|id| object_slugs.get(&id).cloned().unwrap_or(id))
                    .collect()
            })
    } else {
        None
    };
    AttributeSpec {
        slug: attribute.api_slug,
        title: attribute.title,
        description: attribute.description,
        attribute_type: attribute.attribute_type,
        is_multiselect: attribute.is_multiselect,
        is_required: attribute.is_required,
        is_unique: attribute.is_unique,
        is_writable: attribute.is_writable,
        is_archived: attribute.is_archived,
        choices,
        allowed_objects,
    }
}

/// For `attio schema`: the attributes of the object, list or activity `slug`, archived ones
/// included.
pub async fn schema_of(client: &Client, slug: &str) -> Result<(Target, Vec<AttributeSpec>), Error> {
    let known = objects(client).await?;
    let target = find_target(client, slug, &known).await?;
    let attributes = attributes(client, &target, true, &known.by_id).await?;
    Ok((target, attributes))
}

/// One line of progress; a closed stderr is not worth failing for.
fn say(progress: &mut dyn Write, line: std::fmt::Arguments<'_>) {
    let _ = writeln!(progress, "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_activity_takes_the_schema_attio_gives() {
        let schema = activity_schema(
            "site_visits",
            Some(ActivitySchema::Interactions),
            &["interactions"],
        );
        assert_eq!(schema.ok(), Some(ActivitySchema::Interactions));
    }

    #[test]
    fn an_activity_of_an_unknown_schema_says_so_and_what_to_do() {
        let err = activity_schema("site_visits", None, &["meetings"])
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "cannot generate the activity `site_visits`: #[attio::attio_activity] needs the schema it extends, \
                 one of `activities`, `interactions`, `calls`, `emails`, but it extends `meetings`, which is not one of them\n"
            ),
            "{err}"
        );
        assert!(err.contains("leave out `--activity site_visits`"), "{err}");
        assert!(err.contains("cargo install attio-cli"), "{err}");

        let err = activity_schema("site_visits", None, &["meetings", "webinars"])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("it extends `meetings` and `webinars`, none of which is one of them"),
            "{err}"
        );
        let err = activity_schema("site_visits", None, &[])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("but Attio names no schema it extends"),
            "{err}"
        );
        assert!(matches!(
            activity_schema("x", None, &[]),
            Err(Error::Unsupported(_))
        ));
    }

    #[test]
    fn an_unknown_activity_suggests_the_nearest_and_names_the_flag() {
        let known = ["site_visits".to_owned(), "phone_calls".to_owned()];
        let err = unknown("activity", "activities", "site_visit", &known, "--activity").to_string();
        assert_eq!(
            err,
            "the workspace has no activity with the slug `site_visit` (did you mean `site_visits`?); \
             its activities are: `site_visits`, `phone_calls`\n\
             hint: --activity takes an api slug (such as `site_visits`, as in the URL of its settings in Attio), not a title"
        );
    }
}
