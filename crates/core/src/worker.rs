//! Searching off the caller's thread: the newest query cancels older ones.
//!
//! The explorer submits a query on every keystroke and must never wait for a
//! search. A [`SearchWorker`] owns a thread that runs one search at a time;
//! submitting a query bumps a generation counter, which the running search
//! checks as it goes, so an outdated search stops early and its results are
//! never delivered. A query asked again (erased and typed again) is
//! answered from memory ([`IncrementalSearcher`]).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::index::Index;
use crate::search::{IncrementalSearcher, Options, Results};

/// The results of one submitted query.
#[derive(Debug, Clone)]
pub struct Response {
    /// The generation [`SearchWorker::submit`] returned for this query.
    pub generation: u64,
    pub query: String,
    pub results: Results,
    /// How long the search took on the worker.
    pub elapsed: Duration,
}

struct Request {
    generation: u64,
    query: String,
    options: Options,
}

/// A search thread over a shared index.
pub struct SearchWorker {
    requests: Option<Sender<Request>>,
    latest: Arc<AtomicU64>,
    thread: Option<JoinHandle<()>>,
}

impl SearchWorker {
    /// Starts the thread; `deliver` is called on it with each response that
    /// is still the newest when it completes.
    pub fn spawn(index: Arc<Index>, deliver: impl Fn(Response) + Send + 'static) -> Self {
        let (tx, rx) = channel::<Request>();
        let latest = Arc::new(AtomicU64::new(0));
        let current = Arc::clone(&latest);
        let thread = std::thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(&index, &rx, &current, &deliver))
            .ok();
        SearchWorker {
            requests: Some(tx),
            latest,
            thread,
        }
    }

    /// Queues a search and returns its generation; any older search still
    /// queued or running is abandoned.
    pub fn submit(&self, query: &str, options: Options) -> u64 {
        let generation = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(tx) = &self.requests {
            let _ = tx.send(Request {
                generation,
                query: query.to_string(),
                options,
            });
        }
        generation
    }

    /// The generation of the newest submitted query.
    pub fn latest(&self) -> u64 {
        self.latest.load(Ordering::SeqCst)
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        // Abandon any running search, close the queue, wait for the thread.
        self.latest.fetch_add(1, Ordering::SeqCst);
        self.requests.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(index: &Index, rx: &Receiver<Request>, latest: &AtomicU64, deliver: &dyn Fn(Response)) {
    let mut searcher = IncrementalSearcher::new();
    // While the explorer shows its first frame, before any key.
    searcher.prepare(index);
    while let Ok(mut request) = rx.recv() {
        // Skip straight to the newest queued request.
        while let Ok(newer) = rx.try_recv() {
            request = newer;
        }
        let generation = request.generation;
        let outdated = || latest.load(Ordering::Relaxed) != generation;
        if outdated() {
            continue;
        }
        let started = Instant::now();
        if let Some(results) = searcher.run(index, &request.query, request.options, &outdated)
            && !outdated()
        {
            deliver(Response {
                generation,
                query: request.query,
                results,
                elapsed: started.elapsed(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn only_the_newest_query_is_answered_last() {
        let index = Arc::new(crate::load::load_embedded().unwrap());
        let got = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&got);
        let (done_tx, done_rx) = channel();
        let worker = SearchWorker::spawn(index, move |r| {
            sink.lock().unwrap().push((r.generation, r.query.clone()));
            if r.query == "lankov" {
                let _ = done_tx.send(());
            }
        });
        let mut last = 0;
        for q in ["l", "la", "lan", "lank", "lanko", "lankov"] {
            last = worker.submit(q, Options::default());
        }
        done_rx.recv_timeout(Duration::from_secs(10)).unwrap();
        let got = got.lock().unwrap();
        // Generations only grow, and the last delivered is the last asked.
        assert!(got.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(got.last().unwrap(), &(last, "lankov".to_string()));
    }
}
