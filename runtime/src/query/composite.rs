//! Handles of composite values: email addresses, domains, personal names, phone numbers,
//! locations and interactions, with handles for their parts.

use super::handle::{handle, not_empty_op, properties, text_ops};
use super::unsupported::unsupported_ops;
use super::{CodeProperty, OrderedProperty};
use crate::query::Filter;
use crate::values::{
    Domain, EmailAddress, Interaction, Location, PersonalName, PhoneNumber, Timestamp,
};

handle! {
    /// The filter handle of an `email-address` attribute: text operators on the address, and
    /// handles for its parts.
    ///
    /// ```
    /// #[attio::attio_object(slug = "people")]
    /// struct Person { email_addresses: Vec<attio::EmailAddress> }
    /// let f = Person::fields().email_addresses().ends_with("@acme.com");
    /// assert_eq!(f.to_json(), &serde_json::json!({"email_addresses": {"$ends_with": "@acme.com"}}));
    /// ```
    EmailFilter<O> => EmailAddress
}
text_ops!(EmailFilter<O>, "email address");
unsupported_ops!(EmailFilter<O>: EmailOperator => [gt, gte, lt, lte, between, is_in, is_set, is_empty]);
properties!(EmailFilter,
    /// The domain, `company.com` in `person@company.com`.
    email_domain,
    /// The root domain.
    email_root_domain,
    /// The local part, `person` in `person@company.com`.
    email_local_specifier,
);

handle! {
    /// The filter handle of a `domain` attribute: text operators on the domain, `$not_empty`,
    /// and the root domain.
    ///
    /// ```
    /// #[attio::attio_object(slug = "companies")]
    /// struct Company { domains: Vec<attio::Domain> }
    /// let f = Company::fields().domains().root_domain().eq("attio.com");
    /// assert_eq!(f.to_json(), &serde_json::json!({"domains": {"root_domain": {"$eq": "attio.com"}}}));
    /// ```
    DomainFilter<O> => Domain
}
text_ops!(DomainFilter<O>, "domain");
not_empty_op!(DomainFilter<O>);
unsupported_ops!(DomainFilter<O>: DomainOperator => [gt, gte, lt, lte, between, is_in]);
properties!(DomainFilter,
    /// The root domain, `attio.com` in `app.attio.com`.
    root_domain,
);

handle! {
    /// The filter handle of a `personal-name` attribute: text operators on the full name,
    /// `$not_empty`, and the first and last names.
    ///
    /// ```
    /// #[attio::attio_object(slug = "people")]
    /// struct Person { name: Option<attio::PersonalName> }
    /// let f = Person::fields().name().last_name().starts_with("Sm");
    /// assert_eq!(f.to_json(), &serde_json::json!({"name": {"last_name": {"$starts_with": "Sm"}}}));
    /// ```
    NameFilter<O> => PersonalName
}
text_ops!(NameFilter<O>, "full name");
not_empty_op!(NameFilter<O>);
unsupported_ops!(NameFilter<O>: NameOperator => [gt, gte, lt, lte, between, is_in]);
properties!(NameFilter,
    /// The first name.
    first_name,
    /// The last name.
    last_name,
    /// The full name.
    full_name,
);

handle! {
    /// The filter handle of a `phone-number` attribute: text operators on the E.164 number, and
    /// its country code.
    ///
    /// ```
    /// #[attio::attio_object(slug = "people")]
    /// struct Person { phone_numbers: Vec<attio::PhoneNumber> }
    /// let f = Person::fields().phone_numbers().country_code().eq("GB");
    /// assert_eq!(f.to_json(), &serde_json::json!({"phone_numbers": {"country_code": {"$eq": "GB"}}}));
    /// ```
    PhoneFilter<O> => PhoneNumber
}
text_ops!(PhoneFilter<O>, "phone number");
unsupported_ops!(PhoneFilter<O>: PhoneOperator => [gt, gte, lt, lte, between, is_in, is_set, is_empty]);
properties!(PhoneFilter,
    /// The country code, e.g. `GB`.
    country_code,
);

handle! {
    /// The filter handle of a `location` attribute: handles for its address parts (latitude and
    /// longitude cannot be filtered on).
    ///
    /// ```
    /// #[attio::attio_object(slug = "people")]
    /// struct Person { primary_location: Option<attio::Location> }
    /// let f = Person::fields().primary_location().locality().eq("London");
    /// assert_eq!(f.to_json(), &serde_json::json!({"primary_location": {"locality": {"$eq": "London"}}}));
    /// ```
    LocationFilter<O> => Location
}
unsupported_ops!(LocationFilter<O>: LocationOperator => [eq, gt, gte, lt, lte, between, contains, starts_with, ends_with, is_in, is_set, is_empty]);
properties!(LocationFilter,
    /// Address line 1.
    line_1,
    /// Address line 2.
    line_2,
    /// Address line 3.
    line_3,
    /// Address line 4.
    line_4,
    /// The city or town.
    locality,
    /// The region, state or county.
    region,
    /// The postcode.
    postcode,
);

impl<O> LocationFilter<O> {
    /// The ISO 3166 country code, with the only operators Attio allows on it: `$eq` and
    /// `$starts_with`.
    ///
    /// ```
    /// #[attio::attio_object(slug = "people")]
    /// struct Person { primary_location: Option<attio::Location> }
    /// let f = Person::fields().primary_location().country_code().eq("GB");
    /// assert_eq!(f.to_json().to_string(), r#"{"primary_location":{"country_code":{"$eq":"GB"}}}"#);
    /// ```
    pub fn country_code(&self) -> CodeProperty<O> {
        CodeProperty::at(self.path.at(), Some("country_code"))
    }
}

handle! {
    /// The filter handle of an `interaction` attribute: when it happened.
    ///
    /// ```
    /// #[attio::attio_object(slug = "people")]
    /// struct Person {
    ///     #[attio(read_only)]
    ///     last_email_interaction: Option<attio::Interaction>,
    /// }
    /// let f = Person::fields().last_email_interaction();
    /// assert_eq!(f.slug(), "last_email_interaction");
    /// ```
    InteractionFilter<O> => Interaction
}
unsupported_ops!(InteractionFilter<O>: InteractionOperator => [eq, gt, gte, lt, lte, between, contains, starts_with, ends_with, is_in, is_set, is_empty]);

impl<O> InteractionFilter<O> {
    /// The interaction's time, with the timestamp operators.
    ///
    /// A property of the attribute: it filters and sorts, but cannot name the attribute (pass
    /// the attribute's own handle to `history`).
    ///
    /// ```
    /// # #[attio::attio_object(slug = "people")]
    /// # struct Person { #[attio(read_only)] last_email_interaction: Option<attio::Interaction> }
    /// let recent_first = Person::fields().last_email_interaction().interacted_at().desc();
    /// assert_eq!(recent_first.to_json()["field"], "interacted_at");
    /// ```
    pub fn interacted_at(&self) -> OrderedProperty<O, Timestamp> {
        OrderedProperty::at(self.path.at(), Some("interacted_at"))
    }
}
