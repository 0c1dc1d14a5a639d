// Runs before the first paint, before the WebAssembly loads. Each language
// has its own page (index.html: Japanese, index.en.html: English), holding
// that language's story. A link that asks for the other language
// (?lang=en on index.html) goes to that language's page with the same
// query, before anything is drawn; the English page opened without ?lang=
// writes its language into the address, so the app opens in it (Japanese
// is the app's default). Marks an embedded
// scene. Then, once the page has loaded, registers the service worker that
// keeps the site working offline.
(function () {
  'use strict';
  var root = document.documentElement;
  var pages = { ja: './', en: 'index.en.html' };
  var here = root.lang === 'en' ? 'en' : 'ja';
  var params = new URLSearchParams(location.search);
  // The primary subtag, as the app reads it (en-GB is English).
  var asked = (params.get('lang') || '').trim().toLowerCase().split(/[-_]/)[0];
  if (asked && asked !== here && pages[asked]) {
    window.stop();
    location.replace(pages[asked] + location.search + location.hash);
    return;
  }
  if (!asked && here !== 'ja') {
    params.set('lang', here);
    history.replaceState(history.state, '', '?' + params.toString() + location.hash);
  }
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
