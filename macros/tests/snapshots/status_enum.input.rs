// A status enum with a unit catch-all.
#[derive(SelectEnum)]
#[attio(status)]
enum Stage {
    Lead,
    #[attio(rename = "In Progress")]
    InProgress,
    #[attio(rename = "Won 🎉")]
    Won,
    #[attio(other)]
    Unknown,
}
