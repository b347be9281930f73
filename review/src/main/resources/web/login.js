'use strict';
// Where to go after sign-in: the server's answer (a same-origin path, or /index.html), checked again
// here by the browser's own URL parser, so /\host, //host and other schemes never leave this origin.
function sameOrigin(next) {
  try {
    const u = new URL(next, location.origin);
    return u.origin === location.origin ? u.pathname + u.search + u.hash : '/index.html';
  } catch (e) {
    return '/index.html';
  }
}

document.getElementById('login').addEventListener('submit', async ev => {
  ev.preventDefault();
  try {
    const s = await Sinterscope.api('POST', '/api/login', {
      user: document.getElementById('user').value, password: document.getElementById('password').value,
      next: Sinterscope.param('next') || '/index.html'
    });
    location.assign(sameOrigin(s.next || '/index.html'));
  } catch (e) {
    Sinterscope.showError(e);
  }
});
