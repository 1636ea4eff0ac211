//! A sandbox on its own thread, with user records inserted at start.

use attio::RecordId;

use crate::alloc;
use crate::ids::uuid;
use crate::typed::{User, update_user};

/// A sandbox served from a dedicated thread (one core's worth of Tokio), so that the client
/// under test has its own runtime.
pub struct ThreadSandbox {
    /// `http://127.0.0.1:PORT`
    pub base_url: String,
    /// The token it accepts.
    pub api_key: String,
    /// Ids of the user records inserted at start.
    pub ids: Vec<RecordId>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl ThreadSandbox {
    /// Starts a sandbox (rate limits on or off) with `users` user records.
    pub fn start(rate_limits: bool, users: usize) -> Self {
        Self::start_with(rate_limits, users, update_user)
    }

    /// Starts a sandbox (rate limits on or off) with `users` user records whose values are
    /// `user(i)`'s.
    pub fn start_with(rate_limits: bool, users: usize, user: fn(usize) -> User) -> Self {
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            // The server's heap is not the client's: a bench that measures the client's
            // memory with the counting allocator leaves this thread out.
            alloc::exclude_this_thread();
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let sb = attio_sandbox::Sandbox::builder()
                    .rate_limits(rate_limits)
                    .record_requests(0)
                    .seed(7)
                    .start()
                    .await
                    .unwrap();
                let ids: Vec<RecordId> = (0..users)
                    .map(|i| RecordId::new(uuid(3, i)).unwrap())
                    .collect();
                let rows = ids.iter().enumerate().map(|(i, id)| {
                    let values = attio::wire::encode_values(&user(i)).unwrap();
                    let values: serde_json::Value = serde_json::from_slice(&values).unwrap();
                    (id.as_str().to_owned(), values["data"]["values"].clone())
                });
                sb.insert_records("users", rows).unwrap();
                ready_tx
                    .send((sb.base_url(), sb.api_key().to_owned(), ids))
                    .unwrap();
                let _ = stop_rx.await;
                sb.shutdown().await;
            });
        });
        let (base_url, api_key, ids) = ready_rx.recv().unwrap();
        ThreadSandbox {
            base_url,
            api_key,
            ids,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }
}

impl Drop for ThreadSandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
