//! The tables of `report partners`, drawn from [`PartnersReport`].

use super::partners::PartnersReport;
use super::{Report, Table};

/// Up to this many plans, the matrix has a column per plan; beyond, a list
/// of the plans naming each entity (the JSON has the whole matrix): a text
/// table of more columns does not fit 80 columns.
const COLUMNS_UP_TO: usize = 4;

fn pct(v: f64) -> String {
    format!("{:.0}", v * 100.0)
}

/// A table of fixed column names.
fn table(title: &str, header: &[&str], rows: Vec<Vec<String>>) -> Table {
    Table {
        title: title.into(),
        header: header.iter().map(|s| s.to_string()).collect(),
        rows,
    }
}

impl PartnersReport {
    /// The report: plans, the matrix, what all and one name, classes,
    /// likeness, pillar balance and the pillars matched by theme.
    pub fn report(&self) -> Report {
        let focus_note = self
            .focus
            .map(|f| format!("Rows about {} only.", self.plans[f].plan.name));
        let notes: Vec<String> = [
            Some(format!(
                "{} plans. {} entities named in every plan; {} named in one plan only. Likeness: Jaccard index of the entities two plans name, cosine of their TF-IDF word vectors, and the mean of both. Pillar balance: share of each plan's clauses (and mentions) in each theme, in %; pillars are matched by theme, not by number.",
                self.plans.len(),
                self.shared_by_all.len(),
                self.unique_in_corpus
            )),
            focus_note,
        ]
        .into_iter()
        .flatten()
        .collect();
        Report {
            title: "Partners: what the plans share".into(),
            notes,
            tables: vec![
                self.plans_table(),
                self.matrix_table(),
                self.shared_table(),
                self.unique_table(),
                self.class_table(),
                self.plan_class_table(),
                self.likeness_table(),
                self.balance_table(false),
                self.balance_table(true),
                self.matched_table(),
            ],
            json: self.json(),
        }
    }

    /// One row per plan: partner, period, clauses, mentions, entities.
    fn plans_table(&self) -> Table {
        let rows = self
            .plans
            .iter()
            .map(|f| {
                vec![
                    f.plan.name.clone(),
                    f.plan.partner.clone().unwrap_or_else(|| "-".into()),
                    f.plan.period.map_or("-".into(), |p| p.to_string()),
                    f.clauses.to_string(),
                    f.mentions.to_string(),
                    f.entities.to_string(),
                ]
            })
            .collect();
        let header = [
            "plan", "partner", "period", "clauses", "mentions", "entities",
        ];
        table("Plans", &header, rows)
    }

    /// The plans x entities matrix: a column per plan when they are few,
    /// else the list of plans naming each entity.
    fn matrix_table(&self) -> Table {
        let names: Vec<&str> = self.names().collect();
        let wide = names.len() <= COLUMNS_UP_TO;
        let mut header: Vec<String> = ["entity", "class", "plans"].map(String::from).to_vec();
        if wide {
            header.extend(names.iter().map(|s| s.to_string()));
        } else {
            header.push("named in".into());
        }
        let rows = self
            .matrix
            .iter()
            .map(|m| {
                let naming = m.passages.iter().filter(|&&c| c > 0).count();
                let mut row = vec![m.entity.clone(), m.class.to_string(), naming.to_string()];
                if wide {
                    row.extend(m.passages.iter().map(|&c| {
                        if c == 0 {
                            "-".into()
                        } else {
                            c.to_string()
                        }
                    }));
                } else {
                    let named_in: Vec<&str> = (m.passages.iter().zip(&names))
                        .filter(|(&c, _)| c > 0)
                        .map(|(_, n)| *n)
                        .collect();
                    row.push(named_in.join(", "));
                }
                row
            })
            .collect();
        Table {
            title: "Mechanisms and instruments by plan (passages naming each)".into(),
            header,
            rows,
        }
    }

    /// The entities every plan names, with their passages in all.
    fn shared_table(&self) -> Table {
        let rows = self
            .shared_by_all
            .iter()
            .map(|e| {
                vec![
                    e.entity.clone(),
                    e.class.to_string(),
                    e.passages.to_string(),
                ]
            })
            .collect();
        table(
            "Named in every plan",
            &["entity", "class", "passages"],
            rows,
        )
    }

    /// The entities one plan alone names.
    fn unique_table(&self) -> Table {
        let rows = self
            .unique
            .iter()
            .map(|e| {
                vec![
                    e.plan.clone().unwrap_or_default(),
                    e.entity.clone(),
                    e.class.to_string(),
                    e.passages.to_string(),
                ]
            })
            .collect();
        let header = ["plan", "entity", "class", "passages"];
        table("Named in one plan only", &header, rows)
    }

    /// Per class: the entities, those in every plan, those in one plan.
    fn class_table(&self) -> Table {
        let rows = self
            .class_totals
            .iter()
            .map(|c| {
                vec![
                    c.class.clone(),
                    c.entities.to_string(),
                    c.in_every_plan.to_string(),
                    c.in_one_plan.to_string(),
                ]
            })
            .collect();
        let header = ["class", "entities", "in every plan", "in one plan"];
        table("Entities by class", &header, rows)
    }

    /// Distinct entities by plan (the focus only, if one) and class.
    fn plan_class_table(&self) -> Table {
        let mut header = vec!["plan".to_string()];
        header.extend(self.classes.iter().cloned());
        let rows = (self.by_class.iter().enumerate())
            .filter(|(plan, _)| self.focus.is_none_or(|f| f == *plan))
            .map(|(_, p)| {
                let mut row = vec![p.plan.clone()];
                row.extend(p.entities.iter().map(usize::to_string));
                row
            })
            .collect();
        Table {
            title: "Distinct entities by plan and class".into(),
            header,
            rows,
        }
    }

    /// The likeness of each pair of plans.
    fn likeness_table(&self) -> Table {
        let rows = self
            .likeness
            .iter()
            .map(|l| {
                vec![
                    l.a.clone(),
                    l.b.clone(),
                    format!("{:.3}", l.entities),
                    format!("{:.3}", l.text),
                    format!("{:.3}", l.overall),
                ]
            })
            .collect();
        let header = ["plan", "plan", "entities", "text", "overall"];
        table("Likeness of plans", &header, rows)
    }

    /// Each plan's share of clauses (or of `mentions`) by theme, in %.
    fn balance_table(&self, mentions: bool) -> Table {
        let mut header = vec!["plan".to_string()];
        header.extend(self.themes.iter().cloned());
        let rows = self
            .balance
            .iter()
            .map(|b| {
                let mut row = vec![b.plan.clone()];
                row.extend(
                    (b.shares.iter()).map(|s| pct(if mentions { s.mentions } else { s.clauses })),
                );
                row
            })
            .collect();
        Table {
            title: if mentions {
                "Pillar balance: share of mentions (%)"
            } else {
                "Pillar balance: share of clauses (%)"
            }
            .into(),
            header,
            rows,
        }
    }

    /// Which pillar of which plan went into each theme.
    fn matched_table(&self) -> Table {
        let rows = self
            .matched
            .iter()
            .map(|m| {
                vec![
                    m.theme.clone(),
                    m.plan.clone(),
                    m.pillar.clone(),
                    m.title.clone(),
                ]
            })
            .collect();
        let header = ["theme", "plan", "pillar", "title"];
        table("Pillars matched by theme", &header, rows)
    }
}
