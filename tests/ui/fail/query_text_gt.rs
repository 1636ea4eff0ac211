use attio::attio_object;

#[attio_object(slug = "companies")]
struct Company {
    name: String,
}

fn main() {
    // Text is not ordered in filters (it sorts with `asc` and `desc`).
    let _ = Company::query().filter(|f| f.name().gt("M"));
}
