#[derive(attio::SelectEnum)]
enum Category {
    SaaS,
    #[attio(other)]
    Unknown,
    #[attio(other)]
    Other(String),
}

fn main() {}
