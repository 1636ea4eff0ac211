// Every field option and shape: rename, read_only, `Vec<T>`, `WithMeta<T>`, `Ref<T>`, and the
// crate override.
#[attio_object(slug = "deals", crate = "crate::reexport::attio")]
pub(crate) struct Deal {
    #[attio(rename = "name")]
    pub title: attio::WithMeta<String>,
    pub value: Option<attio::Currency>,
    pub categories: Vec<attio::SelectOption>,
    pub associated_company: Option<attio::Ref<Company>>,
    #[attio(rename = "created_at", read_only)]
    pub created: attio::Timestamp,
}
