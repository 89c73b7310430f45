//! Drawing with Graphviz: the one external program poakg starts (`poakg
//! graph --format svg`). The report layer only writes DOT text.

use std::io::Write;
use std::process::{Command, Stdio};

/// Why Graphviz could not draw a picture.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    /// The `dot` program is not on the `PATH`.
    #[error("SVG needs Graphviz's `dot` program, which is not installed (Debian: apt-get install graphviz); the DOT source can be written instead")]
    NoGraphviz,
    /// Graphviz exited with a failure; carries the first line of its error
    /// output (or a note that its input pipe could not be opened).
    #[error("Graphviz failed: {0}")]
    Graphviz(String),
    /// Starting Graphviz, writing its input or reading its output failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Renders DOT to SVG with Graphviz's `sfdp` layout (force-directed, for
/// networks; it comes with every Graphviz package).
pub fn svg_from_dot(dot_source: &str) -> Result<Vec<u8>, PictureError> {
    let mut child = match Command::new("dot")
        .args(["-Ksfdp", "-Tsvg"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(PictureError::NoGraphviz),
        Err(e) => return Err(e.into()),
    };
    child
        .stdin
        .take()
        .ok_or_else(|| PictureError::Graphviz("no input pipe to Graphviz".into()))?
        .write_all(dot_source.as_bytes())?;
    let output = child.wait_with_output()?;
    if !output.status.success() {
        return Err(PictureError::Graphviz(
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .next()
                .unwrap_or("")
                .to_owned(),
        ));
    }
    Ok(output.stdout)
}

impl PictureError {
    /// A missing Graphviz is the user's to install; a failing one is not.
    pub fn is_user_error(&self) -> bool {
        matches!(self, PictureError::NoGraphviz)
    }
}
