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
