// The project page: its record, beneficiaries, outputs, every step with documents, amendments,
// the audit trail, and the forms for what the caller may do next.
#include "audit/audit.h"
#include "core/vn_format.h"
#include "projects/amendments.h"
#include "projects/documents.h"
#include "projects/lifecycle.h"
#include "projects/proposals.h"
#include "schema/enums.h"
#include "schema/field_display.h"
#include "web/picker_fields.h"
#include "web/project_pages.h"
#include "web/project_plans.h"
#include "web/record_view.h"
#include "web/reference_names.h"

namespace kc::web {

namespace {

std::string text_at(const RecordKind& k, const Row& r, const char* field) {
  return std::string(text_or_empty(r[static_cast<size_t>(k.field_index(field))]));
}

Data events(RequestContext& ctx, const std::string& code, const std::vector<StoredDocument>& docs) {
  const RecordKind& k = kind("de_an_su_kien");
  Data out = list();
  for (const Row& r : project_events(ctx.read_store(), code)) {
    Data e;
    std::string id = text_at(k, r, "ma");
    std::string from = text_at(k, r, "tu_trang_thai"), to = text_at(k, r, "den_trang_thai");
    e.set("what", text_at(k, r, "loai") == "bao_cao_tien_do" ? "Báo cáo tiến độ"
                                                               : (from.empty() ? "" : status_label(from) + " → ") + status_label(to));
    std::optional<Date> day = parse_date(text_at(k, r, "ngay"));
    e.set("date", day ? to_vn(*day) : "");
    e.set("decision", text_at(k, r, "so_quyet_dinh"));
    e.set("comment", text_at(k, r, "ghi_chu"));
    e.set("user", text_at(k, r, "nguoi_dung"));
    Data attached = list();
    for (const StoredDocument& d : docs) {
      if (d.event != id) continue;
      Data a;
      a.set("name", d.filename);
      a.set("href", "/de-an/" + code + "/tai-lieu/" + d.id);
      a.set("size", format_int(d.size / 1024 + 1) + " KB");
      attached.push_back(a);
    }
    e.set("documents", attached);
    out.push_back(e);
  }
  return out;
}

// The annual plan the project was approved into (recorded on the approval event), or "".
std::string approved_plan(RequestContext& ctx, const std::string& code) {
  const RecordKind& k = kind("de_an_su_kien");
  ListQuery q;
  q.equals = {{static_cast<size_t>(k.field_index("de_an")), Value{code}},
              {static_cast<size_t>(k.field_index("den_trang_thai")), Value{std::string("phe_duyet")}}};
  q.sort_field = static_cast<size_t>(k.field_index("thoi_diem"));
  q.limit = 100;
  std::string plan;
  for (const Row& r : ctx.read_store().list(k, q).rows)
    if (std::string p = text_at(k, r, "ke_hoach"); !p.empty()) plan = p;
  return plan;
}

Data amendment_list(RequestContext& ctx, const std::string& code, bool can_decide) {
  Data out = list();
  for (const Amendment& a : amendments_of(ctx.read_store(), code)) {
    Data d;
    d.set("id", a.id);
    auto label = [](auto& values, const std::string& c) {
      for (const EnumValue& v : values)
        if (v.code == c) return std::string(v.label);
      return c;
    };
    d.set("kind", label(enums::kAmendmentKind, a.kind));
    d.set("status", label(enums::kAmendmentStatus, a.status));
    std::string proposed;
    for (const auto& [k, v] : a.values) proposed += (proposed.empty() ? "" : "; ") + k + " = " + v;
    d.set("values", proposed);
    d.set("reason", a.reason);
    d.set("by", a.proposed_by);
    d.set("decision", a.decision);
    d.set("note", a.decision_note);
    if (can_decide && a.status == "cho_duyet") {
      d.set("can_decide", true);
      d.set("approve", "/de-an/" + code + "/dieu-chinh/" + a.id + "/duyet");
      d.set("reject", "/de-an/" + code + "/dieu-chinh/" + a.id + "/tu-choi");
    }
    out.push_back(d);
  }
  return out;
}

}  // namespace

void project_page_with(RequestContext& ctx, const Row& p, const std::string& notice) {
  const RecordKind& k = kind("de_an");
  auto data = ctx.app.dataset();
  std::string code = text_at(k, p, "ma");
  std::string status = text_at(k, p, "trang_thai");
  Data fields = list();
  ReferenceNames names(*data, ctx.read_store());
  for (size_t i = 0; i < k.fields.size(); ++i) {
    if (k.fields[i].name == "ma" || k.fields[i].name == "ten") continue;  // the page's heading
    Data f = names.cell(k.fields[i], p[i], ctx.user().has_value());
    f.set("label", field_label(k.fields[i]));
    fields.push_back(f);
  }
  Data beneficiaries = list();
  for (const std::string& c : beneficiaries_of(ctx.read_store(), code)) {
    Data b;
    std::string name = names.name_of("co_so", c);
    b.set("name", name.empty() ? c : name);
    b.set("ref_code", c);
    if (ctx.user()) b.set("href", "/co-so/" + c);
    beneficiaries.push_back(b);
  }
  Data outputs = list();
  {
    const RecordKind& ok = kind("de_an_ket_qua");
    ListQuery q;
    q.equals = {{0, Value{code}}};
    q.limit = 1000;
    for (const Row& r : ctx.read_store().list(ok, q).rows) {
      int32_t i = data->indicator_index(as_text(r[1]));
      Data o;
      o.set("name", i >= 0 ? data->indicators[static_cast<size_t>(i)].name : as_text(r[1]));
      o.set("value", format_int(as_int(r[2])) + (i >= 0 ? " " + data->indicators[static_cast<size_t>(i)].unit : ""));
      outputs.push_back(o);
    }
  }
  Data d;
  d.set("code", code);
  d.set("title", text_at(k, p, "ten"));
  d.set("status", status_label(status));
  if (std::string plan = approved_plan(ctx, code); !plan.empty()) {
    int32_t i = data->plan_index(plan);
    Data link;
    link.set("name", i >= 0 ? data->plans[static_cast<size_t>(i)].name : plan);
    if (ctx.has_role("quan_tri") || ctx.has_role("so_cong_thuong") || ctx.has_role("trung_tam")) link.set("href", "/ke-hoach/" + plan);
    d.set("plan", link);
  }
  if (outside_every_plan(*data, p)) d.set("outside_plan", true);
  d.set("fields", fields);
  d.set("beneficiaries", beneficiaries);
  d.set("outputs", outputs);
  d.set("csrf", ctx.csrf());
  if (!notice.empty()) d.set("notice", notice);
  bool acting = ctx.user() && may_change_project(ctx, p);
  if (sees_project_records(ctx, p)) {
    std::vector<StoredDocument> docs = documents_of(ctx.read_store(), code);
    d.set("events", events(ctx, code, docs));
    d.set("signed_in", true);
    d.set("amendments", amendment_list(ctx, code, ctx.has_role("so_cong_thuong")));
    Data history = list();
    for (const AuditEntry& e : audit_of(ctx.read_store(), "de_an", code)) {
      history.push_back(audit_entry_view(e));
    }
    d.set("history", history);
  }
  if (acting) {
    Data steps = step_forms_for(ctx, p, *data, code);
    if (!steps.is_empty_list()) d.set("has_steps", true);
    d.set("steps", steps);
    if ((status == "dang_ky_nhu_cau" || status == "de_xuat")) d.set("can_edit", true);
    if ((status == "phe_duyet" || status == "dang_thuc_hien") && may_propose_amendment(ctx.user()->role)) {
      Data kinds = list();
      for (const EnumValue& v : enums::kAmendmentKind) {
        Data o;
        o.set("code", std::string(v.code));
        o.set("label", std::string(v.label));
        kinds.push_back(o);
      }
      d.set("amendment_kinds", kinds);
      d.set("can_amend", true);
      // The new place and beneficiaries are chosen by name, within the caller's scope and the
      // project's years (web/picker_fields.h).
      PickerQuery years;
      years.from_year = static_cast<int>(as_int(p[static_cast<size_t>(k.field_index("nam_bat_dau"))]));
      years.to_year = static_cast<int>(as_int(p[static_cast<size_t>(k.field_index("nam_ket_thuc"))]));
      Data place = picker_field(ctx, k.field("dia_ban"), PickerKind::Unit, ctx.param("dia_ban"), "", years, ctx.param("tim_dia_ban"));
      place.set("label", "Địa bàn mới");
      d.set("amend_place", place);
      std::vector<std::string> chosen = picker_search_asked(ctx) ? posted_codes(ctx, "co_so") : beneficiaries_of(ctx.read_store(), code);
      d.set("amend_beneficiaries", multi_picker_field(ctx, "co_so", "Cơ sở thụ hưởng mới", chosen, "", ctx.param("tim_co_so")));
    }
  }
  ctx.page(ctx.res.status >= 400 ? ctx.res.status : 200, "project_detail", d, text_at(k, p, "ten"));
}

void project_page(RequestContext& ctx) {
  std::optional<Row> p = visible_project(ctx, ctx.path(2));
  if (!p) return;
  project_page_with(ctx, *p, "");
}

}  // namespace kc::web
