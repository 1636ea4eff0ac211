#[derive(attio::SelectEnum)]
enum Stage<T> {
    Lead,
    #[attio(other)]
    Other(T),
}

fn main() {}
