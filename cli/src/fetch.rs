//! Reading a workspace's schema into [`crate::model`]: its objects, lists, attributes, options
//! and statuses, with a line of progress on stderr per request batch.

use std::collections::BTreeMap;
use std::io::Write;

use attio::schema::{Attribute, Target};
use attio::{AttributeType, Client};

use crate::Error;
use crate::model::{AttributeSpec, Choice, ListSpec, ObjectSpec};

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
    Error::UnknownSlug(format!(
        "the workspace has no {kind} with the slug `{slug}`{nearest}; {list}\nhint: {flag} takes an api slug (such as `people`, as in the URL of its settings in Attio), not a title"
    ))
}

/// Reads the objects `object_slugs` and the lists `list_slugs`, each with its live attributes
/// and their options and statuses. A list's parent object is read too when it is not among
/// `object_slugs` (entry structs name their parent's struct), and said so on `progress`.
pub async fn load(
    client: &Client,
    object_slugs: &[String],
    list_slugs: &[String],
    progress: &mut dyn Write,
) -> Result<(Vec<ObjectSpec>, Vec<ListSpec>), Error> {
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
    Ok((objects, lists))
}

/// Which object or list `slug` is: objects first.
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
    Err(unknown(
        "object or list",
        "objects and lists",
        slug,
        &all,
        "`attio schema`",
    ))
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
    let listing = client.attributes(target.clone());
    let listing = if with_archived {
        listing.with_archived()
    } else {
        listing
    };
    let attributes = listing
        .collect_all()
        .await
        .map_err(|e| Error::api(format!("reading the attributes of {target}"), e, base))?;
    let mut out = Vec::with_capacity(attributes.len());
    for attribute in attributes {
        let choices = match attribute.attribute_type {
            AttributeType::Select => client
                .options(target, &attribute.api_slug, true)
                .await
                .map_err(|e| {
                    Error::api(
                        format!(
                            "reading the options of `{}` of {target}",
                            attribute.api_slug
                        ),
                        e,
                        base,
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
                    Error::api(
                        format!(
                            "reading the statuses of `{}` of {target}",
                            attribute.api_slug
                        ),
                        e,
                        base,
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

/// For `attio schema`: the attributes of the object or list `slug`, archived ones included.
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
