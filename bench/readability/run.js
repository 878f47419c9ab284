// bench/readability/run.js — bench-only peer: Mozilla Readability on jsdom.
// Reads the gzip pages named on the command line, times parse + extraction
// per page, prints one JSON line per page: {"file","ms","text"}.
const fs = require('fs');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');
const vc = new VirtualConsole(); // silence CSS/JS errors of the pages
for (const file of process.argv.slice(2)) {
  let raw = fs.readFileSync(file);
  if (file.endsWith('.gz')) raw = zlib.gunzipSync(raw);
  const t0 = process.hrtime.bigint();
  let text = '';
  try {
    const dom = new JSDOM(raw, { virtualConsole: vc, contentType: 'text/html' });
    const art = new Readability(dom.window.document).parse();
    text = art && art.textContent ? art.textContent : '';
    dom.window.close();
  } catch (e) {
    text = '';
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ file, ms, text }) + '\n');
}
