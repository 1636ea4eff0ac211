//! The schema at the bottom of the sandbox: attribute types, attributes, objects, options and
//! statuses with their JSON forms (`types.rs`), and the standard objects a workspace starts with
//! (`standard.rs`).

mod standard;
mod types;

pub use standard::{standard_objects, system_attributes};
pub use types::{AttrType, Attribute, Object, SelectOption, Status};
