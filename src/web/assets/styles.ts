/**
 * The one stylesheet, as a string so the app stays runtime-free (no file reads on Workers). Mobile first,
 * system fonts only (a web font would be a third-party request or 1 MB of CJK glyphs), colours checked
 * for WCAG 2.1 AA contrast on their backgrounds, touch targets at least 48 px. Staff pages will reuse the
 * same tokens and base rules.
 */
export const styles = String.raw`
:root{--ink:#1b1f24;--muted:#4a5560;--bg:#f5f6f2;--card:#fff;--line:#c9cfd4;--brand:#0b5d57;--brand-ink:#fff;--brand-soft:#e3f1ef;
--warn-bg:#fff4d6;--warn-line:#a56a00;--danger:#a3122a;--danger-bg:#fdecee;--focus:#1d4ed8;--radius:12px;
font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
color:var(--ink);background:var(--bg);line-height:1.6;-webkit-text-size-adjust:100%}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font-size:1.0625rem}
a{color:var(--brand);text-underline-offset:.15em}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.75rem 1rem;z-index:9}
.skip:focus{left:.5rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{background:var(--brand);color:var(--brand-ink)}
header.site .bar{max-width:44rem;margin:0 auto;padding:.5rem 1rem;display:flex;align-items:center;justify-content:space-between;gap:1rem}
header.site a{color:var(--brand-ink)}
.brand{font-weight:700;font-size:1.2rem;text-decoration:none}
.brand small{display:block;font-weight:400;font-size:.8rem}
.lang{display:inline-flex;align-items:center;min-height:48px;padding:0 .75rem;border:2px solid currentColor;border-radius:999px;text-decoration:none;font-weight:600}
main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.3;margin:.5rem 0 .75rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1rem;margin:1rem 0}
.lead{font-size:1.1rem}
.hint{color:var(--muted);font-size:.95rem;margin:.25rem 0 .5rem}
.field{margin:0 0 1.25rem}
label.title,legend{display:block;font-weight:700;font-size:1.1rem;margin-bottom:.25rem;padding:0}
fieldset{border:0;margin:0 0 1.25rem;padding:0;min-width:0}
input[type=text],select,textarea{display:block;width:100%;font:inherit;color:inherit;background:var(--card);border:2px solid #6b7680;border-radius:8px;padding:.65rem .75rem;min-height:48px}
textarea{min-height:10rem;resize:vertical}
.receipt-input{font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:.08em;text-transform:uppercase}
[aria-invalid=true]{border-color:var(--danger)}
.field-error{color:var(--danger);font-weight:700;margin:.25rem 0}
.choices{display:grid;gap:.5rem}
.choice{display:flex;align-items:center;gap:.6rem;min-height:48px;padding:.5rem .75rem;background:var(--card);border:2px solid var(--line);border-radius:8px;cursor:pointer}
.choice input{width:1.35rem;height:1.35rem;margin:0;accent-color:var(--brand);flex:none}
.choice:has(input:checked){border-color:var(--brand);background:var(--brand-soft)}
.chips{display:flex;flex-wrap:wrap;gap:.5rem}
.chip{position:relative;display:inline-flex}
.chip input{position:absolute;opacity:0;width:100%;height:100%;margin:0;cursor:pointer}
.chip span{display:inline-flex;align-items:center;min-height:48px;padding:.4rem 1rem;border:2px solid var(--line);border-radius:999px;background:var(--card)}
.chip input:checked+span{background:var(--brand);border-color:var(--brand);color:var(--brand-ink)}
.chip input:checked+span::before{content:"✓ "}
.chip input:focus-visible+span{outline:3px solid var(--focus);outline-offset:2px}
@supports selector(:has(*)){.informant{display:none}form:has(input[name=reporter][value=informant]:checked) .informant{display:block}}
.button{display:inline-flex;align-items:center;justify-content:center;gap:.4rem;min-height:52px;padding:.6rem 1.5rem;font:inherit;font-weight:700;font-size:1.1rem;border-radius:999px;border:2px solid var(--brand);background:var(--brand);color:var(--brand-ink);cursor:pointer;text-decoration:none}
.button.secondary{background:var(--card);color:var(--brand)}
.button.wide{width:100%}
.button[disabled]{opacity:.7;cursor:progress}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
.error-summary{border:3px solid var(--danger);background:var(--danger-bg);border-radius:var(--radius);padding:1rem;margin:1rem 0}
.error-summary h2{margin-top:0;color:var(--danger)}
.help{border:3px solid var(--danger);background:var(--danger-bg);border-radius:var(--radius);padding:1rem;margin:1rem 0}
.help h2{margin-top:0}
.help .calls{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
.help .calls a{display:inline-flex;flex-direction:column;min-height:52px;padding:.4rem 1rem;border-radius:12px;background:var(--danger);color:#fff;font-weight:700;text-decoration:none}
.receipt{text-align:center;background:var(--card);border:3px dashed var(--brand);border-radius:var(--radius);padding:1rem;margin:1rem 0}
.receipt .code{display:block;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:clamp(1.3rem,6.4vw,2.6rem);font-weight:700;letter-spacing:.02em;overflow-wrap:anywhere;margin:.25rem 0;user-select:all}
.warning{background:var(--warn-bg);border-left:6px solid var(--warn-line);padding:.75rem 1rem;border-radius:8px;font-weight:600}
.status{font-size:1.15rem}
.steps{display:flex;gap:.25rem;list-style:none;padding:0;margin:1rem 0;counter-reset:step}
.steps li{flex:1;text-align:center;font-size:.9rem;padding:.5rem .25rem;border-top:6px solid var(--line);color:var(--muted)}
.steps li.done{border-color:var(--brand);color:var(--ink);font-weight:700}
.thread{list-style:none;padding:0;margin:0}
.thread li{margin:.75rem 0;padding:.75rem 1rem;border-radius:12px;max-width:90%;white-space:pre-wrap;overflow-wrap:anywhere}
.thread .from-counselor{background:var(--brand-soft);border:1px solid #9cc9c3}
.thread .from-you{background:var(--card);border:1px solid var(--line);margin-left:auto}
.thread .who{display:block;font-weight:700;font-size:.9rem;white-space:normal}
.thread time{display:block;color:var(--muted);font-size:.85rem;white-space:normal}
.notice{background:var(--brand-soft);border-left:6px solid var(--brand);padding:.75rem 1rem;border-radius:8px}
footer.site{max-width:44rem;margin:2rem auto;padding:0 1rem 2rem;color:var(--muted);font-size:.95rem}
footer.site nav{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
footer.site nav a{display:inline-flex;align-items:center;min-height:48px}
.poster{max-width:48rem;text-align:center}
.poster h1{font-size:clamp(1.8rem,6vw,3rem)}
.poster .actions{justify-content:center}
.poster .lines{font-size:1.3rem;list-style:none;padding:0}
.poster .qr{width:min(70vw,18rem);height:auto;display:block;margin:1rem auto}
.poster .url{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.2rem;word-break:break-all}
main.staff{max-width:64rem}
.staff-nav{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;margin-bottom:1rem}
.staff-nav form{margin:0}
.inline-forms{display:flex;flex-wrap:wrap;gap:.5rem}.inline-forms form{margin:0}
.button.small{min-height:48px;padding:.4rem 1rem;font-size:1rem}
input[type=email],input[type=password]{display:block;width:100%;font:inherit;color:inherit;background:var(--card);border:2px solid #6b7680;border-radius:8px;padding:.65rem .75rem;min-height:48px}
.filters{display:grid;gap:.5rem 1rem;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));align-items:end}
.filters .field{margin:0}.filters .actions{margin:0}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:1rem 0}
.counts a{display:inline-flex;align-items:center;gap:.4rem;min-height:48px;padding:.3rem 1rem;border:2px solid var(--line);border-radius:999px;background:var(--card);text-decoration:none;color:var(--ink)}
.table-wrap{overflow-x:auto}
table.queue{width:100%;border-collapse:collapse;background:var(--card)}
.queue th,.queue td{text-align:left;padding:.6rem .5rem;border-bottom:1px solid var(--line);vertical-align:middle}
.queue td a{display:inline-flex;align-items:center;min-height:48px;font-weight:700}
.badge{display:inline-block;padding:.1rem .6rem;border-radius:999px;font-size:.9rem;font-weight:700;border:2px solid currentColor}
.badge.level-critical{background:var(--danger);border-color:var(--danger);color:#fff}
.badge.level-high{color:var(--danger);background:var(--danger-bg)}
.badge.level-medium{color:#7a4f00;background:var(--warn-bg)}
.badge.level-low{color:var(--muted)}
.tag{margin-left:.4rem;font-size:.85rem;color:var(--danger);font-weight:700}
.overdue{color:var(--danger);font-weight:700}
tr.is-overdue{background:var(--danger-bg)}
.tip-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.1rem}
mark{background:#ffe08a;color:var(--ink);padding:0 .1em;border-bottom:2px solid var(--warn-line)}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.25rem 1rem;margin:.5rem 0}
.facts dt{font-weight:700;font-size:.9rem;color:var(--muted)}.facts dd{margin:0}
.action-list form.action{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1rem;margin:0 0 1rem}
.action-list .actions form.action{padding:0;border:0;margin:0;background:none}
.timeline{padding-left:1.25rem}.timeline li{margin:.25rem 0}
@media print{
 header.site,footer.site,.no-print,.actions{display:none!important}
 body,:root{background:#fff}
 main{max-width:none;padding:0}
 .poster .qr{width:11cm}
 .receipt{border-color:#000}
}
`
