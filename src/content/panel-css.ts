// Panel styles, scoped by the shadow root. Follows the browser's light or dark theme.
export const PANEL_CSS = `
:host { all: initial; }
.panel {
  --bg: #ffffff; --fg: #1d2330; --muted: #5b6475; --line: #dfe3ea; --accent: #1a56db; --quote: #f5f7fb;
  position: fixed; top: 16px; right: 16px; z-index: 2147483647;
  width: min(400px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto;
  box-sizing: border-box; padding: 14px 16px 16px;
  background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-radius: 12px;
  box-shadow: 0 12px 32px rgba(16, 24, 40, .22);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left; direction: ltr;
}
@media (prefers-color-scheme: dark) {
  .panel { --bg: #1c2130; --fg: #e8ebf2; --muted: #a4acbd; --line: #323a4e; --accent: #8ab4ff; --quote: #252c3d; }
}
header { display: flex; align-items: center; gap: 8px; margin-bottom: 8px; }
h2 { flex: 1; margin: 0; font-size: 16px; line-height: 1.3; }
h3 { margin: 14px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
p { margin: 4px 0; }
blockquote { margin: 6px 0; padding: 8px 10px; background: var(--quote); border-left: 3px solid var(--line); border-radius: 4px; max-height: 9em; overflow: auto; }
q { display: block; margin-top: 2px; color: var(--muted); font-style: italic; }
ul { margin: 4px 0; padding-left: 18px; }
li { margin: 4px 0; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.warn { color: #b25e00; font-size: 13px; }
.pill { display: inline-block; padding: 0 7px; border-radius: 999px; font-size: 11px; font-weight: 700; line-height: 18px; text-transform: uppercase; letter-spacing: .03em; white-space: nowrap; }
.pill.high { background: #fdecea; color: #8e1c15; }
.pill.medium { background: #fff1d6; color: #6b3d00; }
.pill.low { background: #e8eefb; color: #253b73; }
.pill.good { background: #e3f4e6; color: #1b4d28; }
.close { all: unset; cursor: pointer; font-size: 22px; line-height: 1; padding: 2px 8px; border-radius: 6px; color: var(--muted); }
.close:hover { background: var(--quote); }
.close:focus-visible, .copy:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.rarity { margin: 4px 0 6px; }
.others { list-style: none; padding: 0; }
.others li { border-top: 1px solid var(--line); padding-top: 6px; }
.case { color: var(--muted); }
.pname { font-weight: 700; }
.regs li { font-size: 13px; }
.prov { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0 10px; font-size: 12px; }
.prov dt { color: var(--muted); }
.prov dd { margin: 0; overflow-wrap: anywhere; }
.hash { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 11px; }
a { color: var(--accent); }
.copy { all: unset; cursor: pointer; padding: 6px 12px; border-radius: 8px; background: var(--accent); color: var(--bg); font-weight: 600; font-size: 13px; }
.copied { margin-left: 8px; font-size: 12px; color: var(--muted); }
.linkish { all: unset; cursor: pointer; color: var(--accent); font-weight: 600; font-size: 13px; }
.linkish:hover { text-decoration: underline; }
.linkish.small { font-size: 12px; }
.linkish:focus-visible, .risk:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.seeall { margin: 6px 0 2px; }
.risks { list-style: none; padding: 0; margin: 4px 0 6px; }
.risks li { margin: 0; }
.risk { all: unset; box-sizing: border-box; display: block; width: 100%; cursor: pointer; padding: 5px 6px; border-radius: 6px; font-size: 13px; }
.risk:hover { background: var(--quote); }
.rcat { font-weight: 600; }
.rex { display: block; margin-top: 1px; color: var(--muted); font-size: 12px; }
.follow-state { margin: 12px 0 0; font-size: 12px; }
.follow-state .muted { color: var(--muted); }
.follow-state .note { display: block; margin-top: 4px; }
.copy.follow { background: transparent; color: var(--accent); border: 1px solid var(--accent); }
.copy.follow:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;
