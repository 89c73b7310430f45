//! Reading the user's input files and writing output files whole or not at all.

use super::Error;
use std::io::Write;
use std::path::Path;

/// A file's text, or an error naming the file.
pub fn read_text(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::File {
        path: path.to_owned(),
        source,
    })
}

/// Writes to a temporary file beside `path`, then renames it into place, so a
/// failed write never leaves a half-written file.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), Error>,
) -> Result<(), Error> {
    let file_err = |source| Error::File {
        path: path.to_owned(),
        source,
    };
    let tmp = path.with_extension(format!(
        "{}.partial",
        path.extension().map_or("".into(), |e| e.to_string_lossy())
    ));
    let mut file = std::io::BufWriter::new(std::fs::File::create(&tmp).map_err(file_err)?);
    let result = write(&mut file).and_then(|()| file.flush().map_err(Error::Output));
    drop(file);
    match result {
        Ok(()) => std::fs::rename(&tmp, path).map_err(file_err),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}
