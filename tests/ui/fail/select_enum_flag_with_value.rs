// `status` is a flag: it takes no value.
#[derive(attio::SelectEnum)]
#[attio(status = true)]
enum Stage {
    Lead,
    Won,
}

fn main() {}
