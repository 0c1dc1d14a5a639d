// Times in another zone, before and without the WebAssembly. The printed
// story writes each time in its language's zone (Japanese: Japan time,
// English: US Pacific time) as <time datetime="…UTC…" data-f="…">, and each
// time in a picture as <tspan data-utc="…" data-f="…">. A reader who chose
// another zone (?tz=utc, uk, local, or the other language's) gets them
// written again here, the way the app's clock writes them
// (crates/story/src/time.rs), so nothing changes when the app takes over.
// public/boot.js loads this file only for such a reader; the app keeps no
// stored choice (the address is the only one). Without JavaScript the
// language's zone stays, as the printed words say.
(function () {
  'use strict';
  // Each language's time.* and tz.* texts (locales/*.json), written in by
  // scripts/finish-html.mjs.
  var WORDS = {} /* clock words */;
  var root = document.documentElement;
  // The zone asked for as the app reads ?tz= (jst, pdt, utc, uk or local,
  // case and space forgiven, the first if repeated; anything else keeps the
  // language's zone), and every marked time in `pre` written in it.
  function zone(pre) {
    var words = WORDS[root.lang === 'en' ? 'en' : 'ja'];
    if (!words) return;
    var codes = { jst: 540, pdt: -420, utc: 0, uk: 60, local: null };
    var asked = (new URLSearchParams(location.search).get('tz') || '').trim().toLowerCase();
    var fallback = root.lang === 'en' ? 'pdt' : 'jst';
    if (!Object.prototype.hasOwnProperty.call(codes, asked) || asked === fallback) return;
    var offset = codes[asked];
    if (offset === null) {
      // The device's offset at the event (ui/clock.rs), UTC when unsure.
      var west = new Date(1760942880000).getTimezoneOffset();
      offset = isFinite(west) && Math.abs(west) <= 840 ? -west : 0;
      if (offset < -720 || offset > 840) offset = 0;
    }
    var name = asked === 'local' ? 'device' : asked;
    var PDT = -420;
    // A template's {names} filled, unknown ones left as written.
    function fill(key, args) {
      return String(words[key]).replace(/\{([^{}]*)\}/g, function (m, n) {
        return Object.prototype.hasOwnProperty.call(args, n) ? args[n] : m;
      });
    }
    function pad(n) {
      return (n < 10 ? '0' : '') + n;
    }
    // The wall clock at offset `off` of a moment in minutes since 19 Oct
    // 2025 00:00 PDT.
    function wall(p, off) {
      var local = p - PDT + off;
      var rest = ((local % 1440) + 1440) % 1440;
      return { day: 19 + (local - rest) / 1440, hour: Math.floor(rest / 60), minute: rest % 60 };
    }
    function hhmm(w) {
      return pad(w.hour) + ':' + pad(w.minute);
    }
    function dayTime(w) {
      return fill('time.day_time', { day: String(w.day), time: hhmm(w) });
    }
    function offsetLabel(m) {
      var a = Math.abs(m);
      return 'UTC' + (m < 0 ? '\u2212' : '+') + Math.floor(a / 60) + (a % 60 ? ':' + pad(a % 60) : '');
    }
    // Zones as the app names them: short (`n`), and for sentences (`z`).
    function shortName(z) {
      return z === 'device' ? offsetLabel(offset) : words['tz.short_' + z];
    }
    function zoneName(z) {
      return z === 'device' ? fill('tz.local', { zone: offsetLabel(offset) }) : words['tz.' + z];
    }
    var record = offset === PDT;
    var other = record ? ['utc', 0] : ['pdt', PDT];
    var DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    function part(hour) {
      return hour <= 3 ? 'small_hours' : hour <= 6 ? 'early_morning' : hour <= 10 ? 'morning'
        : hour <= 12 ? 'midday' : hour <= 16 ? 'afternoon' : hour <= 18 ? 'evening'
        : hour <= 21 ? 'night' : 'late_night';
    }
    function whenIn(p, z, off) {
      var w = wall(p, off);
      var day = words['time.' + DAYS[(((w.day - 19) % 7) + 7) % 7]];
      return fill('time.when', { part: fill('time.' + part(w.hour), { day: day }), place: words['time.place_' + z] });
    }
    function beside(here, z, off, p) {
      var there = wall(p, off);
      return { zone: shortName(z), other: there.day === here.day ? hhmm(there) : dayTime(there) };
    }
    var format = {
      h: function (p) { return hhmm(wall(p, offset)); },
      t: function (p) { return dayTime(wall(p, offset)); },
      s: function (p, prev) {
        var w = wall(p, offset);
        return prev !== null && wall(prev, offset).day === w.day ? hhmm(w) : dayTime(w);
      },
      o: function (p) {
        var here = wall(p, offset);
        var b = beside(here, other[0], other[1], p);
        return fill('time.beside', { time: dayTime(here), zone: b.zone, other: b.other });
      },
      a: function (p) {
        if (record) return '';
        var b = beside(wall(p, offset), 'pdt', PDT, p);
        return fill('time.beside', { time: '', zone: b.zone, other: b.other }).trim();
      },
      w: function (p) {
        var here = whenIn(p, name, offset);
        return record ? here : fill('time.when_beside', { here: here, there: whenIn(p, 'pdt', PDT) });
      },
      n: function () { return shortName(name); },
      z: function () { return zoneName(name); },
    };
    var start = Date.UTC(2025, 9, 19, 7, 0);
    function minutes(iso) {
      var ms = Date.parse(iso || '');
      return isFinite(ms) ? Math.round((ms - start) / 60000) : null;
    }
    var marked = pre.querySelectorAll('[data-f]');
    for (var i = 0; i < marked.length; i++) {
      var el = marked[i];
      var f = format[el.getAttribute('data-f')];
      var p = minutes(el.getAttribute('datetime') || el.getAttribute('data-utc'));
      // A zone's name has no moment.
      if (!f || (p === null && !/[nz]/.test(el.getAttribute('data-f')))) continue;
      el.textContent = f(p, minutes(el.getAttribute('data-prev')));
    }
  }
  function run() {
    var pre = document.getElementById('prerender');
    if (pre) zone(pre);
    // Done (the tests wait for it).
    root.setAttribute('data-zone-shown', '');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();
