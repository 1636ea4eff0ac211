// `Ref<T>` references a record of T's object; a list's struct has no records.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

fn main() {
    let _deal: Option<attio::Ref<SalesEntry>> = None;
}
