//! `poakg classify`: label passages (a draft clause, another organisation's
//! declaration, a spreadsheet of passages) with the code the build uses,
//! without a store.

use crate::choice::ChoiceParser;
use crate::context::Context;
use crate::error::CliError;
use poakg::listing::ListFormat;
use poakg::ops;
use std::io::Read;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A text file (one passage per line), a .csv or .tsv file with a header (its `id`
    /// and `text` columns are read), or - for standard input (one passage per line).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Output format (default: table on a terminal, else csv).
    #[arg(long, short = 'f', value_parser = ChoiceParser::<ListFormat>::new())]
    pub format: Option<ListFormat>,

    /// A folder of cue files to use instead of the bundled ones of the same name
    /// (commitment-cues.tsv, modality-cues.tsv, sdg-cues.tsv, aoip-cues.tsv; formats as in ontology/).
    #[arg(long, value_name = "DIR")]
    pub cues: Option<PathBuf>,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let (name, bytes) = if args.file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|source| ops::Error::File {
                path: args.file.clone(),
                source,
            })?;
        ("standard input".to_owned(), bytes)
    } else {
        let bytes = std::fs::read(&args.file).map_err(|source| ops::Error::File {
            path: args.file.clone(),
            source,
        })?;
        (args.file.display().to_string(), bytes)
    };
    let rows = ops::classify(&name, &bytes, args.cues.as_deref())?;
    let format = args.format.unwrap_or(if ctx.terminal {
        ListFormat::Table
    } else {
        ListFormat::Csv
    });
    poakg::output::write_records(ctx.out, format, &rows, ctx.width)?;
    Ok(())
}
