// A change given a value of the wrong type: a string where the field holds email addresses.
#[attio::attio_object(slug = "people")]
struct Person {
    job_title: Option<String>,
    email_addresses: Vec<attio::EmailAddress>,
}

fn main() {
    let _ = Person::changes().set_job_title(42);
    let _ = Person::changes().append_email_addresses(["ada@example.com"]);
}
