// Optional helper for pages that embed the explainer in an <iframe>: sizes
// each frame to its content. The embedded page posts exactly one kind of
// message, { type: "dns-race-explainer:height", height: <px> }; this script
// accepts it only from one of this page's own frames, and only as a number
// in a sane range. It never sends anything to the frame.
(function () {
  'use strict';
  var TYPE = 'dns-race-explainer:height';
  var MIN_PX = 120;
  var MAX_PX = 20000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== TYPE) return;
    var height = Number(data.height);
    if (!Number.isFinite(height)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      // The message must come from the origin the frame was pointed at.
      var expected = new URL(frame.src, document.baseURI).origin;
      if (event.origin !== expected) return;
      frame.style.height = Math.round(Math.min(MAX_PX, Math.max(MIN_PX, height))) + 'px';
      frame.setAttribute('data-sized', 'true');
      return;
    }
  });
})();
