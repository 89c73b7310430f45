//! What a plan is: its partner, its kind and its period, read from its title
//! wherever the layout put it and from its preamble, and the plan it follows
//! when its text names it; a user's overrides where the text is silent.

use super::facts::{adoption_date, compose_title};
pub use super::facts::{MetaSources, Origin};
use super::partners::{Partner, Partners};
pub use super::plan_id::{kind_code, KINDS};
use super::plan_id::{PlanId, Span};
use super::Period;
use regex::Regex;
use std::sync::LazyLock;

/// The identity of a plan and what is known of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanMeta {
    /// The plan's title as the layout gave it, or the user's override.
    pub title: String,
    /// The partner ASEAN made the plan with; None when neither the title
    /// nor the preamble names one (and no override does).
    pub partner: Option<Partner>,
    /// "Plan of Action", "Work Plan", "Framework of Cooperation", ...
    pub kind: String,
    /// First and last year the plan covers: the override, else the title,
    /// else a period the preamble states; None when none does.
    pub period: Option<Period>,
    /// The period of the plan this one follows, when the text names it.
    pub predecessor: Option<Period>,
    /// The day the plan was adopted, where the text states it ("adopted
    /// at the 9th ASEAN-ROK Summit on 13 December 2005").
    pub issued: Option<super::AdoptionDate>,
    /// What could not be read, for the build report.
    pub warnings: Vec<String>,
    /// Where each of title, partner, period and kind came from.
    pub sources: MetaSources,
    /// The language of its text (BCP 47): the user's, else English. Its
    /// titles, labels and passages carry it as their language tag.
    pub language: String,
}

/// What a user says of a plan when its text does not (flags or a sidecar).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// The partner as a code, label or variant (any case); a name the
    /// partner table does not know becomes a partner of unknown kind.
    pub partner: Option<String>,
    /// First and last year the plan covers.
    pub period: Option<Period>,
    /// The kind of document, e.g. "Work Plan" (see [`KINDS`]).
    pub kind: Option<String>,
    /// The title to use instead of the one found in the text.
    pub title: Option<String>,
    /// The language of the text (a BCP 47 tag: `en`, `fr`, `zh-Hans`).
    pub language: Option<String>,
}

/// `tag` as a language tag (BCP 47, as RDF literals take them), in its
/// normal lower case; None when it is not well formed.
pub fn language_tag(tag: &str) -> Option<String> {
    oxigraph::model::Literal::new_language_tagged_literal("", tag.trim())
        .ok()
        .and_then(|l| l.language().map(str::to_owned))
}

impl Overrides {
    /// Takes what `over` says, keeping the rest.
    pub fn merge(&mut self, over: Overrides) {
        self.partner = over.partner.or(self.partner.take());
        self.period = over.period.or(self.period);
        self.kind = over.kind.or(self.kind.take());
        self.title = over.title.or(self.title.take());
        self.language = over.language.or(self.language.take());
    }
}

/// The kind a text names first, as the table spells it.
fn first_kind_in(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    KINDS
        .iter()
        .filter_map(|(k, _)| lower.find(&k.to_lowercase()).map(|at| (at, *k)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, k)| if k == "Workplan" { "Work Plan" } else { k }.to_owned())
}

/// The kind a document gives itself in its own words ("adopted this
/// ASEAN-ROK Plan of Action", "this Work Plan shall"), which the title may
/// not say (a title line may be the declaration the plan implements).
/// Declarations and statements are what plans implement, not what they
/// call themselves, so they are not taken from here.
fn kind_named_itself(text: &str) -> Option<String> {
    SELF_NAMED
        .captures_iter(text)
        .filter_map(|c| first_kind_in(&c[1]))
        .find(|k| !matches!(k.as_str(), "Joint Statement" | "Joint Declaration"))
}

/// "this ASEAN-ROK Plan of Action", "the present Work Plan": up to four
/// capitalised words (a partnership's name) before the kind.
static SELF_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"\b(?:this|the present)\s+((?:[A-Z][\p{L}.'’-]*\s+){0,4}(?:Plan|Programme|Program|Framework|Work\s*[Pp]lan|Workplan|Practical|Action|Roadmap)[\p{L} ]{0,30})",
    )
});

/// Two years as a period: `2021-2025`, `2021 – 2025`, `2022 to 2026`,
/// `2025 2029` (a dash lost in conversion).
static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"\b((?:19|20)\d\d)\s*(?:[-–—‑]|\bto\b|\buntil\b|\bthrough\b)?\s*((?:19|20)\d\d)\b",
    )
});
/// A period the preamble states: "covers the period 2024 to 2028".
static STATED_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"(?i)\b(?:covers?|covering|spans?|for|during|over)\s+(?:the\s+)?(?:period|years?)\s+(?:of\s+|from\s+)?((?:19|20)\d\d)\s*(?:[-–—]|\bto\b|\buntil\b|\band\b)\s*((?:19|20)\d\d)",
    )
});
/// A period the preamble gives as the plan's own span of years: "for the
/// next ten years (2007- 2017)", "over the coming five years (2013-2017)",
/// "in the five years 2020 to 2024".
static COMING_YEARS: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"(?i)\b(?:for|over|during|in|within)\s+the\s+(?:next|coming|following|upcoming)?\s*(?:[a-z]+\s+|\d+\s+)?years?,?\s*\(?\s*(?:from\s+|of\s+)?((?:19|20)\d\d)\s*(?:[-–—]|\bto\b|\buntil\b|\band\b)\s*((?:19|20)\d\d)",
    )
});
/// A period in a sentence about the plan itself: "this Plan of Action shall
/// guide the joint activities ... during 2007-2012".
static SELF_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"\b(?:this|the present)\s+(?:[A-Z][\p{L}.'’-]*\s+){0,4}(?:Plan of Action|Plan|Work\s*[Pp]lan|Workplan|Programme|Framework|Roadmap)\b[^.;]{0,160}?\b((?:19|20)\d\d)\s*(?:[-–—]|\bto\b|\buntil\b)\s*((?:19|20)\d\d)\b",
    )
});
/// The plan this one follows: "the previous Plan of Action (2016-2020)".
static PREVIOUS: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"(?i)\b(?:previous|preceding|earlier|former|last|first)\b[^.;]{0,80}?\(?((?:19|20)\d\d)\s*(?:[-–—]|\bto\b)\s*((?:19|20)\d\d)\)?",
    )
});
/// A partner's name in a hyphenated compound with ASEAN, for partners the
/// table does not know: "ASEAN-Freedonia", "Freedonia-ASEAN".
static COMPOUND: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"\bASEAN[-–]([A-Z][\p{L}']+(?:\s[A-Z][\p{L}']+)?)|\b([A-Z][\p{L}']+)[-–]ASEAN\b",
    )
});

/// The period of two captured years, when it is plausible (the end after
/// the start, 15 years at most).
fn years(c: &regex::Captures<'_>) -> Option<Period> {
    let p = Period::new(c[1].parse().ok()?, c[2].parse().ok()?);
    (p.last > p.first && p.last - p.first <= 15).then_some(p)
}

/// A file's name without its extension, separators as spaces
/// (`ASEAN-EU-POA-2018-2022.pdf` is "ASEAN EU POA 2018 2022"), for the
/// years it may carry.
fn file_stem(file_name: &str) -> String {
    let stem = std::path::Path::new(file_name).file_stem().map_or_else(
        || file_name.to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    stem.replace(['_', '.'], " ")
}

/// The partner: the user's, else the one the title (or the preamble) names.
fn read_partner(
    title: &str,
    preamble: &str,
    partners: &Partners,
    overrides: &Overrides,
    warnings: &mut Vec<String>,
) -> (Option<Partner>, Origin) {
    if let Some(name) = &overrides.partner {
        let partner = partners
            .lookup(name)
            .cloned()
            .unwrap_or_else(|| Partner::unknown(name));
        return (Some(partner), Origin::User);
    }
    let found = find_partner(title, preamble, partners, warnings);
    let origin = match &found {
        Some(p)
            if p.names()
                .chain([p.code.as_str()])
                .any(|n| title.contains(n)) =>
        {
            Origin::TitleLine
        }
        Some(_) => Origin::Preamble,
        None => Origin::Nowhere,
    };
    (found, origin)
}

/// The kind: the user's, else the document's words about itself, else the
/// title's, else a plan of action.
fn read_kind(title: &str, preamble: &str, overrides: &Overrides) -> (String, Origin) {
    if let Some(k) = &overrides.kind {
        return (k.clone(), Origin::User);
    }
    if let Some(k) = kind_named_itself(preamble) {
        return (k, Origin::Preamble);
    }
    match first_kind_in(title) {
        Some(k) => (k, Origin::TitleLine),
        None => ("Plan of Action".to_owned(), Origin::Nowhere),
    }
}

/// The period: the user's, else the title's, else one the preamble states
/// of the plan, else the file name's.
fn read_period(
    title: &str,
    preamble: &str,
    file_name: &str,
    overrides: &Overrides,
) -> (Option<Period>, Origin) {
    let stated = || {
        STATED_PERIOD
            .captures_iter(preamble)
            .chain(COMING_YEARS.captures_iter(preamble))
            .chain(SELF_PERIOD.captures_iter(preamble))
            .find_map(|c| years(&c))
    };
    if let Some(p) = overrides.period {
        (Some(p), Origin::User)
    } else if let Some(p) = period_in(title) {
        (Some(p), Origin::TitleLine)
    } else if let Some(p) = stated() {
        (Some(p), Origin::Preamble)
    } else if let Some(p) = period_in(&file_stem(file_name)) {
        (Some(p), Origin::FileName)
    } else {
        (None, Origin::Nowhere)
    }
}

/// The period written in `text`, the first plausible one.
pub fn period_in(text: &str) -> Option<Period> {
    YEARS.captures_iter(text).find_map(|c| years(&c))
}

impl PlanMeta {
    /// Reads what a plan is from its title, preamble and text.
    pub fn read(
        title: &str,
        preamble: &str,
        body: &str,
        file_name: &str,
        partners: &Partners,
        overrides: &Overrides,
    ) -> PlanMeta {
        let mut warnings = Vec::new();
        let mut sources = MetaSources::default();
        let title = match &overrides.title {
            Some(t) => {
                sources.title = Origin::User;
                t.clone()
            }
            None => title.to_owned(),
        };
        let (partner, partner_from) =
            read_partner(&title, preamble, partners, overrides, &mut warnings);
        let (kind, kind_from) = read_kind(&title, preamble, overrides);
        let (period, period_from) = read_period(&title, preamble, file_name, overrides);
        sources.partner = partner_from;
        sources.kind = kind_from;
        sources.period = period_from;
        if period.is_none() {
            warnings.push(
                "no period in the title, the preamble or the file name (give it as an override or in a sidecar)"
                    .into(),
            );
        }
        let predecessor = PREVIOUS
            .captures_iter(&format!("{preamble}\n{body}"))
            .filter_map(|c| years(&c))
            .find(|p| period.is_none_or(|now| p.last <= now.first && p.last + 3 >= now.first));
        let title = if title.trim().is_empty() {
            sources.title = Origin::Composed;
            warnings
                .push("no title line: the title is composed from partner, kind and period".into());
            compose_title(partner.as_ref(), &kind, period)
        } else {
            title
        };
        PlanMeta {
            title,
            partner,
            kind,
            period,
            predecessor,
            issued: adoption_date(preamble),
            warnings,
            sources,
            language: overrides
                .language
                .clone()
                .unwrap_or_else(|| crate::vocab::DEFAULT_LANGUAGE.to_owned()),
        }
    }

    /// Where its facts came from, in words: "title: title line; partner:
    /// title line; period: file name; kind: preamble".
    pub fn describe_sources(&self) -> String {
        let s = &self.sources;
        format!(
            "title: {}; partner: {}; period: {}; kind: {}",
            s.title.name(),
            s.partner.name(),
            s.period.name(),
            s.kind.name()
        )
    }

    /// The plan in words, for messages: "ASEAN-Japan Plan of Action 2023-2027".
    pub fn describe(&self) -> String {
        let partner = self
            .partner
            .as_ref()
            .map_or("?".to_owned(), |p| p.label.clone());
        let period = self.period.map_or(String::new(), |p| format!(" {p}"));
        format!("ASEAN-{partner} {}{period}", self.kind)
    }

    /// What the plan is: partner, kind and period (or, with no period, the
    /// year it was adopted); None when the text gives no partner.
    pub fn id(&self) -> Option<PlanId> {
        let partner = self.partner.as_ref()?;
        let span = match (self.period, self.issued) {
            (Some(p), _) => Span::Period(p),
            (None, Some(date)) => Span::Adopted(date.year),
            (None, None) => Span::Unknown,
        };
        Some(PlanId::new(&partner.code, &kind_code(&self.kind), span))
    }

    /// The plan's name in IRIs (`asean-us-poa-2021-2025`); None when the
    /// text gives no partner.
    pub fn slug(&self) -> Option<String> {
        self.id().map(|id| id.slug())
    }

    /// The plan this one follows: same partner and kind, the period its
    /// text names.
    pub fn predecessor_id(&self) -> Option<PlanId> {
        let period = self.predecessor?;
        let partner = self.partner.as_ref()?;
        Some(PlanId::new(
            &partner.code,
            &kind_code(&self.kind),
            Span::Period(period),
        ))
    }

    /// The name of the plan this one follows, in IRIs.
    pub fn predecessor_slug(&self) -> Option<String> {
        self.predecessor_id().map(|id| id.slug())
    }

    /// The predecessor's title: this title with the period changed.
    pub fn predecessor_title(&self) -> Option<String> {
        let period = self.predecessor?;
        let replaced = YEARS.replace(&self.title, period.to_string().as_str());
        Some(if replaced == self.title {
            format!("{} ({period})", self.title)
        } else {
            replaced.into_owned()
        })
    }
}

/// The partner named in the title (or, failing that, the preamble); a name
/// in an "ASEAN-X" compound the table does not know becomes a partner too,
/// with a warning.
fn find_partner(
    title: &str,
    preamble: &str,
    partners: &Partners,
    warnings: &mut Vec<String>,
) -> Option<Partner> {
    if let Some(p) = partners.find_in(title) {
        return Some(p.clone());
    }
    for text in [title, preamble] {
        if let Some(c) = COMPOUND.captures(text) {
            let name = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
            let name = name
                .trim_end_matches(|ch: char| !ch.is_alphanumeric())
                .split_whitespace()
                .take_while(|w| {
                    !matches!(
                        *w,
                        "Plan"
                            | "Work"
                            | "Framework"
                            | "Practical"
                            | "Partnership"
                            | "Strategic"
                            | "Comprehensive"
                            | "Dialogue"
                            | "Sectoral"
                            | "Development"
                            | "Joint"
                            | "Enhanced"
                    )
                })
                .collect::<Vec<_>>()
                .join(" ");
            // the longest run of its first words the table knows ("ASEAN-Japan
            // Vision Statement" is Japan's)
            let words: Vec<&str> = name.split_whitespace().collect();
            if let Some(p) = (1..=words.len())
                .rev()
                .find_map(|k| partners.lookup(&words[..k].join(" ")))
            {
                return Some(p.clone());
            }
            if !name.is_empty() {
                warnings.push(format!(
                    "partner {name:?} is not in the partner table (ontology/partners.tsv): taken from the title"
                ));
                return Some(Partner::unknown(&name));
            }
        }
    }
    let head: String = preamble.chars().take(600).collect();
    if let Some(p) = partners.find_in(&head) {
        return Some(p.clone());
    }
    warnings.push(
        "no partner in the title or the preamble (give it as an override or in a sidecar)".into(),
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("Plan of Action (2021-2025)", Some((2021, 2025)) ; "brackets")]
    #[test_case("PARTNERSHIP (2021 – 2025)", Some((2021, 2025)) ; "spaced en dash")]
    #[test_case("Partnership (2022 to 2026)", Some((2022, 2026)) ; "to")]
    #[test_case("Partnership 2025 2029", Some((2025, 2029)) ; "dash lost")]
    #[test_case("for the period of 2023 to 2027", Some((2023, 2027)) ; "prose")]
    #[test_case("adopted in 2003 and 2019", None ; "not a period")]
    fn periods(text: &str, want: Option<(u16, u16)>) {
        assert_eq!(period_in(text), want.map(|(a, b)| Period::new(a, b)));
    }

    fn meta(title: &str, preamble: &str) -> PlanMeta {
        let partners = Partners::bundled().expect("the partner table reads");
        PlanMeta::read(title, preamble, "", "", &partners, &Overrides::default())
    }

    #[test]
    fn partner_kind_period_and_slug_from_a_title() {
        let m = meta(
            "Plan of Action to Implement the ASEAN-United States Strategic Partnership (2021-2025)",
            "achievements made under the previous Plan of Action (2016-2020), ASEAN and",
        );
        assert_eq!(m.partner.as_ref().map(|p| p.code.as_str()), Some("US"));
        assert_eq!(m.kind, "Plan of Action");
        assert_eq!(m.slug().as_deref(), Some("asean-us-poa-2021-2025"));
        assert_eq!(
            m.predecessor_slug().as_deref(),
            Some("asean-us-poa-2016-2020")
        );
        let m = meta("Türkiye-ASEAN Practical Cooperation Areas (2024-2028)", "");
        assert_eq!(m.slug().as_deref(), Some("asean-tr-pca-2024-2028"));
        let m = meta(
            "Plan of Action to Implement the ASEAN-New Zealand Strategic Partnership",
            "This Plan of Action covers the period 2021 to 2025.",
        );
        assert_eq!(m.period, Some(Period::new(2021, 2025)));
    }

    #[test]
    fn an_unknown_partner_comes_from_the_title_with_a_warning() {
        let m = meta(
            "Plan of Action to Implement the ASEAN-Freedonia Comprehensive Partnership (2023-2027)",
            "",
        );
        assert_eq!(
            m.partner.as_ref().map(|p| p.label.as_str()),
            Some("Freedonia")
        );
        assert!(
            m.warnings.iter().any(|w| w.contains("Freedonia")),
            "{:?}",
            m.warnings
        );
        assert_eq!(m.slug().as_deref(), Some("asean-freedonia-poa-2023-2027"));
    }
}
