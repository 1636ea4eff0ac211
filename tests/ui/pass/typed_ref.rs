// `Ref<T>`: a typed record reference as a field of every shape, written by id or by a unique
// attribute, filtered on, and converted to and from `RecordReference`.
use attio::{RecordReference, Ref};

#[attio::attio_object(slug = "people")]
struct Person {
    email_addresses: Vec<attio::EmailAddress>,
}

#[attio::attio_object(slug = "companies")]
struct Company {
    domains: Vec<attio::Domain>,
}

#[attio::attio_object(slug = "deals")]
struct Deal {
    associated_company: Option<Ref<Company>>,
    associated_people: Vec<Ref<Person>>,
    #[attio(rename = "owner_company")]
    main: attio::WithMeta<Ref<Company>>,
}

fn main() {
    let id: attio::RecordId = "99a03ff3-0435-47da-95cc-76b2caeb4dab".parse().unwrap();
    let by_id = Ref::<Company>::new(id.clone());
    let by_email = Ref::by(
        Person::fields().email_addresses(),
        "a@b.com".parse::<attio::EmailAddress>().unwrap(),
    );
    let deal = Deal {
        associated_company: Some(by_id.clone()),
        associated_people: vec![by_email],
        main: by_id.clone().into(),
    };
    let body = serde_json::to_value(attio::wire::ValuesBody(&deal)).unwrap();
    assert_eq!(
        body["data"]["values"]["associated_people"],
        serde_json::json!([{"target_object": "people", "email_addresses": ["a@b.com"]}])
    );
    let untyped: RecordReference = by_id.clone().try_into().unwrap();
    assert_eq!(Ref::<Company>::try_from(untyped).unwrap(), by_id);
    let f = Deal::fields();
    let _ = f.associated_company().eq(&id) | f.associated_people().is_in([&id]) | f.main().is_set();
    let _changes = Deal::changes()
        .set_associated_company(by_id)
        .clear_associated_people();
}
