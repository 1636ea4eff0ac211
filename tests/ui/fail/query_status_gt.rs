use attio::{attio_object, SelectEnum};

#[derive(Debug, Clone, Copy, PartialEq, SelectEnum)]
#[attio(status)]
enum Stage {
    Lead,
    Won,
}

#[attio_object(slug = "deals")]
struct Deal {
    stage: Stage,
}

fn main() {
    // Statuses are not ordered: `eq`, `eq_title`, `is_in`, `is_set`, `is_empty` only.
    let _ = Deal::query().filter(|f| f.stage().gt(Stage::Lead));
}
