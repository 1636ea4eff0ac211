#[derive(attio::SelectEnum)]
struct Stage {
    title: String,
}

fn main() {}
