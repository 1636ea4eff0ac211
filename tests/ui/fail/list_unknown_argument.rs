// The parent is `parent = Type`; `object` is not an argument.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", object = Company)]
struct SalesEntry {
    stage: attio::Status,
}

fn main() {}
