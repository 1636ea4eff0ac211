//! What can go wrong, said so that the user knows what to do next.

use std::path::PathBuf;

/// An error of the `attio` command: its `Display` is the whole message, hint included.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The environment does not say which workspace to read (no `ATTIO_API_KEY`, a bad
    /// `ATTIO_BASE_URL`).
    #[error("{0}")]
    Setup(String),
    /// An object or list slug the workspace does not have.
    #[error("{0}")]
    UnknownSlug(String),
    /// A request to Attio failed.
    #[error("{doing}: {error}{hint}")]
    Api {
        /// What the command was doing, "reading the attributes of the object `people`".
        doing: String,
        /// The library's error, which says what happened.
        error: Box<attio::Error>,
        /// What to try, or empty.
        hint: String,
    },
    /// The output (a file, or stdout) could not be written.
    #[error("cannot write to {}: {error}{}", path.display(), if path.as_os_str() == "stdout" { "" } else { "; check that its folder exists and is writable, or leave out --out to print to stdout" })]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// A bug in this tool.
    #[error("{0}")]
    Internal(String),
}

impl Error {
    /// An API error while `doing` something, against the workspace at `base_url`.
    pub(crate) fn api(doing: impl Into<String>, error: attio::Error, base_url: &str) -> Self {
        let hint = match (&error, error.status()) {
            (
                attio::Error::Transport {
                    kind: attio::TransportKind::Connect,
                    ..
                },
                _,
            ) => format!(
                "\nhint: nothing answered at {base_url}; check ATTIO_BASE_URL (unset it for Attio itself), or start the sandbox: `cargo run -p attio-sandbox -- --api-key test`"
            ),
            (_, Some(401)) => format!(
                "\nhint: {base_url} did not accept ATTIO_API_KEY; check the token (Attio: Settings → Developers → Access tokens)"
            ),
            (_, Some(403)) => "\nhint: the token needs the object_configuration:read and list_configuration:read scopes (Attio: Settings → Developers → Access tokens)".to_owned(),
            _ => String::new(),
        };
        Error::Api {
            doing: doing.into(),
            error: Box::new(error),
            hint,
        }
    }
}
