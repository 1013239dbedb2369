// Loaded by index.html with `async`: nothing waits for it. (The neutral name
// and title are index.html's inline guard, which must run before anything.)
// Two jobs, neither of which touches the app's records:
//  2. Register ./sw.js (relative: works at a domain root and under a sub-path)
//     for offline use, once the app has started and the browser is idle. Not
//     from file:// and not where service workers are missing.
//  3. When a newer build takes over ('controllerchange' after an earlier worker,
//     or sw.js's 'dek-updated' message): set <html data-app-updated="1">, dispatch
//     window event 'app-updated' (once), and show a small dismissible notice
//     (data-testid="update-notice") until the tab is closed or it is dismissed.
(function () {
  'use strict';
  var UPDATED_KEY = 'dek-sw-updated'; // sessionStorage: this tab only

  function lang() {
    var l = (document.documentElement.lang || '').toLowerCase();
    if (l.indexOf('zh-tw') === 0 || l.indexOf('zh-hant') === 0 || l === 'zh-hk') return 'zh-TW';
    if (l.indexOf('zh') === 0) return 'zh-CN';
    return 'en';
  }
  function pick(texts) { return texts[lang()]; }

  // 3. The "updated" notice.
  var texts = {
    'zh-CN': ['本工具已更新到新版本。你的记录仍保存在本机，没有改变。', '知道了'],
    'zh-TW': ['本工具已更新到新版本。你的紀錄仍保存在本機，沒有改變。', '知道了'],
    en: ['This tool was updated. Your records are still on this device, unchanged.', 'OK'],
  };
  function showNotice() {
    if (document.querySelector('[data-testid="update-notice"]')) return;
    if (!document.body) { document.addEventListener('DOMContentLoaded', showNotice); return; }
    var t = pick(texts);
    var box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.setAttribute('data-testid', 'update-notice');
    box.className = 'update-notice no-print';
    // CSSOM (not a style attribute), so style-src needs no 'unsafe-inline'.
    // At the top of the page, in the flow: it covers nothing (not the quick-log button).
    Object.assign(box.style, {
      display: 'flex', gap: '12px', alignItems: 'center', justifyContent: 'space-between',
      width: 'calc(100% - 16px)', maxWidth: '944px', margin: '8px auto', boxSizing: 'border-box', padding: '8px 12px', borderRadius: '8px',
      font: 'inherit', fontSize: '14px', background: '#1f3b4d', color: '#ffffff',
    });
    var msg = document.createElement('span');
    msg.textContent = t[0];
    var ok = document.createElement('button');
    ok.type = 'button';
    ok.textContent = t[1];
    ok.setAttribute('data-testid', 'update-notice-dismiss');
    Object.assign(ok.style, { flexShrink: '0', whiteSpace: 'nowrap' });
    ok.addEventListener('click', function () {
      try { window.sessionStorage.removeItem(UPDATED_KEY); } catch (e) { /* ignore */ }
      box.remove();
    });
    box.appendChild(msg);
    box.appendChild(ok);
    document.body.prepend(box);
  }
  var announced = false;
  function updated() {
    if (announced) return;
    announced = true;
    document.documentElement.dataset.appUpdated = '1';
    try { window.sessionStorage.setItem(UPDATED_KEY, '1'); } catch (e) { /* ignore */ }
    window.dispatchEvent(new CustomEvent('app-updated'));
    showNotice();
  }
  // Shown again after a reload in this tab. Checked once the app has started:
  // the first touch of sessionStorage can take milliseconds the first screen needs.
  function noticeFromEarlierLoad() {
    try {
      if (window.sessionStorage.getItem(UPDATED_KEY) === '1') {
        document.documentElement.dataset.appUpdated = '1';
        showNotice();
      }
    } catch (e) { /* ignore */ }
  }

  // 2. Registration.
  var sw = navigator.serviceWorker;
  if (!sw || (location.protocol !== 'https:' && location.protocol !== 'http:')) {
    whenStarted(noticeFromEarlierLoad);
    return;
  }
  // Was a worker already in charge? Then a change of worker is an update, not the first install.
  var hadController = !!sw.controller;
  sw.addEventListener('controllerchange', function () {
    if (hadController) updated();
    hadController = true;
  });
  // sw.js says so when it replaced an older build (also reaches a page that
  // was still loading when the new worker took over).
  sw.addEventListener('message', function (e) {
    if (e.data && e.data.type === 'dek-updated') updated();
  });
  if (sw.startMessages) sw.startMessages();
  // Registered once the app is running and the browser is idle: installing
  // precaches every file of the build, which must not compete with the first
  // screen's own download on a slow connection.
  var registered = false;
  function register() {
    if (registered) return;
    registered = true;
    sw.register('./sw.js', { scope: './', updateViaCache: 'none' }).then(function (reg) {
      // Already installed: look for a newer build now (a same-origin fetch of sw.js only).
      if (reg && reg.active && navigator.onLine !== false) reg.update().catch(function () { /* offline */ });
    }).catch(function (e) {
      // Offline use is optional: say why, but don't fail the app.
      console.warn('offline copy not available:', e && e.message);
    });
  }
  whenStarted(function () {
    noticeFromEarlierLoad();
    if (window.requestIdleCallback) window.requestIdleCallback(register, { timeout: 3000 });
    else setTimeout(register, 1000);
  });
  // Should the app never start, offline use still gets set up.
  window.addEventListener('load', function () { setTimeout(register, 15000); });

  // Runs `then` once, when the app has started: 'dek-started' from the release
  // loader, 'TrunkApplicationStarted' from `trunk serve`. Loaded async, this
  // script may come after either: the flags say so.
  function whenStarted(then) {
    var done = false;
    function once() { if (!done) { done = true; then(); } }
    if (window.dekStarted || window.wasmBindings) once();
    window.addEventListener('dek-started', once);
    window.addEventListener('TrunkApplicationStarted', once);
  }
})();
