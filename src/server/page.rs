//! The query page of the endpoint: a form, the shipped queries to pick
//! from, results as a table (resource pages are `crate::pages::resource`).

use crate::queries::SHIPPED;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The query page: a form, the shipped queries to pick from, results as a table.
pub fn index() -> String {
    let options: String = SHIPPED
        .iter()
        .map(|q| {
            format!(
                "<option value=\"{}\">{} — {}</option>",
                escape(q.text),
                escape(q.name),
                escape(q.description())
            )
        })
        .collect();
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>poakg SPARQL endpoint</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:80em}}textarea{{width:100%;height:14em;font-family:monospace}}table{{border-collapse:collapse;margin-top:1em}}td,th{{border:1px solid #ccc;padding:.2em .5em;vertical-align:top;text-align:left}}#status{{color:#555}}</style></head>
<body><h1>poakg SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol at <code>/sparql</code> (GET or POST); graphs at <code>/graph-store?graph=IRI</code>; data IRIs dereference under <code>/id/</code>. The default graph is the union of all graphs.</p>
<label>Shipped queries: <select id="shipped"><option value="">(choose)</option>{options}</select></label>
<form id="form"><textarea id="query" name="query">SELECT ?notation ?title WHERE {{ ?s a poa:Section ; skos:notation ?notation ; skos:prefLabel ?title }} ORDER BY ?notation</textarea>
<button type="submit">Run</button> <span id="status"></span></form>
<div id="results"></div>
<script>
const q = document.getElementById('query');
document.getElementById('shipped').onchange = e => {{ if (e.target.value) q.value = e.target.value; }};
document.getElementById('form').onsubmit = async e => {{
  e.preventDefault();
  const status = document.getElementById('status'), out = document.getElementById('results');
  status.textContent = 'running…'; out.innerHTML = '';
  const r = await fetch('/sparql', {{method: 'POST', headers: {{'Content-Type': 'application/sparql-query', 'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}}, body: q.value}});
  const type = r.headers.get('content-type') || '';
  if (!r.ok || !type.includes('json')) {{ status.textContent = r.status + ' ' + r.statusText; const pre = document.createElement('pre'); pre.textContent = await r.text(); out.appendChild(pre); return; }}
  const data = await r.json();
  if ('boolean' in data) {{ status.textContent = 'ASK: ' + data.boolean; return; }}
  const vars = data.head.vars, rows = data.results.bindings;
  status.textContent = rows.length + ' row(s)';
  const table = document.createElement('table'), head = table.insertRow();
  vars.forEach(v => {{ const th = document.createElement('th'); th.textContent = v; head.appendChild(th); }});
  rows.forEach(b => {{ const tr = table.insertRow(); vars.forEach(v => {{ tr.insertCell().textContent = b[v] ? b[v].value : ''; }}); }});
  out.appendChild(table);
}};
</script></body></html>
"#
    )
}
