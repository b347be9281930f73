'use strict';
(async () => {
  const S = Sinterscope;

  async function users() {
    const list = await S.api('GET', '/api/admin/users');
    const body = document.querySelector('#users tbody');
    body.innerHTML = '';
    for (const u of list) {
      const tr = S.el('tr');
      const role = S.el('select');
      for (const r of ['operator', 'quality', 'admin']) { const o = S.el('option', '', r); role.appendChild(o); }
      role.value = u.role;
      role.onchange = () => S.api('PUT', '/api/admin/users/' + encodeURIComponent(u.name), { role: role.value })
        .then(users).catch(S.showError);
      const dis = S.el('button', '', u.disabled ? 'enable' : 'disable');
      dis.onclick = () => S.api('PUT', '/api/admin/users/' + encodeURIComponent(u.name), { disabled: !u.disabled })
        .then(users).catch(S.showError);
      tr.appendChild(S.el('td', '', u.name));
      const td = S.el('td'); td.appendChild(role); tr.appendChild(td);
      tr.appendChild(S.el('td', '', new Date(u.createdAt).toLocaleString()));
      tr.appendChild(S.el('td', '', u.disabled ? 'yes' : 'no'));
      const td2 = S.el('td'); td2.appendChild(dis); tr.appendChild(td2);
      body.appendChild(tr);
    }
  }

  function rows(selector, list, cells) {
    const body = document.querySelector(selector + ' tbody');
    body.innerHTML = '';
    for (const item of list) {
      const tr = S.el('tr');
      for (const c of cells(item)) tr.appendChild(S.el('td', '', c));
      body.appendChild(tr);
    }
  }

  async function audit() {
    const action = document.getElementById('auditaction').value;
    const list = await S.api('GET', '/api/admin/audit?limit=200' + (action ? '&action=' + encodeURIComponent(action) : ''));
    rows('#audit', list, e => [new Date(e.at).toLocaleString(), e.actor, e.action, e.client, e.detail]);
    const locks = await S.api('GET', '/api/admin/lockouts');
    rows('#lockouts', locks, l => [l.key, new Date(l.until).toLocaleString(), String(l.count)]);
  }

  try {
    await S.start('admin.html');
    await audit();
    document.getElementById('auditfilter').addEventListener('submit', ev => {
      ev.preventDefault();
      audit().catch(S.showError);
    });
    await users();
    const s = await S.api('GET', '/api/admin/settings');
    document.getElementById('retention').value = s.retentionDays;
    document.getElementById('newuser').addEventListener('submit', ev => {
      ev.preventDefault();
      S.api('POST', '/api/admin/users', { name: document.getElementById('name').value,
        role: document.getElementById('role').value, password: document.getElementById('pw').value })
        .then(users).catch(S.showError);
    });
    document.getElementById('settings').addEventListener('submit', ev => {
      ev.preventDefault();
      S.api('PUT', '/api/admin/settings', { retentionDays: Number(document.getElementById('retention').value) })
        .catch(S.showError);
    });
  } catch (e) { S.showError(e); }
})();
