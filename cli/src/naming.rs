//! Attio's names as Rust identifiers: attribute slugs as field names, option and status titles
//! as variant names, object nouns and list slugs as type names.
//!
//! Every function returns a valid identifier for any input (an empty or all-symbol title
//! included), and [`Taken`] de-duplicates them within one scope.

use std::collections::BTreeSet;

/// Rust's strict and reserved keywords (edition 2024), none of which can name a field as is.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Whether `word` is a Rust keyword (strict or reserved).
///
/// ```
/// assert!(attio_cli::naming::is_keyword("type"));
/// assert!(!attio_cli::naming::is_keyword("name"));
/// ```
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// The field name for an attribute slug: the slug itself when it is a valid snake_case
/// identifier; otherwise snake_case with other characters as `_`, a `_` before a leading digit,
/// and a `_` after a keyword (`type` → `type_`).
///
/// ```
/// use attio_cli::naming::field_ident;
/// assert_eq!(field_ident("email_addresses"), "email_addresses");
/// assert_eq!(field_ident("type"), "type_");
/// assert_eq!(field_ident("2fa_enabled"), "_2fa_enabled");
/// assert_eq!(field_ident("dealValue"), "deal_value");
/// ```
pub fn field_ident(slug: &str) -> String {
    let plain = slug.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && slug.chars().any(|c| c != '_');
    if plain && !is_keyword(slug) {
        return slug.to_owned();
    }
    let mut out = String::with_capacity(slug.len());
    let mut prev_lower = false;
    for c in slug.chars() {
        if c.is_ascii_uppercase() {
            if prev_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = false;
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else if c == '_' {
            out.push('_');
            prev_lower = false;
        } else {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            prev_lower = false;
        }
    }
    // A trailing `_` made from another character (`deal-`) is dropped.
    if !slug.ends_with('_') {
        while out.ends_with('_') && out.len() > 1 {
            out.pop();
        }
    }
    if out.is_empty() || out.chars().all(|c| c == '_') {
        return "field".to_owned();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    if is_keyword(&out) {
        out.push('_');
    }
    out
}

/// An UpperCamelCase type or variant name for a title: each run of ASCII letters and digits is
/// a word whose first letter is capitalised (an all-capitals word of several letters is
/// written `Capitalised`, as Rust's naming conventions ask); everything else separates words.
/// `None` when the title has no letter or digit at all (`"🎉"`). A leading digit gets a `_`
/// before it.
///
/// ```
/// use attio_cli::naming::camel_ident;
/// assert_eq!(camel_ident("In Progress").as_deref(), Some("InProgress"));
/// assert_eq!(camel_ident("Won 🎉").as_deref(), Some("Won"));
/// assert_eq!(camel_ident("SaaS").as_deref(), Some("SaaS"));
/// assert_eq!(camel_ident("B2B").as_deref(), Some("B2b"));
/// assert_eq!(camel_ident("3D Printing").as_deref(), Some("_3dPrinting"));
/// assert_eq!(camel_ident("sales_pipeline").as_deref(), Some("SalesPipeline"));
/// assert_eq!(camel_ident("🎉"), None);
/// ```
pub fn camel_ident(title: &str) -> Option<String> {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let shouting = word.len() > 1
            && word.chars().any(|c| c.is_ascii_uppercase())
            && !word.chars().any(|c| c.is_ascii_lowercase());
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
        }
        if shouting {
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        } else {
            out.extend(chars);
        }
    }
    if out.is_empty() {
        return None;
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    if out == "Self" {
        out.push('_');
    }
    Some(out)
}

/// The names already used in one scope (the variants of one enum, the fields of one struct,
/// the types of one file): [`Taken::claim`] returns the name, or the name with the first free
/// number after it.
///
/// ```
/// let mut taken = attio_cli::naming::Taken::default();
/// assert_eq!(taken.claim("Won", ""), "Won");
/// assert_eq!(taken.claim("Won", ""), "Won2");
/// assert_eq!(taken.claim("name", "_"), "name");
/// assert_eq!(taken.claim("name", "_"), "name_2");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Taken {
    names: BTreeSet<String>,
}

impl Taken {
    /// Whether `name` is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(name)
    }

    /// Reserves `name` without checking (a name something else will use).
    pub fn reserve(&mut self, name: impl Into<String>) {
        self.names.insert(name.into());
    }

    /// `name`, or `name{separator}2`, `name{separator}3`, …: the first that is free, now taken.
    pub fn claim(&mut self, name: &str, separator: &str) -> String {
        let mut candidate = name.to_owned();
        let mut n = 2;
        while self.names.contains(&candidate) {
            candidate = format!("{name}{separator}{n}");
            n += 1;
        }
        self.names.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_that_are_identifiers_are_kept() {
        for slug in [
            "name",
            "email_addresses",
            "a1",
            "record_id",
            "x__y",
            "trailing_",
        ] {
            assert_eq!(field_ident(slug), slug);
        }
    }

    #[test]
    fn keywords_get_an_underscore_after() {
        for (slug, ident) in [
            ("type", "type_"),
            ("match", "match_"),
            ("self", "self_"),
            ("crate", "crate_"),
            ("super", "super_"),
            ("async", "async_"),
            ("gen", "gen_"),
            ("try", "try_"),
        ] {
            assert_eq!(field_ident(slug), ident);
        }
    }

    #[test]
    fn other_slugs_become_snake_case() {
        assert_eq!(field_ident("2fa"), "_2fa");
        assert_eq!(field_ident("123"), "_123");
        assert_eq!(field_ident("deal-value"), "deal_value");
        assert_eq!(field_ident("Deal Value"), "deal_value");
        assert_eq!(field_ident("ARR"), "arr");
        assert_eq!(field_ident("arrUSD"), "arr_usd");
        assert_eq!(field_ident(""), "field");
        assert_eq!(field_ident("_"), "field");
        assert_eq!(field_ident("🎉"), "field");
        assert_eq!(field_ident("café"), "caf");
        assert_eq!(field_ident("Type"), "type_");
    }

    #[test]
    fn every_field_ident_parses_as_a_field_name() {
        for slug in [
            "type", "2fa", "", "🎉", "self", "Self", "a-b", "x", "_1", "__",
        ] {
            let ident = field_ident(slug);
            assert!(
                syn::parse_str::<syn::Ident>(&ident).is_ok(),
                "{slug:?} gave {ident:?}"
            );
        }
    }

    #[test]
    fn titles_become_camel_case_variants() {
        let cases = [
            ("Lead", "Lead"),
            ("In Progress", "InProgress"),
            ("Won 🎉", "Won"),
            ("Aerospace & Defense", "AerospaceDefense"),
            ("3D Printing", "_3dPrinting"),
            ("B2B", "B2b"),
            ("SaaS", "SaaS"),
            ("fintech", "Fintech"),
            ("ALL CAPS", "AllCaps"),
            ("a", "A"),
            ("self", "Self_"),
            ("e-commerce", "ECommerce"),
            ("Q4 '24", "Q424"),
        ];
        for (title, ident) in cases {
            assert_eq!(camel_ident(title).as_deref(), Some(ident), "{title:?}");
            assert!(syn::parse_str::<syn::Ident>(ident).is_ok());
        }
        assert_eq!(camel_ident(""), None);
        assert_eq!(camel_ident("🎉 🚀"), None);
        assert_eq!(camel_ident("---"), None);
    }

    #[test]
    fn taken_numbers_repeats() {
        let mut taken = Taken::default();
        taken.reserve("Other");
        assert_eq!(taken.claim("Other", ""), "Other2");
        assert_eq!(taken.claim("Other", ""), "Other3");
        assert_eq!(taken.claim("Lead", ""), "Lead");
        assert!(taken.contains("Lead"));
    }
}
