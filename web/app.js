/* precis web page: story list and story view over the JSON API.
 * No framework. Every piece of data reaches the page through textContent or
 * createTextNode (el() below), never through innerHTML, so article text that
 * contains markup is shown as text. */
'use strict';
(function () {
  var MAX_SHORT = 300;     // headlines, titles, names: longer ones are clipped for display
  var MAX_ENTITIES = 6;    // entities shown on a list card
  var SEARCH_FIRST = 20, SEARCH_MAX = 100; // the API's default and most search results
  var main = document.getElementById('main');
  var panel = document.getElementById('panel');
  var panelTitle = document.getElementById('panel-title');
  var panelBody = document.getElementById('panel-body');
  var articles = new Map(); // id -> Promise of the article object
  var renderSeq = 0;        // a newer navigation makes older fetches drop their result
  // The story or the story list on screen asks the server this often whether
  // it changed (new articles ingested): one request at a time, with the ETag
  // it has, so an unchanged answer costs a 304 without a body; none while the
  // tab is hidden.
  var POLL_MS = 30000;
  // what is on screen: {url, seq, etag, timer, busy, version, redraw(data)};
  // version goes up when the view changes what it shows by itself (the list's
  // "More stories"), so that an answer asked for before is dropped
  var poll = null;

  /* ---- small helpers ---------------------------------------------------- */

  // el('a', {href: x, class: 'c', onclick: f}, 'text', node, ...): strings become text nodes.
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        var v = props[k];
        if (v === undefined || v === null || v === false) return;
        if (k === 'class') node.className = v;
        else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) add(node, arguments[i]);
    return node;
  }
  // A string holding a bidi embedding, override or isolate control (U+202A-E,
  // U+2066-9) goes in a <bdi>: a site named "Gazette\u202E" reversed the
  // date, author or other outlets shown after it on the same line.
  var BIDI = /[\u202a-\u202e\u2066-\u2069]/;
  function add(node, kid) {
    if (kid === undefined || kid === null || kid === false) return;
    if (Array.isArray(kid)) kid.forEach(function (k) { add(node, k); });
    else if (typeof kid === 'object' && kid.nodeType) node.appendChild(kid);
    else {
      var text = document.createTextNode(String(kid));
      if (!BIDI.test(text.data)) { node.appendChild(text); return; }
      var iso = document.createElement('bdi');
      iso.appendChild(text);
      node.appendChild(iso);
    }
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function str(v) { return typeof v === 'string' ? v : (v === undefined || v === null ? '' : String(v)); }
  function clip(v, n) {
    var s = str(v);
    n = n || MAX_SHORT;
    return s.length > n ? s.slice(0, n) + '…' : s;
  }
  function arr(v) { return Array.isArray(v) ? v : []; }
  // [a, sep, b, sep, c] without the empty ones: each value its own text node (see add())
  function joined(values, sep) {
    var out = [];
    values.forEach(function (v) { if (v) { if (out.length) out.push(sep); out.push(v); } });
    return out;
  }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }
  // 16777216 -> "16 MiB", 20971520 -> "20 MiB", 1536 -> "1.5 KiB"
  function size(n) {
    var units = ['bytes', 'KiB', 'MiB', 'GiB'], i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i && n < 100 && n !== Math.floor(n) ? n.toFixed(1) : String(Math.round(n))) + ' ' + units[i];
  }

  // Only http(s) links are followed; anything else (javascript:, data:) is shown as text.
  function safeUrl(u) {
    try {
      var url = new URL(str(u));
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) { return null; }
  }

  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function fmtDate(iso) {
    var s = str(iso);
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ](\d{2}):(\d{2}))?/.exec(s);
    if (!m) return clip(s, 40);
    var out = m[1];
    var mon = m[2] ? MONTHS[parseInt(m[2], 10) - 1] : null;
    if (mon) out = mon + ' ' + out;
    if (mon && m[3]) out = parseInt(m[3], 10) + ' ' + out;
    if (m[4]) out += ', ' + m[4] + ':' + m[5];
    return out;
  }
  function dateRange(dates) {
    var ds = dates.filter(function (d) { return typeof d === 'string' && /^\d{4}/.test(d); }).sort();
    if (!ds.length) return '';
    var a = fmtDate(ds[0]), b = fmtDate(ds[ds.length - 1]);
    return a === b ? a : a + ' – ' + b;
  }

  // An outlet's name: its site, else the link's host, else nothing.
  function outletName(a) {
    if (!a) return '';
    if (a.site) return str(a.site);
    var u = safeUrl(a.url);
    return u ? new URL(u).hostname.replace(/^www\./, '') : '';
  }

  // How a source is named: outlet, else title, else its id ("Article 12").
  function sourceLabel(a) {
    if (!a) return '';
    return outletName(a) || str(a.title) || ('Article ' + str(a.id));
  }

  // fetch() rejects with the browser's own words ("Failed to fetch") when no
  // answer came: said plainly instead.
  function noAnswer() { return new Error('the server did not answer (is precis serve still running?)'); }
  // A 503 with Retry-After (the store locked by another process, the server
  // busy: session 25) is a wait, not a failure: asked again after that many
  // seconds, doubled each time up to a minute, RETRY_TRIES times at most.
  var RETRY_TRIES = 6;
  function retryAfter(r, tries) {
    var secs = parseInt(r.headers.get('Retry-After'), 10);
    if (r.status !== 503 || !(secs >= 0) || tries >= RETRY_TRIES) return null;
    return Math.min(60, Math.max(1, secs) * Math.pow(2, tries));
  }
  function sleep(secs) { return new Promise(function (res) { setTimeout(res, secs * 1000); }); }
  function errorOf(r, data) {
    return str(data && data.error && data.error.message ? data.error.message : r.status + ' ' + r.statusText);
  }
  // What a view shows while it waits: why, and when it asks again.
  function waitNote(box, what) {
    return function (msg, secs) {
      clear(box);
      box.appendChild(el('p', { class: 'note waiting', role: 'status' }, what, ': ', msg.replace(/[.;]?$/, '.'),
        ' Trying again in ' + plural(secs, 'second', 'seconds') + '…'));
    };
  }
  // meta (optional) gets the answer's ETag; wait(msg, secs) (optional) is told
  // of each 503 waited out, and the view's navigation (renderSeq) ends the waiting.
  function api(path, meta, wait) {
    var seq = renderSeq, tries = 0;
    function ask() {
      return fetch(path, { headers: { 'Accept': 'application/json' } }).catch(function () { throw noAnswer(); }).then(function (r) {
        if (meta) meta.etag = r.headers.get('ETag');
        return r.text().then(function (body) {
          var data = null;
          try { data = body ? JSON.parse(body) : null; } catch (e) { data = null; }
          if (!r.ok) {
            var secs = wait ? retryAfter(r, tries) : null;
            if (secs === null || seq !== renderSeq) throw new Error(errorOf(r, data));
            tries++;
            wait(errorOf(r, data), secs);
            return sleep(secs).then(function () {
              if (seq !== renderSeq) throw new Error('left the view');
              return ask();
            });
          }
          if (data === null) throw new Error('the server sent no JSON for ' + path);
          return data;
        });
      });
    }
    return ask();
  }
  function getArticle(id) {
    if (!articles.has(id)) {
      var p = api('/api/articles/' + encodeURIComponent(id));
      p.catch(function () { articles.delete(id); });
      articles.set(id, p);
    }
    return articles.get(id);
  }

  function show(nodes) {
    clear(main);
    add(main, nodes);
  }
  function errorBox(e) { return el('p', { class: 'error', role: 'alert' }, 'Could not load: ', str(e && e.message)); }

  /* ---- routing: #/ (list), #/?sort=&entity=, #/search?q=, #/story/ID ---- */

  function parseHash() {
    var h = location.hash.replace(/^#/, '') || '/';
    var qi = h.indexOf('?');
    var path = qi < 0 ? h : h.slice(0, qi);
    var params = new URLSearchParams(qi < 0 ? '' : h.slice(qi + 1));
    var m = /^\/story\/(.+)$/.exec(path);
    if (m) {
      var id;
      try { id = decodeURIComponent(m[1]); } catch (e) { id = m[1]; }
      return { view: 'story', id: id };
    }
    if (path === '/search') return { view: 'search', q: params.get('q') || '', all: params.get('limit') === String(SEARCH_MAX) };
    if (path === '/add') return { view: 'add' };
    return { view: 'list', sort: params.get('sort') === 'biggest' ? 'biggest' : 'newest', entity: params.get('entity') || '' };
  }
  function listHash(sort, entity) {
    var p = new URLSearchParams();
    if (sort && sort !== 'newest') p.set('sort', sort);
    if (entity) p.set('entity', entity);
    var s = p.toString();
    return '#/' + (s ? '?' + s : '');
  }
  function storyHash(id) { return '#/story/' + encodeURIComponent(str(id)); }

  /* Where the keyboard focus goes when the view changes (session 25; before,
   * it fell to <body>: a screen reader said nothing of the new view, and Tab
   * went on from the page's top). Back on a list or search from a story, to
   * the link of that story's card, the card at the height it had; else to the
   * new view's heading once it is drawn. Not on the page's first load. */
  var shown = null;  // the route on screen
  var cameFrom = null; // {story, hash, top}: the card the story on screen was opened from
  function focusTo(node, seq) {
    if (!node || seq !== renderSeq || !shown || !shown.moved) return;
    if (!node.matches('a[href], button, input, textarea, select')) node.setAttribute('tabindex', '-1');
    node.focus({ preventScroll: true });
  }
  // The list or search just drawn: the card of the story the reader came back
  // from, if it is there, else the heading.
  function focusList(container, heading, seq) {
    var back = cameFrom && cameFrom.hash === (location.hash || '#/') ? cameFrom : null;
    var card = back && container.querySelector('.card[data-story="' + CSS.escape(back.story) + '"]');
    if (card) {
      window.scrollBy(0, card.getBoundingClientRect().top - back.top);
      focusTo(card.querySelector('.card-title a'), seq);
    } else {
      focusTo(heading, seq);
    }
  }
  function route() {
    var r = parseHash();
    var seq = ++renderSeq;
    // leaving a list or search for a story shown on it: remember its card
    var card = shown && shown.view !== 'story' && r.view === 'story' &&
      main.querySelector('.card[data-story="' + CSS.escape(r.id) + '"]');
    var fromStory = shown && shown.view === 'story';
    if (card) cameFrom = { story: r.id, hash: shown.hash, top: card.getBoundingClientRect().top };
    else if (!fromStory) cameFrom = null;
    r.moved = shown !== null;
    r.hash = location.hash || '#/';
    shown = r;
    stopPoll();
    poll = null;
    hideTip();
    closePanel();
    document.getElementById('q').value = r.view === 'search' ? r.q : '';
    // the tab's (and the history entry's) name: the view's own; a story's
    // headline once it is in (session 25: before, a story's stayed on the list)
    document.title = (r.view === 'story' ? 'Story' : r.view === 'search' ? 'Search: ' + clip(r.q, 80)
      : r.view === 'add' ? 'Add articles' : r.entity ? 'Stories mentioning ' + clip(r.entity, 80) : 'Stories') + ' — precis';
    if (r.view === 'story') renderStory(r.id, seq);
    else if (r.view === 'search') renderSearch(r.q, r.all, seq);
    else if (r.view === 'add') renderAdd(seq);
    else renderList(r.sort, r.entity, seq);
    window.scrollTo(0, 0);
  }

  /* ---- story list --------------------------------------------------------- */

  function storyDates(s) {
    var ds = arr(s.sources).map(function (a) { return a && a.date; });
    ['first_date', 'last_date'].forEach(function (k) { if (typeof s[k] === 'string') ds.push(s[k]); });
    return dateRange(ds);
  }
  function sourceCount(s) {
    if (typeof s.n_sources === 'number') return s.n_sources;
    if (typeof s.size === 'number') return s.size;
    return arr(s.sources).length;
  }
  function entityChip(e) {
    var name = str(e && e.name);
    return el('a', { class: 'chip', href: listHash('newest', name), title: 'Stories about ' + clip(name, 80) },
      clip(name, 60));
  }

  function storyCard(s) {
    var n = sourceCount(s);
    var outlets = [];
    arr(s.sources).forEach(function (a) {
      var o = outletName(a);
      if (o && outlets.indexOf(o) < 0) outlets.push(o);
    });
    var sents = arr(s.summary && s.summary.sentences);
    var lede = sents.length ? sents[0].text : (s.summary && s.summary.summary) || s.snippet;
    var ents = arr(s.entities).slice(0, MAX_ENTITIES);
    return el('article', { class: 'card', 'data-story': str(s.id) },
      el('h2', { class: 'card-title', dir: 'auto' }, el('a', { href: storyHash(s.id) }, clip(s.headline || s.id) || 'Untitled story')),
      el('p', { class: 'meta' },
        el('span', { class: 'count' }, plural(n, 'source', 'sources')),
        storyDates(s) ? [' · ', el('span', { class: 'dates' }, storyDates(s))] : null,
        outlets.length ? [' · ', joined(outlets.slice(0, 3).map(function (o) { return clip(o, 40); }), ', '),
          outlets.length > 3 ? ', …' : ''] : null),
      lede ? el('p', { class: 'lede', dir: 'auto' }, clip(lede, 360)) : null,
      ents.length ? el('div', { class: 'chips' }, ents.map(entityChip)) : null);
  }

  function renderList(sort, entity, seq) {
    var sortNav = el('nav', { class: 'sort', 'aria-label': 'Sort stories' },
      el('span', { class: 'label' }, 'Sort'),
      ['newest', 'biggest'].map(function (k) {
        return el('a', { class: 'tab' + (k === sort ? ' on' : ''), href: listHash(k, entity),
          'aria-current': k === sort ? 'true' : null }, k === 'newest' ? 'Newest' : 'Biggest');
      }));
    var entInput = el('input', { id: 'entity', type: 'text', placeholder: 'Filter by entity (person, place, organisation)', maxlength: 200 });
    entInput.value = entity;
    var entForm = el('form', { class: 'entity-filter', onsubmit: function (ev) {
      ev.preventDefault();
      location.hash = listHash(sort, entInput.value.trim());
    } }, el('label', { class: 'sr', for: 'entity' }, 'Entity filter'), entInput,
      el('button', { type: 'submit' }, 'Filter'));
    var active = entity ? el('p', { class: 'filter-on' }, 'Stories mentioning ', el('strong', null, clip(entity, 80)),
      ' ', el('a', { href: listHash(sort, '') }, 'clear filter')) : null;
    var list = el('div', { id: 'stories', class: 'stories' }, el('p', { class: 'note' }, 'Loading stories…'));
    var status = el('p', { class: 'updated list-updated', role: 'status' });
    var heading = el('h1', { class: 'sr' }, entity ? 'Stories mentioning ' + clip(entity, 80) : sort === 'biggest' ? 'Biggest stories' : 'Newest stories');
    show([heading, el('div', { class: 'controls' }, sortNav, entForm), active, status, list]);

    // What the list shows: the first page and those "More stories" added,
    // and the cursor after them. The poll asks for all of it at once (limit =
    // the number shown, up to the API's 100), so that a story ingested
    // meanwhile shows in its place without losing the ones below.
    var shown = { stories: [], next: null };
    function query(cursor, limit) {
      var q = new URLSearchParams({ sort: sort });
      if (entity) q.set('entity', entity);
      if (limit) q.set('limit', String(limit));
      if (cursor !== undefined && cursor !== null) q.set('cursor', str(cursor));
      return '/api/stories?' + q.toString();
    }
    function pollUrl() { return query(null, Math.min(100, Math.max(20, shown.stories.length))); }
    function hasNext(d) { return d.next !== undefined && d.next !== null && d.next !== ''; }
    function moreButton() {
      var old = main.querySelector('.more');
      if (old) old.parentNode.removeChild(old);
      if (!hasNext(shown) || !shown.stories.length) return;
      var btn = el('button', { class: 'more', type: 'button', onclick: function () {
        // the button goes when the stories are in: the focus it had goes on to
        // the first new story (session 25; before, it fell to <body>)
        var had = document.activeElement === btn;
        var lost = function () { return had && (document.activeElement === btn || !main.contains(document.activeElement)); };
        btn.disabled = true;
        btn.textContent = 'Loading…';
        var version = poll && poll.version;
        api(query(shown.next)).then(function (d) {
          if (seq !== renderSeq || (poll && poll.version !== version)) return; // redrawn meanwhile: its own button
          var ids = new Set(shown.stories.map(function (s) { return str(s.id); }));
          var more = arr(d.stories).filter(function (s) { return !ids.has(str(s.id)); });
          shown.stories = shown.stories.concat(more);
          shown.next = hasNext(d) && arr(d.stories).length ? d.next : null;
          var cards = more.map(function (s) { return list.appendChild(storyCard(s)); });
          if (poll) { poll.version++; poll.url = pollUrl(); poll.etag = null; }
          var refocus = lost();
          moreButton();
          var next = cards.length ? cards[0].querySelector('.card-title a') : main.querySelector('.more');
          if (refocus && next) next.focus();
        }).catch(function (e) {
          var refocus = lost(), box = errorBox(e);
          btn.replaceWith(box);
          if (refocus) { box.setAttribute('tabindex', '-1'); box.focus(); }
        });
      } }, 'More stories');
      list.after(btn);
    }
    function draw() {
      clear(list);
      if (!shown.stories.length) {
        list.appendChild(el('p', { class: 'note' }, entity ? 'No story mentions this entity.' :
          ['No stories yet. ', el('a', { href: '#/add' }, 'Add articles'), ', or use `precis ingest --db FILE INPUT…`.']));
      }
      shown.stories.forEach(function (s) { list.appendChild(storyCard(s)); });
      moreButton();
    }
    // A poll's answer: the same stories (a "More stories" changed the limit
    // only) draw nothing; else the list is drawn again where the reader was
    // (the card at the top of the screen stays there, the focus on its control)
    // and the status line says how many stories are new.
    function redraw(d) {
      var stories = arr(d.stories);
      var next = hasNext(d) ? d.next : null;
      var asked = Math.min(100, shown.stories.length);
      if (stories.length === asked && JSON.stringify(stories) === JSON.stringify(shown.stories.slice(0, asked)) &&
          (shown.stories.length > 100 || str(next) === str(shown.next))) return;
      var before = new Set(shown.stories.map(function (s) { return str(s.id); }));
      var ids = new Set(stories.map(function (s) { return str(s.id); }));
      // past the 100 asked for, the stories loaded stay (those not moved up)
      var rest = shown.stories.length > 100 ? shown.stories.slice(100).filter(function (s) { return !ids.has(str(s.id)); }) : [];
      var fresh = stories.filter(function (s) { return !before.has(str(s.id)); }).length;
      // the card kept in place: the focused one when on screen, else the
      // first on screen (in two columns a story coming in moves the others
      // across, so the one being read is the one to hold)
      var anchor = null, top = 0;
      if (window.scrollY > 0) { // at the very top the new stories are meant to be seen
        var inView = function (c) { var r = c.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; };
        var cur = document.activeElement && document.activeElement.closest && document.activeElement.closest('.card');
        var cards = Array.prototype.slice.call(list.querySelectorAll('.card'));
        var card = cur && list.contains(cur) && inView(cur) ? cur : cards.filter(inView)[0];
        if (card) { anchor = card.getAttribute('data-story'); top = card.getBoundingClientRect().top; }
      }
      shown.stories = stories.concat(rest);
      shown.next = rest.length ? shown.next : next;
      status.textContent = 'Updated just now' + (fresh ? ' · ' + plural(fresh, 'new story', 'new stories') : '') + '.';
      keepFocus(draw);
      if (anchor !== null) {
        var again = list.querySelector('.card[data-story="' + CSS.escape(anchor) + '"]');
        if (again) window.scrollBy(0, again.getBoundingClientRect().top - top);
      }
    }
    var meta = {};
    api(query(null), meta, waitNote(list, 'Waiting for the store')).then(function (d) {
      if (seq !== renderSeq) return;
      shown.stories = arr(d.stories);
      shown.next = hasNext(d) && shown.stories.length ? d.next : null;
      draw();
      focusList(list, heading, seq);
      startPoll(pollUrl(), seq, meta.etag, redraw); // the same JSON as the first page: the same ETag
    }).catch(function (e) { if (seq === renderSeq) { clear(list); list.appendChild(errorBox(e)); focusTo(heading, seq); } });
  }

  /* ---- search -------------------------------------------------------------- */

  /* ---- adding articles: POST /api/articles ------------------------------ */

  // The body goes as it is: the server tells a page, text, JSON (Lines), a
  // feed or a WARC (gzip too) by its bytes, whatever the type says.
  function renderAdd(seq) {
    var text = el('textarea', { id: 'add-text', rows: 10, placeholder: 'Paste an article (text or a page\u2019s HTML)' });
    var file = el('input', { id: 'add-file', type: 'file' });
    var url = el('input', { id: 'add-url', type: 'url', placeholder: 'https://\u2026 (optional: where the article is from)', maxlength: 8000 });
    var token = el('input', { id: 'add-token', type: 'password', placeholder: 'only if the server has a token', autocomplete: 'off' });
    var result = el('div', { id: 'add-result', class: 'add-result', 'aria-live': 'polite' });
    var button = el('button', { type: 'submit' }, 'Add');
    var form = el('form', { class: 'add-form', onsubmit: function (ev) {
      ev.preventDefault();
      var f = file.files && file.files[0];
      if (!f && !text.value.trim()) {
        clear(result);
        result.appendChild(el('p', { class: 'error', role: 'alert' }, 'Paste an article or choose a file first.'));
        return;
      }
      var body = f || text.value;
      var over = tooBig(f ? f.size : new Blob([body]).size, f ? f.name : null);
      if (over) { clear(result); result.appendChild(over); return; }
      var headers = { 'Accept': 'application/json',
        'Content-Type': f ? (f.type || 'application/octet-stream') : 'text/plain; charset=utf-8' };
      if (token.value) headers['Authorization'] = 'Bearer ' + token.value;
      var q = url.value.trim() ? '?url=' + encodeURIComponent(url.value.trim()) : '';
      button.disabled = true;
      clear(result);
      result.appendChild(el('p', { class: 'note' }, 'Adding\u2026'));
      var tries = 0;
      // A 503 with Retry-After (the store locked by another process) is sent
      // again after the wait, the page saying so: nothing was stored, and an
      // article sent twice is a duplicate anyway (docs/api.md).
      var send = function () {
        return fetch('/api/articles' + q, { method: 'POST', headers: headers, body: body }).catch(function () { throw noAnswer(); });
      };
      var answer = function (r) {
        return r.text().then(function (text) {
          var d = null;
          try { d = JSON.parse(text); } catch (e) { d = null; }
          if (seq !== renderSeq) return;
          var secs = retryAfter(r, tries);
          if (secs !== null) {
            tries++;
            waitNote(result, 'Not added yet')(errorOf(r, d), secs);
            return sleep(secs).then(function () { if (seq === renderSeq) return send().then(answer); });
          }
          clear(result);
          if (!r.ok || !d) {
            // a 401 in the page's words: the server's names the HTTP header
            // ("needs Authorization: Bearer <token>"), not the field to fill in
            var why = r.status === 401 ? (token.value ? 'the server did not accept this token.' :
              'this server takes articles only with its token: type it in the Token field.') : clip(errorOf(r, d), 600);
            result.appendChild(el('p', { class: 'error', role: 'alert' }, 'Not added: ', why));
            if (r.status === 401) token.focus();
            return;
          }
          var items = Array.isArray(d.articles) ? d.articles : [d];
          var stories = [];
          items.forEach(function (a) { if (a && a.story && stories.indexOf(str(a.story)) < 0) stories.push(str(a.story)); });
          var added = typeof d.added === 'number' ? d.added : (d.duplicate ? 0 : 1);
          result.appendChild(el('p', { class: 'added' },
            'Read as ', el('strong', null, str(d.detected) + (d.gzip ? ' (gzip)' : '')), ': ',
            plural(added, 'article', 'articles') + ' added',
            items.length > added ? ', ' + (items.length - added) + ' already there' : '', '.'));
          result.appendChild(el('ul', { class: 'add-stories' }, stories.slice(0, 50).map(function (id, i) {
            var link = el('a', { href: storyHash(id) }, 'Story ' + id);
            if (i < 10) { // the headline in place of the number (a story rebuilt in the background keeps the number)
              api('/api/stories/' + encodeURIComponent(id)).then(function (st) {
                if (st && st.headline) link.textContent = clip(st.headline);
              }).catch(function () {});
            }
            return el('li', null, link);
          })));
          arr(d.warnings).forEach(function (w) { result.appendChild(el('p', { class: 'hint' }, clip(w, 300))); });
        });
      };
      send().then(answer).catch(function (e) {
        if (seq === renderSeq) {
          clear(result);
          result.appendChild(el('p', { class: 'error', role: 'alert' }, 'Not added: ', clip(str(e && e.message), 600)));
        }
      }).then(function () { button.disabled = false; });
    } },
      el('label', { for: 'add-text' }, 'Article'), text,
      el('label', { for: 'add-file' }, 'or a file (page, text, JSON Lines, feed, WARC, .gz)'), file,
      el('label', { for: 'add-url' }, 'Address'), url,
      el('label', { for: 'add-token' }, 'Token'), token,
      button);
    // The server's caps (GET /api/version): a body past them is said here,
    // before it is sent (session 25; before, a 40 MB file went up whole to be
    // answered 413). The figures below until the answer is in.
    var limits = { body_bytes: 16 * 1048576, articles_per_post: 1000 };
    var limitNote = el('p', { class: 'note' });
    var sayLimits = function () {
      limitNote.textContent = 'Each article joins the story it belongs to (or starts one); limits: ' +
        size(limits.body_bytes) + ' and ' + limits.articles_per_post + ' articles per request.';
    };
    var tooBig = function (n, name) {
      if (!(n > limits.body_bytes)) return null;
      return el('p', { class: 'error', role: 'alert' }, 'Not sent: ', name ? clip(name, 120) : 'the pasted text', ' is ' + size(n) + ' (' + n.toLocaleString('en') + ' bytes)' +
        ', over the server\u2019s limit of ' + size(limits.body_bytes) + ' a request. Split it into smaller files (a .gz file ' +
        'is measured compressed), or add it on the server with `precis ingest`.');
    };
    file.addEventListener('change', function () {
      var f = file.files && file.files[0];
      clear(result);
      var over = f ? tooBig(f.size, f.name) : null;
      if (over) result.appendChild(over);
    });
    sayLimits();
    api('/api/version').then(function (v) {
      var l = v && v.limits;
      if (!l || typeof l.body_bytes !== 'number') return;
      limits = { body_bytes: l.body_bytes, articles_per_post: typeof l.articles_per_post === 'number' ? l.articles_per_post : limits.articles_per_post };
      sayLimits();
    }).catch(function () {});
    var heading = el('h1', { class: 'headline' }, 'Add articles');
    show([heading, limitNote, form, result]);
    focusTo(heading, seq);
  }

  // A search answers the best SEARCH_FIRST stories and articles; when one
  // list is full the page says so and offers the API's most, SEARCH_MAX
  // (session 25: before, "20 stories" read as all there were).
  function renderSearch(q, all, seq) {
    var limit = all ? SEARCH_MAX : SEARCH_FIRST;
    var box = el('div', { class: 'results' }, el('p', { class: 'note' }, 'Searching…'));
    var heading = el('h1', { class: 'page-title' }, 'Search: ', clip(q, 120));
    show([el('p', { class: 'back' }, el('a', { href: '#/' }, '← All stories')), heading, box]);
    if (!q.trim()) { clear(box); box.appendChild(el('p', { class: 'note' }, 'Type words to search for.')); focusTo(heading, seq); return; }
    api('/api/search?q=' + encodeURIComponent(q) + (all ? '&limit=' + SEARCH_MAX : ''), null, waitNote(box, 'Waiting for the store')).then(function (d) {
      if (seq !== renderSeq) return;
      clear(box);
      var stories = arr(d.stories), arts = arr(d.articles);
      if (!stories.length && !arts.length && Array.isArray(d.results)) {
        d.results.forEach(function (x) { (x && x.headline !== undefined ? stories : arts).push(x); });
      }
      if (!stories.length && !arts.length) { box.appendChild(el('p', { class: 'note' }, 'Nothing matches.')); focusTo(heading, seq); return; }
      if (stories.length) {
        box.appendChild(el('h2', { class: 'section' }, (stories.length >= limit ? 'best ' : '') + plural(stories.length, 'story', 'stories')));
        stories.forEach(function (s) { box.appendChild(storyCard(s)); });
      }
      if (arts.length) {
        box.appendChild(el('h2', { class: 'section' }, (arts.length >= limit ? 'best ' : '') + plural(arts.length, 'article', 'articles')));
        box.appendChild(el('ul', { class: 'article-list' }, arts.map(function (a) {
          var story = a.story !== undefined && a.story !== null ? a.story : null;
          return el('li', null,
            el('button', { class: 'linkish', type: 'button', onclick: function () { openArticle(a.id, null, null, a); } },
              clip(a.title || a.id)),
            el('span', { class: 'meta' }, ' ', joined([a.site ? clip(a.site, 80) : null, a.date ? fmtDate(a.date) : null], ' · ')),
            a.snippet ? el('div', { class: 'snippet', dir: 'auto' }, clip(a.snippet, 300)) : null,
            story !== null ? el('a', { class: 'to-story', href: storyHash(story) }, 'story →') : null);
        })));
      }
      if (stories.length >= limit || arts.length >= limit) {
        box.appendChild(el('p', { class: 'note more-results' }, all
          ? 'Only the best ' + SEARCH_MAX + ' of each are shown: add words to narrow the search.'
          : ['The best ' + SEARCH_FIRST + ' of each are shown. ',
            el('a', { href: '#/search?q=' + encodeURIComponent(q) + '&limit=' + SEARCH_MAX }, 'Show up to ' + SEARCH_MAX)]));
      }
      focusList(box, heading, seq);
    }).catch(function (e) { if (seq === renderSeq) { clear(box); box.appendChild(errorBox(e)); focusTo(heading, seq); } });
  }

  /* ---- story view ---------------------------------------------------------- */

  // A story's way back: to the list or search it was opened from (its sort,
  // filter or words, and there to its card), else to all stories (session 25:
  // before, always #/, so a story opened from "Biggest" went back to "Newest").
  function storyBack(id) {
    var from = cameFrom && cameFrom.story === str(id) ? cameFrom.hash : null;
    var label = !from || from === '#/' ? '← All stories' : /^#\/search/.test(from) ? '← Back to the search' : '← Back to the stories';
    return el('p', { class: 'back' }, el('a', { href: from || '#/' }, label));
  }
  function renderStory(id, seq) {
    var loading = el('div', null, el('p', { class: 'note' }, 'Loading story…'));
    show([storyBack(id), loading]);
    var meta = {};
    api('/api/stories/' + encodeURIComponent(id), meta, waitNote(loading, 'Waiting for the store')).then(function (s) {
      if (seq !== renderSeq) return;
      show(storyView(s));
      focusTo(main.querySelector('h1.headline'), seq);
      document.title = clip(s.headline || 'Story', 80) + ' — precis';
      startPoll('/api/stories/' + encodeURIComponent(id), seq, meta.etag, redrawStory);
    }).catch(function (e) {
      if (seq !== renderSeq) return;
      var box = errorBox(e);
      document.title = 'Story not loaded — precis';
      show([storyBack(id), box]);
      focusTo(box, seq);
    });
  }

  /* ---- refresh: the view on screen asks again every POLL_MS ------------- */

  function startPoll(url, seq, etag, redraw) {
    poll = { url: url, seq: seq, etag: etag, timer: null, busy: false, version: 0, redraw: redraw };
    schedulePoll();
  }
  function stopPoll() {
    if (poll && poll.timer) clearTimeout(poll.timer);
    if (poll) poll.timer = null;
  }
  function schedulePoll() {
    stopPoll();
    if (poll && !document.hidden) poll.timer = setTimeout(checkPoll, POLL_MS);
  }
  // Asks once whether what is on screen changed and redraws it if so. A
  // failed ask (server restarting, story gone) keeps what is shown; the next
  // one tries again.
  function checkPoll() {
    var p = poll;
    if (!p || p.seq !== renderSeq || p.busy) return;
    stopPoll(); // one timer at most: asked now, the next is set when this answer is in
    p.busy = true;
    var version = p.version;
    var headers = { 'Accept': 'application/json' };
    if (p.etag) headers['If-None-Match'] = p.etag;
    fetch(p.url, { headers: headers, cache: 'no-store' }).then(function (r) {
      if (p !== poll || r.status === 304 || !r.ok) return null;
      return r.json().then(function (d) {
        if (p !== poll || p.version !== version) return; // asked for what is no longer shown
        p.etag = r.headers.get('ETag');
        p.redraw(d);
      });
    }).catch(function () {}).then(function () {
      p.busy = false;
      if (p === poll) schedulePoll();
    });
  }
  // Runs draw(), which replaces the view's nodes, and puts a keyboard user
  // back where they were: the focused control, and the one that opened the
  // source panel, are found again by what they are (tag, link, label, text,
  // and which of such) or else by their position among the view's links and
  // buttons (before session 23, a redraw dropped the focus to the page's start).
  function keepFocus(draw) {
    var controls = function () { return Array.prototype.slice.call(main.querySelectorAll('a, button')); };
    var key = function (n) { return [n.tagName, n.getAttribute('href'), n.getAttribute('aria-label'), n.textContent].join('\u0001'); };
    var old = controls();
    var where = function (node) {
      var i = old.indexOf(node);
      if (i < 0) return null;
      var k = key(node);
      return { i: i, k: k, nth: old.slice(0, i).filter(function (x) { return key(x) === k; }).length };
    };
    var focused = where(document.activeElement), opened = where(opener);
    hideTip();
    draw();
    var now = controls();
    var find = function (w) {
      if (!w) return null;
      var same = now.filter(function (x) { return key(x) === w.k; });
      return same[w.nth] || same[0] || now[w.i] || null;
    };
    if (opened) opener = find(opened);
    var f = find(focused);
    if (f) {
      returning = true; // no tooltip popping up for a focus the reader did not move
      f.focus({ preventScroll: true });
      returning = false;
    }
  }
  // The new story in place of the old, where the reader was; the source
  // panel, if open, stays (it shows an article, which does not change).
  function redrawStory(s) {
    var y = window.scrollY;
    keepFocus(function () { show(storyView(s)); });
    var meta = main.querySelector('.meta');
    if (meta) meta.appendChild(el('span', { class: 'updated', role: 'status' }, ' · updated just now'));
    document.title = clip(s.headline || 'Story', 80) + ' — precis';
    window.scrollTo(0, y);
  }
  document.addEventListener('visibilitychange', function () {
    if (!poll) return;
    if (document.hidden) stopPoll();
    else checkPoll(); // back on the tab: ask now, then every POLL_MS again
  });

  // Why a story shows no summary sentences: the builder's note (a budget
  // smaller than every sentence, docs/api.md), the summary text alone, or no
  // usable sentence at all ("summary": null). Before, "No summary." for all.
  function noSummary(sum) {
    if (sum && sum.note) { var n = str(sum.note); return n.charAt(0).toUpperCase() + n.slice(1) + (/[.!?]$/.test(n) ? '' : '.'); }
    if (sum && sum.summary) return str(sum.summary);
    return 'No summary: the sources have no sentence the summarizer could use.';
  }
  function storyView(s) {
    var sources = arr(s.sources);
    var num = new Map(); // doc id -> marker number (1-based, order of sources)
    sources.forEach(function (a, i) { if (a) num.set(str(a.id), i + 1); });
    var srcOf = function (docId) { return sources[num.get(str(docId)) - 1] || null; };

    function marker(docId, span, quote, cls) {
      var n = num.get(str(docId));
      var a = srcOf(docId);
      var label = n ? '[' + n + ']' : '[?]';
      var tip = a ? clip([sourceLabel(a), a.date ? fmtDate(a.date) : ''].filter(Boolean).join(' · '), 120) : 'source not listed';
      return el('button', { class: 'marker' + (cls ? ' ' + cls : ''), type: 'button', title: tip,
        'aria-label': 'Source ' + (n || '?') + ': ' + tip, 'data-doc': str(docId),
        onmouseenter: function (ev) { if (n) showTip(ev.currentTarget, str(docId), span, quote, a, n, ev); },
        onmouseleave: hideTip,
        onfocus: function (ev) { if (n && !returning) showTip(ev.currentTarget, str(docId), span, quote, a, n); },
        onblur: hideTip,
        onclick: function (ev) {
          hideTip();
          markActive(ev.currentTarget);
          openArticle(str(docId), span, quote, a, n);
        } }, label);
    }

    var sents = arr(s.summary && s.summary.sentences);
    var summary = el('section', { class: 'block summary', 'aria-label': 'Summary' },
      el('h2', { class: 'section' }, 'Summary'),
      sents.length ? el('ol', { class: 'sentences' }, sents.map(function (x) {
        var also = arr(x.also_in).filter(function (d) { return str(d) !== str(x.doc); });
        return el('li', { class: 'sentence' },
          el('span', { class: 'sent-text', dir: 'auto' }, str(x.text)), ' ',
          marker(x.doc, { start: x.start, end: x.end }, x.text, 'primary'),
          also.map(function (d) { return marker(d, null, x.text, 'also'); }),
          el('span', { class: 'corr' + (also.length ? '' : ' single') },
            also.length ? 'corroborated by ' + plural(also.length, 'other source', 'other sources') : 'one source only'));
      })) : el('p', { class: 'note', dir: 'auto' }, noSummary(s.summary)));

    var tl = arr(s.timeline);
    var timeline = el('section', { class: 'block timeline-block', 'aria-label': 'Timeline' },
      el('h2', { class: 'section' }, 'Timeline'),
      tl.length ? el('ol', { class: 'timeline' }, tl.map(function (t) {
        var docs = arr(t.sources).length ? arr(t.sources) : (t.doc !== undefined && t.doc !== null ? [t.doc] : []);
        // "when" is the phrase the date was read from ("on Saturday"): shown when it is not the date itself
        var when = t.when && t.relative ? str(t.when) : '';
        return el('li', null,
          el('time', { datetime: /^\d{4}/.test(str(t.date)) ? str(t.date) : null }, t.date ? fmtDate(t.date) : 'undated',
            when ? el('span', { class: 'when' }, ' · “' + clip(when, 40) + '”') : null),
          el('span', { class: 'tl-text', dir: 'auto' }, str(t.text)), ' ',
          docs.map(function (d) { return marker(d, null, t.text, 'also'); }));
      })) : el('p', { class: 'note' }, 'No dated events found.'));

    var ents = arr(s.entities);
    var entities = el('section', { class: 'block', 'aria-label': 'Entities' },
      el('h2', { class: 'section' }, 'Who and where'),
      ents.length ? el('ul', { class: 'entities' }, ents.map(function (e) {
        return el('li', null, el('a', { class: 'chip', href: listHash('newest', str(e.name)) },
          clip(e.name, 60), e.type && str(e.type).toLowerCase() !== 'other' ? el('span', { class: 'etype' }, str(e.type).toLowerCase()) : null),
          typeof e.sources === 'number' ? el('span', { class: 'ecount' }, plural(e.sources, 'source', 'sources')) : null);
      })) : el('p', { class: 'note' }, 'No entities found.'));

    var srcList = el('section', { class: 'block', 'aria-label': 'Sources' },
      el('h2', { class: 'section' }, 'Sources'),
      el('ol', { class: 'sources' }, sources.map(function (a, i) {
        a = a || {};
        var href = safeUrl(a.url);
        var dup = a.duplicate_of !== undefined && a.duplicate_of !== null ? num.get(str(a.duplicate_of)) : null;
        var outlet = outletName(a);
        return el('li', { id: 'src-' + (i + 1) },
          el('span', { class: 'num' }, '[' + (i + 1) + ']'),
          el('div', { class: 'src-main' },
            el('div', { class: 'src-outlet' }, clip(sourceLabel(a), outlet ? 80 : MAX_SHORT),
              a.date ? el('span', { class: 'src-date' }, ' · ' + fmtDate(a.date)) : null,
              a.author ? el('span', { class: 'src-author' }, ' · ' + clip(a.author, 80)) : null),
            outlet && a.title ? el('div', { class: 'src-title', dir: 'auto' }, clip(a.title)) : null,
            el('div', { class: 'src-actions' },
              el('button', { class: 'linkish', type: 'button', onclick: function () { openArticle(str(a.id), null, null, a, i + 1); } }, 'Read text'),
              href ? [' · ', el('a', { href: href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Original')] : null,
              dup ? el('span', { class: 'dup' }, ' · copy of [' + dup + ']') : null)));
      })));

    var n = sources.length;
    return [
      storyBack(s.id),
      el('h1', { class: 'headline' + (str(s.headline).length > 90 ? ' long' : ''), dir: 'auto' }, clip(s.headline || s.id) || 'Untitled story'),
      el('p', { class: 'meta' }, plural(n, 'source', 'sources'),
        typeof s.n_reports === 'number' && s.n_reports < n ? ' (' + plural(s.n_reports, 'independent report', 'independent reports') + ', the rest copies)' : '',
        storyDates(s) ? ' · ' + storyDates(s) : ''),
      el('div', { class: 'story-grid' },
        el('div', { class: 'col-main' }, summary, timeline, coverageBlock(s.coverage, { num: num, srcOf: srcOf, marker: marker })),
        el('div', { class: 'col-side' }, entities, srcList))
    ];
  }

  /* The coverage comparison (docs/stories.md): where the sources disagree,
   * what each one alone reports, what it leaves out that most others have.
   * An object of another shape is listed as key/value pairs, not dropped. */
  function coverageBlock(cov, ctx) {
    if (!cov || typeof cov !== 'object') return null;
    var body = Array.isArray(cov.per_source) || Array.isArray(cov.conflicts) ? coverageView(cov, ctx) : genericCoverage(cov, ctx.num);
    return el('section', { class: 'block coverage', 'aria-label': 'How the sources compare' },
      el('h2', { class: 'section' }, 'How the sources compare'), body);
  }
  function coverageView(cov, ctx) {
    var out = [];
    var conflicts = arr(cov.conflicts);
    if (conflicts.length) {
      out.push(el('div', { class: 'conflicts' },
        el('h3', { class: 'sub' }, plural(conflicts.length, 'point where sources disagree', 'points where sources disagree')),
        el('ul', { class: 'conflict-list' }, conflicts.map(function (c) {
          return el('li', { class: 'conflict' },
            el('div', { class: 'conflict-about' }, clip(c.about || c.kind || 'a detail', 80),
              c.kind && c.about ? el('span', { class: 'etype' }, ' ' + str(c.kind)) : null),
            el('ul', { class: 'claims' }, arr(c.claims).map(function (cl) {
              var docs = arr(cl.docs);
              return el('li', null, el('strong', { class: 'claim-value' }, clip(cl.value, 80)), ' ',
                docs.map(function (d) { return ctx.marker(d, null, cl.text, 'also'); }),
                cl.text ? el('div', { class: 'claim-text', dir: 'auto' }, '“' + clip(cl.text, 400) + '”') : null);
            })));
        }))));
    } else if (Array.isArray(cov.conflicts)) {
      out.push(el('p', { class: 'agree' }, 'No conflicting figures, dates or names found between the sources.'));
    }
    var per = arr(cov.per_source);
    if (per.length) {
      out.push(el('ul', { class: 'per-source' }, per.map(function (p) {
        var n = ctx.num.get(str(p.doc));
        var a = ctx.srcOf(p.doc) || {};
        var uniq = arr(p.unique), omits = arr(p.omits), copies = arr(p.copies);
        var nu = typeof p.n_unique === 'number' ? p.n_unique : uniq.length;
        var no = typeof p.n_omits === 'number' ? p.n_omits : omits.length;
        return el('li', { class: 'ps' },
          el('div', { class: 'ps-head' }, ctx.marker(p.doc, null, null, 'primary'), ' ',
            el('span', { class: 'ps-name' }, clip(p.site ? str(p.site) : (ctx.srcOf(p.doc) ? sourceLabel(a) : 'Article ' + str(p.doc)), 120)),
            copies.length ? el('span', { class: 'dup' }, ' · copied by ' + copies.map(function (d) { return ctx.num.get(str(d)) ? '[' + ctx.num.get(str(d)) + ']' : str(d); }).join(' ')) : null),
          el('details', { class: 'ps-part' + (nu ? '' : ' empty') },
            el('summary', null, nu ? plural(nu, 'fact only this source reports', 'facts only this source reports') : 'nothing the others lack'),
            uniq.length ? el('ul', { class: 'facts' }, uniq.map(function (u) {
              return el('li', null, el('button', { class: 'linkish quote', type: 'button', onclick: function () {
                openArticle(str(p.doc), { start: u.start, end: u.end }, u.text, a, n);
              } }, clip(u.text, 400)));
            }), nu > uniq.length ? el('li', { class: 'note' }, '… and ' + (nu - uniq.length) + ' more') : null) : null),
          no ? el('details', { class: 'ps-part' },
            el('summary', null, 'leaves out ' + plural(no, 'widely reported fact', 'widely reported facts')),
            el('ul', { class: 'facts' }, omits.map(function (o) {
              return el('li', null, clip(o.text, 400), ' ', ctx.marker(o.doc, null, o.text, 'also'),
                typeof o.reported_by === 'number' ? el('span', { class: 'ecount' }, ' reported by ' + o.reported_by) : null);
            }), no > omits.length ? el('li', { class: 'note' }, '… and ' + (no - omits.length) + ' more') : null)) : null);
      })));
    }
    return el('div', { class: 'cov' }, out);
  }
  function genericCoverage(cov, num) {
    var rows = [];
    Object.keys(cov).forEach(function (k) {
      var v = cov[k];
      var val;
      if (Array.isArray(v)) {
        val = el('ul', { class: 'cov-list' }, v.slice(0, 50).map(function (x) {
          if (x && typeof x === 'object') {
            return el('li', null, Object.keys(x).map(function (kk) {
              var xv = x[kk];
              var txt = Array.isArray(xv) ? xv.map(function (d) { return num.get(str(d)) ? '[' + num.get(str(d)) + ']' : (typeof d === 'object' ? JSON.stringify(d) : str(d)); }).join(' ')
                : (xv && typeof xv === 'object' ? JSON.stringify(xv) : str(xv));
              return el('span', { class: 'cov-field' }, el('span', { class: 'cov-k' }, clip(kk, 40) + ': '), clip(txt, 300), ' ');
            }));
          }
          return el('li', null, clip(x, 300));
        }));
      } else if (v && typeof v === 'object') {
        val = genericCoverage(v, num);
      } else {
        val = el('div', null, clip(v, 300));
      }
      rows.push(el('div', { class: 'cov-row' }, el('div', { class: 'cov-key' }, clip(k, 60)), val));
    });
    return el('div', { class: 'cov' }, rows);
  }

  /* ---- the source panel: an article with one sentence highlighted -------- */

  // Splits text around the byte span [start, end) of its UTF-8 form (the API's
  // offsets) into [before, inside, after] JS strings; null when the span is not
  // within the text.
  function splitBytes(text, start, end) {
    if (typeof start !== 'number' || typeof end !== 'number') return null;
    var bytes = new TextEncoder().encode(text);
    if (!(start >= 0 && start < end && end <= bytes.length)) return null;
    var dec = new TextDecoder();
    return [dec.decode(bytes.subarray(0, start)), dec.decode(bytes.subarray(start, end)), dec.decode(bytes.subarray(end))];
  }
  // For a source that says the same thing but has no span: the sentence of its
  // text sharing most words with the quote, as [before, inside, after].
  function closest(text, quote) {
    if (!quote) return null;
    var words = function (s) {
      return new Set((s.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) || []));
    };
    var q = words(quote);
    if (!q.size) return null;
    var re = /[^.!?\n]+(?:[.!?]+["'\u201d\u2019)]*|\n|$)/g, m, best = null, bestScore = 0;
    while ((m = re.exec(text)) !== null) {
      if (!m[0]) { re.lastIndex++; continue; }
      var w = words(m[0]), common = 0;
      w.forEach(function (x) { if (q.has(x)) common++; });
      var score = common / (q.size + w.size - common || 1);
      if (score > bestScore) { bestScore = score; best = [m.index, m.index + m[0].length]; }
    }
    if (!best || bestScore < 0.15) return null;
    var lead = text.slice(best[0]).match(/^\s*/)[0].length;
    return [text.slice(0, best[0] + lead), text.slice(best[0] + lead, best[1]), text.slice(best[1])];
  }

  /* Hovering (or focusing) a marker shows, next to it, the sentence of that
   * source: its exact span for the sentence's own article, else the closest
   * sentence of the corroborating one. Only where a pointer can hover. */
  var tip = null, tipSeq = 0;
  // Opening the panel reflows the page under a still pointer; the marker that
  // lands there gets a mouseenter nobody asked for. No tooltip until the
  // pointer has moved from where it was when the panel opened.
  var pointer = null, mutedAt = null;
  document.addEventListener('mousemove', function (ev) { pointer = { x: ev.clientX, y: ev.clientY }; }, true);
  document.addEventListener('mousedown', function (ev) { pointer = { x: ev.clientX, y: ev.clientY }; }, true);
  var canHover = window.matchMedia ? window.matchMedia('(hover: hover)').matches : true;
  function placeTip(btn) {
    var r = btn.getBoundingClientRect();
    var w = Math.min(380, window.innerWidth - 16);
    tip.style.width = w + 'px';
    tip.style.left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8)) + 'px';
    var h = tip.offsetHeight;
    var below = r.bottom + 6;
    tip.style.top = (below + h > window.innerHeight - 8 && r.top - h - 6 > 8 ? r.top - h - 6 : below) + 'px';
  }
  function showTip(btn, docId, span, quote, a, n, ev) {
    if (!canHover) return;
    if (ev && ev.type === 'mouseenter' && mutedAt && ev.clientX === mutedAt.x && ev.clientY === mutedAt.y) return;
    mutedAt = null;
    var my = ++tipSeq;
    if (!tip) { tip = el('div', { class: 'tip', role: 'tooltip', id: 'tip' }); document.body.appendChild(tip); }
    clear(tip);
    var body = el('div', { class: 'tip-body', dir: 'auto' }, 'Loading…');
    add(tip, [el('div', { class: 'tip-head' }, '[' + n + '] ' + clip(sourceLabel(a || { id: docId }), 80),
      a && a.date ? ' · ' + fmtDate(a.date) : ''), body]);
    tip.hidden = false;
    placeTip(btn);
    getArticle(docId).then(function (art) {
      if (my !== tipSeq) return;
      var text = str(art.text);
      var parts = span ? splitBytes(text, span.start, span.end) : null;
      var how = parts ? 'exact' : null;
      if (!parts && quote) { parts = closest(text, quote); how = parts ? 'closest' : null; }
      clear(body);
      add(body, parts ? ['“', clip(parts[1].trim(), 500), '”']
        : quote ? 'Reports the same point in other words.' : clip(text.trim(), 240));
      body.className = 'tip-body' + (how === 'closest' ? ' near' : '');
      placeTip(btn);
    }).catch(function (e) { if (my === tipSeq) body.textContent = 'Could not load: ' + str(e && e.message); });
  }
  function hideTip() {
    tipSeq++;
    if (tip) tip.hidden = true;
  }

  function markActive(btn) {
    document.querySelectorAll('.sentence.active, .timeline li.active').forEach(function (x) { x.classList.remove('active'); });
    var li = btn && btn.closest('li');
    if (li) li.classList.add('active');
  }

  // The control that opened the panel: closing it (Escape, the close button)
  // gives the focus back there, so a keyboard user goes on from that marker
  // (before, the focus fell to the page's start). No tooltip for that return.
  var opener = null, returning = false;
  function openArticle(id, span, quote, meta, n) {
    var from = document.activeElement;
    if (from && from !== document.body && !panel.contains(from)) opener = from;
    hideTip();
    mutedAt = pointer;
    panel.hidden = false;
    document.body.classList.add('panel-open');
    clear(panelTitle);
    clear(panelBody);
    var seq = renderSeq;
    meta = meta || {};
    add(panelTitle, [n ? el('span', { class: 'num' }, '[' + n + '] ') : null, clip(sourceLabel(Object.assign({ id: id }, meta)), 80),
      meta.date ? el('span', { class: 'src-date' }, ' · ' + fmtDate(meta.date)) : null]);
    panelBody.appendChild(el('p', { class: 'note' }, 'Loading article…'));
    getArticle(id).then(function (a) {
      if (seq !== renderSeq || panel.hidden) return;
      clear(panelBody);
      var text = str(a.text);
      var href = safeUrl(a.url);
      var parts = span ? splitBytes(text, span.start, span.end) : null;
      var how = 'exact';
      if (!parts) { parts = closest(text, quote); how = parts ? 'closest' : 'none'; }
      add(panelBody, [
        el('h3', { class: 'art-title', dir: 'auto' }, clip(a.title || a.id)),
        el('p', { class: 'meta' }, joined([outletName(a), a.author, a.date ? fmtDate(a.date) : null].filter(Boolean).map(function (x) { return clip(x, 80); }), ' · '),
          href ? [' · ', el('a', { href: href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Original')] : null),
        arr(a.truncated).length ? el('p', { class: 'hint' }, 'Cut to the server’s size limits: ' + arr(a.truncated).map(str).join(', ') + '.') : null,
        quote && how === 'closest' ? el('p', { class: 'hint' }, 'This source reports the same point; the highlighted sentence is the closest one in its text.') : null,
        quote && how === 'none' ? el('p', { class: 'hint' }, 'This source reports the same point in other words.') : null
      ]);
      var body = el('div', { class: 'article-text', dir: 'auto' });
      if (parts && (how === 'exact' || how === 'closest')) {
        var mark = el('mark', { class: how === 'exact' ? 'src-sent' : 'src-sent near' }, parts[1]);
        add(body, [parts[0], mark, parts[2]]);
        panelBody.appendChild(body);
        mark.scrollIntoView({ block: 'center' });
      } else {
        body.appendChild(document.createTextNode(text));
        panelBody.appendChild(body);
      }
    }).catch(function (e) {
      if (seq !== renderSeq) return;
      clear(panelBody);
      panelBody.appendChild(errorBox(e));
    });
    document.getElementById('panel-close').focus({ preventScroll: true });
  }
  function closePanel() {
    panel.hidden = true;
    document.body.classList.remove('panel-open');
    markActive(null);
    opener = null;
  }
  function closePanelBack() {
    var back = opener;
    closePanel();
    if (back && document.contains(back)) {
      returning = true;
      back.focus();
      returning = false;
    }
  }

  /* ---- wiring ---------------------------------------------------------------- */

  document.getElementById('panel-close').addEventListener('click', closePanelBack);
  // Escape closes the panel; with none open it dismisses a tooltip the focus
  // opened, the focus staying on its marker (WCAG 1.4.13; before, it stayed up)
  document.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Escape') return;
    if (!panel.hidden) closePanelBack();
    else if (tip && !tip.hidden) hideTip();
  });
  document.getElementById('search').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = document.getElementById('q').value.trim();
    location.hash = q ? '#/search?q=' + encodeURIComponent(q) : '#/';
  });
  window.addEventListener('hashchange', route);
  route();
})();
