//! The schema at the bottom of the sandbox: attribute types, attributes, objects, options and
//! statuses with their JSON forms (`types.rs`), the standard objects a workspace starts with
//! (`standard.rs`), and the schemas activities extend with the attributes they supply
//! (`activity.rs`).

mod activity;
mod standard;
mod types;

pub use activity::Extends;
pub use standard::{standard_objects, system_attributes};
pub use types::{AttrType, Attribute, Object, SelectOption, Status};
