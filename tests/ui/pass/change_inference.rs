// The change-set methods infer what they are given from the field's value type: a `parse()` with
// no type named, in an array, through `WithMeta<T>`, and the conversions they accept.
use attio::{attio_object, EmailAddress, Ref, RecordId, WithMeta};

#[attio_object(slug = "companies")]
pub struct Company {
    pub name: String,
}

#[attio_object(slug = "people")]
pub struct Person {
    pub email_addresses: Vec<EmailAddress>,
    pub primary_email: Option<WithMeta<EmailAddress>>,
    pub nickname: Option<WithMeta<String>>,
    pub job_title: Option<String>,
    pub score: Option<f64>,
    pub logins: Option<u64>,
    pub company: Option<Ref<Company>>,
    pub value: Option<attio::Currency>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let company: RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse()?;
    let changes = Person::changes()
        .append_email_addresses(["a@b.com".parse()?])
        .replace_email_addresses(vec!["c@d.com".parse()?, "e@f.com".parse()?])
        .set_primary_email("a@b.com".parse()?)
        .set_nickname("Ada")
        .set_job_title("Engineer")
        .set_job_title(String::from("Engineer"))
        .set_score(3)
        .set_score(2.5)
        .set_logins(7_u32)
        .set_company(company)
        .set_value(100);
    assert_eq!(changes.request_count(), 1);
    Ok(())
}
