// The sales pipeline: a list over companies.
#[attio_list(slug = "sales_pipeline", parent = Company)]
pub struct SalesEntry {
    pub stage: Stage,
    pub owner: Option<attio::ActorReference>,
    pub tags: Vec<attio::SelectOption>,
}
