// check: inconsistencies among a plan's records and targets, and between a published
// report's figures (a claims file, see src/check/claims.h) and what the records give.
#include <iostream>

#include "check/consistency.h"
#include "cli/commands.h"
#include "core/file_io.h"
#include "interchange/problem.h"
#include "model/dataset.h"
#include "store/store.h"
#include "store/store_pool.h"

namespace kc::cli {

namespace {

struct CheckOptions {
  std::string plan, claims;
  std::vector<std::string> replicas;  // --db-replica: read from a PostgreSQL replica
};

void print(const CheckResult& r) {
  size_t warnings = 0;
  for (const Finding& f : r.findings) {
    bool warning = f.severity == Severity::Warning;
    warnings += warning ? 1 : 0;
    std::cout << (warning ? "  [cảnh báo] " : "  [thông tin] ") << f.subject << ": " << f.message << "\n";
  }
  if (r.findings.empty()) std::cout << "  Không phát hiện mâu thuẫn giữa các hồ sơ và mục tiêu.\n";
  if (r.claims.empty()) return;
  size_t matching = r.claims.size() - r.mismatches();
  std::cout << "\nĐối chiếu số liệu đã công bố: " << matching << "/" << r.claims.size() << " số liệu khớp với hồ sơ.\n";
  for (const ClaimResult& c : r.claims) {
    if (c.matches) continue;
    std::cout << "  [không khớp] dòng " << c.claim.line << ", " << c.claim.id << ": " << c.explanation << ".\n";
  }
}

void run_check(Context& ctx, const CheckOptions& o) {
  std::vector<Claim> claims;
  if (!o.claims.empty()) {
    auto content = read_whole_file(o.claims);
    if (!content) throw CLI::ValidationError("--claims", "không đọc được tệp " + o.claims);
    ClaimsFile file = parse_claims(o.claims, *content);
    if (!file.problems.empty()) {
      std::cerr << "Tệp số liệu đối chiếu có " << file.problems.size() << " dòng không đọc được:\n";
      for (const Problem& p : file.problems) std::cerr << "  " << format_problem(p) << "\n";
      ctx.exit_code = 1;
      return;
    }
    claims = std::move(file.claims);
  }
  auto store = open_for_reading(ctx.db, o.replicas);  // a replica when given one
  Dataset data = load_dataset(*store);
  PhaseReportResult report = compute_phase_report(data, o.plan);
  if (report.error) {
    std::cerr << "Không kiểm tra được: " << report.error->message << ".\n";
    ctx.exit_code = 1;
    return;
  }
  CheckResult result = check_plan(data, *report.report, claims);
  std::cout << "Kiểm tra tính nhất quán của kế hoạch " << o.plan << ":\n";
  print(result);
  if (!result.consistent()) ctx.exit_code = 1;
}

}  // namespace

void add_check_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("check", "Kiểm tra tính nhất quán của hồ sơ và đối chiếu số liệu đã công bố");
  auto o = std::make_shared<CheckOptions>();
  cmd->add_option("--plan", o->plan, "Mã kế hoạch (ví dụ bg-2016-2020)")->required();
  cmd->add_option("--claims", o->claims, "Tệp số liệu đã công bố để đối chiếu (xem docs/report.md)");
  cmd->add_option("--db-replica", o->replicas,
                  "Đọc từ bản sao chỉ đọc PostgreSQL này khi nó đã theo kịp máy chủ chính (lặp lại được)");
  cmd->callback([&ctx, o] { run_check(ctx, *o); });
}

}  // namespace kc::cli
