// `parent` belongs to #[attio_list]; an object has no parent.
struct Company {
    name: String,
}

#[attio::attio_object(slug = "deals", parent = Company)]
struct Deal {
    name: String,
}

fn main() {}
