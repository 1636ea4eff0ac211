//! [`RedisServer`]: a real `redis-server` for the tests of shared state, on a free loopback port
//! with a temporary directory and no persistence, killed on drop.
//!
//! Without `redis-server` on the `PATH`, [`RedisServer::start`] prints one line saying the Redis
//! tests did not run and how to install the server, and returns `None` (the test then passes
//! without running); with the `CI` environment variable set it panics instead, so that CI cannot
//! skip them.

use std::io::{Read as _, Write as _};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

/// The package that holds `redis-server`, and how to install it.
const INSTALL: &str = "apt-get install redis-server";

/// A `redis-server` child process on `127.0.0.1`.
#[derive(Debug)]
pub struct RedisServer {
    port: u16,
    dir: PathBuf,
    child: Option<Child>,
    durable: bool,
}

impl RedisServer {
    /// Starts a server on a free port, or `None` when `redis-server` is not installed (outside
    /// CI). Waits until it answers `PING`.
    pub fn start() -> Option<RedisServer> {
        Self::start_with(false)
    }

    /// Like [`start`](Self::start), but with Redis's append-only file written on every command
    /// (`appendonly yes`, `appendfsync always`) in its temporary directory: killed and
    /// [`restart`](Self::restart)ed, it comes back with every key it had, as a deployment that
    /// relies on Redis for webhook deduplication runs it.
    pub fn start_durable() -> Option<RedisServer> {
        Self::start_with(true)
    }

    fn start_with(durable: bool) -> Option<RedisServer> {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("attio-redis-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary directory for redis-server");
        let mut server = RedisServer {
            port,
            dir,
            child: None,
            durable,
        };
        match server.spawn() {
            Ok(()) => Some(server),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if std::env::var_os("CI").is_some() {
                    panic!(
                        "redis-server is not installed, and CI (the CI variable is set) must run \
                         the Redis tests: {INSTALL}"
                    );
                }
                static SAID: Once = Once::new();
                SAID.call_once(|| {
                    // Past the test harness's capture, so that it shows in a passing run.
                    let _ = writeln!(
                        std::io::stderr(),
                        "the Redis tests did not run: redis-server is not installed ({INSTALL})"
                    );
                });
                None
            }
            Err(e) => panic!("redis-server did not start: {e}"),
        }
    }

    fn spawn(&mut self) -> std::io::Result<()> {
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .arg("--dir")
            .arg(&self.dir)
            .args(["--save", ""])
            .args(if self.durable {
                ["--appendonly", "yes", "--appendfsync", "always"]
            } else {
                ["--appendonly", "no", "--appendfsync", "everysec"]
            })
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        self.child = Some(child);
        self.wait_until_it_answers();
        Ok(())
    }

    /// `redis://127.0.0.1:PORT/0`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// Kills the server (SIGKILL: no goodbye to its clients), as a crash or a lost host would.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server again on the same port: empty, unless it was started
    /// [`durable`](Self::start_durable), when it reads its keys back from its append-only file.
    pub fn restart(&mut self) {
        self.kill();
        self.spawn().expect("redis-server starts again");
    }

    fn wait_until_it_answers(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        loop {
            if ping(addr) {
                return;
            }
            if let Some(child) = self.child.as_mut()
                && let Ok(Some(status)) = child.try_wait()
            {
                panic!(
                    "redis-server exited ({status}) before answering on port {}",
                    self.port
                );
            }
            assert!(
                Instant::now() < deadline,
                "redis-server did not answer PING on port {} within 10 s",
                self.port
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Whether a Redis server on `addr` answers `PING` with `+PONG`.
fn ping(addr: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    if stream.write_all(b"PING\r\n").is_err() {
        return false;
    }
    let mut answer = [0u8; 7];
    stream.read_exact(&mut answer).is_ok() && &answer == b"+PONG\r\n"
}

/// A port no one listens on now.
fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}
