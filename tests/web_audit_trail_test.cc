// The audit trail in words: Vietnamese action names, field labels, before → after displayed the
// Vietnamese way, local time (UTC+7), 50 entries a page, filters by day, user, kind and record.
#include <gtest/gtest.h>

#include "audit/audit.h"
#include "audit/audit_words.h"
#include "audit/local_time.h"
#include "store/store.h"
#include "support/web_fixture.h"

namespace kc::test {
namespace {

TEST(LocalTime, UtcTextIsShownInVietnamTime) {
  EXPECT_EQ(local_time_text("2026-11-28 07:30:12"), "28/11/2026 14:30");
  EXPECT_EQ(local_time_text("2026-12-31 17:00:00.123456"), "01/01/2027 00:00") << "across a year's end";
  EXPECT_EQ(local_time_text("2024-02-28 20:15:00"), "29/02/2024 03:15") << "a leap day";
  EXPECT_EQ(local_time_text("khong phai thoi gian"), "khong phai thoi gian");
  EXPECT_EQ(utc_start_of_local_day({2027, 1, 1}), "2026-12-31 17:00:00");
  EXPECT_EQ(to_iso(next_day({2024, 2, 28})), "2024-02-29");
}

TEST(AuditWords, ActionsHaveVietnameseNames) {
  EXPECT_EQ(audit_action_label("tao"), "tạo");
  EXPECT_EQ(audit_action_label("sua"), "sửa");
  EXPECT_EQ(audit_action_label("luu_tru"), "lưu trữ");
  EXPECT_EQ(audit_action_label("chuyen_trang_thai"), "chuyển bước");
  EXPECT_EQ(audit_action_label("hanh_dong_moi"), "hanh dong moi") << "an unknown action still reads as words";
}

TEST(AuditWords, ChangesAreTheFieldsThatDiffer) {
  const RecordKind& k = kind("co_so");
  Row before(k.fields.size()), after;
  before[0] = std::string("cs-1");
  before[1] = std::string("Cơ sở A");
  before[4] = std::string("bg-luc-ngan");
  after = before;
  after[1] = std::string("Cơ sở B");
  after[8] = int64_t{12};
  AuditEntry edit{"1", "2026-11-28 07:30:12", "u", "sua", "co_so", "cs-1", record_json(k, before), record_json(k, after), ""};
  std::vector<FieldChange> changes = audit_changes(edit);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].field->name, "ten");
  EXPECT_EQ(as_text(changes[0].before), "Cơ sở A");
  EXPECT_EQ(as_text(changes[0].after), "Cơ sở B");
  EXPECT_EQ(changes[1].field->name, "so_lao_dong");
  EXPECT_TRUE(is_null(changes[1].before));
  EXPECT_EQ(as_int(changes[1].after), 12) << "parsed back to a number, to be shown as one";
  AuditEntry created = edit;
  created.before.clear();
  EXPECT_EQ(audit_changes(created).size(), 4u) << "a creation lists the fields it filled";
  AuditEntry archived = edit;
  archived.after = archived.before;
  EXPECT_TRUE(audit_changes(archived).empty());
}

// Entries written straight into the trail, at chosen times, for the page to show.
class WebAuditTrail : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new WebFixture();
    auto store = server->database().open();
    const RecordKind& projects = kind("de_an");
    Row key(projects.fields.size());
    key[0] = std::string("bg-2017-t-011");
    Row before = *store->find(projects, key), after = before;
    auto field = [&](std::string_view name) {
      for (size_t i = 0; i < projects.fields.size(); ++i)
        if (projects.fields[i].name == name) return i;
      throw std::logic_error("no field " + std::string(name));
    };
    before[field("kinh_phi_nsnn")] = int64_t{150000000};
    after[field("kinh_phi_nsnn")] = int64_t{200000000};
    before[field("ngay_nghiem_thu")] = Value{};
    after[field("ngay_nghiem_thu")] = std::string("2017-07-15");
    Transaction tx(*store);
    auto put = [&](const std::string& id, const std::string& time, const std::string& user, const std::string& action,
                   const std::string& kind_name, const std::string& record, const std::string& b, const std::string& a) {
      store->insert(kind("nhat_ky"), Row{id, time, user, action, kind_name, record, b.empty() ? Value{} : Value{b},
                                         a.empty() ? Value{} : Value{a}, Value{}});
    };
    // Local 28/11/2026 00:30, and a minute before midnight of the 27th.
    put("t-1", "2026-11-27 17:30:00.000001", "trungtam", "sua", "de_an", "bg-2017-t-011",
        record_json(projects, before), record_json(projects, after));
    put("t-2", "2026-11-27 16:59:00.000001", "trungtam", "chuyen_trang_thai", "de_an", "bg-2017-t-011", "", "");
    for (int i = 0; i < 60; ++i) {
      char time[40];
      std::snprintf(time, sizeof time, "2026-10-01 03:%02d:00.000000", i);
      put("p-" + std::to_string(i), time, "socongthuong", "luu_tru", "lang_nghe", "ln-01", "", "");
    }
    tx.commit();
  }
  static void TearDownTestSuite() { delete server; }
  static httplib::Result trail(const std::string& query) {
    Browser admin(*server);
    EXPECT_TRUE(admin.sign_in("quantri"));
    return admin.get("/quan-tri/nhat-ky" + query);
  }
  static size_t rows(const std::string& body) {
    size_t n = 0;
    for (size_t at = body.find("<time datetime="); at != std::string::npos; at = body.find("<time datetime=", at + 1)) ++n;
    return n;
  }
  static WebFixture* server;
};
WebFixture* WebAuditTrail::server = nullptr;

TEST_F(WebAuditTrail, AnEditReadsInWordsWithLocalTime) {
  auto r = trail("?ma_ho_so=bg-2017-t-011");
  ASSERT_EQ(r->status, 200);
  const std::string& body = r->body;
  EXPECT_NE(body.find("28/11/2026 00:30"), std::string::npos) << "17:30 UTC is 00:30 the next day in Việt Nam";
  EXPECT_NE(body.find("datetime=\"2026-11-27T17:30:00Z\""), std::string::npos);
  EXPECT_NE(body.find("<td>sửa</td>"), std::string::npos);
  EXPECT_NE(body.find("<td>chuyển bước</td>"), std::string::npos);
  EXPECT_NE(body.find("Cán bộ Trung tâm (trungtam)"), std::string::npos) << "the user by name";
  EXPECT_NE(body.find("Kinh phí ngân sách nhà nước (đồng): 150.000.000 đ → 200.000.000 đ"), std::string::npos) << body;
  EXPECT_NE(body.find("Ngày nghiệm thu: (trống) → 15/7/2017"), std::string::npos);
  EXPECT_NE(body.find("<a href=\"/de-an/bg-2017-t-011\">bg-2017-t-011</a>"), std::string::npos);
  EXPECT_EQ(body.find("Tên đề án:"), std::string::npos) << "only the fields that changed";
  EXPECT_EQ(body.find("{&quot;"), std::string::npos) << "no raw JSON";
  EXPECT_EQ(body.find("(UTC)"), std::string::npos);
}

// The filter's people are offered by name in Vietnamese order ("Cán bộ …" before "Chủ cơ sở",
// which byte order swaps), not by user name.
TEST_F(WebAuditTrail, PeopleToFilterByAreInVietnameseOrder) {
  auto r = trail("");
  ASSERT_EQ(r->status, 200);
  size_t last = r->body.find("<select id=\"nguoi_dung\"");
  ASSERT_NE(last, std::string::npos);
  for (const char* label : {"Cán bộ Lục Ngạn (diaphuong)", "Cán bộ Sở (socongthuong)", "Cán bộ Trung tâm (trungtam)",
                            "Chủ cơ sở (coso)", "Quản trị (quantri)"}) {
    size_t at = r->body.find(std::string(">") + label + "</option>", last);
    EXPECT_NE(at, std::string::npos) << label << " missing or out of order";
    if (at != std::string::npos) last = at;
  }
}

TEST_F(WebAuditTrail, FiftyEntriesAPageWithTheFiltersKeptAcrossPages) {
  auto first = trail("?nguoi_dung=socongthuong&loai_ho_so=lang_nghe");
  ASSERT_EQ(first->status, 200);
  EXPECT_EQ(rows(first->body), 50u);
  EXPECT_NE(first->body.find("60 mục, trang 1/2"), std::string::npos);
  EXPECT_NE(first->body.find("01/10/2026 10:59"), std::string::npos) << "newest first";
  std::string next = "/quan-tri/nhat-ky?nguoi_dung=socongthuong&amp;loai_ho_so=lang_nghe&amp;trang=2";
  EXPECT_NE(first->body.find("href=\"" + next + "\""), std::string::npos) << first->body;
  auto second = trail("?nguoi_dung=socongthuong&loai_ho_so=lang_nghe&trang=2");
  EXPECT_EQ(rows(second->body), 10u);
  EXPECT_NE(second->body.find("01/10/2026 10:00"), std::string::npos) << "the oldest on the last page";
  EXPECT_NE(second->body.find("<td>lưu trữ</td>"), std::string::npos);
  EXPECT_EQ(rows(trail("?nguoi_dung=trungtam&loai_ho_so=lang_nghe")->body), 0u) << "the user filter applies";
}

TEST_F(WebAuditTrail, DaysAreLocalDaysBothEndsIncluded) {
  auto on_28th = trail("?tu_ngay=28/11/2026&den_ngay=28/11/2026");
  ASSERT_EQ(on_28th->status, 200);
  EXPECT_EQ(rows(on_28th->body), 1u);
  EXPECT_NE(on_28th->body.find("28/11/2026 00:30"), std::string::npos);
  auto on_27th = trail("?den_ngay=27/11/2026&loai_ho_so=de_an");
  EXPECT_EQ(rows(on_27th->body), 1u);
  EXPECT_NE(on_27th->body.find("27/11/2026 23:59"), std::string::npos);
  auto october = trail("?tu_ngay=1/10/2026&den_ngay=31/10/2026&trang=2");
  EXPECT_EQ(rows(october->body), 10u) << "a date window pages too";
  EXPECT_NE(october->body.find("60 mục, trang 2/2"), std::string::npos);
}

TEST_F(WebAuditTrail, BadFiltersAreNamedInVietnamese) {
  auto bad_day = trail("?tu_ngay=31/02/2026");
  EXPECT_EQ(bad_day->status, 422);
  EXPECT_NE(bad_day->body.find("Ngày &quot;31/02/2026&quot; không hợp lệ; nhập theo dạng dd/mm/yyyy"), std::string::npos);
  auto reversed = trail("?tu_ngay=02/12/2026&den_ngay=01/12/2026");
  EXPECT_EQ(reversed->status, 422);
  EXPECT_NE(reversed->body.find("phải từ &quot;Từ ngày&quot; trở về sau"), std::string::npos);
  EXPECT_EQ(trail("?trang=0")->status, 422);
  EXPECT_EQ(trail("?loai_ho_so=khong_co")->status, 422);
}

TEST_F(WebAuditTrail, RecordHistoriesReadInWordsToo) {
  Browser staff(*server);
  ASSERT_TRUE(staff.sign_in("trungtam"));
  auto project = staff.get("/de-an/bg-2017-t-011");
  ASSERT_EQ(project->status, 200);
  EXPECT_NE(project->body.find("28/11/2026 00:30"), std::string::npos) << "history times are local too";
  EXPECT_NE(project->body.find("chuyển bước"), std::string::npos);
}

}  // namespace
}  // namespace kc::test
