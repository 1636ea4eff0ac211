// `Ref<T>` needs T to be an `#[attio_object]` struct: the target object is `T::SLUG`.
struct Company {
    name: String,
}

#[attio::attio_object(slug = "deals")]
struct Deal {
    associated_company: Option<attio::Ref<Company>>,
}

fn main() {}
