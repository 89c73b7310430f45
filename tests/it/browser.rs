//! The pages of `poakg serve` in a real browser: headless Chromium driven
//! over WebDriver (Debian's `chromium` and `chromium-driver`, which .ci/run
//! installs). Each page kind loads with no console error and no request to
//! another site, shows the expected name and text; a highlighted mention
//! leads to its entity's page; the network draws its nodes and a click on a
//! node opens the entity. Screenshots of every page kind are written to
//! `$POAKG_SCREENSHOTS` (default: `browser-screenshots` in cargo's
//! temporary folder), to be looked at, not committed.
//!
//! Set `POAKG_SKIP_BROWSER=1` to skip on a machine without Chromium.

use crate::common::http;
use crate::common::served::{serve, Served};
use crate::common::{external, TestResult};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// chromedriver on a free port, killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether `program` is a file in a folder of PATH.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join(program).is_file()))
}

fn chromedriver() -> Result<Driver, Box<dyn std::error::Error>> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("chromedriver: {e} (install chromium and chromium-driver, as .ci/run does, or set POAKG_SKIP_BROWSER=1)"))?;
    let driver = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        // it listens once it is ready (it keeps connections open, which
        // the tests' one-shot HTTP client would wait on)
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(driver);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err("chromedriver did not come up".into())
}

fn screenshots() -> Result<PathBuf, std::io::Error> {
    let dir = std::env::var_os("POAKG_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser-screenshots"));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// chromedriver's log command (`POST /session/ID/se/log`), which WebDriver
/// itself lacks.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (::http::Method, Option<String>) {
        (
            ::http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// A browser session on the served pages.
struct Browser<'a> {
    client: Client,
    served: &'a Served,
}

impl Browser<'_> {
    async fn open(&self, path: &str) -> TestResult {
        self.client
            .goto(&format!("{}{path}", self.served.base))
            .await?;
        Ok(())
    }

    async fn text(&self, css: &str) -> Result<String, Box<dyn std::error::Error>> {
        Ok(self.client.find(Locator::Css(css)).await?.text().await?)
    }

    /// Console messages at level SEVERE since the last call (chromedriver's
    /// log endpoint; every JavaScript error and failed load lands there).
    async fn console_errors(&self) -> Result<Vec<String>, Box<dyn std::error::Error>> {
        let log = self.client.issue_cmd(BrowserLog).await?;
        Ok(log
            .as_array()
            .ok_or_else(|| format!("no log: {log}"))?
            .iter()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].to_string())
            .collect())
    }

    /// Every resource the page loaded, by URL.
    async fn loaded(&self) -> Result<Vec<String>, Box<dyn std::error::Error>> {
        let urls = self
            .client
            .execute(
                "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);",
                vec![],
            )
            .await?;
        Ok(urls
            .as_array()
            .ok_or("no resource list")?
            .iter()
            .filter_map(|u| u.as_str().map(str::to_owned))
            .collect())
    }

    /// The checks every page passes, and its screenshot.
    async fn check_page(&self, name: &str) -> TestResult {
        let errors = self.console_errors().await?;
        assert!(errors.is_empty(), "{name}: console errors {errors:?}");
        for url in self.loaded().await? {
            assert!(url.starts_with(&self.served.base), "{name} requested {url}");
        }
        // readable on a phone: the page declares a device-width viewport
        let viewport = self
            .client
            .find(Locator::Css("meta[name=viewport]"))
            .await?
            .attr("content")
            .await?;
        assert!(
            viewport.is_some_and(|v| v.contains("width=device-width")),
            "{name}"
        );
        let png = self.client.screenshot().await?;
        assert!(png.starts_with(b"\x89PNG"), "{name}: screenshot is no PNG");
        std::fs::write(screenshots()?.join(format!("{name}.png")), png)?;
        // on a phone's width nothing runs off the side
        self.client.set_window_size(390, 844).await?;
        let overflow = self
            .client
            .execute(
                "return document.documentElement.scrollWidth - window.innerWidth;",
                vec![],
            )
            .await?;
        assert!(
            overflow.as_f64().is_some_and(|o| o <= 1.0),
            "{name}: {overflow} px too wide on a phone"
        );
        std::fs::write(
            screenshots()?.join(format!("{name}-phone.png")),
            self.client.screenshot().await?,
        )?;
        self.client.set_window_size(1200, 1400).await?;
        Ok(())
    }
}

async fn session(driver: &Driver) -> Result<Client, Box<dyn std::error::Error>> {
    let mut caps = serde_json::Map::new();
    let mut options = json!({
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1400"]
    });
    if std::path::Path::new("/usr/bin/chromium").exists() {
        options["binary"] = json!("/usr/bin/chromium");
    }
    caps.insert("goog:chromeOptions".into(), options);
    caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let client = ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&driver.url)
        .await?;
    Ok(client)
}

async fn wait_for(client: &Client, script: &str) -> Result<Value, Box<dyn std::error::Error>> {
    wait_within(client, script, Duration::from_secs(30)).await
}

/// Runs `script` until it returns something other than null or false, for
/// at most `limit`.
async fn wait_within(
    client: &Client,
    script: &str,
    limit: Duration,
) -> Result<Value, Box<dyn std::error::Error>> {
    let start = Instant::now();
    loop {
        let value = client.execute(script, vec![]).await?;
        if !value.is_null() && value != json!(false) {
            return Ok(value);
        }
        if start.elapsed() > limit {
            return Err(format!("timed out waiting for: {script}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[test]
fn every_page_kind_in_a_real_browser() -> TestResult {
    external::refuse_under_ci("POAKG_SKIP_BROWSER")?;
    if std::env::var_os("POAKG_SKIP_BROWSER").is_some() {
        return external::skip("the browser test", "POAKG_SKIP_BROWSER is set");
    }
    if !on_path("chromedriver") || !on_path("chromium") {
        return external::skip(
            "the browser test",
            "chromium or chromedriver is not installed (apt-get install chromium chromium-driver, as .ci/run does)",
        );
    }
    let served = serve(&[])?;
    let driver = chromedriver()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let client = session(&driver).await?;
        let b = Browser {
            client,
            served: &served,
        };
        let result = pages(&b).await;
        let _ = b.client.close().await;
        result
    })
}

async fn pages(b: &Browser<'_>) -> TestResult {
    // home: the plans, linked
    b.open("/").await?;
    assert_eq!(b.text("h1").await?, "Plans in this graph");
    let plan_link = b.client.find(Locator::Css("tbody a")).await?;
    assert!(plan_link.text().await?.contains("Plan of Action"));
    b.check_page("home").await?;
    plan_link.click().await?;

    // plan: table of contents, connectors, entities by class
    assert!(b
        .client
        .current_url()
        .await?
        .path()
        .ends_with("/id/asean-us-poa-2021-2025"));
    assert!(b
        .text("h1")
        .await?
        .contains("ASEAN-United States Strategic Partnership"));
    let toc = b.client.find_all(Locator::Css("ol.toc > li")).await?;
    assert_eq!(toc.len(), 5, "five pillars");
    assert!(!b
        .client
        .find_all(Locator::Css("table.connectors tbody tr"))
        .await?
        .is_empty());
    // its profile: four charts drawn by the server (levels, goals, areas, means)
    let charts = b
        .client
        .find_all(Locator::Css("div.profile svg.profile-chart"))
        .await?;
    assert_eq!(charts.len(), 4, "four profile charts");
    for chart in &charts {
        assert!(chart.is_displayed().await?);
    }
    b.check_page("plan").await?;

    // pillar: its clauses in order, each with its text
    b.client
        .find(Locator::Css("ol.toc > li > a"))
        .await?
        .click()
        .await?;
    assert!(b.client.current_url().await?.path().ends_with("/pillar/1"));
    let first = b.text("p.passage").await?;
    assert!(first.starts_with("1.1.1 "), "{first}");
    b.check_page("pillar").await?;

    // section
    b.open("/id/asean-us-poa-2021-2025/section/1.2").await?;
    assert_eq!(b.text("h1").await?, "Security Cooperation");
    assert!(b.text("p.passage").await?.starts_with("1.2.1 "));
    b.check_page("section").await?;

    // a goal's page: the clauses addressing it, by plan
    b.open("/goal/16").await?;
    assert_eq!(
        b.text("h1").await?,
        "Peace, justice and strong institutions"
    );
    assert!(b.text("h3.concept-plan").await?.contains("Plan of Action"));
    assert!(!b
        .client
        .find_all(Locator::Css("ul.concept-clauses li a"))
        .await?
        .is_empty());
    b.check_page("goal").await?;

    // clause: breadcrumbs, highlighted mentions, previous and next, source on demand
    b.open("/id/asean-us-poa-2021-2025/clause/1.2.1").await?;
    assert!(b.text("h1").await?.contains("1.2.1"));
    assert_eq!(
        b.client.find_all(Locator::Css("nav.crumbs a")).await?.len(),
        3
    );
    assert!(b.text("a[rel=prev]").await?.contains("1.1.6"));
    assert!(b.text("a[rel=next]").await?.contains("1.2.2"));
    let raw = b.client.find(Locator::Css("details.raw pre")).await?;
    assert!(
        !raw.is_displayed().await?,
        "the source text waits to be asked for"
    );
    b.client
        .find(Locator::Css("details.raw summary"))
        .await?
        .click()
        .await?;
    assert!(raw.is_displayed().await?);
    assert!(raw.text().await?.starts_with("1.2.1. Promote dialogue"));
    // what it commits to: each label with its evidence words marked in the clause's text
    let clause_text = b.text("p.text").await?;
    let evidence = b
        .client
        .find_all(Locator::Css("table.labels mark.evidence-words"))
        .await?;
    assert!(evidence.len() >= 4, "labels with evidence");
    for mark in &evidence {
        let words = mark.text().await?;
        assert!(
            clause_text.contains(&words),
            "{words:?} is not in the clause"
        );
    }
    assert!(b.text("table.labels").await?.contains("Commitment level"));
    b.check_page("clause").await?;
    let mention = b.client.find(Locator::Css("p.text mark a.mention")).await?;
    let entity_name = mention
        .attr("title")
        .await?
        .ok_or("a mention without a title")?;
    let entity_href = mention
        .attr("href")
        .await?
        .ok_or("a mention without a link")?;
    mention.click().await?;

    // entity: the page the mention linked, with this clause among its passages
    assert_eq!(b.client.current_url().await?.path(), entity_href);
    assert_eq!(b.text("h1").await?, entity_name);
    let passages: Vec<String> = {
        let mut out = Vec::new();
        for a in b.client.find_all(Locator::Css("a.passage-link")).await? {
            out.extend(a.attr("href").await?);
        }
        out
    };
    assert!(
        passages.iter().any(|p| p.ends_with("/clause/1.2.1")),
        "{passages:?}"
    );
    assert!(b.text("ul.figures").await?.contains("Named in"));
    b.check_page("entity").await?;

    // network: drawn, filterable, a click on a node opens its page
    b.open("/network").await?;
    wait_for(
        &b.client,
        "return document.getElementById('cy').getAttribute('data-ready') === 'true';",
    )
    .await?;
    let nodes = b
        .client
        .execute("return window.poakgNetwork.nodes().length;", vec![])
        .await?;
    assert!(nodes.as_u64().is_some_and(|n| n > 50), "{nodes}");
    b.client
        .find(Locator::Css("#search"))
        .await?
        .send_keys("Regional Forum")
        .await?;
    let found = wait_for(&b.client, "var f = window.poakgNetwork.nodes('.found'); return f.length > 0 && f.map(n => n.data('label'));").await?;
    assert!(
        found.to_string().contains("ASEAN Regional Forum"),
        "{found}"
    );
    b.client
        .find(Locator::Css("#class"))
        .await?
        .select_by_value("Mechanism")
        .await?;
    let shown = b
        .client
        .execute(
            "return window.poakgNetwork.nodes(':visible').map(n => n.data('cls'));",
            vec![],
        )
        .await?;
    let shown = shown.as_array().ok_or("no nodes shown")?;
    assert!(
        !shown.is_empty() && shown.iter().all(|c| c == "Mechanism"),
        "{shown:?}"
    );
    let status = b.text("#status").await?;
    assert!(
        status.starts_with(&format!("{} of ", shown.len())),
        "{status}"
    );
    b.check_page("network").await?;
    // click the node of the ASEAN Regional Forum where it is drawn: once the
    // view has settled after the phone-width check (the page refits the
    // network after a resize), and again if a late refit moved it
    let mut opened = false;
    for _ in 0..3 {
        // settled: no refit pending, and the view the same at two polls in a row
        wait_for(
            &b.client,
            "var cy = window.poakgNetwork; var pan = cy.pan(); var now = [pan.x, pan.y, cy.zoom()].join(',');
             var same = window.poakgLastView === now; window.poakgLastView = now;
             return same && !cy.animated() && !document.getElementById('cy').hasAttribute('data-resizing');",
        )
        .await?;
        let at = wait_for(
            &b.client,
            "var cy = window.poakgNetwork; var n = cy.$id('https://w3id.org/poakg/id/entity/asean-regional-forum');
             cy.stop(true); cy.fit(n, 200); var p = n.renderedPosition(); var r = cy.container().getBoundingClientRect();
             return [r.left + p.x, r.top + p.y];",
        )
        .await?;
        let (x, y) = (at[0].as_f64().ok_or("x")?, at[1].as_f64().ok_or("y")?);
        let click = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x,
                y,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        b.client.perform_actions(click).await?;
        let navigated = wait_within(
            &b.client,
            "return location.pathname === '/id/entity/asean-regional-forum';",
            Duration::from_secs(5),
        );
        if navigated.await.is_ok() {
            opened = true;
            break;
        }
    }
    assert!(opened, "a click on the node did not open its page");
    assert_eq!(b.text("h1").await?, "ASEAN Regional Forum");

    // query: results as a linked table, IRIs shown by their labels
    b.open("/query").await?;
    let query = b.client.find(Locator::Css("#query")).await?;
    query.clear().await?;
    query
        .send_keys("SELECT ?e WHERE { ?e skos:altLabel \"ARF\"@en }")
        .await?;
    b.client
        .find(Locator::Css("button[type=submit]"))
        .await?
        .click()
        .await?;
    wait_for(
        &b.client,
        "return document.querySelector('#results td a') !== null;",
    )
    .await?;
    let cell = b.client.find(Locator::Css("#results td a")).await?;
    assert_eq!(cell.text().await?, "ASEAN Regional Forum");
    assert_eq!(
        cell.attr("href").await?.as_deref(),
        Some("/id/entity/asean-regional-forum")
    );
    let csv = b
        .client
        .find(Locator::Css("#downloads a[data-format=csv]"))
        .await?;
    let href = csv.attr("href").await?.ok_or("no download link")?;
    let reply = http::request(&b.served.base, "GET", &href, &[], b"")?;
    assert_eq!(reply.status, 200);
    assert!(reply
        .body
        .contains("https://w3id.org/poakg/id/entity/asean-regional-forum"));
    b.check_page("query").await?;

    // the console check sees errors: a page that does not exist logs one
    b.open("/id/no-such-resource").await?;
    let errors = b.console_errors().await?;
    assert!(errors.iter().any(|e| e.contains("404")), "{errors:?}");
    Ok(())
}
