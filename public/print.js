// The teacher's page's "print" button: shown only where scripts run (the
// page prints the same from the browser's own menu without it).
(function () {
  'use strict';
  var buttons = document.querySelectorAll('.print-button');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () { window.print(); });
  }
})();
