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
document.addEventListener('change', function (event) {
  var select = event.target;
  if (!select.matches || !select.matches('select[data-refresh]') || !select.form) return;
  var refresh = select.form.querySelector('button.refresh-lists');
  if (refresh) select.form.requestSubmit(refresh);
});
