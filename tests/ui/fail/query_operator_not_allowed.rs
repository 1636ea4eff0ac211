use attio::attio_object;

#[attio_object(slug = "people")]
struct Person {
    is_active: bool,
}

fn main() {
    // A checkbox compares with `$eq` only.
    let _ = Person::query().filter(|f| f.is_active().contains("t"));
}
