// Fills the login form's CSRF token and shows why the user is here again.
const msg = document.getElementById('login-message');
const params = new URLSearchParams(location.search);
const say = (text) => { msg.textContent = text; msg.hidden = false; };
if (params.has('error')) say('User name or password not recognised. Try again.');
else if (params.has('logout')) say('You are signed out.');
else if (params.has('expired')) say('Your session has ended. Please sign in again.');
fetch('/ui/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((r) => r.json())
  .then((s) => {
    if (s.signedIn && !params.has('logout')) { location.replace('/'); return; }
    document.getElementById('csrf').name = s.csrfParameter;
    document.getElementById('csrf').value = s.csrfToken;
  })
  .catch(() => say('The server cannot be reached. Try again in a moment.'));
