// The phase report downloaded from /bao-cao/tai as a PDF: staff get the file with the right
// media type and name; the form offers the format, and the charts only when asked for.
#include <gtest/gtest.h>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebReportDownload : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebReportDownload::server = nullptr;

TEST_F(WebReportDownload, StaffDownloadThePhaseReportAsPdf) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in(WebFixture::user_for("trung_tam")));
  auto form = b.get("/bao-cao");
  ASSERT_TRUE(form);
  EXPECT_NE(form->body.find("<option value=\"pdf\">"), std::string::npos);
  auto r = b.get("/bao-cao/tai?ke_hoach=bg-2016-2020&dinh_dang=pdf&ngay=30%2F11%2F2020");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body.substr(0, 300);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(r->get_header_value("Content-Disposition"), "attachment; filename=\"bao-cao-bg-2016-2020.pdf\"");
  EXPECT_EQ(r->body.substr(0, 5), "%PDF-");
  EXPECT_GT(r->body.size(), 50000u);
}

TEST_F(WebReportDownload, ChartsOnlyWhenTheFormAsksForThem) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in(WebFixture::user_for("trung_tam")));
  auto form = b.get("/bao-cao");
  ASSERT_TRUE(form);
  EXPECT_NE(form->body.find("<input type=\"checkbox\" name=\"bieu_do\" value=\"1\">"), std::string::npos);
  auto plain = b.get("/bao-cao/tai?ke_hoach=bg-2016-2020&dinh_dang=md");
  auto charted = b.get("/bao-cao/tai?ke_hoach=bg-2016-2020&dinh_dang=md&bieu_do=1");
  ASSERT_TRUE(plain && charted);
  ASSERT_EQ(plain->status, 200);
  ASSERT_EQ(charted->status, 200);
  EXPECT_EQ(plain->body.find("Biểu đồ 1."), std::string::npos);
  EXPECT_NE(charted->body.find("## Phụ lục 6"), std::string::npos);
  EXPECT_NE(charted->body.find("Biểu đồ 1."), std::string::npos);
}

}  // namespace
}  // namespace kc::test
