// The citizens' pages (status page, web form): plain, fast, accessible. No script needed, no
// external resources but the municipality's logo, system fonts, large targets, visible focus, and
// contrast above WCAG AA.
export const CITIZEN_PAGE_STYLE = `body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2933;background:#f4f4f2}
.wrap{max-width:42rem;margin:0 auto;padding:0 1rem}header{background:#fff;border-bottom:4px solid #0b5394;padding:1rem 0}
header .name{font-size:1.25rem;font-weight:700;color:#0b5394}header img{max-height:3rem}main{background:#fff;margin:1rem auto;padding:1rem 1.5rem 2rem;border-radius:6px}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:700}dd{margin:0}
.status{font-size:1.1rem;padding:.75rem 1rem;background:#e8f0fa;border-left:4px solid #0b5394}.notice{padding:.75rem 1rem;background:#e6f4ea;border-left:4px solid #1e7d32}
ol.messages{list-style:none;padding:0}ol.messages li{border-left:4px solid #9aa5b1;padding:.25rem 1rem;margin:0 0 1rem}ol.messages li.municipality{border-color:#0b5394}
.meta{color:#52606d;font-size:.9rem;margin:0}.question{background:#fff8e1;border-left:4px solid #b26a00;padding:.75rem 1rem}
label,legend{display:block;font-weight:700;margin:.75rem 0 .25rem}textarea{width:100%;min-height:8rem;font:inherit;padding:.5rem;box-sizing:border-box}
fieldset{border:0;padding:0;margin:0}.scale label{display:inline-block;font-weight:400;margin:.25rem 1rem .25rem 0}
button{font:inherit;font-weight:700;color:#fff;background:#0b5394;border:0;border-radius:4px;padding:.6rem 1.2rem;margin-top:.75rem;cursor:pointer}
a:focus,button:focus,textarea:focus,input:focus,select:focus{outline:3px solid #b26a00;outline-offset:2px}.lang{text-align:right;font-size:.9rem}footer{color:#52606d;font-size:.9rem;padding-bottom:2rem}`;
