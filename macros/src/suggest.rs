//! What to suggest: a valid api slug close to an invalid one, and the option a typo meant.

/// Why `slug` is not a valid api slug, if it is not.
pub fn slug_problem(slug: &str) -> Option<String> {
    if slug.is_empty() {
        return Some("it is empty".to_owned());
    }
    slug.chars()
        .find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '_'))
        .map(|c| {
            if c.is_ascii_uppercase() {
                format!("it contains the uppercase letter `{c}`")
            } else if c.is_whitespace() {
                "it contains whitespace".to_owned()
            } else {
                format!("it contains `{c}`")
            }
        })
}

/// A valid slug close to `s`: `Primary Email-Address` -> `primary_email_address`; `camelCase` ->
/// `camel_case`. `None` when nothing sensible is left.
pub fn suggest_slug(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len() + 4);
    let mut prev_lower = false;
    for c in s.trim().chars() {
        if c.is_ascii_uppercase() {
            if prev_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = false;
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
            prev_lower = true;
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
            prev_lower = false;
        }
    }
    let out = out.trim_end_matches('_').to_owned();
    (!out.is_empty()).then_some(out)
}

/// `; did you mean `slug`?` when `name` is a likely typo of a known option.
pub(crate) fn did_you_mean(name: &str, known: &[&str]) -> String {
    known
        .iter()
        .map(|k| (edit_distance(name, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3) && *d < k.len())
        .min()
        .map(|(_, k)| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

/// Levenshtein distance, for short option names.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::symbol::{FIELD_OPTIONS, OBJECT_ARGS};

    #[test]
    fn slugs() {
        assert_eq!(slug_problem("primary_email_address"), None);
        assert_eq!(slug_problem("deals2"), None);
        assert!(slug_problem("").is_some());
        assert!(
            slug_problem("Users")
                .unwrap()
                .contains("uppercase letter `U`")
        );
        assert!(slug_problem("sales leads").unwrap().contains("whitespace"));
        assert!(slug_problem("sales-leads").unwrap().contains("`-`"));
    }

    #[test]
    fn slug_suggestions() {
        assert_eq!(suggest_slug("Sales Leads").as_deref(), Some("sales_leads"));
        assert_eq!(suggest_slug("userId").as_deref(), Some("user_id"));
        assert_eq!(
            suggest_slug("email-address").as_deref(),
            Some("email_address")
        );
        assert_eq!(suggest_slug("--"), None);
    }

    #[test]
    fn typos() {
        assert_eq!(edit_distance("slg", "slug"), 1);
        assert_eq!(edit_distance("readonly", "read_only"), 1);
        assert_eq!(did_you_mean("slg", OBJECT_ARGS), " (did you mean `slug`?)");
        assert_eq!(
            did_you_mean("renam", FIELD_OPTIONS),
            " (did you mean `rename`?)"
        );
        assert_eq!(did_you_mean("zzzzzz", FIELD_OPTIONS), "");
    }
}
