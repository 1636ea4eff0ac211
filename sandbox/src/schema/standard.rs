//! The standard objects (`people`, `companies`, `deals`, `users`, `workspaces`) with their
//! attributes, and the system attributes every object and list has.

use super::types::{AttrType, Attribute, Object, SelectOption, Status};
use crate::util::Rng;

/// The documented option id of `companies.categories` "3D Printing" (examples/select.json).
pub const DOC_OPTION_ID: &str = "14938464-cae9-4e50-8856-0fb584844f24";
/// The documented status id of `deals.stage` "In Progress" (examples/status.json).
pub const DOC_STATUS_ID: &str = "11f07f01-c10f-4e05-a522-33e050bc52ee";

struct Spec<'a> {
    slug: &'a str,
    title: &'a str,
    ty: AttrType,
    flags: &'a str,
    target: Option<(&'a str, &'a str)>,
}

const fn a<'a>(slug: &'a str, title: &'a str, ty: AttrType, flags: &'a str) -> Spec<'a> {
    Spec {
        slug,
        title,
        ty,
        flags,
        target: None,
    }
}

const fn r<'a>(
    slug: &'a str,
    title: &'a str,
    flags: &'a str,
    obj: &'a str,
    inverse: &'a str,
) -> Spec<'a> {
    Spec {
        slug,
        title,
        ty: AttrType::RecordReference,
        flags,
        target: Some((obj, inverse)),
    }
}

use AttrType as T;

/// Flags: `m` multiselect, `u` unique, `q` required, `r` read-only.
const PEOPLE: &[Spec<'static>] = &[
    a("email_addresses", "Email addresses", T::EmailAddress, "mu"),
    a("name", "Name", T::PersonalName, ""),
    r("company", "Company", "", "companies", "team"),
    a("description", "Description", T::Text, ""),
    a("job_title", "Job title", T::Text, ""),
    a("phone_numbers", "Phone numbers", T::PhoneNumber, "m"),
    a("primary_location", "Primary location", T::Location, ""),
    a("angellist", "AngelList", T::Text, ""),
    a("facebook", "Facebook", T::Text, ""),
    a("instagram", "Instagram", T::Text, ""),
    a("linkedin", "LinkedIn", T::Text, ""),
    a("twitter", "Twitter", T::Text, ""),
    a("avatar_url", "Avatar URL", T::Text, ""),
    r(
        "associated_deals",
        "Associated deals",
        "m",
        "deals",
        "associated_people",
    ),
    r(
        "associated_users",
        "Associated users",
        "m",
        "users",
        "person",
    ),
    a(
        "twitter_follower_count",
        "Twitter follower count",
        T::Number,
        "r",
    ),
    a(
        "first_email_interaction",
        "First email interaction",
        T::Interaction,
        "r",
    ),
    a(
        "last_email_interaction",
        "Last email interaction",
        T::Interaction,
        "r",
    ),
];

const COMPANIES: &[Spec<'static>] = &[
    a("domains", "Domains", T::Domain, "mu"),
    a("name", "Name", T::Text, ""),
    a("description", "Description", T::Text, ""),
    r("team", "Team", "m", "people", "company"),
    a("categories", "Categories", T::Select, "m"),
    a("primary_location", "Primary location", T::Location, ""),
    a("angellist", "AngelList", T::Text, ""),
    a("facebook", "Facebook", T::Text, ""),
    a("instagram", "Instagram", T::Text, ""),
    a("linkedin", "LinkedIn", T::Text, ""),
    a("twitter", "Twitter", T::Text, ""),
    a("foundation_date", "Foundation date", T::Date, ""),
    r(
        "associated_deals",
        "Associated deals",
        "m",
        "deals",
        "associated_company",
    ),
    r(
        "associated_workspaces",
        "Associated workspaces",
        "m",
        "workspaces",
        "company",
    ),
    a("logo_url", "Logo URL", T::Text, "r"),
    a("funding_raised_usd", "Funding raised", T::Currency, "r"),
    a(
        "first_email_interaction",
        "First email interaction",
        T::Interaction,
        "r",
    ),
    a(
        "last_email_interaction",
        "Last email interaction",
        T::Interaction,
        "r",
    ),
];

const DEALS: &[Spec<'static>] = &[
    a("name", "Deal name", T::Text, "q"),
    a("stage", "Deal stage", T::Status, "q"),
    a("owner", "Deal owner", T::ActorReference, "q"),
    a("value", "Deal value", T::Currency, ""),
    r(
        "associated_people",
        "Associated people",
        "m",
        "people",
        "associated_deals",
    ),
    r(
        "associated_company",
        "Associated company",
        "",
        "companies",
        "associated_deals",
    ),
];

const USERS: &[Spec<'static>] = &[
    a("user_id", "ID", T::Text, "uq"),
    a("primary_email_address", "Email", T::EmailAddress, "uq"),
    r("person", "Person", "", "people", "associated_users"),
    r("workspace", "Workspace", "", "workspaces", "users"),
];

const WORKSPACES: &[Spec<'static>] = &[
    a("workspace_id", "Workspace ID", T::Text, "uq"),
    a("name", "Name", T::Text, ""),
    r("users", "Users", "m", "users", "workspace"),
    r(
        "company",
        "Company",
        "",
        "companies",
        "associated_workspaces",
    ),
    a("avatar_url", "Avatar URL", T::Text, "r"),
];

/// The system attributes every object has: `record_id`, `created_at`, `created_by`.
pub fn system_attributes(rng: &mut Rng, now: &str) -> Vec<Attribute> {
    let mut out = Vec::new();
    for (slug, title, ty) in [
        ("record_id", "Record ID", T::Text),
        ("created_at", "Created at", T::Timestamp),
        ("created_by", "Created by", T::ActorReference),
    ] {
        let mut attr = Attribute::new(rng, now, slug, title, ty);
        attr.is_system = true;
        attr.is_writable = false;
        out.push(attr);
    }
    out
}

/// Builds the standard objects `people`, `companies`, `deals`, `users` and `workspaces`.
pub fn standard_objects(rng: &mut Rng, now: &str) -> Vec<Object> {
    let defs: [(&str, &str, &str, &[Spec<'static>]); 5] = [
        ("people", "Person", "People", PEOPLE),
        ("companies", "Company", "Companies", COMPANIES),
        ("deals", "Deal", "Deals", DEALS),
        ("users", "User", "Users", USERS),
        ("workspaces", "Workspace", "Workspaces", WORKSPACES),
    ];
    let mut objects: Vec<Object> = defs
        .iter()
        .map(|(slug, singular, plural, specs)| {
            let mut attributes = system_attributes(rng, now);
            for spec in specs.iter() {
                let mut attr = Attribute::new(rng, now, spec.slug, spec.title, spec.ty);
                attr.is_system = true;
                attr.is_multiselect = spec.flags.contains('m');
                attr.is_unique = spec.flags.contains('u');
                attr.is_required = spec.flags.contains('q');
                attr.is_writable = !spec.flags.contains('r') && spec.ty != T::Interaction;
                if let Some((target, inverse)) = spec.target {
                    attr.relationship = Some((target.to_owned(), inverse.to_owned()));
                    // Object ids are filled in below, once every object exists.
                    attr.allowed_object_ids = Some(vec![target.to_owned()]);
                }
                attributes.push(attr);
            }
            Object {
                id: rng.uuid(),
                api_slug: (*slug).to_owned(),
                singular_noun: (*singular).to_owned(),
                plural_noun: (*plural).to_owned(),
                created_at: now.to_owned(),
                attributes,
                system: true,
            }
        })
        .collect();
    let ids: Vec<(String, String)> = objects
        .iter()
        .map(|o| (o.api_slug.clone(), o.id.clone()))
        .collect();
    for obj in &mut objects {
        for attr in &mut obj.attributes {
            if let Some(allowed) = &mut attr.allowed_object_ids {
                for slug in allowed.iter_mut() {
                    if let Some((_, id)) = ids.iter().find(|(s, _)| s == slug) {
                        *slug = id.clone();
                    }
                }
            }
            match (obj.api_slug.as_str(), attr.api_slug.as_str()) {
                ("companies", "categories") => {
                    for (i, title) in [
                        "3D Printing",
                        "Aerospace & Defense",
                        "B2B",
                        "B2C",
                        "SaaS",
                        "Fintech",
                        "Healthcare",
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        let id = if i == 0 {
                            DOC_OPTION_ID.to_owned()
                        } else {
                            rng.uuid()
                        };
                        attr.options.push(SelectOption {
                            id,
                            title: title.to_owned(),
                            is_archived: false,
                        });
                    }
                }
                ("deals", "stage") => {
                    for title in ["Lead", "In Progress", "Won 🎉", "Lost"] {
                        let id = if title == "In Progress" {
                            DOC_STATUS_ID.to_owned()
                        } else {
                            rng.uuid()
                        };
                        attr.statuses.push(Status {
                            id,
                            title: title.to_owned(),
                            is_archived: false,
                            celebration_enabled: title.starts_with("Won"),
                            target_time_in_status: None,
                        });
                    }
                }
                ("deals", "value") | ("companies", "funding_raised_usd") => {
                    attr.currency_code = Some("USD".to_owned());
                }
                _ => {}
            }
        }
    }
    objects
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_objects_have_their_attributes() {
        let objects = standard_objects(&mut Rng::new(7), "2024-01-01T00:00:00.000000000Z");
        let slugs: Vec<_> = objects.iter().map(|o| o.api_slug.as_str()).collect();
        assert_eq!(
            slugs,
            ["people", "companies", "deals", "users", "workspaces"]
        );
        let people = &objects[0];
        let email = people.attribute("email_addresses").unwrap();
        assert!(email.is_unique && email.is_multiselect);
        let companies_id = &objects[1].id;
        assert_eq!(
            people
                .attribute("company")
                .unwrap()
                .allowed_object_ids
                .as_deref(),
            Some(&[companies_id.clone()][..])
        );
        assert_eq!(objects[2].attribute("stage").unwrap().statuses.len(), 4);
        for t in AttrType::ALL {
            assert_eq!(AttrType::parse(t.as_str()), Some(t));
        }
    }
}
