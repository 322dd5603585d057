// The workbook upload page (/nhap-du-lieu): a valid workbook is written and the rows per sheet
// shown; a bad one is refused with every problem in a table and nothing written; the form
// needs its CSRF token like every other write.
#include <gtest/gtest.h>

#include "audit/audit.h"

#include "support/bundle_fixture.h"
#include "support/web_fixture.h"
#include "support/workbook_support.h"

namespace kc::test {
namespace {

class WebImport : public ::testing::Test {
 protected:
  void SetUp() override { server = std::make_unique<WebFixture>(); }

  httplib::Result upload(Browser& b, const std::string& file_name, const std::string& bytes, bool with_csrf = true) {
    httplib::MultipartFormDataItems items = {
        {"so_tinh", bytes, file_name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
    if (with_csrf) items.push_back({"_csrf", b.csrf(), "", ""});
    auto c = server->client();
    httplib::Headers h = {{"Cookie", "kc_session=" + b.cookie("kc_session")}};
    return c->Post("/nhap-du-lieu", h, items);
  }

  int64_t rows_of(const std::string& kind_name) {
    auto store = server->database().open();
    return store->count(kind(kind_name));
  }

  std::unique_ptr<WebFixture> server;
};

// A workbook of new records: one content area (noi_dung) the demo does not have.
std::string new_content_workbook(const std::string& code, const std::string& valid_from) {
  auto cell = [](const std::string& ref, const std::string& t) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
  };
  std::string data = "<row r=\"1\">" + cell("A1", "ma") + cell("B1", "so_thu_tu") + cell("C1", "ten") +
                     cell("D1", "ten_bao_cao") + cell("E1", "can_cu") + cell("F1", "hieu_luc_tu") +
                     cell("G1", "hieu_luc_den") + "</row><row r=\"3\">" + cell("A3", code) +
                     "<c r=\"B3\"><v>99</v></c>" + cell("C3", "Nội dung thử nghiệm") + cell("D3", "Thử nghiệm") +
                     cell("E3", "nd-45-2012") + cell("F3", valid_from) + "</row>";
  return hand_workbook({{"noi_dung", sheet_xml(data)}});
}

TEST_F(WebImport, CentreStaffLoadAWorkbook) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  auto form = b.get("/nhap-du-lieu");
  ASSERT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(form->body.find("href=\"/nhap-du-lieu\""), std::string::npos) << "the navigation links the page";
  int64_t before = rows_of("noi_dung");
  auto r = upload(b, "noi-dung.xlsx", new_content_workbook("nd-thu-nghiem", "01/01/2026"));
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("Đã nhập 1 bản ghi từ tệp noi-dung.xlsx"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("<td>noi_dung</td>"), std::string::npos);
  EXPECT_EQ(rows_of("noi_dung"), before + 1);
  auto audit = server->database().open();
  EXPECT_FALSE(search_audit(*audit, "noi-dung.xlsx", 10).empty()) << "the upload is in the audit trail";
}

TEST_F(WebImport, BadWorkbookShowsEveryProblemAndWritesNothing) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("quantri"));
  b.get("/nhap-du-lieu");
  int64_t before = rows_of("noi_dung");
  auto r = upload(b, "noi-dung.xlsx", new_content_workbook("nd-thu-nghiem", "31/02/2026"));
  ASSERT_EQ(r->status, 422) << r->body;
  EXPECT_NE(r->body.find("cơ sở dữ liệu không thay đổi"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("<td>noi_dung</td><td class=\"num\">3</td><td>F (hieu_luc_tu)</td>"), std::string::npos)
      << r->body;
  EXPECT_EQ(rows_of("noi_dung"), before);

  auto not_xlsx = upload(b, "bang.csv", "ma,ten\n");
  EXPECT_EQ(not_xlsx->status, 422);
  EXPECT_NE(not_xlsx->body.find("không phải sổ tính .xlsx"), std::string::npos);
  auto broken = upload(b, "hong.xlsx", "PK\x03\x04 not really");
  EXPECT_EQ(broken->status, 422);
  EXPECT_NE(broken->body.find("tệp không phải là sổ tính Excel .xlsx"), std::string::npos) << broken->body;
}

TEST_F(WebImport, NeedsCsrfAndTheRightRole) {
  Browser staff(*server), local(*server);
  ASSERT_TRUE(staff.sign_in("trungtam"));
  staff.get("/nhap-du-lieu");
  int64_t before = rows_of("noi_dung");
  EXPECT_EQ(upload(staff, "a.xlsx", new_content_workbook("nd-x", "01/01/2026"), false)->status, 403);
  ASSERT_TRUE(local.sign_in("diaphuong"));
  local.get("/");
  EXPECT_EQ(upload(local, "a.xlsx", new_content_workbook("nd-x", "01/01/2026"))->status, 403);
  EXPECT_EQ(rows_of("noi_dung"), before);
}

}  // namespace
}  // namespace kc::test
