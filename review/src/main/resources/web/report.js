'use strict';
(async () => {
  const S = Sinterscope;

  function rows(tbody, pairs) {
    tbody.innerHTML = '';
    for (const [k, v] of pairs) {
      const tr = S.el('tr');
      tr.appendChild(S.el('td', '', k));
      tr.appendChild(S.el('td', '', String(v)));
      tbody.appendChild(tr);
    }
  }

  async function load(roll) {
    const r = await S.api('GET', '/api/rolls/' + encodeURIComponent(roll) + '/report');
    const base = '/api/rolls/' + encodeURIComponent(roll) + '/report';
    document.getElementById('csv').href = base + '.csv';
    document.getElementById('pdf').href = base + '.pdf';
    rows(document.querySelector('#summary tbody'), [
      ['Roll', r.roll.id], ['Product', r.roll.product], ['Foil lot', r.roll.lot],
      ['Web inspected', S.fmt(r.lengthMeters, 2) + ' m'], ['Rejected', S.fmt(r.rejectedMeters, 2) + ' m'],
      ['Yield', S.fmt(r.yieldPercent, 2) + ' %'], ['Defects (reviewed)', r.defects + ' (' + r.reviewed + ')'],
      ['Reject commands', r.rejectCommands + ' ' + JSON.stringify(r.commandOutcomes)],
      ['Mean coating CV', S.fmt(r.meanCoatingCvPercent, 2) + ' %']]);
    rows(document.querySelector('#byclass tbody'), Object.entries(r.byClass));
    history.replaceState(null, '', '?roll=' + encodeURIComponent(roll));
    document.getElementById('summary').dataset.ready = 'true';
  }

  try {
    const session = await S.start('report.html');
    if (session.role === 'operator') document.getElementById('export').hidden = true;
    const select = document.getElementById('roll');
    const rolls = await S.rollSelect(select);
    select.onchange = () => load(select.value).catch(S.showError);
    if (rolls.length) await load(select.value);
  } catch (e) { S.showError(e); }
})();
