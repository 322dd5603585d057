#include "projects/support_caps.h"

#include "core/vn_format.h"
#include "schema/record_kind.h"
#include "schema/value.h"
#include "store/store.h"

namespace kc {

namespace {

std::string document_name(Store& store, const Value& code) {
  if (is_null(code)) return "quy định hiện hành";
  const RecordKind& docs = kind("van_ban");
  Row probe(docs.fields.size());
  probe[0] = code;
  auto row = store.find(docs, probe);
  if (!row) return as_text(code);
  return std::string(docs.field("loai").enum_label(as_text((*row)[2])).value_or("Văn bản")) + " " + as_text((*row)[1]);
}

}  // namespace

std::vector<std::string> cap_problems(Store& store, const BudgetProposal& p) {
  std::vector<std::string> problems;
  const RecordKind& caps = kind("muc_ho_tro");
  auto col = [&](const char* name) { return static_cast<size_t>(caps.field_index(name)); };
  std::string day = to_iso(p.date);
  store.scan(caps, [&](const Row& r) {
    if (!is_null(r[col("noi_dung")]) && as_text(r[col("noi_dung")]) != p.content) return;
    if (!is_null(r[col("cap_kinh_phi")]) && as_text(r[col("cap_kinh_phi")]) != p.funding_level) return;
    if (as_text(r[col("hieu_luc_tu")]) > day) return;
    if (!is_null(r[col("hieu_luc_den")]) && as_text(r[col("hieu_luc_den")]) < day) return;
    std::string basis = document_name(store, r[col("can_cu")]);
    if (const Value& cap = r[col("muc_toi_da")]; !is_null(cap)) {
      int64_t limit = as_int(cap) * std::max<int64_t>(1, p.establishments);
      if (p.budget > limit)
        problems.push_back("kinh phí đề nghị hỗ trợ " + format_int(p.budget) + " đồng vượt mức tối đa " +
                           format_int(as_int(cap)) + " đồng mỗi cơ sở" +
                           (p.establishments > 1 ? " × " + std::to_string(p.establishments) + " cơ sở" : "") + " theo " +
                           basis + " (" + as_text(r[col("mo_ta")]) + ")");
    }
    if (const Value& share = r[col("ty_le_toi_da")]; !is_null(share)) {
      int64_t total = p.budget + p.counterpart;
      // budget / total <= share / 10000 (share is in hundredths of a percent)
      __extension__ using Wide = __int128;  // đồng × 10000 can pass 64 bits
      if (total > 0 && static_cast<Wide>(p.budget) * 10000 > static_cast<Wide>(as_int(share)) * total)
        problems.push_back("kinh phí hỗ trợ bằng " + format_ratio_percent(p.budget, total, 1) +
                           "% tổng chi phí, vượt tỷ lệ tối đa " + format_scaled(as_int(share), 2, 2) + "% theo " + basis);
    }
  });
  return problems;
}

}  // namespace kc
