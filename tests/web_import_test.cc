// The workbook upload page (/nhap-du-lieu): a valid workbook is written and the rows per sheet
// shown; a bad one is refused with every problem in a table and nothing written; the form
// needs its CSRF token like every other write.
#include <gtest/gtest.h>

#include "audit/audit.h"

#include "support/bundle_fixture.h"
#include "schema/value.h"
#include "support/legacy_encode.h"
#include "support/web_fixture.h"
#include "support/workbook_support.h"

namespace kc::test {
namespace {

class WebImport : public ::testing::Test {
 protected:
  void SetUp() override { server = std::make_unique<WebFixture>(); }

  httplib::Result upload(Browser& b, const std::string& file_name, const std::string& bytes, bool with_csrf = true,
                         const std::string& encoding = "") {
    httplib::MultipartFormDataItems items = {
        {"so_tinh", bytes, file_name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
    if (with_csrf) items.push_back({"_csrf", b.csrf(), "", ""});
    if (!encoding.empty()) items.push_back({"ma_hoa", encoding, "", ""});
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

TEST_F(WebImport, CellsTypedWithALegacyFontAreConvertedAndShown) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  b.get("/nhap-du-lieu");
  auto cell = [](const std::string& ref, const std::string& t) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
  };
  std::string name = "Hội chợ hàng thủ công mỹ nghệ làng nghề tiêu biểu năm 2026";
  std::string place = "Thành phố Bắc Giang, tỉnh Bắc Giang";
  std::string data = "<row r=\"1\">" + cell("A1", "ma") + cell("B1", "ten") + cell("C1", "nam") + cell("D1", "dia_diem") +
                     cell("E1", "de_an") + cell("F1", "so_luot_tham_gia") + "</row><row r=\"3\">" +
                     cell("A3", "hc-thu-nghiem") + cell("B3", as_font_text(to_tcvn3(name))) + "<c r=\"C3\"><v>2026</v></c>" +
                     cell("D3", as_font_text(to_tcvn3(place))) + "<c r=\"F3\"><v>12</v></c></row>";
  auto r = upload(b, "hoi-cho.xlsx", hand_workbook({{"hoi_cho", sheet_xml(data)}}));
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("Đã nhập 1 bản ghi"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("<li>trang tính hoi_cho: có ô gõ bằng phông chữ của bảng mã TCVN3 (ABC) và chuyển sang Unicode 2 ô "
                         "trên 1 dòng (ví dụ ô B3: «"),
            std::string::npos)
      << r->body;
  EXPECT_NE(r->body.find("→ «" + name + "»"), std::string::npos) << r->body;
  auto store = server->database().open();
  bool found = false;
  store->scan(kind("hoi_cho"), [&](const Row& row) { found = found || (as_text(row[0]) == "hc-thu-nghiem" && as_text(row[1]) == name); });
  EXPECT_TRUE(found) << "the fair is stored in Unicode";
}

TEST_F(WebImport, AnUncertainEncodingIsAskedAboutOnThePage) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  b.get("/nhap-du-lieu");
  auto cell = [](const std::string& ref, const std::string& t) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
  };
  // Too few words to tell: "Trµn ThÖ Nh²n" (TCVN3 bytes B5, D6, B2 seen through the font).
  std::string thin = as_font_text("Tr\xB5n Th\xD6 Nh\xB2n");
  std::string data = "<row r=\"1\">" + cell("A1", "ma") + cell("B1", "ten") + cell("C1", "nam") + cell("D1", "dia_diem") +
                     cell("E1", "de_an") + cell("F1", "so_luot_tham_gia") + "</row><row r=\"3\">" +
                     cell("A3", "hc-mot-dong") + cell("B3", thin) + "<c r=\"C3\"><v>2026</v></c>" +
                     cell("D3", thin) + "<c r=\"F3\"><v>12</v></c></row>";
  std::string book = hand_workbook({{"hoi_cho", sheet_xml(data)}});
  int64_t fairs = rows_of("hoi_cho");

  auto asked = upload(b, "hoi-cho.xlsx", book);
  EXPECT_NE(asked->body.find("ô &quot;Bảng mã&quot; của trang nhập dữ liệu"), std::string::npos) << asked->body;
  EXPECT_NE(asked->body.find("<select id=\"ma_hoa\" name=\"ma_hoa\">"), std::string::npos);
  EXPECT_EQ(rows_of("hoi_cho"), fairs) << "nothing written";

  auto bad = upload(b, "hoi-cho.xlsx", book, true, "ascii");
  EXPECT_EQ(bad->status, 422);
  EXPECT_NE(bad->body.find("Bảng mã &quot;ascii&quot; không được hỗ trợ"), std::string::npos) << bad->body;

  auto chosen = upload(b, "hoi-cho.xlsx", book, true, "tcvn3");
  ASSERT_EQ(chosen->status, 200) << chosen->body;
  EXPECT_NE(chosen->body.find("Đã nhập 1 bản ghi"), std::string::npos) << chosen->body;
  EXPECT_EQ(rows_of("hoi_cho"), fairs + 1);
}

TEST_F(WebImport, UploadOverTheBodyLimitGetsAVietnamese413) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  b.get("/nhap-du-lieu");
  std::string huge(13 * 1024 * 1024, 'x');
  auto page = upload(b, "lon.xlsx", huge);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 413);
  EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page->body.find("Dữ liệu gửi lên quá lớn: mỗi lần gửi tối đa 12 MB"), std::string::npos) << page->body;
  EXPECT_NE(page->body.find("khuyencong import"), std::string::npos) << page->body;

  httplib::MultipartFormDataItems items = {{"so_tinh", huge, "lon.xlsx", "application/octet-stream"}};
  httplib::Headers h = {{"Cookie", "kc_session=" + b.cookie("kc_session")}, {"Accept", "application/json"}};
  auto json = server->client()->Post("/nhap-du-lieu", h, items);
  ASSERT_TRUE(json);
  EXPECT_EQ(json->status, 413);
  EXPECT_NE(json->body.find("\"ma_loi\":413"), std::string::npos) << json->body;
  EXPECT_NE(json->body.find("tối đa 12 MB"), std::string::npos) << json->body;
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
