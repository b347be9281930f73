'use strict';
(async () => {
  const S = Sinterscope;
  try {
    await S.start('index.html');
    const rolls = await S.api('GET', '/api/rolls');
    const body = document.querySelector('#rolls tbody');
    for (const r of rolls) {
      const tr = document.createElement('tr');
      const cells = [r.id, r.product, r.lot, new Date(r.startedAt).toLocaleString(), S.fmt(r.lengthMm / 1000, 2),
        r.defects, r.reviewed, r.rejectedSegments];
      for (const c of cells) tr.appendChild(S.el('td', '', String(c)));
      const links = S.el('td');
      for (const [page, label] of [['map.html', 'map'], ['gallery.html', 'gallery'], ['trends.html', 'trends'],
        ['compliance.html', 'compliance'], ['report.html', 'report']]) {
        const a = S.el('a', 'roll-' + label, label);
        a.href = page + '?roll=' + encodeURIComponent(r.id);
        links.appendChild(a);
        links.appendChild(document.createTextNode(' '));
      }
      tr.appendChild(links);
      body.appendChild(tr);
    }
    if (rolls.length === 0) body.innerHTML = '<tr><td colspan="9">No rolls stored yet.</td></tr>';
  } catch (e) { S.showError(e); }
})();
