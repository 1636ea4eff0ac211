use attio::{attio_object, SelectOption};

#[attio_object(slug = "companies")]
struct Company {
    categories: Vec<SelectOption>,
}

fn main() {
    // A select option is matched whole, by id or title.
    let _ = Company::query().filter(|f| f.categories().contains("Saa"));
}
