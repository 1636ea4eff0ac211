//! The typed objects (`#[attio_object]`) and their values: the seed's user, the wide object with
//! every writable type, and the update a round trip sends.

use attio::{
    ActorReference, CountryCode, Currency, Date, Domain, EmailAddress, Location, PersonalName,
    PhoneNumber, Rating, RecordId, RecordReference, SelectOption, Status, Timestamp, attio_object,
};

use crate::ids::uuid;

/// The seed document's user, through `#[attio_object]`.
#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    /// `text`
    pub user_id: String,
    /// `email-address`
    pub primary_email_address: EmailAddress,
    /// `record-reference` to a person
    pub person: Option<RecordReference>,
    /// `record-reference` to a workspace
    pub workspace: Option<RecordReference>,
}

/// One value of every writable attribute type, plus a multiselect.
#[attio_object(slug = "wide")]
#[derive(Debug, Clone, PartialEq)]
pub struct Wide {
    /// `text`
    pub text: String,
    /// `number`
    pub number: f64,
    /// `checkbox`
    pub checkbox: bool,
    /// `currency`
    pub currency: Currency,
    /// `date`
    pub date: Date,
    /// `timestamp`
    pub timestamp: Timestamp,
    /// `rating`
    pub rating: Rating,
    /// `status`
    pub status: Status,
    /// `select`
    pub select: SelectOption,
    /// `record-reference`
    pub record_reference: RecordReference,
    /// `actor-reference`
    pub actor_reference: ActorReference,
    /// `location`
    pub location: Location,
    /// `domain`
    pub domain: Domain,
    /// `email-address`
    pub email_address: EmailAddress,
    /// `phone-number`
    pub phone_number: PhoneNumber,
    /// `personal-name`
    pub personal_name: PersonalName,
    /// multiselect `select`
    pub tags: Vec<SelectOption>,
}

/// The `i`th user, typed.
pub fn user(i: usize) -> User {
    User {
        user_id: format!("user-{i}"),
        primary_email_address: format!("person{i}@company.com").parse().unwrap(),
        person: Some(RecordReference::new(
            "people",
            RecordId::new(uuid(1, i)).unwrap(),
        )),
        workspace: Some(RecordReference::new(
            "workspaces",
            RecordId::new(uuid(2, i)).unwrap(),
        )),
    }
}

/// The wide object, typed.
pub fn wide() -> Wide {
    Wide {
        text: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.".into(),
        number: 3.25,
        checkbox: true,
        currency: "4.99".parse().unwrap(),
        date: "2023-11-24".parse().unwrap(),
        timestamp: "2019-01-17T15:17:48.000000000Z".parse().unwrap(),
        rating: Rating::new(4).unwrap(),
        status: Status::by_id("11f07f01-c10f-4e05-a522-33e050bc52ee").unwrap(),
        select: SelectOption::by_id("14938464-cae9-4e50-8856-0fb584844f24").unwrap(),
        record_reference: RecordReference::new(
            "people",
            "891dcbfc-9141-415d-9b2a-2238a6cc012d".parse().unwrap(),
        ),
        actor_reference: ActorReference::workspace_member("50cf242c-7fa3-4cad-87d0-75b1af71c57b")
            .unwrap(),
        location: Location::new()
            .with_line_1("1 Infinite Loop")
            .with_locality("Cupertino")
            .with_region("CA")
            .with_postcode("95014")
            .with_country_code("US".parse::<CountryCode>().unwrap())
            .with_coordinates("37.331741", "-122.030333")
            .unwrap(),
        domain: Domain::new("app.attio.com").unwrap(),
        email_address: "person@company.com".parse().unwrap(),
        phone_number: PhoneNumber::new("+447777777777").unwrap(),
        personal_name: PersonalName::new("Ada", "Lovelace").unwrap(),
        tags: vec![
            SelectOption::by_title("Aerospace & Defense").unwrap(),
            SelectOption::by_title("3D Printing").unwrap(),
        ],
    }
}

/// The update a round-trip or bulk item sends for record `i`: only the user's own values (no
/// references, so that the records need no people or workspaces).
pub fn update_user(i: usize) -> User {
    User {
        user_id: format!("user-{i}"),
        primary_email_address: format!("person{i}@company.com").parse().unwrap(),
        person: None,
        workspace: None,
    }
}
