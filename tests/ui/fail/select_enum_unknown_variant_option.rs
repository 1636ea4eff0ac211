#[derive(attio::SelectEnum)]
enum Category {
    #[attio(title = "3D Printing")]
    Printing,
    #[attio(renam = "Aerospace & Defense")]
    Aerospace,
}

fn main() {}
