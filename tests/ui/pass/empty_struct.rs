// An object struct with no fields (e.g. only to reach `update` or `Record` ids) compiles without
// warnings.
#![deny(warnings)]
use attio::AttioObject;

#[attio::attio_object(slug = "workspaces")]
struct Workspace {}

fn main() {
    assert!(Workspace::FIELDS.is_empty());
    Workspace {}.validate().unwrap();
}
