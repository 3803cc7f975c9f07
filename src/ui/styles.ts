/**
 * Styles of the report view and the side panel, as a string so the panel and a static HTML
 * export can both inline it (no external files, no remote fonts).
 */
export const REPORT_CSS = `
:root{color-scheme:light;--pass:#137333;--fail:#b3261e;--review:#8a5a00;--na:#5f6368;--error:#6a1b9a;--line:#dadce0;--muted:#5f6368;--accent:#0b57d0}
body{font-family:"Sarabun","TH Sarabun New","Noto Sans Thai","Loma",system-ui,sans-serif;margin:0;font-size:14px;line-height:1.5;color:#1f1f1f;background:#fff}
.oit-app{padding:.75rem;max-width:48rem}
.oit-app h1{font-size:1.15rem;margin:.2rem 0 .6rem}
.oit-report h2{font-size:1.05rem;margin:.5rem 0 .2rem;overflow-wrap:anywhere}
h3{font-size:1rem;margin:.8rem 0 .3rem}
h4{font-size:.9rem;margin:.5rem 0 .2rem}
.oit-muted{color:var(--muted);font-size:.85rem}
.oit-msg-error{color:var(--fail);font-size:.85rem;display:block}
.oit-notice{background:#e8f0fe;border-radius:6px;padding:.4rem .6rem;font-size:.85rem;margin:.4rem 0}
.oit-row{display:flex;gap:.4rem;align-items:center;flex-wrap:wrap;margin:.3rem 0}
.oit-grow{flex:1 1 12rem;min-width:0}
input,select{font:inherit;padding:.25rem .4rem;border:1px solid var(--line);border-radius:4px}
input[aria-invalid=true]{border-color:var(--fail)}
button{font:inherit;padding:.3rem .7rem;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button:disabled{opacity:.5;cursor:default}
button.oit-secondary,.oit-chip{background:#fff;color:var(--accent)}
.oit-chip{font-size:.8rem;padding:.1rem .5rem;border-radius:999px}
.oit-chip-on{background:var(--accent);color:#fff}
.oit-link-button{background:none;border:none;color:var(--accent);padding:0;text-decoration:underline}
.oit-filters{display:flex;flex-wrap:wrap;gap:.3rem;margin:.3rem 0}
.oit-progress{margin:.5rem 0}
.oit-progress progress{width:100%;height:.8rem}
.oit-badge{display:inline-block;font-size:.78rem;padding:0 .45rem;border-radius:999px;border:1px solid currentColor;white-space:nowrap}
.oit-pass{color:var(--pass)}.oit-fail{color:var(--fail)}.oit-review{color:var(--review)}.oit-na{color:var(--na)}.oit-error{color:var(--error)}
.oit-scores{display:flex;gap:.6rem;flex-wrap:wrap}
.oit-score-box{flex:1 1 10rem;border:1px solid var(--line);border-radius:8px;padding:.4rem .6rem}
.oit-score-label{font-size:.8rem;color:var(--muted)}
.oit-score-value{font-size:1.5rem;font-weight:600}
.oit-rating{font-size:1.1rem;padding:0 .4rem;border-radius:4px;background:#e8f0fe}
.oit-pack-mismatch{border:2px solid #b3261e;background:#fdecea;padding:.5rem;border-radius:4px}
.oit-counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.6rem;margin:.5rem 0}
.oit-indicators{border-collapse:collapse;width:100%;font-size:.85rem}
.oit-indicators td,.oit-indicators th{border-bottom:1px solid var(--line);padding:.2rem .3rem;text-align:left;font-weight:normal}
.oit-indicators td:last-child{text-align:right;white-space:nowrap}
.oit-indicator-row th{font-weight:600}
.oit-sub-row td:first-child{padding-left:1rem}
.oit-fixes ol{padding-left:1.3rem;margin:.2rem 0}
.oit-gain{color:var(--pass);font-size:.85rem}
.oit-group{margin-top:.6rem}
.oit-group h3{font-size:.95rem;border-bottom:2px solid var(--line);padding-bottom:.1rem}
.oit-group-score{font-weight:normal;color:var(--muted);font-size:.85rem}
.oit-item{border-bottom:1px solid var(--line);padding:.25rem 0}
.oit-item summary{cursor:pointer}
.oit-item-id{font-weight:600;display:inline-block;min-width:2.4rem}
.oit-item-body{padding:.2rem 0 .4rem 1.2rem}
.oit-evidence,.oit-problems{padding-left:1rem;margin:.2rem 0}
.oit-expects,.oit-fix{margin:.3rem 0;padding:.3rem .5rem;border-left:3px solid var(--line);font-size:.9rem}
.oit-fix{border-left-color:var(--pass)}
.oit-expects ul,.oit-fix ol{margin:.1rem 0;padding-left:1.2rem}.oit-expects p,.oit-fix p{margin:.15rem 0}
.oit-manual-tag{display:inline-block;font-size:.75rem;padding:0 .35rem;border-radius:8px;background:#fef7e0;color:#7a5b00;border:1px solid #f9e09c;margin-left:.3rem}
.oit-evidence dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .5rem;margin:.1rem 0 .3rem;font-size:.85rem}
.oit-evidence dt{color:var(--muted)}.oit-evidence dd{margin:0;overflow-wrap:anywhere}
.oit-url{overflow-wrap:anywhere}
.oit-manual{margin-top:.4rem;padding:.4rem;background:#f8f9fa;border-radius:6px}
.oit-manual ul{margin:.2rem 0;padding-left:1rem}
.oit-survey fieldset{border:1px solid var(--line);border-radius:6px;margin:.3rem 0}
.oit-radio{display:block}
.oit-field{display:flex;flex-direction:column;margin:.25rem 0}
.oit-field input{max-width:8rem}
.oit-question-group{display:flex;flex-wrap:wrap;gap:.3rem}
.oit-question-group legend{width:100%}
.oit-field-compact{width:4.5rem}
.oit-field-compact input{width:4rem}
.oit-projection{margin:.4rem 0;font-size:1rem}
.oit-section{border-top:1px solid var(--line);margin-top:.8rem;padding-top:.3rem}
.oit-warnings{font-size:.85rem}
`;
