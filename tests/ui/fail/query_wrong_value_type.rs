use attio::attio_object;

#[attio_object(slug = "users")]
struct User {
    user_id: String,
    age: Option<i64>,
}

fn main() {
    let _ = User::query().filter(|f| f.user_id().eq(5));
    let _ = User::query().filter(|f| f.age().gt("thirty"));
}
