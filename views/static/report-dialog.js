/* Progressive enhancement of the report flow: the same server-rendered steps of Special:ReportIncident,
   opened in place in a modal dialog over the talk page, plus the remaining-characters counters.
   Without this file every Report link and step works as a plain page. */
(function () {
  'use strict';
  var body = document.body;
  var lang = document.documentElement.lang || 'en';
  var numbers = new Intl.NumberFormat(lang);

  function codePoints(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
      else { n++; i++; }
    }
    return n;
  }

  /* Counters: shown when 99 or fewer characters are left, counted in code points as the server does. */
  function setUpCounters(root) {
    Array.prototype.forEach.call(root.querySelectorAll('.char-counter[data-counter-for]'), function (counter) {
      var field = document.getElementById(counter.getAttribute('data-counter-for'));
      if (!field || field.dataset.counted) return;
      field.dataset.counted = '1';
      var max = Number(counter.getAttribute('data-max'));
      var initial = counter.getAttribute('data-msg-limit') || counter.textContent;
      function update() {
        var left = max - codePoints(field.value);
        counter.classList.toggle('over', left < 0);
        if (left < 0) counter.textContent = counter.getAttribute('data-msg-over').replace('{n}', numbers.format(-left));
        else if (left <= 99) counter.textContent = counter.getAttribute('data-msg-remaining').replace('{n}', numbers.format(left));
        else counter.textContent = initial;
      }
      field.addEventListener('input', update);
      update();
    });
  }
  setUpCounters(document);

  if (typeof HTMLDialogElement !== 'function' || !window.fetch || !window.DOMParser) return;

  var dialog = null;
  var dialogBody = null;
  var dialogTitle = null;
  var opener = null;
  var pushed = false;
  var closing = false;

  function buildDialog() {
    dialog = document.createElement('dialog');
    dialog.className = 'report-dialog';
    dialog.setAttribute('aria-labelledby', 'report-dialog-title');
    var header = document.createElement('div');
    header.className = 'report-dialog-header';
    dialogTitle = document.createElement('h1');
    dialogTitle.id = 'report-dialog-title';
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'report-dialog-close';
    close.setAttribute('aria-label', body.getAttribute('data-msg-close') || 'Close');
    close.textContent = '\u00d7';
    close.addEventListener('click', function () { requestClose(); });
    header.appendChild(dialogTitle);
    header.appendChild(close);
    dialogBody = document.createElement('div');
    dialogBody.className = 'report-dialog-body';
    dialog.appendChild(header);
    dialog.appendChild(dialogBody);
    /* Esc is handled here, not left to the browser: a browser lets a page refuse only one close request in a
       row, so a second quick Esc would close the dialog even after the reporter chose to stay. */
    dialog.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      requestClose();
    });
    dialog.addEventListener('cancel', function (event) {
      event.preventDefault();
      requestClose();
    });
    dialog.addEventListener('close', onClosed);
    dialog.addEventListener('submit', onSubmit);
    dialog.addEventListener('click', onDialogClick);
    body.appendChild(dialog);
  }

  /* Whether the step holds words typed since it was shown (a reopened draft's kept text does not count). */
  function hasTypedText() {
    if (!dialogBody) return false;
    var fields = dialogBody.querySelectorAll('form.report-form textarea:not([readonly]), form.report-form input[type="text"]:not([readonly])');
    return Array.prototype.some.call(fields, function (f) { return f.value.trim() !== '' && f.value !== f.defaultValue; });
  }

  /* Keeps what was typed in the server-side draft; a later Report click on the same comment reopens it. */
  function saveTyped() {
    var form = dialogBody.querySelector('form.report-form');
    if (!form || !form.querySelector('input[name="draft"]')) return;
    var data = new FormData(form);
    data.set('wpAction', 'save');
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: true,
      headers: { Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(data).toString(),
    }).catch(function () {});
  }

  /* Closing a step that holds typed words asks first, then keeps the words. */
  function requestClose() {
    if (hasTypedText()) {
      if (!window.confirm(body.getAttribute('data-msg-close-confirm') || '')) return false;
      saveTyped();
    }
    closeDialog();
    return true;
  }

  function closeDialog() {
    if (!dialog || !dialog.open) return;
    closing = true;
    dialog.close();
    // Put back at once (the close event comes a task later): focus, history and the emptied body.
    afterClose();
  }

  /* A close the page did not make: the browser's, when it will not let the page refuse a close request (the
     back gesture twice); the typed words are kept then too. */
  function onClosed() {
    if (closing) {
      closing = false;
      return;
    }
    if (hasTypedText()) saveTyped();
    afterClose();
  }

  function afterClose() {
    dialogBody.textContent = '';
    if (pushed) {
      pushed = false;
      history.back();
    }
    if (opener) {
      var menu = opener.closest('details.menu');
      var target = menu ? menu.querySelector('summary') : opener;
      if (menu) menu.open = false;
      target.focus();
    }
  }

  window.addEventListener('popstate', function () {
    if (dialog && dialog.open) {
      pushed = false;
      if (hasTypedText() && !window.confirm(body.getAttribute('data-msg-close-confirm') || '')) {
        /* The back gesture already left the dialog's history entry: put it back and stay. */
        history.pushState({ reportDialog: true }, '', window.location.href);
        pushed = true;
        return;
      }
      if (hasTypedText()) saveTyped();
      closeDialog();
    }
  });

  /* Shows the step of a fetched page; anything that is not a step (a login page, an error) opens as a page. */
  function show(html, url) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var step = doc.getElementById('report-step');
    if (!step) {
      window.location.assign(url);
      return;
    }
    var heading = doc.getElementById('firstHeading');
    dialogTitle.textContent = heading ? heading.textContent : '';
    dialogBody.textContent = '';
    dialogBody.appendChild(document.importNode(step, true));
    dialogBody.removeAttribute('aria-busy');
    setUpCounters(dialogBody);
    var summary = dialogBody.querySelector('.error-summary, .rate-limit[role="alert"]');
    var title = dialogBody.querySelector('.report-step-title');
    if (title) title.setAttribute('tabindex', '-1');
    // Each step starts at its top; focus moves to its errors, else to its title: a screen reader reads
    // a heading rather than the whole step as one run of text.
    (summary || title || dialogBody.querySelector('.report-step')).focus({ preventScroll: true });
    dialog.scrollTop = 0;
    if (summary) summary.scrollIntoView({ block: 'nearest' });
  }

  function load(url, init) {
    dialogBody.setAttribute('aria-busy', 'true');
    return fetch(url, Object.assign({ credentials: 'same-origin', headers: { Accept: 'text/html' } }, init || {}))
      .then(function (response) {
        return response.text().then(function (text) { show(text, response.url); });
      })
      .catch(function () {
        window.location.assign(url);
      });
  }

  function onSubmit(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    var data;
    try {
      data = new FormData(form, event.submitter || undefined);
    } catch (e) {
      data = new FormData(form);
      if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
    }
    var buttons = form.querySelectorAll('button');
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    load(form.action, {
      method: 'POST',
      headers: { Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(data).toString(),
    });
  }

  function onDialogClick(event) {
    var link = event.target.closest && event.target.closest('a[href]');
    if (!link || !dialogBody.contains(link) || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (link.getAttribute('data-behavior') === 'close-dialog') {
      event.preventDefault();
      requestClose();
      return;
    }
    var href = link.getAttribute('href');
    if (href.charAt(0) === '#') {
      /* An error summary's link: go to the field here. Navigating the talk page to the fragment would
         fire popstate, which closes the dialog. */
      var target = document.getElementById(decodeURIComponent(href.slice(1)));
      if (target && dialogBody.contains(target)) {
        event.preventDefault();
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: 'center' });
      }
      return;
    }
    /* Another step of the flow (Back on Get support) is loaded in the dialog too. */
    var url = new URL(link.href);
    if (url.origin === window.location.origin && url.pathname.indexOf('/wiki/Special:ReportIncident') === 0) {
      event.preventDefault();
      load(url.href);
    }
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-behavior="report"]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (!dialog) buildDialog();
    opener = link;
    dialogTitle.textContent = '';
    dialogBody.textContent = '';
    if (!dialog.open) dialog.showModal();
    if (!pushed) {
      history.pushState({ reportDialog: true }, '', window.location.href);
      pushed = true;
    }
    load(link.href);
  });
})();
