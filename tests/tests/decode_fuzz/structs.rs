//! The two decode targets: the seed document's `User`, and `Everything` (every value type in
//! every shape a field can take).

use attio::{
    ActorReference, Currency, Date, Domain, EmailAddress, Interaction, Location, PersonalName,
    PhoneNumber, Rating, RecordReference, SelectOption, Status, Timestamp, WithMeta, attio_object,
};
pub(crate) use attio_tests::User;

/// Every value type, in every shape a field can take.
#[attio_object(slug = "everything")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Everything {
    pub(crate) text: Option<String>,
    pub(crate) text_required: WithMeta<String>,
    pub(crate) number: Option<f64>,
    pub(crate) float32: Option<f32>,
    pub(crate) integer: Option<i64>,
    pub(crate) small: Option<u8>,
    pub(crate) signed: Vec<i32>,
    pub(crate) unsigned: Option<u64>,
    pub(crate) checkbox: Option<bool>,
    pub(crate) currency: Option<Currency>,
    pub(crate) currency_string: Option<WithMeta<Currency>>,
    pub(crate) date: Option<Date>,
    pub(crate) timestamp: Option<Timestamp>,
    pub(crate) rating: Option<Rating>,
    pub(crate) status: Option<Status>,
    pub(crate) select: Vec<SelectOption>,
    pub(crate) record_reference: Option<RecordReference>,
    pub(crate) actor_reference: Option<WithMeta<ActorReference>>,
    pub(crate) location: Option<Location>,
    pub(crate) domain: Vec<Domain>,
    pub(crate) email_address: Vec<WithMeta<EmailAddress>>,
    pub(crate) phone_number: Vec<PhoneNumber>,
    pub(crate) phone_number_openapi: Option<PhoneNumber>,
    #[attio(read_only)]
    pub(crate) interaction: Option<Interaction>,
    pub(crate) personal_name: Option<PersonalName>,
}
