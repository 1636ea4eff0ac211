//! The property: decoding never panics, and an `Ok` is sane (the input was JSON, every value keeps
//! its type's invariants, the values re-encode).

use std::panic::{AssertUnwindSafe, catch_unwind};

use attio::{AttioObject, Currency, Date, Rating, Record, RecordId, Timestamp, ValueMeta};
use serde_json::Value;

use crate::structs::{Everything, User};

/// Decodes `bytes` as both targets; panics (with the input) if the decoder panics or an `Ok` is
/// not sane.
pub(crate) fn decode_both(bytes: &[u8]) {
    decode_as(None, bytes);
}

/// Decodes `bytes` as `Record<Everything>` (`Some(true)`), `Record<User>` (`Some(false)`) or both.
pub(crate) fn decode_as(everything: Option<bool>, bytes: &[u8]) {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        if everything != Some(true) {
            check::<User>(bytes, sane_user);
        }
        if everything != Some(false) {
            check::<Everything>(bytes, sane_everything);
        }
    }));
    if let Err(panic) = outcome {
        let what = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default();
        let text = String::from_utf8_lossy(bytes);
        let shown: String = text.chars().take(4000).collect();
        panic!(
            "the decoder panicked ({what}) on {} bytes: {shown:?}{}",
            bytes.len(),
            if shown.len() < text.len() { " …" } else { "" }
        );
    }
}

fn check<T: AttioObject + std::fmt::Debug>(bytes: &[u8], sane: fn(&T)) {
    match attio::wire::decode_record::<T>(bytes) {
        Ok(record) => {
            // The input was JSON. One leniency is serde_json's, not the decoder's: a string it
            // skips (an undeclared attribute, an unknown key) is not checked for valid UTF-8, so
            // compare with invalid bytes replaced (see `invalid_utf8_in_skipped_strings_is_accepted`).
            assert!(
                serde_json::from_slice::<Value>(String::from_utf8_lossy(bytes).as_bytes()).is_ok(),
                "decoded something that is not JSON"
            );
            sane_record(&record);
            sane(&record.values);
        }
        Err(e) => {
            // The error describes itself without panicking.
            let _ = (e.to_string(), format!("{e:?}"), e.path().len());
            let _ = std::error::Error::source(&e).map(ToString::to_string);
        }
    }
}

fn sane_record<T: AttioObject + std::fmt::Debug>(r: &Record<T>) {
    let id = r.id.record_id.as_str();
    assert!(
        RecordId::new(id).is_ok(),
        "a record id that is not one: {id:?}"
    );
    sane_timestamp(r.created_at);
    let _ = format!("{r:?}");
    // The values encode as a write body, and validate, without panicking.
    let _ = r.values.validate();
    let body = serde_json::to_vec(&attio::wire::ValuesBody(&r.values));
    if let Ok(body) = body {
        assert!(serde_json::from_slice::<Value>(&body).is_ok());
    }
}

fn sane_timestamp(t: Timestamp) {
    let text = t.to_string();
    let back: Timestamp = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(back, t, "{text}");
    assert_eq!(text.len(), 30, "{text}");
    let _ = format!("{t:?}");
}

fn sane_meta(m: &ValueMeta) {
    if let Some(t) = m.active_from {
        sane_timestamp(t);
    }
    if let Some(t) = m.active_until {
        sane_timestamp(t);
    }
    let _ = format!("{m:?}");
}

fn sane_user(u: &User) {
    let _ = (
        u.primary_email_address.to_string(),
        u.primary_email_address.normalized(),
        u.primary_email_address.root_domain(),
    );
    for r in [&u.person, &u.workspace].into_iter().flatten() {
        assert!(RecordId::new(r.target_record_id().as_str()).is_ok());
        let _ = r.to_string();
    }
}

fn sane_everything(e: &Everything) {
    sane_meta(&e.text_required.meta);
    if let Some(r) = e.rating {
        assert!(r.get() <= Rating::MAX, "{r}");
    }
    if let Some(d) = e.date {
        assert!((1..=9999).contains(&d.year()), "{d}");
        assert_eq!(d.to_string().parse::<Date>().ok(), Some(d));
    }
    if let Some(t) = e.timestamp {
        sane_timestamp(t);
    }
    for c in e
        .currency
        .iter()
        .chain(e.currency_string.as_ref().map(|c| &c.value))
    {
        assert!(c.decimal_places() <= 4, "{c}");
        let text = c.to_string();
        assert!(text.parse::<Currency>().is_ok(), "{text}");
        let _ = (c.to_f64(), c.mantissa(), format!("{c:?}"));
    }
    if let Some(c) = &e.currency_string {
        sane_meta(&c.meta);
    }
    if let Some(a) = &e.actor_reference {
        sane_meta(&a.meta);
        let _ = (a.to_string(), a.to_actor(), a.email());
    }
    for m in &e.email_address {
        sane_meta(&m.meta);
        let _ = (m.to_string(), m.local_part(), m.domain());
    }
    for s in &e.select {
        let _ = (s.to_string(), s.title(), s.option_id());
    }
    if let Some(s) = &e.status {
        let _ = (
            s.to_string(),
            s.title(),
            s.status_id(),
            s.target_time_in_status(),
        );
    }
    if let Some(l) = &e.location {
        let _ = (l.to_string(), l.country_code(), l.latitude(), l.longitude());
    }
    for d in &e.domain {
        let _ = (d.to_string(), d.root_domain());
    }
    for p in e.phone_number.iter().chain(&e.phone_number_openapi) {
        let _ = (
            p.to_string(),
            p.normalized(),
            p.country_code(),
            format!("{p:?}"),
        );
    }
    if let Some(i) = &e.interaction {
        sane_timestamp(i.interacted_at());
        let _ = (i.to_string(), i.interaction_type(), i.owner_actor());
    }
    if let Some(n) = &e.personal_name {
        let _ = (n.to_string(), n.full_name());
    }
    if let Some(r) = &e.record_reference {
        assert!(RecordId::new(r.target_record_id().as_str()).is_ok());
    }
    if let Some(x) = e.number {
        let _ = x.is_finite();
    }
    let _ = (
        e.float32, e.integer, e.small, &e.signed, e.unsigned, e.checkbox,
    );
}
