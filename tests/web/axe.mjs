#!/usr/bin/env node
// Accessibility and page check of a static site in Debian's headless Chromium.
//
//   node tests/web/axe.mjs SITE_DIR [--json FILE]
//
// Serves SITE_DIR on 127.0.0.1 (a free port) and opens every *.html under it. A page fails when
//   - axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa, best-practice) reports a violation,
//   - the browser console shows an error, or the page throws,
//   - a request fails (a 404 for a stylesheet, say) or goes to another origin (the site must be
//     self-contained: no CDN, no web fonts from elsewhere, no tracking),
//   - Tab from the top does not reach the skip link first and then every link, button and summary in
//     document order with a visible focus indicator (WCAG 2.1.1, 2.4.3, 2.4.7),
//   - at 320 CSS px wide the page scrolls sideways (WCAG 2.1 SC 1.4.10 Reflow:
//     document.documentElement.scrollWidth <= 321). Content inside its own horizontal scroll
//     container (a wide data table in an overflow-x:auto wrapper) is allowed by 1.4.10.
// Prints `ok - page.html` or `not ok - page.html: N violations ...` with details per page, and as
// the last line `N passed, N failed`. Exit code = number of failing pages (at most 125);
// 126 when the harness itself cannot run (no pages, no browser).
//
// Environment: CHROMIUM (default /usr/bin/chromium), AXE_TAGS (comma-separated, overrides the tags),
// REFLOW_WIDTH (default 320).
import { createServer } from 'node:http';
import { readFile, readdir, stat, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, relative, extname, sep, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(repo, 'package.json'));

function usage(msg) {
  if (msg) console.error(`axe.mjs: ${msg}`);
  console.error('usage: node tests/web/axe.mjs SITE_DIR [--json FILE]');
  process.exit(126);
}

const args = process.argv.slice(2);
let site = null, jsonOut = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json') jsonOut = args[++i] ?? usage('--json needs a file');
  else if (args[i] === '-h' || args[i] === '--help') usage();
  else if (site === null) site = resolve(args[i]);
  else usage(`unexpected argument ${args[i]}`);
}
if (!site) usage('no SITE_DIR');

let chromium, axePath;
try {
  ({ chromium } = require('playwright-core'));
  axePath = require.resolve('axe-core/axe.min.js');
} catch (e) {
  usage(`playwright-core/axe-core not installed (run: npm ci in ${repo}): ${e.message}`);
}

const TAGS = (process.env.AXE_TAGS || 'wcag2a,wcag2aa,wcag21a,wcag21aa,best-practice').split(',');
const REFLOW = Number(process.env.REFLOW_WIDTH || 320);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function htmlFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...await htmlFiles(p));
    else if (e.isFile() && e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

try {
  if (!(await stat(site)).isDirectory()) usage(`${site} is not a folder`);
} catch { usage(`${site} does not exist`); }
const pages = (await htmlFiles(site)).map(f => relative(site, f).split(sep).join('/'))
  .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
if (pages.length === 0) usage(`no *.html under ${site}`);

// --- a tiny static file server ---------------------------------------------------------------
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript',
  '.mjs': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.pdf': 'application/pdf',
  '.xml': 'application/xml', '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const server = createServer(async (req, res) => {
  let path;
  try { path = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { path = null; }
  let file = path && resolve(site, '.' + path);
  if (!file || (file !== site && !file.startsWith(site + sep))) { res.writeHead(403); return res.end(); }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
      'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
});
await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// --- the browser -----------------------------------------------------------------------------
const profile = await mkdtemp(join(tmpdir(), 'telling-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'nl-NL',
  });
} catch (e) {
  server.close();
  await rm(profile, { recursive: true, force: true });
  console.error(`axe.mjs: cannot start Chromium (${process.env.CHROMIUM || '/usr/bin/chromium'}): ${e.message.split('\n')[0]}`);
  console.error('axe.mjs: install it with: apt-get install -y chromium   (or run tools/setup.sh)');
  process.exit(126);
}

// Elements that stick out past the right edge at the reflow width and are not inside a
// horizontal scroll container of their own: what makes the page scroll sideways.
function overflowCulprits(width) {
  const sel = el => {
    if (el.id) return `#${CSS.escape(el.id)}`;
    let s = el.localName;
    if (typeof el.className === 'string' && el.className.trim())
      s += '.' + el.className.trim().split(/\s+/).map(c => CSS.escape(c)).join('.');
    const p = el.parentElement;
    if (p && p !== document.body && p !== document.documentElement) return `${sel(p)} > ${s}`;
    return s;
  };
  const scrolls = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1 || scrolls(el)) continue;
    // report the outermost offender only
    if (out.some(o => o.el.contains(el))) continue;
    out.push({ el, text: `${sel(el)} (right edge ${Math.round(r.right)}px, width ${Math.round(r.width)}px)` });
    if (out.length >= 3) break;
  }
  return out.map(o => o.text);
}

// Words that the layout breaks into 3 or more pieces at the reflow width (a table column squeezed to
// a few characters, say): readable in no sense, though the page does not scroll. A warning, not a
// failure: WCAG has no criterion for it. Returns up to 3 examples and the count.
function brokenWords() {
  const sel = el => {
    let s = el.localName;
    if (typeof el.className === 'string' && el.className.trim())
      s += '.' + el.className.trim().split(/\s+/).map(c => CSS.escape(c)).join('.');
    const host = el.parentElement && el.parentElement.closest('[id]');
    return host ? `#${CSS.escape(host.id)} ${s}` : s;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let count = 0;
  const examples = [];
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!el || el.closest('svg, script, style') || !el.getClientRects().length) continue;
    const re = /\S{4,}/g;
    for (let m = re.exec(t.data); m; m = re.exec(t.data)) {
      range.setStart(t, m.index);
      range.setEnd(t, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(q => q.width > 0).map(q => Math.round(q.top)));
      if (lines.size < 3) continue;
      count++;
      if (examples.length < 3) examples.push(`${sel(el)}: "${m[0].slice(0, 40)}" on ${lines.size} lines`);
    }
  }
  return { count, examples };
}

// Press Tab through the page; returns a problem description or null.
async function keyboardWalk(page) {
  const want = await page.evaluate(() => {
    const sel = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    // checkVisibility: not inside a closed <details> (content-visibility) or display:none
    const els = [...document.querySelectorAll(sel)].filter(e => !e.disabled && e.getClientRects().length &&
      (e.checkVisibility ? e.checkVisibility({ visibilityProperty: true }) : getComputedStyle(e).visibility !== 'hidden'));
    els.forEach((e, i) => e.setAttribute('data-kb', String(i)));
    return els.length;
  });
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  const seen = [];
  for (let i = 0; i < want + 5; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const cs = getComputedStyle(e);
      const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none' ||
        cs.textDecorationLine.includes('underline') && cs.outlineStyle !== 'none';
      return { kb: e.getAttribute('data-kb'), tag: e.localName, skip: e.classList.contains('nl-skip-link'),
        hidden: !!e.closest('[aria-hidden="true"]'), visible, text: (e.textContent || '').trim().slice(0, 40) };
    });
    if (!f) break; // focus left the document: the walk is complete
    if (i === 0 && !f.skip) return `the first Tab reaches <${f.tag}> "${f.text}", not the skip link`;
    if (f.hidden) return `focus reaches <${f.tag}> "${f.text}" inside aria-hidden content`;
    if (!f.visible) return `<${f.tag}> "${f.text}" shows no focus indicator`;
    if (f.kb === null) continue;
    if (seen.length && Number(f.kb) <= Number(seen[seen.length - 1])) break; // wrapped round
    seen.push(f.kb);
  }
  if (seen.length !== want) return `Tab reached ${seen.length} of ${want} focusable elements`;
  for (let i = 0; i < seen.length; i++)
    if (Number(seen[i]) !== i) return `Tab order differs from document order at element ${i}`;
  return null;
}

const results = [];
let passed = 0, failed = 0;
try {
  for (const name of pages) {
    const url = `${origin}/${name.split('/').map(encodeURIComponent).join('/')}`;
    const r = { page: name, violations: [], incomplete: [], console: [], requests: [], reflow: null, warnings: [] };
    const page = await context.newPage();
    const note = (list, text) => { if (!list.includes(text)) list.push(text); };
    // "Failed to load resource" console lines repeat what the request handlers below record.
    page.on('console', m => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) note(r.console, m.text());
    });
    page.on('pageerror', e => note(r.console, `uncaught: ${e.message}`));
    page.on('requestfailed', q => {
      if (!q.url().startsWith(origin)) return; // reported by the route below
      const path = q.url().slice(origin.length);
      if (!r.requests.some(x => x.endsWith(` ${path}`))) note(r.requests, `${q.failure()?.errorText || 'failed'} ${path}`);
    });
    page.on('response', s => {
      if (s.url().startsWith(origin) && s.status() >= 400)
        note(r.requests, `HTTP ${s.status()} ${s.url().slice(origin.length)}`);
    });
    await page.route('**/*', route => {
      const u = route.request().url();
      if (u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
      note(r.requests, `external request blocked: ${u}`);
      return route.abort('blockedbyclient');
    });
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 30000 });
      await page.addScriptTag({ path: axePath });
      const a = await page.evaluate(tags => window.axe.run(document, {
        runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'],
      }), TAGS);
      r.axe = a.testEngine.version;
      r.violations = a.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.length, targets: v.nodes.map(n => n.target.join(' ')) }));
      r.incomplete = a.incomplete.map(v => ({ id: v.id, nodes: v.nodes.length }));
      // Keyboard (WCAG 2.1.1, 2.4.3, 2.4.7): Tab from the top reaches the skip link first, then
      // every link, button and summary in document order, each with a visible focus indicator.
      const kb = await keyboardWalk(page);
      if (kb) r.keyboard = kb;
      // WCAG 1.4.10: no horizontal scrolling at 320 CSS px
      await page.setViewportSize({ width: REFLOW, height: 640 });
      await page.evaluate(() => new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      if (sw > REFLOW + 1) r.reflow = { scrollWidth: sw, culprits: await page.evaluate(overflowCulprits, REFLOW) };
      const bw = await page.evaluate(brokenWords);
      if (bw.count) r.warnings.push(`${bw.count} word${bw.count === 1 ? '' : 's'} broken over 3+ lines at ${REFLOW}px: ${bw.examples.join('; ')}`);
    } catch (e) {
      r.console.push(`harness: ${e.message.split('\n')[0]}`);
    }
    await page.close();

    const problems = [];
    if (r.violations.length) problems.push(`${r.violations.length} violation${r.violations.length === 1 ? '' : 's'}`);
    if (r.console.length) problems.push(`${r.console.length} console error${r.console.length === 1 ? '' : 's'}`);
    if (r.requests.length) problems.push(`${r.requests.length} failed request${r.requests.length === 1 ? '' : 's'}`);
    if (r.reflow) problems.push(`scrolls sideways at ${REFLOW}px (scrollWidth ${r.reflow.scrollWidth})`);
    if (r.keyboard) problems.push(`keyboard: ${r.keyboard}`);
    r.ok = problems.length === 0;
    if (r.ok) {
      passed++;
      console.log(`ok - ${name}`);
    } else {
      failed++;
      console.log(`not ok - ${name}: ${problems.join(', ')}`);
      for (const v of r.violations) {
        console.log(`  ${v.id} [${v.impact}] ${v.help} (${v.nodes} node${v.nodes === 1 ? '' : 's'})`);
        for (const t of v.targets.slice(0, 3)) console.log(`      ${t}`);
        if (v.targets.length > 3) console.log(`      ... ${v.targets.length - 3} more`);
      }
      for (const c of r.console) console.log(`  console: ${c}`);
      for (const q of r.requests) console.log(`  request: ${q}`);
      if (r.reflow) {
        console.log(`  reflow (WCAG 1.4.10): scrollWidth ${r.reflow.scrollWidth} > ${REFLOW}`);
        for (const c of r.reflow.culprits) console.log(`      ${c}`);
      }
    }
    for (const w of r.warnings) console.log(`  # warning: ${w}`);
    if (r.incomplete.length)
      console.log(`  # needs manual review: ${r.incomplete.map(v => `${v.id} (${v.nodes})`).join(', ')}`);
    results.push(r);
  }
} finally {
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}

if (jsonOut) await writeFile(jsonOut, JSON.stringify({ site, tags: TAGS, reflowWidth: REFLOW, results }, null, 2) + '\n');
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = Math.min(failed, 125);
