#[attio::attio_object(slug = "users")]
struct User {
    user_id: String,
    address: std::net::IpAddr,
}

fn main() {}
