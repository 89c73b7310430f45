//! The library's named choices (`poakg::output::choice::Choice`: output
//! formats) as clap values, with their help, through one generic parser.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use poakg::output::choice::Choice;
use std::marker::PhantomData;

/// Parses a [`Choice`] by name and lists the choices in `--help`.
#[derive(Clone)]
pub struct ChoiceParser<T>(PhantomData<T>);

impl<T: Choice> ChoiceParser<T> {
    pub fn new() -> Self {
        ChoiceParser(PhantomData)
    }

    fn names() -> PossibleValuesParser {
        PossibleValuesParser::new(
            T::CHOICES
                .iter()
                .map(|(name, help, _)| PossibleValue::new(*name).help(*help)),
        )
    }
}

impl<T: Choice + Clone> TypedValueParser for ChoiceParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        // the standard message for a bad value, listing the good ones
        let name = Self::names().parse_ref(cmd, arg, value)?;
        T::from_name(&name).ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidValue))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(T::CHOICES.iter().map(|(name, help, _)| {
            PossibleValue::new(*name).help(*help)
        })))
    }
}
