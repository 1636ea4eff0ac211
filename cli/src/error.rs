//! What can go wrong, said so that the user knows what to do next.

use std::path::PathBuf;

/// The scopes a token needs to read objects and lists, as hints name them.
pub(crate) const OBJECT_SCOPES: &str =
    "the object_configuration:read and list_configuration:read scopes";
/// The scope a token needs to read activities, as hints name it.
pub(crate) const ACTIVITY_SCOPES: &str = "the activity_configuration:read scope to read activities";

/// An error of the `attio` command: its `Display` is the whole message, hint included.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The environment does not say which workspace to read (no `ATTIO_API_KEY`, a bad
    /// `ATTIO_BASE_URL`).
    #[error("{0}")]
    Setup(String),
    /// An object, list or activity slug the workspace does not have.
    #[error("{0}")]
    UnknownSlug(String),
    /// Something of the workspace this version of `attio` cannot write code for (an activity
    /// that extends a schema it does not know).
    #[error("{0}")]
    Unsupported(String),
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
        Error::api_needing(doing, error, base_url, OBJECT_SCOPES)
    }

    /// An API error while `doing` something that needs `scopes`, against the workspace at
    /// `base_url`: a `403` says which scopes to add.
    pub(crate) fn api_needing(
        doing: impl Into<String>,
        error: attio::Error,
        base_url: &str,
        scopes: &str,
    ) -> Self {
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
            (_, Some(403)) => format!(
                "\nhint: the token needs {scopes} (Attio: Settings → Developers → Access tokens)"
            ),
            _ => String::new(),
        };
        Error::Api {
            doing: doing.into(),
            error: Box::new(error),
            hint,
        }
    }
}
