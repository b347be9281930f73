'use strict';
// Roll map: machine direction (web y, m) left to right, cross direction (web x, mm) top to bottom.
// Both axes are linear in mm; "1:1 scale" makes a mm along the web as long as a mm across it.
(async () => {
  const S = Sinterscope;
  const canvas = document.getElementById('map');
  const ctx = canvas.getContext('2d');
  const PAD = { l: 56, r: 12, t: 12, b: 30 };
  let data = null;
  let y0 = 0, y1 = 1;          // visible web y range, mm
  let hover = null;
  let cameras = [];            // camera ids of the roll's defects, sorted; the first drawn solid, the next dashed
  let camera = '';             // '' = all cameras
  const DASHES = [[], [4, 3], [1, 2], [6, 2, 1, 2]];
  function dash(cameraId) { return DASHES[Math.max(0, cameras.indexOf(cameraId)) % DASHES.length]; }

  function plotW() { return canvas.clientWidth - PAD.l - PAD.r; }
  function plotH() { return canvas.clientHeight - PAD.t - PAD.b; }
  function xRange() { return [data.roll.viewX0Mm, data.roll.viewX1Mm]; }
  function sx(yMm) { return PAD.l + (yMm - y0) / (y1 - y0) * plotW(); }
  function sy(xMm) { const [a, b] = xRange(); return PAD.t + (xMm - a) / (b - a) * plotH(); }

  function draw() {
    const dpr = window.devicePixelRatio || 1;
    canvas.width = canvas.clientWidth * dpr;
    canvas.height = canvas.clientHeight * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, canvas.clientWidth, canvas.clientHeight);
    if (!data) return;
    const r = data.roll;
    ctx.save();
    ctx.beginPath();
    ctx.rect(PAD.l, PAD.t, plotW(), plotH());
    ctx.clip();
    // the camera's view beyond the foil (roller), then the foil over the inspected length
    ctx.fillStyle = '#2a2d33';
    ctx.fillRect(PAD.l, PAD.t, plotW(), plotH());
    ctx.fillStyle = '#6b6f78';
    ctx.fillRect(sx(0), sy(0), sx(r.lengthMm) - sx(0), sy(r.foilWidthMm) - sy(0));
    ctx.fillStyle = 'rgba(220, 40, 40, 0.28)';
    ctx.strokeStyle = 'rgba(220, 40, 40, 0.9)';
    for (const s of data.rejects) {
      const a = sx(Math.max(0, s.y0Mm)), b = sx(s.y1Mm);
      ctx.fillRect(a, PAD.t, Math.max(1, b - a), plotH());
      ctx.strokeRect(a, PAD.t, Math.max(1, b - a), plotH());
    }
    let shown = 0;
    for (const d of data.defects) {
      d._hit = null;
      if (camera && d.cameraId !== camera) continue;
      shown++;
      const cls = d.label || d.defectClass;
      const a = sx(d.y0Mm), b = sx(d.y1Mm), top = sy(d.x0Mm), bot = sy(d.x1Mm);
      const w = Math.max(7, b - a), h = Math.max(7, bot - top);
      const cx = (a + b) / 2, cy = (top + bot) / 2;
      ctx.fillStyle = S.COLOURS[cls] || '#fff';
      ctx.globalAlpha = 0.85;
      ctx.fillRect(cx - w / 2, cy - h / 2, w, h);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = d === hover ? '#fff' : '#000';
      ctx.lineWidth = d === hover ? 2 : 1;
      ctx.setLineDash(dash(d.cameraId));
      ctx.strokeRect(cx - w / 2, cy - h / 2, w, h);
      ctx.setLineDash([]);
      d._hit = [cx - w / 2 - 2, cy - h / 2 - 2, w + 4, h + 4];
    }
    ctx.restore();
    canvas.dataset.shown = String(shown);
    axes();
    document.getElementById('view').textContent = 'showing ' + S.fmt(y0 / 1000, 2) + '–' + S.fmt(y1 / 1000, 2)
      + ' m of ' + S.fmt(r.lengthMm / 1000, 2) + ' m';
  }

  function axes() {
    ctx.fillStyle = '#1d2330';
    ctx.strokeStyle = '#888';
    ctx.font = '11px system-ui';
    const span = (y1 - y0) / 1000;
    const step = niceStep(span / 8);
    for (let m = Math.ceil(y0 / 1000 / step) * step; m <= y1 / 1000; m += step) {
      const x = sx(m * 1000);
      ctx.beginPath(); ctx.moveTo(x, PAD.t + plotH()); ctx.lineTo(x, PAD.t + plotH() + 5); ctx.stroke();
      ctx.fillText(m.toFixed(step < 0.1 ? 2 : step < 1 ? 1 : 0) + ' m', x - 12, PAD.t + plotH() + 18);
    }
    const [a, b] = xRange();
    const xs = niceStep((b - a) / 5);
    for (let x = Math.ceil(a / xs) * xs; x <= b; x += xs) {
      const y = sy(x);
      ctx.beginPath(); ctx.moveTo(PAD.l - 5, y); ctx.lineTo(PAD.l, y); ctx.stroke();
      ctx.fillText(x.toFixed(0) + ' mm', 2, y + 4);
    }
  }

  function niceStep(raw) {
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (const f of [1, 2, 5, 10]) if (f * p >= raw) return f * p;
    return 10 * p;
  }

  function clampView() {
    const len = Math.max(data.roll.lengthMm, 1);
    const w = Math.min(Math.max(y1 - y0, 5), len * 1.1);
    let a = Math.max(-len * 0.05, Math.min(y0, len * 1.05 - w));
    y0 = a; y1 = a + w;
  }

  function zoom(f, atPx) {
    const at = atPx === undefined ? (y0 + y1) / 2 : y0 + (atPx - PAD.l) / plotW() * (y1 - y0);
    y0 = at - (at - y0) * f;
    y1 = at + (y1 - at) * f;
    clampView();
    draw();
  }

  function pan(fraction) {
    const d = (y1 - y0) * fraction;
    y0 += d; y1 += d;
    clampView();
    draw();
  }

  function fit() {
    y0 = 0; y1 = Math.max(data.roll.lengthMm, 1);
    draw();
  }

  function trueScale() {
    const [a, b] = xRange();
    const mmPerPx = (b - a) / plotH();
    const c = (y0 + y1) / 2;
    y0 = c - plotW() * mmPerPx / 2;
    y1 = c + plotW() * mmPerPx / 2;
    clampView();
    draw();
  }

  function show(d) {
    const box = document.getElementById('detail');
    box.hidden = false;
    box.innerHTML = '';
    const img = S.el('img');
    img.alt = 'defect ' + d.id;
    img.src = '/api/defects/' + d.id + '/overlay.png';
    img.onerror = () => { img.replaceWith(S.el('em', '', 'no crop kept')); };
    box.appendChild(img);
    const t = S.el('table');
    const rows = [['Defect', '#' + d.id], ['Camera', d.cameraId + ' #' + d.sequence], ['Class (line)', d.defectClass], ['Label (review)', d.label || 'not reviewed'],
      ['Confidence', S.fmt(d.confidence, 2)], ['Position', 'y ' + S.fmt(d.y0Mm / 1000, 3) + ' m, x ' + S.fmt(d.x0Mm, 1) + '–'
        + S.fmt(d.x1Mm, 1) + ' mm'], ['Rejecting', d.rejecting ? 'yes' : 'no'], ['Detector', d.detector + ' / ' + d.modelVersion]];
    for (const [k, v] of Object.entries(d.measurements)) rows.push([k, S.fmt(v, 3)]);
    for (const [k, v] of rows) {
      const tr = S.el('tr');
      tr.appendChild(S.el('th', '', k));
      tr.appendChild(S.el('td', '', String(v)));
      t.appendChild(tr);
    }
    box.appendChild(t);
    const a = S.el('a', '', 'open in gallery');
    a.href = 'gallery.html?roll=' + encodeURIComponent(d.rollId) + '&focus=' + d.id;
    box.appendChild(a);
  }

  function at(ev) {
    const r = canvas.getBoundingClientRect();
    const x = ev.clientX - r.left, y = ev.clientY - r.top;
    return data.defects.slice().reverse().find(d => d._hit && x >= d._hit[0] && x <= d._hit[0] + d._hit[2]
      && y >= d._hit[1] && y <= d._hit[1] + d._hit[3]);
  }

  let drag = null;
  canvas.addEventListener('mousedown', ev => { drag = { x: ev.clientX, y0, y1, moved: false }; canvas.classList.add('dragging'); });
  window.addEventListener('mouseup', ev => {
    if (drag && !drag.moved && data) { const d = at(ev); if (d) show(d); }
    drag = null; canvas.classList.remove('dragging');
  });
  window.addEventListener('mousemove', ev => {
    if (!data) return;
    if (drag) {
      const dx = ev.clientX - drag.x;
      if (Math.abs(dx) > 2) drag.moved = true;
      const d = dx / plotW() * (drag.y1 - drag.y0);
      y0 = drag.y0 - d; y1 = drag.y1 - d;
      clampView(); draw();
    } else if (ev.target === canvas) {
      const h = at(ev) || null;
      if (h !== hover) { hover = h; draw(); }
    }
  });
  canvas.addEventListener('wheel', ev => {
    ev.preventDefault();
    const r = canvas.getBoundingClientRect();
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, ev.clientX - r.left);
  }, { passive: false });
  document.addEventListener('keydown', ev => {
    if (!data || ev.target.tagName === 'SELECT') return;
    if (ev.key === '+' || ev.key === '=') zoom(0.8);
    else if (ev.key === '-') zoom(1.25);
    else if (ev.key === 'ArrowRight') pan(0.2);
    else if (ev.key === 'ArrowLeft') pan(-0.2);
    else if (ev.key === '0') fit();
    else if (ev.key === '1') trueScale();
  });
  document.getElementById('zoomin').onclick = () => zoom(0.8);
  document.getElementById('zoomout').onclick = () => zoom(1.25);
  document.getElementById('fit').onclick = fit;
  document.getElementById('true').onclick = trueScale;
  window.addEventListener('resize', draw);

  const legend = document.getElementById('legend');
  for (const c of S.CLASSES) {
    const s = S.el('span', '', c);
    s.style.setProperty('--c', S.COLOURS[c]);
    legend.appendChild(s);
  }
  legend.appendChild(S.el('span', 'rej', 'rejected'));

  // several cameras on one roll (e.g. the coating camera and the sintered-layer camera): each camera's
  // marks get their own outline, and the map can show one camera at a time
  function showCameras() {
    const counts = {};
    for (const d of data.defects) counts[d.cameraId] = (counts[d.cameraId] || 0) + 1;
    cameras = Object.keys(counts).sort();
    if (camera && !counts[camera]) camera = '';
    const select = document.getElementById('camera');
    select.innerHTML = '';
    select.appendChild(new Option('all (' + cameras.length + ')', ''));
    for (const c of cameras) select.appendChild(new Option(c + ' (' + counts[c] + ')', c));
    select.value = camera;
    legend.querySelectorAll('.cam').forEach(e => e.remove());
    for (const c of cameras) {
      const s = S.el('span', 'cam', c + ': ' + (dash(c).length ? 'dashed' : 'solid') + ' outline');
      legend.appendChild(s);
    }
    canvas.dataset.cameras = cameras.map(c => c + '=' + counts[c]).join(',');
  }
  document.getElementById('camera').onchange = ev => { camera = ev.target.value; hover = null; draw(); };

  async function load(roll) {
    data = await S.api('GET', '/api/rolls/' + encodeURIComponent(roll) + '/map');
    history.replaceState(null, '', '?roll=' + encodeURIComponent(roll));
    canvas.dataset.defects = String(data.defects.length);
    canvas.dataset.rejects = String(data.rejects.length);
    showCameras();
    fit();
  }

  try {
    await S.start('map.html');
    const select = document.getElementById('roll');
    const rolls = await S.rollSelect(select);
    select.onchange = () => load(select.value).catch(S.showError);
    if (rolls.length) await load(select.value);
    canvas.dataset.ready = 'true';
  } catch (e) { S.showError(e); }
})();
