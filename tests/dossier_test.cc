// Dossiers (projects/dossier.h): a project taken through its lifecycle with documents, its ZIP
// read back with libzip — the index lists every file with the right size and SHA-256, the
// documents are byte-identical under safe names, the history has every step — and a plan's
// dossier holds a folder for each of the plan's projects. Also the file-name rules and the CLI.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/random.h"
#include "interchange/bundle.h"
#include "model/dataset.h"
#include "projects/documents.h"
#include "projects/dossier.h"
#include "projects/dossier_archive.h"
#include "projects/dossier_names.h"
#include "projects/lifecycle.h"
#include "projects/proposals.h"
#include "store/store.h"
#include "support/test_database.h"
#include "support/zip_reader.h"
#include "text/csv.h"
#include "text/normalize.h"

namespace kc::test {
namespace {

const User kCentre{"trungtam", "Cán bộ Trung tâm", "trung_tam", "", "", true};
const User kDepartment{"socongthuong", "Cán bộ Sở", "so_cong_thuong", "", "", true};
const User kLocal{"diaphuong", "Cán bộ Lục Ngạn", "dia_phuong", "bg-luc-ngan", "", true};

// Bytes a text-mode copy would damage: NUL, CR LF, high bytes.
const std::string kMinutes = std::string("%PDF-1.4\n\0\r\n\xff\xfe biên bản\n%%EOF\n", 33);
const std::string kContract = "%PDF-1.7 hợp đồng số 12/2020\n%%EOF\n";
const std::string kPasswd = "%PDF-1.4 not really /etc/passwd\n";
const std::string kOther = "%PDF-1.4 another minutes file with the same name\n";

class Dossier : public ::testing::Test {
 protected:
  void SetUp() override {
    store = db.open();
    ASSERT_TRUE(import_bundle(*store, demo_dir()).ok());
    options.document_dir = docs.path();
    options.built_by = "kiểm thử";
  }

  // A step, then its documents, in one transaction (as the web does).
  void step(const User& who, const std::string& to, const std::string& date, const std::string& decision,
            const std::string& comment, const std::vector<std::pair<std::string, std::string>>& files = {}) {
    Transaction tx(*store);
    StepRequest req{code, to, *parse_date(date), decision, comment, {}, false, {}};
    StepResult r = take_step(*store, who, req);
    ASSERT_TRUE(r.ok()) << to << ": " << (r.errors.empty() ? "" : r.errors[0].second);
    for (const auto& [name, content] : files) {
      StoredDocument d = store_document(*store, docs.path(), code, r.event_id, {name, content}, who.username);
      audit(*store, who.username, "dinh_kem", &kind("tai_lieu"), d.id, std::nullopt, std::nullopt, d.filename);
    }
    tx.commit();
  }

  // A document record whose name came from elsewhere (an older version, an import) with a path in it.
  void attach_raw(const std::string& name, const std::string& content) {
    std::string stored = random_hex(16) + ".bin";
    write_file(docs / stored, content);
    store->insert(kind("tai_lieu"), Row{random_hex(12), code, Value{}, name, std::string("pdf"),
                                        static_cast<int64_t>(content.size()), stored, std::string("trungtam"), utc_now_text()});
  }

  // A project in Lục Ngạn started in 2020 (so in plan bg-2016-2020), accepted, with documents.
  void make_project() {
    ProjectProposal p;
    p.values = {{"ten", "Hỗ trợ máy sấy mỳ gạo Chũ"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"},
                {"nam_bat_dau", "2020"}, {"nam_ket_thuc", "2020"}, {"don_vi_thuc_hien", "ttkc-bg"},
                {"dia_ban", "bg-luc-ngan-nam-duong"}, {"kinh_phi_nsnn", "150000000"}, {"kinh_phi_doi_ung", "200000000"},
                {"mo_ta", ""}};
    p.beneficiaries = {"cs-0046"};
    p.date = today_in_vietnam();
    ProposalResult r = propose_project(*store, kCentre, p);
    ASSERT_TRUE(r.ok()) << r.errors[0].second;
    code = r.project;
    step(kCentre, "de_xuat", "2020-02-01", "", "", {{"Thuyết minh đề án.pdf", kContract}});
    step(kCentre, "tham_dinh", "2020-02-10", "", "");
    step(kDepartment, "phe_duyet", "2020-03-15", "99/QĐ-SCT", "Đồng ý phê duyệt");
    step(kCentre, "dang_thuc_hien", "2020-04-01", "HĐ 12/2020", "");
    step(kLocal, "dang_thuc_hien", "2020-06-30", "", "Đã lắp đặt xong máy sấy");
    // The same name twice, one of them in decomposed Unicode (NFD) as some systems send it.
    step(kCentre, "nghiem_thu", "2020-11-20", "BB 07/2020", "",
         {{"Biên bản nghiệm thu.pdf", kMinutes}, {to_nfd("Biên bản nghiệm thu.pdf"), kOther}});
    attach_raw("../../etc/passwd", kPasswd);
    attach_raw("..", kPasswd);
    attach_raw("hop-dong\u202Efdp.exe", kPasswd);
  }

  static std::string to_nfd(const std::string& nfc) {
    // "ê" + "̂"-style decomposition of the letters used above, enough for this test.
    std::string out = nfc;
    auto replace = [&](const std::string& from, const std::string& to) {
      for (size_t at; (at = out.find(from)) != std::string::npos;) out.replace(at, from.size(), to);
    };
    replace("ê", "e\xCC\x82");
    replace("ả", "a\xCC\x89");
    replace("ệ", "e\xCC\xA3\xCC\x82");
    replace("ư", "u\xCC\x9B");
    return out;
  }

  TestDatabase db;
  std::unique_ptr<Store> store;
  TempDir docs, out;
  DossierOptions options;
  std::string code;
};

// Checks the index against the entries: every file listed once with its size and checksum.
void expect_index_complete(const std::map<std::string, std::string>& zip) {
  ASSERT_TRUE(zip.count(kIndexCsv));
  ASSERT_TRUE(zip.count(kIndexHtml));
  ASSERT_TRUE(zip.count(kChecksums));
  std::string csv = zip.at(kIndexCsv);
  CsvReader reader(csv);
  CsvRecord record;
  std::string error;
  size_t error_field = 0;
  ASSERT_TRUE(reader.next(record, error, error_field));
  EXPECT_EQ(record.fields, (std::vector<std::string>{"duong_dan", "mo_ta", "kich_thuoc_byte", "sha256"}));
  std::set<std::string> listed;
  while (reader.next(record, error, error_field)) {
    ASSERT_TRUE(error.empty()) << error;
    ASSERT_EQ(record.fields.size(), 4u);
    const std::string& path = record.fields[0];
    ASSERT_TRUE(zip.count(path)) << "listed but absent: " << path;
    EXPECT_FALSE(record.fields[1].empty()) << path;
    EXPECT_EQ(record.fields[2], std::to_string(zip.at(path).size())) << path;
    EXPECT_EQ(record.fields[3], sha256_hex(zip.at(path))) << path;
    EXPECT_TRUE(listed.insert(path).second) << "listed twice: " << path;
    EXPECT_NE(zip.at(kChecksums).find(sha256_hex(zip.at(path)) + "  " + path + "\n"), std::string::npos) << path;
    EXPECT_NE(zip.at(kIndexHtml).find(sha256_hex(zip.at(path))), std::string::npos) << path;
  }
  for (const auto& [path, bytes] : zip) {
    bool index = path == kIndexCsv || path == kIndexHtml || path == kChecksums;
    EXPECT_EQ(listed.count(path), index ? 0u : 1u) << "in the ZIP but not in the index: " << path;
    // Safe names: relative, no "..", no backslash, NFC.
    EXPECT_NE(path[0], '/') << path;
    EXPECT_EQ(path.find('\\'), std::string::npos) << path;
    EXPECT_EQ(("/" + path + "/").find("/../"), std::string::npos) << path;
    EXPECT_EQ(("/" + path + "/").find("/./"), std::string::npos) << path;
    EXPECT_EQ(to_nfc(path), path) << path;
  }
}

TEST_F(Dossier, ProjectDossierHoldsRecordHistoryDocumentsAndAnIndex) {
  make_project();
  std::filesystem::path file = out / "ho-so.zip";
  std::optional<DossierSummary> s = write_project_dossier(*store, code, file, options);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->projects, 1u);
  EXPECT_EQ(s->documents, 6u);
  EXPECT_TRUE(s->missing.empty());
  std::map<std::string, std::string> zip = unzip_file(file.string());
  expect_index_complete(zip);
  EXPECT_EQ(s->files, zip.size() - 3);

  std::string dir = "de_an/" + code + "/";
  // Documents: byte-identical, under their own names made safe and unique, all in one folder.
  EXPECT_EQ(zip.at(dir + "tai_lieu/Thuyết minh đề án.pdf"), kContract);
  // The same name twice (once in NFD): both kept, one with " (2)".
  EXPECT_EQ((std::set<std::string>{zip.at(dir + "tai_lieu/Biên bản nghiệm thu.pdf"),
                                   zip.at(dir + "tai_lieu/Biên bản nghiệm thu (2).pdf")}),
            (std::set<std::string>{kMinutes, kOther}));
  EXPECT_EQ(zip.at(dir + "tai_lieu/passwd"), kPasswd) << "a path is cut to its last part";
  EXPECT_EQ(zip.at(dir + "tai_lieu/tai-lieu.pdf"), kPasswd) << "\"..\" is no name";
  EXPECT_EQ(zip.at(dir + "tai_lieu/hop-dong_fdp.exe"), kPasswd) << "no right-to-left override";
  for (const auto& [path, bytes] : zip) {
    if (path.find("/tai_lieu/") != std::string::npos) {
      EXPECT_EQ(path.rfind(dir + "tai_lieu/", 0), 0u) << path;
    }
  }

  // The page to read: record with Vietnamese labels, every step, decisions, dates, comments,
  // documents per step, the audit trail.
  const std::string& html = zip.at(dir + "ho_so.html");
  for (const char* expected :
       {"Hồ sơ đề án", "Hỗ trợ máy sấy mỳ gạo Chũ", "Kinh phí ngân sách nhà nước (đồng)", "150.000.000 đồng",
        "Cơ sở thụ hưởng", "cs-0046", "Đăng ký nhu cầu", "Lập hồ sơ đề xuất đề án (đăng ký nhu cầu → đề xuất)",
        "Phê duyệt vào kế hoạch (thẩm định → đã phê duyệt)", "99/QĐ-SCT",
        "15/3/2020", "Đồng ý phê duyệt", "HĐ 12/2020", "Báo cáo tiến độ", "Đã lắp đặt xong máy sấy", "BB 07/2020",
        "20/11/2020", "Biên bản nghiệm thu.pdf", "Nhật ký thay đổi", "chuyển bước", "đính kèm tài liệu",
        "tai_lieu/Bi%C3%AAn%20b%E1%BA%A3n%20nghi%E1%BB%87m%20thu.pdf"})
    EXPECT_NE(html.find(expected), std::string::npos) << expected;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("../../etc/passwd"), std::string::npos) << "the original name is shown, as text";

  // Machine-readable: the bundle's columns, one row per step.
  std::string events = zip.at(dir + "du_lieu/de_an_su_kien.csv");
  EXPECT_EQ(events.rfind("\xEF\xBB\xBFma,de_an,loai,", 0), 0u);
  size_t lines = static_cast<size_t>(std::count(events.begin(), events.end(), '\n'));
  EXPECT_EQ(lines, 1u + 7u) << "header + needs registered + 6 steps";
  EXPECT_NE(zip.at(dir + "du_lieu/de_an.csv").find(code + ",Hỗ trợ máy sấy mỳ gạo Chũ,nd45-3"), std::string::npos);
  EXPECT_NE(zip.at(dir + "du_lieu/de_an_co_so.csv").find(code + ",cs-0046"), std::string::npos);
  EXPECT_NE(zip.at(dir + "du_lieu/tai_lieu.csv").find(dir + "tai_lieu/passwd," + sha256_hex(kPasswd)), std::string::npos);
  EXPECT_NE(zip.at(dir + "du_lieu/nhat_ky.csv").find("chuyen_trang_thai"), std::string::npos);
}

TEST_F(Dossier, AMissingDocumentIsReportedNotHidden) {
  make_project();
  for (const StoredDocument& d : documents_of(*store, code))
    if (d.filename == "Thuyết minh đề án.pdf") std::filesystem::remove(docs / d.stored_name);
  std::optional<DossierSummary> s = write_project_dossier(*store, code, out / "a.zip", options);
  ASSERT_TRUE(s);
  ASSERT_EQ(s->missing.size(), 1u);
  EXPECT_NE(s->missing[0].find("Thuyết minh đề án.pdf"), std::string::npos);
  auto zip = unzip_file((out / "a.zip").string());
  expect_index_complete(zip);
  EXPECT_NE(zip.at("de_an/" + code + "/ho_so.html").find("tệp không còn trên máy chủ"), std::string::npos);
}

TEST_F(Dossier, PlanDossierHasAFolderForEachProjectOfThePlan) {
  make_project();
  Dataset data = load_dataset(*store);
  const Plan& plan = data.plans[static_cast<size_t>(data.plan_index("bg-2016-2020"))];
  std::vector<std::string> projects = plan_projects(data, plan);
  EXPECT_GE(projects.size(), 297u) << "the seed's 297 projects, settled or post-audited";
  auto has = [&](const std::string& c) { return std::find(projects.begin(), projects.end(), c) != projects.end(); };
  EXPECT_TRUE(has(code));
  EXPECT_TRUE(has("bg-2017-t-011"));
  EXPECT_FALSE(has("bg-2018-t-018")) << "rejected";
  EXPECT_FALSE(has("bg-2021-t-001")) << "after the period";

  std::filesystem::path file = out / "ke-hoach.zip";
  std::optional<DossierSummary> s = write_plan_dossier(*store, data, "bg-2016-2020", file, options);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->projects, projects.size());
  auto zip = unzip_file(file.string());
  expect_index_complete(zip);
  for (const std::string& c : projects) {
    EXPECT_TRUE(zip.count("de_an/" + c + "/ho_so.html")) << c;
    EXPECT_TRUE(zip.count("de_an/" + c + "/du_lieu/de_an.csv")) << c;
  }
  EXPECT_EQ(zip.at("de_an/" + code + "/tai_lieu/Thuyết minh đề án.pdf"), kContract);
  const std::string& html = zip.at("ke_hoach/ke_hoach.html");
  EXPECT_NE(html.find("Kế hoạch khuyến công tỉnh Bắc Giang giai đoạn 2016 - 2020"), std::string::npos);
  EXPECT_NE(html.find("Mục tiêu"), std::string::npos);
  EXPECT_NE(html.find("../de_an/bg-2017-t-011/ho_so.html"), std::string::npos);
  EXPECT_TRUE(zip.count("ke_hoach/du_lieu/muc_tieu.csv"));
}

TEST_F(Dossier, UnknownCodesWriteNothing) {
  EXPECT_FALSE(write_project_dossier(*store, "khong-co", out / "x.zip", options));
  Dataset data = load_dataset(*store);
  EXPECT_FALSE(write_plan_dossier(*store, data, "khong-co", out / "y.zip", options));
  EXPECT_FALSE(std::filesystem::exists(out / "x.zip"));
  EXPECT_FALSE(std::filesystem::exists(out / "y.zip"));
}

TEST_F(Dossier, CommandLine) {
  make_project();
  std::string base = "--db " + db.quoted_url() + " dossier ";
  CommandResult unknown = run_cli(base + "project khong-co -o '" + (out / "x.zip").string() + "'");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("Không tìm thấy đề án \"khong-co\""), std::string::npos) << unknown.output;
  CommandResult plan = run_cli(base + "plan khong-co -o '" + (out / "y.zip").string() + "'");
  EXPECT_EQ(plan.exit_code, 1);
  EXPECT_NE(plan.output.find("Không tìm thấy kế hoạch \"khong-co\""), std::string::npos) << plan.output;
  CommandResult ok = run_cli(base + "project " + code + " -o '" + (out / "p.zip").string() + "' --upload-dir '" +
                             docs.path().string() + "'");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("Đã ghi hồ sơ đề án"), std::string::npos) << ok.output;
  EXPECT_EQ(unzip_file((out / "p.zip").string()).at("de_an/" + code + "/tai_lieu/Thuyết minh đề án.pdf"), kContract);
}

TEST(DossierNames, SafeAndUnique) {
  EXPECT_EQ(safe_file_name("../../etc/passwd", "x"), "passwd");
  EXPECT_EQ(safe_file_name("..\\..\\Windows\\win.ini", "x"), "win.ini");
  EXPECT_EQ(safe_file_name("..", "tai-lieu.pdf"), "tai-lieu.pdf");
  EXPECT_EQ(safe_file_name(".bashrc", "x"), "bashrc") << "not hidden";
  EXPECT_EQ(safe_file_name("CON.pdf", "x"), "_CON.pdf");
  EXPECT_EQ(safe_file_name("a:b*c?.pdf", "x"), "a_b_c_.pdf");
  EXPECT_EQ(safe_file_name("ma/de\\an", "x", false), "ma_de_an");
  EXPECT_EQ(safe_file_name("e\xCC\x82", "x"), "ê") << "NFC";
  EXPECT_EQ(safe_file_name("bad\xff.pdf", "x"), "bad_.pdf");
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "ệ";
  std::string cut = safe_file_name(long_name + ".pdf", "x");
  EXPECT_LE(cut.size(), kMaxNameBytes);
  EXPECT_EQ(cut.substr(cut.size() - 4), ".pdf");
  EXPECT_EQ(to_nfc(cut), cut) << "cut on a character boundary";
  UniqueNames names;
  EXPECT_EQ(names.claim("Biên bản.pdf"), "Biên bản.pdf");
  EXPECT_EQ(names.claim("BIÊN BẢN.pdf"), "BIÊN BẢN (2).pdf") << "case-insensitive file systems";
  EXPECT_EQ(names.claim("Biên bản.pdf"), "Biên bản (3).pdf");
  EXPECT_EQ(names.claim("khac"), "khac");
}

// The history's order (the project page and the dossier): steps recorded within the same second
// keep the lifecycle's order, whatever their random ids.
TEST_F(Dossier, EventsRecordedInTheSameSecondKeepTheLifecycleOrder) {
  const RecordKind& k = kind("de_an_su_kien");
  std::string when = "2026-12-03T10:00:00Z";
  auto event = [&](const std::string& id, const std::string& from, const std::string& to, const std::string& type,
                   const std::string& day) {
    Row r(k.fields.size());
    r[0] = id;
    r[1] = std::string("bg-2021-t-001");
    r[2] = type;
    r[3] = from;
    r[4] = to;
    r[5] = day;
    r[8] = std::string("trungtam");
    r[9] = when;
    store->insert(k, r);
  };
  // Ids in the opposite order of the steps.
  event("ccc000000001", "phe_duyet", "dang_thuc_hien", "chuyen_trang_thai", "2020-04-02");
  event("bbb000000001", "dang_thuc_hien", "dang_thuc_hien", "bao_cao_tien_do", "2020-08-10");
  event("aaa000000001", "dang_thuc_hien", "nghiem_thu", "chuyen_trang_thai", "2020-11-20");
  std::vector<std::string> order;
  for (const Row& r : project_events(*store, "bg-2021-t-001"))
    if (as_text(r[9]) == when) order.push_back(as_text(r[0]));
  EXPECT_EQ(order, (std::vector<std::string>{"ccc000000001", "bbb000000001", "aaa000000001"}));
}

}  // namespace
}  // namespace kc::test
