#[attio::attio_object(slug = "users")]
struct User<T> {
    user_id: T,
}

fn main() {}
