// `#[derive(SelectEnum)]`: select and status enums, renames, every catch-all form, raw
// identifiers, the crate override, and the enum as a field type, filter value and change.
use attio::{SelectEnum, WritableValue as _};

mod reexport {
    pub use ::attio;
}

#[derive(Debug, Clone, Copy, PartialEq, SelectEnum)]
#[attio(status)]
enum Stage {
    Lead,
    #[attio(rename = "In Progress")]
    InProgress,
    #[attio(rename = "Won 🎉")]
    Won,
    r#Lost,
}

#[derive(Debug, Clone, PartialEq, SelectEnum)]
enum Category {
    SaaS,
    #[attio(other)]
    Other(String),
}

#[derive(Debug, Clone, PartialEq, SelectEnum)]
#[attio(status, crate = "crate::reexport::attio")]
enum StageOrStatus {
    Lead,
    #[attio(other)]
    Other(attio::Status),
}

#[derive(Debug, Clone, Copy, PartialEq, SelectEnum)]
enum Tier {
    Gold = 1,
    #[attio(other)]
    Unknown,
}

#[attio::attio_object(slug = "deals")]
struct Deal {
    stage: Stage,
    categories: Vec<Category>,
    fallback: Option<StageOrStatus>,
    tier: Option<Tier>,
}

fn main() {
    assert_eq!(Stage::TITLES, ["Lead", "In Progress", "Won 🎉", "Lost"]);
    assert_eq!(
        <Tier as attio::AttioValue>::ATTRIBUTE_TYPE,
        attio::AttributeType::Select
    );
    assert!(Tier::Unknown.validate().is_err());
    let f = Deal::fields();
    let filter = f.stage().eq(Stage::Won)
        & f.categories()
            .is_in([Category::SaaS, Category::Other("B2B".into())]);
    assert_eq!(
        filter.to_json().to_string(),
        r#"{"$and":[{"stage":{"$eq":"Won 🎉"}},{"categories":{"$in":["SaaS","B2B"]}}]}"#
    );
    let _changes = Deal::changes()
        .set_stage(Stage::Lost)
        .append_categories([Category::SaaS])
        .set_tier(Tier::Gold);
    let deal = Deal {
        stage: Stage::InProgress,
        categories: vec![Category::Other("B2B".into())],
        fallback: None,
        tier: None,
    };
    let body = serde_json::to_value(attio::wire::ValuesBody(&deal)).unwrap();
    assert_eq!(
        body["data"]["values"],
        serde_json::json!({"stage": {"status": "In Progress"}, "categories": [{"option": "B2B"}]})
    );
}
