// Abstracta's search page (/) and paper page (/papers/{id}). No build step, no dependencies.
//
// Safety rule: text from the index is only ever set with textContent. The one exception is the
// API's highlight strings (title and abstract snippets, already HTML-escaped with <mark> around
// matches); they go through setHighlighted(), which parses them inertly and keeps nothing but text
// and <mark>.
'use strict';

(() => {
  const FACETS = [
    { dim: 'subject', title: 'Subject' },
    { dim: 'year', title: 'Year' },
    { dim: 'author', title: 'Author', filterBox: true },
    { dim: 'type', title: 'Type' },
    { dim: 'source', title: 'Source' },
    { dim: 'hasCode', title: 'Code' },
  ];
  const DIMS = FACETS.map((f) => f.dim);
  const DEFAULT_SIZE = 10;
  const MAX_DEPTH = 10000; // the API's page-depth limit (page × size)
  const VISIBLE_VALUES = 5; // facet values shown before "Show more" (every facet fits one screen)
  const AUTHORS_SHOWN = 8; // authors listed on a hit before "et al."
  const MODES = ['keyword', 'semantic', 'hybrid']; // ranking; none given: the API's default

  // ---------------------------------------------------------------- small helpers

  /**
   * Creates an element: props may hold className, text, and attributes (attrs). A className given
   * among the attributes is the class attribute too (not a "classname" attribute).
   */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      if (props.className) node.className = props.className;
      if (props.text != null) node.textContent = String(props.text);
      if (props.attrs) {
        for (const [k, v] of Object.entries(props.attrs)) {
          const name = k === 'className' ? 'class' : k;
          if (v === true) node.setAttribute(name, '');
          else if (v != null && v !== false) node.setAttribute(name, String(v));
        }
      }
    }
    for (const c of children) if (c != null) node.append(c);
    return node;
  }

  /**
   * Puts an API highlight string into target. It is parsed in an inert <template> (no scripts run,
   * nothing loads); if it holds anything but text and attribute-less <mark>, the plain fallback
   * text is shown instead.
   */
  function setHighlighted(target, html, fallback) {
    target.textContent = '';
    if (typeof html !== 'string' || html === '') {
      target.textContent = fallback || '';
      return;
    }
    const tpl = document.createElement('template');
    tpl.innerHTML = html;
    const ok = (node) =>
      [...node.childNodes].every(
        (n) =>
          n.nodeType === Node.TEXT_NODE ||
          (n.nodeType === Node.ELEMENT_NODE &&
            n.localName === 'mark' &&
            n.attributes.length === 0 &&
            [...n.childNodes].every((c) => c.nodeType === Node.TEXT_NODE)),
      );
    if (ok(tpl.content)) target.append(document.importNode(tpl.content, true));
    else target.textContent = fallback || tpl.content.textContent;
  }

  /** An http(s) URL, or null for anything else (javascript:, data:, garbage). */
  function safeHref(url) {
    try {
      const u = new URL(url, location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  }

  /** The paper page of an id; slashes in old arXiv ids and DOIs stay readable. */
  function paperPath(id) {
    return '/papers/' + encodeURIComponent(id).replace(/%2F/gi, '/');
  }

  /** A date; one whose year the input did not print says so ("Aug 11, year inferred"). */
  function formatDate(iso, yearInferred) {
    if (!iso) return '';
    const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
    if (Number.isNaN(d.getTime())) return iso;
    if (yearInferred) {
      return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }) + ', year inferred';
    }
    return d.toLocaleDateString(undefined, {
      year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC',
    });
  }

  /** The export formats offered as links: format parameter and what the link says. */
  const EXPORTS = [
    { format: 'bibtex', text: 'BibTeX (.bib)' },
    { format: 'ris', text: 'RIS (.ris)' },
    { format: 'csl-json', text: 'CSL-JSON (.json)' },
  ];

  /** Fills the "Cite/Export" list with links to the API's formats of one address. */
  function renderExports(list, apiPath, params, calendar) {
    list.textContent = '';
    const href = (format) => {
      const p = new URLSearchParams(params);
      p.set('format', format);
      return apiPath + '?' + p.toString();
    };
    for (const x of EXPORTS) list.append(el('li', null, el('a', { text: x.text, attrs: { href: href(x.format), 'data-format': x.format, download: '' } })));
    if (calendar) list.append(el('li', null, el('a', { text: calendar, attrs: { href: href('ics'), 'data-format': 'ics', download: '' } })));
  }

  function formatDateTime(iso) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return d.toLocaleString(undefined, {
      year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
      timeZoneName: 'short',
    });
  }

  /** GET a JSON body; throws an Error with the API's message on a 4xx/5xx. */
  async function getJson(url, signal) {
    const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await res.json();
    } catch {
      // not JSON: reported below by status
    }
    if (!res.ok) {
      const err = new Error((body && body.message) || `The server answered ${res.status}`);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  function debounce(fn, ms) {
    let t = 0;
    const d = (...args) => {
      clearTimeout(t);
      t = setTimeout(() => fn(...args), ms);
    };
    d.cancel = () => clearTimeout(t);
    return d;
  }

  /** A click that should open a link in place (not a new tab or window). */
  function plainClick(e) {
    return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
  }

  function authorLine(authors, truncated, count) {
    const list = authors || [];
    if (list.length === 0) return count ? `${count} authors` : '';
    const shown = list.slice(0, AUTHORS_SHOWN).join(', ');
    return list.length > AUTHORS_SHOWN || truncated ? shown + ' et al.' : shown;
  }

  function badge(text, kind) {
    return el('span', { className: `badge badge-${kind}`, text });
  }

  /** One result: highlighted title linking to its page, meta line, snippet, subject tags. */
  function hitItem(h, options = {}) {
    const li = el('li', { className: 'hit', attrs: { 'data-id': h.id } });
    const link = el('a', { attrs: { href: paperPath(h.id) } });
    setHighlighted(link, h.highlights && h.highlights.title, h.title);
    li.append(el(options.compact ? 'h3' : 'h2', { className: 'hit-title' }, link));

    const meta = el('p', { className: 'hit-meta' });
    const authors = authorLine(h.authors);
    if (authors) meta.append(el('span', { className: 'hit-authors', text: authors }));
    if (h.date) {
      meta.append(el('time', { className: 'hit-date', text: formatDate(h.date, h.yearInferred), attrs: { datetime: h.yearInferred ? h.date.slice(5) : h.date } }));
    }
    if (h.type === 'talk') meta.append(badge('talk', 'talk'));
    if (h.hasCode) meta.append(badge('code', 'code'));
    if (meta.childNodes.length) li.append(meta);

    if (!options.compact && h.highlights && h.highlights.abstract) {
      const p = el('p', { className: 'hit-snippet' });
      setHighlighted(p, h.highlights.abstract, '');
      li.append(p);
    }
    if (h.subjects && h.subjects.length) {
      const tags = el('ul', { className: 'tags', attrs: { 'aria-label': 'Subjects' } });
      for (const s of h.subjects) {
        const a = el('a', {
          className: 'tag',
          text: s.code,
          attrs: { href: options.subjectHref ? options.subjectHref(s.code) : '/?subject=' + encodeURIComponent(s.code), title: s.label || s.code, 'data-subject': s.code },
        });
        tags.append(el('li', null, a));
      }
      li.append(tags);
    }
    if (h.inferredSubjects && h.inferredSubjects.length) {
      const tags = el('ul', { className: 'tags tags-inferred', attrs: { 'aria-label': 'Inferred subjects' } });
      for (const s of h.inferredSubjects) {
        const pct = Math.round(s.confidence * 100);
        const a = el('a', {
          className: 'tag tag-inferred',
          text: `${s.code} (inferred)`,
          attrs: {
            href: options.subjectHref ? options.subjectHref(s.code) : '/?subject=' + encodeURIComponent(s.code),
            title: `${s.label || s.code}: inferred from the nearest labelled papers (${pct}% of their votes)`,
            'data-subject': s.code,
            'data-inferred': 'true',
          },
        });
        tags.append(el('li', null, a));
      }
      li.append(tags);
    }
    if (h.explanation) li.append(el('p', { className: 'hit-why', text: h.explanation }));
    return li;
  }

  // ---------------------------------------------------------------- suggestions combobox

  /**
   * Completions under the query box (ARIA 1.2 combobox with a listbox): ↑ ↓ move, Enter picks,
   * Esc closes. pick(suggestion) decides what choosing one does.
   */
  function attachSuggestions(input, list, pick) {
    let items = [];
    let active = -1;
    let seq = 0;
    let controller = null;

    const close = () => {
      list.hidden = true;
      list.textContent = '';
      items = [];
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    };

    const setActive = (i) => {
      const options = list.children;
      if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
      active = i;
      if (active >= 0 && options[active]) {
        options[active].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[active].id);
        options[active].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    };

    const render = (suggestions) => {
      list.textContent = '';
      items = suggestions;
      active = -1;
      input.removeAttribute('aria-activedescendant');
      suggestions.forEach((s, i) => {
        const option = el(
          'li',
          { className: 'suggestion', attrs: { role: 'option', id: `${list.id}-${i}`, 'aria-selected': 'false' } },
          el('span', { className: 'suggestion-text', text: s.text }),
          el('span', { className: `suggestion-kind kind-${s.kind}`, text: s.kind }),
        );
        // Keep focus in the input while clicking an option.
        option.addEventListener('mousedown', (e) => e.preventDefault());
        option.addEventListener('click', () => {
          close();
          pick(s);
        });
        list.append(option);
      });
      const open = suggestions.length > 0;
      list.hidden = !open;
      input.setAttribute('aria-expanded', String(open));
    };

    const fetchSuggestions = debounce(async () => {
      const q = input.value.trim();
      const mine = ++seq;
      if (controller) controller.abort();
      if (q.length < 2) {
        close();
        return;
      }
      controller = new AbortController();
      try {
        const body = await getJson(`/api/suggest?size=8&q=${encodeURIComponent(q)}`, controller.signal);
        if (mine !== seq || document.activeElement !== input) return; // a newer request, or the user left
        render(body.suggestions || []);
      } catch (e) {
        if (e.name !== 'AbortError' && mine === seq) close();
      }
    }, 120);

    input.addEventListener('input', fetchSuggestions);
    input.addEventListener('keydown', (e) => {
      const open = !list.hidden && items.length > 0;
      if (e.key === 'ArrowDown' && open) {
        e.preventDefault();
        setActive(active + 1 >= items.length ? 0 : active + 1);
      } else if (e.key === 'ArrowUp' && open) {
        e.preventDefault();
        setActive(active <= 0 ? items.length - 1 : active - 1);
      } else if (e.key === 'Enter' && open && active >= 0) {
        e.preventDefault();
        const s = items[active];
        close();
        pick(s);
      } else if (e.key === 'Escape' && open) {
        e.preventDefault();
        close();
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        seq++; // a submit or leaving the box: drop answers still on their way
        fetchSuggestions.cancel();
        close();
      }
    });
    input.addEventListener('blur', () => {
      seq++;
      close();
    });
    return { close };
  }

  /** Where choosing a suggestion goes when the search page is not the one showing. */
  function suggestionUrl(s) {
    if (s.kind === 'title' && s.id) return paperPath(s.id);
    if (s.kind === 'author') return '/?author=' + encodeURIComponent(s.text);
    return '/?q=' + encodeURIComponent(s.text);
  }

  /** "/" anywhere outside a text field focuses the query box. */
  function slashToSearch(input) {
    document.addEventListener('keydown', (e) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  // ---------------------------------------------------------------- search page

  function searchPage() {
    const input = document.getElementById('q');
    const form = document.getElementById('search-form');
    const sortSelect = document.getElementById('sort');
    const modeSelect = document.getElementById('mode');
    const status = document.getElementById('status');
    const results = document.getElementById('results');
    const hitsList = document.getElementById('hits');
    const pagerNav = document.getElementById('pager');
    const didYouMean = document.getElementById('did-you-mean');
    const queryNote = document.getElementById('query-note');
    const chips = document.getElementById('active-filters');
    const recovery = document.getElementById('recovery');
    const recoveryLinks = document.getElementById('recovery-links');
    const subscribe = document.getElementById('subscribe');
    const feedLink = document.getElementById('feed-link');
    const exportLinks = document.getElementById('export-links');
    const facetsAside = document.getElementById('facets');
    const filtersToggle = document.getElementById('filters-toggle');

    let state = readState(location.search);
    let controller = null;
    let seq = 0;
    let lastFacets = {};
    let lastQueryFilters = [];

    // --- URL <-> state

    function readState(search) {
      const p = new URLSearchParams(search);
      const int = (name, dflt, max) => {
        const n = parseInt(p.get(name), 10);
        return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : dflt;
      };
      const filters = {};
      for (const d of DIMS) filters[d] = [...new Set(p.getAll(d).filter((v) => v.trim() !== ''))];
      const sort = ['relevance', 'newest', 'oldest'].includes(p.get('sort')) ? p.get('sort') : 'relevance';
      // autocorrect=false: the query exactly as typed, even when a respelling would find more.
      const literal = p.get('autocorrect') === 'false';
      const mode = MODES.includes(p.get('mode')) ? p.get('mode') : '';
      const explain = p.get('explain') === 'true';
      return { q: p.get('q') || '', filters, sort, mode, page: int('page', 1, MAX_DEPTH), size: int('size', DEFAULT_SIZE, 100), literal, explain };
    }

    function queryString(s) {
      const p = new URLSearchParams();
      if (s.q) p.set('q', s.q);
      for (const d of DIMS) for (const v of s.filters[d]) p.append(d, v);
      if (s.sort !== 'relevance') p.set('sort', s.sort);
      if (s.mode) p.set('mode', s.mode);
      if (s.explain) p.set('explain', 'true');
      if (s.page > 1) p.set('page', String(s.page));
      if (s.size !== DEFAULT_SIZE) p.set('size', String(s.size));
      if (s.literal) p.set('autocorrect', 'false');
      return p.toString();
    }

    function pageUrl(s) {
      const qs = queryString(s);
      return qs ? '/?' + qs : '/';
    }

    function withChanges(changes) {
      const filters = {};
      for (const d of DIMS) filters[d] = [...state.filters[d]];
      // A new query is corrected again; other changes keep the literal choice.
      const literal = 'q' in changes && changes.q !== state.q ? false : state.literal;
      return { ...state, filters, page: 1, literal, ...changes };
    }

    function toggled(dim, value, on) {
      const next = withChanges({});
      const list = next.filters[dim].filter((v) => v !== value);
      if (on) list.push(value);
      next.filters[dim] = list;
      return next;
    }

    /** Shows a new state and records it in the history (the back button returns to the last). */
    function go(next, opts = {}) {
      const url = pageUrl(next);
      if (url !== location.pathname + location.search) history.pushState(null, '', url);
      state = next;
      run(opts);
    }

    // --- fetching and rendering

    async function run(opts = {}) {
      if (document.activeElement !== input) input.value = state.q;
      sortSelect.value = state.sort;
      modeSelect.value = state.mode;
      document.title = state.q ? `${state.q} — Abstracta` : 'Abstracta — search paper abstracts';
      const mine = ++seq;
      if (controller) controller.abort();
      controller = new AbortController();
      results.setAttribute('aria-busy', 'true');
      const apiQuery = queryString(state);
      try {
        const body = await getJson('/api/search' + (apiQuery ? '?' + apiQuery : ''), controller.signal);
        if (mine !== seq) return;
        render(body);
        if (opts.focusResults) results.focus({ preventScroll: false });
      } catch (e) {
        if (e.name === 'AbortError' || mine !== seq) return;
        hitsList.textContent = '';
        pagerNav.hidden = true;
        didYouMean.hidden = true;
        queryNote.hidden = true;
        status.textContent = e.message;
        status.classList.add('error');
      } finally {
        if (mine === seq) results.setAttribute('aria-busy', 'false');
      }
    }

    function render(body) {
      status.classList.remove('error');
      const total = body.total || 0;
      const first = (state.page - 1) * state.size + 1;
      const last = first + body.hits.length - 1;
      const shown = body.correctedQuery || state.q;
      const what = shown ? ` for “${shown}”` : '';
      // A lower bound ("gte"): a sentence matches most of the collection and is not counted out.
      const count = body.totalRelation === 'gte' ? `more than ${total.toLocaleString()}` : total.toLocaleString();
      if (total === 0) status.textContent = `No papers found${what}.`;
      else if (body.hits.length === 0) status.textContent = `No more results${what} (${count} in all).`;
      else {
        const range = total > body.hits.length ? `${first.toLocaleString()}–${last.toLocaleString()} of ` : '';
        status.textContent = `${range}${count} ${total === 1 ? 'result' : 'results'}${what}`;
      }
      if (body.partial) status.textContent += ' (partial: the query took too long)';
      if (total > 0 && body.mode === 'hybrid') status.textContent += ', ranked by keywords and meaning';
      if (total > 0 && body.mode === 'semantic') status.textContent += ', ranked by meaning';
      status.dataset.mode = body.mode || 'keyword';

      lastFacets = body.facets || {};
      renderDidYouMean(body.didYouMean);
      renderQueryNote(body);
      renderTools();
      renderRecovery(body.recovery || []);
      lastQueryFilters = body.queryFilters || [];
      renderChips(lastQueryFilters);

      hitsList.textContent = '';
      hitsList.start = first;
      for (const h of body.hits) {
        hitsList.append(hitItem(h, { subjectHref: (code) => pageUrl(toggled('subject', code, true)) }));
      }
      if (total === 0 && !(body.recovery || []).length && DIMS.some((d) => state.filters[d].length)) {
        hitsList.append(el('li', { className: 'empty', text: 'Try removing a filter.' }));
      }
      renderPager(total);
      renderFacets(lastFacets);
    }

    /** "Subscribe" (the Atom feed of this search) and "Cite/Export" (this page's hits). */
    function renderTools() {
      const feed = new URLSearchParams(queryString({ ...state, page: 1, size: DEFAULT_SIZE }));
      feed.set('format', 'atom');
      const href = '/api/search?' + feed.toString();
      subscribe.setAttribute('href', href);
      feedLink.setAttribute('href', href);
      const what = state.q ? `“${state.q}”` : 'newest papers';
      feedLink.title = `Abstracta: ${what}`;
      subscribe.setAttribute('aria-label', `Subscribe to ${what} (Atom feed)`);
      renderExports(exportLinks, '/api/search', queryString(state), 'Talks as a calendar (.ics)');
    }

    /** One search that would find papers, as a link: the same search with one change. */
    function recoveryText(o) {
      const n = `${o.count.toLocaleString()} ${o.count === 1 ? 'result' : 'results'}`;
      const facet = FACETS.find((f) => f.dim === o.dim);
      switch (o.kind) {
        case 'spelling': return `${n} for “${o.query}”`;
        case 'filter': return `${n} without ${facet ? facet.title : o.dim}: ${valueLabel(o.dim, o.value)}`;
        case 'queryFilter': return `${n} without ${o.value}`;
        case 'phrase': return `${n} with the words in any order: ${o.query}`;
        default: return `${n} without any filter`;
      }
    }

    function renderRecovery(options) {
      recoveryLinks.textContent = '';
      for (const o of options) {
        const next = withChanges({ q: o.query });
        for (const d of DIMS) next.filters[d] = [...((o.filters || {})[d] || [])];
        const a = el('a', { text: recoveryText(o), attrs: { href: pageUrl(next), 'data-kind': o.kind } });
        a.addEventListener('click', (e) => {
          if (!plainClick(e)) return;
          e.preventDefault();
          go(next, { focusResults: true });
        });
        recoveryLinks.append(el('li', null, a));
      }
      recovery.hidden = options.length === 0;
    }

    /** How a facet value reads: its label when the facets gave one ("Daily papers, Oct 17"). */
    function valueLabel(dim, value) {
      if (dim === 'hasCode') return value === 'true' ? 'has code' : 'no code';
      const found = (lastFacets[dim] || []).find((v) => v.value === value);
      return found && found.label ? found.label : value;
    }

    function renderDidYouMean(suggestion) {
      didYouMean.textContent = '';
      if (!suggestion || suggestion === state.q) {
        didYouMean.hidden = true;
        return;
      }
      const next = withChanges({ q: suggestion });
      const a = el('a', { attrs: { href: pageUrl(next), 'data-q': suggestion } });
      a.append(el('strong', { text: suggestion }));
      didYouMean.append('Did you mean ', a, '?');
      didYouMean.hidden = false;
    }

    /** The query without the filters typed in it: the words the user is searching for. */
    function queryWords(queryFilters) {
      let rest = state.q;
      for (const f of queryFilters) rest = rest.replace(f.text, ' ');
      return rest.split(/\s+/).map((w) => w.replace(/^[-+("']+|[)"',.;:?!]+$/g, '')).filter((w) => w && !/^(AND|OR|NOT)$/.test(w));
    }

    /** What the results are, when not the query as typed: its respelling, or some of its words. */
    function renderQueryNote(body) {
      queryNote.textContent = '';
      if (body.correctedQuery) {
        const literal = { ...withChanges({}), literal: true };
        const a = el('a', { text: state.q, attrs: { href: pageUrl(literal), 'data-literal': 'true' } });
        queryNote.append('Showing results for ', el('strong', { text: body.correctedQuery }), '. Search instead for ', a, '.');
      }
      if (body.matched === 'some') {
        if (queryNote.childNodes.length) queryNote.append(' ');
        const words = queryWords(body.queryFilters || []);
        queryNote.append(`No paper has all of ${words.join(', ')} — showing papers with some of them.`);
      }
      if (body.modeNote) {
        if (queryNote.childNodes.length) queryNote.append(' ');
        queryNote.append(`Ranked by keywords: ${body.modeNote}.`);
      }
      queryNote.hidden = queryNote.childNodes.length === 0;
    }

    function renderChips(queryFilters) {
      chips.textContent = '';
      let any = false;
      // Filters typed in the query are chips too; removing one removes its words from the query.
      for (const qf of queryFilters) {
        const f = FACETS.find((x) => x.dim === qf.dim);
        if (!f) continue;
        any = true;
        const button = el('button', {
          className: 'chip chip-typed',
          attrs: { type: 'button', 'data-qtext': qf.text, 'aria-label': `Remove ${qf.text} from the query` },
        });
        button.append(el('span', { className: 'chip-dim', text: f.title + ':' }), ' ', qf.value, el('span', { attrs: { 'aria-hidden': 'true' }, text: ' ×' }));
        chips.append(el('li', null, button));
      }
      for (const f of FACETS) {
        for (const v of state.filters[f.dim]) {
          any = true;
          const label = valueLabel(f.dim, v);
          const button = el('button', {
            className: 'chip',
            attrs: { type: 'button', 'data-dim': f.dim, 'data-value': v, 'aria-label': `Remove filter ${f.title}: ${label}` },
          });
          button.append(el('span', { className: 'chip-dim', text: f.title + ':' }), ' ', label, el('span', { attrs: { 'aria-hidden': 'true' }, text: ' ×' }));
          chips.append(el('li', null, button));
        }
      }
      if (any) {
        chips.append(el('li', null, el('button', { className: 'chip chip-clear', text: 'Clear all', attrs: { type: 'button', 'data-clear': 'true' } })));
      }
      chips.hidden = !any;
    }

    function renderPager(total) {
      pagerNav.textContent = '';
      const pages = Math.max(1, Math.ceil(Math.min(total, MAX_DEPTH) / state.size));
      if (pages <= 1 && state.page <= 1) {
        pagerNav.hidden = true;
        return;
      }
      const ul = el('ul');
      const link = (page, text, attrs = {}) => {
        const a = el('a', { text, attrs: { href: pageUrl({ ...state, page }), 'data-page': page, ...attrs } });
        ul.append(el('li', null, a));
      };
      const gap = () => ul.append(el('li', { className: 'gap', text: '…', attrs: { 'aria-hidden': 'true' } }));
      if (state.page > 1) link(state.page - 1, '‹ Previous', { rel: 'prev', className: 'prev' });
      const from = Math.max(1, state.page - 2);
      const to = Math.min(pages, state.page + 2);
      if (from > 1) link(1, '1', { 'aria-label': 'Page 1' });
      if (from > 2) gap();
      for (let p = from; p <= to; p++) {
        link(p, String(p), p === state.page ? { 'aria-current': 'page', 'aria-label': `Page ${p}, current` } : { 'aria-label': `Page ${p}` });
      }
      if (to < pages - 1) gap();
      if (to < pages) link(pages, String(pages), { 'aria-label': `Page ${pages}` });
      if (state.page < pages) link(state.page + 1, 'Next ›', { rel: 'next', className: 'next' });
      pagerNav.append(ul);
      pagerNav.hidden = false;
    }

    // --- facets: one persistent section per dimension; only its list is re-rendered

    /** Archives of the subject tree whose categories are shown (by the user, or a selection). */
    const openArchives = new Set();
    let yearInputs = null; // the year range control's two boxes

    const sections = {};
    for (const f of FACETS) {
      const section = el('section', { className: 'facet', attrs: { 'data-dim': f.dim, 'aria-labelledby': `facet-${f.dim}-h` } });
      section.append(el('h2', { text: f.title, attrs: { id: `facet-${f.dim}-h` } }));
      let filterBox = null;
      if (f.filterBox) {
        filterBox = el('input', {
          className: 'facet-filter',
          attrs: { type: 'search', placeholder: `Find ${f.title.toLowerCase()}…`, 'aria-label': `Find ${f.title.toLowerCase()}`, autocomplete: 'off', 'data-dim': f.dim },
        });
        section.append(filterBox);
      }
      const list = el('ul', { className: f.dim === 'subject' ? 'facet-values tree' : 'facet-values' });
      if (f.dim === 'year') section.append(yearRange());
      const more = el('button', { className: 'facet-more', attrs: { type: 'button', 'aria-expanded': 'false' } });
      more.hidden = true;
      more.addEventListener('click', () => {
        const open = section.classList.toggle('expanded');
        more.setAttribute('aria-expanded', String(open));
        more.textContent = open ? 'Show fewer' : more.dataset.label;
      });
      section.append(list, more);
      facetsAside.append(section);
      sections[f.dim] = { section, list, more, filterBox, lookup: null };
    }

    /**
     * From–to years beside the year counts: Apply (or Enter) sets year=FROM..TO, exactly the URL
     * filter; one year alone is that year onwards (or up to it).
     */
    function yearRange() {
      const form = el('form', { className: 'year-range', attrs: { 'aria-label': 'Year range' } });
      const input = (name, text) => {
        const box = el('input', { attrs: { type: 'number', name, id: `year-${name}`, min: 1000, max: 9999, step: 1, inputmode: 'numeric' } });
        return [el('label', { text, attrs: { for: `year-${name}` } }), box];
      };
      const [fromLabel, from] = input('from', 'From');
      const [toLabel, to] = input('to', 'to');
      const message = el('p', { className: 'year-range-error', attrs: { role: 'alert' } });
      form.append(fromLabel, from, toLabel, to, el('button', { className: 'year-apply', text: 'Apply', attrs: { type: 'submit' } }), message);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const years = (lastFacets.year || []).map((v) => Number(v.value)).filter(Number.isFinite);
        let a = from.value.trim() === '' ? null : Number(from.value);
        let b = to.value.trim() === '' ? null : Number(to.value);
        const valid = (y) => y == null || (Number.isInteger(y) && y >= 1000 && y <= 9999);
        if (!valid(a) || !valid(b) || (a == null && b == null)) {
          message.textContent = 'Give a year of four digits in From, To or both.';
          return;
        }
        message.textContent = '';
        if (a == null) a = years.length ? Math.min(...years, b) : b;
        if (b == null) b = years.length ? Math.max(...years, a) : a;
        if (a > b) [a, b] = [b, a];
        const next = withChanges({});
        next.filters.year = [a === b ? String(a) : `${a}..${b}`];
        go(next);
      });
      yearInputs = { from, to };
      return form;
    }
    /** The range control shows the year filter in force (one value: a year or a range). */
    function renderYearRange() {
      if (!yearInputs || document.activeElement === yearInputs.from || document.activeElement === yearInputs.to) return;
      const only = state.filters.year.length === 1 ? state.filters.year[0] : '';
      const m = /^(\d{4})(?:\.\.(\d{4}))?$/.exec(only);
      yearInputs.from.value = m ? m[1] : '';
      yearInputs.to.value = m ? m[2] || m[1] : '';
    }

    const authorBox = sections.author.filterBox;
    let authorSeq = 0;
    const lookupAuthors = debounce(async () => {
      const prefix = authorBox.value.trim();
      const mine = ++authorSeq;
      if (!prefix) {
        sections.author.lookup = null;
        renderFacets(lastFacets);
        return;
      }
      try {
        const body = await getJson(`/api/facets/author?size=20&prefix=${encodeURIComponent(prefix)}`);
        if (mine !== authorSeq) return;
        sections.author.lookup = body.values || [];
        renderFacets(lastFacets);
      } catch (e) {
        if (mine === authorSeq) {
          sections.author.lookup = [];
          renderFacets(lastFacets);
        }
      }
    }, 150);
    authorBox.addEventListener('input', lookupAuthors);
    authorBox.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') e.preventDefault();
      if (e.key === 'Escape' && authorBox.value) {
        authorBox.value = '';
        lookupAuthors();
      }
    });

    /** The filter typed in the query that selects this value ({@code subject:cs.ro}), if any. */
    function typedFilter(dim, value) {
      return lastQueryFilters.find((f) => f.dim === dim && f.value.toLowerCase() === String(value).toLowerCase());
    }

    function checkbox(dim, v, count, depth) {
      const selected = state.filters[dim].includes(v.value) || Boolean(typedFilter(dim, v.value));
      const id = `f-${dim}-${v.value}`.replace(/[^A-Za-z0-9_-]/g, (c) => '_' + c.charCodeAt(0).toString(16));
      const box = el('input', { attrs: { type: 'checkbox', id, 'data-dim': dim, value: v.value, checked: selected } });
      box.checked = selected;
      const label = el('label', { attrs: { for: id } });
      const text = v.label && v.label !== v.value ? v.label : v.value;
      label.append(el('span', { className: 'facet-label', text }));
      if (dim === 'subject') label.append(el('span', { className: 'facet-code', text: v.value }));
      // A source named by what it is ("Daily papers, Oct 17") keeps its file name as detail.
      if (dim === 'source' && text !== v.value && /\.[A-Za-z0-9]+$/.test(v.value)) {
        label.append(el('span', { className: 'facet-code facet-file', text: v.value }));
      }
      if (count != null) label.append(el('span', { className: 'facet-count', text: count.toLocaleString() }));
      // Papers only inferred to have the subject (no input gave them one) are counted apart too.
      if (v.inferred) {
        label.append(el('span', { className: 'facet-inferred', text: `${v.inferred.toLocaleString()} inferred`, attrs: { title: 'of these, papers whose subject was inferred from their nearest labelled papers' } }));
      }
      const li = el('li', { className: depth ? 'child' : null }, box, label);
      if (selected) li.classList.add('selected');
      return li;
    }

    function renderFacets(facets) {
      // Keep keyboard focus on the same checkbox across re-rendering.
      const focused = document.activeElement;
      const refocus = focused && focused.matches && focused.matches('.facet-values input')
        ? { dim: focused.dataset.dim, value: focused.value } : null;

      for (const f of FACETS) {
        const s = sections[f.dim];
        const fromLookup = s.lookup != null;
        let values = fromLookup ? s.lookup : facets[f.dim] || [];
        // A selected value always shows, even when it is not among the counted top values.
        const present = new Set();
        const walk = (vs) => vs.forEach((v) => { present.add(v.value); if (v.children) walk(v.children); });
        walk(values);
        const missing = state.filters[f.dim].filter((v) => !present.has(v)).map((v) => ({ value: v, label: v, count: null }));
        values = missing.concat(values);

        s.list.textContent = '';
        let top = 0;
        for (const v of values) {
          const li = checkbox(f.dim, v, v.count, 0);
          if (++top > VISIBLE_VALUES && !v.selected && !state.filters[f.dim].includes(v.value)) li.classList.add('extra');
          if (v.children && v.children.length) {
            const subId = `facet-${f.dim}-${v.value}-children`.replace(/[^A-Za-z0-9_-]/g, '_');
            const sub = el('ul', { className: 'facet-children', attrs: { id: subId } });
            let childSelected = false;
            for (const c of v.children) {
              const child = checkbox(f.dim, c, c.count, 1);
              if (child.classList.contains('selected')) childSelected = true;
              sub.append(child);
            }
            // A selected category is always in view: its archive opens.
            if (childSelected) openArchives.add(v.value);
            const open = openArchives.has(v.value);
            sub.hidden = !open;
            const name = v.label && v.label !== v.value ? v.label : v.value;
            const toggle = el('button', {
              className: 'facet-disclose',
              attrs: { type: 'button', 'aria-expanded': String(open), 'aria-controls': subId, 'data-archive': v.value, 'aria-label': `${name}: ${v.children.length} ${v.children.length === 1 ? 'category' : 'categories'}` },
            });
            li.prepend(toggle);
            li.classList.add('archive');
            li.append(sub);
          }
          s.list.append(li);
        }
        const extra = s.list.querySelectorAll(':scope > li.extra').length;
        s.more.dataset.label = `Show ${extra} more`;
        s.more.hidden = extra === 0;
        if (!s.section.classList.contains('expanded')) s.more.textContent = s.more.dataset.label;
        if (fromLookup && values.length === 0) s.list.append(el('li', { className: 'empty', text: 'No match.' }));
        if (fromLookup && values.length) s.list.prepend(el('li', { className: 'facet-note', text: 'Counts in the whole collection' }));
        s.section.hidden = values.length === 0 && !fromLookup && !s.filterBox;
      }
      renderYearRange();
      if (refocus) {
        const again = [...facetsAside.querySelectorAll('.facet-values input')]
          .find((b) => b.dataset.dim === refocus.dim && b.value === refocus.value);
        if (again) again.focus();
      }
    }

    // --- events

    facetsAside.addEventListener('click', (e) => {
      const b = e.target.closest('button.facet-disclose');
      if (!b) return;
      const archive = b.dataset.archive;
      const open = b.getAttribute('aria-expanded') !== 'true';
      if (open) openArchives.add(archive);
      else openArchives.delete(archive);
      b.setAttribute('aria-expanded', String(open));
      document.getElementById(b.getAttribute('aria-controls')).hidden = !open;
    });

    facetsAside.addEventListener('change', (e) => {
      const box = e.target;
      if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
      const typed = box.checked ? null : typedFilter(box.dataset.dim, box.value);
      // Unticking a value the query selects takes its words out of the query.
      if (typed) go(withChanges({ q: state.q.replace(typed.text, ' ').replace(/\s+/g, ' ').trim() }));
      else go(toggled(box.dataset.dim, box.value, box.checked));
    });

    chips.addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      if (b.dataset.clear) {
        let q = state.q;
        for (const qf of lastQueryFilters) q = q.replace(qf.text, ' ');
        const next = withChanges({ q: q.replace(/\s+/g, ' ').trim() });
        for (const d of DIMS) next.filters[d] = [];
        go(next);
        input.focus();
      } else if (b.dataset.qtext) {
        go(withChanges({ q: state.q.replace(b.dataset.qtext, ' ').replace(/\s+/g, ' ').trim() }));
        const nextChip = chips.querySelector('button');
        (nextChip || input).focus();
      } else {
        go(toggled(b.dataset.dim, b.dataset.value, false));
        const nextChip = chips.querySelector('button');
        (nextChip || input).focus();
      }
    });

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      go(withChanges({ q: input.value.trim() }), { focusResults: false });
    });

    sortSelect.addEventListener('change', () => go(withChanges({ sort: sortSelect.value })));
    modeSelect.addEventListener('change', () => go(withChanges({ mode: modeSelect.value })));

    pagerNav.addEventListener('click', (e) => {
      const a = e.target.closest('a[data-page]');
      if (!a || !plainClick(e)) return;
      e.preventDefault();
      go({ ...state, page: Number(a.dataset.page) }, { focusResults: true });
      results.scrollIntoView({ block: 'start' });
    });

    queryNote.addEventListener('click', (e) => {
      const a = e.target.closest('a[data-literal]');
      if (!a || !plainClick(e)) return;
      e.preventDefault();
      go({ ...withChanges({}), literal: true });
    });

    didYouMean.addEventListener('click', (e) => {
      const a = e.target.closest('a[data-q]');
      if (!a || !plainClick(e)) return;
      e.preventDefault();
      go(withChanges({ q: a.dataset.q }));
    });

    hitsList.addEventListener('click', (e) => {
      const a = e.target.closest('a[data-subject]');
      if (!a || !plainClick(e)) return;
      e.preventDefault();
      go(toggled('subject', a.dataset.subject, true));
    });

    filtersToggle.addEventListener('click', () => {
      const open = facetsAside.classList.toggle('open');
      filtersToggle.setAttribute('aria-expanded', String(open));
    });

    window.addEventListener('popstate', () => {
      state = readState(location.search);
      input.value = state.q;
      run();
    });

    attachSuggestions(input, document.getElementById('q-suggestions'), (s) => {
      if (s.kind === 'title' && s.id) {
        location.assign(paperPath(s.id));
      } else if (s.kind === 'author') {
        const next = withChanges({ q: '' });
        if (!next.filters.author.includes(s.text)) next.filters.author.push(s.text);
        input.value = '';
        go(next);
      } else {
        input.value = s.text;
        go(withChanges({ q: s.text }));
      }
    });
    slashToSearch(input);

    input.value = state.q;
    if (!state.q) input.focus();
    run();
    showVectorStats();
  }

  /** How many papers can be found by meaning, in the footer. */
  async function showVectorStats() {
    const span = document.getElementById('vector-stats');
    if (!span) return;
    try {
      const stats = await getJson('/api/stats');
      const n = stats.withVectors || 0;
      span.textContent = ` (${n.toLocaleString()} of ${stats.documents.toLocaleString()} papers searchable by meaning)`;
    } catch (e) {
      span.textContent = '';
    }
  }

  // ---------------------------------------------------------------- paper page

  function paperPage() {
    const article = document.getElementById('paper');
    const similar = document.getElementById('similar');
    const similarList = document.getElementById('similar-hits');
    const input = document.getElementById('q');
    attachSuggestions(input, document.getElementById('q-suggestions'), (s) => location.assign(suggestionUrl(s)));
    slashToSearch(input);

    // Back to the results this page was opened from, when it was our own search page.
    try {
      const ref = new URL(document.referrer);
      if (ref.origin === location.origin && ref.pathname === '/') {
        document.getElementById('back-link').href = ref.pathname + ref.search;
      }
    } catch {
      // no referrer
    }

    const raw = location.pathname.replace(/^\/papers\/?/, '');
    let id;
    try {
      id = decodeURIComponent(raw);
    } catch {
      id = raw;
    }
    if (!id) {
      showError('No paper id in the address.');
      return;
    }
    const apiPath = '/api/papers/' + encodeURIComponent(id).replace(/%2F/gi, '/');

    getJson(apiPath)
      .then((paper) => {
        renderPaper(paper);
        return getJson(apiPath + '/similar?size=5');
      })
      .then((body) => {
        if (!body) return;
        similarList.textContent = '';
        for (const h of body.hits || []) similarList.append(hitItem(h, { compact: true }));
        if (!body.hits || body.hits.length === 0) similarList.append(el('li', { className: 'empty', text: 'No similar papers found.' }));
        similar.hidden = false;
      })
      .catch((e) => {
        if (!article.querySelector('h1')) {
          showError(e.status === 404 ? `No paper with id “${id}”.` : e.message);
        }
      });

    function showError(message) {
      article.textContent = '';
      article.append(el('h1', { text: 'Paper not found' }), el('p', { className: 'status error', attrs: { role: 'alert' }, text: message }));
      article.setAttribute('aria-busy', 'false');
      document.title = 'Paper not found — Abstracta';
    }

    function fact(dl, term, ...content) {
      if (!content.length || content.every((c) => c == null || c === '')) return;
      dl.append(el('dt', { text: term }), el('dd', null, ...content));
    }

    /** "Subscribe" (new papers by its first author, or the talks) and "Cite/Export" (this paper). */
    function renderTools(p) {
      const tools = document.getElementById('paper-tools');
      const subscribe = document.getElementById('subscribe');
      const talk = p.type === 'talk';
      const first = (p.authors || [])[0];
      if (talk) {
        subscribe.href = '/api/search?type=talk&format=ics';
        subscribe.textContent = 'Subscribe to talks';
        subscribe.type = 'text/calendar';
      } else if (first) {
        subscribe.href = '/api/search?' + new URLSearchParams({ author: first, format: 'atom' }).toString();
        subscribe.setAttribute('aria-label', `Subscribe to new papers by ${first} (Atom feed)`);
      }
      renderExports(document.getElementById('export-links'), apiPath, '', talk && p.start ? 'Add to calendar (.ics)' : null);
      tools.hidden = false;
    }

    function renderPaper(p) {
      renderTools(p);
      document.title = `${p.title} — Abstracta`;
      article.textContent = '';
      article.setAttribute('aria-busy', 'false');

      const kicker = el('p', { className: 'kicker' });
      kicker.append(badge(p.type === 'talk' ? 'talk' : 'paper', p.type === 'talk' ? 'talk' : 'paper'));
      if (p.hasCode) kicker.append(badge('code', 'code'));
      article.append(kicker, el('h1', { className: 'paper-title', text: p.title }));

      const people = p.type === 'talk' && p.speakers && p.speakers.length ? p.speakers : p.authors;
      if (people && people.length) {
        const line = el('p', { className: 'paper-authors' });
        people.forEach((name, i) => {
          if (i > 0) line.append(', ');
          line.append(el('a', { text: name, attrs: { href: '/?author=' + encodeURIComponent(name) } }));
        });
        if (p.authorsTruncated) line.append(' et al.');
        article.append(line);
      } else if (p.authorCount) {
        article.append(el('p', { className: 'paper-authors', text: `${p.authorCount} authors` }));
      }
      if (p.affiliations && p.affiliations.length) {
        article.append(el('p', { className: 'paper-affiliations', text: p.affiliations.join(' · ') }));
      }

      const dl = el('dl', { className: 'facts' });
      if (p.date) {
        fact(dl, 'Date', el('time', { text: formatDate(p.date, p.yearInferred), attrs: { datetime: p.yearInferred ? p.date.slice(5) : p.date } }));
      } else if (p.year) {
        fact(dl, 'Year', String(p.year));
      }
      if (p.type === 'talk') {
        if (p.start) {
          const when = formatDateTime(p.start) + (p.end ? ' – ' + formatDateTime(p.end) : '');
          fact(dl, 'When', when);
        }
        if (p.location) {
          const href = /^https?:/i.test(p.location) ? safeHref(p.location) : null;
          fact(dl, 'Where', href ? el('a', { text: p.location, attrs: { href, rel: 'noopener nofollow ugc' } }) : p.location);
        }
      }
      if (p.subjects && p.subjects.length) {
        const ul = el('ul', { className: 'tags' });
        for (const s of p.subjects) {
          const a = el('a', { className: 'tag', attrs: { href: '/?subject=' + encodeURIComponent(s.code), title: s.code } });
          a.append(s.label ? `${s.label} (${s.code})` : s.code);
          ul.append(el('li', null, a));
        }
        fact(dl, 'Subjects', ul);
      }
      if (p.inferredSubjects && p.inferredSubjects.length) {
        const ul = el('ul', { className: 'tags' });
        for (const s of p.inferredSubjects) {
          const a = el('a', { className: 'tag tag-inferred', attrs: { href: '/?subject=' + encodeURIComponent(s.code), title: s.code, 'data-inferred': 'true' } });
          a.append(`${s.label ? `${s.label} (${s.code})` : s.code}, ${Math.round(s.confidence * 100)}%`);
          ul.append(el('li', null, a));
        }
        fact(dl, 'Inferred subjects', ul);
      }
      fact(dl, 'Identifier', identifier(p.id));
      if (p.sources && p.sources.length) {
        const ul = el('ul', { className: 'sources' });
        for (const s of p.sources) {
          // What the input is ("Jackie Kay — author page"), the file name only as detail.
          const li = el('li', null, s.label || s.file);
          if (s.label && s.label !== s.file) li.append(' ', el('span', { className: 'source-file', text: `(${s.file})` }));
          ul.append(li);
        }
        fact(dl, p.sources.length > 1 ? 'Sources' : 'Source', ul);
      }
      article.append(dl);

      article.append(el('h2', { text: 'Abstract' }));
      const abstract = (p.abstract || '').trim();
      if (abstract) {
        for (const para of abstract.split(/\n\s*\n/)) article.append(el('p', { className: 'abstract', text: para.trim() }));
      } else {
        article.append(el('p', { className: 'abstract empty', text: 'No abstract given.' }));
      }
      if (p.bio) {
        article.append(el('h2', { text: 'About the speaker' }), el('p', { className: 'bio', text: p.bio }));
      }

      const links = (p.links || []).map((u) => [u, safeHref(u)]).filter(([, href]) => href);
      if (links.length) {
        const ul = el('ul', { className: 'links' });
        for (const [text, href] of links) {
          ul.append(el('li', null, el('a', { text, attrs: { href, rel: 'noopener nofollow ugc' } })));
        }
        article.append(el('h2', { text: 'Links' }), ul);
      }
    }

    /** The id, linked to arXiv or doi.org when it is one of theirs. */
    function identifier(pid) {
      if (/^\d{4}\.\d{4,5}(v\d+)?$/.test(pid) || /^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/.test(pid)) {
        return el('a', { text: 'arXiv:' + pid, attrs: { href: 'https://arxiv.org/abs/' + pid, rel: 'noopener' } });
      }
      if (/^10\.\d{4,9}\//.test(pid)) {
        return el('a', { text: 'doi:' + pid, attrs: { href: 'https://doi.org/' + encodeURI(pid), rel: 'noopener' } });
      }
      return el('code', { text: pid });
    }
  }

  // ---------------------------------------------------------------- start

  const start = () => {
    if (document.body.dataset.page === 'paper') paperPage();
    else searchPage();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
