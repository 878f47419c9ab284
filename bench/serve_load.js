#!/usr/bin/env node
/* Bounded load generator for `precis serve` (bench/serve.sh runs it).
 *
 *   node bench/serve_load.js --base http://127.0.0.1:PORT [--requests 20000]
 *        [--concurrency 64] [--mix reads|health|page] [--ingest 0.05] [--posts FILE.jsonl]
 *
 * Loopback only: refuses any --base that is not 127.0.0.0/8, localhost or ::1.
 * Sends exactly --requests requests over --concurrency keep-alive connections
 * and stops. --mix reads: story list (both sorts, with entity filters and
 * cursors), one story, one article, search, and POST /api/articles (the
 * --ingest share, bodies from --posts: one article object a line, each sent
 * once with a fresh id); health: GET /api/health only; page: GET / only.
 * Prints one line per request kind (count, errors, p50/p99/max ms) and the
 * total throughput; exits 1 when any request failed (non-2xx, connection
 * error, or no answer within 30 s). No dependencies beyond Node. */
'use strict';
const http = require('http');
const fs = require('fs');

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
const base = new URL(arg('--base', 'http://127.0.0.1:8080'));
const host = base.hostname.replace(/^\[|\]$/g, '');
if (!(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host))) {
  console.error('serve_load: ' + base.href + ' is not a loopback address; refusing');
  process.exit(1);
}
const TOTAL = Math.max(1, parseInt(arg('--requests', '20000'), 10));
const CONC = Math.max(1, parseInt(arg('--concurrency', '64'), 10));
const MIX = arg('--mix', 'reads');
const INGEST = Math.min(1, Math.max(0, parseFloat(arg('--ingest', '0.05'))));
const POSTS = arg('--posts', null);
const TIMEOUT_MS = 30000;
const WALL_MS = 600000; // the run stops by itself even if the server hangs

const agent = new http.Agent({ keepAlive: true, maxSockets: CONC, maxFreeSockets: CONC });

function request(method, path, body, type) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const headers = {};
    if (body) { headers['Content-Type'] = type; headers['Content-Length'] = Buffer.byteLength(body); }
    const rq = http.request({ host: host, port: base.port || 80, method, path, agent, headers }, (rs) => {
      const chunks = [];
      rs.on('data', (c) => chunks.push(c));
      rs.on('end', () => resolve({ status: rs.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6, body: Buffer.concat(chunks) }));
      rs.on('error', (e) => resolve({ status: 0, ms: Number(process.hrtime.bigint() - t0) / 1e6, err: String(e) }));
    });
    rq.setTimeout(TIMEOUT_MS, () => rq.destroy(new Error('timeout')));
    rq.on('error', (e) => resolve({ status: 0, ms: Number(process.hrtime.bigint() - t0) / 1e6, err: String(e.message || e) }));
    if (body) rq.write(body);
    rq.end();
  });
}

// Deterministic choices, so two runs send the same sequence.
let seed = 12345;
function rnd() { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x80000000; }
function pick(a) { return a[Math.floor(rnd() * a.length)]; }

async function discover() {
  // Story ids, article ids, cursors, entity names and search words from the data itself.
  const stories = [], articles = [], cursors = [], entities = [], words = new Set();
  let cursor = null;
  for (let page = 0; page < 20; page++) {
    const r = await request('GET', '/api/stories?sort=newest' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    if (r.status !== 200) throw new Error('GET /api/stories: ' + r.status + ' ' + r.body);
    const d = JSON.parse(r.body);
    for (const s of d.stories || []) {
      stories.push(String(s.id));
      for (const a of s.sources || []) articles.push(String(a.id));
      for (const e of (s.entities || []).slice(0, 3)) if (e && e.name) entities.push(String(e.name));
      for (const w of String(s.headline || '').split(/\W+/)) if (w.length >= 5) words.add(w.toLowerCase());
    }
    if (d.next === null || d.next === undefined || d.next === '') break;
    cursor = String(d.next);
    cursors.push(cursor);
  }
  if (!stories.length) throw new Error('the database has no stories: ingest something first');
  return { stories, articles, cursors, entities: [...new Set(entities)], words: [...words] };
}

function loadPosts(file) {
  const out = [];
  if (!file) return out;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (const l of lines) {
    if (!l.trim()) continue;
    try { out.push(JSON.parse(l)); } catch (e) { /* skip */ }
  }
  return out;
}

function pct(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
}

async function main() {
  const d = MIX === 'reads' ? await discover() : null;
  const posts = MIX === 'reads' && INGEST > 0 ? loadPosts(POSTS) : [];
  if (MIX === 'reads' && INGEST > 0 && !posts.length) throw new Error('--ingest needs --posts FILE.jsonl');
  let postNo = 0;
  const run = Date.now().toString(36);
  function next() {
    if (MIX === 'health') return ['health', 'GET', '/api/health'];
    if (MIX === 'page') return ['page', 'GET', '/'];
    const x = rnd();
    if (x < INGEST) {
      const a = Object.assign({}, posts[postNo % posts.length]);
      a.id = 'load-' + run + '-' + postNo++;
      return ['ingest', 'POST', '/api/articles', JSON.stringify(a), 'application/json'];
    }
    const y = (x - INGEST) / (1 - INGEST || 1);
    if (y < 0.35) {
      const q = new URLSearchParams({ sort: rnd() < 0.5 ? 'newest' : 'biggest' });
      if (rnd() < 0.2 && d.entities.length) q.set('entity', pick(d.entities));
      else if (q.get('sort') === 'newest' && rnd() < 0.3 && d.cursors.length) q.set('cursor', pick(d.cursors));
      return ['list', 'GET', '/api/stories?' + q];
    }
    if (y < 0.65) return ['story', 'GET', '/api/stories/' + encodeURIComponent(pick(d.stories))];
    if (y < 0.85) return ['article', 'GET', '/api/articles/' + encodeURIComponent(pick(d.articles))];
    return ['search', 'GET', '/api/search?q=' + encodeURIComponent(pick(d.words.length ? d.words : ['story']))];
  }

  const stats = new Map();
  const failures = [];
  let sent = 0;
  const t0 = process.hrtime.bigint();
  async function worker() {
    while (sent < TOTAL) {
      sent++;
      const [kind, method, path, body, type] = next();
      const r = await request(method, path, body, type);
      if (!stats.has(kind)) stats.set(kind, { ms: [], errors: 0 });
      const s = stats.get(kind);
      s.ms.push(r.ms);
      if (!(r.status >= 200 && r.status < 300)) {
        s.errors++;
        if (failures.length < 5) failures.push(kind + ' ' + method + ' ' + path.slice(0, 80) + ' -> ' + (r.status || r.err) + ' ' + String(r.body || '').slice(0, 160));
      }
    }
  }
  const wall = setTimeout(() => { console.error('serve_load: stopped after ' + WALL_MS / 1000 + ' s'); process.exit(2); }, WALL_MS);
  await Promise.all(Array.from({ length: CONC }, worker));
  clearTimeout(wall);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const all = [];
  let errors = 0;
  console.log('kind       requests  errors   p50 ms   p99 ms   max ms');
  for (const [kind, s] of [...stats.entries()].sort()) {
    s.ms.sort((a, b) => a - b);
    all.push(...s.ms);
    errors += s.errors;
    console.log(kind.padEnd(10) + String(s.ms.length).padStart(9) + String(s.errors).padStart(8) +
      pct(s.ms, 50).toFixed(2).padStart(9) + pct(s.ms, 99).toFixed(2).padStart(9) + s.ms[s.ms.length - 1].toFixed(1).padStart(9));
  }
  all.sort((a, b) => a - b);
  console.log('all'.padEnd(10) + String(all.length).padStart(9) + String(errors).padStart(8) +
    pct(all, 50).toFixed(2).padStart(9) + pct(all, 99).toFixed(2).padStart(9) + all[all.length - 1].toFixed(1).padStart(9));
  console.log('throughput: ' + (all.length / secs).toFixed(0) + ' requests/s (' + all.length + ' in ' + secs.toFixed(2) + ' s, ' + CONC + ' connections, mix ' + MIX + ')');
  for (const f of failures) console.log('failed: ' + f);
  agent.destroy();
  process.exit(errors ? 1 : 0);
}
main().catch((e) => { console.error('serve_load: ' + (e && e.message ? e.message : e)); process.exit(2); });
