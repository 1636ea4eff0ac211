// `Ref<T>` references a record of an object; an activity's records are not referenced.
#[attio::attio_activity(slug = "site_visits", extends = "interactions")]
struct SiteVisit {
    occurred_at: attio::Timestamp,
}

#[attio::attio_object(slug = "deals")]
struct Deal {
    last_visit: Option<attio::Ref<SiteVisit>>,
}

fn main() {}
