//! Checking structs against the live workspace: what each struct promises ([`Contract`]), what
//! the workspace has ([`Live`], read once per check), and the comparison, a pure function of the
//! two that the plan ([`super::plan`]) builds on.

use std::collections::HashMap;

use crate::client::Client;
use crate::error::{Error, Finding, Problem, Result, TypeReport};
use crate::values::{AttioObject, AttributeType, Cardinality, FieldInfo, ObjectKind};
use crate::wire::nearest_attribute;
use crate::wire::schema::{Attribute, Target};

/// What one `#[attio_object]` or `#[attio_list]` struct promises about the workspace: its slug,
/// what it is, and its fields' attributes. Several are checked (or ensured) in one call.
///
/// ```
/// use attio::schema::Contract;
///
/// #[attio::attio_object(slug = "users")]
/// struct User {
///     #[attio(unique)]
///     user_id: String,
///     /// Primary email
///     primary_email_address: attio::EmailAddress,
/// }
///
/// let contract = Contract::of::<User>();
/// assert_eq!(contract.slug, "users");
/// assert!(contract.fields[0].unique);
/// assert_eq!(contract.fields[1].title, "Primary email");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Contract {
    /// The struct's name.
    pub name: &'static str,
    /// The object's or list's slug.
    pub slug: &'static str,
    /// An object or a list.
    pub kind: ObjectKind,
    /// The fields.
    pub fields: &'static [FieldInfo],
}

impl Contract {
    /// The contract of `T`.
    pub fn of<T: AttioObject>() -> Self {
        Contract {
            name: T::NAME,
            slug: T::SLUG,
            kind: T::KIND,
            fields: T::FIELDS,
        }
    }

    /// Where its attributes live.
    pub fn target(&self) -> Target {
        Target::of_kind(self.kind, self.slug)
    }

    /// `"object"`, `"list"` or `"activity"`.
    pub(crate) fn kind_name(&self) -> &'static str {
        self.kind.noun()
    }

    /// Whether `ensure_schema` can create the object, list or activity.
    pub(crate) fn creatable(&self) -> bool {
        match self.kind {
            ObjectKind::Object { nouns } | ObjectKind::Activity { nouns, .. } => nouns.is_some(),
            ObjectKind::List { .. } => true,
        }
    }

    fn finding(&self, field: Option<&'static str>, attribute: &str, problem: Problem) -> Finding {
        Finding {
            rust_type: self.name,
            field,
            attribute: attribute.to_owned(),
            problem,
        }
    }
}

/// One option or status as the check sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LiveChoice {
    pub(crate) title: String,
    pub(crate) archived: bool,
}

/// What the workspace has for one contract.
#[derive(Debug, Clone, Default)]
pub(crate) struct Live {
    /// Whether the object or list exists.
    pub(crate) exists: bool,
    /// A list's parent objects.
    pub(crate) parent: Vec<String>,
    /// The schemas an activity extends, by slug.
    pub(crate) extends: Vec<String>,
    /// Every attribute, archived ones too.
    pub(crate) attributes: Vec<Attribute>,
    /// The options or statuses (archived ones too) of the select and status attributes that an
    /// enum field names, by attribute slug.
    pub(crate) choices: HashMap<String, Vec<LiveChoice>>,
}

impl Live {
    pub(crate) fn attribute(&self, slug: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.api_slug == slug)
    }
}

/// Object ids to slugs, to read the allowed objects of record-reference attributes (Attio gives
/// ids).
pub(crate) type ObjectSlugs = HashMap<String, String>;

/// Reads what the workspace has for `contract`: one read of the object or list, one of its
/// attributes (archived too), and one per enum field of its options or statuses.
pub(crate) async fn read_live(client: &Client, contract: &Contract) -> Result<Live> {
    let mut live = Live::default();
    let exists = match contract.kind {
        ObjectKind::Object { .. } => client.get_object(contract.slug).await.map(|_| ()),
        ObjectKind::List { .. } => client.get_list(contract.slug).await.map(|list| {
            live.parent = list.parent_object;
        }),
        ObjectKind::Activity { .. } => client.activity(contract.slug).await.map(|activity| {
            live.extends = activity
                .extends
                .into_iter()
                .map(|s| s.schema_slug)
                .collect();
        }),
    };
    match exists {
        Ok(()) => live.exists = true,
        Err(e) if is_not_found(&e) => return Ok(live),
        Err(e) => return Err(e),
    }
    let target = contract.target();
    live.attributes = client
        .attributes(target.clone())
        .with_archived()
        .collect_all()
        .await?;
    // From now on, a create in doubt is resolved through the attributes Attio keeps unique.
    client.remember_unique(&target, &live.attributes);
    // And errors that name these attributes by id say which they are.
    for attribute in &live.attributes {
        let field = contract
            .fields
            .iter()
            .find(|f| f.slug == attribute.api_slug)
            .map(|f| format!("{}::{}", contract.name, f.name));
        client.remember_attribute(
            attribute.id.attribute_id.as_str(),
            &attribute.api_slug,
            field,
        );
    }
    for field in contract.fields {
        if field.value.choices.is_none() || live.choices.contains_key(field.slug) {
            continue;
        }
        let Some(attribute) = live.attribute(field.slug) else {
            continue;
        };
        let choices = match attribute.attribute_type {
            AttributeType::Select => client
                .options(&target, field.slug, true)
                .await?
                .into_iter()
                .map(|o| LiveChoice {
                    title: o.title,
                    archived: o.is_archived,
                })
                .collect(),
            AttributeType::Status => client
                .statuses(&target, field.slug, true)
                .await?
                .into_iter()
                .map(|s| LiveChoice {
                    title: s.title,
                    archived: s.is_archived,
                })
                .collect(),
            _ => continue,
        };
        live.choices.insert(field.slug.to_owned(), choices);
    }
    Ok(live)
}

/// Every object's id and slug, when some contract has a typed reference to check.
pub(crate) async fn read_object_slugs(
    client: &Client,
    contracts: &[Contract],
) -> Result<ObjectSlugs> {
    let references = contracts
        .iter()
        .flat_map(|c| c.fields)
        .any(|f| f.value.references.is_some());
    if !references {
        return Ok(ObjectSlugs::new());
    }
    Ok(client
        .objects()
        .await?
        .into_iter()
        .filter_map(|o| Some((o.id.object_id.as_str().to_owned(), o.api_slug?)))
        .collect())
}

fn is_not_found(e: &Error) -> bool {
    e.status() == Some(404)
}

/// The Rust type inside a field's `Option<…>` or `Vec<…>`.
pub(crate) fn inner_type(field: &FieldInfo) -> &'static str {
    let ty = field.rust_type;
    for wrapper in ["Option<", "Vec<"] {
        if let Some(inner) = ty.strip_prefix(wrapper).and_then(|t| t.strip_suffix('>')) {
            return inner;
        }
    }
    ty
}

fn wrap(inner: &str, cardinality: Cardinality) -> String {
    match cardinality {
        Cardinality::Required => inner.to_owned(),
        Cardinality::Optional => format!("Option<{inner}>"),
        Cardinality::Multiple => format!("Vec<{inner}>"),
    }
}

/// Every way `contract` and `live` disagree.
pub(crate) fn compare(contract: &Contract, live: &Live, objects: &ObjectSlugs) -> TypeReport {
    let mut findings = Vec::new();
    let mut report = |finding: Finding| findings.push(finding);
    if !live.exists {
        report(contract.finding(
            None,
            contract.slug,
            Problem::MissingTarget {
                kind: contract.kind_name(),
                creatable: contract.creatable(),
            },
        ));
        return TypeReport {
            rust_type: contract.name,
            kind: contract.kind_name(),
            slug: contract.slug,
            findings,
        };
    }
    if let ObjectKind::List { parent } = contract.kind
        && !live.parent.iter().any(|p| p == parent)
    {
        report(contract.finding(
            None,
            contract.slug,
            Problem::WrongParent {
                expected: parent,
                live: live.parent.clone(),
            },
        ));
    }
    if let ObjectKind::Activity { extends, .. } = contract.kind
        && !live.extends.iter().any(|s| s == extends.as_str())
    {
        report(contract.finding(
            None,
            contract.slug,
            Problem::WrongSchema {
                expected: extends,
                live: live.extends.clone(),
            },
        ));
    }
    for field in contract.fields {
        let at = |problem| contract.finding(Some(field.name), field.slug, problem);
        let Some(attribute) = live.attribute(field.slug) else {
            let near = nearest_attribute(
                field.slug,
                live.attributes.iter().map(|a| a.api_slug.as_str()),
            );
            report(at(Problem::MissingAttribute { nearest: near }));
            continue;
        };
        if attribute.is_archived {
            report(at(Problem::Archived));
        }
        if attribute.attribute_type != field.attribute_type {
            let fits = attribute
                .attribute_type
                .rust_type()
                .map(|inner| wrap(inner, live_cardinality(attribute, field)));
            report(at(Problem::WrongType {
                live: attribute.attribute_type.clone(),
                declared: field.attribute_type.clone(),
                fits,
            }));
            continue;
        }
        let multiple = field.cardinality == Cardinality::Multiple;
        if multiple != attribute.is_multiselect {
            report(at(Problem::Cardinality {
                live_multiselect: attribute.is_multiselect,
                declared: field.cardinality,
                fits: wrap(inner_type(field), live_cardinality(attribute, field)),
            }));
        }
        if !field.read_only && !attribute.is_writable {
            report(at(Problem::NotWritable));
        }
        if attribute.is_required && attribute.is_writable && !attribute.is_default_value_enabled {
            if field.read_only {
                report(at(Problem::RequiredNotWritten { has_field: true }));
            } else if field.cardinality == Cardinality::Optional {
                report(at(Problem::OptionalButRequired {
                    fits: inner_type(field).to_owned(),
                }));
            }
        }
        if let Some(choices) = field.value.choices {
            let live_choices = live
                .choices
                .get(field.slug)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let status = attribute.attribute_type == AttributeType::Status;
            let unknown: Vec<&'static str> = choices
                .titles
                .iter()
                .copied()
                .filter(|t| !live_choices.iter().any(|c| c.title == *t && !c.archived))
                .collect();
            if !unknown.is_empty() {
                report(at(Problem::UnknownChoices {
                    titles: unknown,
                    status,
                }));
            }
            if !choices.catch_all {
                let uncovered: Vec<String> = live_choices
                    .iter()
                    .filter(|c| !c.archived && !choices.titles.contains(&c.title.as_str()))
                    .map(|c| c.title.clone())
                    .collect();
                if !uncovered.is_empty() {
                    report(at(Problem::UncoveredChoices { titles: uncovered }));
                }
            }
        }
        if let Some(object) = field.value.references {
            let allowed = attribute
                .config
                .record_reference
                .as_ref()
                .and_then(|r| r.allowed_object_ids.as_ref());
            if let Some(ids) = allowed {
                let slugs: Vec<String> = ids
                    .iter()
                    .map(|id| objects.get(id).cloned().unwrap_or_else(|| id.clone()))
                    .collect();
                if !slugs.iter().any(|s| s == object) {
                    report(at(Problem::ReferenceNotAllowed {
                        object,
                        allowed: slugs,
                    }));
                }
            }
        }
    }
    for attribute in &live.attributes {
        let required = attribute.is_required
            && attribute.is_writable
            && !attribute.is_archived
            && !attribute.is_default_value_enabled;
        if required && !contract.fields.iter().any(|f| f.slug == attribute.api_slug) {
            report(contract.finding(
                None,
                &attribute.api_slug,
                Problem::RequiredNotWritten { has_field: false },
            ));
        }
    }
    TypeReport {
        rust_type: contract.name,
        kind: contract.kind_name(),
        slug: contract.slug,
        findings,
    }
}

/// The cardinality a field must have for `attribute`: `Vec` for a multiselect, else the field's
/// own `T` or `Option<T>`.
fn live_cardinality(attribute: &Attribute, field: &FieldInfo) -> Cardinality {
    match (attribute.is_multiselect, field.cardinality) {
        (true, _) => Cardinality::Multiple,
        (false, Cardinality::Multiple) => Cardinality::Optional,
        (false, declared) => declared,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attribute(slug: &str, ty: &str, multiselect: bool) -> Attribute {
        serde_json::from_value(serde_json::json!({
            "id": {"workspace_id": "w", "object_id": "o", "attribute_id": format!("a-{slug}")},
            "title": slug, "api_slug": slug, "type": ty, "is_multiselect": multiselect,
            "is_writable": true,
        }))
        .unwrap()
    }

    /// The live options of `tier`: `(title, archived)`.
    fn tier(options: &[(&str, bool)]) -> HashMap<String, Vec<LiveChoice>> {
        let live = options
            .iter()
            .map(|(title, archived)| LiveChoice {
                title: (*title).to_owned(),
                archived: *archived,
            })
            .collect();
        HashMap::from([("tier".to_owned(), live)])
    }

    #[derive(Debug, Clone, Copy, PartialEq, crate::SelectEnum)]
    enum Tier {
        Gold,
        Silver,
    }

    #[crate::attio_object(slug = "companies")]
    struct Company {
        name: String,
        domains: Vec<crate::Domain>,
        tier: Option<Tier>,
        employees: Option<f64>,
    }

    fn problems(report: &TypeReport) -> Vec<(&str, &Problem)> {
        report
            .findings
            .iter()
            .map(|f| (f.attribute.as_str(), &f.problem))
            .collect()
    }

    #[test]
    fn a_matching_workspace_has_no_findings() {
        let live = Live {
            exists: true,
            attributes: vec![
                attribute("name", "text", false),
                attribute("domains", "domain", true),
                attribute("tier", "select", false),
                attribute("employees", "number", false),
            ],
            choices: tier(&[("Gold", false), ("Silver", false)]),
            ..Live::default()
        };
        let report = compare(&Contract::of::<Company>(), &live, &ObjectSlugs::new());
        assert!(report.findings.is_empty(), "{report}");
    }

    #[test]
    fn drift_is_named_field_by_field() {
        let employees = attribute("employee_count", "number", false);
        let live = Live {
            exists: true,
            attributes: vec![
                attribute("name", "text", true),
                attribute("domains", "domain", false),
                attribute("tier", "select", false),
                employees,
            ],
            choices: tier(&[("Gold", false), ("Silver", true), ("Bronze", false)]),
            ..Live::default()
        };
        let report = compare(&Contract::of::<Company>(), &live, &ObjectSlugs::new());
        let found = problems(&report);
        assert_eq!(found.len(), 5, "{report}");
        assert!(matches!(
            found[0],
            ("name", Problem::Cardinality { live_multiselect: true, fits, .. }) if fits == "Vec<String>"
        ));
        assert!(matches!(
            found[1],
            ("domains", Problem::Cardinality { live_multiselect: false, fits, .. }) if fits == "Option<crate::Domain>"
        ));
        assert!(
            matches!(found[2], ("tier", Problem::UnknownChoices { titles, .. }) if titles == &["Silver"])
        );
        assert!(
            matches!(found[3], ("tier", Problem::UncoveredChoices { titles }) if titles == &["Bronze"])
        );
        assert!(matches!(
            found[4],
            ("employees", Problem::MissingAttribute { nearest: Some(n) }) if n == "employee_count"
        ));
        let text = report.to_string();
        assert!(text.contains("`Company::employees` (attribute `employees`): no such attribute (the nearest is `employee_count`); if the attribute is `employee_count`, write #[attio(rename = \"employee_count\")] on `employees`"), "{text}");
    }

    #[test]
    fn a_missing_object_is_one_finding() {
        let report = compare(
            &Contract::of::<Company>(),
            &Live::default(),
            &ObjectSlugs::new(),
        );
        assert!(matches!(
            problems(&report)[..],
            [(
                "companies",
                Problem::MissingTarget {
                    kind: "object",
                    creatable: false
                }
            )]
        ));
        assert!(
            report.to_string().contains("singular = \"...\""),
            "{report}"
        );
    }
}
