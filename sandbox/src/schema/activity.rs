//! The schemas an activity extends (`activities`, `interactions`, `calls`, `emails`) and the
//! attributes each supplies to the activities that extend it.
//!
//! Attio's documentation names the four schemas but, in what this project could read, not the
//! attributes they supply; what follows is the sandbox's assumption, kept small and named after
//! what each schema is about:
//!
//! | schema | inherited attributes |
//! |---|---|
//! | `activities` | `occurred_at` (timestamp) |
//! | `interactions` | `occurred_at`, `direction` (select: `Inbound`, `Outbound`) |
//! | `calls` | `occurred_at`, `direction`, `duration_seconds` (number) |
//! | `emails` | `occurred_at`, `direction`, `subject` (text) |
//!
//! Inherited attributes are system attributes (their definitions cannot be edited, as the
//! standard objects' cannot) but not read-only: records write their values like any other.

use super::standard::system_attributes;
use super::types::{AttrType, Attribute, SelectOption};
use crate::util::Rng;

/// A schema an activity extends, fixed when the activity is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extends {
    /// `activities`: any event.
    Activities,
    /// `interactions`: an event with a direction.
    Interactions,
    /// `calls`: an interaction with a duration.
    Calls,
    /// `emails`: an interaction with a subject.
    Emails,
}

impl Extends {
    /// Every schema, in the order Attio lists them.
    pub const ALL: [Extends; 4] = [
        Extends::Activities,
        Extends::Interactions,
        Extends::Calls,
        Extends::Emails,
    ];

    /// The schema's slug (`schema_slug` on the wire).
    pub fn as_str(self) -> &'static str {
        match self {
            Extends::Activities => "activities",
            Extends::Interactions => "interactions",
            Extends::Calls => "calls",
            Extends::Emails => "emails",
        }
    }

    /// The schema with this slug.
    pub fn parse(slug: &str) -> Option<Extends> {
        Self::ALL.into_iter().find(|e| e.as_str() == slug)
    }

    /// Its position in [`Extends::ALL`].
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|e| *e == self).unwrap_or(0)
    }

    /// The attribute table of a new activity extending this schema: the system attributes every
    /// record has (`record_id`, `created_at`, `created_by`), then the inherited ones.
    pub fn attributes(self, rng: &mut Rng, now: &str) -> Vec<Attribute> {
        let mut out = system_attributes(rng, now);
        let mut inherit = |slug: &str, title: &str, ty: AttrType| {
            let mut attr = Attribute::new(rng, now, slug, title, ty);
            attr.is_system = true;
            if ty == AttrType::Select {
                for title in ["Inbound", "Outbound"] {
                    attr.options.push(SelectOption {
                        id: rng.uuid(),
                        title: title.to_owned(),
                        is_archived: false,
                    });
                }
            }
            out.push(attr);
        };
        inherit("occurred_at", "Occurred at", AttrType::Timestamp);
        if self != Extends::Activities {
            inherit("direction", "Direction", AttrType::Select);
        }
        match self {
            Extends::Calls => inherit("duration_seconds", "Duration (seconds)", AttrType::Number),
            Extends::Emails => inherit("subject", "Subject", AttrType::Text),
            Extends::Activities | Extends::Interactions => {}
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_schema_supplies_its_attributes() {
        let slugs = |e: Extends| -> Vec<String> {
            e.attributes(&mut Rng::new(3), "2026-01-01T00:00:00.000000000Z")
                .into_iter()
                .map(|a| a.api_slug)
                .collect()
        };
        let system = ["record_id", "created_at", "created_by"];
        assert_eq!(
            slugs(Extends::Activities),
            [&system[..], &["occurred_at"]].concat()
        );
        assert_eq!(
            slugs(Extends::Calls),
            [
                &system[..],
                &["occurred_at", "direction", "duration_seconds"]
            ]
            .concat()
        );
        assert_eq!(
            slugs(Extends::Emails),
            [&system[..], &["occurred_at", "direction", "subject"]].concat()
        );
        let attrs = Extends::Interactions.attributes(&mut Rng::new(3), "now");
        let direction = attrs.iter().find(|a| a.api_slug == "direction").unwrap();
        assert!(direction.is_system && direction.is_writable);
        assert_eq!(direction.options.len(), 2);
        for e in Extends::ALL {
            assert_eq!(Extends::parse(e.as_str()), Some(e));
            assert_eq!(Extends::ALL[e.index()], e);
        }
    }
}
