//! Per-keystroke latency of the explorer's search path: types a query one
//! key at a time into a [`SearchWorker`] (what the TUI uses), on a thread
//! that behaves like a UI loop (wakes every millisecond, never waits on the
//! search), and reports for each keystroke the time until its final results
//! arrived, and how long the typing thread was ever blocked.
//!
//! ```sh
//! cargo run --release --example keystrokes -- --data target/bench-data/quotes-1m.jsonl
//! ```
//!
//! Options: `--data PATH` (required), `--query TEXT` (default "lankov"),
//! `--limit N` (hits wanted, default 100: a screenful or two), `--interval MS`
//! (time between keys; default 0: each key waits for the previous key's
//! results, which measures each keystroke alone).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use reactions::load::load_paths;
use reactions::search::Options;
use reactions::worker::{Response, SearchWorker};

struct Args {
    data: PathBuf,
    query: String,
    limit: usize,
    interval: Duration,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        data: PathBuf::new(),
        query: "lankov".into(),
        limit: 100,
        interval: Duration::ZERO,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--data" => args.data = value()?.into(),
            "--query" => args.query = value()?,
            "--limit" => args.limit = value()?.parse().map_err(|e| format!("--limit: {e}"))?,
            "--interval" => {
                args.interval =
                    Duration::from_millis(value()?.parse().map_err(|e| format!("--interval: {e}"))?)
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if args.data.as_os_str().is_empty() {
        return Err("--data PATH is required".into());
    }
    Ok(args)
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("keystrokes: {e}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let index = match load_paths(std::slice::from_ref(&args.data)) {
        Ok(i) => Arc::new(i),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    println!(
        "loaded {} quotes, {} speakers in {} ms",
        index.quote_total(),
        index.speakers().len(),
        ms(started.elapsed())
    );
    let (tx, rx) = mpsc::channel::<Response>();
    let worker = SearchWorker::spawn(Arc::clone(&index), move |r| {
        let _ = tx.send(r);
    });
    let options = Options {
        kind: None,
        limit: Some(args.limit),
    };
    let keys: Vec<String> = args
        .query
        .char_indices()
        .map(|(i, c)| args.query[..i + c.len_utf8()].to_string())
        .collect();

    // The "UI loop": never blocks on the search; wakes every millisecond.
    let mut submitted: Vec<(u64, Instant)> = Vec::new();
    let mut answered: Vec<Option<(Duration, usize, Duration)>> = vec![None; keys.len()];
    let mut longest_submit = Duration::ZERO;
    let mut longest_gap = Duration::ZERO;
    let mut next_key = 0;
    let mut next_time = Instant::now();
    let mut last_tick = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let now = Instant::now();
        longest_gap = longest_gap.max(now - last_tick);
        last_tick = now;
        let waiting_for_previous =
            args.interval.is_zero() && next_key > 0 && answered[next_key - 1].is_none();
        if next_key < keys.len() && now >= next_time && !waiting_for_previous {
            let t = Instant::now();
            let generation = worker.submit(&keys[next_key], options);
            longest_submit = longest_submit.max(t.elapsed());
            submitted.push((generation, t));
            next_key += 1;
            next_time = t + args.interval;
        }
        while let Ok(r) = rx.try_recv() {
            if let Some(k) = submitted.iter().position(|(g, _)| *g == r.generation) {
                let at = submitted[k].1.elapsed();
                answered[k] = Some((at, r.results.total, r.elapsed));
            }
        }
        if next_key == keys.len() && answered[keys.len() - 1].is_some() {
            break;
        }
        if Instant::now() > deadline {
            eprintln!("keystrokes: no answer within 120 s");
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    drop(worker);
    println!(
        "typing {:?}, limit {}, {}",
        args.query,
        args.limit,
        if args.interval.is_zero() {
            "each key after the previous key's results".to_string()
        } else {
            format!("one key every {} ms", args.interval.as_millis())
        },
    );
    println!("| key | query | final results after (ms) | matches | search on worker (ms) |");
    println!("|---|---|---:|---:|---:|");
    for (k, query) in keys.iter().enumerate() {
        match answered[k] {
            Some((latency, total, elapsed)) => println!(
                "| {} | `{query}` | {} | {total} | {} |",
                k + 1,
                ms(latency),
                ms(elapsed)
            ),
            None => println!("| {} | `{query}` | superseded | | |", k + 1),
        }
    }
    println!(
        "longest submit() call: {} ms; longest gap between UI loop wake-ups (1 ms sleeps): {} ms",
        ms(longest_submit),
        ms(longest_gap)
    );
}
