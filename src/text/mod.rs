//! The text toolkit every layer shares: the regular expressions written in
//! the source.

use regex::Regex;

/// A regular expression written in the source (a constant, or a constant
/// joined with another). A mistake in one is the program's, never the
/// input's; the unit tests of each module that holds one compile it.
#[expect(
    clippy::expect_used,
    reason = "the patterns are the program's constants, compiled by its tests"
)]
pub(crate) fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a pattern written in the source compiles")
}
