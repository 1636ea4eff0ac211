//! Fixtures shared by the benchmarks: the typed objects, the hand-written serde structs that are
//! their baselines, a realistic query page, a counting allocator, an in-process sandbox on its own
//! thread, and an interleaved A/B timer that prints the ratio.
//!
//! Run the benchmarks with `cargo bench -p attio-benches` (or `--bench encode|decode|roundtrip|bulk`).

use std::time::{Duration, Instant};

use attio::{
    ActorReference, CountryCode, Currency, Date, Domain, EmailAddress, Location, PersonalName,
    PhoneNumber, Rating, RecordId, RecordReference, SelectOption, Status, Timestamp, attio_object,
};
use serde::Serialize;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Typed objects
// ---------------------------------------------------------------------------------------------

/// The seed document's user, through `#[attio_object]`.
#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    /// `text`
    pub user_id: String,
    /// `email-address`
    pub primary_email_address: EmailAddress,
    /// `record-reference` to a person
    pub person: Option<RecordReference>,
    /// `record-reference` to a workspace
    pub workspace: Option<RecordReference>,
}

/// One value of every writable attribute type, plus a multiselect.
#[attio_object(slug = "wide")]
#[derive(Debug, Clone, PartialEq)]
pub struct Wide {
    /// `text`
    pub text: String,
    /// `number`
    pub number: f64,
    /// `checkbox`
    pub checkbox: bool,
    /// `currency`
    pub currency: Currency,
    /// `date`
    pub date: Date,
    /// `timestamp`
    pub timestamp: Timestamp,
    /// `rating`
    pub rating: Rating,
    /// `status`
    pub status: Status,
    /// `select`
    pub select: SelectOption,
    /// `record-reference`
    pub record_reference: RecordReference,
    /// `actor-reference`
    pub actor_reference: ActorReference,
    /// `location`
    pub location: Location,
    /// `domain`
    pub domain: Domain,
    /// `email-address`
    pub email_address: EmailAddress,
    /// `phone-number`
    pub phone_number: PhoneNumber,
    /// `personal-name`
    pub personal_name: PersonalName,
    /// multiselect `select`
    pub tags: Vec<SelectOption>,
}

/// A deterministic UUID-shaped id for `(kind, i)`.
pub fn uuid(kind: u32, i: usize) -> String {
    let x = (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ u64::from(kind);
    format!(
        "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
        (x >> 32) as u32,
        (x >> 16) as u16,
        (x & 0xfff) as u16,
        ((x >> 20) & 0xfff) as u16,
        (i as u64) & 0xffff_ffff_ffff
    )
}

/// The `i`th user, typed.
pub fn user(i: usize) -> User {
    User {
        user_id: format!("user-{i}"),
        primary_email_address: format!("person{i}@company.com").parse().unwrap(),
        person: Some(RecordReference::new(
            "people",
            RecordId::new(uuid(1, i)).unwrap(),
        )),
        workspace: Some(RecordReference::new(
            "workspaces",
            RecordId::new(uuid(2, i)).unwrap(),
        )),
    }
}

/// The wide object, typed.
pub fn wide() -> Wide {
    Wide {
        text: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.".into(),
        number: 3.25,
        checkbox: true,
        currency: "4.99".parse().unwrap(),
        date: "2023-11-24".parse().unwrap(),
        timestamp: "2019-01-17T15:17:48.000000000Z".parse().unwrap(),
        rating: Rating::new(4).unwrap(),
        status: Status::by_id("11f07f01-c10f-4e05-a522-33e050bc52ee").unwrap(),
        select: SelectOption::by_id("14938464-cae9-4e50-8856-0fb584844f24").unwrap(),
        record_reference: RecordReference::new(
            "people",
            "891dcbfc-9141-415d-9b2a-2238a6cc012d".parse().unwrap(),
        ),
        actor_reference: ActorReference::workspace_member("50cf242c-7fa3-4cad-87d0-75b1af71c57b")
            .unwrap(),
        location: Location::new()
            .with_line_1("1 Infinite Loop")
            .with_locality("Cupertino")
            .with_region("CA")
            .with_postcode("95014")
            .with_country_code("US".parse::<CountryCode>().unwrap())
            .with_coordinates("37.331741", "-122.030333")
            .unwrap(),
        domain: Domain::new("app.attio.com").unwrap(),
        email_address: "person@company.com".parse().unwrap(),
        phone_number: PhoneNumber::new("+447777777777").unwrap(),
        personal_name: PersonalName::new("Ada", "Lovelace").unwrap(),
        tags: vec![
            SelectOption::by_title("Aerospace & Defense").unwrap(),
            SelectOption::by_title("3D Printing").unwrap(),
        ],
    }
}

// ---------------------------------------------------------------------------------------------
// Hand-written baselines: what a careful user would write with plain serde
// ---------------------------------------------------------------------------------------------

/// Hand-written `#[derive(Serialize)]` write bodies.
pub mod hand_write {
    use serde::Serialize;

    /// `{"data": {"values": V}}`
    #[derive(Serialize)]
    pub struct Body<V> {
        /// `data`
        pub data: Data<V>,
    }

    /// `{"values": V}`
    #[derive(Serialize)]
    pub struct Data<V> {
        /// `values`
        pub values: V,
    }

    impl<V> Body<V> {
        /// Wraps `values`.
        pub fn new(values: V) -> Self {
            Body {
                data: Data { values },
            }
        }
    }

    /// A record reference's write form.
    #[derive(Serialize, Clone)]
    pub struct RecordRef {
        /// `target_object`
        pub target_object: String,
        /// `target_record_id`
        pub target_record_id: String,
    }

    /// The user's values.
    #[derive(Serialize, Clone)]
    pub struct User {
        /// `user_id`
        pub user_id: String,
        /// `primary_email_address`
        pub primary_email_address: String,
        /// `person`
        #[serde(skip_serializing_if = "Option::is_none")]
        pub person: Option<RecordRef>,
        /// `workspace`
        #[serde(skip_serializing_if = "Option::is_none")]
        pub workspace: Option<RecordRef>,
    }

    /// `{"status": …}`
    #[derive(Serialize, Clone)]
    pub struct Status {
        /// `status`
        pub status: String,
    }

    /// `{"option": …}`
    #[derive(Serialize, Clone)]
    pub struct Select {
        /// `option`
        pub option: String,
    }

    /// An actor reference's write form.
    #[derive(Serialize, Clone)]
    pub struct ActorRef {
        /// `referenced_actor_type`
        pub referenced_actor_type: String,
        /// `referenced_actor_id`
        pub referenced_actor_id: String,
    }

    /// A location's ten keys.
    #[derive(Serialize, Clone)]
    #[allow(missing_docs)]
    pub struct Location {
        pub line_1: Option<String>,
        pub line_2: Option<String>,
        pub line_3: Option<String>,
        pub line_4: Option<String>,
        pub locality: Option<String>,
        pub region: Option<String>,
        pub postcode: Option<String>,
        pub country_code: Option<String>,
        pub latitude: Option<String>,
        pub longitude: Option<String>,
    }

    /// A personal name's write form.
    #[derive(Serialize, Clone)]
    #[allow(missing_docs)]
    pub struct Name {
        pub first_name: String,
        pub last_name: String,
        pub full_name: String,
    }

    /// The wide object's values.
    #[derive(Serialize, Clone)]
    #[allow(missing_docs)]
    pub struct Wide {
        pub text: String,
        pub number: f64,
        pub checkbox: bool,
        pub currency: f64,
        pub date: String,
        pub timestamp: String,
        pub rating: u8,
        pub status: Status,
        pub select: Select,
        pub record_reference: RecordRef,
        pub actor_reference: ActorRef,
        pub location: Location,
        pub domain: String,
        pub email_address: String,
        pub phone_number: String,
        pub personal_name: Name,
        pub tags: Vec<Select>,
    }
}

/// The `i`th user, hand-written.
pub fn hand_user(i: usize) -> hand_write::User {
    hand_write::User {
        user_id: format!("user-{i}"),
        primary_email_address: format!("person{i}@company.com"),
        person: Some(hand_write::RecordRef {
            target_object: "people".into(),
            target_record_id: uuid(1, i),
        }),
        workspace: Some(hand_write::RecordRef {
            target_object: "workspaces".into(),
            target_record_id: uuid(2, i),
        }),
    }
}

/// The wide object, hand-written (dates and timestamps held as their strings).
pub fn hand_wide() -> hand_write::Wide {
    use hand_write::*;
    let s = |v: &str| Some(v.to_owned());
    Wide {
        text: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.".into(),
        number: 3.25,
        checkbox: true,
        currency: 4.99,
        date: "2023-11-24".into(),
        timestamp: "2019-01-17T15:17:48.000000000Z".into(),
        rating: 4,
        status: Status {
            status: "11f07f01-c10f-4e05-a522-33e050bc52ee".into(),
        },
        select: Select {
            option: "14938464-cae9-4e50-8856-0fb584844f24".into(),
        },
        record_reference: RecordRef {
            target_object: "people".into(),
            target_record_id: "891dcbfc-9141-415d-9b2a-2238a6cc012d".into(),
        },
        actor_reference: ActorRef {
            referenced_actor_type: "workspace-member".into(),
            referenced_actor_id: "50cf242c-7fa3-4cad-87d0-75b1af71c57b".into(),
        },
        location: Location {
            line_1: s("1 Infinite Loop"),
            line_2: None,
            line_3: None,
            line_4: None,
            locality: s("Cupertino"),
            region: s("CA"),
            postcode: s("95014"),
            country_code: s("US"),
            latitude: s("37.331741"),
            longitude: s("-122.030333"),
        },
        domain: "app.attio.com".into(),
        email_address: "person@company.com".into(),
        phone_number: "+447777777777".into(),
        personal_name: Name {
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            full_name: "Ada Lovelace".into(),
        },
        tags: vec![
            Select {
                option: "Aerospace & Defense".into(),
            },
            Select {
                option: "3D Printing".into(),
            },
        ],
    }
}

/// Hand-written `#[derive(Deserialize)]` structs mirroring Attio's record response.
pub mod hand_read {
    use serde::Deserialize;

    /// `{"data": [record, …]}`
    #[derive(Deserialize, Debug)]
    pub struct Page<V> {
        /// `data`
        pub data: Vec<Record<V>>,
    }

    /// One record.
    #[derive(Deserialize, Debug)]
    pub struct Record<V> {
        /// `id`
        pub id: RecordIdentifier,
        /// `created_at`
        pub created_at: String,
        /// `web_url`
        #[serde(default)]
        pub web_url: Option<String>,
        /// `values`
        pub values: V,
    }

    /// The record's ids.
    #[derive(Deserialize, Debug)]
    #[allow(missing_docs)]
    pub struct RecordIdentifier {
        pub workspace_id: String,
        pub object_id: String,
        pub record_id: String,
    }

    /// `created_by_actor`
    #[derive(Deserialize, Debug)]
    #[allow(missing_docs)]
    pub struct Actor {
        #[serde(rename = "type")]
        pub actor_type: Option<String>,
        pub id: Option<String>,
    }

    macro_rules! value_object {
        ($(#[$m:meta])* $name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
            $(#[$m])*
            #[derive(Deserialize, Debug)]
            #[allow(missing_docs)]
            pub struct $name {
                pub active_from: Option<String>,
                pub active_until: Option<String>,
                pub created_by_actor: Option<Actor>,
                pub attribute_type: String,
                $(pub $field: $ty,)*
            }
        };
    }

    value_object!(
        /// A `text` value object.
        Text { value: String }
    );
    value_object!(
        /// An `email-address` value object.
        Email {
            original_email_address: String,
            email_address: String,
            email_domain: String,
            email_root_domain: String,
            email_local_specifier: String,
        }
    );
    value_object!(
        /// A `record-reference` value object.
        RecordRef {
            target_object: String,
            target_record_id: String,
        }
    );

    /// The user's values: every attribute an array of value objects.
    #[derive(Deserialize, Debug)]
    #[allow(missing_docs)]
    pub struct User {
        pub user_id: Vec<Text>,
        pub primary_email_address: Vec<Email>,
        #[serde(default)]
        pub person: Vec<RecordRef>,
        #[serde(default)]
        pub workspace: Vec<RecordRef>,
    }
}

// ---------------------------------------------------------------------------------------------
// A realistic query page
// ---------------------------------------------------------------------------------------------

/// The default (and maximum) page size of a record query.
pub const PAGE_SIZE: usize = 500;

fn meta(i: usize, attribute_type: &str) -> serde_json::Map<String, Value> {
    let actor = if i.is_multiple_of(3) {
        json!({"type": "system", "id": null})
    } else {
        json!({"type": "workspace-member", "id": uuid(7, i % 11)})
    };
    let mut m = serde_json::Map::new();
    m.insert(
        "active_from".into(),
        json!(format!(
            "2023-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}Z",
            1 + i % 12,
            1 + i % 28,
            i % 24,
            i % 60,
            (i * 7) % 60,
            (i * 7919) % 1_000_000_000
        )),
    );
    m.insert("active_until".into(), Value::Null);
    m.insert("created_by_actor".into(), actor);
    m.insert("attribute_type".into(), json!(attribute_type));
    m
}

fn value(i: usize, attribute_type: &str, payload: Value) -> Value {
    let mut m = meta(i, attribute_type);
    if let Value::Object(p) = payload {
        m.extend(p);
    }
    Value::Array(vec![Value::Object(m)])
}

/// The `i`th user record as Attio returns it: the seed's four attributes and the system ones.
pub fn user_record_json(i: usize) -> Value {
    json!({
        "id": {
            "workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c",
            "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795",
            "record_id": uuid(3, i),
        },
        "created_at": "2022-11-21T13:22:49.061281000Z",
        "web_url": format!("https://app.attio.com/acme/users/record/{}", uuid(3, i)),
        "values": {
            "record_id": value(i, "text", json!({"value": uuid(3, i)})),
            "created_at": value(i, "timestamp", json!({"value": "2022-11-21T13:22:49.061281000Z"})),
            "created_by": value(i, "actor-reference", json!({
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": uuid(7, i % 11),
            })),
            "person": value(i, "record-reference", json!({
                "target_object": "people",
                "target_record_id": uuid(1, i),
            })),
            "primary_email_address": value(i, "email-address", json!({
                "original_email_address": format!("person{i}@company.com"),
                "email_address": format!("person{i}@company.com"),
                "email_domain": "company.com",
                "email_root_domain": "company.com",
                "email_local_specifier": format!("person{i}"),
            })),
            "user_id": value(i, "text", json!({"value": format!("user-{i}")})),
            "workspace": value(i, "record-reference", json!({
                "target_object": "workspaces",
                "target_record_id": uuid(2, i),
            })),
            "avatar_url": [],
        }
    })
}

/// A query answer of `n` user records, as bytes: `{"data": [record, …]}`.
pub fn user_page(n: usize) -> Vec<u8> {
    let records: Vec<Value> = (0..n).map(user_record_json).collect();
    serde_json::to_vec(&json!({ "data": records })).unwrap()
}

/// Decodes a page through the typed layer.
pub fn decode_typed(page: &[u8]) -> Vec<attio::Record<User>> {
    attio::wire::decode_page(page).unwrap()
}

/// Decodes a page into the hand-written structs.
pub fn decode_hand(page: &[u8]) -> hand_read::Page<hand_read::User> {
    serde_json::from_slice(page).unwrap()
}

/// Decodes a page into `serde_json::Value`.
pub fn decode_value(page: &[u8]) -> Value {
    serde_json::from_slice(page).unwrap()
}

/// Encodes a typed object's write body.
pub fn encode_typed<T: attio::AttioObject>(values: &T, out: &mut Vec<u8>) {
    out.clear();
    serde_json::to_writer(&mut *out, &attio::wire::ValuesBody(values)).unwrap();
}

/// Encodes a hand-written write body.
pub fn encode_hand<V: Serialize>(values: &V, out: &mut Vec<u8>) {
    out.clear();
    serde_json::to_writer(&mut *out, &hand_write::Body::new(values)).unwrap();
}

// ---------------------------------------------------------------------------------------------
// Allocation counting
// ---------------------------------------------------------------------------------------------

/// A global allocator that counts allocations and bytes: declare it in a bench binary with
/// `#[global_allocator] static A: attio_benches::alloc::Counting = attio_benches::alloc::Counting;`.
#[allow(unsafe_code)]
pub mod alloc {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;
    use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

    static COUNT: AtomicU64 = AtomicU64::new(0);
    static BYTES: AtomicU64 = AtomicU64::new(0);
    /// Bytes allocated and not yet freed, and the most there were since the last reset.
    /// Bytes allocated and not yet freed on counted threads, and the most there were since the
    /// last reset (signed: a block allocated on an excluded thread may be freed on a counted one).
    static LIVE: AtomicI64 = AtomicI64::new(0);
    static PEAK: AtomicI64 = AtomicI64::new(0);

    thread_local! {
        static EXCLUDED: Cell<bool> = const { Cell::new(false) };
    }

    /// Leaves the calling thread's allocations out of [`live`] and [`peak`] (a server thread
    /// beside the client being measured).
    pub fn exclude_this_thread() {
        EXCLUDED.with(|e| e.set(true));
    }

    fn counted() -> bool {
        !EXCLUDED.try_with(Cell::get).unwrap_or(true)
    }

    fn grow(by: u64) {
        if counted() {
            let live = LIVE.fetch_add(by as i64, Ordering::Relaxed) + by as i64;
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
    }

    fn shrink(by: u64) {
        if counted() {
            LIVE.fetch_sub(by as i64, Ordering::Relaxed);
        }
    }

    /// Bytes allocated on counted threads and not freed now.
    pub fn live() -> i64 {
        LIVE.load(Ordering::Relaxed)
    }

    /// Starts measuring the peak from the current live bytes.
    pub fn reset_peak() {
        PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
    }

    /// The most live bytes on counted threads since [`reset_peak`].
    pub fn peak() -> i64 {
        PEAK.load(Ordering::Relaxed)
    }

    /// The counting allocator (forwards to the system allocator).
    pub struct Counting;

    // SAFETY: forwards every call to `System` unchanged; the counters are atomics.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            COUNT.fetch_add(1, Ordering::Relaxed);
            BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
            grow(layout.size() as u64);
            // SAFETY: the caller's contract is `System`'s.
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            shrink(layout.size() as u64);
            // SAFETY: the caller's contract is `System`'s.
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            COUNT.fetch_add(1, Ordering::Relaxed);
            BYTES.fetch_add(new_size as u64, Ordering::Relaxed);
            shrink(layout.size() as u64);
            grow(new_size as u64);
            // SAFETY: the caller's contract is `System`'s.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    /// Allocations (a realloc counts as one, with its new size) and bytes requested so far.
    pub fn snapshot() -> (u64, u64) {
        (COUNT.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed))
    }

    /// The allocations and bytes `f` makes (single-threaded use only).
    pub fn measure<R>(f: impl FnOnce() -> R) -> (R, u64, u64) {
        let (c0, b0) = snapshot();
        let r = f();
        let (c1, b1) = snapshot();
        (r, c1 - c0, b1 - b0)
    }
}

// ---------------------------------------------------------------------------------------------
// The ratio: interleaved A/B rounds
// ---------------------------------------------------------------------------------------------

/// The median of `xs` (sorted in place).
pub fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// Times `ours` and `baseline` in alternating rounds of `iters` calls each, for about `budget`,
/// and returns the median time per call of each and the median of the per-round ratios (ours /
/// baseline). Alternating rounds makes the ratio robust to load that comes and goes.
pub fn interleaved(
    budget: Duration,
    iters: u32,
    mut ours: impl FnMut(),
    mut baseline: impl FnMut(),
) -> (Duration, Duration, f64) {
    let (mut a, mut b, mut r) = (Vec::new(), Vec::new(), Vec::new());
    // Warm up both.
    for _ in 0..iters {
        ours();
        baseline();
    }
    let start = Instant::now();
    let mut round = 0u32;
    while start.elapsed() < budget || round < 10 {
        let time = |f: &mut dyn FnMut()| {
            let t = Instant::now();
            for _ in 0..iters {
                f();
            }
            t.elapsed().as_secs_f64() / f64::from(iters)
        };
        // Alternate which side goes first.
        let (ta, tb) = if round.is_multiple_of(2) {
            let ta = time(&mut ours);
            (ta, time(&mut baseline))
        } else {
            let tb = time(&mut baseline);
            (time(&mut ours), tb)
        };
        a.push(ta);
        b.push(tb);
        r.push(ta / tb);
        round += 1;
    }
    (
        Duration::from_secs_f64(median(&mut a)),
        Duration::from_secs_f64(median(&mut b)),
        median(&mut r),
    )
}

/// Prints one comparison line: `name: typed X vs BASELINE Y  ratio = R  (target)`.
pub fn print_ratio(
    name: &str,
    ours: Duration,
    baseline_name: &str,
    baseline: Duration,
    ratio: f64,
    target: &str,
) {
    println!(
        "{name}: typed {ours:.2?} vs {baseline_name} {baseline:.2?}  ratio = {ratio:.3}  ({target})"
    );
}

// ---------------------------------------------------------------------------------------------
// A sandbox on its own thread
// ---------------------------------------------------------------------------------------------

/// A sandbox served from a dedicated thread (one core's worth of Tokio), so that the client
/// under test has its own runtime.
pub struct ThreadSandbox {
    /// `http://127.0.0.1:PORT`
    pub base_url: String,
    /// The token it accepts.
    pub api_key: String,
    /// Ids of the user records inserted at start.
    pub ids: Vec<RecordId>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl ThreadSandbox {
    /// Starts a sandbox (rate limits on or off) with `users` user records.
    pub fn start(rate_limits: bool, users: usize) -> Self {
        Self::start_with(rate_limits, users, update_user)
    }

    /// Starts a sandbox (rate limits on or off) with `users` user records whose values are
    /// `user(i)`'s.
    pub fn start_with(rate_limits: bool, users: usize, user: fn(usize) -> User) -> Self {
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            // The server's heap is not the client's: a bench that measures the client's
            // memory with the counting allocator leaves this thread out.
            alloc::exclude_this_thread();
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let sb = attio_sandbox::Sandbox::builder()
                    .rate_limits(rate_limits)
                    .record_requests(0)
                    .seed(7)
                    .start()
                    .await
                    .unwrap();
                let ids: Vec<RecordId> = (0..users)
                    .map(|i| RecordId::new(uuid(3, i)).unwrap())
                    .collect();
                let rows = ids.iter().enumerate().map(|(i, id)| {
                    let values = attio::wire::encode_values(&user(i)).unwrap();
                    let values: serde_json::Value = serde_json::from_slice(&values).unwrap();
                    (id.as_str().to_owned(), values["data"]["values"].clone())
                });
                sb.insert_records("users", rows).unwrap();
                ready_tx
                    .send((sb.base_url(), sb.api_key().to_owned(), ids))
                    .unwrap();
                let _ = stop_rx.await;
                sb.shutdown().await;
            });
        });
        let (base_url, api_key, ids) = ready_rx.recv().unwrap();
        ThreadSandbox {
            base_url,
            api_key,
            ids,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }
}

impl Drop for ThreadSandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The update a round-trip or bulk item sends for record `i`: only the user's own values (no
/// references, so that the records need no people or workspaces).
pub fn update_user(i: usize) -> User {
    User {
        user_id: format!("user-{i}"),
        primary_email_address: format!("person{i}@company.com").parse().unwrap(),
        person: None,
        workspace: None,
    }
}

/// The hand-written twin of [`update_user`].
pub fn hand_update_user(i: usize) -> hand_write::User {
    hand_write::User {
        user_id: format!("user-{i}"),
        primary_email_address: format!("person{i}@company.com"),
        person: None,
        workspace: None,
    }
}

/// Machine facts for the printed reports: `nproc` and the CPU model.
pub fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cpus} CPUs, {model}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_and_hand_written_encodings_are_the_same_bytes() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for i in [0, 1, 499] {
            encode_typed(&user(i), &mut a);
            encode_hand(&hand_user(i), &mut b);
            assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
            encode_typed(&update_user(i), &mut a);
            encode_hand(&hand_update_user(i), &mut b);
            assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
        }
        encode_typed(&wide(), &mut a);
        encode_hand(&hand_wide(), &mut b);
        assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
    }

    #[test]
    fn the_three_decoders_read_the_same_page() {
        let page = user_page(20);
        let typed = decode_typed(&page);
        let hand = decode_hand(&page);
        let value = decode_value(&page);
        assert_eq!(typed.len(), 20);
        assert_eq!(hand.data.len(), 20);
        assert_eq!(value["data"].as_array().unwrap().len(), 20);
        for (i, (t, h)) in typed.iter().zip(&hand.data).enumerate() {
            assert_eq!(t.values, user(i));
            assert_eq!(t.id.record_id.as_str(), h.id.record_id);
            assert_eq!(t.values.user_id, h.values.user_id[0].value);
            assert_eq!(
                t.values.primary_email_address.as_str(),
                h.values.primary_email_address[0].original_email_address
            );
        }
    }
}
