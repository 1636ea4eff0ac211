#[derive(attio::SelectEnum)]
enum Stage {
    Lead,
    Won { amount: f64 },
}

fn main() {}
