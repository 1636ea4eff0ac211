// The catch-all holds a String (the title) or the untyped value, and a status enum's is Status.
#[derive(attio::SelectEnum)]
#[attio(status)]
enum Stage {
    Lead,
    #[attio(other)]
    Other(attio::SelectOption),
}

fn main() {}
