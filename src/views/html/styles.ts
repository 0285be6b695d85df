// The report's stylesheet, inlined so report.html is one self-contained file (light and dark schemes).
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --panel: #ffffff; --text: #16181d; --muted: #5f6673; --faint: #8a919e;
  --line: #e3e6eb; --shadow: 0 1px 2px rgba(16,24,40,.05), 0 4px 16px rgba(16,24,40,.06);
  --media: #0d0f13; --code: #f0f2f5;
  --ok: #12805c; --ok-bg: #e3f5ec; --bad: #c0362c; --bad-bg: #fdecea; --warn: #a15c00; --warn-bg: #fff4e0;
  --run: #2458c6; --run-bg: #e7eefc; --idle: #5f6673; --idle-bg: #eef0f3;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1115; --panel: #181b21; --text: #e8eaee; --muted: #a2a9b5; --faint: #7c8490;
    --line: #2a2f38; --shadow: 0 1px 2px rgba(0,0,0,.4); --media: #000; --code: #232730;
    --ok: #4cc38a; --ok-bg: #133327; --bad: #ff8a80; --bad-bg: #3a1d1b; --warn: #f0b45a; --warn-bg: #36290f;
    --run: #8fb0ff; --run-bg: #1b2747; --idle: #a2a9b5; --idle-bg: #242831;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.page { max-width: 1280px; margin: 0 auto; padding: 32px 24px 48px; }
.masthead { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 16px; margin-bottom: 24px; }
.eyebrow { margin: 0 0 4px; font-size: 12px; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; color: var(--faint); }
h1 { margin: 0; font-size: 28px; line-height: 1.2; font-weight: 700; letter-spacing: -.01em; overflow-wrap: anywhere; }
.source { margin: 6px 0 0; color: var(--muted); }
.source code, .card code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code); padding: 1px 5px; border-radius: 4px; overflow-wrap: anywhere; }
.stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 0; padding: 0; list-style: none; }
.stat { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 8px 14px; min-width: 96px; box-shadow: var(--shadow); }
.stat b { display: block; font-size: 18px; font-weight: 700; font-variant-numeric: tabular-nums; }
.stat span { font-size: 12px; color: var(--muted); }
.stat.ok b { color: var(--ok); } .stat.bad b { color: var(--bad); } .stat.run b { color: var(--run); } .stat.warn b { color: var(--warn); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 20px; }
.card { display: flex; flex-direction: column; background: var(--panel); border: 1px solid var(--line); border-radius: 14px; overflow: hidden; box-shadow: var(--shadow); }
.media { position: relative; aspect-ratio: 16 / 9; overflow: hidden; background: var(--media); display: flex; align-items: center; justify-content: center; }
.media video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; display: block; }
.media .empty { color: #9aa1ad; font-size: 13px; text-align: center; padding: 12px; }
.index { position: absolute; top: 10px; left: 10px; background: rgba(0,0,0,.62); color: #fff; font: 600 12px/1 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: 5px 7px; border-radius: 6px; pointer-events: none; }
.body { padding: 14px 16px 16px; display: flex; flex-direction: column; gap: 10px; flex: 1; }
.title { display: flex; align-items: center; justify-content: space-between; gap: 10px; }
.title h2 { margin: 0; font: 600 15px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.badge { flex: none; font-size: 11.5px; font-weight: 600; letter-spacing: .02em; padding: 3px 9px; border-radius: 999px; text-transform: capitalize; }
.badge.completed { color: var(--ok); background: var(--ok-bg); }
.badge.failed { color: var(--bad); background: var(--bad-bg); }
.badge.unknown { color: var(--warn); background: var(--warn-bg); }
.badge.submitted { color: var(--run); background: var(--run-bg); }
.badge.pending, .badge.skipped { color: var(--idle); background: var(--idle-bg); }
.prompt { margin: 0; color: var(--text); white-space: pre-wrap; overflow-wrap: anywhere; max-height: 9.5em; overflow: auto; }
.prompt.none { color: var(--faint); font-style: italic; }
.negative { margin: -4px 0 0; color: var(--muted); font-size: 13px; white-space: pre-wrap; overflow-wrap: anywhere; }
.chain { margin: -4px 0 0; color: var(--muted); font-size: 13px; }
.chain a { color: inherit; }
.negative span { color: var(--faint); font-size: 11.5px; font-weight: 600; letter-spacing: .02em; text-transform: uppercase; margin-right: 6px; }
.sim-mark { position: absolute; top: 10px; right: 10px; background: #a15c00; color: #fff; font: 700 11px/1 system-ui, sans-serif; letter-spacing: .06em; text-transform: uppercase; padding: 5px 8px; border-radius: 6px; pointer-events: none; }
.card.sim { border-color: var(--warn); }
.simulated { margin: 8px 0 0; padding: 6px 10px; border-radius: 8px; background: var(--warn-bg); color: var(--warn); font-size: 13px; }
.film { margin: 8px 0 0; color: var(--muted); }
.film a { color: var(--run); font-weight: 600; margin-right: 6px; }
.settings { display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; list-style: none; }
.settings li { font-size: 12px; color: var(--muted); border: 1px solid var(--line); border-radius: 6px; padding: 1px 7px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 2px 0 0; padding-top: 10px; border-top: 1px solid var(--line); font-size: 12.5px; }
dl.meta dt { color: var(--faint); }
dl.meta dd { margin: 0; color: var(--muted); font-variant-numeric: tabular-nums; overflow-wrap: anywhere; min-width: 0; }
.error { margin: 0; padding: 8px 10px; border-radius: 8px; background: var(--bad-bg); color: var(--bad); font-size: 13px; overflow-wrap: anywhere; }
.error b { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: 600; margin-right: 6px; }
.warnings { margin: 0; padding: 8px 10px 8px 26px; border-radius: 8px; background: var(--warn-bg); color: var(--warn); font-size: 13px; }
footer { margin-top: 32px; color: var(--faint); font-size: 12px; text-align: center; }
`;
