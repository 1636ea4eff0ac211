// `other` belongs on the catch-all variant, not on the enum.
#[derive(attio::SelectEnum)]
#[attio(status, other)]
enum Stage {
    Lead,
    Won,
}

fn main() {}
