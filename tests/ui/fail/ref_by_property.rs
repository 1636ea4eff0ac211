use attio::{attio_object, Ref};

#[attio_object(slug = "people")]
struct Person {
    email_addresses: Vec<attio::EmailAddress>,
}

fn main() {
    // A property of an attribute does not name the attribute: Attio would refuse
    // `{"email_addresses": ["acme.com"]}`. `Person::fields().email_addresses()` names it.
    let _ = Ref::by(Person::fields().email_addresses().email_domain(), "acme.com");
}
