// The registries' JSON API (/api/<slug>): lists with search, filters and paging; details with
// their version as ETag; create, replace guarded by If-Match, archive; CSRF on every write;
// each role's scope; signing in from a script. And the record <-> JSON conversions.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/web_fixture.h"
#include "web/api_json.h"

namespace kc::test {
namespace {

using nlohmann::json;

class ApiRegistry : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* ApiRegistry::server = nullptr;

json body_of(const httplib::Result& r) {
  EXPECT_TRUE(r);
  if (!r) return {};
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << r->status << " " << r->body;
  return json::parse(r->body, nullptr, false);
}

json establishment(const std::string& code, const std::string& name, const std::string& unit) {
  return {{"ma", code},        {"ten", name},     {"loai", "ho_kinh_doanh"}, {"nganh", "che_bien"},
          {"dia_ban", unit},   {"dia_chi", nullptr}, {"ma_so_thue", ""},     {"nam_thanh_lap", "2019"},
          {"so_lao_dong", 12}};
}

// The record and its version, read by `b`.
std::pair<json, std::string> read(Browser& b, const std::string& path) {
  auto r = b.get(path);
  EXPECT_EQ(r->status, 200) << path << " " << r->body;
  json j = body_of(r);
  return {j["ban_ghi"], j["phien_ban"].get<std::string>()};
}

TEST_F(ApiRegistry, ListsSearchFilterAndPage) {
  Browser b(*server);
  json all = body_of(b.get("/api/lang-nghe"));
  EXPECT_EQ(all["tong"], 39);
  EXPECT_EQ(all["trang"], 1);
  EXPECT_EQ(all["kich_thuoc"], 50);
  ASSERT_EQ(all["ban_ghi"].size(), 39u);
  const json& first = all["ban_ghi"][0];
  EXPECT_TRUE(first["truyen_thong"].is_boolean()) << first;
  EXPECT_TRUE(first["ngay_cong_nhan"].is_string() && first["ngay_cong_nhan"].get<std::string>().size() == 10) << first;
  EXPECT_TRUE(first["so_ho"].is_number_integer() || first["so_ho"].is_null()) << first;
  EXPECT_TRUE(first.contains("ngay_thu_hoi")) << "empty fields are null, not left out";

  json found = body_of(b.get("/api/lang-nghe?q=DINH%20tri"));
  EXPECT_EQ(found["tong"], 1);
  EXPECT_EQ(found["ban_ghi"][0]["ten"], "Làng nghề sản xuất mộc Đình Trì");
  EXPECT_EQ(body_of(b.get("/api/lang-nghe?truyen_thong=1"))["tong"], 14);

  json page4 = body_of(b.get("/api/lang-nghe?kich_thuoc=10&trang=4"));
  EXPECT_EQ(page4["tong"], 39);
  EXPECT_EQ(page4["trang"], 4);
  EXPECT_EQ(page4["ban_ghi"].size(), 9u);
  json desc = body_of(b.get("/api/lang-nghe?sap_xep=ma&giam=1&kich_thuoc=2"));
  EXPECT_GT(desc["ban_ghi"][0]["ma"].get<std::string>(), desc["ban_ghi"][1]["ma"].get<std::string>());

  json clusters = body_of(b.get("/api/cum-cong-nghiep?kich_thuoc=500"));
  bool decimal_seen = false;
  for (const json& c : clusters["ban_ghi"]) decimal_seen = decimal_seen || c["dien_tich_ha"].is_number();
  EXPECT_TRUE(decimal_seen) << "areas in hectares are JSON numbers";

  for (std::string bad : {"kich_thuoc=501", "kich_thuoc=0", "kich_thuoc=abc", "trang=0", "sap_xep=khong_co", "giam=x",
                          "truyen_thong=hai"}) {
    auto r = b.get("/api/lang-nghe?" + bad);
    EXPECT_EQ(r->status, 400) << bad;
    json e = body_of(r);
    std::string name = bad.substr(0, bad.find('='));
    EXPECT_NE(e["loi"].get<std::string>().find("\"" + name + "\""), std::string::npos) << e;
    EXPECT_EQ(e["ma_loi"], 400);
  }
}

TEST_F(ApiRegistry, DetailCarriesItsVersionAsETag) {
  Browser b(*server);
  auto r = b.get("/api/lang-nghe/ln-01");
  ASSERT_EQ(r->status, 200);
  json j = body_of(r);
  EXPECT_EQ(j["ban_ghi"]["ma"], "ln-01");
  EXPECT_EQ(j["luu_tru"], false);
  std::string version = j["phien_ban"];
  EXPECT_EQ(version.size(), 32u);
  EXPECT_EQ(r->get_header_value("ETag"), "\"" + version + "\"");
  EXPECT_EQ(b.get("/api/lang-nghe/ln-01", {{"If-None-Match", "\"" + version + "\""}})->status, 304);

  auto missing = b.get("/api/lang-nghe/khong-co");
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(body_of(missing)["loi"].get<std::string>().find("Không tìm thấy làng nghề mã \"khong-co\""), std::string::npos);
  EXPECT_EQ(body_of(b.get("/api/khong-co-danh-muc"))["ma_loi"], 404) << "unknown API paths answer JSON too";
}

TEST_F(ApiRegistry, CreateAnswers201OrSaysWhatIsWrong) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  auto created = b.post_json("/api/co-so", establishment("cs-api-01", "Hộ kinh doanh Qua API", "bg-luc-ngan-nam-duong").dump());
  ASSERT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(created->get_header_value("Location"), "/api/co-so/cs-api-01");
  json saved = body_of(created);
  EXPECT_EQ(saved["ban_ghi"]["so_lao_dong"], 12);
  EXPECT_EQ(saved["ban_ghi"]["nam_thanh_lap"], 2019) << "a number sent as text is stored as a number";
  EXPECT_TRUE(saved["ban_ghi"]["dia_chi"].is_null());
  EXPECT_EQ(read(b, "/api/co-so/cs-api-01").second, saved["phien_ban"]);

  json bad = establishment("cs-api-sai", "", "khong-co-don-vi");
  bad["so_lao_dong"] = -3;
  auto refused = b.post_json("/api/co-so", bad.dump());
  EXPECT_EQ(refused->status, 422);
  json e = body_of(refused);
  EXPECT_NE(e["truong"]["ten"].get<std::string>().find("Tên cơ sở: bắt buộc, không được để trống"), std::string::npos) << e;
  EXPECT_NE(e["truong"]["so_lao_dong"].get<std::string>().find("Số lao động: không được nhỏ hơn 0"), std::string::npos) << e;
  EXPECT_EQ(b.get("/api/co-so/cs-api-sai")->status, 404) << "nothing was written";

  bad = establishment("cs-api-sai", "Sai kiểu", "bg-luc-ngan-nam-duong");
  bad["so_lao_dong"] = true;
  e = body_of(b.post_json("/api/co-so", bad.dump()));
  EXPECT_NE(e["truong"]["so_lao_dong"].get<std::string>().find("phải là một số nguyên"), std::string::npos) << e;

  bad = establishment("cs-api-sai", "Thừa trường", "bg-luc-ngan-nam-duong");
  bad["khong_co"] = 1;
  auto unknown = b.post_json("/api/co-so", bad.dump());
  EXPECT_EQ(unknown->status, 422);
  EXPECT_NE(body_of(unknown)["loi"].get<std::string>().find("\"khong_co\""), std::string::npos);

  auto dup = b.post_json("/api/co-so", establishment("cs-0046", "Trùng mã", "bg-luc-ngan-nam-duong").dump());
  EXPECT_EQ(dup->status, 422);
  EXPECT_NE(body_of(dup)["truong"]["ma"].get<std::string>().find("\"cs-0046\" đã được dùng cho một hồ sơ khác"), std::string::npos);

  for (std::string broken : {"{", "[1, 2]", "", "\"chuỗi\""}) {
    auto r = b.post_json("/api/co-so", broken);
    EXPECT_EQ(r->status, 400) << broken;
    EXPECT_NE(body_of(r)["loi"].get<std::string>().find("JSON"), std::string::npos) << broken;
  }
}

TEST_F(ApiRegistry, ReplaceNeedsTheVersionReadAndRefusesAStaleOne) {
  Browser first(*server), second(*server);
  ASSERT_TRUE(first.sign_in("trungtam"));
  ASSERT_TRUE(second.sign_in("socongthuong"));
  auto [record, version] = read(first, "/api/lang-nghe/ln-02");
  auto [record2, version2] = read(second, "/api/lang-nghe/ln-02");
  record.erase("so_ho");  // a full replacement: what is left out becomes empty
  record["nghe"] = "nghề đan cói (API)";
  auto saved = first.put_json("/api/lang-nghe/ln-02", record.dump(), {{"If-Match", "\"" + version + "\""}});
  ASSERT_EQ(saved->status, 200) << saved->body;
  json s = body_of(saved);
  EXPECT_EQ(s["ban_ghi"]["nghe"], "nghề đan cói (API)");
  EXPECT_TRUE(s["ban_ghi"]["so_ho"].is_null());
  EXPECT_NE(s["phien_ban"], version);
  EXPECT_EQ(saved->get_header_value("ETag"), "\"" + s["phien_ban"].get<std::string>() + "\"");

  record2["nghe"] = "nghề làm bún (API)";
  auto stale = second.put_json("/api/lang-nghe/ln-02", record2.dump(), {{"If-Match", "\"" + version2 + "\""}});
  EXPECT_EQ(stale->status, 409);
  json c = body_of(stale);
  EXPECT_EQ(c["hien_tai"]["nghe"], "nghề đan cói (API)") << "the conflict shows the current record";
  EXPECT_EQ(c["phien_ban"], s["phien_ban"]);
  EXPECT_NE(c["loi"].get<std::string>().find("người khác thay đổi"), std::string::npos);

  auto no_version = second.put_json("/api/lang-nghe/ln-02", record2.dump());
  EXPECT_EQ(no_version->status, 428);
  EXPECT_NE(body_of(no_version)["loi"].get<std::string>().find("If-Match"), std::string::npos);

  record2["phien_ban"] = c["phien_ban"];  // the version may come in the body instead
  auto again = second.put_json("/api/lang-nghe/ln-02", record2.dump());
  EXPECT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(read(first, "/api/lang-nghe/ln-02").first["nghe"], "nghề làm bún (API)");

  auto [now, current] = read(first, "/api/lang-nghe/ln-02");
  now["ma"] = "ln-doi-ma";
  auto rekey = first.put_json("/api/lang-nghe/ln-02", now.dump(), {{"If-Match", current}});
  EXPECT_EQ(rekey->status, 422);
  EXPECT_NE(body_of(rekey)["truong"]["ma"].get<std::string>().find("không được đổi mã"), std::string::npos);
  now["ma"] = "ln-02";
  now["ngay_cong_nhan"] = "31/02/2020";
  auto invalid = first.put_json("/api/lang-nghe/ln-02", now.dump(), {{"If-Match", current}});
  EXPECT_EQ(invalid->status, 422);
  EXPECT_TRUE(body_of(invalid)["truong"].contains("ngay_cong_nhan"));
  EXPECT_EQ(first.put_json("/api/lang-nghe/khong-co", now.dump(), {{"If-Match", current}})->status, 404);
}

TEST_F(ApiRegistry, ArchiveAndRestore) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  auto archived = b.post_json("/api/lang-nghe/ln-03/luu-tru", "");
  ASSERT_EQ(archived->status, 200) << archived->body;
  EXPECT_EQ(body_of(archived)["luu_tru"], true);
  EXPECT_EQ(body_of(b.get("/api/lang-nghe?q=ln-03"))["tong"], 0);
  EXPECT_EQ(body_of(b.get("/api/lang-nghe?q=ln-03&luu_tru=1"))["tong"], 1);
  EXPECT_EQ(body_of(b.get("/api/lang-nghe/ln-03"))["luu_tru"], true);
  auto restored = b.post_json("/api/lang-nghe/ln-03/bo-luu-tru", "");
  EXPECT_EQ(body_of(restored)["luu_tru"], false);
  EXPECT_EQ(body_of(b.get("/api/lang-nghe?q=ln-03"))["tong"], 1);
  EXPECT_EQ(b.post_json("/api/lang-nghe/khong-co/luu-tru", "")->status, 404);
}

TEST_F(ApiRegistry, EveryWriteNeedsTheCsrfHeader) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  auto [record, version] = read(b, "/api/lang-nghe/ln-04");
  auto post = b.post_json("/api/lang-nghe/ln-04/luu-tru", "", {}, false);
  EXPECT_EQ(post->status, 403);
  EXPECT_NE(body_of(post)["loi"].get<std::string>().find("mã chống giả mạo"), std::string::npos);
  EXPECT_EQ(b.put_json("/api/lang-nghe/ln-04", record.dump(), {{"If-Match", version}}, false)->status, 403);
  EXPECT_EQ(b.post_json("/api/co-so", establishment("cs-api-csrf", "Không CSRF", "bg-luc-ngan-nam-duong").dump(), {}, false)->status, 403);
  EXPECT_EQ(b.post_json("/api/co-so", "{}", {{"X-CSRF-Token", std::string(64, 'a')}}, false)->status, 403);
  EXPECT_EQ(body_of(b.get("/api/lang-nghe/ln-04"))["luu_tru"], false) << "nothing was done";
}

TEST_F(ApiRegistry, ALocalOfficerWorksOnlyInTheirArea) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("diaphuong"));
  json list = body_of(b.get("/api/co-so?kich_thuoc=500"));
  ASSERT_GT(list["tong"].get<int>(), 0);
  for (const json& c : list["ban_ghi"])
    EXPECT_EQ(c["dia_ban"].get<std::string>().rfind("bg-luc-ngan", 0), 0u) << c;
  EXPECT_EQ(b.get("/api/co-so/cs-0024")->status, 404) << "cs-0024 is in Việt Yên";
  auto outside = b.post_json("/api/co-so", establishment("cs-api-ngoai", "Ngoài địa bàn", "bg-viet-yen-tu-lan").dump());
  EXPECT_EQ(outside->status, 422);
  EXPECT_NE(body_of(outside)["truong"]["dia_ban"].get<std::string>().find("chỉ được chọn địa bàn bạn phụ trách"),
            std::string::npos);
  EXPECT_EQ(b.post_json("/api/co-so", establishment("cs-api-trong", "Trong địa bàn", "bg-luc-ngan-nam-duong").dump())->status, 201);
  auto [record, version] = read(b, "/api/co-so/cs-api-trong");
  record["dia_ban"] = "bg-viet-yen-tu-lan";
  EXPECT_EQ(b.put_json("/api/co-so/cs-api-trong", record.dump(), {{"If-Match", version}})->status, 422)
      << "nor may they move a record out of their area";
  EXPECT_EQ(b.get("/api/can-bo")->status, 403);
  EXPECT_EQ(b.post_json("/api/lang-nghe/ln-05/luu-tru", "")->status, 403) << "villages are written by staff only";
}

TEST_F(ApiRegistry, AnEstablishmentSeesOnlyItself) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("coso"));
  json list = body_of(b.get("/api/co-so"));
  EXPECT_EQ(list["tong"], 1);
  EXPECT_EQ(list["ban_ghi"][0]["ma"], "cs-0046");
  EXPECT_EQ(b.get("/api/co-so/cs-0045")->status, 404);
  auto [record, version] = read(b, "/api/co-so/cs-0046");
  EXPECT_EQ(b.put_json("/api/co-so/cs-0046", record.dump(), {{"If-Match", version}})->status, 403);
}

TEST_F(ApiRegistry, ThePublicReadsOnlyPublishedRegistries) {
  Browser b(*server);
  EXPECT_EQ(b.get("/api/lang-nghe")->status, 200);
  EXPECT_EQ(b.get("/api/van-ban/nd-235-2025")->status, 200);
  for (std::string path : {"/api/co-so", "/api/co-so/cs-0046", "/api/can-bo"}) {
    auto r = b.get(path);
    EXPECT_EQ(r->status, 401) << path;
    EXPECT_EQ(body_of(r)["loi"], "Cần đăng nhập.");
  }
  b.get("/api/csrf");
  EXPECT_EQ(b.post_json("/api/lang-nghe/ln-01/luu-tru", "")->status, 401);
}

TEST_F(ApiRegistry, AScriptSignsInAndOut) {
  Browser b(*server);
  json start = body_of(b.get("/api/csrf"));
  EXPECT_EQ(start["csrf"].get<std::string>().size(), 64u);
  EXPECT_TRUE(start["nguoi_dung"].is_null());
  EXPECT_EQ(b.post_json("/api/dang-nhap", json{{"ten_dang_nhap", "trungtam"}, {"mat_khau", kPassword}}.dump(), {}, false)->status,
            403)
      << "the sign-in needs the token of GET /api/csrf";
  auto wrong = b.post_json("/api/dang-nhap", json{{"ten_dang_nhap", "trungtam"}, {"mat_khau", "sai"}}.dump());
  EXPECT_EQ(wrong->status, 422);
  EXPECT_NE(body_of(wrong)["loi"].get<std::string>().find("mật khẩu không đúng"), std::string::npos);
  EXPECT_EQ(b.post_json("/api/dang-nhap", "{}")->status, 422);

  auto in = b.post_json("/api/dang-nhap", json{{"ten_dang_nhap", "diaphuong"}, {"mat_khau", kPassword}}.dump());
  ASSERT_EQ(in->status, 200) << in->body;
  json session = body_of(in);
  EXPECT_EQ(session["nguoi_dung"]["vai_tro"], "dia_phuong");
  EXPECT_EQ(session["nguoi_dung"]["don_vi"], "bg-luc-ngan");
  EXPECT_NE(session["csrf"], start["csrf"]) << "the session has a token of its own";
  EXPECT_FALSE(b.cookie("kc_session").empty());
  EXPECT_EQ(b.get("/api/co-so")->status, 200);
  EXPECT_EQ(body_of(b.get("/api/csrf"))["nguoi_dung"]["ten_dang_nhap"], "diaphuong");
  EXPECT_EQ(b.post_json("/api/dang-xuat", "")->status, 200);
  EXPECT_EQ(b.get("/api/co-so")->status, 401);
}

TEST_F(ApiRegistry, RepeatedWrongPasswordsAreThrottled) {
  using Clock = web::SignInThrottle::Clock;
  server->app().sign_in_throttle().set_clock([t = Clock::now()] { return t; });  // the 1 s wait cannot pass
  Browser b(*server);
  b.get("/api/csrf");
  json attempt = {{"ten_dang_nhap", "quantri"}, {"mat_khau", "sai"}};  // no other test here uses quantri
  for (int i = 0; i < 3; ++i) EXPECT_EQ(b.post_json("/api/dang-nhap", attempt.dump())->status, 422) << i;
  attempt["mat_khau"] = kPassword;
  auto r = b.post_json("/api/dang-nhap", attempt.dump());
  server->app().sign_in_throttle().set_clock([] { return Clock::now(); });
  EXPECT_EQ(r->status, 429) << "even the right password waits once the account is throttled from this address";
  EXPECT_EQ(r->get_header_value("Retry-After"), "1");
  EXPECT_NE(body_of(r)["loi"].get<std::string>().find("Vui lòng thử lại sau 1 giây."), std::string::npos);
}

// The conversions on their own: the JSON types out, and both JSON types and text in.
TEST(ApiJson, RecordsRoundTripThroughJson) {
  const RecordKind& k = kind("ket_qua_binh_chon");
  Row row{std::string("bc-1"), std::string("sp-1"), int64_t{8750}, int64_t{1}, std::monostate{}};
  web::OrderedJson j = web::record_to_json(k, row);
  EXPECT_EQ(j.dump(), R"({"dot_binh_chon":"bc-1","san_pham":"sp-1","diem":87.5,"dat":true,"so_chung_nhan":null})");
  web::JsonRecordInput in = web::record_input_from_json(k, json::parse(j.dump()));
  EXPECT_TRUE(in.errors.empty() && in.unknown.empty());
  EXPECT_EQ(in.values["diem"], "87.5");
  EXPECT_EQ(in.values["dat"], "1");
  EXPECT_EQ(in.values["so_chung_nhan"], "");
  EXPECT_EQ(parse_field(k.field("diem"), in.values["diem"]).value, Value{int64_t{8750}});

  in = web::record_input_from_json(k, json{{"diem", "87,25"}, {"dat", "có"}, {"san_pham", 12}, {"them", 1}});
  EXPECT_EQ(in.values["diem"], "87,25") << "text goes to parse_field as typed";
  EXPECT_EQ(in.values["dat"], "có");
  ASSERT_EQ(in.errors.size(), 1u);
  EXPECT_EQ(in.errors[0].first, "san_pham");
  EXPECT_NE(in.errors[0].second.find("sản phẩm: phải là một chuỗi ký tự; gặp 12"), std::string::npos) << in.errors[0].second;
  EXPECT_EQ(in.unknown, std::vector<std::string>{"them"});
}

}  // namespace
}  // namespace kc::test
