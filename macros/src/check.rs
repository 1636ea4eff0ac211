//! Rules across fields.

use crate::ast::Object;
use crate::ctxt::Ctxt;

/// Reports every rule the object as a whole breaks.
pub fn check(cx: &Ctxt, object: &Object<'_>) {
    duplicate_slugs(cx, object);
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
