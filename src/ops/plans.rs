//! The plans in a store, and the plan a user names: by IRI, by its name in
//! IRIs (`asean-jp-poa-2023-2027`), by a partner with a year (`JP:2023`,
//! `Japan 2023-2027`), or by a fragment of its title; a miss suggests the
//! nearest plans.

use super::Error;
use crate::corpus::meta::kind_code;
use crate::corpus::{Period, PlanId, Span};
use crate::sparql::{self, row_text};
use crate::store::KgStore;
use crate::text::fold;

/// A plan of the store, as lists and reports name it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PlanInfo {
    /// The plan's IRI.
    pub iri: String,
    /// Its name in IRIs (`asean-us-poa-2021-2025`).
    pub slug: String,
    /// Its title (`dcterms:title`).
    pub title: String,
    /// Its kind (the name of its `dcterms:type`), `Plan of Action` when the
    /// store says none.
    pub kind: String,
    /// The partner's code (`US`, `JP`, `EU`), when the store has one.
    pub partner_code: Option<String>,
    /// The partner's name (`United States`), when the store has one.
    pub partner: Option<String>,
    /// The first and last years it covers, when both are known.
    pub period: Option<Period>,
    /// The plan it follows, when the text names it.
    pub replaces: Option<String>,
}

impl PlanInfo {
    /// What the plan is (partner, kind, period), when the store names its
    /// partner.
    pub fn id(&self) -> Option<PlanId> {
        let code = self.partner_code.as_deref()?;
        let span = self.period.map_or(Span::Unknown, Span::Period);
        Some(PlanId::new(code, &kind_code(&self.kind), span))
    }

    /// The plan's label in tables: `US 2021-2025` ([`PlanId::label`]), else
    /// its slug.
    pub fn label(&self) -> String {
        self.id().map_or_else(|| self.slug.clone(), |id| id.label())
    }
}

/// Every plan of the store, by partner then period.
pub fn plans(store: &KgStore) -> Result<Vec<PlanInfo>, Error> {
    plans_with(store, "OPTIONAL { ?plan dcterms:replaces ?replaces }")
}

/// The plans, each with the predecessor its own text names: not one an
/// earlier build inferred into the comparisons graph.
pub fn plans_as_stated(store: &KgStore) -> Result<Vec<PlanInfo>, Error> {
    plans_with(
        store,
        &format!(
            "OPTIONAL {{ GRAPH ?rg {{ ?plan dcterms:replaces ?replaces }} FILTER(?rg != <{}>) }}",
            store.base().iri(crate::vocab::COMPARISONS_GRAPH)
        ),
    )
}

/// The plans, with `?replaces` bound by `replaces`.
fn plans_with(store: &KgStore, replaces: &str) -> Result<Vec<PlanInfo>, Error> {
    let rows = sparql::select(
        store,
        "plans",
        format!(
            "SELECT ?plan ?title ?kind ?code ?partner ?start ?end ?replaces WHERE {{
           ?plan a poa:PlanOfAction ; dcterms:title ?title .
           OPTIONAL {{ ?plan dcterms:type/skos:prefLabel ?kind }}
           OPTIONAL {{ ?plan poa:partner ?p . OPTIONAL {{ ?p skos:notation ?code }} OPTIONAL {{ ?p skos:prefLabel ?partner }} }}
           OPTIONAL {{ ?plan poa:startYear ?start }}
           OPTIONAL {{ ?plan poa:endYear ?end }}
           {replaces}
         }}"
        ),
    )?;
    let mut out: Vec<PlanInfo> = Vec::new();
    for row in &rows {
        let Some(iri) = row_text(row, "plan") else {
            continue;
        };
        if out.iter().any(|p| p.iri == iri) {
            continue;
        }
        let year = |v: &str| row_text(row, v).and_then(|y| y.get(..4)?.parse::<u16>().ok());
        out.push(PlanInfo {
            slug: store.base().path_of(&iri).unwrap_or(&iri).to_owned(),
            title: row_text(row, "title").unwrap_or_default(),
            kind: row_text(row, "kind").unwrap_or_else(|| "Plan of Action".into()),
            partner_code: row_text(row, "code"),
            partner: row_text(row, "partner"),
            period: year("start")
                .zip(year("end"))
                .map(|(first, last)| Period::new(first, last)),
            replaces: row_text(row, "replaces"),
            iri,
        });
    }
    out.sort_by(|a, b| {
        (&a.partner_code, a.period, &a.iri).cmp(&(&b.partner_code, b.period, &b.iri))
    });
    Ok(out)
}

/// What a plan holds, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct PlanCounts {
    /// Its pillars.
    pub pillars: usize,
    /// Its sections.
    pub sections: usize,
    /// Its clauses.
    pub clauses: usize,
    /// The entity mentions of its passages.
    pub mentions: usize,
}

impl PlanCounts {
    /// The four counts in table order: pillars, sections, clauses, mentions.
    pub fn in_order(&self) -> [usize; 4] {
        [self.pillars, self.sections, self.clauses, self.mentions]
    }
}

/// Which count of a [`PlanCounts`] a query fills.
type CountSlot = fn(&mut PlanCounts) -> &mut usize;

/// Pillars, sections, clauses and entity mentions of each plan, by IRI: the
/// summaries the last build wrote into the analysis graph, or counted anew
/// when a plan has none (a store built by an earlier version, or given a
/// plan by SPARQL UPDATE since).
pub fn plan_counts(
    store: &KgStore,
) -> Result<std::collections::HashMap<String, PlanCounts>, Error> {
    let summaries = super::summaries::read_plan_summaries(store)?;
    let plans = sparql::select(
        store,
        "plans summarised",
        "SELECT DISTINCT ?plan WHERE { ?plan a poa:PlanOfAction }",
    )?;
    let every_plan_summarised = plans
        .iter()
        .all(|row| row_text(row, "plan").is_some_and(|plan| summaries.contains_key(&plan)));
    if every_plan_summarised {
        return Ok(summaries);
    }
    count_plans(store)
}

/// [`plan_counts`] counted from every pillar, section, clause and mention.
fn count_plans(store: &KgStore) -> Result<std::collections::HashMap<String, PlanCounts>, Error> {
    let mut out: std::collections::HashMap<String, PlanCounts> = std::collections::HashMap::new();
    let slots: [(&str, CountSlot); 3] = [
        ("poa:Pillar", |c| &mut c.pillars),
        ("poa:Section", |c| &mut c.sections),
        ("poa:Clause", |c| &mut c.clauses),
    ];
    for (class, slot) in slots {
        for row in sparql::select(
            store,
            "plan counts",
            format!("SELECT ?plan (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {class} ; dcterms:isPartOf ?plan }} GROUP BY ?plan"),
        )? {
            if let (Some(plan), Some(n)) = (row_text(&row, "plan"), row_text(&row, "n")) {
                *slot(out.entry(plan).or_default()) = n.parse().unwrap_or(0);
            }
        }
    }
    for row in sparql::select(
        store,
        "plan mentions",
        // no `?m a poa:Mention`: only mentions target passages, and the type
        // test alone took 1.2 s of 2 on 1,000 plans
        "SELECT ?plan (COUNT(?m) AS ?n) WHERE { ?m a poa:Mention ; oa:hasTarget/oa:hasSource ?p . ?p dcterms:isPartOf ?plan } GROUP BY ?plan",
    )? {
        if let (Some(plan), Some(n)) = (row_text(&row, "plan"), row_text(&row, "n")) {
            out.entry(plan).or_default().mentions = n.parse().unwrap_or(0);
        }
    }
    Ok(out)
}

/// The plan `name` names among `plans`.
pub fn resolve_plan<'a>(plans: &'a [PlanInfo], name: &str) -> Result<&'a PlanInfo, Error> {
    let want = name.trim();
    let folded = fold(want);
    // an IRI or a slug
    if let Some(p) = plans.iter().find(|p| {
        p.iri == want || p.slug == want || p.iri.trim_end_matches('/') == want.trim_end_matches('/')
    }) {
        return Ok(p);
    }
    if let Some(p) = unique_or_ambiguous(want, by_partner(plans, want))? {
        return Ok(p);
    }
    if let Some(p) = unique_or_ambiguous(want, by_title(plans, &folded))? {
        return Ok(p);
    }
    Err(Error::NoSuchPlan {
        name: want.to_owned(),
        suggestions: nearest(plans, &folded)
            .iter()
            .map(|p| format!("{} ({})", p.label(), p.slug))
            .collect(),
    })
}

/// The one plan of `found`, none when it is empty, an error naming them
/// all when there are several.
fn unique_or_ambiguous<'a>(
    want: &str,
    found: Vec<&'a PlanInfo>,
) -> Result<Option<&'a PlanInfo>, Error> {
    match found.len() {
        0 => Ok(None),
        1 => Ok(Some(found[0])),
        _ => Err(Error::AmbiguousPlan {
            name: want.to_owned(),
            candidates: found
                .iter()
                .map(|p| format!("{} ({})", p.label(), p.slug))
                .collect(),
        }),
    }
}

/// The plans `want` names as a partner with a year or a period: "US:2021",
/// "Japan 2023-2027", "JP".
fn by_partner<'a>(plans: &'a [PlanInfo], want: &str) -> Vec<&'a PlanInfo> {
    let (who, when) = match want.split_once([':', ' ']) {
        Some((a, b)) if b.trim().starts_with(|c: char| c.is_ascii_digit()) => {
            (a.trim(), Some(b.trim()))
        }
        _ => (want, None),
    };
    let year: Option<u16> = when.and_then(|w| w.get(..4)?.parse().ok());
    plans
        .iter()
        .filter(|p| {
            p.partner_code
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(who))
                || p.partner.as_deref().is_some_and(|n| fold(n) == fold(who))
        })
        .filter(|p| {
            year.is_none_or(|y| {
                p.period.is_some_and(|p| {
                    p.first == y
                        || (when.is_some_and(|w| w.len() > 4) && p.last >= y && p.first <= y)
                })
            })
        })
        .collect()
}

/// The plans whose title holds `folded` (a folded name), long enough not
/// to match by chance.
fn by_title<'a>(plans: &'a [PlanInfo], folded: &str) -> Vec<&'a PlanInfo> {
    plans
        .iter()
        .filter(|p| folded.chars().count() >= 4 && fold(&p.title).contains(folded))
        .collect()
}

/// The three plans nearest `folded` (a folded name) by edit distance to
/// their slug, title or short name.
fn nearest<'a>(plans: &'a [PlanInfo], folded: &str) -> Vec<&'a PlanInfo> {
    let mut scored: Vec<(usize, &PlanInfo)> = plans
        .iter()
        .map(|p| {
            let d = [p.slug.as_str(), p.title.as_str(), &p.label()]
                .iter()
                .map(|s| strsim::levenshtein(&fold(s), folded))
                .min()
                .unwrap_or(usize::MAX);
            (d, p)
        })
        .collect();
    scored.sort_by_key(|(d, p)| (*d, p.slug.clone()));
    scored.into_iter().take(3).map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab;

    fn plan(slug: &str, code: &str, period: (u16, u16), title: &str) -> PlanInfo {
        PlanInfo {
            iri: format!("{}{slug}", vocab::ID),
            slug: slug.into(),
            title: title.into(),
            kind: "Plan of Action".into(),
            partner_code: Some(code.into()),
            partner: Some(
                if code == "US" {
                    "United States"
                } else {
                    "Japan"
                }
                .into(),
            ),
            period: Some(Period::new(period.0, period.1)),
            replaces: None,
        }
    }

    #[test]
    fn plans_are_named_many_ways() -> Result<(), Error> {
        let plans = [
            plan(
                "asean-us-poa-2021-2025",
                "US",
                (2021, 2025),
                "Plan of Action ASEAN-United States (2021-2025)",
            ),
            plan(
                "asean-us-poa-2016-2020",
                "US",
                (2016, 2020),
                "Plan of Action ASEAN-U.S. (2016-2020)",
            ),
            plan(
                "asean-jp-poa-2023-2027",
                "JP",
                (2023, 2027),
                "Plan of Action ASEAN-Japan (2023-2027)",
            ),
        ];
        assert_eq!(
            resolve_plan(&plans, "US:2021")?.slug,
            "asean-us-poa-2021-2025"
        );
        assert_eq!(resolve_plan(&plans, "JP")?.slug, "asean-jp-poa-2023-2027");
        assert_eq!(
            resolve_plan(&plans, "Japan 2023-2027")?.slug,
            "asean-jp-poa-2023-2027"
        );
        assert_eq!(
            resolve_plan(&plans, "asean-us-poa-2016-2020")?.slug,
            "asean-us-poa-2016-2020"
        );
        assert_eq!(
            resolve_plan(&plans, "ASEAN-Japan")?.slug,
            "asean-jp-poa-2023-2027"
        );
        match resolve_plan(&plans, "US") {
            Err(Error::AmbiguousPlan { candidates, .. }) => assert_eq!(candidates.len(), 2),
            other => panic!("{other:?}"),
        }
        match resolve_plan(&plans, "asean-jp-poa-2023-2026") {
            Err(Error::NoSuchPlan { suggestions, .. }) => {
                assert!(
                    suggestions[0].contains("asean-jp-poa-2023-2027"),
                    "{suggestions:?}"
                )
            }
            other => panic!("{other:?}"),
        }
        Ok(())
    }
}
