//! `select`: one option of a select attribute.

use serde::{Deserialize, Serialize};

use super::ValueMeta;
use super::choice::{Core, Kind, choice_value};
use super::{AttributeType, ValueError};

/// The ids that identify a select option, as Attio returns them.
///
/// ```
/// let json = r#"{"workspace_id":"4f9a01be-3792-4ab9-926f-ca7f9005700c","object_id":"5f1feef5-fe73-4c0e-9d97-5b0a96a7d32b","attribute_id":"a4977b52-d367-4e28-a671-b5c4fa401fc5","option_id":"14938464-cae9-4e50-8856-0fb584844f24"}"#;
/// let id: attio::SelectOptionId = serde_json::from_str(json).unwrap();
/// assert_eq!(id.option_id, "14938464-cae9-4e50-8856-0fb584844f24");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SelectOptionId {
    /// The workspace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// The object whose attribute this is (for an object attribute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<String>,
    /// The list whose attribute this is (for a list attribute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_id: Option<String>,
    /// The attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_id: Option<String>,
    /// The option.
    pub option_id: String,
}

/// An option of a select attribute: Attio's `select` attribute type, single or multiselect
/// (`Vec<SelectOption>`).
///
/// Build one by title ([`SelectOption::by_title`]) or by option id ([`SelectOption::by_id`]).
/// Attio never creates options on write: an unknown title or id is rejected by the server
/// (`value_not_found`). An option read from Attio carries its ids ([`SelectOption::id`]), title and
/// archived flag; these are Attio's and only the id or title is ever written.
///
/// **Write form:** `{"option": "<option id>"}` when the option id is known (read values, or
/// [`SelectOption::by_id`]), else `{"option": "<title>"}`.
///
/// **Read:** `option` as the full object `{id: {workspace_id, object_id, attribute_id, option_id},
/// title, is_archived}`, or as a bare option-id string.
///
/// **Equality:** `==` compares every field, so an option read from Attio (ids, title, archived flag)
/// differs from `SelectOption::by_title` with the same title. To ask "is this the same option?",
/// use [`SelectOption::matches`] (same option id when both are known, else same title), or compare
/// with a string (`option == "Aerospace & Defense"` is true when the title or the option id equals
/// it).
///
/// **Serde:** `{"option_id", "title", "is_archived", "id"}`, the keys that are known.
///
/// ```
/// use attio::SelectOption;
///
/// let o = SelectOption::by_title("3D Printing")?;
/// assert_eq!(o.title(), Some("3D Printing"));
/// assert!(o == "3D Printing");
/// assert!(SelectOption::by_title("  ").is_err());
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SelectOption(Core<SelectKind>);

/// The names of the `select` kind of [`Core`].
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SelectKind;

impl Kind for SelectKind {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Select;
    const KEY: &'static str = "option";
    const ID_KEY: &'static str = "option_id";
    const NOUN: &'static str = "select option";
    const TYPE_NAME: &'static str = "SelectOption";
    const SERDE_KEYS: &'static [&'static str] = &["option_id", "title", "is_archived", "id"];
    type Ids = SelectOptionId;
    type Extra = ();

    fn id_of(ids: &SelectOptionId) -> &str {
        &ids.option_id
    }
}

impl SelectOption {
    /// The option titled `title`; fails for an empty or blank title.
    ///
    /// ```
    /// assert_eq!(attio::SelectOption::by_title("Lead")?.to_string(), "Lead");
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn by_title(title: impl Into<String>) -> Result<Self, ValueError> {
        Core::by_title(title.into()).map(SelectOption)
    }

    /// The option with id `option_id`; fails for an empty id.
    ///
    /// ```
    /// let o = attio::SelectOption::by_id("14938464-cae9-4e50-8856-0fb584844f24")?;
    /// assert_eq!(o.option_id(), Some("14938464-cae9-4e50-8856-0fb584844f24"));
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn by_id(option_id: impl Into<String>) -> Result<Self, ValueError> {
        Core::by_id(option_id.into()).map(SelectOption)
    }

    /// The option's id, when known.
    ///
    /// ```
    /// assert_eq!(attio::SelectOption::by_title("Lead")?.option_id(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn option_id(&self) -> Option<&str> {
        self.0.id()
    }

    /// The option's title, when known.
    ///
    /// ```
    /// assert_eq!(attio::SelectOption::by_id("x")?.title(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.0.title()
    }

    /// All the option's ids, for an option read from Attio.
    ///
    /// ```
    /// assert!(attio::SelectOption::by_title("Lead")?.id().is_none());
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn id(&self) -> Option<&SelectOptionId> {
        self.0.ids()
    }

    /// Whether the option is archived, for an option read from Attio.
    ///
    /// ```
    /// assert_eq!(attio::SelectOption::by_title("Lead")?.is_archived(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn is_archived(&self) -> Option<bool> {
        self.0.is_archived()
    }

    /// Whether `self` and `other` name the same option: the same option id when both have one,
    /// otherwise the same title.
    ///
    /// ```
    /// use attio::SelectOption;
    /// let a = SelectOption::by_title("Lead")?;
    /// assert!(a.matches(&SelectOption::by_title("Lead")?));
    /// assert!(!a.matches(&SelectOption::by_id("x")?));
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn matches(&self, other: &SelectOption) -> bool {
        self.0.matches(&other.0)
    }
}

choice_value!(SelectOption, SelectKind);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::WritableValue;
    use crate::values::test_util::{decode, encode};
    use serde_json::json;

    const READ: &str = r#"{"attribute_type":"select","option":{"id":{"workspace_id":"4f9a01be-3792-4ab9-926f-ca7f9005700c","object_id":"5f1feef5-fe73-4c0e-9d97-5b0a96a7d32b","attribute_id":"a4977b52-d367-4e28-a671-b5c4fa401fc5","option_id":"14938464-cae9-4e50-8856-0fb584844f24"},"title":"Aerospace & Defense","is_archived":false}}"#;

    #[test]
    fn constructs() {
        assert!(SelectOption::by_title("").is_err());
        assert!(SelectOption::by_id(" ").is_err());
        let t = SelectOption::by_title("Lead").unwrap();
        assert!(t.validate().is_ok());
        assert_eq!(t.to_string(), "Lead");
    }

    #[test]
    fn decodes_full_and_bare_forms() {
        let o: SelectOption = decode(READ).unwrap();
        assert_eq!(o.title(), Some("Aerospace & Defense"));
        assert_eq!(o.option_id(), Some("14938464-cae9-4e50-8856-0fb584844f24"));
        assert_eq!(o.is_archived(), Some(false));
        let id = o.id().unwrap();
        assert_eq!(
            id.attribute_id.as_deref(),
            Some("a4977b52-d367-4e28-a671-b5c4fa401fc5")
        );
        let bare: SelectOption =
            decode(r#"{"option":"14938464-cae9-4e50-8856-0fb584844f24"}"#).unwrap();
        assert!(bare.matches(&o) && o.matches(&bare));
        assert_ne!(bare, o);
        assert!(o == "Aerospace & Defense");
        assert!(o.matches(&SelectOption::by_title("Aerospace & Defense").unwrap()));
        assert!(decode::<SelectOption>(r#"{"option":null}"#).is_err());
        assert!(decode::<SelectOption>(r#"{"option":{"title":"x"}}"#).is_err());
    }

    #[test]
    fn encodes_by_id_when_known() {
        let o: SelectOption = decode(READ).unwrap();
        assert_eq!(
            encode(&o),
            json!({"option": "14938464-cae9-4e50-8856-0fb584844f24"})
        );
        assert_eq!(
            encode(&SelectOption::by_title("3D Printing").unwrap()),
            json!({"option": "3D Printing"})
        );
    }

    #[test]
    fn serdes() {
        let o: SelectOption = decode(READ).unwrap();
        let v = serde_json::to_value(&o).unwrap();
        assert_eq!(serde_json::from_value::<SelectOption>(v).unwrap(), o);
        let t = SelectOption::by_title("Lead").unwrap();
        assert_eq!(serde_json::to_value(&t).unwrap(), json!({"title": "Lead"}));
        assert!(serde_json::from_value::<SelectOption>(json!({})).is_err());
    }
}
