//! What the generator and the schema table read: a workspace's objects, lists, activities and
//! attributes, as plain data (built from Attio's answers by [`crate::fetch`], or by hand in tests).

use attio::{ActivitySchema, AttributeType};

/// An object to generate a struct for.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectSpec {
    /// Its api slug, `people`.
    pub slug: String,
    /// `Person`: the struct's name, when it makes one.
    pub singular_noun: Option<String>,
    /// `People`.
    pub plural_noun: Option<String>,
    /// Its attributes, in Attio's order.
    pub attributes: Vec<AttributeSpec>,
}

/// A list to generate an entry struct for.
#[derive(Debug, Clone, PartialEq)]
pub struct ListSpec {
    /// Its api slug, `sales_pipeline`.
    pub slug: String,
    /// Its name in Attio's web app, `Sales pipeline`.
    pub name: String,
    /// The api slug of the object its entries' parent records belong to.
    pub parent_object: String,
    /// Its attributes, in Attio's order.
    pub attributes: Vec<AttributeSpec>,
}

/// An activity to generate a struct for its records.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivitySpec {
    /// Its api slug, `site_visits`.
    pub slug: String,
    /// `Site visit`: the struct's name, when it makes one.
    pub singular_noun: String,
    /// `Site visits`.
    pub plural_noun: String,
    /// The schema it extends (`extends = "interactions"`).
    pub extends: ActivitySchema,
    /// Its attributes, in Attio's order.
    pub attributes: Vec<AttributeSpec>,
}

/// One attribute of an object, a list or an activity.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributeSpec {
    /// Its api slug.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Its description.
    pub description: Option<String>,
    /// Its type.
    pub attribute_type: AttributeType,
    /// It holds many values.
    pub is_multiselect: bool,
    /// New records must have a value.
    pub is_required: bool,
    /// Values must be unique.
    pub is_unique: bool,
    /// The API can write it.
    pub is_writable: bool,
    /// It is archived.
    pub is_archived: bool,
    /// A select or status attribute's options or statuses, in Attio's order.
    pub choices: Vec<Choice>,
    /// A record reference's allowed objects, by slug; `None` for any object.
    pub allowed_objects: Option<Vec<String>>,
}

/// An option of a select attribute, or a status of a status attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Its title.
    pub title: String,
    /// It is archived.
    pub is_archived: bool,
}

impl Choice {
    /// A live option titled `title`.
    pub fn new(title: impl Into<String>) -> Self {
        Choice {
            title: title.into(),
            is_archived: false,
        }
    }
}

impl AttributeSpec {
    /// A single-value, optional, writable, non-unique, live attribute.
    ///
    /// ```
    /// use attio_cli::model::AttributeSpec;
    /// let name = AttributeSpec::new("name", "Name", attio::AttributeType::Text).required();
    /// assert!(name.is_required && !name.is_multiselect);
    /// ```
    pub fn new(slug: impl Into<String>, title: impl Into<String>, ty: AttributeType) -> Self {
        AttributeSpec {
            slug: slug.into(),
            title: title.into(),
            description: None,
            attribute_type: ty,
            is_multiselect: false,
            is_required: false,
            is_unique: false,
            is_writable: true,
            is_archived: false,
            choices: Vec::new(),
            allowed_objects: None,
        }
    }

    /// Holds many values.
    pub fn multiselect(mut self) -> Self {
        self.is_multiselect = true;
        self
    }

    /// Required on create.
    pub fn required(mut self) -> Self {
        self.is_required = true;
        self
    }

    /// Not writable through the API.
    pub fn read_only(mut self) -> Self {
        self.is_writable = false;
        self
    }

    /// With these options or statuses.
    pub fn choices<I: IntoIterator<Item = S>, S: Into<String>>(mut self, titles: I) -> Self {
        self.choices = titles.into_iter().map(Choice::new).collect();
        self
    }

    /// A record reference to these objects.
    pub fn allowed<I: IntoIterator<Item = S>, S: Into<String>>(mut self, objects: I) -> Self {
        self.allowed_objects = Some(objects.into_iter().map(Into::into).collect());
        self
    }

    /// Whether a struct field for it must be `#[attio(read_only)]`: Attio says it is not
    /// writable, or its type never is (`interaction`).
    pub fn is_read_only(&self) -> bool {
        !self.is_writable || !self.attribute_type.is_writable()
    }

    /// Whether its values are options or statuses, which the generator turns into an enum.
    pub fn has_choices(&self) -> bool {
        matches!(
            self.attribute_type,
            AttributeType::Select | AttributeType::Status
        )
    }
}

/// How many values a field holds, from an attribute's flags: `Vec<T>` for a multiselect
/// attribute, `T` for a required one, `Option<T>` otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cardinality {
    /// `T`
    One,
    /// `Option<T>`
    Optional,
    /// `Vec<T>`
    Many,
}

impl Cardinality {
    /// The cardinality of a field for `attribute`.
    ///
    /// ```
    /// use attio::AttributeType::Text;
    /// use attio_cli::model::{AttributeSpec, Cardinality};
    /// assert_eq!(Cardinality::of(&AttributeSpec::new("a", "A", Text)), Cardinality::Optional);
    /// assert_eq!(Cardinality::of(&AttributeSpec::new("a", "A", Text).required()), Cardinality::One);
    /// assert_eq!(Cardinality::of(&AttributeSpec::new("a", "A", Text).multiselect()), Cardinality::Many);
    /// ```
    pub fn of(attribute: &AttributeSpec) -> Self {
        if attribute.is_multiselect {
            Cardinality::Many
        } else if attribute.is_required {
            Cardinality::One
        } else {
            Cardinality::Optional
        }
    }
}
