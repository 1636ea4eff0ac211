//! The streaming read path under the same inputs: every answer is served over HTTP by a server
//! that frames it each way (`Content-Length`, chunked, or ended by closing), cuts it into random
//! pieces, announces more than it sends, and meets a random bound. Whatever arrives, the client
//! never panics, never holds more than the bound, and ends in the result the decoder gives the
//! same bytes, or in a typed error that says why (`TooLarge`, or a transport error for an answer
//! cut short).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use attio::{Client, Error, RateLimits, RecordId, RetryPolicy};
use attio_tests::hostile::{Answer, Framing, Hostile};
use proptest::prelude::*;

use crate::documents::seed_response;
use crate::structs::User;

/// One runtime and one server for every case; a case holds `turn` while the server gives its
/// answer (the tests of this module run on parallel threads).
struct Served {
    runtime: tokio::runtime::Runtime,
    server: Hostile,
    turn: Mutex<()>,
    /// A client per bound: building one (its TLS configuration) costs more than a case.
    clients: Mutex<HashMap<u64, Client>>,
}

fn served() -> &'static Served {
    static SERVED: OnceLock<Served> = OnceLock::new();
    SERVED.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let server = runtime.block_on(Hostile::start(Answer::Raw(Vec::new())));
        Served {
            runtime,
            server,
            turn: Mutex::new(()),
            clients: Mutex::default(),
        }
    })
}

/// Serves `body` as `framing` in `piece`-byte writes to a client reading at most `bound` bytes,
/// and checks what the client makes of it against the decoder's verdict on the bytes.
fn check(body: &[u8], framing: Framing, piece: usize, bound: u64) {
    let served = served();
    let _turn = served.turn.lock().unwrap_or_else(|e| e.into_inner());
    served.server.set(Answer::Body {
        status: 200,
        body: body.to_vec(),
        framing,
        piece,
    });
    let client = served
        .clients
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(bound)
        .or_insert_with(|| {
            Client::builder()
                .api_key("k")
                .base_url(served.server.url())
                .retry_policy(RetryPolicy::disabled())
                .max_response_bytes(bound)
                .rate_limits(RateLimits::unlimited())
                .build()
                .unwrap()
        })
        .clone();
    let id: RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse().unwrap();
    let got = served
        .runtime
        .block_on(async { client.get_record::<User>(&id).await });
    let len = body.len() as u64;
    let case = format!("{len} bytes, {framing:?}, pieces of {piece}, bound {bound}");
    match (framing, got) {
        (
            Framing::Length(declared),
            Err(Error::TooLarge {
                received,
                declared: d,
                limit,
                ..
            }),
        ) => {
            assert!(declared > bound, "{case}: refused within the bound");
            assert_eq!((received, d, limit), (0, Some(declared), bound), "{case}");
        }
        (
            _,
            Err(Error::TooLarge {
                received, limit, ..
            }),
        ) => {
            assert!(len > bound, "{case}: refused within the bound");
            assert!(
                received > bound && received <= len,
                "{case}: received {received}"
            );
            assert_eq!(limit, bound, "{case}");
        }
        (Framing::Length(declared), Err(Error::Transport { .. })) if declared > len => {}
        (_, got) => {
            let limit_passed = match framing {
                Framing::Length(declared) => declared > bound,
                _ => len > bound,
            };
            assert!(!limit_passed, "{case}: read past the bound: {got:?}");
            assert!(
                !matches!(framing, Framing::Length(d) if d > len),
                "{case}: a body cut short was taken: {got:?}"
            );
            let direct = attio::wire::decode_record::<User>(body);
            match (&got, &direct) {
                (Ok(a), Ok(b)) => assert_eq!(a.id, b.id, "{case}"),
                (Err(Error::Decode(a)), Err(b)) => assert_eq!(a.path(), b.path(), "{case}"),
                _ => panic!("{case}: over HTTP {got:?}, decoded directly {direct:?}"),
            }
            if let Err(e) = &got {
                let _ = (e.to_string(), format!("{e:?}"));
            }
        }
    }
}

fn framing_for(len: usize) -> impl Strategy<Value = Framing> {
    prop_oneof![
        Just(Framing::Length(len as u64)),
        (1u64..64).prop_map(move |extra| Framing::Length(len as u64 + extra)),
        Just(Framing::Chunked),
        Just(Framing::Unframed),
    ]
}

fn body_and_framing(bytes: BoxedStrategy<Vec<u8>>) -> impl Strategy<Value = (Vec<u8>, Framing)> {
    bytes.prop_flat_map(|b| {
        let len = b.len();
        (Just(b), framing_for(len))
    })
}

/// A bound below `max`, in steps of 37 bytes: few enough distinct ones that the client for each
/// is built once.
fn bound(max: u64) -> impl Strategy<Value = u64> {
    (1..max / 37).prop_map(|step| step * 37)
}

/// The seed response cut at any byte.
fn seed_prefix() -> BoxedStrategy<Vec<u8>> {
    let seed = seed_response().into_bytes();
    (0..=seed.len())
        .prop_map(move |cut| seed[..cut].to_vec())
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_over_http_hold_the_bound(
        (body, framing) in body_and_framing(proptest::collection::vec(any::<u8>(), 0..2048).boxed()),
        piece in 1usize..700,
        bound in bound(2500),
    ) {
        check(&body, framing, piece, bound);
    }

    #[test]
    fn prefixes_of_the_seed_answer_over_http_hold_the_bound(
        (body, framing) in body_and_framing(seed_prefix()),
        piece in 1usize..700,
        bound in bound(3000),
    ) {
        check(&body, framing, piece, bound);
    }
}

#[test]
fn every_prefix_of_the_seed_answer_cut_short_or_whole_ends_typed() {
    let seed = seed_response().into_bytes();
    let full = seed.len() as u64;
    for cut in 0..=seed.len() {
        let prefix = &seed[..cut];
        // Announced whole but cut at `cut`; bounds above, at, and below the whole.
        let bound = [full + 1, full, full / 2, 64][cut % 4];
        check(prefix, Framing::Length(full), 1 + cut % 97, bound);
        check(prefix, Framing::Chunked, 1 + cut % 89, bound);
    }
}
