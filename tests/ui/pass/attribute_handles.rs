// What names an attribute (`AttributeHandle`): every attribute's own handle, including a
// currency's (compared on its amount, yet naming the attribute); properties of an attribute
// filter and sort but do not name it.
use attio::prelude::*;
use attio::{attio_object, AttributeHandle, Currency, Ref, WithMeta};

#[attio_object(slug = "people")]
struct Person {
    email_addresses: Vec<attio::EmailAddress>,
    name: Option<attio::PersonalName>,
    primary_location: Option<attio::Location>,
    #[attio(read_only)]
    last_email_interaction: Option<attio::Interaction>,
}

#[attio_object(slug = "deals")]
struct Deal {
    name: String,
    value: Option<Currency>,
}

fn slug<O, H: AttributeHandle<O>>(handle: H) -> &'static str {
    handle.slug()
}

#[allow(dead_code)]
async fn history(client: &attio::Client, id: &attio::RecordId) -> attio::Result<()> {
    let _: Vec<WithMeta<Currency>> = Deal::history(client, id, |f| f.value()).await?;
    let _: Vec<WithMeta<attio::Interaction>> =
        Person::history(client, id, |f| f.last_email_interaction()).await?;
    Ok(())
}

fn main() {
    let value = Currency::from_f64(100.0).unwrap();
    let by_value = Ref::by(Deal::fields().value(), value);
    assert_eq!(by_value.matching().unwrap().0, "value");
    assert_eq!(slug(Deal::fields().value()), "value");
    assert_eq!(slug(Person::fields().last_email_interaction()), "last_email_interaction");

    // Properties still filter and sort.
    let f = Person::fields();
    let _ = Person::query()
        .filter(|f| {
            f.email_addresses().email_domain().eq("acme.com")
                & f.name().last_name().starts_with("Sm")
                & f.primary_location().country_code().eq("GB")
                & f.last_email_interaction().interacted_at().gte("2024-01-01T00:00:00Z".parse().unwrap())
        })
        .sort(|f| f.last_email_interaction().interacted_at().desc());
    assert_eq!(f.name().last_name().slug(), "name");
}
