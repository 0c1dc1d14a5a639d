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
  var known = Object.prototype.hasOwnProperty.call(pages, asked);
  if (known && asked !== here) {
    var target = new URL(pages[asked], location.href);
    // Never to this same page again (a host that answered the other page's
    // address with this one would loop).
    if (target.pathname !== location.pathname) {
      window.stop();
      location.replace(pages[asked] + location.search + location.hash);
      return;
    }
  }
  // The English page opened without ?lang= (or with one the app would not
  // read) says so, since the app's own default is Japanese.
  if (here !== 'ja' && asked !== here) {
    params.set('lang', here);
    history.replaceState(history.state, '', '?' + params.toString() + location.hash);
  }
  root.classList.add('js');
  // Motion, as the app will set it (ui/motion.rs): the reader's remembered
  // choice, else the system's; so the printed pictures move, or not, before
  // the WebAssembly arrives.
  var saved = null;
  try { saved = localStorage.getItem('dns-race-explainer:motion'); } catch (e) { /* storage off */ }
  var reduce = saved ? saved === 'reduce'
    : !!(window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches);
  root.setAttribute('data-motion', reduce ? 'reduce' : 'full');
  if (params.has('embed')) root.classList.add('embed');
  // A zone other than the language's (?tz=, as the app reads it): the
  // printed times are written again in it by public/zone.js, fetched now so
  // it is here when the story is.
  var tz = (params.get('tz') || '').trim().toLowerCase();
  if (/^(jst|pdt|utc|uk|local)$/.test(tz) && tz !== (here === 'en' ? 'pdt' : 'jst')) {
    var zone = document.createElement('script');
    zone.src = 'public/zone.js';
    document.head.appendChild(zone);
  }
  // The printed story shows one beat: the one the address names, chosen by
  // the style sheet from these two attributes before the body is laid out
  // (public/story.js then keeps them, clamped, as the reader steps).
  // Another view (the lab, the sources) shows the masthead until the app.
  var view = (params.get('view') || '').trim().toLowerCase();
  if (view && view !== 'story') {
    root.classList.add('other-view');
  } else {
    // As the app reads them: digits only (else the first), 1-based, the
    // chapter within the story and the beat within its chapter. The beats
    // per chapter are on <html> (data-beats, written by the build).
    var counts = (root.getAttribute('data-beats') || '1').split(',').map(Number);
    var num = function (v) {
      return /^\s*\d+\s*$/.test(v || '') ? Math.max(Number(v), 1) : 1;
    };
    var ch = Math.min(num(params.get('ch')), counts.length);
    var beat = Math.min(num(params.get('beat')), counts[ch - 1] || 1);
    root.dataset.ch = String(ch);
    root.dataset.beat = String(beat);
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
