/* Progressive enhancement for every page: menus close on Escape or outside clicks, arrow keys move
   between their items, and "Copy link" copies. Everything works without this file. */
(function () {
  'use strict';
  document.documentElement.classList.remove('no-js');
  document.documentElement.classList.add('js');
  var live = document.getElementById('live-region');
  function announce(text) {
    if (!live) return;
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function menus() { return Array.prototype.slice.call(document.querySelectorAll('details.menu')); }
  /* The items shown: an item another reader would get (Report, Get help) is in the page but hidden. */
  function items(menu) {
    return Array.prototype.slice.call(menu.querySelectorAll('.menu-item')).filter(function (item) { return item.getClientRects().length > 0; });
  }
  function close(menu, focusButton) {
    if (!menu.open) return;
    menu.open = false;
    if (focusButton) menu.querySelector('summary').focus();
  }

  document.addEventListener('toggle', function (event) {
    var menu = event.target;
    if (!(menu instanceof HTMLDetailsElement) || !menu.classList.contains('menu') || !menu.open) return;
    menus().forEach(function (other) { if (other !== menu) close(other, false); });
  }, true);

  document.addEventListener('click', function (event) {
    menus().forEach(function (menu) { if (menu.open && !menu.contains(event.target)) close(menu, false); });
  });

  document.addEventListener('keydown', function (event) {
    var menu = event.target.closest && event.target.closest('details.menu');
    if (!menu) return;
    /* Opened first: the items of a closed menu are not rendered, so none would count as shown. */
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !menu.open) menu.open = true;
    var list = items(menu);
    var index = list.indexOf(document.activeElement);
    if (event.key === 'Escape' && menu.open) {
      event.preventDefault();
      close(menu, true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!list.length) return;
      event.preventDefault();
      var next = event.key === 'ArrowDown' ? (index + 1) % list.length : (index <= 0 ? list.length - 1 : index - 1);
      list[next].focus();
    } else if ((event.key === 'Home' || event.key === 'End') && index >= 0) {
      event.preventDefault();
      list[event.key === 'Home' ? 0 : list.length - 1].focus();
    }
  });

  document.addEventListener('focusout', function (event) {
    var menu = event.target.closest && event.target.closest('details.menu');
    if (!menu) return;
    window.setTimeout(function () {
      if (menu.open && !menu.contains(document.activeElement) && document.activeElement !== document.body) close(menu, false);
    }, 0);
  });

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-behavior="copy-link"]');
    if (!link || !navigator.clipboard || !window.isSecureContext) return;
    event.preventDefault();
    var url = new URL(link.getAttribute('href'), window.location.href).href;
    var menu = link.closest('details.menu');
    navigator.clipboard.writeText(url).then(function () {
      announce(document.body.getAttribute('data-msg-link-copied'));
      if (menu) close(menu, true);
    }, function () {
      announce(document.body.getAttribute('data-msg-copy-failed'));
      window.location.href = url;
    });
  });

  /* A link to a place in a text area (a JSON syntax error) puts the cursor there, not at the start of the text. */
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-line][data-column]');
    var area = link && document.getElementById(link.getAttribute('href').slice(1));
    if (!area || area.tagName !== 'TEXTAREA') return;
    event.preventDefault();
    var line = Number(link.getAttribute('data-line'));
    var lines = area.value.split('\n');
    var offset = 0;
    for (var k = 0; k < line - 1 && k < lines.length; k++) offset += lines[k].length + 1;
    offset = Math.min(offset + Number(link.getAttribute('data-column')) - 1, area.value.length);
    // The height of the text up to the cursor, wrapped lines included, puts that line in the middle of the box.
    var text = area.value;
    area.value = text.slice(0, offset);
    var above = area.scrollHeight;
    area.value = text;
    area.focus();
    area.setSelectionRange(offset, offset);
    area.scrollTop = Math.max(0, above - area.clientHeight / 2);
  });

  /* The development mailbox's HTML preview grows to the whole mail instead of scrolling inside a fixed box. */
  function fitMailFrame(frame) {
    try {
      var doc = frame.contentDocument;
      if (doc && doc.documentElement) frame.style.blockSize = (doc.documentElement.scrollHeight + 2) + 'px';
    } catch (e) { /* another origin: the frame keeps its own scroll */ }
  }
  Array.prototype.slice.call(document.querySelectorAll('iframe.mail-html')).forEach(function (frame) {
    frame.addEventListener('load', function () { fitMailFrame(frame); });
    fitMailFrame(frame);
    window.addEventListener('resize', function () { fitMailFrame(frame); });
  });
})();
