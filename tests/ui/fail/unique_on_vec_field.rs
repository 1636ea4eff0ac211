// `unique` names one single value a record can be found by: not a multiselect.
#[attio::attio_object(slug = "people")]
struct Person {
    #[attio(unique)]
    email_addresses: Vec<attio::EmailAddress>,
}

fn main() {}
