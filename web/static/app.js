// khuyencong front end: htmx requests carry the CSRF token; charts are drawn from the data the
// server put in each canvas (the same figures as the table beside it).
document.addEventListener('htmx:configRequest', function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) event.detail.headers['X-CSRF-Token'] = meta.content;
});

function drawCharts() {
  if (typeof Chart === 'undefined') return;
  document.querySelectorAll('canvas.chart[data-chart]').forEach(function (canvas) {
    if (canvas.dataset.drawn) return;
    var spec = JSON.parse(canvas.dataset.chart);
    canvas.dataset.drawn = '1';
    new Chart(canvas, {
      type: spec.type || 'bar',
      data: { labels: spec.labels, datasets: spec.datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false, locale: 'vi-VN',
                 plugins: { legend: { display: spec.datasets.length > 1 } } }
    });
  });
}
// The dashboard's charts sit in closed <details> (a phone shows the figures, charts on demand);
// on a wide screen they open at once. Without JavaScript they stay closed and open with a tap.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.matchMedia('(min-width: 48em)').matches) return;
  document.querySelectorAll('details[data-open-wide]').forEach(function (d) { d.open = true; });
});
document.addEventListener('DOMContentLoaded', drawCharts);
document.addEventListener('htmx:afterSwap', drawCharts);

// Lists and dashboards: choosing in a select marked auto-submit sends its form.
document.addEventListener('change', function (event) {
  if (event.target.matches && event.target.matches('select.auto-submit') && event.target.form) event.target.form.requestSubmit();
});

// Pickers (docs/web.md, "Pickers"): a match ticked in the search results joins the chosen list,
// so that the next search does not take it away; choosing another in a single-choice picker
// replaces the chosen one.
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.matches || !input.matches('.picker input[type="checkbox"], .picker input[type="radio"]')) return;
  var picker = input.closest('.picker');
  var chosen = picker && picker.querySelector('.picker-chosen');
  var item = input.closest('li');
  if (!chosen || !item || item.parentNode === chosen || !input.checked) return;
  if (picker.dataset.picker === 'single') chosen.innerHTML = '';
  chosen.appendChild(item);
});

// The proposal form: changing a year asks the server for the lists valid in the new years (the
// form's own "Cập nhật danh sách theo năm" button, which works without JavaScript too).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button.refresh-lists').forEach(function (button) { button.hidden = true; });
});
document.addEventListener('change', function (event) {
  var select = event.target;
  if (!select.matches || !select.matches('select[data-refresh]') || !select.form) return;
  var refresh = select.form.querySelector('button.refresh-lists');
  if (refresh) select.form.requestSubmit(refresh);
});

// A form that comes back with errors: focus moves to the summary at its top, so a screen reader
// reads it and the keyboard starts from the list of links to the fields.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
});

// Date fields stay text (dd/mm/yyyy, what the server reads); a calendar button beside each fills
// it in. The calendar only writes: the server reads and checks what the text field holds.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[data-date-picker]').forEach(function (text) {
    var picker = document.createElement('input');
    picker.type = 'date';
    picker.className = 'visually-hidden';
    picker.tabIndex = -1;
    picker.setAttribute('aria-hidden', 'true');
    picker.addEventListener('change', function () {
      var p = picker.value.split('-');
      if (p.length === 3) text.value = p[2] + '/' + p[1] + '/' + p[0];
    });
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary date-button';
    button.textContent = 'Chọn trên lịch';
    button.addEventListener('click', function () {
      if (picker.showPicker) picker.showPicker(); else picker.focus();
    });
    text.insertAdjacentElement('afterend', button);
    button.insertAdjacentElement('afterend', picker);
  });
});

// Destructive actions: with JavaScript, a dialog asks first and the answer goes with the form
// (xac_nhan=1); without it, the server answers with a page that asks (web/confirm.h).
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.matches || !form.matches('form[data-confirm]')) return;
  if (!window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    return;
  }
  if (!form.querySelector('input[name="xac_nhan"]')) {
    var yes = document.createElement('input');
    yes.type = 'hidden';
    yes.name = 'xac_nhan';
    yes.value = '1';
    form.appendChild(yes);
  }
});

// The report editor: "Chèn" beside each figure inserts its reference ({id}) where the cursor
// is in the section's text, then asks for the preview again. Without JavaScript the buttons
// stay hidden and the references are typed (each is printed beside its figure).
document.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('noi_dung');
  if (!box) return;
  document.querySelectorAll('button.insert-figure').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var ref = '{' + button.dataset.figure + '}';
      var start = box.selectionStart, end = box.selectionEnd;
      box.value = box.value.slice(0, start) + ref + box.value.slice(end);
      box.focus();
      box.selectionStart = box.selectionEnd = start + ref.length;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
  });
});
