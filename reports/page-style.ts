/**
 * The report's stylesheet: a compact header and findings, then the chart grid, so the first screen
 * shows charts on a 1366×768 laptop as well as a 1400×900 one; parameter and results tables follow
 * below. Two chart columns need 2 × 640 px plus gaps: from about 1330 px wide. vega-embed pads each
 * chart 38 px on the right for its actions button; the button moves into the card's title row instead,
 * so a chart needs only its own width. Table cells wrap only between words, so no cell is narrower
 * than its longest word (a table wider than the page scrolls in its .table-wrap).
 */
export const PAGE_CSS = `
:root { --fg: #1d1d1f; --muted: #555; --line: #e2e4e8; --bg: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header.top { padding: 10px 16px 6px; background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 2px; overflow-wrap: anywhere; }
.desc { margin: 0 0 3px; max-width: 170ch; font-size: 13px; line-height: 1.4; color: #333; overflow-wrap: anywhere; }
.meta { margin: 0; color: var(--muted); font-size: 12.5px; }
.meta span + span::before { content: "·"; margin: 0 7px; color: #aaa; }
.findings { padding: 6px 16px 0; }
h2 { font-size: 13px; margin: 0 0 4px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.findings ul, .capacity ul, .capacity-all ul { margin: 0; padding-left: 18px; columns: 2 520px; column-gap: 32px; }
.findings li, .capacity li { font-size: 13px; line-height: 1.38; }
.findings li { break-inside: avoid; margin: 0 0 2px; }
.study, .capacity { padding: 6px 16px 0; }
.study p { margin: 0; max-width: 160ch; color: #333; }
.capacity li, .capacity-all li { break-inside: avoid; margin: 0 0 2px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(640px, 1fr)); grid-auto-flow: row dense; gap: 10px; padding: 6px 16px 16px; }
figure.card.wide { grid-column: 1 / -1; }
figure.card { position: relative; margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px 8px; min-width: 0; }
figure.card h3 { margin: 0 0 2px; padding-right: 36px; font-size: 14px; }
.card .vega-embed { position: static; }
.card .vega-embed.has-actions { padding-right: 0; }
.card .vega-embed summary { top: 4px; right: 6px; }
.card .vega-embed .vega-actions { top: 36px; right: 6px; }
.chart { min-height: 250px; max-width: 100%; overflow-x: auto; }
.chart-error { color: #b00020; }
figcaption { font-size: 12.5px; color: var(--muted); margin-top: 2px; }
section.details { padding: 4px 16px 28px; }
section.details > h2 { margin-top: 18px; }
section.details > p { margin: 2px 0 6px; max-width: 130ch; color: #333; }
.params-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(600px, 1fr)); gap: 8px 20px; }
.params h3 { font-size: 13px; margin: 6px 0 2px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 12.5px; background: #fff; border: 1px solid var(--line); }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; overflow-wrap: normal; }
th.num { white-space: normal; }
th { background: #fafbfc; font-weight: 600; }
td:first-child { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-size: 12px; }
footer { padding: 0 16px 24px; color: var(--muted); font-size: 12px; }
@media print { body { background: #fff; } .charts { grid-template-columns: 1fr; } figure.card { break-inside: avoid; } }
`;
