/*! Abstracta search box: <abstracta-search endpoint="https://search.example.org"></abstracta-search>
 *
 * Attributes: endpoint (default: where this script came from), placeholder, subject (one or more
 * codes, comma-separated), size (results shown, 1-20, default 5), link-template (a URL with {id};
 * default {endpoint}/papers/{id}), label (accessible name of the input), mode (keyword, semantic or
 * hybrid; default: the service's, hybrid for a sentence and keyword for keywords).
 * Theming (CSS custom properties on the element or an ancestor): --abstracta-accent, --abstracta-font,
 * --abstracta-bg, --abstracta-fg, --abstracta-muted, --abstracta-border, --abstracta-radius,
 * --abstracta-mark-bg, --abstracta-mark-fg, --abstracta-active-bg, --abstracta-shadow, --abstracta-z;
 * parts: input, listbox, option, title, meta, snippet, status.
 * Events: "abstracta-select" (cancelable, detail {id, url, hit}) before a result is followed.
 * The only global effect is customElements.define("abstracta-search"), once.
 */
(() => {
  'use strict';
  const NAME = 'abstracta-search';
  if (typeof customElements === 'undefined' || customElements.get(NAME)) return;

  // The origin this script was loaded from: the default endpoint.
  const script = document.currentScript;
  const ORIGIN = script && script.src ? new URL(script.src, location.href).origin : location.origin;

  const CSS = `
:host{display:block;position:relative;font:var(--abstracta-font,inherit);color:var(--abstracta-fg,#1d2330);
--a:var(--abstracta-accent,#2f4fbf);--b:var(--abstracta-border,#d0d5df);--m:var(--abstracta-muted,#5b6475);
--r:var(--abstracta-radius,.5rem);--bg:var(--abstracta-bg,#fff)}
:host([hidden]){display:none}
*{box-sizing:border-box}
input{width:100%;font:inherit;color:inherit;background:var(--bg);padding:.55em .8em;border:1px solid var(--b);border-radius:var(--r);outline:none}
input:focus{border-color:var(--a);box-shadow:0 0 0 3px color-mix(in srgb,var(--a) 25%,transparent)}
[role=listbox]{position:absolute;left:0;right:0;top:calc(100% + .3em);z-index:var(--abstracta-z,1000);margin:0;padding:.25em 0;
background:var(--bg);border:1px solid var(--b);border-radius:var(--r);box-shadow:var(--abstracta-shadow,0 8px 24px rgb(0 0 0/.16));max-height:min(28em,70vh);overflow-y:auto}
[role=listbox][hidden]{display:none}
a{display:block;padding:.5em .8em;color:inherit;text-decoration:none;border-left:3px solid transparent}
a:hover,a[aria-selected=true]{background:var(--abstracta-active-bg,rgb(0 0 0/.05));border-left-color:var(--a)}
.t{display:block;font-weight:600;line-height:1.3;color:var(--a)}
.m,.s{display:block;font-size:.82em;color:var(--m);margin-top:.15em;overflow:hidden;text-overflow:ellipsis}
.m{white-space:nowrap}
.s{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;line-height:1.35}
.all{font-size:.85em;color:var(--a);border-top:1px solid var(--b)}
mark{background:var(--abstracta-mark-bg,#fff1a8);color:var(--abstracta-mark-fg,inherit);border-radius:.15em}
.n{padding:.5em .8em;color:var(--m);font-size:.9em}
.v{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

  let sheet = null;
  let instances = 0;

  /** Creates an element with a class, text and attributes. */
  const h = (tag, cls, text, attrs) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  };

  /** Puts an API highlight (escaped text with <mark>) into e, or the fallback text if it holds anything else. */
  const mark = (e, html, fallback) => {
    const t = document.createElement('template');
    t.innerHTML = typeof html === 'string' ? html : '';
    const ok = [...t.content.childNodes].every(
      (n) => n.nodeType === 3 || (n.localName === 'mark' && !n.attributes.length && [...n.childNodes].every((c) => c.nodeType === 3)),
    );
    if (html && ok) e.append(t.content);
    else e.textContent = fallback || '';
  };

  class AbstractaSearch extends HTMLElement {
    static get observedAttributes() {
      return ['placeholder', 'label'];
    }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const uid = `abx${++instances}`;
      if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
        // A constructed sheet: shared by every box and allowed under a host page's strict style-src.
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(CSS);
        }
        root.adoptedStyleSheets = [sheet];
      } else {
        root.append(h('style', null, CSS));
      }
      this._input = h('input', null, null, {
        type: 'search', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
        'aria-controls': `${uid}-list`, autocomplete: 'off', spellcheck: 'false', part: 'input',
      });
      this._list = h('div', null, null, { role: 'listbox', id: `${uid}-list`, part: 'listbox', hidden: '' });
      this._status = h('div', 'v', null, { role: 'status', 'aria-live': 'polite', part: 'status' });
      root.append(this._input, this._list, this._status);
      this._uid = uid;
      this._seq = 0;
      this._timer = 0;
      this._active = -1;
      this._abort = null;

      this._input.addEventListener('input', () => this._schedule());
      this._input.addEventListener('keydown', (e) => this._key(e));
      this._input.addEventListener('focus', () => {
        if (this._list.childElementCount && this._input.value.trim()) this._open(true);
      });
      // Close when focus leaves the box; a click on an option keeps the focus in the input.
      this._input.addEventListener('blur', () => this._open(false));
      this._list.addEventListener('mousedown', (e) => e.preventDefault());
      this._list.addEventListener('click', (e) => {
        const a = e.target.closest('a');
        if (a && !this._select(a)) e.preventDefault();
      });
      this._sync();
    }

    attributeChangedCallback() {
      this._sync();
    }

    disconnectedCallback() {
      clearTimeout(this._timer);
      if (this._abort) this._abort.abort();
      this._seq++;
    }

    _sync() {
      const ph = this.getAttribute('placeholder') || 'Search papers…';
      this._input.placeholder = ph;
      this._input.setAttribute('aria-label', this.getAttribute('label') || ph);
      // The listbox is named too (axe-core: every ARIA input field has an accessible name).
      this._list.setAttribute('aria-label', 'Results');
    }

    get _endpoint() {
      return (this.getAttribute('endpoint') || ORIGIN).replace(/\/+$/, '');
    }

    get _size() {
      const n = parseInt(this.getAttribute('size'), 10);
      return n >= 1 ? Math.min(n, 20) : 5;
    }

    _subjects() {
      return (this.getAttribute('subject') || '').split(',').map((s) => s.trim()).filter(Boolean);
    }

    _link(id) {
      const tpl = this.getAttribute('link-template');
      return tpl
        ? tpl.split('{id}').join(encodeURIComponent(id))
        : `${this._endpoint}/papers/${encodeURIComponent(id).replace(/%2F/gi, '/')}`;
    }

    _searchUrl(q) {
      const p = new URLSearchParams({ q });
      for (const s of this._subjects()) p.append('subject', s);
      this._addMode(p);
      return `${this._endpoint}/?${p}`;
    }

    /** The mode attribute, when it names one, as the API's mode parameter. */
    _addMode(p) {
      const mode = (this.getAttribute('mode') || '').trim().toLowerCase();
      if (['keyword', 'semantic', 'hybrid'].includes(mode)) p.set('mode', mode);
    }

    /** Debounced: at most one request per pause in typing. */
    _schedule() {
      clearTimeout(this._timer);
      this._seq++; // anything in flight is now stale
      this._list.setAttribute('aria-busy', 'true');
      if (!this._input.value.trim()) {
        if (this._abort) this._abort.abort();
        this._render(null);
        return;
      }
      this._timer = setTimeout(() => this._fetch(), 150);
    }

    async _fetch() {
      const q = this._input.value.trim();
      const seq = ++this._seq;
      if (this._abort) this._abort.abort();
      const ctl = (this._abort = typeof AbortController === 'function' ? new AbortController() : null);
      const p = new URLSearchParams({ q, size: String(this._size), facets: 'none' });
      for (const s of this._subjects()) p.append('subject', s);
      this._addMode(p);
      try {
        const res = await fetch(`${this._endpoint}/api/search?${p}`, {
          signal: ctl && ctl.signal, headers: { Accept: 'application/json' }, credentials: 'omit',
        });
        const body = await res.json();
        if (seq !== this._seq) return; // a newer query was typed meanwhile
        if (!res.ok) throw new Error(body && body.message);
        this._render(body, q);
      } catch (e) {
        if (seq !== this._seq || (e && e.name === 'AbortError')) return;
        this._render({ error: true }, q);
      }
    }

    _render(body, q) {
      const list = this._list;
      list.textContent = '';
      list.setAttribute('aria-busy', 'false');
      this._setActive(-1);
      if (!body) {
        this._status.textContent = '';
        this._open(false);
        return;
      }
      const hits = body.hits || [];
      // Results that are not the query as typed say so first (a disabled option: not a result).
      const notes = [];
      if (body.correctedQuery) notes.push(`Showing results for “${body.correctedQuery}”.`);
      if (body.matched === 'some') notes.push(`No paper has all of the words of “${q}” — showing papers with some of them.`);
      if (notes.length) list.append(h('div', 'n', notes.join(' '), { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }));
      hits.forEach((hit, i) => {
        const a = h('a', null, null, {
          role: 'option', id: `${this._uid}-o${i}`, href: this._link(hit.id), 'aria-selected': 'false', tabindex: '-1', part: 'option',
        });
        a._hit = hit;
        const title = h('span', 't', null, { part: 'title' });
        mark(title, hit.highlights && hit.highlights.title, hit.title);
        a.append(title);
        const authors = hit.authors || [];
        const meta = [authors.slice(0, 3).join(', ') + (authors.length > 3 ? ' et al.' : ''), hit.date && hit.date.slice(0, 4),
          hit.subjects && hit.subjects[0] && hit.subjects[0].code].filter(Boolean).join(' · ');
        if (meta) a.append(h('span', 'm', meta, { part: 'meta' }));
        if (hit.highlights && hit.highlights.abstract) {
          const s = h('span', 's', null, { part: 'snippet' });
          mark(s, hit.highlights.abstract, '');
          a.append(s);
        }
        list.append(a);
      });
      const total = body.total || 0;
      if (total > hits.length) {
        const all = h('a', 'all', `See all ${total.toLocaleString()} results`, {
          role: 'option', id: `${this._uid}-all`, href: this._searchUrl(q), 'aria-selected': 'false', tabindex: '-1', part: 'option',
        });
        list.append(all);
      }
      const msg = body.error ? 'Search is unavailable right now.' : hits.length ? '' : `No results for “${q}”.`;
      // "No results" is a disabled option: a listbox holds nothing but options.
      if (msg) list.append(h('div', 'n', msg, { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }));
      this._status.textContent = body.error ? msg : hits.length ? `${total} result${total === 1 ? '' : 's'}` : msg;
      this._open(document.activeElement === this || this.shadowRoot.activeElement === this._input);
    }

    _options() {
      return [...this._list.querySelectorAll('[role=option]:not([aria-disabled])')];
    }

    _open(open) {
      open = open && this._list.childElementCount > 0;
      this._list.hidden = !open;
      this._input.setAttribute('aria-expanded', String(open));
      if (!open) this._setActive(-1);
    }

    _setActive(i) {
      const opts = this._options();
      if (opts[this._active]) opts[this._active].setAttribute('aria-selected', 'false');
      this._active = i;
      const o = opts[i];
      if (o) {
        o.setAttribute('aria-selected', 'true');
        this._input.setAttribute('aria-activedescendant', o.id);
        o.scrollIntoView({ block: 'nearest' });
      } else {
        this._input.removeAttribute('aria-activedescendant');
      }
    }

    _key(e) {
      const opts = this._options();
      const open = !this._list.hidden;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!opts.length) return;
        e.preventDefault();
        if (!open) {
          this._open(true);
          return;
        }
        const n = opts.length;
        this._setActive(e.key === 'ArrowDown' ? (this._active + 1) % n : (this._active - 1 + n) % n);
      } else if (e.key === 'Enter') {
        const q = this._input.value.trim();
        if (!q) return;
        e.preventDefault();
        const a = open && opts[this._active];
        if (a) {
          if (this._select(a)) location.assign(a.href);
        } else {
          location.assign(this._searchUrl(q));
        }
      } else if (e.key === 'Escape') {
        if (open) this._open(false);
        else if (this._input.value) {
          this._input.value = '';
          this._schedule();
        } else return;
        e.preventDefault();
      }
    }

    /** Announces the choice; false when the host page cancelled it (and handles it itself). */
    _select(a) {
      const hit = a._hit;
      if (!hit) return true;
      return this.dispatchEvent(new CustomEvent('abstracta-select', {
        bubbles: true, composed: true, cancelable: true, detail: { id: hit.id, url: a.href, hit },
      }));
    }
  }

  customElements.define(NAME, AbstractaSearch);
})();
