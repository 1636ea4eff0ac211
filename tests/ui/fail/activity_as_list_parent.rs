// A list's entries belong to records of an object, not of an activity.
#[attio::attio_activity(slug = "site_visits", extends = "interactions")]
struct SiteVisit {
    occurred_at: attio::Timestamp,
}

#[attio::attio_list(slug = "follow_ups", parent = SiteVisit)]
struct FollowUp {
    owner: Option<attio::ActorReference>,
}

fn main() {}
