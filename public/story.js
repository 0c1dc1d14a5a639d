// The printed story (this page's language), before and without the
// WebAssembly: shows the beat the address names (?ch=&beat=, 1-based, as the app reads them) and steps
// through the beats with the printed Back and Next buttons, the chapter menu
// and the keys the app uses (← →, Home, End). A question's answer opens
// once the reader has chosen. The language link opens the other language's
// page at the same beat. The printed masthead and player are the app's,
// laid out as live: the zone menu reloads the page in the chosen zone
// (boot.js then has public/zone.js write the times), the settings button
// folds them on a phone, the seek bar steps; the rest waits, greyed, for
// the app. Each step rewrites the address, so the app
// opens where the reader is when it takes over (it removes #prerender).
// Without JavaScript none of this runs and every beat shows, as an article.
(function () {
  'use strict';
  var pre = document.getElementById('prerender');
  if (!pre) return;
  var root = document.documentElement;
  // An embedded scene is the app's alone: the story is not its to show.
  // Only "Loading…" (or, if the wasm never comes, that it could not load)
  // stays, so the frame is never blank.
  if (root.classList.contains('embed')) {
    Array.prototype.forEach.call(pre.querySelectorAll('.masthead, .pre-main > *'), function (el) {
      if (!el.matches('.pre-loading, .pre-failed')) el.remove();
    });
    return;
  }
  // The language link: the other language's page, at the same place (the
  // same query, the language changed).
  pre.addEventListener('click', function (e) {
    var t = e.target.closest('a[data-pre="lang"]');
    if (!t || !pre.contains(t)) return;
    e.preventDefault();
    var q = new URLSearchParams(location.search);
    var other = new URL(t.getAttribute('href'), location.href);
    q.set('lang', other.searchParams.get('lang'));
    location.assign(other.pathname + '?' + q.toString() + location.hash);
  });
  // The zone menu: the address's zone shown, a choice reloads in it.
  var zone = pre.querySelector('[data-pre="zone"]');
  var asked = (new URLSearchParams(location.search).get('tz') || '').trim().toLowerCase();
  if (zone && zone.querySelector('option[value="' + asked + '"]')) zone.value = asked;
  pre.addEventListener('change', function (e) {
    if (e.target.dataset.pre !== 'zone') return;
    var q = new URLSearchParams(location.search);
    q.set('tz', e.target.value);
    location.assign('?' + q.toString() + location.hash);
  });
  // On a phone the settings fold behind one button.
  pre.addEventListener('click', function (e) {
    var t = e.target.closest('[data-pre="menu"]');
    if (!t) return;
    var open = t.getAttribute('aria-expanded') !== 'true';
    t.setAttribute('aria-expanded', String(open));
    t.textContent = (open ? '\u25b4 ' : '\u25be ') + t.textContent.slice(2);
    var tools = document.getElementById(t.getAttribute('aria-controls'));
    if (tools) tools.classList.toggle('open', open);
  });
  // Another view (the lab, the sources) waits for the app under the masthead.
  if (root.classList.contains('other-view')) return;

  // The page's one language copy.
  function copy() {
    return pre.querySelector('[class^="pre-"][lang]');
  }
  function beats() {
    var box = copy();
    return box ? box.querySelectorAll('.pre-beat') : [];
  }
  function clamp(n, lo, hi) {
    return Math.min(Math.max(n, lo), hi);
  }
  // The beat the address names, as boot.js read and clamped it (the way
  // the app does) onto <html>.
  function fromAddress() {
    var list = beats();
    for (var i = 0; i < list.length; i++) {
      if (list[i].dataset.ch === root.dataset.ch && list[i].dataset.beat === root.dataset.beat) return i;
    }
    return 0;
  }
  function writeAddress(el) {
    var q = new URLSearchParams(location.search);
    if (!q.has('v')) q.set('v', '2');
    q.set('lang', root.lang === 'en' ? 'en' : 'ja');
    q.set('ch', el.dataset.ch);
    q.set('beat', el.dataset.beat);
    history.replaceState(history.state, '', '?' + q.toString() + location.hash);
  }

  var current = -1;
  function show(i, write) {
    var box = copy();
    var list = beats();
    if (!box || list.length === 0) return;
    i = clamp(i, 0, list.length - 1);
    for (var j = 0; j < list.length; j++) list[j].classList.toggle('current', j === i);
    current = i;
    var el = list[i];
    // The style sheet shows the chapter and beat <html> names.
    root.dataset.ch = el.dataset.ch;
    root.dataset.beat = el.dataset.beat;
    var progress = box.querySelector('[data-pre="progress"]');
    if (progress) progress.textContent = el.dataset.progress;
    var menu = box.querySelector('[data-pre="chapters"]');
    if (menu) menu.value = String(Number(el.dataset.ch) - 1);
    var seek = box.querySelector('[data-pre="seek"]');
    if (seek) {
      seek.value = String(i);
      seek.setAttribute('aria-valuetext', el.dataset.progress);
    }
    var prev = box.querySelector('[data-pre="prev"]');
    var next = box.querySelector('[data-pre="next"]');
    if (prev) prev.disabled = i === 0;
    if (next) next.disabled = i === list.length - 1;
    if (write) writeAddress(el);
  }
  function step(by) {
    show(current + by, true);
  }

  show(fromAddress(), false);

  pre.addEventListener('click', function (e) {
    var t = e.target.closest('button');
    if (!t || !pre.contains(t)) return;
    var name = t.dataset.pre;
    if (name === 'prev') step(-1);
    else if (name === 'next') step(1);
    else if (t.classList.contains('choice')) {
      // A question: mark the choice, then open the answer.
      var quiz = t.closest('.quiz');
      var buttons = quiz.querySelectorAll('.choice');
      for (var b = 0; b < buttons.length; b++) buttons[b].setAttribute('aria-pressed', String(buttons[b] === t));
      var answer = quiz.querySelector('.pre-answer');
      if (answer) answer.open = true;
    }
  });
  pre.addEventListener('input', function (e) {
    if (e.target.dataset.pre === 'seek') show(Number(e.target.value), true);
  });
  pre.addEventListener('change', function (e) {
    if (e.target.dataset.pre !== 'chapters') return;
    var ch = Number(e.target.value) + 1;
    var list = beats();
    for (var i = 0; i < list.length; i++) {
      if (Number(list[i].dataset.ch) === ch) {
        show(i, true);
        return;
      }
    }
  });
  document.addEventListener('keydown', function (e) {
    if (!document.getElementById('prerender')) return;
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var tag = e.target && e.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    var moves = { ArrowRight: 1, ArrowLeft: -1 };
    if (e.key in moves) step(moves[e.key]);
    else if (e.key === 'Home') show(0, true);
    else if (e.key === 'End') show(beats().length - 1, true);
    else return;
    e.preventDefault();
  });
})();
