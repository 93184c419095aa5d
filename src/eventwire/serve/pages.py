"""Web pages, rendered on the server from the same documents the JSON API returns.

Article text is untrusted input: every piece of it goes through :func:`html.escape`, and the
pages carry no script or style from anywhere but this module (no CDN). The article page
shows the text with actors, event triggers, quotations, time expressions and figures
highlighted (in the spirit of spaCy's displaCy), and a table of the events; clicking an event
highlights the sentence that supports it.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise
from typing import Any

from eventwire.coding.cameo import code_info
from eventwire.records import Document

#: Highlight kinds, in the order of the legend.
KINDS = ("actor", "trigger", "quote", "time", "figure")

STYLE = """
body{font:16px/1.55 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem}.meta{color:#555}
.text{white-space:pre-wrap;border-left:3px solid #ddd;padding-left:1rem}
.actor{background:#dbeafe}.trigger{background:#fde68a;font-weight:600}.quote{color:#065f46}
.time{background:#e9d5ff}.figure{background:#fecaca}.sentence.active{outline:2px solid #f59e0b}
.legend span{padding:0 .4rem;margin-right:.4rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.25rem .4rem;text-align:left;vertical-align:top}
tr.event{cursor:pointer}tr.event:hover,tr.event.active{background:#fff7ed}
"""
ADD_FORM = """<form id="add"><h2>Add a missed event</h2>
<input name="cameo" placeholder="CAMEO code, e.g. 042" required>
<input name="source" placeholder="source, e.g. CHNGOV"> <input name="target" placeholder="target">
<input name="date" placeholder="YYYY-MM-DD"> <input name="note" placeholder="note">
<button type="submit">add</button> <span id="review-status"></span></form>"""
SCRIPT = """
function correct(body) {
  var headers = {'Content-Type': 'application/json'};
  var token = sessionStorage.getItem('eventwire-token');
  if (token) { headers['Authorization'] = 'Bearer ' + token; }
  return fetch(location.pathname.replace('/articles/', '/api/articles/') + '/corrections',
               {method: 'POST', headers: headers, body: JSON.stringify(body)})
    .then(function (r) { return r.json(); })
    .then(function (answer) {
      if (answer.status === 401) {
        var given = prompt('Bearer token of this server');
        if (given) { sessionStorage.setItem('eventwire-token', given); return correct(body); }
      }
      if (answer.ok) { location.reload(); }
      else { document.getElementById('review-status').textContent = answer.error; }
    });
}
document.querySelectorAll('button.wrong').forEach(function (b) {
  b.addEventListener('click', function (e) {
    e.stopPropagation(); correct({action: 'wrong', event_id: b.dataset.id});
  });
});
document.querySelectorAll('button.change').forEach(function (b) {
  b.addEventListener('click', function (e) {
    e.stopPropagation();
    var code = prompt('New CAMEO code (empty: keep)');
    var source = prompt('New source code (empty: keep)');
    var target = prompt('New target code (empty: keep)');
    var date = prompt('New date (empty: keep)');
    var body = {action: 'change', event_id: b.dataset.id};
    if (code) { body.cameo = code; } if (source) { body.source = source; }
    if (target) { body.target = target; } if (date) { body.date = date; }
    correct(body);
  });
});
var add = document.getElementById('add');
if (add) {
  add.addEventListener('submit', function (e) {
    e.preventDefault();
    var body = {action: 'add'};
    new FormData(add).forEach(function (value, key) { if (value) { body[key] = value; } });
    correct(body);
  });
}
document.querySelectorAll('tr.event').forEach(function (row) {
  row.addEventListener('click', function () {
    document.querySelectorAll('.active').forEach(function (el) { el.classList.remove('active'); });
    row.classList.add('active');
    var parts = document.querySelectorAll('.s-' + row.dataset.event);
    parts.forEach(function (el) { el.classList.add('active'); });
    if (parts.length) { parts[0].scrollIntoView({block: 'center'}); }
  });
});
"""


def page(title: str, body: str, json_twin: str | None = None) -> str:
    twin = (f'<p class="meta"><a href="{escape(json_twin)}">this page as JSON</a></p>'
            if json_twin else "")
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(title)} · eventwire</title><style>{STYLE}</style></head>"
            f"<body><p class=\"meta\"><a href=\"/\">eventwire</a></p>{body}{twin}"
            f"<script>{SCRIPT}</script></body></html>")


def article_page(doc: Document, corrections: list[dict[str, Any]] | None = None) -> str:
    """The article with its annotations highlighted, its events, and the user's corrections
    (shown as such, beside what eventwire found)."""
    a = doc.article
    meta = " · ".join(escape(str(x)) for x in (a.published, a.outlet, a.dateline,
                                                ", ".join(a.authors)) if x)
    legend = "".join(f'<span class="{k}">{k}</span>' for k in KINDS)
    rows = "".join(_event_row(n, e) for n, e in enumerate(doc.events))
    body = (f"<h1>{escape(a.title or a.text[:80])}</h1><p class=\"meta\">{meta}</p>"
            f"<p class=\"legend\">{legend}</p><div class=\"text\">{highlighted(doc)}</div>"
            f"<h2>Events ({len(doc.events)})</h2><table><thead><tr><th>code</th><th>event</th>"
            "<th>source</th><th>target</th><th>mood</th><th>date</th><th>place</th>"
            f"<th>reported by</th><th>review</th></tr></thead><tbody>{rows}</tbody></table>"
            + ADD_FORM
            + _corrections_table(doc, corrections or []))
    return page(a.title or a.id, body, json_twin=f"/articles/{a.id}.json")


def _corrections_table(doc: Document, corrections: list[dict[str, Any]]) -> str:
    if not corrections:
        return ""
    numbers = {e.id: n for n, e in enumerate(doc.events)}
    rows = "".join(
        "<tr class=\"correction\">" + "".join(f"<td>{escape(str(c))}</td>" for c in (
            c["action"], f"event {numbers[c['event_id']] + 1}" if c["event_id"] in numbers
            else "", c["cameo"] or "", c["source_code"] or "", c["target_code"] or "",
            c["date"] or "", c["note"] or "")) + "</tr>" for c in corrections)
    return (f"<h2>Your corrections ({len(corrections)})</h2><table><thead><tr><th>action</th>"
            "<th>of</th><th>code</th><th>source</th><th>target</th><th>date</th><th>note</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>")


def _event_row(number: int, event: Any) -> str:
    cells = (event.cameo, code_info(event.cameo).name, event.source_code or "",
             event.target_code or "", event.mood, event.date or "", event.place or "",
             event.attributed_to or "")
    review = (f'<td><button class="wrong" data-id="{escape(event.id)}">wrong</button> '
              f'<button class="change" data-id="{escape(event.id)}">change</button></td>')
    return (f'<tr class="event" data-event="{number}" title="{escape(event.sentence)}">'
            + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + review + "</tr>")


def highlighted(doc: Document) -> str:
    """The article text as HTML: each stretch between two span boundaries wrapped in the
    classes of every annotation over it, and of every event sentence (``s-N``)."""
    text = doc.article.text
    spans: list[tuple[int, int, str]] = []
    for actor in doc.actors:
        spans += [(m.start, m.end, "actor") for m in actor.mentions]
    for number, event in enumerate(doc.events):
        spans.append((event.trigger.start, event.trigger.end, "trigger"))
        start = event.sentence_start
        spans.append((start, start + len(event.sentence), f"sentence s-{number}"))
    spans += [(q.start, q.end, "quote") for q in doc.quotes]
    spans += [(t.start, t.end, "time") for t in doc.times]
    spans += [(f.start, f.end, "figure") for f in doc.figures]
    spans = [(max(0, s), min(len(text), e), k) for s, e, k in spans if e > s]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for start, end in pairwise(cuts):
        kinds = sorted({k for s, e, k in spans if s <= start and end <= e})
        piece = escape(text[start:end])
        out.append(f'<span class="{" ".join(kinds)}">{piece}</span>' if kinds else piece)
    return "".join(out)


def index_page(rows: list[dict[str, Any]]) -> str:
    items = "".join(
        f'<li><a href="/articles/{escape(str(r["id"]))}">{escape(str(r.get("title") or r["id"]))}'
        f'</a> <span class="meta">{escape(str(r.get("published") or ""))} '
        f'{escape(str(r.get("outlet") or ""))}</span></li>' for r in rows)
    return page("articles", f"<h1>Articles ({len(rows)})</h1><ul>{items}</ul>",
                json_twin="/api/articles")


#: QuadClass colours: cooperation in greens, conflict in reds.
QUAD_COLOURS = {"verbal_coop": "#86efac", "material_coop": "#16a34a",
                "verbal_conflict": "#fca5a5", "material_conflict": "#dc2626"}


def timeline_page(a: str, b: str, by: str, rows: list[dict[str, Any]],
                  events: list[dict[str, Any]]) -> str:
    """Events of A -> B per period, stacked by QuadClass, mean Goldstein as a line, and the
    events under the chart, each linking to its evidence."""
    title = f"{a} → {b}" if b else a
    legend = "".join(f'<span style="background:{c}">{escape(q.replace("_", " "))}</span>'
                     for q, c in QUAD_COLOURS.items())
    items = "".join(
        f'<tr><td>{escape(str(e.get("date") or ""))}</td><td>{escape(str(e["cameo"]))} '
        f'{escape(code_info(e["cameo"]).name)}</td><td>{escape(str(e.get("source_code") or ""))}'
        f'</td><td>{escape(str(e.get("target_code") or ""))}</td><td>'
        f'<a class="evidence" href="/articles/{escape(str(e.get("article_id") or ""))}">'
        f'{escape(str(e.get("sentence") or ""))}</a></td></tr>' for e in events)
    body = (f"<h1>Timeline: {escape(title)} by {escape(by)}</h1>"
            f'<p class="legend">{legend} <span>— mean Goldstein</span></p>'
            f"{timeline_svg(rows)}<h2>Events ({len(events)})</h2><table><thead><tr><th>date"
            "</th><th>event</th><th>source</th><th>target</th><th>evidence</th></tr></thead>"
            f"<tbody>{items}</tbody></table>")
    query = f"a={a}&b={b}&by={by}"
    return page(f"timeline {title}", body, json_twin=f"/api/timeline?{escape(query)}")


def timeline_svg(rows: list[dict[str, Any]], width: int = 900, height: int = 260) -> str:
    """Stacked bars (events per QuadClass) and a line (mean Goldstein, -10 to 10)."""
    if not rows:
        return "<p>No events.</p>"
    top = max(sum(r[q] for q in QUAD_COLOURS) for r in rows) or 1
    step = width / len(rows)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height + 20}" width="100%" '
             f'role="img" aria-label="events per period">']
    points = []
    for n, row in enumerate(rows):
        x, base = n * step, float(height)
        for quad, colour in QUAD_COLOURS.items():
            h = row[quad] / top * (height - 10)
            if h:
                parts.append(f'<rect class="bar {quad}" x="{x + 1:.1f}" y="{base - h:.1f}" '
                             f'width="{max(step - 2, 1):.1f}" height="{h:.1f}" fill="{colour}">'
                             f"<title>{escape(str(row['period']))}: {row[quad]} "
                             f"{quad.replace('_', ' ')}</title></rect>")
                base -= h
        if row.get("goldstein") is not None:
            y = height / 2 - float(row["goldstein"]) / 10 * (height / 2 - 5)
            points.append(f"{x + step / 2:.1f},{y:.1f}")
    if points:
        parts.append(f'<polyline class="goldstein" points="{" ".join(points)}" fill="none" '
                     'stroke="#1e3a8a" stroke-width="2"/>')
    parts.append(f'<text x="0" y="{height + 16}" font-size="12">'
                 f'{escape(str(rows[0]["period"]))}</text><text x="{width}" y="{height + 16}" '
                 f'font-size="12" text-anchor="end">{escape(str(rows[-1]["period"]))}</text>')
    return "".join(parts) + "</svg>"


def search_page(params: dict[str, str], events: list[dict[str, Any]],
                quotes: list[dict[str, Any]], total: int) -> str:
    """Events and quotations with the command line's filters."""
    fields = ("actor", "source", "target", "cameo", "root", "mood", "from", "to", "outlet",
              "speaker")
    inputs = "".join(f'<label>{f} <input name="{f}" value="{escape(params.get(f, ""))}">'
                     "</label> " for f in fields)
    rows = "".join(
        f'<tr class="result"><td>{escape(str(e.get("date") or ""))}</td><td>'
        f'{escape(str(e["cameo"]))} {escape(code_info(e["cameo"]).name)}</td><td>'
        f'{escape(str(e.get("source_code") or ""))}</td><td>'
        f'{escape(str(e.get("target_code") or ""))}</td><td>'
        f'{escape(str(e.get("sentence") or ""))}</td></tr>' for e in events)
    said = "".join(f'<li><b>{escape(str(q.get("speaker") or "?"))}</b>: '
                   f'{escape(str(q.get("text") or ""))}</li>' for q in quotes)
    body = (f'<h1>Search</h1><form method="get" id="search">{inputs}'
            f'<button type="submit">search</button></form>'
            f"<h2>Events ({len(events)} of {total})</h2><table><thead><tr><th>date</th>"
            "<th>event</th><th>source</th><th>target</th><th>evidence</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><h2>Quotations ({len(quotes)})</h2><ul>{said}</ul>")
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return page("search", body, json_twin=f"/search.json?{query}")


def network_page(edges: list[dict[str, Any]], params: dict[str, str],
                 size: int = 640) -> str:
    """Actors as nodes on a circle, events as edges: width by count, green for mostly
    cooperation, red for mostly conflict."""
    import math

    nodes = sorted({e["source_code"] for e in edges} | {e["target_code"] for e in edges})
    centre, radius = size / 2, size / 2 - 70
    where = {n: (centre + radius * math.cos(2 * math.pi * i / max(len(nodes), 1)),
                 centre + radius * math.sin(2 * math.pi * i / max(len(nodes), 1)))
             for i, n in enumerate(nodes)}
    top = max((e["events"] for e in edges), default=1)
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" width="100%" role="img" '
             'aria-label="who acts on whom">']
    for e in edges:
        (x1, y1), (x2, y2) = where[e["source_code"]], where[e["target_code"]]
        colour = "#16a34a" if e["cooperation"] >= e["conflict"] else "#dc2626"
        kind = "cooperation" if colour == "#16a34a" else "conflict"
        parts.append(f'<line class="edge {kind}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
                     f'y2="{y2:.1f}" stroke="{colour}" stroke-opacity="0.7" '
                     f'stroke-width="{1 + 6 * e["events"] / top:.1f}"><title>'
                     f'{escape(e["source_code"])} → {escape(e["target_code"])}: '
                     f'{e["events"]} events ({e["cooperation"]} cooperation, '
                     f'{e["conflict"]} conflict)</title></line>')
    for name, (x, y) in where.items():
        link = f"/timeline?a={escape(name)}"
        parts.append(f'<a href="{link}"><circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="6" '
                     f'fill="#1e3a8a"/><text x="{x:.1f}" y="{y - 10:.1f}" font-size="12" '
                     f'text-anchor="middle">{escape(name)}</text></a>')
    fields = ("from", "to", "root", "actor")
    inputs = "".join(f'<label>{f} <input name="{f}" value="{escape(params.get(f, ""))}">'
                     "</label> " for f in fields)
    body = (f'<h1>Who acts on whom</h1><form method="get" id="filter">{inputs}'
            '<button type="submit">filter</button></form>'
            f'<p class="legend"><span style="background:#86efac">mostly cooperation</span>'
            f'<span style="background:#fca5a5">mostly conflict</span> {len(nodes)} actors, '
            f"{len(edges)} pairs</p>" + "".join(parts) + "</svg>")
    return page("network", body, json_twin="/api/network")
