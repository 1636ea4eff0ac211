// Lists have no personal-name (or interaction) attributes: those belong to the parent record.
#[attio::attio_object(slug = "people")]
struct Person {
    name: Option<attio::PersonalName>,
}

#[attio::attio_list(slug = "hiring", parent = Person)]
struct Candidate {
    name: Option<attio::PersonalName>,
}

fn main() {}
