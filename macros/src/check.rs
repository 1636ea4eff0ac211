//! Rules across fields.

use crate::ast::Object;
use crate::ctxt::Ctxt;

/// Reports every rule the object as a whole breaks.
pub fn check(cx: &Ctxt, object: &Object<'_>) {
    duplicate_slugs(cx, object);
    unique_fields(cx, object);
    if let crate::ast::Kind::List { .. } = object.kind {
        reserved_list_names(cx, object);
    }
}

/// A list's handles have `parent()`, the handles of the parent record: no field may take the name.
fn reserved_list_names(cx: &Ctxt, object: &Object<'_>) {
    for field in object.fields.iter().filter(|f| f.name == "parent") {
        cx.error_spanned_by(
            field.ident,
            format!(
                "a field of an #[attio_list] struct cannot be named `parent`: `{}::fields().parent()` is the handle of the entries' parent records; give the field another name and keep the attribute's slug with #[attio(rename = \"parent\")], e.g. `#[attio(rename = \"parent\")] parent_attribute: ...`",
                object.ident
            ),
        );
    }
}

/// Two fields must not map to the same attribute: the second is reported, naming the first.
fn duplicate_slugs(cx: &Ctxt, object: &Object<'_>) {
    for (i, field) in object.fields.iter().enumerate() {
        let Some(first) = object.fields[..i].iter().find(|f| f.slug == field.slug) else {
            continue;
        };
        let how = |f: &crate::ast::Field<'_>| {
            if f.renamed {
                format!("field `{}` (renamed)", f.name)
            } else {
                format!("field `{}`", f.name)
            }
        };
        cx.error_at(
            field.slug_span,
            format!(
                "the attribute `{}` is already declared by {} above; each Attio attribute maps to one field: remove one, or point it at another attribute with #[attio(rename = \"...\")]",
                field.slug,
                how(first),
            ),
        );
    }
}

/// `#[attio(unique)]` names an attribute a record can be found by: a single value the struct
/// writes, on an object.
fn unique_fields(cx: &Ctxt, object: &Object<'_>) {
    for field in &object.fields {
        let Some(span) = field.unique else { continue };
        let name = &field.name;
        let problem = if let crate::ast::Kind::List { .. } = object.kind {
            format!(
                "`unique` cannot go on `{name}`, a field of an #[attio_list] struct: an entry is found by its parent record, not by a unique attribute; mark the unique attribute on the parent's #[attio_object] struct instead, e.g. `#[attio(unique)] user_id: String`"
            )
        } else if field.read_only {
            format!(
                "`unique` cannot go on `{name}`, a read_only field: a create is resolved by the unique value it sends, and a read_only field is never sent; mark a writable field, e.g. `#[attio(unique)] user_id: String`, or remove `unique`"
            )
        } else if field.shape == crate::ast::Shape::Multiple {
            format!(
                "`unique` cannot go on `{name}`, a `Vec` (multiselect) field: several values cannot identify one record; mark a single-value unique attribute, e.g. `#[attio(unique)] user_id: String` or `#[attio(unique)] primary_email_address: attio::EmailAddress`"
            )
        } else {
            continue;
        };
        cx.error_at(span, problem);
    }
}
