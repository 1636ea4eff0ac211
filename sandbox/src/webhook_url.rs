//! A webhook's target URL, parsed: what the management endpoints accept and where delivery
//! connects.

use std::net::IpAddr;

use hyper::Uri;

/// Where a delivery goes, parsed from its target URL.
#[derive(Debug, Clone)]
pub struct Target {
    /// `https://`.
    pub https: bool,
    /// The host is `localhost` or a loopback address.
    pub loopback: bool,
    /// The host, without brackets.
    pub host: String,
    /// The port (the scheme's default if none is given).
    pub port: u16,
    /// `host:port` as written.
    pub authority: String,
    /// The path and query (`/` if none).
    pub path: String,
}

/// Parses an `http://` or `https://` URL with a host.
pub fn parse_target(url: &str) -> Result<Target, String> {
    let uri: Uri = url
        .parse()
        .map_err(|e| format!("\"{url}\" is not a URL: {e}"))?;
    let https = match uri.scheme_str() {
        Some("https") => true,
        Some("http") => false,
        _ => return Err(format!("\"{url}\" is not an http(s) URL")),
    };
    let authority = uri
        .authority()
        .ok_or_else(|| format!("\"{url}\" has no host"))?;
    let host = authority
        .host()
        .trim_start_matches('[')
        .trim_end_matches(']');
    if host.is_empty() {
        return Err(format!("\"{url}\" has no host"));
    }
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    Ok(Target {
        https,
        loopback,
        host: host.to_owned(),
        port: authority.port_u16().unwrap_or(if https { 443 } else { 80 }),
        authority: authority.as_str().to_owned(),
        path: uri
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        let t = parse_target("http://127.0.0.1:9000/hook?x=1").unwrap();
        assert!(t.loopback && !t.https);
        assert_eq!((t.port, t.path.as_str()), (9000, "/hook?x=1"));
        assert!(parse_target("http://[::1]:80/").unwrap().loopback);
        assert!(parse_target("http://LOCALHOST/").unwrap().loopback);
        assert!(parse_target("http://127.8.0.1/").unwrap().loopback);
        let t = parse_target("https://example.com/webhook").unwrap();
        assert!(t.https && !t.loopback && t.port == 443);
        assert!(!parse_target("http://10.0.0.1/").unwrap().loopback);
        assert!(parse_target("ftp://127.0.0.1/").is_err());
        assert!(parse_target("not a url").is_err());
        assert!(parse_target("/relative").is_err());
    }
}
