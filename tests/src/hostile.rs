//! [`Hostile`]: a server on loopback that misbehaves on purpose, the way a broken proxy or a
//! buggy deployment does: bodies that never end, lengths no client should read, answers that are
//! not HTTP. It speaks raw TCP, so it can send what no HTTP library would.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

/// What [`Hostile`] answers to every request.
#[derive(Debug, Clone)]
pub enum Answer {
    /// `status` with a `Content-Length` of `declared` bytes, then zeros until the client hangs up
    /// (or `declared` bytes were sent).
    Declared {
        /// The HTTP status.
        status: u16,
        /// The announced length.
        declared: u64,
    },
    /// `status`, chunked, with chunks of zeros that never end.
    Endless {
        /// The HTTP status.
        status: u16,
    },
    /// `status` with neither a length nor chunking (the body ends when the connection closes):
    /// `total` bytes of zeros, then close.
    Unframed {
        /// The HTTP status.
        status: u16,
        /// The bytes sent before closing.
        total: u64,
    },
    /// These bytes exactly, then close.
    Raw(Vec<u8>),
    /// `status` with `body`, framed as `framing` says and written `piece` bytes at a time.
    Body {
        /// The HTTP status.
        status: u16,
        /// The body's bytes.
        body: Vec<u8>,
        /// How its end is marked.
        framing: Framing,
        /// The size of each write (and, chunked, of each chunk).
        piece: usize,
    },
}

/// How [`Answer::Body`] marks where the body ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// A `Content-Length` of this many bytes: the body's own length, or more (the answer is then
    /// cut short, and the connection closed).
    Length(u64),
    /// `Transfer-Encoding: chunked`, a chunk per piece.
    Chunked,
    /// Neither: the body ends when the connection closes.
    Unframed,
}

/// A misbehaving server on `127.0.0.1`, stopped when dropped.
pub struct Hostile {
    addr: SocketAddr,
    answer: Arc<Mutex<Answer>>,
    requests: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Hostile {
    /// Starts a server that gives `answer` to every request.
    pub async fn start(answer: Answer) -> Hostile {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("a local address");
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = requests.clone();
        let answer = Arc::new(Mutex::new(answer));
        let current = answer.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let answer = current.lock().expect("not poisoned").clone();
                let counter = counter.clone();
                tokio::spawn(async move {
                    // The client hanging up mid-answer is the point; its write error is not.
                    let _ = serve(stream, &answer, &counter).await;
                });
            }
        });
        Hostile {
            addr,
            answer,
            requests,
            task,
        }
    }

    /// Gives `answer` to the requests of connections accepted from now on.
    pub fn set(&self, answer: Answer) {
        *self.answer.lock().expect("not poisoned") = answer;
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many requests arrived.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.task.abort();
    }
}

static ZEROS: [u8; 64 * 1024] = [0; 64 * 1024];

async fn serve(
    mut stream: TcpStream,
    answer: &Answer,
    requests: &AtomicUsize,
) -> std::io::Result<()> {
    read_request(&mut stream).await?;
    requests.fetch_add(1, Ordering::SeqCst);
    match answer {
        Answer::Declared { status, declared } => {
            let head = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {declared}\r\n\r\n"
            );
            stream.write_all(head.as_bytes()).await?;
            zeros(&mut stream, *declared).await
        }
        Answer::Endless { status } => {
            let head = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n"
            );
            stream.write_all(head.as_bytes()).await?;
            let mut chunk = format!("{:x}\r\n", ZEROS.len()).into_bytes();
            chunk.extend_from_slice(&ZEROS);
            chunk.extend_from_slice(b"\r\n");
            loop {
                stream.write_all(&chunk).await?;
            }
        }
        Answer::Unframed { status, total } => {
            let head = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n"
            );
            stream.write_all(head.as_bytes()).await?;
            zeros(&mut stream, *total).await?;
            stream.shutdown().await
        }
        Answer::Raw(bytes) => {
            stream.write_all(bytes).await?;
            stream.shutdown().await
        }
        Answer::Body {
            status,
            body,
            framing,
            piece,
        } => {
            let framing_header = match framing {
                Framing::Length(n) => format!("content-length: {n}\r\n"),
                Framing::Chunked => "transfer-encoding: chunked\r\n".to_owned(),
                Framing::Unframed => String::new(),
            };
            let head = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\nconnection: close\r\n{framing_header}\r\n"
            );
            stream.write_all(head.as_bytes()).await?;
            for part in body.chunks((*piece).max(1)) {
                if *framing == Framing::Chunked {
                    stream
                        .write_all(format!("{:x}\r\n", part.len()).as_bytes())
                        .await?;
                    stream.write_all(part).await?;
                    stream.write_all(b"\r\n").await?;
                } else {
                    stream.write_all(part).await?;
                }
                stream.flush().await?;
            }
            if *framing == Framing::Chunked {
                stream.write_all(b"0\r\n\r\n").await?;
            }
            // One answer per connection (`connection: close`): a short `Content-Length` body is
            // cut here.
            stream.shutdown().await
        }
    }
}

async fn zeros(stream: &mut TcpStream, mut left: u64) -> std::io::Result<()> {
    while left > 0 {
        let n = left.min(ZEROS.len() as u64) as usize;
        stream.write_all(&ZEROS[..n]).await?;
        left -= n as u64;
    }
    Ok(())
}

/// Reads one request: its head, then as many body bytes as its `content-length` says.
async fn read_request(stream: &mut TcpStream) -> std::io::Result<()> {
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        seen.extend_from_slice(&buf[..n]);
        if let Some(at) = seen.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = String::from_utf8_lossy(&seen[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let mut have = seen.len() - head_end;
    while have < length {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        have += n;
    }
    Ok(())
}
