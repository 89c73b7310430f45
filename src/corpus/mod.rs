//! The corpus: many plans of many partners in one graph. `partners` is the
//! shipped table of ASEAN's partners; `meta` reads what a plan is (partner,
//! kind, period, the plan it follows) and names it in IRIs by that, not by
//! its file name. No I/O, no store.

mod facts;
pub mod meta;
pub mod partners;
mod period;
mod plan_id;
pub mod themes;

pub use meta::{Overrides, PlanMeta};
pub use partners::{Partner, Partners};
pub use period::{AdoptionDate, Period};
pub use plan_id::{KindConcept, PlanId, Span};
