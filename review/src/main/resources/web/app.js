// Sinterscope review app: shared helpers (session, CSRF, API calls, navigation, class colours).
'use strict';

const Sinterscope = (() => {
  const CLASSES = ['pinhole', 'agglomerate', 'scratch', 'streak', 'uncoated', 'edge', 'crack'];
  const COLOURS = {
    pinhole: '#e62828', agglomerate: '#fa8c1e', scratch: '#a03cc8', streak: '#28a0dc',
    uncoated: '#3cc83c', edge: '#28c8c8', crack: '#a03c3c'
  };
  let session = null;

  async function api(method, path, body) {
    const opts = { method, headers: {}, credentials: 'same-origin' };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    if (method !== 'GET' && session) {
      opts.headers['X-CSRF-Token'] = session.csrf;
    }
    const res = await fetch(path, opts);
    if (res.status === 401 && !path.startsWith('/api/login')) {
      location.href = '/login.html?next=' + encodeURIComponent(location.pathname + location.search);
      throw new Error('not signed in');
    }
    const type = res.headers.get('Content-Type') || '';
    const data = type.startsWith('application/json') ? await res.json() : null;
    if (!res.ok) {
      throw new Error((data && data.error) || ('HTTP ' + res.status));
    }
    return data;
  }

  // Signs in the page: fetches the session (redirects to the sign-in page without one) and draws the nav bar.
  async function start(active) {
    session = await api('GET', '/api/session');
    const nav = document.getElementById('nav');
    if (nav) {
      const links = [['index.html', 'Rolls'], ['gallery.html', 'Gallery'], ['trends.html', 'Trends'],
        ['compliance.html', 'Compliance'], ['report.html', 'Report']];
      if (session.role === 'admin') links.push(['admin.html', 'Admin']);
      nav.innerHTML = '';
      const brand = el('span', 'brand', 'Sinterscope review');
      nav.appendChild(brand);
      for (const [href, label] of links) {
        const a = el('a', href === active ? 'active' : '', label);
        a.href = href + keepRoll(href);
        nav.appendChild(a);
      }
      const who = el('span', 'who', session.user + ' (' + session.role + ')');
      nav.appendChild(who);
      const out = el('button', 'link', 'Sign out');
      out.id = 'signout';
      out.onclick = async () => { await api('POST', '/api/logout'); location.href = '/login.html'; };
      nav.appendChild(out);
    }
    return session;
  }

  function keepRoll(href) {
    const roll = new URLSearchParams(location.search).get('roll');
    return roll && href !== 'index.html' && href !== 'admin.html' ? '?roll=' + encodeURIComponent(roll) : '';
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function param(name) {
    return new URLSearchParams(location.search).get(name);
  }

  function fmt(v, digits) {
    return v === null || v === undefined || Number.isNaN(v) ? '—' : Number(v).toFixed(digits);
  }

  // Fills a <select> with the rolls, newest first, and selects ?roll= (or the newest).
  async function rollSelect(select) {
    const rolls = await api('GET', '/api/rolls');
    select.innerHTML = '';
    for (const r of rolls) {
      const o = el('option', '', r.id + ' — ' + r.product + ', ' + fmt(r.lengthMm / 1000, 1) + ' m');
      o.value = r.id;
      select.appendChild(o);
    }
    const want = param('roll');
    if (want && rolls.some(r => r.id === want)) select.value = want;
    return rolls;
  }

  function showError(e) {
    const box = document.getElementById('error');
    if (box) { box.textContent = e.message; box.hidden = false; }
  }

  return { api, start, el, param, fmt, rollSelect, showError, CLASSES, COLOURS, session: () => session };
})();
