// What waits for the signed-in caller ("Việc của tôi"): per role, lists of projects (and, for
// the administrator, accounts) computed from the records within the caller's scope. The home
// page (pages_home.cc) shows them; the navigation (navigation.cc) shows how many wait.
// The rules of each list are in docs/web.md, "Home pages".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "schema/value.h"

namespace kc {
struct User;
}

namespace kc::web {

class RequestContext;

// Where each role lands after signing in, and its path.
inline constexpr const char* kHomePath = "/viec-cua-toi";
std::string home_path_for(const std::string& role);

// One entry of a list: a project (or an account) with its name and a short note.
struct WorkItem {
  std::string code;
  std::string name;  // filled only when names are asked for
  std::string note;  // "kết thúc năm 2021", "hạn quyết toán 22/01/2027"…
  bool operator==(const WorkItem&) const = default;
};

struct WorkSection {
  std::string id;           // HTML id of the section ("de-xuat-cho-tham-dinh")
  std::string title;        // Vietnamese heading
  std::string rule;         // which records are listed, in one sentence for the reader
  std::string step_anchor;  // the step form on the project page each item links to ("buoc-tham_dinh")
  std::string more_href;    // the full list ("/de-an?trang_thai=de_xuat"); "" when none
  // What the link says when it opens a wider list than this one (every project in progress for
  // the late acceptances); "" when it opens this list whole ("Xem tất cả 203").
  std::string more_label;
  bool waiting = true;      // counted in the navigation (false: shown for information)
  bool accounts = false;    // items are accounts, not projects
  bool reports = false;     // items are reports (drafts/report_drafts.h), not projects
  std::vector<WorkItem> items;  // the first kListedItems
  int64_t total = 0;
  bool operator==(const WorkSection&) const = default;
};

inline constexpr size_t kListedItems = 20;

// A local officer's area at a glance: projects and state budget by status.
struct StatusFigure {
  std::string status;
  int64_t count = 0, budget = 0;
  bool operator==(const StatusFigure&) const = default;
};

struct Work {
  std::vector<WorkSection> sections;
  std::vector<StatusFigure> by_status;  // local officers only
  int64_t waiting_total() const;  // what the navigation counts
  bool operator==(const Work&) const = default;
};

// What tells callers' lists apart: account, role and scope.
std::string caller_key(const User& user);

// The caller's lists on `today` (a signed-in caller). With `names`, each listed item gets its
// name and its notes that need the record (one query for all lists); the navigation's count
// does not. Remembered per caller, data version (App::data_version) and day, except the lists
// whose records change without a new data version: amendments proposed (remembered for one
// App::write_version) and accounts locked (read again at each call).
Work work_for(RequestContext& ctx, const Date& today, bool names);

// How many items of the caller's counted lists wait today: what the navigation shows on every
// page (0 when the database cannot answer).
int64_t waiting_count(RequestContext& ctx);

// A progress report is due when a project in progress has had neither a progress report nor
// the start of work within this many months.
inline constexpr int kProgressReportMonths = 6;

// Settlement reports are due by 22 January of the year after acceptance (the acceptance date,
// or the project's end year when no date was recorded).
Date settlement_deadline(const Row& project);

}  // namespace kc::web
