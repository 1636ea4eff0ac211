//! [`SchemaReport`]: how Rust structs and a live workspace disagree, each finding naming the Rust
//! field and the attribute, with what to write instead. Returned by a schema check, and carried
//! by [`Error::Schema`](crate::Error::Schema) when an "ensure" cannot make them agree.

use std::fmt;

use crate::values::{AttributeType, Cardinality};

/// Every way some structs and the live workspace disagree.
///
/// ```no_run
/// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
/// # async fn run(client: attio::Client) -> attio::Result<()> {
/// let report = client.check_schema::<User>().await?;
/// if !report.is_compatible() {
///     eprintln!("{report}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct SchemaReport {
    /// One report per checked struct, in the order they were given.
    pub types: Vec<TypeReport>,
}

impl SchemaReport {
    /// Whether every struct agrees with the workspace: no finding at all.
    pub fn is_compatible(&self) -> bool {
        self.types.iter().all(|t| t.findings.is_empty())
    }

    /// Every finding, of every struct.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.types.iter().flat_map(|t| &t.findings)
    }
}

impl fmt::Display for SchemaReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, report) in self.types.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{report}")?;
        }
        Ok(())
    }
}

/// How one struct disagrees with the object or list it describes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TypeReport {
    /// The struct's name, e.g. `"User"`.
    pub rust_type: &'static str,
    /// `"object"` or `"list"`.
    pub kind: &'static str,
    /// The object's or list's slug.
    pub slug: &'static str,
    /// What disagrees; empty when the struct agrees.
    pub findings: Vec<Finding>,
}

impl fmt::Display for TypeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (rust, kind, slug) = (self.rust_type, self.kind, self.slug);
        match self.findings.len() {
            0 => write!(f, "`{rust}` agrees with the {kind} `{slug}`"),
            n => {
                let s = if n == 1 { "" } else { "s" };
                write!(
                    f,
                    "`{rust}` disagrees with the {kind} `{slug}` in {n} way{s}:"
                )?;
                for finding in &self.findings {
                    write!(f, "\n  - {finding}")?;
                }
                Ok(())
            }
        }
    }
}

/// One disagreement: where (the Rust field and the attribute), what, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding {
    /// The struct, e.g. `"User"`.
    pub rust_type: &'static str,
    /// The Rust field, when the finding concerns one.
    pub field: Option<&'static str>,
    /// The attribute's slug (or the object's or list's, for [`Problem::MissingTarget`]).
    pub attribute: String,
    /// What disagrees.
    pub problem: Problem,
}

impl Finding {
    /// What to write (or do) instead.
    pub fn fix(&self) -> String {
        let field = self.field.unwrap_or("?");
        let attribute = &self.attribute;
        match &self.problem {
            Problem::MissingTarget { kind, creatable } => match creatable {
                true => format!(
                    "create it with `client.ensure_schema::<{}>()`, or check the slug",
                    self.rust_type
                ),
                false if *kind == "activity" => format!(
                    "check the slug in Attio's settings; to let `ensure_schema` create the activity, give the struct its nouns: #[attio_activity(slug = \"{attribute}\", extends = \"...\", singular = \"...\", plural = \"...\")]"
                ),
                false => format!(
                    "check the slug in Attio's settings; to let `ensure_schema` create the {kind}, give the struct its nouns: #[attio_object(slug = \"{attribute}\", singular = \"...\", plural = \"...\")]"
                ),
            },
            Problem::WrongSchema { live, .. } => format!(
                "an activity's schema cannot change after it is created (Attio refuses it): declare #[attio_activity(slug = \"{attribute}\", extends = \"{}\")], or delete the activity (`client.delete_activity_and_all_its_records`, which deletes its records) and create it again",
                live.first().map(String::as_str).unwrap_or("...")
            ),
            Problem::WrongParent { expected, .. } => format!(
                "make the struct's `parent` the struct of the object the list is over, or point the struct at a list over `{expected}`"
            ),
            Problem::MissingAttribute {
                nearest: Some(near),
            } => format!(
                "if the attribute is `{near}`, write #[attio(rename = \"{near}\")] on `{field}`; or create `{attribute}` with `client.ensure_schema::<{}>()`",
                self.rust_type
            ),
            Problem::MissingAttribute { nearest: None } => format!(
                "create it with `client.ensure_schema::<{}>()`, or name an existing attribute with #[attio(rename = \"...\")]",
                self.rust_type
            ),
            Problem::RenamedAttribute { live, .. } => format!(
                "if `{live}` is the attribute `{field}` means, write #[attio(rename = \"{live}\")] on `{field}`; if it was renamed by mistake, rename it back to `{attribute}` in Attio's settings (or with `client.update_attribute` and `AttributeUpdate::new().api_slug(\"{attribute}\")`); `ensure_schema` does not create `{attribute}` beside it, which would split the data between two attributes (if `{attribute}` is meant to be a new attribute, create it with `client.create_attribute`)"
            ),
            Problem::WrongType { fits, .. } => match fits {
                Some(ty) => format!("declare `{field}` as `{ty}`"),
                None => format!("mark `{field}` #[attio(read_only)] or remove it"),
            },
            Problem::Cardinality {
                live_multiselect,
                fits,
                ..
            } => match live_multiselect {
                true => format!("declare `{field}` as `{fits}` (the attribute holds many values)"),
                false => format!("declare `{field}` as `{fits}` (the attribute holds one value)"),
            },
            Problem::RequiredNotWritten { has_field: false } => {
                format!("add a field for `{attribute}` so that creates can send it")
            }
            Problem::RequiredNotWritten { has_field: true } => {
                format!("remove #[attio(read_only)] from `{field}` so that creates send it")
            }
            Problem::OptionalButRequired { fits } => {
                format!("declare `{field}` as `{fits}`, so that a create always sends a value")
            }
            Problem::NotWritable => format!("mark `{field}` #[attio(read_only)]"),
            Problem::Archived => format!(
                "restore it (`client.ensure_schema::<{}>()` does, or Attio's settings), or remove `{field}`",
                self.rust_type
            ),
            Problem::UnknownChoices { titles, status } => {
                let kind = if *status { "statuses" } else { "options" };
                format!(
                    "create the {kind} {} (`client.ensure_schema::<{}>()` does), or rename the variants to live titles with #[attio(rename = \"...\")]",
                    quoted(titles),
                    self.rust_type
                )
            }
            Problem::UncoveredChoices { .. } => {
                "add a variant for each, or a catch-all `#[attio(other)] Other(String)`".to_owned()
            }
            Problem::CannotCreate { reason } => reason.clone(),
            Problem::ReferenceNotAllowed { object, .. } => format!(
                "point `{field}` at an allowed object (`attio::Ref<…>` of its struct), use the untyped `attio::RecordReference`, or allow `{object}` on the attribute in Attio's settings"
            ),
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(
                f,
                "`{}::{field}` (attribute `{}`): ",
                self.rust_type, self.attribute
            )?,
            None => match &self.problem {
                Problem::MissingTarget { kind, .. } => {
                    write!(f, "the {kind} `{}`: ", self.attribute)?
                }
                Problem::WrongParent { .. } => write!(f, "the list `{}`: ", self.attribute)?,
                Problem::WrongSchema { .. } => write!(f, "the activity `{}`: ", self.attribute)?,
                _ => write!(f, "attribute `{}`: ", self.attribute)?,
            },
        }
        write!(f, "{}; {}", self.problem, self.fix())
    }
}

/// What disagrees between a struct and the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// The object or list does not exist (`creatable`: the struct says enough to create it).
    MissingTarget {
        /// `"object"` or `"list"`.
        kind: &'static str,
        /// Whether `ensure_schema` can create it.
        creatable: bool,
    },
    /// The activity extends another schema than the struct's `extends`. Attio cannot change the
    /// schema of an activity, so `ensure_schema` refuses it too.
    WrongSchema {
        /// The schema the struct declares.
        expected: crate::values::ActivitySchema,
        /// The schemas the activity extends.
        live: Vec<String>,
    },
    /// The list is over another object than the struct's `parent`.
    WrongParent {
        /// The parent the struct declares.
        expected: &'static str,
        /// The list's parent objects.
        live: Vec<String>,
    },
    /// No attribute has the field's slug (archived ones included).
    MissingAttribute {
        /// The live slug nearest to it, when one is close.
        nearest: Option<String>,
    },
    /// No attribute has the field's slug, but one that no other field reads looks like it
    /// renamed: it has the field's type, and the field's title or the slug nearest to the
    /// field's. `ensure_schema` refuses to create the field's attribute beside it, which would
    /// send new values to an empty attribute and leave the old ones in the renamed one.
    ///
    /// ```
    /// use attio::schema::{Finding, Problem};
    ///
    /// # fn show(finding: &Finding) {
    /// if let Problem::RenamedAttribute { live, .. } = &finding.problem {
    ///     eprintln!("`{}` was renamed to `{live}`: {}", finding.attribute, finding.fix());
    /// }
    /// # }
    /// ```
    RenamedAttribute {
        /// The slug of the live attribute it looks like.
        live: String,
        /// Whether that attribute has the field's title (otherwise its slug is the nearest).
        same_title: bool,
    },
    /// The attribute's type is not the field's.
    WrongType {
        /// The attribute's type.
        live: AttributeType,
        /// The field's.
        declared: AttributeType,
        /// The Rust type that fits, with the field's cardinality; `None` when the live type
        /// has no Rust value type.
        fits: Option<String>,
    },
    /// `Vec<T>` against a single-value attribute, or `T`/`Option<T>` against a multiselect one.
    Cardinality {
        /// Whether the attribute is multiselect.
        live_multiselect: bool,
        /// The field's cardinality.
        declared: Cardinality,
        /// The Rust type that fits.
        fits: String,
    },
    /// Attio requires a value on create, and the struct cannot send one.
    RequiredNotWritten {
        /// Whether the struct has a (read-only) field for it.
        has_field: bool,
    },
    /// Attio requires a value on create, and the field is `Option<T>`.
    OptionalButRequired {
        /// The Rust type that fits.
        fits: String,
    },
    /// The struct writes an attribute Attio does not let the API write.
    NotWritable,
    /// The attribute is archived.
    Archived,
    /// Enum variants with no live (unarchived) option or status.
    UnknownChoices {
        /// Their titles.
        titles: Vec<&'static str>,
        /// Statuses rather than options.
        status: bool,
    },
    /// Live options or statuses that an enum without a catch-all would fail to decode.
    UncoveredChoices {
        /// Their titles.
        titles: Vec<String>,
    },
    /// `ensure_schema` cannot create what the field needs (a status attribute on an object, an
    /// untyped reference, a type the API cannot create).
    CannotCreate {
        /// Why, and what to do.
        reason: String,
    },
    /// A `Ref<T>` to an object the attribute does not allow.
    ReferenceNotAllowed {
        /// The object `T` describes.
        object: &'static str,
        /// The objects the attribute allows.
        allowed: Vec<String>,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::MissingTarget { kind, .. } => write!(f, "the {kind} does not exist"),
            Problem::WrongSchema { expected, live } => {
                let live: Vec<String> = live.iter().map(|s| format!("`{s}`")).collect();
                let live = match live.is_empty() {
                    true => "no schema Attio names".to_owned(),
                    false => live.join(" and "),
                };
                write!(
                    f,
                    "the activity extends {live}, but the struct's `extends` is `{expected}`"
                )
            }
            Problem::WrongParent { expected, live } => write!(
                f,
                "the list is over {}, but the struct's parent is `{expected}`",
                quoted(live)
            ),
            Problem::MissingAttribute { nearest } => match nearest {
                Some(near) => write!(f, "no such attribute (the nearest is `{near}`)"),
                None => f.write_str("no such attribute"),
            },
            Problem::RenamedAttribute { live, same_title } => write!(
                f,
                "no such attribute, but `{live}` looks like the same attribute renamed ({})",
                if *same_title {
                    "the same type and title"
                } else {
                    "the same type, and the nearest slug"
                }
            ),
            Problem::WrongType { live, declared, .. } => write!(
                f,
                "the attribute is of type {live}, but the field holds {declared} values"
            ),
            Problem::Cardinality {
                live_multiselect, ..
            } => match live_multiselect {
                true => f.write_str("the attribute is multiselect, but the field holds one value"),
                false => f.write_str(
                    "the attribute holds one value, but the field is a `Vec` (multiselect)",
                ),
            },
            Problem::RequiredNotWritten { has_field } => match has_field {
                true => f.write_str("Attio requires a value on create, and the field is read-only"),
                false => f.write_str(
                    "Attio requires a value on create, and the struct has no field for it",
                ),
            },
            Problem::OptionalButRequired { .. } => f.write_str(
                "Attio requires a value on create, but the field is an `Option` that may send none",
            ),
            Problem::NotWritable => f.write_str(
                "Attio does not let the API write this attribute, but the field is written",
            ),
            Problem::Archived => f.write_str("the attribute is archived"),
            Problem::UnknownChoices { titles, status } => write!(
                f,
                "the enum names {} that the attribute does not have (or has archived)",
                match (titles.len(), status) {
                    (1, true) => format!("the status {}", quoted(titles)),
                    (1, false) => format!("the option {}", quoted(titles)),
                    (_, true) => format!("the statuses {}", quoted(titles)),
                    (_, false) => format!("the options {}", quoted(titles)),
                }
            ),
            Problem::UncoveredChoices { titles } => write!(
                f,
                "the attribute has {} that the enum does not name and has no catch-all for: reading a record that holds one fails",
                quoted(titles)
            ),
            Problem::CannotCreate { .. } => f.write_str("it is missing and cannot be created"),
            Problem::ReferenceNotAllowed { object, allowed } => write!(
                f,
                "the field references `{object}`, but the attribute allows only {}",
                if allowed.is_empty() {
                    "no object".to_owned()
                } else {
                    quoted(allowed)
                }
            ),
        }
    }
}

/// `"a", "b"` for a message.
fn quoted<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}
