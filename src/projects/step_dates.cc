#include "projects/step_dates.h"

#include <optional>

#include "projects/lifecycle.h"
#include "schema/record_kind.h"
#include "store/store.h"

namespace kc {

namespace {

struct LatestStep {
  Date date;
  std::string what;  // "Phê duyệt", "báo cáo tiến độ"…
};

// The latest step recorded on the project. The registration of the need is left out: it is
// dated the day it is entered (not a date anyone chose), so a project of past years recorded
// today could otherwise never carry its real dates.
std::optional<LatestStep> latest_step(Store& store, const std::string& project) {
  const RecordKind& events = kind("de_an_su_kien");
  const size_t from = static_cast<size_t>(events.field_index("tu_trang_thai"));
  const size_t to = static_cast<size_t>(events.field_index("den_trang_thai"));
  const size_t type = static_cast<size_t>(events.field_index("loai"));
  const size_t day = static_cast<size_t>(events.field_index("ngay"));
  std::optional<LatestStep> latest;
  for (const Row& r : project_events(store, project)) {
    if (text_or_empty(r[from]).empty()) continue;  // the registration
    std::optional<Date> d = parse_date(text_or_empty(r[day]));
    if (!d || (latest && *d <= latest->date)) continue;
    std::string what = text_or_empty(r[type]) == "bao_cao_tien_do"
                           ? "báo cáo tiến độ"
                           : "chuyển sang \"" + status_label(std::string(text_or_empty(r[to]))) + "\"";
    latest = LatestStep{*d, what};
  }
  return latest;
}

int year_of(const RecordKind& projects, const Row& project, const char* field) {
  const Value& v = project[static_cast<size_t>(projects.field_index(field))];
  return std::holds_alternative<std::monostate>(v) ? 0 : static_cast<int>(as_int(v));
}

}  // namespace

bool step_bounded_by_plan_period(const Step& step) {
  // A progress report states where the project stands on its day: a project running late still
  // reports (and is listed as late on the centre's home page), so it is not bounded.
  if (step.from == step.to) return false;
  return step.to == "phe_duyet" || step.to == "dang_thuc_hien" || step.to == "nghiem_thu";
}

FieldErrors step_date_problems(Store& store, const Row& project, const Step& step, const StepDateRequest& req) {
  FieldErrors errors;
  const std::string day = to_vn(req.date);
  if (req.today < req.date)
    errors.emplace_back("ngay", "Ngày " + day + " ở tương lai: bước \"" + step.name +
                                    "\" đã thực hiện phải có ngày không sau hôm nay (" + to_vn(req.today) + ")");
  const RecordKind& projects = kind("de_an");
  std::string code(text_or_empty(project[static_cast<size_t>(projects.field_index("ma"))]));
  if (std::optional<LatestStep> latest = latest_step(store, code); latest && req.date < latest->date)
    errors.emplace_back("ngay", "Ngày " + day + " trước ngày của bước đã ghi gần nhất (" + latest->what + ", ngày " +
                                    to_vn(latest->date) + "): các bước của đề án phải theo thứ tự thời gian");
  if (step_bounded_by_plan_period(step) && !req.outside_period_confirmed) {
    int from = year_of(projects, project, "nam_bat_dau"), to = year_of(projects, project, "nam_ket_thuc");
    if (to < from) to = from;
    if (from > 0 && (req.date < Date::first_of_year(from) || Date::last_of_year(to) < req.date))
      errors.emplace_back(kOutsidePeriodConfirmation,
                          "Ngày " + day + " nằm ngoài kỳ kế hoạch của đề án (" + to_vn(Date::first_of_year(from)) + " – " +
                              to_vn(Date::last_of_year(to)) +
                              "); nếu đúng là vậy, hãy đánh dấu ô \"Tôi xác nhận ngày này nằm ngoài kỳ kế hoạch\"");
  }
  return errors;
}

}  // namespace kc
