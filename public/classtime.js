// The teacher's page: says when the page went blank in the class's own
// time (the zone the reader chose in the explainer, `?tz=`, or else this
// device's), as `crates/sitegen/src/teach.rs` (`class_time`) prints it for
// the language's zone; the words come from the page's data attributes, the
// parts of the day as `crates/story/src/routes.rs` (`SchoolTime::of`) bands
// them. The lesson links carry the chosen zone on.
(function () {
  'use strict';
  var FIXED = { jst: 540, pdt: -420, utc: 0, uk: 60 };
  var tz = (new URLSearchParams(location.search).get('tz') || '').trim().toLowerCase();
  var zone = Object.prototype.hasOwnProperty.call(FIXED, tz) ? tz : 'local';
  var offset = FIXED[zone];
  if (zone === 'local') {
    // The device's offset on the day, minutes east of UTC.
    offset = -new Date(Date.UTC(2025, 9, 20, 6, 48)).getTimezoneOffset();
    if (!isFinite(offset) || Math.abs(offset) > 14 * 60) offset = 0;
    // Japan's and Seattle's own clocks keep their place's name.
    if (offset === 540) zone = 'jst';
    else if (offset === -420) zone = 'pdt';
  }
  function band(day, m) {
    var h = Math.floor(m / 60);
    if (day === 0 && h >= 12) return 0; // the night before a school day
    if (h < 6) return 1; // asleep
    if (m < 8 * 60 + 30) return 2; // getting ready for school
    if (h < 15) return 3; // in lessons
    if (h < 18) return 4; // after school
    return 5; // evening
  }
  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }
  var spans = document.querySelectorAll('.class-time');
  for (var i = 0; i < spans.length; i++) {
    var el = spans[i];
    var local = Number(el.getAttribute('data-utc-min')) + offset + 24 * 60;
    var day = ((Math.floor(local / 1440) % 7) + 7) % 7;
    var inDay = ((local % 1440) + 1440) % 1440;
    var days = el.getAttribute('data-days').split('|');
    var school = el.getAttribute('data-school').split('|');
    var places = {};
    el.getAttribute('data-places').split('|').forEach(function (pair) {
      var at = pair.indexOf('=');
      places[pair.slice(0, at)] = pair.slice(at + 1);
    });
    el.textContent = el
      .getAttribute('data-pattern')
      .replace('[time]', two(Math.floor(inDay / 60)) + ':' + two(inDay % 60))
      .replace('[day]', days[day])
      .replace('[place]', places[zone])
      .replace('[school]', school[band(day, inDay)]);
    el.setAttribute('data-zone', zone);
  }
  if (tz && Object.prototype.hasOwnProperty.call(FIXED, tz)) {
    var links = document.querySelectorAll('a.lesson-link');
    for (var j = 0; j < links.length; j++) {
      links[j].href = links[j].href.replace(/([?&]tz=)local\b/, '$1' + tz);
    }
  }
})();
