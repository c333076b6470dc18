/// The report's one style sheet, inlined in `<head>`: system fonts only (nothing fetched),
/// long names wrap anywhere so nothing overflows the page horizontally, verdicts carry a
/// word and a border style besides their colour, and a print style that drops the
/// navigation and keeps sections whole.
package enum HTMLStyle {
    /// The CSS text.
    package static let css = """
    :root{color-scheme:light;--fail:#b00020;--warn:#8a5a00;--good:#1b6e20;--muted:#555;--line:#ccc}
    *{box-sizing:border-box}
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;\
    max-width:1100px;padding:16px;color:#111;background:#fff;overflow-wrap:anywhere;word-break:break-word}
    h1{font-size:20px;margin:0 0 8px}h2{font-size:16px;margin:0 0 6px}h3{font-size:14px;margin:10px 0 4px}
    code,.mono{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
    .verdict{font-size:18px;font-weight:700;padding:10px 12px;border:3px solid;margin:8px 0}
    .verdict.fail{color:var(--fail);border-style:double}.verdict.inconclusive{color:var(--warn);border-style:dashed}
    .verdict.pass{color:var(--good);border-style:solid}
    .badge{display:inline-block;font-size:12px;font-weight:700;padding:0 6px;border:1px solid;margin-right:6px;white-space:nowrap}
    .badge.regression,.badge.failed,.badge.missing{color:var(--fail);border-width:2px}
    .badge.inconclusive{color:var(--warn);border-style:dashed}.badge.improvement{color:var(--good)}
    .badge.pass,.badge.added,.badge.removed,.badge.baselineFailed,.badge.reported{color:var(--muted)}
    .warn{color:var(--warn)}.muted{color:var(--muted)}
    section.bench{border-top:1px solid var(--line);padding:10px 0 14px}
    table{border-collapse:collapse;margin:4px 0;max-width:100%}
    th,td{text-align:left;padding:2px 8px 2px 0;vertical-align:top;border-bottom:1px solid #eee}
    td.n,.metrics td:nth-child(n+2):nth-child(-n+5){text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    .metrics td:first-child{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
    .metrics tr.charts-row td{text-align:left;white-space:normal}
    tr.regression td.v,tr.missing td.v{color:var(--fail);font-weight:700}tr.inconclusive td.v{color:var(--warn)}
    tr.improvement td.v{color:var(--good)}tr.differs td{background:#fff3cd}
    .charts{display:flex;flex-wrap:wrap;gap:4px 16px;margin:2px 0 6px}.chart{margin:0}
    .chart figcaption{font-size:12px;color:var(--muted)}
    svg{max-width:100%;height:auto;display:block}
    svg.c text{font:10px system-ui,"DejaVu Sans",sans-serif;fill:#222}svg .tk{fill:#444}svg .rl{font-size:10px;fill:#333}
    svg .ax{stroke:#444;stroke-width:1;fill:none}svg .gr{stroke:#e4e4e4;stroke-width:1;fill:none}svg .md{stroke:#000;stroke-width:2}
    svg .sb{fill:none;stroke:#1f5fa8;stroke-width:1.2}svg .sc{fill:#c2410c;stroke:#7a2906;stroke-width:.6}
    svg .band{fill:#e3e3e3;stroke:#888;stroke-dasharray:3 2}svg .bl{font-size:9px;fill:#444}
    svg .zr{stroke:#000;stroke-dasharray:2 2}svg .iv{stroke:#000;stroke-width:1.5;fill:none}
    svg .pt{fill:#666;stroke:#000}svg .pt.regression,svg .pt.missing{fill:var(--fail)}svg .pt.improvement{fill:var(--good)}
    svg .pt.inconclusive{fill:#e0a000}
    svg .tb{fill:#dbe7f5;stroke:none}svg .tl{fill:none;stroke:#1f5fa8;stroke-width:1.5}svg .td{stroke:#1f5fa8;stroke-width:4}
    svg .bu{stroke:#7a2906;stroke-dasharray:4 3}svg .bt{font-size:10px;fill:#7a2906}
    svg .cb{stroke:none;opacity:.18}svg .cb.cw{fill:var(--fail)}svg .cb.cg{fill:var(--good)}svg .cp{stroke-width:1.5}
    svg .cp.cw{stroke:var(--fail)}svg .cp.cg{stroke:var(--good)}
    svg .ct{font-size:10px}svg .ct.cw{fill:var(--fail)}svg .ct.cg{fill:var(--good)}
    details summary{cursor:pointer;color:var(--muted)}
    nav ol{columns:2;padding-left:24px}nav li{break-inside:avoid}
    .flame{overflow:hidden}
    @media print{
    body{max-width:none;padding:0;font-size:11px}nav{display:none}
    section.bench{break-inside:avoid-page}a{color:inherit;text-decoration:none}
    .verdict{border-width:2px}
    }
    """
}
