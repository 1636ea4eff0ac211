//! `attio schema`: an object's, list's or activity's attributes as an aligned table, then the options and
//! statuses of its select and status attributes.

use std::fmt::Write as _;

use crate::model::AttributeSpec;

const HEADERS: [&str; 8] = [
    "slug",
    "title",
    "type",
    "multiselect",
    "required",
    "unique",
    "writable",
    "archived",
];

/// The table for `what` ("the object `people`") and its attributes.
///
/// ```
/// use attio::AttributeType::Text;
/// use attio_cli::model::AttributeSpec;
///
/// let table = attio_cli::schema_table::render("the object `people`", &[AttributeSpec::new("job_title", "Job title", Text)]);
/// assert!(table.contains("job_title  Job title  text"));
/// ```
pub fn render(what: &str, attributes: &[AttributeSpec]) -> String {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let rows: Vec<[String; 8]> = attributes
        .iter()
        .map(|a| {
            let mut ty = a.attribute_type.to_string();
            if let Some(objects) = &a.allowed_objects {
                let _ = write!(ty, " → {}", objects.join(", "));
            }
            [
                a.slug.clone(),
                a.title.clone(),
                ty,
                yes_no(a.is_multiselect).to_owned(),
                yes_no(a.is_required).to_owned(),
                yes_no(a.is_unique).to_owned(),
                yes_no(!a.is_read_only()).to_owned(),
                yes_no(a.is_archived).to_owned(),
            ]
        })
        .collect();
    let mut widths = HEADERS.map(width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    let live = attributes.iter().filter(|a| !a.is_archived).count();
    let _ = writeln!(
        out,
        "{what}: {live} attributes{}",
        match attributes.len() - live {
            0 => String::new(),
            n => format!(" and {n} archived"),
        }
    );
    out.push('\n');
    line(&mut out, &HEADERS.map(str::to_owned), &widths);
    for row in &rows {
        line(&mut out, row, &widths);
    }
    for a in attributes.iter().filter(|a| a.has_choices()) {
        let kind = if a.attribute_type == attio::AttributeType::Status {
            "statuses"
        } else {
            "options"
        };
        let _ = writeln!(out, "\n{kind} of `{}`:", a.slug);
        if a.choices.is_empty() {
            let _ = writeln!(out, "  (none)");
        }
        for choice in &a.choices {
            let archived = if choice.is_archived {
                "  (archived)"
            } else {
                ""
            };
            let _ = writeln!(out, "  {}{archived}", choice.title);
        }
    }
    out
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn line(out: &mut String, cells: &[String; 8], widths: &[usize; 8]) {
    let mut text = String::new();
    for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            text.push_str("  ");
        }
        text.push_str(cell);
        for _ in width(cell)..*w {
            text.push(' ');
        }
    }
    out.push_str(text.trim_end());
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use attio::AttributeType as T;

    #[test]
    fn columns_are_aligned_and_choices_listed() {
        let mut old = AttributeSpec::new("old", "Old", T::Text);
        old.is_archived = true;
        let table = render(
            "the object `deals`",
            &[
                AttributeSpec::new("name", "Deal name", T::Text).required(),
                AttributeSpec::new("stage", "Deal stage", T::Status).choices(["Lead", "Won 🎉"]),
                AttributeSpec::new("company", "Company", T::RecordReference).allowed(["companies"]),
                old,
            ],
        );
        let expected = "\
the object `deals`: 3 attributes and 1 archived

slug     title       type                          multiselect  required  unique  writable  archived
name     Deal name   text                          no           yes       no      yes       no
stage    Deal stage  status                        no           no        no      yes       no
company  Company     record-reference → companies  no           no        no      yes       no
old      Old         text                          no           no        no      yes       yes

statuses of `stage`:
  Lead
  Won 🎉
";
        assert_eq!(table, expected);
    }
}
