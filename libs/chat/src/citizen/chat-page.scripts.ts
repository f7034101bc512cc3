/**
 * The two scripts of live chat, served as files from our origin (CSP `script-src 'self'`):
 * chat.js runs the chat page (inside the widget's frame, or on its own), widget.js is the one
 * script tag a municipal website adds. Plain ES2017, no build step, text only via textContent.
 */
export const CHAT_PAGE_SCRIPT = `(function () {
  var root = document.getElementById('chat');
  var T = JSON.parse(root.getAttribute('data-live'));
  var gemeente = root.getAttribute('data-gemeente');
  var lang = root.getAttribute('data-lang');
  var key = 'meldpunt-chat-' + gemeente;
  var $ = function (id) { return document.getElementById(id); };
  // Inside another site's frame the browser may deny storage: then the token lives in the page
  // (a dropped connection resumes, a reload starts over).
  var memory = {};
  var store = {
    get: function (k) { try { return sessionStorage.getItem(k); } catch (e) { return memory[k] || null; } },
    set: function (k, v) { try { sessionStorage.setItem(k, v); } catch (e) { memory[k] = v; } },
    remove: function (k) { try { sessionStorage.removeItem(k); } catch (e) { delete memory[k]; } },
  };
  var seen = {};
  var typingTimer = null;
  var socket = io('/chat', { transports: ['websocket', 'polling'] });
  function show(id) {
    ['checking', 'start', 'offline', 'conversation', 'ended'].forEach(function (s) { $(s).hidden = s !== id; });
  }
  function status(text) { $('status').textContent = text; }
  function add(m) {
    if (seen[m.id]) return;
    seen[m.id] = true;
    var li = document.createElement('li');
    li.className = m.sender;
    var who = document.createElement('span');
    who.className = 'who';
    who.textContent = (m.sender === 'citizen' ? T.you : m.authorName) + ': ';
    li.appendChild(who);
    li.appendChild(document.createTextNode(m.body));
    $('messages').appendChild(li);
    li.scrollIntoView({ block: 'end' });
  }
  function enter(r) {
    show('conversation');
    (r.messages || []).forEach(add);
    status(r.agentName ? T.with.replace('{name}', r.agentName) : T.waiting);
  }
  function ended(reference) {
    store.remove(key);
    show('ended');
    $('ended-text').textContent = reference ? T.endedWith.replace('{reference}', reference) : T.ended;
  }
  function check() {
    socket.emit('chat.availability', { municipality: gemeente }, function (r) {
      show(r && r.ok && r.online ? 'start' : 'offline');
    });
  }
  socket.on('connect', function () {
    var token = store.get(key);
    if (!token) return check();
    socket.emit('chat.resume', { token: token }, function (r) {
      if (r && r.ok && r.status !== 'ended') enter(r);
      else if (r && r.ok) ended(r.ticketReference);
      else { store.remove(key); check(); }
    });
  });
  socket.on('disconnect', function () { if (!$('conversation').hidden) status(T.reconnecting); });
  socket.on('chat.message', function (p) { add(p.message); });
  socket.on('chat.accepted', function (p) { status(T.with.replace('{name}', p.agentName)); });
  socket.on('chat.typing', function (p) { $('typing').textContent = p.typing ? T.typing : ''; });
  socket.on('chat.ended', function (p) { ended(p.ticketReference); });
  $('start-form').addEventListener('submit', function (e) {
    e.preventDefault();
    $('start-error').textContent = '';
    socket.emit('chat.start', {
      municipality: gemeente, language: lang, name: $('name').value, email: $('email').value, message: $('first').value,
    }, function (r) {
      if (!r || !r.ok) {
        if (r && r.rule === 'agentOnline') return show('offline');
        $('start-error').textContent = T.error;
        return;
      }
      store.set(key, r.token);
      enter(r);
      $('body').focus();
    });
  });
  $('send-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var body = $('body').value;
    if (!body.trim()) return;
    socket.emit('chat.message', { body: body }, function (r) {
      if (r && r.ok) { add(r.message); $('body').value = ''; }
      else status(T.error);
    });
  });
  $('body').addEventListener('input', function () {
    if (!typingTimer) socket.emit('chat.typing', { typing: true });
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { typingTimer = null; socket.emit('chat.typing', { typing: false }); }, 2000);
  });
  $('leave').addEventListener('click', function () {
    socket.emit('chat.leave', {}, function () { ended(null); });
  });
})();
`;

export const CHAT_WIDGET_SCRIPT = `(function () {
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var gemeente = script.getAttribute('data-gemeente') || '';
  var lang = (script.getAttribute('data-lang') || document.documentElement.lang || 'nl').slice(0, 2);
  var OPEN = { nl: 'Chat met ons', fr: 'Chattez avec nous', en: 'Chat with us' };
  var CLOSE = { nl: 'Chat sluiten', fr: 'Fermer le chat', en: 'Close chat' };
  if (!OPEN[lang]) lang = 'nl';
  var frame = null;
  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = OPEN[lang];
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('data-meldpunt-chat', '');
  button.style.cssText = 'position:fixed;right:1rem;bottom:1rem;z-index:2147483000;font:700 16px/1.2 system-ui,sans-serif;' +
    'color:#fff;background:#0b5394;border:0;border-radius:2rem;padding:.8rem 1.2rem;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3)';
  button.addEventListener('click', function () {
    var opening = !frame || frame.style.display === 'none';
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = origin + '/chat?gemeente=' + encodeURIComponent(gemeente) + '&lang=' + lang + '&embed=1';
      frame.title = OPEN[lang];
      frame.style.cssText = 'position:fixed;right:1rem;bottom:4.5rem;width:min(24rem,calc(100vw - 2rem));' +
        'height:min(36rem,calc(100vh - 6rem));border:1px solid #52606d;border-radius:8px;background:#fff;z-index:2147483000';
      document.body.appendChild(frame);
    }
    frame.style.display = opening ? 'block' : 'none';
    button.setAttribute('aria-expanded', String(opening));
    button.textContent = opening ? CLOSE[lang] : OPEN[lang];
    if (opening) frame.focus();
  });
  document.body.appendChild(button);
})();
`;
