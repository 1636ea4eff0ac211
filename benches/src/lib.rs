//! Fixtures shared by the benchmarks: the typed objects, the hand-written serde structs that are
//! their baselines, a realistic query page, a counting allocator, an in-process sandbox on its own
//! thread, and an interleaved A/B timer that prints the ratio.
//!
//! Run the benchmarks with `cargo bench -p attio-benches` (or `--bench encode|decode|roundtrip|bulk`).

#[allow(unsafe_code)]
pub mod alloc;
mod codec;
mod hand;
pub mod hand_read;
pub mod hand_write;
mod ids;
mod page;
mod sandbox;
mod timing;
mod typed;

pub use codec::{decode_hand, decode_typed, decode_value, encode_hand, encode_typed};
pub use hand::{hand_update_user, hand_user, hand_wide};
pub use ids::uuid;
pub use page::{PAGE_SIZE, user_page, user_record_json};
pub use sandbox::ThreadSandbox;
pub use timing::{interleaved, machine, median, print_ratio};
pub use typed::{
    User, UserChanges, UserFields, Wide, WideChanges, WideFields, update_user, user, wide,
};

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
