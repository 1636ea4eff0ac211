//! The objects the queries run over, and `Tagged`: what names a record in the assertions.

use attio::{
    ActorReference, Currency, Date, Domain, EmailAddress, Location, PersonalName, PhoneNumber,
    Queryable, Rating, Record, RecordReference, SelectOption, Status, Timestamp, attio_object,
};

/// A custom object with an attribute of every filterable type a user can create.
#[attio_object(slug = "gizmos")]
#[derive(Debug, Clone)]
pub(crate) struct Gizmo {
    pub(crate) label: String,
    pub(crate) weight: Option<f64>,
    pub(crate) in_stock: Option<bool>,
    pub(crate) price: Option<Currency>,
    pub(crate) launch_date: Option<Date>,
    pub(crate) seen_at: Option<Timestamp>,
    pub(crate) stars: Option<Rating>,
    pub(crate) colour: Option<SelectOption>,
    pub(crate) tags: Vec<SelectOption>,
    pub(crate) maker: Option<RecordReference>,
    pub(crate) steward: Option<ActorReference>,
    pub(crate) site: Option<Location>,
    pub(crate) hotline: Option<PhoneNumber>,
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
pub(crate) struct Company {
    pub(crate) name: String,
    pub(crate) domains: Vec<Domain>,
}

#[attio_object(slug = "people")]
#[derive(Debug, Clone)]
pub(crate) struct Person {
    /// The test's name for the person.
    pub(crate) job_title: Option<String>,
    pub(crate) email_addresses: Vec<EmailAddress>,
    pub(crate) name: Option<PersonalName>,
    pub(crate) phone_numbers: Vec<PhoneNumber>,
    pub(crate) primary_location: Option<Location>,
}

#[attio_object(slug = "deals")]
#[derive(Debug, Clone)]
pub(crate) struct Deal {
    pub(crate) name: String,
    pub(crate) stage: Status,
    pub(crate) owner: ActorReference,
    pub(crate) value: Option<Currency>,
}

/// What names a record in the assertions.
pub(crate) trait Tagged: Queryable<Item = Record<Self>> + Send + 'static {
    fn tag(&self) -> String;
}

impl Tagged for Gizmo {
    fn tag(&self) -> String {
        self.label.clone()
    }
}

impl Tagged for Company {
    fn tag(&self) -> String {
        self.name.clone()
    }
}

impl Tagged for Person {
    fn tag(&self) -> String {
        self.job_title.clone().unwrap_or_default()
    }
}

impl Tagged for Deal {
    fn tag(&self) -> String {
        self.name.clone()
    }
}
