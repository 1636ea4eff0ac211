// A select enum with a catch-all holding the title.
#[derive(SelectEnum)]
enum Category {
    SaaS,
    #[attio(rename = "B2B")]
    BusinessToBusiness,
    #[attio(other)]
    Other(String),
}
