// The field shapes beside a plain value: `Option<T>`, `Vec<T>` (multiselect) and `Ref<T>`.
#[attio_object(slug = "deals")]
pub(crate) struct Deal {
    pub value: Option<attio::Currency>,
    pub categories: Vec<attio::SelectOption>,
    pub associated_company: Option<attio::Ref<Company>>,
}
