//! The `#[attio_object]` structs the tests share: the seed's User, the standard objects, the
//! `gadgets` custom object with every writable type, and the `read_only` / `rename` views.

use attio::{
    ActorReference, Currency, Date, Domain, EmailAddress, Interaction, Location, PersonalName,
    PhoneNumber, Rating, RecordReference, SelectOption, Status, Timestamp, WithMeta, attio_object,
};
pub(crate) use attio_tests::{User, UserWithMeta};

#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Person {
    pub(crate) email_addresses: Vec<EmailAddress>,
    pub(crate) name: Option<PersonalName>,
    pub(crate) job_title: Option<String>,
    pub(crate) phone_numbers: Vec<PhoneNumber>,
    pub(crate) primary_location: Option<Location>,
    /// The other side of `users.person`, kept in step by Attio.
    #[attio(read_only)]
    pub(crate) associated_users: Vec<RecordReference>,
}

#[attio_object(slug = "workspaces")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Workspace {
    pub(crate) workspace_id: String,
    pub(crate) name: Option<String>,
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Company {
    pub(crate) name: Option<String>,
    pub(crate) domains: Vec<Domain>,
    pub(crate) categories: Vec<SelectOption>,
    pub(crate) foundation_date: Option<Date>,
}

#[attio_object(slug = "deals")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Deal {
    pub(crate) name: String,
    pub(crate) stage: Status,
    pub(crate) owner: ActorReference,
    pub(crate) value: Option<Currency>,
    pub(crate) associated_company: Option<RecordReference>,
}

/// A custom object with one attribute of every type the API lets a user create on it.
#[attio_object(slug = "gadgets")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Gadget {
    pub(crate) label: String,
    pub(crate) weight: Option<f64>,
    pub(crate) units: Option<i64>,
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
    pub(crate) contacts: Vec<PhoneNumber>,
    /// The system attribute every record has.
    #[attio(read_only)]
    pub(crate) created_by: ActorReference,
}

/// Fields named differently from their slugs, and read-only fields of every shape.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PersonView {
    #[attio(rename = "email_addresses")]
    pub(crate) emails: Vec<EmailAddress>,
    #[attio(rename = "job_title")]
    pub(crate) title: Option<String>,
    #[attio(read_only)]
    pub(crate) record_id: String,
    #[attio(read_only)]
    pub(crate) created_at: Timestamp,
    #[attio(read_only)]
    pub(crate) created_by: WithMeta<ActorReference>,
    #[attio(read_only)]
    pub(crate) twitter_follower_count: Option<f64>,
    #[attio(read_only)]
    pub(crate) last_email_interaction: Option<Interaction>,
    #[attio(read_only)]
    pub(crate) associated_users: Vec<RecordReference>,
}

/// Only single-value writable fields (a read-only `Vec` does not count): its PATCH is idempotent.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PersonTitle {
    pub(crate) job_title: Option<String>,
    #[attio(read_only)]
    pub(crate) email_addresses: Vec<EmailAddress>,
}

/// A writable `Vec` field: its PATCH appends, so it is not idempotent.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PersonEmails {
    pub(crate) email_addresses: Vec<EmailAddress>,
    pub(crate) job_title: Option<String>,
}

#[attio_object(slug = "gadgets")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Strict {
    #[attio(rename = "label")]
    pub(crate) text: String,
    #[attio(rename = "weight")]
    pub(crate) mass: Option<f64>,
    pub(crate) steward: Option<ActorReference>,
    pub(crate) contacts: Vec<PhoneNumber>,
}
