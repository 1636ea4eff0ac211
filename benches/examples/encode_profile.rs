//! A loop to profile the encode benchmark under an instruction counter, where criterion's own
//! machinery would drown the signal: the wide object, or one of its value types alone in a
//! one-field object, encoded typed or hand-written, `N` times.
//!
//! ```text
//! cargo build --release -p attio-benches --example encode_profile
//! valgrind --tool=callgrind target/release/examples/encode_profile wide typed 100000
//! valgrind --tool=callgrind target/release/examples/encode_profile timestamp hand 100000
//! ```
//!
//! Subtract a run with `N = 0` for the cost per encode. Build with
//! `CARGO_PROFILE_RELEASE_DEBUG=line-tables-only` for per-line costs in `callgrind_annotate`.

use std::hint::black_box;

use attio::{
    ActorReference, CountryCode, Currency, Date, Domain, EmailAddress, PersonalName, PhoneNumber,
    Rating, RecordReference, SelectOption, Timestamp, attio_object,
};
use attio_benches::hand_write::{ActorRef, Name, RecordRef, Select};
use attio_benches::{encode_hand, encode_typed, hand_wide, wide};
use serde::Serialize;

/// Encodes `typed` or `hand` `n` times, after checking that they are the same bytes.
fn run<T: attio::AttioObject, H: Serialize>(typed: &T, hand: &H, use_typed: bool, n: usize) {
    let (mut a, mut b) = (Vec::with_capacity(4096), Vec::with_capacity(4096));
    encode_typed(typed, &mut a);
    encode_hand(hand, &mut b);
    assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
    for _ in 0..n {
        if use_typed {
            encode_typed(black_box(typed), &mut a);
        } else {
            encode_hand(black_box(hand), &mut a);
        }
        black_box(&a);
    }
}

/// One value type alone: `field!(name, Type = value, HandType = hand_value)` declares a module
/// with a one-field typed object, its hand-written twin, and `run`.
macro_rules! field {
    ($name:ident, $ty:ty = $value:expr, $hand_ty:ty = $hand:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[attio_object(slug = "x")]
            pub struct Typed {
                pub f: $ty,
            }

            #[derive(Serialize)]
            pub struct Hand {
                pub f: $hand_ty,
            }

            pub fn run(use_typed: bool, n: usize) {
                super::run(&Typed { f: $value }, &Hand { f: $hand }, use_typed, n);
            }
        }
    };
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

const TEXT: &str = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.";
const STATUS_ID: &str = "11f07f01-c10f-4e05-a522-33e050bc52ee";
const OPTION_ID: &str = "14938464-cae9-4e50-8856-0fb584844f24";
const RECORD_ID: &str = "891dcbfc-9141-415d-9b2a-2238a6cc012d";
const MEMBER_ID: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

field!(text, String = TEXT.into(), String = TEXT.into());
field!(number, f64 = 3.25, f64 = 3.25);
field!(checkbox, bool = true, bool = true);
field!(currency, Currency = "4.99".parse().unwrap(), f64 = 4.99);
field!(
    date,
    Date = "2023-11-24".parse().unwrap(),
    String = "2023-11-24".into()
);
field!(
    timestamp,
    Timestamp = "2019-01-17T15:17:48.000000000Z".parse().unwrap(),
    String = "2019-01-17T15:17:48.000000000Z".into()
);
field!(rating, Rating = Rating::new(4).unwrap(), u8 = 4);
field!(
    status,
    attio::Status = attio::Status::by_id(STATUS_ID).unwrap(),
    attio_benches::hand_write::Status = attio_benches::hand_write::Status {
        status: STATUS_ID.into()
    }
);
field!(
    select,
    SelectOption = SelectOption::by_id(OPTION_ID).unwrap(),
    Select = Select {
        option: OPTION_ID.into()
    }
);
field!(
    record_reference,
    RecordReference = RecordReference::new("people", RECORD_ID.parse().unwrap()),
    RecordRef = RecordRef {
        target_object: "people".into(),
        target_record_id: RECORD_ID.into()
    }
);
field!(
    actor_reference,
    ActorReference = ActorReference::workspace_member(MEMBER_ID).unwrap(),
    ActorRef = ActorRef {
        referenced_actor_type: "workspace-member".into(),
        referenced_actor_id: MEMBER_ID.into()
    }
);
field!(
    location,
    attio::Location = attio::Location::new()
        .with_line_1("1 Infinite Loop")
        .with_locality("Cupertino")
        .with_region("CA")
        .with_postcode("95014")
        .with_country_code("US".parse::<CountryCode>().unwrap())
        .with_coordinates("37.331741", "-122.030333")
        .unwrap(),
    attio_benches::hand_write::Location = attio_benches::hand_write::Location {
        line_1: some("1 Infinite Loop"),
        line_2: None,
        line_3: None,
        line_4: None,
        locality: some("Cupertino"),
        region: some("CA"),
        postcode: some("95014"),
        country_code: some("US"),
        latitude: some("37.331741"),
        longitude: some("-122.030333"),
    }
);
field!(
    domain,
    Domain = Domain::new("app.attio.com").unwrap(),
    String = "app.attio.com".into()
);
field!(
    email_address,
    EmailAddress = "person@company.com".parse().unwrap(),
    String = "person@company.com".into()
);
field!(
    phone_number,
    PhoneNumber = PhoneNumber::new("+447777777777").unwrap(),
    String = "+447777777777".into()
);
field!(
    personal_name,
    PersonalName = PersonalName::new("Ada", "Lovelace").unwrap(),
    Name = Name {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        full_name: "Ada Lovelace".into()
    }
);
field!(
    tags,
    Vec<SelectOption> = vec![
        SelectOption::by_title("Aerospace & Defense").unwrap(),
        SelectOption::by_title("3D Printing").unwrap(),
    ],
    Vec<Select> = vec![
        Select {
            option: "Aerospace & Defense".into()
        },
        Select {
            option: "3D Printing".into()
        },
    ]
);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: encode_profile <wide|text|number|checkbox|currency|date|timestamp|rating|status|select|record_reference|actor_reference|location|domain|email_address|phone_number|personal_name|tags> <typed|hand> [N]";
    let (Some(what), Some(side)) = (args.first(), args.get(1)) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let use_typed = match side.as_str() {
        "typed" => true,
        "hand" => false,
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let n = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(100_000);
    match what.as_str() {
        "wide" => run(&wide(), &hand_wide(), use_typed, n),
        "text" => text::run(use_typed, n),
        "number" => number::run(use_typed, n),
        "checkbox" => checkbox::run(use_typed, n),
        "currency" => currency::run(use_typed, n),
        "date" => date::run(use_typed, n),
        "timestamp" => timestamp::run(use_typed, n),
        "rating" => rating::run(use_typed, n),
        "status" => status::run(use_typed, n),
        "select" => select::run(use_typed, n),
        "record_reference" => record_reference::run(use_typed, n),
        "actor_reference" => actor_reference::run(use_typed, n),
        "location" => location::run(use_typed, n),
        "domain" => domain::run(use_typed, n),
        "email_address" => email_address::run(use_typed, n),
        "phone_number" => phone_number::run(use_typed, n),
        "personal_name" => personal_name::run(use_typed, n),
        "tags" => tags::run(use_typed, n),
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}
