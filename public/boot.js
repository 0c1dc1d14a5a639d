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
  // The printed story shows one beat: the one the address names, chosen by
  // the style sheet from these two attributes before the body is laid out
  // (public/story.js then keeps them, clamped, as the reader steps).
  // Another view (the lab, the sources) shows the masthead until the app.
  var view = (params.get('view') || '').trim().toLowerCase();
  if (view && view !== 'story') {
    root.classList.add('other-view');
  } else {
    var ch = parseInt(params.get('ch'), 10);
    var beat = parseInt(params.get('beat'), 10);
    root.dataset.ch = String(ch >= 1 ? ch : 1);
    root.dataset.beat = String(beat >= 1 ? beat : 1);
    root.classList.add('stepping');
  }
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('sw.js').catch(function (e) {
        console.warn('Offline copy unavailable:', e && e.message);
      });
    });
  }
})();
