//! When a plan runs and when it was adopted.

use std::fmt;

/// The first and last years a plan covers (`2021-2025`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The first year.
    pub first: u16,
    /// The last year.
    pub last: u16,
}

impl Period {
    /// The period from `first` to `last`.
    pub const fn new(first: u16, last: u16) -> Period {
        Period { first, last }
    }
}

/// `2021-2025`, as titles, labels and slugs write it.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.first, self.last)
    }
}

/// As `[first, last]`: the shape the JSON outputs have always had.
impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&[self.first, self.last], s)
    }
}

/// The day a plan was adopted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AdoptionDate {
    /// The year.
    pub year: u16,
    /// The month, 1-12.
    pub month: u8,
    /// The day of the month, 1-31.
    pub day: u8,
}

/// As `xsd:date` writes it: `2005-12-13`.
impl fmt::Display for AdoptionDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Period;

    #[test]
    fn written_with_a_hyphen_and_serialised_as_two_years() -> serde_json::Result<()> {
        let p = Period::new(2021, 2025);
        assert_eq!(p.to_string(), "2021-2025");
        assert_eq!(serde_json::to_string(&p)?, "[2021,2025]");
        assert!(Period::new(2016, 2020) < p);
        Ok(())
    }
}
