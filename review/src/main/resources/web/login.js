'use strict';
document.getElementById('login').addEventListener('submit', async ev => {
  ev.preventDefault();
  try {
    await Sinterscope.api('POST', '/api/login', {
      user: document.getElementById('user').value, password: document.getElementById('password').value
    });
    const next = Sinterscope.param('next');
    location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/index.html';
  } catch (e) {
    Sinterscope.showError(e);
  }
});
