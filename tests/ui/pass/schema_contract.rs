// The schema contract a struct records: titles (explicit, from the doc comment, or the field
// name), uniqueness, the value types' contracts, and the object's kind and nouns.
use attio::{AttioObject, ObjectKind};

#[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)]
enum Tier {
    Gold,
    #[attio(other)]
    Other,
}

#[attio::attio_object(slug = "companies")]
struct Company {
    name: Option<String>,
}

#[attio::attio_object(slug = "projects", singular = "Project", plural = "Projects")]
struct Project {
    /// Project code.
    ///
    /// More text that is not the title.
    #[attio(unique)]
    code: String,
    #[attio(title = "Account tier", rename = "tier")]
    account_tier: Option<Tier>,
    sponsor: Option<attio::Ref<Company>>,
    budget: Option<f64>,
}

fn main() {
    assert_eq!(Project::NAME, "Project");
    assert_eq!(Project::KIND, ObjectKind::Object { nouns: Some(("Project", "Projects")) });
    let [code, tier, sponsor, budget] = Project::FIELDS else { panic!() };
    assert_eq!(code.title, "Project code");
    assert!(code.unique);
    assert_eq!(tier.title, "Account tier");
    let choices = tier.value.choices.unwrap();
    assert_eq!(choices.titles, ["Gold"]);
    assert!(choices.catch_all);
    assert_eq!(sponsor.value.references, Some("companies"));
    assert_eq!(budget.title, "budget");
    assert!(!budget.unique);
}
