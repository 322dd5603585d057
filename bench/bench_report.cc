// Benchmark of the phase report on a loaded database: times loading the Dataset from the
// store once, then computing the report model of each given plan many times (the model scans
// every project and every output, whatever the plan), and rendering it once. Prints the
// figures that docs/performance.md quotes, and the process's peak RSS.
//
//   bench_report <db> <plan-code> [<plan-code> …] [--repeat N] [--annual <annual-plan-code> <year>]
//
// --annual: the annual and six-month reports of that plan and year as well (report_kinds.h):
// the model computed `repeat` times, then DOCX and PDF rendered once each.
//
// Besides the given plans it times a synthetic whole-country plan over 2016–2025 ("TOAN-QUOC"),
// added in memory under a country unit placed above every province, so that every project of
// the dataset counts: the heaviest report model the dataset allows.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "model/dataset.h"
#include "report/phase_report.h"
#include "report/phase_report_document.h"
#include "report/render_text.h"
#include "report/report_kinds.h"
#include "report/report_output.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

// A country unit above every province and a plan over it, for the heaviest report.
void add_whole_country_plan(kc::Dataset& data) {
  int32_t country = static_cast<int32_t>(data.units.size());
  kc::Unit vn;
  vn.code = "VN";
  vn.name = "Việt Nam";
  vn.type = "quoc_gia";
  vn.level = "quoc_gia";
  vn.validity = {kc::Date{1945, 9, 2}, std::nullopt};
  for (kc::Unit& u : data.units)
    if (u.level == "tinh") u.parent = country;
  data.units.push_back(vn);
  kc::Plan plan;
  plan.code = "TOAN-QUOC";
  plan.name = "Toàn quốc 2016–2025";
  plan.type = "giai_doan";
  plan.unit = country;
  plan.from_year = 2016;
  plan.to_year = 2025;
  data.plans.push_back(plan);
}

// The annual and six-month reports of one annual plan: model (min/median/max), DOCX and PDF.
void time_annual(const kc::Dataset& data, const std::string& plan, int year, int repeat) {
  for (kc::ReportStructure s : {kc::ReportStructure::Annual, kc::ReportStructure::SixMonth}) {
    std::vector<double> times;
    kc::ComputedReportResult last;
    for (int i = 0; i < repeat; ++i) {
      auto t = Clock::now();
      last = kc::compute_report(data, s, kc::ReportScope{plan, year});
      times.push_back(ms_since(t));
    }
    if (!last.report) {
      std::fprintf(stderr, "%s %d: %s\n", plan.c_str(), year, last.error.c_str());
      return;
    }
    std::sort(times.begin(), times.end());
    std::string kind(kc::report_structure_code(s));
    std::printf("%s report model %s %d: min %.2f ms, median %.2f ms, max %.2f ms over %d runs\n", kind.c_str(), plan.c_str(), year,
                times.front(), times[times.size() / 2], times.back(), repeat);
    for (kc::ReportFormat format : {kc::ReportFormat::Docx, kc::ReportFormat::Pdf}) {
      auto t = Clock::now();
      kc::RenderedReport out = last.report->render(format, {}, {});
      std::printf("  render %s %s: %.1f ms (%zu bytes)\n", kind.c_str(), out.extension.c_str(), ms_since(t), out.bytes.size());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_report <db> <plan-code> [<plan-code> …] [--repeat N] [--annual <plan> <year>]\n");
    return 2;
  }
  std::string db = argv[1];
  std::vector<std::string> plans;
  int repeat = 30;
  std::string annual_plan;
  int annual_year = 0;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc)
      repeat = std::stoi(argv[++i]);
    else if (a == "--annual" && i + 2 < argc) {
      annual_plan = argv[++i];
      annual_year = std::stoi(argv[++i]);
    } else
      plans.push_back(a);
  }

  auto store = kc::open_store(db);
  auto start = Clock::now();
  kc::Dataset data = kc::load_dataset(*store);
  double load_ms = ms_since(start);
  if (!plans.empty() || annual_plan.empty()) {  // only --annual: the phase reports are not timed
    add_whole_country_plan(data);
    plans.push_back("TOAN-QUOC");
  }
  std::printf("dataset: %zu projects, %zu outputs, %zu establishments, %zu units\n", data.projects.size(),
              data.outputs.size(), data.establishments.size(), data.units.size());
  std::printf("load_dataset: %.1f ms\n", load_ms);

  for (const std::string& plan : plans) {
    std::vector<double> times;
    kc::PhaseReportResult last;
    for (int i = 0; i < repeat; ++i) {
      auto t = Clock::now();
      last = kc::compute_phase_report(data, plan);
      times.push_back(ms_since(t));
    }
    if (last.error) {
      std::fprintf(stderr, "%s: %s\n", plan.c_str(), last.error->message.c_str());
      return 1;
    }
    std::sort(times.begin(), times.end());
    auto t = Clock::now();
    std::string md = kc::render_markdown(kc::build_phase_document(*last.report, {}));
    double render_ms = ms_since(t);
    std::printf("report model %s (%lld projects counted): min %.2f ms, median %.2f ms, max %.2f ms over %d runs; "
                "document + Markdown %.2f ms (%zu bytes)\n",
                plan.c_str(), static_cast<long long>(last.report->total.projects), times.front(),
                times[times.size() / 2], times.back(), repeat, render_ms, md.size());
    // The documents users download: PDF (pango layout, vector charts) and DOCX (PNG charts).
    for (kc::ReportFormat format : {kc::ReportFormat::Pdf, kc::ReportFormat::Docx}) {
      t = Clock::now();
      kc::RenderedReport out = kc::render_phase_report(*last.report, format, {});
      std::printf("  render %s %s: %.1f ms (%zu bytes)\n", plan.c_str(), out.extension.c_str(), ms_since(t),
                  out.bytes.size());
    }
  }
  if (!annual_plan.empty()) time_annual(data, annual_plan, annual_year, repeat);
  std::printf("peak RSS: %ld MB\n", peak_rss_mb());
  return 0;
}
