// An activity extends one of four schemas; it has to say which.
#[attio::attio_activity(slug = "site_visits")]
struct SiteVisit {
    occurred_at: attio::Timestamp,
}

#[attio::attio_activity(slug = "webinars", extends = "interaction")]
struct Webinar {
    occurred_at: attio::Timestamp,
}

#[attio::attio_activity(slug = "calls_log", extends = "calls", parent = Company, singular = "Call")]
struct CallLog {
    occurred_at: attio::Timestamp,
}

#[attio::attio_object(slug = "companies", extends = "interactions")]
struct Company {
    name: String,
}

fn main() {}
