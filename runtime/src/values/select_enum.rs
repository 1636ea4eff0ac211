//! `select` and `status` attributes as your own enums: the [`SelectEnum`] trait, implemented by
//! `#[derive(attio::SelectEnum)]`.

use serde::Serializer;

use super::ValueMeta;
use super::choice::{self, Core, Kind};
use super::{AttioValue, ValueError, WritableValue};

/// A fieldless enum whose variants are the options of a `select` attribute or the statuses of a
/// `status` attribute: implemented by `#[derive(attio::SelectEnum)]`.
///
/// Each variant stands for the option (or status) whose title is the variant's name, or the
/// `#[attio(rename = "…")]` given on it. The enum is a full value type: use it as a field's type
/// (`T`, `Option<T>`, `Vec<T>` for a multiselect), in change sets, and in queries, whose handle
/// is a [`SelectFilter`](crate::SelectFilter) taking the enum's variants.
///
/// **Write form:** `{"option": "<title>"}` (`{"status": "<title>"}` with `#[attio(status)]`).
/// **Read:** by the option's title. A title the enum does not know is a decoding error naming the
/// titles it knows, unless one variant is marked `#[attio(other)]`: a unit variant (the title is
/// dropped, and the variant cannot be written), or a variant holding a `String` (the title) or
/// the untyped value ([`SelectOption`](crate::SelectOption) or [`Status`](crate::Status)), which
/// is written back as it holds.
///
/// Options on the enum: `#[attio(status)]` for a `status` attribute (the default is `select`),
/// and `#[attio(crate = "…")]` when `attio` is not reachable as `::attio`.
///
/// ```
/// use attio::SelectEnum;
///
/// #[derive(Debug, Clone, Copy, PartialEq, SelectEnum)]
/// #[attio(status)]
/// enum Stage {
///     Lead,
///     #[attio(rename = "In Progress")]
///     InProgress,
///     #[attio(rename = "Won 🎉")]
///     Won,
///     Lost,
/// }
///
/// assert_eq!(Stage::TITLES, ["Lead", "In Progress", "Won 🎉", "Lost"]);
/// assert_eq!(Stage::Won.title(), Some("Won 🎉"));
/// assert_eq!(Stage::from_title("In Progress"), Some(Stage::InProgress));
/// assert_eq!(<Stage as attio::AttioValue>::ATTRIBUTE_TYPE, attio::AttributeType::Status);
///
/// #[attio::attio_object(slug = "deals")]
/// struct Deal {
///     name: String,
///     stage: Stage,
/// }
/// let open = Deal::fields().stage().is_in([Stage::Lead, Stage::InProgress]);
/// assert_eq!(open.to_json(), &serde_json::json!({"stage": {"$in": ["Lead", "In Progress"]}}));
/// ```
pub trait SelectEnum: Sized {
    /// The untyped value type: [`SelectOption`](crate::SelectOption) for a `select` attribute,
    /// [`Status`](crate::Status) for a `status` attribute (`#[attio(status)]`).
    type Choice: Choice;

    /// The titles of the variants, in declaration order (without the `#[attio(other)]` variant).
    const TITLES: &'static [&'static str];

    /// The enum's name, for error messages.
    #[doc(hidden)]
    const NAME: &'static str;

    /// The variant's title; `None` for the `#[attio(other)]` variant.
    ///
    /// ```
    /// #[derive(attio::SelectEnum)]
    /// enum Category { SaaS, #[attio(rename = "3D Printing")] Printing }
    /// use attio::SelectEnum as _;
    /// assert_eq!(Category::Printing.title(), Some("3D Printing"));
    /// ```
    fn title(&self) -> Option<&'static str> {
        match self.variant() {
            Variant::Named(i) => Self::TITLES.get(i).copied(),
            Variant::Other(_) => None,
        }
    }

    /// The variant whose title is `title` (exactly); `None` when no variant has it (the
    /// `#[attio(other)]` variant is never returned).
    ///
    /// ```
    /// #[derive(Debug, PartialEq, attio::SelectEnum)]
    /// enum Category { SaaS, B2B }
    /// use attio::SelectEnum as _;
    /// assert_eq!(Category::from_title("B2B"), Some(Category::B2B));
    /// assert_eq!(Category::from_title("b2b"), None);
    /// ```
    fn from_title(title: &str) -> Option<Self> {
        Self::TITLES
            .iter()
            .position(|t| *t == title)
            .map(Self::from_index)
    }

    /// Which variant `self` is.
    #[doc(hidden)]
    fn variant(&self) -> Variant<Self::Choice>;

    /// The named variant at `index` in [`TITLES`](SelectEnum::TITLES).
    #[doc(hidden)]
    fn from_index(index: usize) -> Self;

    /// The `#[attio(other)]` variant holding `choice`, or `choice` back when there is none.
    #[doc(hidden)]
    fn from_other(choice: Self::Choice) -> Result<Self, Self::Choice>;
}

/// Which variant of a [`SelectEnum`] a value is.
#[doc(hidden)]
pub enum Variant<C> {
    /// The variant with the title at this index of `TITLES`.
    Named(usize),
    /// The `#[attio(other)]` variant: the value it writes, or why it cannot be written.
    Other(Result<C, ValueError>),
}

/// [`SelectOption`](crate::SelectOption) or [`Status`](crate::Status): the untyped value a
/// [`SelectEnum`] stands for, a newtype over the shared [`Core`] (implemented by `choice_value!`).
#[doc(hidden)]
pub trait Choice: WritableValue {
    /// The names (`option` or `status`, ...).
    type Kind: Kind;
    /// The shared core.
    fn core(&self) -> &Core<Self::Kind>;
    /// The value around `core`.
    fn from_core(core: Core<Self::Kind>) -> Self;
}

/// `option` or `status`: the key of the write form, and the noun in messages.
fn key<C: Choice>() -> &'static str {
    <C::Kind as Kind>::KEY
}

/// A type the `#[attio(other)]` variant of a [`SelectEnum`] can hold: `String` (the title) or the
/// untyped value itself.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "an #[attio(other)] variant cannot hold `{Self}`",
    label = "the catch-all variant's field",
    note = "the #[attio(other)] variant is a unit variant, or holds a `String` (the title) or the untyped value: `attio::SelectOption` for a select enum, `attio::Status` for a #[attio(status)] enum"
)]
pub trait CatchAll<C>: Sized {
    /// The held value for an option the enum does not know.
    fn from_choice(choice: C) -> Self;
    /// What to write.
    fn to_choice(&self) -> Result<C, ValueError>;
}

impl<C: Choice> CatchAll<C> for String {
    fn from_choice(choice: C) -> Self {
        choice.core().label().to_owned()
    }
    fn to_choice(&self) -> Result<C, ValueError> {
        Core::by_title(self.clone()).map(C::from_core)
    }
}

impl<C: Choice + Clone> CatchAll<C> for C {
    fn from_choice(choice: C) -> Self {
        choice
    }
    fn to_choice(&self) -> Result<C, ValueError> {
        Ok(self.clone())
    }
}

/// Decodes an enum from the option (or status) read from a value object.
#[doc(hidden)]
pub fn from_shape<E: SelectEnum>(
    shape: <E::Choice as AttioValue>::Shape,
    meta: ValueMeta,
) -> Result<E, String> {
    let choice = E::Choice::from_shape(shape, meta)?;
    if let Some(title) = choice.core().title()
        && let Some(i) = E::TITLES.iter().position(|t| *t == title)
    {
        return Ok(E::from_index(i));
    }
    E::from_other(choice).map_err(|choice| unknown::<E>(&choice))
}

fn unknown<E: SelectEnum>(choice: &E::Choice) -> String {
    let key = key::<E::Choice>();
    let known = E::TITLES
        .iter()
        .map(|t| format!("{t:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let what = match (choice.core().title(), choice.core().id()) {
        (Some(title), _) => format!("the {key} {title:?} is not one of `{}`'s", E::NAME),
        (None, Some(id)) => format!(
            "the {key} with id `{id}` came without its title, and `{}` maps titles",
            E::NAME
        ),
        (None, None) => format!("the {key} has no title, and `{}` maps titles", E::NAME),
    };
    format!(
        "{what} ({known}); add a variant for it (with #[attio(rename = \"…\")] when its title is not the variant's name), or a catch-all variant marked #[attio(other)]"
    )
}

/// Checks that the variant can be written.
#[doc(hidden)]
pub fn validate<E: SelectEnum>(value: &E) -> Result<(), ValueError> {
    match value.variant() {
        Variant::Named(_) => Ok(()),
        Variant::Other(choice) => choice.and_then(|c| c.validate()),
    }
}

/// `{"option": "<title>"}` / `{"status": "<title>"}`, or the catch-all's value.
#[doc(hidden)]
pub fn encode<E: SelectEnum, S: Serializer>(value: &E, s: S) -> Result<S::Ok, S::Error> {
    match value.variant() {
        Variant::Named(i) => choice::write_form::<<E::Choice as Choice>::Kind, S, _>(
            s,
            E::TITLES.get(i).unwrap_or(&""),
        ),
        Variant::Other(Ok(choice)) => choice.encode(s),
        Variant::Other(Err(e)) => Err(serde::ser::Error::custom(e)),
    }
}

/// The filter operand: the title, or the catch-all's id or title.
#[doc(hidden)]
pub fn operand<E: SelectEnum>(value: &E) -> String {
    match value.variant() {
        Variant::Named(i) => E::TITLES.get(i).copied().unwrap_or_default().to_owned(),
        Variant::Other(Ok(choice)) => choice.core().operand().unwrap_or_default().to_owned(),
        Variant::Other(Err(_)) => String::new(),
    }
}

/// The error for writing a unit `#[attio(other)]` variant.
pub(crate) fn unit_other_error<E: SelectEnum>(variant: &'static str) -> ValueError {
    ValueError::new(
        <E::Choice as AttioValue>::ATTRIBUTE_TYPE,
        format!(
            "`{}::{variant}` stands for every {} the enum does not know, and has no title to write; write a named variant, or make the catch-all hold the title (`{variant}(String)`)",
            E::NAME,
            key::<E::Choice>()
        ),
    )
}

/// The variant of a unit `#[attio(other)]` variant, which cannot be written; used by generated
/// code.
#[doc(hidden)]
pub fn unit_other<E: SelectEnum>(variant: &'static str) -> Variant<E::Choice> {
    Variant::Other(Err(unit_other_error::<E>(variant)))
}

/// The variant of an `#[attio(other)]` variant holding a value; used by generated code.
#[doc(hidden)]
pub fn held_other<C, F: CatchAll<C>>(held: &F) -> Variant<C> {
    Variant::Other(held.to_choice())
}

/// The shape a select enum reads: its untyped value's.
#[doc(hidden)]
pub type ChoiceShape<E> = <<E as SelectEnum>::Choice as AttioValue>::Shape;
