#include "support/demo_report.h"

#include <stdexcept>

#include "interchange/bundle.h"
#include "report/phase_report_document.h"
#include "report/render_text.h"
#include "store/store.h"
#include "support/test_database.h"

namespace kc::test {

const DemoReport& demo_report() {
  static const DemoReport demo = [] {
    TestDatabase db;
    auto store = db.open();
    ImportResult r = import_bundle(*store, demo_dir());
    if (!r.ok()) throw std::runtime_error("the demo bundle does not import");
    DemoReport d;
    d.data = load_dataset(*store);
    PhaseReportResult result = compute_phase_report(d.data, "bg-2016-2020");
    if (!result.report) throw std::runtime_error("no report for bg-2016-2020");
    d.report = std::move(*result.report);
    d.markdown = render_markdown(build_phase_document(d.report, {.date = Date{2020, 11, 30}}));
    return d;
  }();
  return demo;
}

}  // namespace kc::test
