//! The home page of `poakg serve`: the plans in the store, each linked to
//! its page, with partner, period, kind and counts; sorted by partner,
//! period, kind or title, a hundred to a page.

use super::PageError;
use askama::Template;

/// Plans on one page of the home page.
pub const PAGE_SIZE: usize = 100;

/// One plan as the home page lists it.
#[derive(Debug, Clone)]
pub struct PlanRow {
    /// Its title.
    pub title: String,
    /// Its page, when its IRI may be a link.
    pub href: Option<String>,
    /// Its partner's name, or `-`.
    pub partner: String,
    /// `2021-2025`, or `-`.
    pub period: String,
    /// `Plan of Action`, `Work Plan`, ...
    pub kind: String,
    /// Pillars, sections, clauses, mentions.
    pub counts: [usize; 4],
}

/// What the home page lists the plans by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Partner, then period (the store's own order).
    Partner,
    /// Period (earliest first), then partner.
    Period,
    /// Kind, then partner and period.
    Kind,
    /// Title.
    Title,
}

impl SortKey {
    /// Every key, in the order the page offers them.
    pub const ALL: [SortKey; 4] = [
        SortKey::Partner,
        SortKey::Period,
        SortKey::Kind,
        SortKey::Title,
    ];

    /// The key's name in the page's address (`?sort=period`).
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Partner => "partner",
            SortKey::Period => "period",
            SortKey::Kind => "kind",
            SortKey::Title => "title",
        }
    }

    /// The key named `name`.
    pub fn parse(name: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Which page of which order the home page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listing {
    /// The order.
    pub sort: SortKey,
    /// The page, from 1.
    pub page: usize,
}

impl Listing {
    /// The listing the parameters `sort` and `page` ask for (partner order,
    /// page 1, when absent); the reason when one is not understood.
    pub fn from_params(sort: Option<&str>, page: Option<&str>) -> Result<Listing, String> {
        let sort = match sort {
            None | Some("") => SortKey::Partner,
            Some(name) => SortKey::parse(name).ok_or_else(|| {
                let names: Vec<&str> = SortKey::ALL.iter().map(|k| k.name()).collect();
                format!("sort must be one of {}, not {name:?}", names.join(", "))
            })?,
        };
        let page = match page {
            None | Some("") => 1,
            Some(n) => n
                .parse::<usize>()
                .ok()
                .filter(|&n| n >= 1)
                .ok_or_else(|| format!("page must be a number from 1, not {n:?}"))?,
        };
        Ok(Listing { sort, page })
    }
}

/// A link of the page: its text, its address, whether it is the one shown.
struct PageLink {
    text: String,
    href: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    plans: &'a [PlanRow],
    /// All the store's plans, on every page.
    total: usize,
    /// The positions of the first and last plan shown, from 1.
    first: usize,
    last: usize,
    sorts: Vec<PageLink>,
    pages: Vec<PageLink>,
}

/// How many pages `plans` plans fill (one, when there is none).
pub fn last_page(plans: usize) -> usize {
    plans.div_ceil(PAGE_SIZE).max(1)
}

/// Renders the home page: `plans` (in the store's order) sorted and cut as
/// `listing` says (a page past [`last_page`] shows no plan).
pub fn render(mut plans: Vec<PlanRow>, listing: Listing) -> Result<String, PageError> {
    sort(&mut plans, listing.sort);
    let total = plans.len();
    let last = last_page(total);
    let start = (listing.page - 1).saturating_mul(PAGE_SIZE);
    let shown = plans
        .get(start..total.min(start.saturating_add(PAGE_SIZE)))
        .unwrap_or(&[]);
    let address = |sort: SortKey, page: usize| match page {
        1 => format!("/?sort={}", sort.name()),
        _ => format!("/?sort={}&page={page}", sort.name()),
    };
    let sorts = SortKey::ALL
        .iter()
        .map(|&k| PageLink {
            text: k.name().to_owned(),
            href: address(k, 1),
            current: k == listing.sort,
        })
        .collect();
    let pages = match last {
        1 => Vec::new(),
        _ => (1..=last)
            .map(|page| PageLink {
                text: page.to_string(),
                href: address(listing.sort, page),
                current: page == listing.page,
            })
            .collect(),
    };
    Ok(HomePage {
        plans: shown,
        total,
        first: start.saturating_add(1),
        last: start.saturating_add(shown.len()),
        sorts,
        pages,
    }
    .render()?)
}

/// Sorts the rows (given in partner order) by `key`; ties keep their order.
fn sort(plans: &mut [PlanRow], key: SortKey) {
    // a plan of unknown period (`-`) after the dated ones
    let period = |p: &PlanRow| (p.period == "-", p.period.clone());
    match key {
        SortKey::Partner => {}
        SortKey::Period => plans.sort_by_cached_key(period),
        SortKey::Kind => plans.sort_by(|a, b| a.kind.cmp(&b.kind)),
        SortKey::Title => plans.sort_by_cached_key(|p| poakg::text::fold(&p.title)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(i: usize, period: &str, kind: &str) -> PlanRow {
        PlanRow {
            title: format!("Plan {i:03}"),
            href: Some(format!("/id/plan-{i:03}")),
            partner: format!("Partner {}", i % 7),
            period: period.to_owned(),
            kind: kind.to_owned(),
            counts: [i, 0, 0, 0],
        }
    }

    /// 250 plans: every tenth of unknown period, kinds in turn.
    fn rows() -> Vec<PlanRow> {
        (0..250)
            .map(|i| {
                let period = match i % 10 {
                    0 => "-".to_owned(),
                    _ => format!("{}-{}", 2250 - i, 2254 - i),
                };
                row(i, &period, ["Work Plan", "Plan of Action"][i % 2])
            })
            .collect()
    }

    fn listing(sort: &str, page: &str) -> Listing {
        Listing::from_params(Some(sort), Some(page)).expect("a listing")
    }

    #[test]
    fn pages_hold_a_hundred_plans_and_say_which() {
        let page = render(rows(), listing("partner", "3")).expect("page 3");
        assert_eq!(page.matches("<tr><td>").count(), 50);
        assert!(page.contains("250 plans, 201 to 250 shown"), "{page}");
        assert!(page.contains("Plan 200") && !page.contains("Plan 199"));
        assert!(
            page.contains("<a href=\"/?sort=partner&#38;page=2\">2</a>"),
            "{page}"
        );
        assert_eq!(last_page(250), 3);
        assert_eq!(last_page(0), 1);
        // past the end: no row, never a panic
        let past = render(rows(), listing("partner", "4")).expect("page 4");
        assert_eq!(past.matches("<tr><td>").count(), 0);
        let far = Listing::from_params(None, Some(&usize::MAX.to_string())).expect("a listing");
        assert!(render(rows(), far).is_ok());
    }

    #[test]
    fn period_order_is_earliest_first_with_the_undated_last() {
        let page = render(rows(), listing("period", "1")).expect("page 1");
        // the earliest period is plan 249's (2001-2005); plan 0 is undated
        let first = page.find("Plan 249").expect("plan 249");
        assert!(page[..first].matches("<tr><td>").count() == 1, "{page}");
        let last = render(rows(), listing("period", "3")).expect("page 3");
        assert!(last.contains("Plan 000") && last.contains("Plan 240"));
    }

    #[test]
    fn kind_order_keeps_the_partner_order_within_a_kind() {
        let mut plans = rows();
        sort(&mut plans, SortKey::Kind);
        assert_eq!(plans[0].title, "Plan 001");
        assert_eq!(plans[0].kind, "Plan of Action");
        assert_eq!(plans[125].title, "Plan 000");
    }

    #[test]
    fn unknown_orders_and_pages_are_refused_with_the_reason() {
        let e = Listing::from_params(Some("size"), None).expect_err("no such order");
        assert_eq!(
            e,
            "sort must be one of partner, period, kind, title, not \"size\""
        );
        let e = Listing::from_params(None, Some("0")).expect_err("no page 0");
        assert_eq!(e, "page must be a number from 1, not \"0\"");
        assert!(Listing::from_params(None, Some("two")).is_err());
        assert_eq!(
            Listing::from_params(None, None),
            Ok(Listing {
                sort: SortKey::Partner,
                page: 1
            })
        );
    }
}
