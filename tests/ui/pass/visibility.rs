// Private structs, pub(crate) and pub(super) fields and structs, structs in modules.
#![deny(warnings)]

mod crm {
    #[attio::attio_object(slug = "people")]
    pub(crate) struct Person {
        pub(crate) name: String,
        pub(super) age: Option<i64>,
        secret: Option<bool>,
    }

    impl Person {
        pub(crate) fn new(name: &str) -> Self {
            Person { name: name.to_owned(), age: None, secret: None }
        }
        pub(crate) fn secret(&self) -> Option<bool> {
            self.secret
        }
    }

    pub mod nested {
        #[attio::attio_object(slug = "deals")]
        pub(in crate::crm) struct Deal {
            pub name: String,
        }

        pub(crate) fn deal_slug() -> &'static str {
            Deal::SLUG
        }
    }
}

#[attio::attio_object(slug = "notes")]
struct Note {
    title: String,
}

fn main() {
    let p = crm::Person::new("Ada");
    assert_eq!(crm::Person::SLUG, "people");
    assert_eq!(p.name, "Ada");
    assert_eq!(p.age, None);
    assert_eq!(p.secret(), None);
    assert_eq!(crm::nested::deal_slug(), "deals");
    let n = Note { title: "x".into() };
    assert_eq!(n.title, "x");
}
