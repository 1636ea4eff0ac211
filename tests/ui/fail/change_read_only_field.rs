use attio::attio_object;

#[attio_object(slug = "people")]
struct Person {
    job_title: Option<String>,
    #[attio(read_only)]
    avatar_url: Option<String>,
}

fn main() {
    let _ = Person::changes().set_job_title("CEO").set_avatar_url("https://example.com/a.png");
}
