'use strict';
(async () => {
  const S = Sinterscope;
  const plots = {};

  function chart(id, c, xLabel) {
    const host = document.getElementById(id);
    const info = document.getElementById(id + '-info');
    if (plots[id]) { plots[id].destroy(); delete plots[id]; }
    host.innerHTML = '';
    host.dataset.points = String(c.points.length);
    host.dataset.out = String(c.outOfControl);
    if (c.points.length === 0) {
      info.textContent = 'No readings stored.';
      return;
    }
    const xs = c.points.map(p => p.x);
    const ys = c.points.map(p => p.value);
    const flat = v => xs.map(() => (Number.isFinite(v) ? v : null));
    const outs = c.points.map(p => (p.out ? p.value : null));
    const opts = {
      width: Math.max(400, host.clientWidth - 10), height: 200,
      scales: { x: { time: false } },
      axes: [{ label: xLabel }, { label: c.unit }],
      series: [
        { label: xLabel },
        { label: c.metric, stroke: '#2f6fd6', points: { size: 4 } },
        { label: 'mean', stroke: '#555', dash: [4, 4], points: { show: false } },
        { label: 'LCL', stroke: '#d08a00', dash: [6, 3], points: { show: false } },
        { label: 'UCL', stroke: '#d08a00', dash: [6, 3], points: { show: false } },
        { label: 'out of control', stroke: 'transparent', points: { size: 9, fill: '#d01818', stroke: '#d01818' } },
      ],
    };
    plots[id] = new uPlot(opts, [xs, ys, flat(c.mean), flat(c.lcl), flat(c.ucl), outs], host);
    const lots = [...new Set(c.points.map(p => p.group))];
    info.innerHTML = '';
    info.appendChild(document.createTextNode(c.points.length + ' points; reference ' + c.referencePoints
      + ': mean ' + S.fmt(c.mean, 3) + ', σ ' + S.fmt(c.sigma, 3) + ', limits [' + S.fmt(c.lcl, 3) + ', '
      + S.fmt(c.ucl, 3) + '] ' + c.unit + '; '));
    info.appendChild(S.el('span', c.outOfControl ? 'out' : '', c.outOfControl + ' out of control'));
    if (id === 'foil-ra') info.appendChild(document.createTextNode('; lots: ' + lots.join(', ')));
  }

  async function load() {
    const roll = document.getElementById('roll').value;
    const ref = document.getElementById('reference').value || '20';
    const lot = document.getElementById('lot').value.trim();
    const foil = await S.api('GET', '/api/spc/foil-ra?reference=' + encodeURIComponent(ref)
      + (lot ? '&lot=' + encodeURIComponent(lot) : ''));
    chart('foil-ra', foil, 'reading');
    if (roll) {
      const q = '?roll=' + encodeURIComponent(roll) + '&reference=' + encodeURIComponent(ref);
      chart('coating-cv', await S.api('GET', '/api/spc/coating-cv' + q), 'web y, m');
      chart('crack-density', await S.api('GET', '/api/spc/crack-density' + q), 'web y, m');
    }
    document.querySelector('.charts').dataset.ready = 'true';
  }

  try {
    await S.start('trends.html');
    await S.rollSelect(document.getElementById('roll'));
    document.getElementById('apply').onclick = () => load().catch(S.showError);
    document.getElementById('roll').onchange = () => load().catch(S.showError);
    await load();
  } catch (e) { S.showError(e); }
})();
