// The field options and the crate override: rename, read_only, `WithMeta<T>`.
#[attio_object(slug = "deals", crate = "crate::reexport::attio")]
pub(crate) struct Deal {
    #[attio(rename = "name")]
    pub title: attio::WithMeta<String>,
    #[attio(rename = "created_at", read_only)]
    pub created: attio::Timestamp,
}
