// Site visits: an activity that extends `interactions`, with the nouns to create it with.
#[attio_activity(slug = "site_visits", extends = "interactions", singular = "Site visit", plural = "Site visits")]
pub struct SiteVisit {
    #[attio(unique)]
    pub visit_id: String,
    pub occurred_at: attio::Timestamp,
    pub visitor: Option<attio::Ref<Person>>,
    pub pages: Vec<String>,
}
