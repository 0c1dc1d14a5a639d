// Counts, for a slow clerk late by the chosen number of seconds, in how many
// of a thousand nights its old list lands after the new one was cleaned up:
// a little real work per slider move, done in plain JavaScript.
'use strict';
(function () {
  var slider = document.getElementById('delay');
  var shown = document.getElementById('delay-value');
  var outcome = document.getElementById('outcome');
  function nights(delaySeconds) {
    var seed = 20251020;
    var blank = 0;
    for (var i = 0; i < 1000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      var cleanupAt = 5 + (seed % 40);
      if (delaySeconds > cleanupAt) blank++;
    }
    return blank;
  }
  function update() {
    var d = Number(slider.value);
    shown.textContent = String(d);
    outcome.textContent = 'The page went blank on ' + nights(d) + ' of 1000 nights.';
  }
  slider.addEventListener('input', update);
  update();
})();
