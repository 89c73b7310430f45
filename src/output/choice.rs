//! Named choices (output formats and the like) that a front end can offer:
//! the command line lists them with their help, a notebook or a web form
//! could too. The library defines them; it does not depend on any parser.

/// An enum whose values have names and one-line help.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// (name, help, value) of every choice, in the order to show them.
    const CHOICES: &'static [(&'static str, &'static str, Self)];

    /// The value's name.
    fn name(self) -> &'static str {
        Self::CHOICES
            .iter()
            .find(|(_, _, v)| *v == self)
            .map_or("", |(n, _, _)| n)
    }

    /// The value with this name (exact, lower case).
    fn from_name(name: &str) -> Option<Self> {
        Self::CHOICES
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, _, v)| *v)
    }
}
