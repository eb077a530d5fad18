//! Searching off the caller's thread: the newest query cancels older ones.
//!
//! The explorer submits a query on every keystroke and must never wait for a
//! search. A [`SearchWorker`] owns a thread that runs one search at a time;
//! submitting a query bumps a generation counter, which the running search
//! checks as it goes, so an outdated search stops early and its results are
//! never delivered. A query that extends the previous one (the user typing
//! on) is searched within that query's matches ([`IncrementalSearcher`]).
//!
//! A worker made with [`SearchWorker::spawn_streaming`] also hands
//! provisional responses (the best hits found so far and how many so far) to
//! a second callback while a long search runs, so that a list can fill in
//! and show a count at once and settle when the final response comes.

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
    /// How long the search took on the worker (so far, for a provisional
    /// response).
    pub elapsed: Duration,
}

/// Where a worker sends provisional responses, and how often.
struct Streaming {
    every: Duration,
    provisional: Box<dyn Fn(Response) + Send>,
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
        Self::start(index, None, deliver)
    }

    /// Like [`SearchWorker::spawn`], and while a search with a limit runs,
    /// also calls `provisional` about every `every` with a provisional
    /// response: `results` holds the best hits among the records searched so
    /// far and `total` how many of those matched. The final response for the
    /// same generation follows through `deliver`, unless a newer query
    /// replaces this one; no response of an older query follows a newer one.
    pub fn spawn_streaming(
        index: Arc<Index>,
        every: Duration,
        provisional: impl Fn(Response) + Send + 'static,
        deliver: impl Fn(Response) + Send + 'static,
    ) -> Self {
        let streaming = Streaming {
            every,
            provisional: Box::new(provisional),
        };
        Self::start(index, Some(streaming), deliver)
    }

    fn start(
        index: Arc<Index>,
        streaming: Option<Streaming>,
        deliver: impl Fn(Response) + Send + 'static,
    ) -> Self {
        let (tx, rx) = channel::<Request>();
        let latest = Arc::new(AtomicU64::new(0));
        let current = Arc::clone(&latest);
        let thread = std::thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(&index, &rx, &current, streaming.as_ref(), &deliver))
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

fn serve(
    index: &Index,
    rx: &Receiver<Request>,
    latest: &AtomicU64,
    streaming: Option<&Streaming>,
    deliver: &dyn Fn(Response),
) {
    let mut searcher = IncrementalSearcher::new();
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
        let mut partial = |results: Results| {
            if let Some(s) = streaming
                && !outdated()
            {
                (s.provisional)(Response {
                    generation,
                    query: request.query.clone(),
                    results,
                    elapsed: started.elapsed(),
                });
            }
        };
        if let Some(results) = searcher.run_streaming(
            index,
            &request.query,
            request.options,
            &outdated,
            streaming.map_or(Duration::MAX, |s| s.every),
            &mut partial,
        ) && !outdated()
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
