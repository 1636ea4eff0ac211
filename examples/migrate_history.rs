//! Moving to Attio from another CRM, history included: import companies with the whole history
//! of their names (when each name was used), then merge two records that turn out to be the same
//! company.
//!
//! ```sh
//! cargo run --example migrate_history
//! ```
//!
//! With no `ATTIO_API_KEY` set it runs against `attio-sandbox` in this process (no account, no
//! network). With `ATTIO_API_KEY` set it writes to your workspace: it creates three companies
//! (domains under `.example`), replaces their names' history, merges two of them, and leaves
//! the result in place.

mod common;

use attio::prelude::*;
use attio::{Domain, Timestamp, WithMeta, attio_object};

/// A company: the standard `companies` object.
#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
pub struct Company {
    /// Its name.
    pub name: String,
    /// Its domains.
    pub domains: Vec<Domain>,
}

/// A company as the old CRM exports it: its domains, and each name it had with the time it took
/// the name (the last one is the current name).
struct Legacy {
    domains: &'static [&'static str],
    names: &'static [(&'static str, &'static str)],
}

const EXPORT: &[Legacy] = &[
    Legacy {
        domains: &["initech.example"],
        names: &[
            ("Initech Software", "2015-03-01T00:00:00Z"),
            ("Initech", "2019-09-16T08:00:00Z"),
        ],
    },
    Legacy {
        domains: &["globex.example"],
        names: &[
            ("Globex", "2012-01-01T00:00:00Z"),
            ("Globex Corporation", "2018-06-01T00:00:00Z"),
        ],
    },
    // The same company, entered twice in the old CRM under another domain.
    Legacy {
        domains: &["globex-corp.example"],
        names: &[("Globex Corp.", "2020-02-02T00:00:00Z")],
    },
];

/// A legacy name history as Attio values: each name active from its date until the next one's;
/// the last one still active.
fn history(names: &[(&str, &str)]) -> Result<Vec<WithMeta<String>>, attio::ValueError> {
    let mut values = Vec::with_capacity(names.len());
    for (i, (name, from)) in names.iter().enumerate() {
        let mut value = WithMeta::new(name.to_string()).active_from(from.parse()?);
        if let Some((_, next)) = names.get(i + 1) {
            value = value.active_until(next.parse::<Timestamp>()?);
        }
        values.push(value);
    }
    Ok(values)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (client, _sandbox) = common::connect().await?;

    // 1. Import: create each company under its current name, then write the whole history of
    //    the name, so that Attio knows when each name was used.
    let mut imported = Vec::new();
    for legacy in EXPORT {
        let names = history(legacy.names)?;
        let current = names.last().map(|n| n.value.clone()).unwrap_or_default();
        let company = Company {
            name: current,
            domains: legacy
                .domains
                .iter()
                .map(|d| d.parse())
                .collect::<Result<_, _>>()?,
        };
        let record = company.create(&client).await?;
        let id = record.id.record_id;
        let written = Company::write_history(&client, &id, |f| f.name(), &names).await?;
        println!("imported {} with {} names", id, written.len());
        imported.push(id);
    }

    // 2. Read one history back: the same names, the same dates.
    for name in Company::history(&client, &imported[1], |f| f.name()).await? {
        let until = name
            .meta
            .active_until
            .map_or("now".to_string(), |t| t.to_string());
        let from = name
            .meta
            .active_from
            .map_or("?".to_string(), |t| t.to_string());
        println!("  {:<20} {from} .. {until}", name.value);
    }

    // 3. Merge the duplicate into the record kept: the kept record's values win where both have
    //    one (its name, and its domains: the duplicate's are kept only where it has none), and
    //    Attio makes a new record (both originals are gone). A large merge is applied in the
    //    background; `merge` waits until the new record can be read.
    let (kept, duplicate) = (&imported[1], &imported[2]);
    let merged = Company::merge(&client, kept, duplicate).await?;
    println!(
        "merged {duplicate} into {kept}: now {} \"{}\" ({})",
        merged.id.record_id,
        merged.values.name,
        merged
            .values
            .domains
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    match Company::get(&client, duplicate).await {
        Err(e) if e.status() == Some(404) => println!("{duplicate} is gone, as merged records are"),
        Err(e) => return Err(e.into()),
        Ok(_) => println!("{duplicate} can still be read"),
    }
    Ok(())
}
