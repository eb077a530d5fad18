//! The terminal explorer.

use crate::index::Index;

/// Runs the explorer until the user quits.
pub fn run(_index: &Index) -> anyhow::Result<()> {
    println!("The terminal explorer is not built yet; see `reactions --help` for the commands.");
    Ok(())
}
