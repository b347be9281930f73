'use strict';
(async () => {
  const S = Sinterscope;
  // allow-list of condition outcomes: class and words; anything else is shown as unknown
  const STATUS = { PASS: ['pass', 'pass'], FAIL: ['fail', 'FAIL'], NO_DATA: ['nodata', 'no data'] };
  let plot = null;

  function fill(tbody, rows, empty, cols) {
    tbody.innerHTML = '';
    for (const cells of rows) {
      const tr = S.el('tr');
      for (const c of cells) {
        if (c instanceof Node) { const td = S.el('td'); td.appendChild(c); tr.appendChild(td); }
        else tr.appendChild(S.el('td', '', String(c)));
      }
      tbody.appendChild(tr);
    }
    if (rows.length === 0) {
      const tr = S.el('tr');
      const td = S.el('td', '', empty);
      td.colSpan = cols;
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
    tbody.parentElement.dataset.rows = String(rows.length);
  }

  function m(mm) { return S.fmt(mm / 1000, 2); }

  function chart(g) {
    const host = document.getElementById('furnace');
    const info = document.getElementById('furnace-info');
    if (plot) { plot.destroy(); plot = null; }
    host.innerHTML = '';
    const st = g.sintering;
    const flagged = st.filter(s => s.causes.length > 0);
    host.dataset.points = String(st.length);
    host.dataset.flagged = String(flagged.length);
    if (st.length === 0) { info.textContent = 'No furnace history stored for this roll.'; return; }
    const xs = st.map(s => (s.y0Mm + s.y1Mm) / 2000);
    const flat = v => xs.map(() => (v === null || v === undefined ? null : v));
    const hot = st.map(s => (s.causes.includes('furnace-temperature') ? s.maxTempC : null));
    const o2bad = st.map(s => (s.causes.includes('furnace-o2') || s.causes.includes('furnace-dew-point') ? s.worstO2Ppm : null));
    const L = g.limits;
    const opts = {
      width: Math.max(400, host.clientWidth - 10), height: 260,
      scales: { x: { time: false }, T: {}, O2: {} },
      axes: [{ label: 'web y, m' }, { scale: 'T', label: '°C' }, { scale: 'O2', side: 1, label: 'O₂, ppm', grid: { show: false } }],
      series: [
        { label: 'web y, m' },
        { label: 'max temperature', scale: 'T', stroke: '#d05a18', points: { size: 3 } },
        { label: 'T_cryst − margin', scale: 'T', stroke: '#d05a18', dash: [6, 3], points: { show: false } },
        { label: 'worst O₂', scale: 'O2', stroke: '#2f6fd6', points: { size: 3 } },
        { label: 'O₂ limit', scale: 'O2', stroke: '#2f6fd6', dash: [6, 3], points: { show: false } },
        { label: 'over T limit', scale: 'T', stroke: 'transparent', points: { size: 9, fill: '#d01818', stroke: '#d01818' } },
        { label: 'atmosphere over limit', scale: 'O2', stroke: 'transparent', points: { size: 9, fill: '#7a18d0', stroke: '#7a18d0' } },
      ],
    };
    plot = new uPlot(opts, [xs, st.map(s => s.maxTempC), flat(L.maxTempC), st.map(s => s.worstO2Ppm), flat(L.maxO2Ppm),
      hot, o2bad], host);
    info.textContent = st.length + ' stretches, ' + flagged.length + ' flagged.';
  }

  async function load(roll) {
    const g = await S.api('GET', '/api/rolls/' + encodeURIComponent(roll) + '/genealogy');
    const L = g.limits;
    document.getElementById('window').textContent = 'Window: ' + (L.alloy === null ? 'none'
      : L.alloy + ', T_cryst ' + S.fmt(L.crystallizationTempC, 0) + ' °C − margin ' + S.fmt(L.marginC, 0)
        + ' °C = ' + S.fmt(L.maxTempC, 0) + ' °C; O₂ ≤ ' + S.fmt(L.maxO2Ppm, 1) + ' ppm; dew point ≤ '
        + S.fmt(L.maxDewPointC, 0) + ' °C; dwell ≥ ' + S.fmt(L.minDwellS, 1) + ' s above ' + S.fmt(L.dwellLevelC, 0)
        + ' °C; XRD index ≤ ' + S.fmt(L.xrdMaxCrystallinity, 3)) + ' (from the ' + L.source
      + '); foil Ra ≥ ' + S.fmt(L.minFoilRaUm, 1) + ' µm. Verdicts per stretch are the station\'s, stored with the roll.';
    const tbody = document.querySelector('#conditions tbody');
    tbody.innerHTML = '';
    for (const c of g.conditions) {
      const [cls, words] = STATUS[c.status] || ['unknown', 'unknown'];
      const tr = S.el('tr');
      tr.dataset.condition = c.id;
      tr.dataset.status = cls;
      tr.appendChild(S.el('td', '', c.title));
      tr.appendChild(S.el('td', 'status-' + cls, words));
      tr.appendChild(S.el('td', '', c.evidence));
      tbody.appendChild(tr);
    }
    chart(g);
    fill(document.querySelector('#flagged tbody'), g.sintering.filter(s => s.causes.length > 0).map(s => [
      m(s.y0Mm) + '–' + m(s.y1Mm), S.fmt(s.maxTempC, 1) + (s.maxTempZone ? ' (' + s.maxTempZone + ')' : ''),
      S.fmt(s.worstO2Ppm, 1), S.fmt(s.worstDewPointC, 1), S.fmt(s.secondsAbove, 1), s.readings, s.causes.join(', ')]),
      'No stretch flagged.', 7);
    fill(document.querySelector('#xrd tbody'), g.xrd.map(x => [x.sampleId || '—', m(x.yMm), S.fmt(x.crystallinityIndex, 3),
      S.fmt(x.crystallinityStdErr, 3), S.fmt(x.limit, 3),
      S.el('span', x.verdict === 'AMORPHOUS' ? '' : 'out', x.verdict), x.source,
      new Date(x.measuredAt).toLocaleString()]), 'No XRD results stored for this roll.', 8);
    fill(document.querySelector('#foil tbody'), g.foil.map(f => [new Date(f.measuredAt).toLocaleString(), f.lot,
      S.fmt(f.raUm, 3), S.fmt(f.rzUm, 3), S.el('span', f.pass ? '' : 'out', f.pass ? 'yes' : 'no'), f.source]),
      'No foil readings stored for this roll\'s lot.', 6);
    history.replaceState(null, '', '?roll=' + encodeURIComponent(roll));
    document.querySelector('.charts').dataset.ready = 'true';
  }

  try {
    await S.start('compliance.html');
    const select = document.getElementById('roll');
    const rolls = await S.rollSelect(select);
    select.onchange = () => load(select.value).catch(S.showError);
    if (rolls.length) await load(select.value);
  } catch (e) { S.showError(e); }
})();
