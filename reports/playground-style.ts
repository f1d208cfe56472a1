/**
 * The playground's stylesheet: the inputs in a scrolling column on the left, the status line, the
 * export link and the charts on the right, so a 1366×768 screen shows inputs and the throughput chart
 * together.
 */
export const PLAYGROUND_CSS = `
:root { --fg: #1d1d1f; --muted: #555; --line: #e2e4e8; --bg: #f5f6f8; --accent: #1f77b4; }
* { box-sizing: border-box; }
html, body { height: 100%; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); display: flex; flex-direction: column; }
header.top { padding: 8px 16px 6px; background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 18px; margin: 0; overflow-wrap: anywhere; }
.meta { margin: 0; color: var(--muted); font-size: 12.5px; }
.layout { flex: 1; display: flex; min-height: 0; }
.inputs { width: 370px; flex: none; overflow-y: auto; background: #fff; border-right: 1px solid var(--line); padding: 6px 12px 24px; }
.inputs h2 { font-size: 12px; margin: 10px 0 3px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.field { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin: 2px 0; }
.field .path { font: 11.5px ui-monospace, SFMono-Regular, Menlo, monospace; color: #333; overflow-wrap: anywhere; }
.field input[type=text], .field select { width: 96px; flex: none; font: inherit; font-size: 13px; padding: 1px 4px; border: 1px solid #c8ccd2; border-radius: 3px; }
.field:has(input[name=cores]) input { width: 170px; }
fieldset.dist { border: 1px solid var(--line); border-radius: 4px; margin: 4px 0; padding: 2px 6px 4px; }
fieldset.dist legend { font: 11.5px ui-monospace, SFMono-Regular, Menlo, monospace; color: #333; padding: 0 3px; }
fieldset.dist > select { font: inherit; font-size: 13px; margin: 0 0 2px; }
.check { display: flex; align-items: center; gap: 6px; font-size: 13px; margin: 1px 0; overflow-wrap: anywhere; }
.check .variant { font-style: italic; }
main { flex: 1; min-width: 0; overflow-y: auto; padding: 8px 16px 24px; }
.statusbar { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; margin-bottom: 6px; }
.stage { font-size: 11.5px; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; padding: 2px 7px; border-radius: 3px; background: #ddd; color: #333; }
.stage.preview { background: #fff3cd; color: #7a5300; }
.stage.cli { background: #dbe9f6; color: #174a78; }
.stage.final { background: #d9f0dd; color: #155724; }
.stage.bad { background: #fdecea; color: #842029; }
#status { font-size: 13px; color: #333; }
.progress { width: 160px; height: 6px; background: var(--line); border-radius: 3px; overflow: hidden; }
.progress > div { height: 100%; width: 0; background: var(--accent); }
#export { margin-left: auto; font-size: 13px; }
.problems { margin: 0 0 8px; padding: 6px 10px 6px 26px; background: #fdecea; border: 1px solid #f5c2c7; border-radius: 4px; color: #842029; font: 12.5px ui-monospace, SFMono-Regular, Menlo, monospace; }
.charts { display: flex; flex-direction: column; gap: 10px; }
figure.card { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px 8px; min-width: 0; }
figure.card h3 { margin: 0 0 2px; font-size: 14px; }
.chart { min-height: 250px; max-width: 100%; overflow-x: auto; }
.chart-error { color: #b00020; }
.chart img.drawn { display: block; }
.muted { color: var(--muted); }
figcaption { font-size: 12.5px; color: var(--muted); margin-top: 2px; }
[hidden] { display: none !important; }
`;
