#include "report/report_phrases.h"

#include "core/vn_format.h"
#include "text/normalize.h"

namespace kc {

std::string million_dong_text(int64_t dong) { return format_million_dong(dong) + " triệu đồng"; }

std::string achievement_text(const IndicatorResult& r) {
  if (!r.target || *r.target <= 0) return {};
  return " (đạt " + format_ratio_percent(r.actual, *r.target, r.percent_decimals()) + "% so với mục tiêu giai đoạn)";
}

std::string document_sentence(const DocumentRef& d) {
  std::string subject = lower_first_vi(d.subject);
  if (subject.rfind("về ", 0) != 0) subject = "về việc " + subject;
  return d.type_label + " số " + d.number + " ngày " + to_vn(d.issued) + " của " + d.issuer + " " + subject;
}

std::string join_vi_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " và " : ", ") + items[i];
  return out;
}

std::string period_text(int from_year, int to_year) {
  return std::to_string(from_year) + " - " + std::to_string(to_year);
}

}  // namespace kc
