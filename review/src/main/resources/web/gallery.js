'use strict';
(async () => {
  const S = Sinterscope;
  const grid = document.getElementById('grid');
  let defects = [];
  let focus = 0;
  let canLabel = false;

  function tile(d, i) {
    const t = S.el('div', 'tile' + (i === focus ? ' focus' : ''));
    t.id = 'defect-' + d.id;
    t.dataset.id = d.id;
    t.dataset.label = d.label || '';
    const img = S.el('img');
    img.alt = d.defectClass + ' #' + d.id;
    img.loading = 'lazy';
    img.src = d.hasCrop ? '/api/defects/' + d.id + '/' + (document.getElementById('overlay').checked ? 'overlay' : 'crop')
      + '.png' : '';
    t.appendChild(img);
    const cls = d.label || d.defectClass;
    const head = S.el('div', 'cls', cls + (d.label && d.label !== d.defectClass ? ' (line: ' + d.defectClass + ')' : ''));
    head.style.color = S.COLOURS[cls];
    t.appendChild(head);
    t.appendChild(S.el('div', '', '#' + d.id + ' · conf ' + S.fmt(d.confidence, 2) + ' · y ' + S.fmt(d.y0Mm / 1000, 3) + ' m'));
    t.appendChild(d.label ? S.el('div', 'reviewed', '✔ ' + d.labelledBy + ', ' + new Date(d.labelledAt).toLocaleString())
      : S.el('div', 'pending', 'not reviewed'));
    t.onclick = () => { focus = i; render(); };
    return t;
  }

  function render() {
    grid.innerHTML = '';
    defects.forEach((d, i) => grid.appendChild(tile(d, i)));
    document.getElementById('count').textContent = defects.length + ' defect(s)';
    const f = grid.children[focus];
    if (f) f.scrollIntoView({ block: 'nearest' });
  }

  async function load() {
    const q = new URLSearchParams();
    for (const id of ['roll', 'class', 'minConfidence', 'maxConfidence', 'from', 'to', 'reviewed']) {
      const v = document.getElementById(id).value;
      if (v !== '') q.set(id, v);
    }
    q.set('limit', '500');
    defects = await S.api('GET', '/api/defects?' + q);
    const want = Number(S.param('focus'));
    const at = defects.findIndex(d => d.id === want);
    focus = at >= 0 ? at : Math.min(focus, Math.max(0, defects.length - 1));
    render();
    grid.dataset.ready = 'true';
  }

  async function label(cls) {
    const d = defects[focus];
    if (!d) return;
    if (!canLabel) { S.showError(new Error('your role may view but not relabel')); return; }
    try {
      const res = await S.api('POST', '/api/defects/' + d.id + '/label', { label: cls });
      defects[focus] = res.defect;
      document.getElementById('status').textContent = '#' + d.id + ' labelled ' + cls;
      focus = Math.min(focus + 1, defects.length - 1);
      render();
    } catch (e) { S.showError(e); }
  }

  document.addEventListener('keydown', ev => {
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(ev.target.tagName)) return;
    if (ev.key === 'j' || ev.key === 'ArrowRight') { focus = Math.min(focus + 1, defects.length - 1); render(); }
    else if (ev.key === 'k' || ev.key === 'ArrowLeft') { focus = Math.max(focus - 1, 0); render(); }
    else if (ev.key === 'c' || ev.key === 'Enter') { const d = defects[focus]; if (d) label(d.defectClass); }
    else if (/^[1-7]$/.test(ev.key)) label(S.CLASSES[Number(ev.key) - 1]);
    else return;
    ev.preventDefault();
  });

  try {
    const session = await S.start('gallery.html');
    canLabel = session.role !== 'operator';
    document.getElementById('keymap').textContent = S.CLASSES.map((c, i) => (i + 1) + ' ' + c).join(', ');
    const classSel = document.getElementById('class');
    for (const c of S.CLASSES) { const o = S.el('option', '', c); o.value = c; classSel.appendChild(o); }
    const rollSel = document.getElementById('roll');
    const rolls = await S.api('GET', '/api/rolls');
    for (const r of rolls) { const o = S.el('option', '', r.id); o.value = r.id; rollSel.appendChild(o); }
    if (S.param('roll')) rollSel.value = S.param('roll');
    document.getElementById('filters').addEventListener('submit', ev => { ev.preventDefault(); load().catch(S.showError); });
    document.getElementById('overlay').onchange = render;
    await load();
  } catch (e) { S.showError(e); }
})();
