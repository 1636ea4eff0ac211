//! Where an error happened: the request ([`RequestLine`]) and, for a failure on the way,
//! what kind of transport failure it was ([`TransportKind`]).

use std::fmt;

/// The method and path of a request, as errors name it: `PATCH /v2/objects/users/records/…`.
///
/// ```
/// # fn show(err: &attio::Error) {
/// if let Some(request) = err.request() {
///     println!("{} {}", request.method(), request.path());
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RequestLine {
    method: &'static str,
    path: String,
    write: bool,
}

impl RequestLine {
    /// A request line; `write` says whether the request can change anything in Attio.
    pub(crate) fn new(method: &'static str, path: String, write: bool) -> Self {
        RequestLine {
            method,
            path,
            write,
        }
    }

    /// The same method and path without the query string: a listing's, whatever its page.
    pub(crate) fn without_query(&self) -> Self {
        let path = self
            .path
            .split_once('?')
            .map_or(&*self.path, |(path, _)| path);
        RequestLine::new(self.method, path.to_owned(), self.write)
    }

    /// The HTTP method, e.g. `"PATCH"`.
    pub fn method(&self) -> &'static str {
        self.method
    }

    /// The path under the base URL, e.g. `/v2/objects/users/records/…`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Whether the request can change anything in Attio (queries are reads, though POSTed).
    pub fn is_write(&self) -> bool {
        self.write
    }
}

impl fmt::Display for RequestLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// How a request failed to complete, for [`Error::Transport`](crate::Error::Transport).
///
/// ```
/// assert_eq!(attio::TransportKind::Connect.to_string(), "could not connect");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportKind {
    /// The connection could not be made (refused, unreachable, DNS, or connecting timed out):
    /// the request was not sent.
    Connect,
    /// The TLS handshake failed (an untrusted certificate, say): the request was not sent.
    Tls,
    /// No complete answer arrived in time (see `ClientBuilder::timeout`).
    Timeout,
    /// The connection was lost after the request may have been sent.
    ConnectionDropped,
    /// What came back was not a valid HTTP answer (garbage, or headers past hyper's bound): the
    /// request was sent, and something other than an HTTP server, or a broken one, answered.
    MalformedResponse,
    /// Any other failure of the HTTP stack.
    Other,
}

impl TransportKind {
    /// Whether the request may have left the client.
    pub(crate) fn was_sent(self) -> bool {
        !matches!(self, TransportKind::Connect | TransportKind::Tls)
    }
}

impl fmt::Display for TransportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TransportKind::Connect => "could not connect",
            TransportKind::Tls => "the TLS handshake failed",
            TransportKind::Timeout => "timed out",
            TransportKind::ConnectionDropped => "the connection was dropped",
            TransportKind::MalformedResponse => "the server's answer was not valid HTTP",
            TransportKind::Other => "the HTTP request failed",
        })
    }
}
