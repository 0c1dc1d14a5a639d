// Runs before the first paint, before the WebAssembly loads: shows the
// first screen in the language the address asks for (the page's HTML holds
// both), and hides it in an embedded scene. Then, once the page has
// loaded, registers the service worker that keeps the site working offline.
(function () {
  'use strict';
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);
  var lang = (params.get('lang') || '').trim().toLowerCase();
  if (lang.slice(0, 2) === 'en') root.lang = 'en';
  root.classList.add('js');
  if (params.has('embed')) root.classList.add('embed');
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('sw.js').catch(function (e) {
        console.warn('Offline copy unavailable:', e && e.message);
      });
    });
  }
})();
