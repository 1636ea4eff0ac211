#[derive(attio::SelectEnum)]
#[attio(status)]
enum Stage {
    Won,
    #[attio(rename = "Won")]
    Victory,
}

fn main() {}
