//! The check a statement passes before it is sent: a single `SELECT` (or `WITH … SELECT`), read
//! word by word with comments, string literals, quoted identifiers and dollar-quoted strings
//! skipped. A light lexical check, not a parser: Attio parses the statement and says what is
//! wrong with it; this only keeps a write from leaving the program.

/// A token that matters to the check.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// An unquoted word, upper-cased.
    Word(String),
    Open,
    Close,
    Semicolon,
    /// Anything else (a literal, an operator, a number).
    Other,
}

/// `Ok` for a single read statement; otherwise what is wrong and what to write instead.
pub(crate) fn check(sql: &str) -> Result<(), String> {
    let tokens = tokens(sql)?;
    let mut statements = tokens
        .split(|t| *t == Token::Semicolon)
        .filter(|s| !s.is_empty());
    let Some(statement) = statements.next() else {
        return Err("the statement is empty: write a `SELECT`".into());
    };
    let more = statements.count();
    if more > 0 {
        return Err(format!(
            "it holds {} statements separated by `;`, and Attio runs one per request: send each \
             `SELECT` on its own",
            more + 1
        ));
    }
    let first = statement.iter().find_map(|t| match t {
        Token::Word(w) => Some(w.as_str()),
        _ => None,
    });
    match first {
        Some("SELECT") | Some("WITH") => {}
        Some(word) => return Err(not_a_read(word)),
        None => return Err("it has no `SELECT`: write `SELECT … FROM …`".into()),
    }
    let mut depth = 0usize;
    for (i, token) in statement.iter().enumerate() {
        match token {
            Token::Open => depth += 1,
            Token::Close => depth = depth.saturating_sub(1),
            Token::Word(w) if w == "INTO" && depth == 0 => {
                return Err(
                    "`SELECT … INTO` creates a table, and Attio's SQL is read-only: \
                            remove the `INTO` clause"
                        .into(),
                );
            }
            Token::Word(w) if matches!(w.as_str(), "INSERT" | "UPDATE" | "DELETE" | "MERGE") => {
                let before = |n: usize| i.checked_sub(n).map(|j| &statement[j]);
                let opens_cte = before(1) == Some(&Token::Open)
                    && matches!(before(2), Some(Token::Word(w)) if w == "AS" || w == "MATERIALIZED");
                let main = depth == 0
                    && first == Some("WITH")
                    && !matches!(before(1), Some(Token::Word(w)) if w == "FOR" || w == "KEY");
                if opens_cte || main {
                    return Err(not_a_read(w));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn not_a_read(word: &str) -> String {
    format!(
        "`{word}` is not a read, and Attio's SQL is read-only: write a single `SELECT` (or \
         `WITH … SELECT`), and change records and entries through the record and entry APIs"
    )
}

/// The statement's tokens, or where a literal or comment is left open.
fn tokens(sql: &str) -> Result<Vec<Token>, String> {
    let bytes = sql.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let rest = &sql[i..];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if rest.starts_with("--") {
            i = rest.find('\n').map_or(bytes.len(), |n| i + n + 1);
        } else if rest.starts_with("/*") {
            i = block_comment_end(sql, i)?;
        } else if c == b'\'' {
            i = quoted_end(sql, i, b'\'', false)?;
            out.push(Token::Other);
        } else if (c == b'E' || c == b'e') && bytes.get(i + 1) == Some(&b'\'') {
            i = quoted_end(sql, i + 1, b'\'', true)?;
            out.push(Token::Other);
        } else if c == b'"' {
            i = quoted_end(sql, i, b'"', false)?;
            out.push(Token::Other);
        } else if c == b'$'
            && let Some(tag) = dollar_tag(rest)
        {
            let body = &sql[i + tag.len()..];
            let end = body.find(tag).ok_or_else(|| {
                format!("the dollar-quoted string opened with `{tag}` at byte {i} is never closed")
            })?;
            i += tag.len() * 2 + end;
            out.push(Token::Other);
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            let len = rest
                .find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '$'))
                .unwrap_or(rest.len());
            out.push(Token::Word(rest[..len].to_ascii_uppercase()));
            i += len;
        } else {
            out.push(match c {
                b'(' => Token::Open,
                b')' => Token::Close,
                b';' => Token::Semicolon,
                _ => Token::Other,
            });
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    Ok(out)
}

/// The end of the `/* … */` comment opening at `start` (nested, as Postgres allows).
fn block_comment_end(sql: &str, start: usize) -> Result<usize, String> {
    let bytes = sql.as_bytes();
    let (mut depth, mut i) = (0usize, start);
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => (depth, i) = (depth + 1, i + 2),
            (b'*', b'/') => {
                (depth, i) = (depth - 1, i + 2);
                if depth == 0 {
                    return Ok(i);
                }
            }
            _ => i += 1,
        }
    }
    Err(format!(
        "the comment opened with `/*` at byte {start} is never closed with `*/`"
    ))
}

/// The end of the literal or identifier quoted with `quote` from `start`; a doubled quote is
/// one quote, and with `backslash` (an `E'…'` string) a backslash escapes the next byte.
fn quoted_end(sql: &str, start: usize, quote: u8, backslash: bool) -> Result<usize, String> {
    let bytes = sql.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if backslash => i += 2,
            q if q == quote && bytes.get(i + 1) == Some(&quote) => i += 2,
            q if q == quote => return Ok(i + 1),
            _ => i += 1,
        }
    }
    let what = if quote == b'"' {
        "quoted identifier"
    } else {
        "string literal"
    };
    Err(format!(
        "the {what} opened with `{}` at byte {start} is never closed",
        quote as char
    ))
}

/// The tag of a dollar quote at the start of `rest` (`$$` or `$name$`); `None` for a
/// parameter (`$1`) or a lone `$`.
fn dollar_tag(rest: &str) -> Option<&str> {
    let after = &rest[1..];
    let len = after.find('$')?;
    let name = &after[..len];
    let valid = name.is_empty()
        || (name.starts_with(|c: char| c.is_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_alphanumeric() || c == '_'));
    valid.then(|| &rest[..len + 2])
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn reads_pass() {
        for sql in [
            "SELECT name, value FROM deals WHERE value > 50000 ORDER BY value DESC;",
            "  -- the pipeline\n select stage, count(*) from lists.sales group by stage",
            "WITH big AS (SELECT * FROM deals WHERE value > 10) SELECT count(*) FROM big",
            "(SELECT 1)",
            "SELECT 'DELETE FROM deals; DROP TABLE x' AS s",
            "SELECT \"update\", $$ INSERT ; $$, $q$ x $q$ FROM t /* DELETE /* nested */ ; */",
            "SELECT * FROM deals FOR UPDATE",
            "SELECT E'it\\'s; DELETE' FROM t",
            "SELECT created_at, updated_by FROM deals WHERE name = $1",
        ] {
            assert_eq!(check(sql), Ok(()), "{sql}");
        }
    }

    #[test]
    fn writes_and_several_statements_are_refused_with_a_reason() {
        let cases = [
            ("DELETE FROM deals", "`DELETE` is not a read"),
            (
                "  /* hi */ update deals set value = 1",
                "`UPDATE` is not a read",
            ),
            ("SELECT 1; SELECT 2", "2 statements"),
            ("SELECT 1; DROP TABLE deals", "2 statements"),
            (
                "WITH x AS (DELETE FROM deals RETURNING *) SELECT * FROM x",
                "`DELETE`",
            ),
            (
                "WITH x AS (SELECT 1) INSERT INTO deals SELECT * FROM x",
                "`INSERT`",
            ),
            ("SELECT * INTO copy FROM deals", "`SELECT … INTO`"),
            ("  ;  -- nothing", "empty"),
            ("SELECT 'unterminated", "never closed"),
            ("SELECT 1 /* open", "never closed"),
            ("CREATE TABLE x (a int)", "`CREATE` is not a read"),
        ];
        for (sql, expected) in cases {
            let reason = check(sql).expect_err(sql);
            assert!(reason.contains(expected), "{sql}: {reason}");
        }
    }
}
