#!/usr/bin/env node
/* Browser test of the page `precis serve` embeds, in Debian's headless
 * Chromium driven by playwright-core (no browser download).
 *
 *   node tests/browser/test_page.js --precis build/precis --out build [--example examples/story]
 *       ingests the example into a temp database, starts `precis serve` on a
 *       free loopback port, runs the checks, stops the server
 *   node tests/browser/test_page.js --base http://127.0.0.1:PORT --out build
 *       runs the checks against a server that is already up
 *
 * Prints "ok - NAME" / "not ok - NAME" per check (tests/run.sh tallies them)
 * and saves OUT/screenshot-story.png and OUT/screenshot-phone.png. */
'use strict';
const { chromium } = require('playwright-core');
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const STEP_MS = 15000; // one wait for the page; the whole run is bounded by the caller's timeout

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

let failures = 0;
function report(name, ok, why) {
  console.log((ok ? 'ok - ' : 'not ok - ') + name);
  if (!ok) {
    failures++;
    if (why) console.log('#   ' + String(why).split('\n').join('\n#   '));
  }
}
async function check(name, fn) {
  try {
    const r = await fn();
    report(name, r !== false, r === false ? 'condition false' : null);
  } catch (e) {
    report(name, false, e && e.stack ? e.stack.split('\n').slice(0, 3).join('\n') : e);
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }
const norm = (s) => String(s).replace(/\s+/g, ' ').trim();

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function waitHealthy(base, proc, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc && proc.exitCode !== null) throw new Error('precis serve exited with status ' + proc.exitCode);
    try {
      const r = await fetch(base + '/api/health');
      if (r.ok) return;
    } catch (e) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('precis serve did not answer /api/health within ' + ms + ' ms');
}

// An invented article whose title and text carry markup: the page must show it as text.
const HOSTILE = {
  id: 'hostile-markup-1',
  url: 'javascript:window.__pwned=1',
  site: 'Quillmouth <b>Gazette</b> \u202eetadpu',
  title: 'Harbour board <script>window.__pwned=1</script> votes on dredging',
  date: '2024-10-02',
  text: 'The Quillmouth harbour board voted on Tuesday to dredge the northern channel, a plan ' +
    'that has been argued over for three years. The notice posted at the quay read ' +
    '<script>window.__pwned=1</script> in large letters, and a second line said ' +
    '"><img src=x onerror="window.__pwned=1"> before the clerk removed it.\n\n' +
    'Board chair Odile Fenwright said the dredging would begin in the spring and cost about ' +
    'four million crowns. Fishermen in Quillmouth welcomed the vote.'
};

const WHOLE_MS = 240000; // the whole run, so a hung page or server cannot stall make test
let server = null;
function stopServerNow() { if (server && server.exitCode === null) server.kill('SIGKILL'); }
process.on('SIGTERM', () => { stopServerNow(); process.exit(1); });
process.on('SIGINT', () => { stopServerNow(); process.exit(1); });
setTimeout(() => {
  console.log('not ok - browser test finished within ' + WHOLE_MS / 1000 + ' s');
  stopServerNow();
  process.exit(1);
}, WHOLE_MS).unref();

async function main() {
  const out = arg('--out', 'build');
  fs.mkdirSync(out, { recursive: true });
  let base = arg('--base', null);
  let tmp = null, serverErr = '';
  if (!base) {
    const precis = path.resolve(arg('--precis', 'build/precis'));
    const example = arg('--example', 'examples/story');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'precis-browser-'));
    const db = path.join(tmp, 'test.db');
    const ing = spawnSync(precis, ['ingest', '--db', db, example], { encoding: 'utf8', timeout: 60000 });
    report('ingest the bundled example', ing.status === 0, (ing.stderr || '') + (ing.error ? ing.error : ''));
    if (ing.status !== 0) return;
    const port = await freePort();
    base = 'http://127.0.0.1:' + port;
    server = spawn(precis, ['serve', '--db', db, '--port', String(port), '--bind', '127.0.0.1'],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    server.stderr.on('data', (d) => { serverErr += d; });
    try {
      await waitHealthy(base, server, 10000);
    } catch (e) {
      report('precis serve answers', false, e.message + '\n' + serverErr.slice(-2000));
      server.kill('SIGKILL');
      return;
    }
  }

  // The hostile article goes in through the API, as any client would send it.
  await check('POST an article with markup', async () => {
    const r = await fetch(base + '/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(HOSTILE) });
    assert(r.status === 200 || r.status === 201, 'POST /api/articles: ' + r.status + ' ' + await r.text());
  });

  // A new empty profile: nothing from an earlier run (cache, cookies) can help or hurt.
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'precis-chromium-'));
  const ctx = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    timeout: 30000
  });
  const pageErrors = [];
  const dialogs = [];
  const offsite = [];
  try {
    // Nothing leaves loopback: a request elsewhere (a font, a CDN, the hostile
    // article's image) is refused and counted.
    await ctx.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === '127.0.0.1' || u.hostname === 'localhost') return route.continue();
      offsite.push(u.href);
      return route.abort();
    });
    const page = ctx.pages()[0] || await ctx.newPage();
    page.setDefaultTimeout(STEP_MS);
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    // Chromium logs every 4xx fetch as a console error: the one 422 the add
    // page's refusal check asks for is expected, any other is counted.
    let expect422 = false;
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (expect422 && /status of 422/.test(m.text())) return;
      pageErrors.push('console: ' + m.text());
    });
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });

    await check('page loads with a story list', async () => {
      await page.goto(base + '/', { waitUntil: 'load' });
      await page.waitForSelector('.card .card-title a');
      return (await page.locator('.card').count()) >= 1;
    });

    await check('sort by biggest lists the example story first', async () => {
      await page.click('.sort a:has-text("Biggest")');
      await page.waitForFunction(() => location.hash.indexOf('sort=biggest') >= 0);
      await page.waitForSelector('.card .card-title a');
      const count = await page.locator('.card .count').first().textContent();
      assert(/^\d+ sources?$/.test(count.trim()), 'source count: ' + count);
      return parseInt(count, 10) >= 3;
    });

    await check('click a story opens its view with summary sentences', async () => {
      await page.locator('.card .card-title a').first().click();
      await page.waitForSelector('h1.headline');
      await page.waitForSelector('.sentence');
      assert(/^#\/story\//.test(await page.evaluate(() => location.hash)), 'hash route');
      const n = await page.locator('.sentence').count();
      assert(n >= 2, 'summary sentences: ' + n);
      const t = await page.locator('.sentence .sent-text').first().textContent();
      return t.trim().length > 20;
    });

    await check('every summary sentence has a source marker', async () => {
      const n = await page.locator('.sentence').count();
      const m = await page.locator('.sentence .marker.primary').count();
      assert(n === m, n + ' sentences, ' + m + ' primary markers');
      const labels = await page.locator('.sentence .marker.primary').allTextContents();
      return labels.every((l) => /^\[\d+\]$/.test(l));
    });

    await check('corroboration counts render', async () => {
      const c = await page.locator('.sentence .corr').allTextContents();
      return c.length > 0 && c.every((x) => /^(corroborated by \d+ other sources?|one source only)$/.test(x));
    });

    await check('clicking a marker shows the source sentence in its article', async () => {
      // every sentence: its marked span in the article must be the sentence itself
      const n = await page.locator('.sentence').count();
      for (let i = 0; i < n; i++) {
        const li = page.locator('.sentence').nth(i);
        const want = norm(await li.locator('.sent-text').textContent());
        await li.locator('.marker.primary').click();
        await page.waitForSelector('#panel:not([hidden]) mark.src-sent:not(.near)');
        const got = norm(await page.locator('#panel mark.src-sent').textContent());
        assert(got === want, 'sentence ' + (i + 1) + ': panel shows "' + got + '", summary says "' + want + '"');
      }
      return true;
    });

    await check('hovering a marker shows the source sentence next to it', async () => {
      await page.keyboard.press('Escape');
      const li = page.locator('.sentence').first();
      const want = norm(await li.locator('.sent-text').textContent());
      await li.locator('.marker.primary').hover();
      await page.waitForFunction(() => {
        const t = document.querySelector('#tip:not([hidden]) .tip-body');
        return t && t.textContent !== 'Loading…';
      });
      const got = norm(await page.locator('#tip .tip-body').textContent());
      assert(got === '“' + want + '”', 'tooltip shows ' + got);
      await page.mouse.move(1, 1);
      await page.waitForSelector('#tip', { state: 'hidden' });
      return true;
    });

    // Session 22: closing the panel (Escape or the close button) gives the
    // focus back to the marker that opened it, with no tooltip popping up
    // (before: the focus fell to <body>, a keyboard user started over).
    await check('closing the source panel gives the focus back to its marker', async () => {
      for (const how of ['Escape', 'close button']) {
        await page.locator('.sentence .marker.primary').nth(1).focus();
        await page.keyboard.press('Enter');
        await page.waitForSelector('#panel:not([hidden]) .article-text');
        assert(await page.evaluate(() => document.activeElement.id) === 'panel-close', how + ': the close button has no focus');
        if (how === 'Escape') await page.keyboard.press('Escape');
        else await page.keyboard.press('Enter'); // on the focused close button
        await page.waitForSelector('#panel', { state: 'hidden' });
        const at = await page.evaluate(() => {
          const m = document.querySelectorAll('.sentence .marker.primary')[1];
          return document.activeElement === m ? 'marker' : document.activeElement.tagName + '.' + document.activeElement.className;
        });
        assert(at === 'marker', how + ': the focus went to ' + at);
        assert(!(await page.locator('#tip').isVisible()), how + ': a tooltip popped up on the way back');
      }
      // Escape with no panel open dismisses the tooltip the focus opened; the focus stays
      await page.locator('.sentence .marker.primary').nth(1).blur();
      await page.locator('.sentence .marker.primary').nth(1).focus();
      await page.waitForSelector('#tip:not([hidden])');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#tip', { state: 'hidden' });
      assert(await page.evaluate(() => document.activeElement === document.querySelectorAll('.sentence .marker.primary')[1]),
        'Escape moved the focus off the marker');
      await page.locator('.sentence .marker.primary').nth(1).blur();
      return true;
    });

    await check('the timeline renders', async () => {
      await page.waitForSelector('.timeline li');
      const items = await page.locator('.timeline li').count();
      const first = await page.locator('.timeline li time').first().textContent();
      return items >= 1 && first.trim().length > 0;
    });

    await check('entities and sources render', async () => {
      const e = await page.locator('.entities li').count();
      const s = await page.locator('.sources li').count();
      assert(e >= 1, 'entities: ' + e);
      return s >= 3;
    });

    // Story screenshot with the first sentence's source open.
    await check('story screenshot saved', async () => {
      await page.locator('.sentence .marker.primary').first().click();
      await page.waitForSelector('#panel mark.src-sent');
      await page.waitForTimeout(300);
      // the page reflowed under the still pointer: no tooltip may pop up by itself
      assert(!(await page.locator('#tip').isVisible()), 'a tooltip shows over the opened panel');
      await page.screenshot({ path: path.join(out, 'screenshot-story.png'), fullPage: false });
      return fs.statSync(path.join(out, 'screenshot-story.png')).size > 1000;
    });

    await check('a story link opens directly (hash routing)', async () => {
      const hash = await page.evaluate(() => location.hash);
      const p2 = await ctx.newPage();
      p2.setDefaultTimeout(STEP_MS);
      await p2.goto(base + '/' + hash);
      await p2.waitForSelector('.sentence');
      const same = norm(await p2.locator('h1.headline').textContent()) === norm(await page.locator('h1.headline').textContent());
      await p2.close();
      return same;
    });

    await check('entity filter lists stories with that entity', async () => {
      const name = norm(await page.locator('.entities li .chip').first().evaluate((a) => a.firstChild.textContent));
      await page.locator('.entities li .chip').first().click();
      await page.waitForSelector('.filter-on');
      await page.waitForSelector('.stories .card, .stories .note:not(:has-text("Loading"))'); // not the 'Loading stories…' note
      const cards = await page.locator('.card').count();
      assert(cards >= 1, 'no story listed for entity ' + name);
      return norm(await page.locator('.filter-on strong').textContent()) === name;
    });

    await check('search finds the example story', async () => {
      const word = norm(await page.locator('.card .card-title a').first().textContent()).split(' ')
        .filter((w) => /^[A-Za-z]{5,}$/.test(w))[0] || 'ferry';
      await page.fill('#q', word);
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => location.hash.indexOf('#/search?q=') === 0);
      await page.waitForSelector('.results .card, .results .article-list li, .results .note:not(:has-text("Searching"))');
      return (await page.locator('.results .card, .results .article-list li').count()) >= 1;
    });

    await check('an article containing <script> is shown as text', async () => {
      await page.fill('#q', 'Quillmouth');
      await page.press('#q', 'Enter');
      await page.waitForSelector('.results .card, .results .article-list li');
      const storyLink = page.locator('.results .card .card-title a').first();
      if (await storyLink.count()) {
        await storyLink.click();
        await page.waitForSelector('h1.headline');
        await page.locator('.sources li .linkish').first().click();
      } else {
        await page.locator('.results .article-list li .linkish').first().click();
      }
      await page.waitForSelector('#panel .article-text');
      const shown = await page.locator('#panel .article-text').textContent();
      assert(shown.indexOf('<script>window.__pwned=1</script>') >= 0, 'markup not shown literally');
      assert(shown.indexOf('"><img src=x onerror="window.__pwned=1">') >= 0, 'img markup not shown literally');
      const scripts = await page.evaluate(() => Array.from(document.scripts).map((s) => s.src || 'inline'));
      assert(scripts.length === 1 && /\/app\.js$/.test(scripts[0]), 'scripts in page: ' + scripts.join(', '));
      assert(await page.locator('#main img, #panel img').count() === 0, 'an <img> element was created');
      assert(!(await page.evaluate(() => window.__pwned)), 'injected script ran');
      // Session 22: the site ends in a right-to-left override (U+202E): it is
      // isolated in a <bdi>, so the date and the names after it read as written
      // (before, the rest of the line was shown reversed)
      const isolated = await page.evaluate(() => Array.from(document.querySelectorAll('bdi'))
        .map((b) => [b.textContent, b.parentNode.textContent.slice(b.parentNode.textContent.indexOf(b.textContent) + b.textContent.length)]));
      assert(isolated.length >= 1 && isolated.every((x) => x[0].indexOf('\u202e') >= 0 && x[1].indexOf('\u202e') < 0),
        'bidi override not isolated: ' + JSON.stringify(isolated));
      return true;
    });

    await check('a 10 MB title is stored and shown clipped', async () => {
      const huge = { id: 'huge-title-1', title: 'Brackenfold ' + 'T'.repeat(10 * 1024 * 1024), date: '2024-10-03',
        text: 'The Brackenfold ferry committee met on Wednesday to review the winter timetable for the crossing. ' +
          'Members agreed to add two sailings on Fridays and to publish the new times in November.' };
      const r = await fetch(base + '/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(huge) });
      assert(r.status === 200 || r.status === 201, 'POST 10 MB title: ' + r.status + ' ' + (await r.text()).slice(0, 200));
      await page.fill('#q', 'Brackenfold');
      await page.press('#q', 'Enter');
      await page.waitForSelector('.results .card, .results .article-list li');
      const lens = await page.evaluate(() => Array.from(document.querySelectorAll('.results .card-title, .results .article-list li .linkish'))
        .map((e) => e.textContent.length));
      assert(lens.length >= 1, 'the article is not found');
      assert(Math.max.apply(null, lens) <= 301, 'a title is shown ' + Math.max.apply(null, lens) + ' characters long');
      return true;
    });

    // Adding articles from the page (#/add): the body goes as it is and the
    // server tells its format; a WARC chosen as a file is read record by
    // record even when the browser calls it text/html.
    await check('the add page posts pasted text and links its story', async () => {
      await page.goto(base + '/#/add');
      await page.waitForSelector('#add-text');
      await page.fill('#add-text', 'Lantern festival returns to Quarrow\n\nThe lantern festival returned to Quarrow on Saturday ' +
        'after a two-year pause, the town council said. Hundreds of paper lanterns were floated down the Quarrow canal at dusk.\n');
      await page.click('.add-form button[type=submit]');
      await page.waitForSelector('#add-result .added');
      const said = norm(await page.locator('#add-result .added').textContent());
      assert(/Read as text/.test(said) && /1 article added/.test(said), 'result: ' + said);
      await page.locator('#add-result .add-stories a').first().click();
      await page.waitForSelector('h1.headline');
      const h = norm(await page.locator('h1.headline').textContent());
      assert(/Quarrow/i.test(h) || /Lantern/i.test(h), 'story headline: ' + h);
      return true;
    });

    await check('a WARC file chosen in the add page is read as WARC', async () => {
      const rec = (uri, title, para) => {
        const html = '<!doctype html><html><head><title>' + title + '</title></head><body><article><h1>' + title + '</h1><p>' + para +
          '</p><p>Organisers said the Quarrow lantern walk would be held again next autumn along the same canal.</p></article></body></html>';
        const http = 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n' + html + '\n';
        return 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ' + uri + '\r\nWARC-Date: 2024-10-05T09:00:00Z\r\n' +
          'Content-Type: application/http; msgtype=response\r\nContent-Length: ' + Buffer.byteLength(http) + '\r\n\r\n' + http + '\r\n\r\n';
      };
      const warc = rec('https://lamp.example/quarrow', 'Quarrow floats its lanterns again', 'Paper lanterns drifted down the Quarrow canal on Saturday as the festival came back.') +
        rec('https://wick.example/quarrow', 'Lanterns light Quarrow canal', 'The Quarrow canal was lit by hundreds of lanterns on Saturday evening for the returning festival.');
      await page.goto(base + '/#/add');
      await page.waitForSelector('#add-file');
      await page.setInputFiles('#add-file', { name: 'crawl.warc', mimeType: 'text/html', buffer: Buffer.from(warc) });
      await page.click('.add-form button[type=submit]');
      await page.waitForSelector('#add-result .added, #add-result .error');
      const said = norm(await page.locator('#add-result').textContent());
      assert(/Read as warc/.test(said) && /2 articles added/.test(said), 'result: ' + said);
      return true;
    });

    await check('the add page shows the server\'s reason when nothing is added', async () => {
      await page.goto(base + '/#/');
      await page.goto(base + '/#/add'); // a fresh form (the file chosen above is gone)
      await page.waitForSelector('#add-text');
      await page.fill('#add-text', '<html><body><nav>Home | News</nav></body></html>');
      expect422 = true;
      await page.click('.add-form button[type=submit]');
      await page.waitForSelector('#add-result .error');
      await page.waitForTimeout(200); // the console message may trail the page update
      expect422 = false;
      const said = norm(await page.locator('#add-result .error').textContent());
      assert(/^Not added: .*no article/.test(said), 'result: ' + said);
      return true;
    });

    // Session 22: no answer at all (the server stopped) is said in plain
    // words, on the add page as "Not added" (before: "Could not load: Failed
    // to fetch", the browser's words, on both).
    await check('a server that does not answer is said plainly', async () => {
      const p4 = await ctx.newPage();
      p4.setDefaultTimeout(STEP_MS);
      p4.on('pageerror', (e) => pageErrors.push(String(e)));
      await p4.goto(base + '/#/add');
      await p4.waitForSelector('#add-text');
      await p4.route('**/api/**', (route) => route.abort('connectionrefused'));
      await p4.fill('#add-text', 'Ferry strike ends at Quarrow\n\nThe ferry crews of Quarrow ended their strike on Monday, the union said.\n');
      await p4.click('.add-form button[type=submit]');
      await p4.waitForSelector('#add-result .error');
      const added = norm(await p4.locator('#add-result .error').textContent());
      await p4.evaluate(() => { location.hash = '#/?sort=biggest'; });
      await p4.waitForSelector('#stories .error');
      const listed = norm(await p4.locator('#stories .error').textContent());
      await p4.close();
      assert(added === 'Not added: the server did not answer (is precis serve still running?)', 'add page says: ' + added);
      assert(listed === 'Could not load: the server did not answer (is precis serve still running?)', 'list says: ' + listed);
      return true;
    });

    // Session 23: a story on screen refreshes when the store changes: it asks
    // every POLL_MS (30 s, app.js) with If-None-Match, redraws on a 200, and
    // asks nothing while the tab is hidden, at once when it is shown again
    // (before: only a navigation or a reload showed new articles). The page's
    // clock is Playwright's fake one, moved on by hand: no waiting on timers.
    await check('the story view refreshes when an article joins it, not while hidden', async () => {
      const POLL_MS = 30000;
      const p5 = await ctx.newPage();
      p5.setDefaultTimeout(STEP_MS);
      p5.on('pageerror', (e) => pageErrors.push(String(e)));
      await p5.clock.install();
      await p5.goto(base + '/#/?sort=biggest');
      await p5.waitForSelector('.card .card-title a');
      await p5.locator('.card .card-title a').first().click();
      await p5.waitForSelector('.sentence');
      const sid = decodeURIComponent((await p5.evaluate(() => location.hash)).replace(/^#\/story\//, ''));
      const storyPath = '/api/stories/' + encodeURIComponent(sid);
      const asked = [];
      p5.on('response', (r) => { if (new URL(r.url()).pathname === storyPath) asked.push(r.status()); });
      const sources = async () => parseInt(norm(await p5.locator('.meta').textContent()), 10);
      const before = await sources();
      const story = await (await fetch(base + storyPath)).json();
      const first = await (await fetch(base + '/api/articles/' + encodeURIComponent(story.sources[0].id))).json();
      const edition = async (title) => {
        const r = await fetch(base + '/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: title, site: first.site, date: first.date, text: first.text }) });
        const d = await r.json();
        assert(r.status === 201 && String(d.story) === String(sid), 'the edition did not join story ' + sid + ': ' + r.status + ' ' + JSON.stringify(d));
      };
      // unchanged: the poll is a 304 and nothing is redrawn
      await p5.clock.fastForward(POLL_MS);
      for (let i = 0; i < 50 && asked.length < 1; i++) await p5.waitForTimeout(100);
      assert(asked.length === 1 && asked[0] === 304, 'unchanged story: polls answered ' + JSON.stringify(asked));
      assert(await p5.locator('.meta .updated').count() === 0, 'redrawn though unchanged');
      // hidden: no request however long, even with a new article in the store
      await p5.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await edition('Velmora ferry grounding: every passenger safe, coast guard says');
      for (let k = 0; k < 3; k++) await p5.clock.fastForward(POLL_MS);
      await p5.waitForTimeout(500);
      assert(asked.length === 1, 'hidden tab polled: ' + JSON.stringify(asked));
      assert(await sources() === before, 'redrawn while hidden');
      // shown again: asks at once and shows the new source
      await p5.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await p5.waitForSelector('.meta .updated');
      assert(await sources() === before + 1, 'after the tab came back: ' + (await sources()) + ' sources, want ' + (before + 1));
      assert(await p5.locator('.sentence').count() >= 1, 'summary gone after the redraw');
      // and on the timer: another edition shows after one interval, the
      // keyboard focus staying on the marker it was on
      await p5.locator('.sentence .marker.primary').first().focus();
      await edition('Aster Bay refloated off Velmora after fog grounding');
      await p5.clock.fastForward(POLL_MS);
      await p5.waitForFunction((n) => parseInt(document.querySelector('.meta').textContent, 10) === n, before + 2);
      assert(await p5.evaluate(() => document.activeElement === document.querySelector('.sentence .marker.primary')),
        'the focus left the marker on the redraw: ' + await p5.evaluate(() => document.activeElement.tagName));
      // leaving the story stops its polling
      await p5.evaluate(() => { location.hash = '#/'; });
      await p5.waitForSelector('.card .card-title a');
      const n = asked.length;
      for (let k = 0; k < 3; k++) await p5.clock.fastForward(POLL_MS);
      await p5.waitForTimeout(500);
      assert(asked.length === n, 'polled after leaving the story: ' + JSON.stringify(asked));
      await p5.close();
      return true;
    });

    // Session 24: the story list refreshes by the same poll (before: only the
    // story view did; a story ingested meanwhile showed only on a reload). The
    // reader stays where they were: the card at the top of the screen keeps
    // its place and the keyboard focus its link, though a story came in above.
    await check('the story list shows a story ingested meanwhile, the reader kept in place', async () => {
      const POLL_MS = 30000;
      const p6 = await ctx.newPage();
      p6.setDefaultTimeout(STEP_MS);
      p6.on('pageerror', (e) => pageErrors.push(String(e)));
      await p6.setViewportSize({ width: 1280, height: 300 }); // short: the list scrolls
      await p6.clock.install();
      await p6.goto(base + '/#/');
      await p6.waitForSelector('.card .card-title a');
      const asked = [];
      p6.on('response', (r) => { if (new URL(r.url()).pathname === '/api/stories') asked.push(r.status()); });
      await p6.clock.fastForward(POLL_MS);
      for (let i = 0; i < 50 && asked.length < 1; i++) await p6.waitForTimeout(100);
      assert(asked.length === 1 && asked[0] === 304, 'unchanged list: polls answered ' + JSON.stringify(asked));
      assert(norm(await p6.locator('.list-updated').textContent()) === '', 'redrawn though unchanged');
      const n = await p6.locator('.card').count();
      assert(n >= 2, 'only ' + n + ' cards');
      const sid = await p6.locator('.card').nth(1).getAttribute('data-story');
      const topOf = (id) => p6.evaluate((i) => document.querySelector('.card[data-story="' + i + '"]').getBoundingClientRect().top, id);
      await p6.evaluate((i) => {
        const c = document.querySelector('.card[data-story="' + i + '"]');
        window.scrollTo(0, c.getBoundingClientRect().top + window.scrollY - 40);
        c.querySelector('.card-title a').focus({ preventScroll: true });
      }, sid);
      const top = await topOf(sid);
      const r = await fetch(base + '/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Ostmere windmill grinds grain again', site: 'Ostmere Almanac', date: '2030-05-01',
          text: 'The windmill at Ostmere ground grain on Wednesday for the first time in sixty years, the millers guild ' +
            'said. Carpenters rebuilt its four sails over two winters.' }) });
      assert(r.status === 201, 'POST: ' + r.status);
      await p6.clock.fastForward(POLL_MS);
      await p6.waitForFunction(() => document.querySelector('.list-updated').textContent !== '');
      const status = norm(await p6.locator('.list-updated').textContent());
      const firstTitle = norm(await p6.locator('.card .card-title').first().textContent());
      const focused = await p6.evaluate(() => { const c = document.activeElement.closest('.card'); return c ? c.getAttribute('data-story') : document.activeElement.tagName; });
      const topAfter = await topOf(sid);
      const m = asked.length;
      await p6.evaluate(() => { location.hash = '#/search?q=Ostmere'; });
      for (let k = 0; k < 3; k++) await p6.clock.fastForward(POLL_MS);
      await p6.waitForTimeout(500);
      const after = asked.length;
      await p6.close();
      assert(/Ostmere windmill/.test(firstTitle), 'first card is ' + firstTitle);
      assert(status === 'Updated just now · 1 new story.', 'status: ' + status);
      assert(focused === sid, 'focus on ' + focused + ', want the link of story ' + sid);
      assert(Math.abs(topAfter - top) < 2, 'the card read moved from ' + top + ' to ' + topAfter + ' px');
      assert(after === m, 'polled after leaving the list: ' + JSON.stringify(asked));
      return true;
    });

    // Session 24 user pass. Chromium asks /favicon.ico of a page naming no
    // icon and logs its 404 as a console error on every load.
    await check('the page names an icon the server has (no favicon 404)', async () => {
      const p7 = await ctx.newPage();
      p7.setDefaultTimeout(STEP_MS);
      await p7.goto(base + '/#/');
      await p7.waitForSelector('.card');
      const href = await p7.evaluate(() => { const l = document.querySelector('link[rel~="icon"]'); return l ? l.href : null; });
      await p7.close();
      assert(href, 'no <link rel="icon">: the browser asks /favicon.ico and logs the 404');
      const r = await fetch(href);
      assert(r.status === 200 && /^image\/svg\+xml/.test(r.headers.get('content-type')), href + ': ' + r.status + ' ' + r.headers.get('content-type'));
      return true;
    });

    // A story whose summary has no sentences says why: the builder's note (a
    // budget smaller than every sentence) or that no sentence was usable
    // (before: "No summary." for both, the note dropped).
    await check('a story without summary sentences says why', async () => {
      const p8 = await ctx.newPage();
      p8.setDefaultTimeout(STEP_MS);
      p8.on('pageerror', (e) => pageErrors.push(String(e)));
      const story = (id, summary) => JSON.stringify({ id: id, headline: 'Harbour dues notice', n_sources: 1, summary: summary,
        sources: [{ id: '1', site: 'Quillmouth Notices', title: 'Harbour dues notice' }], timeline: [], entities: [] });
      await p8.route('**/api/stories/900001', (route) => route.fulfill({ status: 200, contentType: 'application/json',
        body: story('900001', { summary: '', sentences: [], note: 'no summary: no sentence fits the budget of 3 words (the shortest takes 10)' }) }));
      await p8.route('**/api/stories/900002', (route) => route.fulfill({ status: 200, contentType: 'application/json',
        body: story('900002', null) }));
      await p8.goto(base + '/#/story/900001');
      await p8.waitForSelector('.summary .note');
      const withNote = norm(await p8.locator('.summary .note').textContent());
      await p8.evaluate(() => { location.hash = '#/story/900002'; });
      await p8.waitForFunction(() => /usable|could use/.test((document.querySelector('.summary .note') || {}).textContent || ''));
      const none = norm(await p8.locator('.summary .note').textContent());
      await p8.close();
      assert(withNote === 'No summary: no sentence fits the budget of 3 words (the shortest takes 10).', 'with a note: ' + withNote);
      assert(none === 'No summary: the sources have no sentence the summarizer could use.', 'summary null: ' + none);
      return true;
    });

    // Right-to-left text (an Arabic report) runs right to left: headline and
    // sentences take their direction from their own text (dir="auto"); before,
    // they were laid out left to right, the full stop at the wrong end.
    await check('an Arabic story reads right to left', async () => {
      const r = await fetch(base + '/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'rtl-1', title: 'افتتاح جسر جديد فوق نهر الوادي', site: 'صحيفة الوادي', date: '2024-10-05',
          text: 'افتتحت بلدية الوادي يوم السبت جسرا جديدا فوق النهر. استغرق البناء ثلاث سنوات. سيمر على الجسر الترام والحافلات.' }) });
      const d = await r.json();
      assert(r.status === 201 || r.status === 200, 'POST: ' + r.status);
      const p9 = await ctx.newPage();
      p9.setDefaultTimeout(STEP_MS);
      p9.on('pageerror', (e) => pageErrors.push(String(e)));
      await p9.goto(base + '/#/story/' + encodeURIComponent(d.story));
      await p9.waitForSelector('.sentence .sent-text');
      const dirs = await p9.evaluate(() => [document.querySelector('h1.headline'), document.querySelector('.sentence .sent-text')]
        .map((n) => getComputedStyle(n).direction));
      await p9.goto(base + '/#/');
      await p9.waitForSelector('.card');
      const card = await p9.evaluate((id) => { const c = document.querySelector('.card[data-story="' + id + '"] .card-title'); return c ? getComputedStyle(c).direction : 'no card'; }, String(d.story));
      await p9.close();
      assert(dirs[0] === 'rtl' && dirs[1] === 'rtl' && card === 'rtl', 'headline ' + dirs[0] + ', sentence ' + dirs[1] + ', card ' + card);
      return true;
    });

    // Session 25: a view change puts the keyboard focus on the new view's
    // heading, and coming back from a story on the link of its card, the card
    // where it was on the screen (before: on <body>, Tab started over from the
    // page's top and a screen reader said nothing of the new view).
    await check('after a view change the focus is on its heading, back on the story\'s card', async () => {
      const p10 = await ctx.newPage();
      p10.setDefaultTimeout(STEP_MS);
      p10.on('pageerror', (e) => pageErrors.push(String(e)));
      await p10.setViewportSize({ width: 1280, height: 400 });
      await p10.goto(base + '/#/?sort=biggest');
      await p10.waitForSelector('.card .card-title a');
      const focused = () => p10.evaluate(() => {
        const a = document.activeElement, c = a.closest('.card');
        return a.tagName + (a.className ? '.' + a.className : '') + (c ? '@' + c.getAttribute('data-story') : '') + ' ' + a.textContent.trim().slice(0, 40);
      });
      const sid = await p10.locator('.card').nth(1).getAttribute('data-story');
      await p10.evaluate((i) => {
        const c = document.querySelector('.card[data-story="' + i + '"]');
        window.scrollTo(0, c.getBoundingClientRect().top + window.scrollY - 60);
      }, sid);
      const top = await p10.evaluate((i) => document.querySelector('.card[data-story="' + i + '"]').getBoundingClientRect().top, sid);
      await p10.locator('.card').nth(1).locator('.card-title a').focus();
      await p10.keyboard.press('Enter');
      await p10.waitForSelector('h1.headline'); // drawn and focused in one task
      const onStory = await focused();
      await p10.goBack();
      await p10.waitForSelector('.card .card-title a');
      const onList = await focused();
      const topAfter = await p10.evaluate((i) => document.querySelector('.card[data-story="' + i + '"]').getBoundingClientRect().top, sid);
      await p10.locator('.add-link').focus();
      await p10.keyboard.press('Enter');
      await p10.waitForSelector('#add-text');
      const onAdd = await focused();
      await p10.evaluate(() => { location.hash = '#/story/999999999'; });
      await p10.waitForSelector('.error');
      const onError = await focused();
      await p10.close();
      assert(/^H1\.headline/.test(onStory), 'story view: focus on ' + onStory);
      assert(onList.indexOf('A@' + sid + ' ') === 0, 'back on the list: focus on ' + onList + ', want the link of story ' + sid);
      assert(Math.abs(topAfter - top) < 2, 'the card was at ' + top + ' px, back at ' + topAfter);
      assert(onAdd === 'H1.headline Add articles', 'add page: focus on ' + onAdd);
      assert(/^P\.error Could not load: no such story/.test(onError), 'bad story: focus on ' + onError);
      return true;
    });

    // Session 25: a file over the server's body cap (GET /api/version limits,
    // here a server that says 1 MiB) is refused in the page before anything is
    // sent, and said with both sizes (before: 16 MiB went up to be answered 413).
    await check('the add page refuses a file over the server\'s limit before sending it', async () => {
      const p11 = await ctx.newPage();
      p11.setDefaultTimeout(STEP_MS);
      p11.on('pageerror', (e) => pageErrors.push(String(e)));
      const posts = [];
      p11.on('request', (rq) => { if (rq.method() === 'POST') posts.push(rq.url()); });
      await p11.route('**/api/version', async (route) => {
        const v = await (await route.fetch()).json();
        v.limits.body_bytes = 1048576;
        return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(v) });
      });
      await p11.goto(base + '/#/add');
      await p11.waitForFunction(() => /limits: 1 MiB and 1000 articles/.test(document.querySelector('#main .note').textContent));
      await p11.setInputFiles('#add-file', { name: 'harbour-crawl.warc', mimeType: 'application/warc', buffer: Buffer.alloc(1048576 + 1, 0x61) });
      await p11.waitForSelector('#add-result .error');
      const onChoose = norm(await p11.locator('#add-result .error').textContent());
      await p11.click('.add-form button[type=submit]');
      await p11.waitForSelector('#add-result .error');
      const onAdd = norm(await p11.locator('#add-result .error').textContent());
      await p11.waitForTimeout(300);
      await p11.close();
      const want = 'Not sent: harbour-crawl.warc is 1.0 MiB (1,048,577 bytes), over the server\u2019s limit of 1 MiB a request.';
      assert(onChoose.indexOf(want) === 0, 'on choosing: ' + onChoose);
      assert(onAdd.indexOf(want) === 0, 'on Add: ' + onAdd);
      assert(posts.length === 0, 'sent anyway: ' + posts.join(' '));
      return true;
    });

    // Session 25: a 503 with Retry-After (the store locked by another
    // process) is waited out and asked again, the page saying so; the add page
    // sends again (before: "Could not load", "Not added", nothing more).
    await check('a 503 with Retry-After is waited out and said', async () => {
      const p12 = await ctx.newPage();
      p12.setDefaultTimeout(STEP_MS);
      p12.on('pageerror', (e) => pageErrors.push(String(e)));
      const locked = JSON.stringify({ error: { code: 'store_unavailable', message: 'the store is in use by another process (database is locked)' } });
      let lists = 0, posts = 0;
      await p12.route('**/api/stories?*', (route) => {
        if (lists++ === 0) return route.fulfill({ status: 503, contentType: 'application/json', headers: { 'Retry-After': '1' }, body: locked });
        return route.continue();
      });
      await p12.route('**/api/articles', (route) => {
        if (route.request().method() === 'POST' && posts++ === 0) {
          return route.fulfill({ status: 503, contentType: 'application/json', headers: { 'Retry-After': '1' }, body: locked });
        }
        return route.continue();
      });
      await p12.goto(base + '/#/');
      await p12.waitForSelector('#stories .waiting');
      const listSays = norm(await p12.locator('#stories .waiting').textContent());
      await p12.waitForSelector('#stories .card');
      await p12.goto(base + '/#/add');
      await p12.waitForSelector('#add-text');
      await p12.fill('#add-text', 'Quarrow lock gates replaced\n\nThe lock gates on the Quarrow canal were replaced on Tuesday, ' +
        'the canal trust said, after the old oak gates failed an inspection in the spring.\n');
      await p12.click('.add-form button[type=submit]');
      await p12.waitForSelector('#add-result .waiting');
      const addSays = norm(await p12.locator('#add-result .waiting').textContent());
      await p12.waitForSelector('#add-result .added');
      await p12.close();
      assert(listSays === 'Waiting for the store: the store is in use by another process (database is locked). Trying again in 1 second…', 'list: ' + listSays);
      assert(addSays === 'Not added yet: the store is in use by another process (database is locked). Trying again in 1 second…', 'add: ' + addSays);
      assert(lists >= 2 && posts === 2, lists + ' list asks, ' + posts + ' posts');
      return true;
    });

    // Session 25 user pass: "More stories" pressed from the keyboard went
    // away with the focus, which fell to <body>; it goes on to the first story
    // loaded (a list of two pages, answered here by the test).
    await check('"More stories" by keyboard puts the focus on the first new story', async () => {
      const p13 = await ctx.newPage();
      p13.setDefaultTimeout(STEP_MS);
      p13.on('pageerror', (e) => pageErrors.push(String(e)));
      const card = (id, h) => ({ id: id, headline: h, n_sources: 1, sources: [{ id: id, site: 'Ostmere Almanac', date: '2030-05-0' + id.slice(-1) }] });
      await p13.route('**/api/stories?*', (route) => {
        const second = new URL(route.request().url()).searchParams.has('cursor');
        return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(second
          ? { stories: [card('800003', 'Ostmere mill pond drained'), card('800004', 'Ostmere fair moves to June')], next: null }
          : { stories: [card('800001', 'Ostmere ferry timetable'), card('800002', 'Ostmere bell recast')], next: 'c1' }) });
      });
      await p13.goto(base + '/#/');
      await p13.waitForSelector('button.more');
      await p13.locator('button.more').focus();
      await p13.keyboard.press('Enter');
      await p13.waitForFunction(() => document.querySelectorAll('.card').length === 4);
      const at = await p13.evaluate(() => { const c = document.activeElement.closest('.card'); return c ? c.getAttribute('data-story') : document.activeElement.tagName; });
      await p13.close();
      assert(at === '800003', 'the focus is on ' + at);
      return true;
    });

    // Session 25 user pass: a search answers the best 20 stories and 20
    // articles; with a store of a few hundred, "20 stories" read as all there
    // were. A full list is said, with a link to the API's most (100).
    await check('a search with more results than shown says so and offers more', async () => {
      const p14 = await ctx.newPage();
      p14.setDefaultTimeout(STEP_MS);
      p14.on('pageerror', (e) => pageErrors.push(String(e)));
      const asked = [];
      await p14.route('**/api/search?*', (route) => {
        const u = new URL(route.request().url());
        const n = u.searchParams.get('limit') === '100' ? 27 : 20;
        asked.push(u.searchParams.get('limit'));
        const stories = [];
        for (let i = 0; i < n; i++) stories.push({ id: String(810000 + i), headline: 'Ostmere harbour notice ' + i, n_sources: 1 });
        return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ query: 'harbour', stories: stories, articles: [] }) });
      });
      await p14.goto(base + '/#/search?q=harbour');
      await p14.waitForSelector('.results .card');
      const first = norm(await p14.locator('.results').textContent());
      const link = p14.locator('.more-results a');
      assert(await link.count() === 1, 'no link to more results: ' + first.slice(-200));
      await link.click();
      await p14.waitForFunction(() => document.querySelectorAll('.results .card').length === 27);
      const then = norm(await p14.locator('.more-results').count() ? await p14.locator('.more-results').textContent() : '');
      await p14.close();
      assert(/^best 20 stories/.test(first) && /The best 20 of each are shown\. Show up to 100$/.test(first), 'first answer: ' + first.slice(0, 60) + ' ... ' + first.slice(-80));
      assert(then === '', 'after 27 of at most 100: ' + then);
      assert(JSON.stringify(asked) === '[null,"100"]', 'asked ' + JSON.stringify(asked));
      return true;
    });

    // Session 25 user pass: the tab's name (and the history entry's) follows
    // the view; before, a story's headline stayed on the list, search and add
    // views after it.
    await check('the document title follows the view', async () => {
      const p15 = await ctx.newPage();
      p15.setDefaultTimeout(STEP_MS);
      p15.on('pageerror', (e) => pageErrors.push(String(e)));
      await p15.goto(base + '/#/?sort=biggest');
      await p15.waitForSelector('.card .card-title a');
      await p15.locator('.card .card-title a').first().click();
      await p15.waitForSelector('.sentence');
      const story = await p15.title();
      const titles = [];
      for (const h of ['#/', '#/search?q=Velmora', '#/add', '#/?entity=Velmora', '#/story/999999999']) {
        await p15.evaluate((x) => { location.hash = x; }, h);
        await p15.waitForFunction(() => !/Loading|Searching/.test(document.querySelector('#main').textContent));
        titles.push(await p15.title());
      }
      await p15.close();
      assert(/ — precis$/.test(story) && story !== 'Stories — precis', 'story: ' + story);
      assert(JSON.stringify(titles) === JSON.stringify(['Stories — precis', 'Search: Velmora — precis', 'Add articles — precis', 'Stories mentioning Velmora — precis', 'Story not loaded — precis']),
        'titles: ' + JSON.stringify(titles));
      return true;
    });

    // Session 25 user pass: a server started with --token answers a POST
    // without it 401 "needs Authorization: Bearer <token>", the HTTP header's
    // name; the add page says which field to fill in (and that a token typed
    // was refused), the focus on that field. (The 401 is answered here by the
    // test, with the server's own body: the test server has no token.)
    await check('the add page says to fill in the token when the server wants one', async () => {
      const p16 = await ctx.newPage();
      p16.setDefaultTimeout(STEP_MS);
      p16.on('pageerror', (e) => pageErrors.push(String(e)));
      await p16.route('**/api/articles', (route) => route.fulfill({ status: 401, contentType: 'application/json',
        headers: { 'WWW-Authenticate': 'Bearer' },
        body: JSON.stringify({ error: { code: 'unauthorized', message: 'this server needs Authorization: Bearer <token>' } }) }));
      await p16.goto(base + '/#/add');
      await p16.waitForSelector('#add-text');
      await p16.fill('#add-text', 'Ostmere ferry fares frozen\n\nThe Ostmere ferry company froze its fares for a year on Monday, its chairman said.\n');
      const said = [];
      for (const tok of ['', 'wrong-token']) {
        await p16.fill('#add-token', tok);
        await p16.click('.add-form button[type=submit]');
        await p16.waitForSelector('#add-result .error');
        said.push(norm(await p16.locator('#add-result .error').textContent()));
        said.push(await p16.evaluate(() => document.activeElement.id));
      }
      await p16.close();
      assert(JSON.stringify(said) === JSON.stringify(['Not added: this server takes articles only with its token: type it in the Token field.', 'add-token',
        'Not added: the server did not accept this token.', 'add-token']), JSON.stringify(said));
      return true;
    });

    // Session 25 user pass: the story's back link goes to the list it was
    // opened from (here "Biggest") and to its card there; before, always to
    // #/ (Newest), the place lost.
    await check('a story\'s back link returns to the list it was opened from', async () => {
      const p17 = await ctx.newPage();
      p17.setDefaultTimeout(STEP_MS);
      p17.on('pageerror', (e) => pageErrors.push(String(e)));
      await p17.goto(base + '/#/?sort=biggest');
      await p17.waitForSelector('.card .card-title a');
      const sid = await p17.locator('.card').nth(1).getAttribute('data-story');
      await p17.locator('.card').nth(1).locator('.card-title a').click();
      await p17.waitForSelector('h1.headline');
      const label = norm(await p17.locator('.back a').textContent());
      await p17.locator('.back a').click();
      await p17.waitForSelector('.card .card-title a');
      const hash = await p17.evaluate(() => location.hash);
      const at = await p17.evaluate(() => { const c = document.activeElement.closest('.card'); return c ? c.getAttribute('data-story') : document.activeElement.tagName; });
      await p17.goto(base + '/#/search?q=Velmora');
      await p17.waitForSelector('.results .card .card-title a');
      await p17.locator('.results .card .card-title a').first().click();
      await p17.waitForSelector('h1.headline');
      const fromSearch = [norm(await p17.locator('.back a').textContent()), await p17.locator('.back a').getAttribute('href')];
      await p17.close();
      assert(label === '← Back to the stories' && hash === '#/?sort=biggest', 'back link "' + label + '" went to ' + hash);
      assert(at === sid, 'back on the list the focus is on ' + at + ', want story ' + sid);
      assert(fromSearch[0] === '← Back to the search' && fromSearch[1] === '#/search?q=Velmora', 'from a search: ' + JSON.stringify(fromSearch));
      return true;
    });

    await check('readable on a phone (no sideways scrolling)', async () => {
      const p3 = await ctx.newPage();
      await p3.setViewportSize({ width: 390, height: 844 });
      p3.setDefaultTimeout(STEP_MS);
      p3.on('pageerror', (e) => pageErrors.push(String(e)));
      // Session 22: words longer than the screen (title, site, author, an entity
      // filter) wrap: search results were 8,000 px wide, the filter line 460 px.
      const long = (w) => w + w.slice(-1).repeat(400);
      const r = await fetch(base + '/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'long-words-1', site: long('Brackenfoldgazette'), title: long('Brackenfoldwharf'),
          author: long('Ellisandrew'), date: '2024-10-04', url: 'https://wharf.example/' + 'p'.repeat(400),
          text: 'The Brackenfold wharf reopened on Thursday after repairs, the harbour office said. ' + long('Brackenfoldquay') +
            ' was painted on the new sign. Fishermen said the crossing would be busy again by the weekend.' }) });
      assert(r.status === 201 || r.status === 200, 'POST long words: ' + r.status);
      await p3.goto(base + '/#/search?q=Brackenfold');
      await p3.waitForSelector('.results .card, .results .article-list li');
      const wideSearch = await p3.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await p3.goto(base + '/#/?entity=' + encodeURIComponent(long('Brackenfold').slice(0, 190)));
      await p3.waitForSelector('.filter-on');
      const wideFilter = await p3.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(wideSearch <= 0 && wideFilter <= 0, 'search ' + wideSearch + ' px, entity filter ' + wideFilter + ' px wider than the phone');
      // Session 25: the add page's answer naming a long file name wraps (was
      // 819 px wider than a 360 px phone): here the refusal of a file over a
      // limit of 1,000 bytes the server is made to say
      await p3.route('**/api/version', async (route) => {
        const v = await (await route.fetch()).json();
        v.limits.body_bytes = 1000;
        return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(v) });
      });
      await p3.goto(base + '/#/add');
      await p3.waitForFunction(() => /limits: 1000 bytes/.test(document.querySelector('#main .note').textContent));
      await p3.setInputFiles('#add-file', { name: 'brackenfold-harbour-' + 'crawl'.repeat(40) + '.warc', mimeType: 'text/plain', buffer: Buffer.alloc(5000, 0x61) });
      await p3.waitForSelector('#add-result .error');
      const wideAdd = await p3.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(wideAdd <= 0, 'the add page is ' + wideAdd + ' px wider than the phone');
      await p3.unroute('**/api/version');
      await p3.goto(base + '/#/?sort=biggest');
      await p3.waitForSelector('.card .card-title a');
      await p3.locator('.card .card-title a').first().click();
      await p3.waitForSelector('.sentence');
      const wide = await p3.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await p3.locator('.sentence .marker.primary').nth(1).click();
      await p3.waitForSelector('#panel mark.src-sent');
      await p3.screenshot({ path: path.join(out, 'screenshot-phone.png') });
      await p3.close();
      assert(wide <= 0, 'page is ' + wide + 'px wider than the phone');
      return true;
    });

    report('no script errors in the page', pageErrors.length === 0, pageErrors.join('\n'));
    report('no dialog opened (no injected script ran)', dialogs.length === 0, dialogs.join('\n'));
    report('no request left loopback', offsite.length === 0, offsite.join('\n'));
  } finally {
    await ctx.close();
    fs.rmSync(userDir, { recursive: true, force: true });
    if (server) {
      server.kill('SIGTERM');
      await new Promise((r) => { const t = setTimeout(() => { server.kill('SIGKILL'); r(); }, 3000); server.on('exit', () => { clearTimeout(t); r(); }); });
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(() => process.exit(failures ? 1 : 0), (e) => {
  console.log('not ok - browser test ran to the end');
  console.log('#   ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});
