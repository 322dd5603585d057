// Report drafts as records (drafts/report_drafts.h, docs/report-drafts.md): creating a draft,
// saving sections as versions, comparing versions, two editors on one section, figure references
// checked on save, each role's steps, issuing that freezes the document, the audit trail of every
// step, and the import of an issued report. On the demo data, on the engine the suite runs against.
#include <gtest/gtest.h>

#include <fstream>

#include "audit/audit.h"
#include "drafts/report_drafts.h"
#include "model/dataset.h"
#include "support/bundle_fixture.h"
#include "support/test_support.h"

namespace kc::test {
namespace {

using drafts::SaveRequest;
using drafts::StepRequest;

const User kCentre{"trungtam", "Cán bộ Trung tâm", "trung_tam", "", ""};
const User kDepartment{"socongthuong", "Cán bộ Sở", "so_cong_thuong", "", ""};
const User kAdmin{"quantri", "Quản trị", "quan_tri", "", ""};
const User kLocal{"diaphuong", "Cán bộ huyện Lục Ngạn", "dia_phuong", "bg-luc-ngan", ""};
const User kEstablishment{"coso", "Cơ sở", "co_so", "", "cs-0046"};
const User kCentre2{"trungtam2", "Cán bộ Trung tâm 2", "trung_tam", "", ""};

constexpr const char* kPlan = "bg-2016-2020";
constexpr const char* kTotalBudget = "de_an.tong.kinh_phi";

std::string joined(const FieldErrors& errors) {
  std::string out;
  for (const auto& [field, message] : errors) out += field + ": " + message + "\n";
  return out;
}

bool has_error(const FieldErrors& errors, const std::string& field, const std::string& text) {
  for (const auto& [f, message] : errors)
    if (f == field && message.find(text) != std::string::npos) return true;
  return false;
}

class ReportDrafts : public testing::Test {
 protected:
  void SetUp() override {
    ImportResult r = bundle_.import_bundle();
    ASSERT_TRUE(r.ok()) << describe_problems(r);
    data_ = load_dataset(store());
  }
  Store& store() { return bundle_.store(); }

  std::string create_phase_draft() {
    drafts::CreateResult created = drafts::create_report(store(), data_, kCentre, {"giai_doan", {kPlan, 0}, ""});
    EXPECT_TRUE(created.errors.empty()) << joined(created.errors);
    return created.code;
  }
  drafts::SaveResult save(const User& user, const std::string& report, const std::string& section,
                          const std::string& text, int base) {
    return drafts::save_section(store(), data_, user, SaveRequest{report, section, text, base});
  }
  FieldErrors step(const User& user, const std::string& report, const std::string& action,
                   const std::string& comment = {}) {
    return drafts::take_step(store(), data_, user, StepRequest{report, action, comment, {}});
  }
  ReportIssueDetails issue_details(const std::string& number = "125/BC-SCT") {
    ReportIssueDetails d;
    d.number_symbol = number;
    d.date = Date{2020, 12, 15};
    d.signing_authority = "KT. Giám đốc";
    d.signer_title = "Phó Giám đốc";
    d.signer_name = "Nguyễn Văn Ký";
    d.recipients = {"- Bộ Công Thương (b/c);", "- Bản điện tử: Cổng thông tin của Sở;", "- Lưu: VT."};
    return d;
  }
  // Submits, approves and issues `report`; the issue's errors.
  FieldErrors issue(const std::string& report, const ReportIssueDetails& details) {
    EXPECT_TRUE(step(kCentre, report, "trinh").empty());
    EXPECT_TRUE(step(kDepartment, report, "duyet").empty());
    return drafts::take_step(store(), data_, kDepartment, StepRequest{report, "ban_hanh", "", details});
  }
  std::string status(const std::string& report) { return drafts::find_report(store(), kAdmin, report)->status; }
  std::string document(const std::string& report, ReportFormat format) {
    auto d = drafts::report_document(store(), data_, report, format);
    EXPECT_TRUE(d.has_value());
    return d ? d->bytes : std::string();
  }

  BundleFixture bundle_;
  Dataset data_;
};

TEST_F(ReportDrafts, ACentreOfficerCreatesADraftOfThePhasePlan) {
  std::string code = create_phase_draft();
  auto report = drafts::find_report(store(), kCentre, code);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->status, "du_thao");
  EXPECT_EQ(report->structure, ReportStructure::Phase);
  EXPECT_EQ(report->scope.plan_code, kPlan);
  EXPECT_EQ(report->agency, "sct-bg");  // the plan's reporting agency
  EXPECT_EQ(report->area, "bg");
  EXPECT_EQ(report->created_by, "trungtam");
  EXPECT_NE(report->title.find("2016 - 2020"), std::string::npos) << report->title;
  EXPECT_EQ(drafts::status_label(report->status), "dự thảo");
  EXPECT_EQ(drafts::report_kinds(store()).size(), 3u);  // the built-in kinds, in every database

  // Only the centre creates; an unknown kind or plan is named.
  EXPECT_FALSE(drafts::create_report(store(), data_, kDepartment, {"giai_doan", {kPlan, 0}, ""}).errors.empty());
  auto unknown = drafts::create_report(store(), data_, kCentre, {"quy", {kPlan, 0}, ""});
  EXPECT_TRUE(has_error(unknown.errors, "loai_bao_cao", "\"quy\"")) << joined(unknown.errors);
  auto no_plan = drafts::create_report(store(), data_, kCentre, {"giai_doan", {"khong-co", 0}, ""});
  EXPECT_TRUE(has_error(no_plan.errors, "ke_hoach", "khong-co")) << joined(no_plan.errors);
}

TEST_F(ReportDrafts, EverySaveIsAVersionAndTwoVersionsCompare) {
  std::string code = create_phase_draft();
  auto first = save(kCentre, code, "I.3.2", "Một số hạn chế.\n\n- Kinh phí còn ít.", 0);
  ASSERT_TRUE(first.errors.empty()) << joined(first.errors);
  EXPECT_EQ(first.version, 1);
  auto second = save(kCentre, code, "I.3.2", "Một số hạn chế.\n\n- Kinh phí còn ít.\n- Cán bộ còn thiếu.", 1);
  ASSERT_TRUE(second.errors.empty()) << joined(second.errors);
  EXPECT_EQ(second.version, 2);

  std::vector<drafts::Version> versions = drafts::section_versions(store(), code, "I.3.2");
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].number, 2);  // newest first
  EXPECT_EQ(versions[0].user, "trungtam");
  EXPECT_FALSE(versions[0].at.empty());
  std::vector<drafts::SectionText> texts = drafts::section_texts(store(), code);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0].version, 2);
  EXPECT_EQ(texts[0].text, versions[0].text);

  std::vector<drafts::DiffLine> diff = drafts::compare_versions(versions[1].text, versions[0].text);
  ASSERT_EQ(diff.size(), 4u);
  EXPECT_EQ(diff[0].op, ' ');
  EXPECT_EQ(diff[2].op, ' ');
  EXPECT_EQ(diff[3].op, '+');
  EXPECT_EQ(diff[3].text, "- Cán bộ còn thiếu.");
  std::vector<drafts::DiffLine> changed = drafts::compare_versions("a\nb\nc", "a\nx\nc");
  ASSERT_EQ(changed.size(), 4u);
  EXPECT_EQ(changed[1].op, '-');
  EXPECT_EQ(changed[1].text, "b");
  EXPECT_EQ(changed[2].op, '+');
  EXPECT_EQ(changed[2].text, "x");

  // A section the report does not have is refused.
  auto unknown = save(kCentre, code, "I.9.9", "Văn bản.", 0);
  EXPECT_TRUE(has_error(unknown.errors, "muc", "I.9.9")) << joined(unknown.errors);
}

TEST_F(ReportDrafts, TheSecondOfTwoEditorsIsRefusedWithTheOthersText) {
  std::string code = create_phase_draft();
  ASSERT_TRUE(save(kCentre, code, "I.3.1", "Bản đầu.", 0).errors.empty());
  // Both open version 1; the first saves version 2, the second is refused and shown it.
  ASSERT_TRUE(save(kCentre, code, "I.3.1", "Bản của người thứ nhất.", 1).errors.empty());
  auto late = save(kCentre2, code, "I.3.1", "Bản của người thứ hai.", 1);
  ASSERT_TRUE(late.conflict);
  EXPECT_EQ(late.version, 0);
  EXPECT_EQ(late.conflict->text, "Bản của người thứ nhất.");
  EXPECT_EQ(late.conflict->version, 2);
  EXPECT_EQ(late.conflict->user, "trungtam");
  EXPECT_FALSE(late.errors.empty());
  EXPECT_EQ(drafts::section_versions(store(), code, "I.3.1").size(), 2u);  // nothing written
  EXPECT_EQ(drafts::section_texts(store(), code)[0].text, "Bản của người thứ nhất.");
}

TEST_F(ReportDrafts, AnUnknownFigureIsRefusedNamingItAndNothingIsWritten) {
  std::string code = create_phase_draft();
  auto bad = save(kCentre, code, "I.3.1", "Tổng kinh phí {de_an.tong.kinh_phi}.\n\nSai: {de_an.khong_co}.", 0);
  EXPECT_TRUE(has_error(bad.errors, "noi_dung", "de_an.khong_co")) << joined(bad.errors);
  EXPECT_TRUE(has_error(bad.errors, "noi_dung", "3")) << joined(bad.errors);  // its line
  EXPECT_TRUE(drafts::section_versions(store(), code, "I.3.1").empty());
  EXPECT_TRUE(drafts::section_texts(store(), code).empty());

  // A known figure prints the Vietnamese way in the document, after the section's computed text.
  ASSERT_TRUE(save(kCentre, code, "I.3.1", "Tổng kinh phí là {de_an.tong.kinh_phi}.", 0).errors.empty());
  std::string md = document(code, ReportFormat::Markdown);
  const Figure* total = nullptr;
  ComputedReportResult computed = compute_report(data_, ReportStructure::Phase, {kPlan, 0});
  for (const Figure& f : computed.report->figures)
    if (f.id == kTotalBudget) total = &f;
  ASSERT_NE(total, nullptr);
  size_t at = md.find("Tổng kinh phí là " + narrative::printed_text(*total) + ".");
  ASSERT_NE(at, std::string::npos) << md;
  EXPECT_LT(md.find("3.1. Những kết quả chính đạt được"), at);
  EXPECT_GT(md.find("3.2. Tồn tại, hạn chế"), at);
}

// The phase report's sections (ids of the shared design, titles from its headings), and each
// narrative printed after its own section's computed text.
TEST_F(ReportDrafts, ThePhaseReportPlacesEachNarrativeAfterItsSection) {
  ComputedReportResult computed = compute_report(data_, ReportStructure::Phase, {kPlan, 0});
  ASSERT_TRUE(computed.report) << computed.error;
  std::vector<std::string> ids;
  for (const ReportSection& s : computed.report->sections) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"I.1.1", "I.1.2", "I.2.1", "I.2.2", "I.2.3", "I.2.4", "I.2.5", "I.2.6",
                                           "I.2.7", "I.2.8", "I.2.9", "I.3.1", "I.3.2", "I.3.3", "I.3.4", "II.1",
                                           "II.2", "II.3"}));
  EXPECT_EQ(computed.report->sections[9].title.rfind("2.8. ", 0), 0u) << computed.report->sections[9].title;
  EXPECT_EQ(computed.report->area_code, "bg");

  std::string code = create_phase_draft();
  for (const auto& [section, text] : std::vector<std::pair<std::string, std::string>>{
           {"I.1.1", "Văn bản riêng của mục một chấm một."},
           {"I.2.8", "Đoàn công tác của mục hai chấm tám."},
           {"I.3.3", "Nguyên nhân chủ yếu là kinh phí."},
           {"II.1", "Định hướng viết riêng."}})
    ASSERT_TRUE(save(kCentre, code, section, text, 0).errors.empty()) << section;
  std::string md = document(code, ReportFormat::Markdown);
  auto at = [&](const std::string& text) {
    size_t p = md.find(text);
    EXPECT_NE(p, std::string::npos) << text;
    return p;
  };
  EXPECT_LT(at("1.1. Công tác xây dựng"), at("Văn bản riêng của mục một chấm một."));
  EXPECT_LT(at("Văn bản riêng của mục một chấm một."), at("1.2. Công tác phối hợp"));
  EXPECT_LT(at("2.8. "), at("Đoàn công tác của mục hai chấm tám."));
  EXPECT_LT(at("Đoàn công tác của mục hai chấm tám."), at("2.9. "));
  EXPECT_LT(at("3.2. Tồn tại, hạn chế"), at("3.3. Nguyên nhân của những tồn tại, hạn chế"));
  EXPECT_LT(at("3.3. Nguyên nhân của những tồn tại, hạn chế"), at("Nguyên nhân chủ yếu là kinh phí."));
  EXPECT_EQ(md.find("3.4. Bài học kinh nghiệm"), std::string::npos);  // not written, not printed
  EXPECT_LT(at("Nguyên nhân chủ yếu là kinh phí."), at("1. Một số định hướng hoạt động khuyến công giai đoạn 2021 - 2025"));
  EXPECT_LT(at("Định hướng viết riêng."), at("Nơi nhận"));
}

TEST_F(ReportDrafts, EachRoleTakesOnlyItsSteps) {
  std::string code = create_phase_draft();
  // Nobody but the centre submits; the department cannot approve a draft not submitted.
  EXPECT_TRUE(has_error(step(kDepartment, code, "trinh"), "", "không được trình"));
  EXPECT_TRUE(has_error(step(kDepartment, code, "duyet"), "", "không thể duyệt"));
  EXPECT_FALSE(save(kDepartment, code, "I.3.1", "Sở sửa.", 0).errors.empty());  // not while drafted
  ASSERT_TRUE(step(kCentre, code, "trinh").empty());
  EXPECT_EQ(status(code), "da_trinh");
  // The centre cannot approve, nor edit what it submitted; the department may edit before approving.
  EXPECT_TRUE(has_error(step(kCentre, code, "duyet"), "", "không được duyệt"));
  EXPECT_FALSE(save(kCentre, code, "I.3.1", "Sửa sau khi trình.", 0).errors.empty());
  EXPECT_TRUE(save(kDepartment, code, "I.3.1", "Sở sửa trước khi duyệt.", 0).errors.empty());
  // Returning needs a comment.
  EXPECT_TRUE(has_error(step(kDepartment, code, "tra_lai"), "ghi_chu", "ý kiến"));
  EXPECT_EQ(status(code), "da_trinh");
  ASSERT_TRUE(step(kDepartment, code, "tra_lai", "Bổ sung nguyên nhân.").empty());
  EXPECT_EQ(status(code), "tra_lai");
  // The centre edits the returned report and submits it again; the department approves.
  EXPECT_TRUE(save(kCentre, code, "I.3.3", "Nguyên nhân.", 0).errors.empty());
  ASSERT_TRUE(step(kCentre, code, "trinh").empty());
  ASSERT_TRUE(step(kDepartment, code, "duyet").empty());
  EXPECT_EQ(status(code), "da_duyet");
  EXPECT_FALSE(step(kAdmin, code, "ban_hanh").empty());
  EXPECT_FALSE(step(kLocal, code, "ban_hanh").empty());

  std::vector<drafts::Event> events = drafts::report_events(store(), code);
  ASSERT_EQ(events.size(), 5u);  // created, submitted, returned, submitted, approved
  EXPECT_EQ(events[2].action, "tra_lai");
  EXPECT_EQ(events[2].comment, "Bổ sung nguyên nhân.");
  EXPECT_EQ(events[2].from, "da_trinh");
  EXPECT_EQ(events[2].to, "tra_lai");
  EXPECT_EQ(events[2].user, "socongthuong");

  // Readers: the administrator and the department read it, a district officer of the report's
  // area reads it, an establishment sees nothing, nor does an officer of another province.
  EXPECT_TRUE(drafts::find_report(store(), kAdmin, code));
  EXPECT_TRUE(drafts::find_report(store(), kLocal, code));
  EXPECT_EQ(drafts::list_reports(store(), kLocal, {}).size(), 1u);
  EXPECT_FALSE(drafts::find_report(store(), kEstablishment, code));
  EXPECT_TRUE(drafts::list_reports(store(), kEstablishment, {}).empty());
  {
    Transaction tx(store());
    store().insert(kind("don_vi_hanh_chinh"), Row{std::string("ls"), std::string("Lạng Sơn"), std::string("tinh"),
                                                  std::string("tinh"), Value{}, std::string("1975-01-01"), Value{}});
    tx.commit();
  }
  const User elsewhere{"langson", "Cán bộ Lạng Sơn", "dia_phuong", "ls", ""};
  EXPECT_FALSE(drafts::find_report(store(), elsewhere, code));
  EXPECT_TRUE(drafts::list_reports(store(), elsewhere, {}).empty());
  EXPECT_EQ(drafts::list_reports(store(), kAdmin, {"", "da_duyet", 2018}).size(), 1u);
  EXPECT_TRUE(drafts::list_reports(store(), kAdmin, {"", "du_thao", 0}).empty());
}

TEST_F(ReportDrafts, IssuingFreezesTheDocumentAndTellsWhichFiguresChanged) {
  std::string code = create_phase_draft();
  ASSERT_TRUE(save(kCentre, code, "I.3.1", "Tổng kinh phí ngân sách là {de_an.tong.kinh_phi}.", 0).errors.empty());
  ASSERT_TRUE(save(kCentre, code, "II.3", "- Đề nghị Bộ Công Thương tăng kinh phí.", 0).errors.empty());

  // The issue details are checked: number, date, not in the future.
  EXPECT_TRUE(step(kCentre, code, "trinh").empty());
  EXPECT_TRUE(step(kDepartment, code, "duyet").empty());
  ReportIssueDetails missing = issue_details("");
  missing.date.reset();
  FieldErrors refused = drafts::take_step(store(), data_, kDepartment, {code, "ban_hanh", "", missing});
  EXPECT_TRUE(has_error(refused, "so_ky_hieu", "số, ký hiệu")) << joined(refused);
  EXPECT_TRUE(has_error(refused, "ngay_ban_hanh", "ngày ban hành")) << joined(refused);
  ReportIssueDetails future = issue_details();
  future.date = Date{2099, 1, 1};
  EXPECT_TRUE(has_error(drafts::take_step(store(), data_, kDepartment, {code, "ban_hanh", "", future}), "ngay_ban_hanh",
                        "01/01/2099"));
  EXPECT_EQ(status(code), "da_duyet");

  FieldErrors issued = drafts::take_step(store(), data_, kDepartment, {code, "ban_hanh", "", issue_details()});
  ASSERT_TRUE(issued.empty()) << joined(issued);
  EXPECT_EQ(status(code), "da_ban_hanh");
  auto report = drafts::find_report(store(), kAdmin, code);
  EXPECT_EQ(report->issue.number_symbol, "125/BC-SCT");
  EXPECT_EQ(report->issue.recipients.size(), 3u);

  // The document carries the issue details and the narrative; Part II is the written one.
  std::string md = document(code, ReportFormat::Markdown);
  EXPECT_NE(md.find("Số: 125/BC-SCT"), std::string::npos);
  EXPECT_NE(md.find("(Kèm theo Báo cáo số 125/BC-SCT ngày 15/12/2020"), std::string::npos);
  EXPECT_NE(md.find("**KT. GIÁM ĐỐC**  \n**PHÓ GIÁM ĐỐC**"), std::string::npos);
  EXPECT_NE(md.find("Nguyễn Văn Ký"), std::string::npos);
  EXPECT_NE(md.find("Bản điện tử: Cổng thông tin của Sở"), std::string::npos);
  EXPECT_NE(md.find("3. Đề xuất, kiến nghị"), std::string::npos);
  EXPECT_NE(md.find("Đề nghị Bộ Công Thương tăng kinh phí."), std::string::npos);
  EXPECT_EQ(md.find(data_.plans[static_cast<size_t>(data_.plan_index(kPlan))].directions.substr(0, 60)),
            std::string::npos);  // the plan's directions text is replaced
  const std::string pdf = document(code, ReportFormat::Pdf), docx = document(code, ReportFormat::Docx);
  EXPECT_EQ(pdf.rfind("%PDF", 0), 0u);
  EXPECT_EQ(docx.rfind("PK", 0), 0u);

  // The same number is refused for another report of the same agency.
  std::string other = create_phase_draft();
  FieldErrors taken = issue(other, issue_details());
  EXPECT_TRUE(has_error(taken, "so_ky_hieu", code)) << joined(taken);

  // A record changes: the issued download stays byte-identical, the changed figure is named.
  EXPECT_TRUE(drafts::changed_since_issue(store(), data_, code).empty());
  {
    const RecordKind& projects = kind("de_an");
    Transaction tx(store());
    Row key(projects.fields.size());
    key[0] = std::string("bg-2016-h-001");
    Row row = *store().find(projects, key);
    size_t budget = static_cast<size_t>(projects.field_index("kinh_phi_nsnn"));
    row[budget] = as_int(row[budget]) + 1'000'000'000;
    store().update(projects, row);
    tx.commit();
  }
  data_ = load_dataset(store());
  EXPECT_EQ(document(code, ReportFormat::Markdown), md);
  EXPECT_EQ(document(code, ReportFormat::Pdf), pdf);
  EXPECT_EQ(document(code, ReportFormat::Docx), docx);
  std::vector<narrative::FigureChange> changes = drafts::changed_since_issue(store(), data_, code);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].id, kTotalBudget);
  ASSERT_TRUE(changes[0].current);
  EXPECT_NE(changes[0].issued, *changes[0].current);
  // A draft is rendered from the records as they are now.
  EXPECT_NE(document(other, ReportFormat::Markdown), md);
}

TEST_F(ReportDrafts, EveryStepIsInTheAuditTrail) {
  std::string code = create_phase_draft();
  ASSERT_TRUE(save(kCentre, code, "I.1.1", "Văn bản của tỉnh.", 0).errors.empty());
  ASSERT_TRUE(save(kCentre, code, "I.1.1", "Văn bản của tỉnh, sửa.", 1).errors.empty());
  ASSERT_TRUE(issue(code, issue_details()).empty());

  std::vector<AuditEntry> on_report = audit_of(store(), "bao_cao", code);
  std::vector<std::string> actions;
  for (const AuditEntry& e : on_report) actions.insert(actions.begin(), e.action);  // oldest first
  EXPECT_EQ(actions, (std::vector<std::string>{"tao", "chuyen_trang_thai", "chuyen_trang_thai", "ban_hanh"}));
  EXPECT_EQ(on_report.front().user, "socongthuong");
  std::vector<AuditEntry> on_section = audit_of(store(), "bao_cao_muc", code + "|I.1.1");
  ASSERT_EQ(on_section.size(), 2u);
  EXPECT_EQ(on_section[0].action, "sua");
  EXPECT_EQ(on_section[1].action, "tao");
  EXPECT_NE(on_section[0].note.find("phiên bản 2"), std::string::npos);
  for (const drafts::Event& e : drafts::report_events(store(), code)) EXPECT_FALSE(e.user.empty());
}

// A bundle holding an issued report (and its sections) imports it frozen: the sections become
// version 1 by the importing user, the documents are stored, a record changed later does not
// change the download.
TEST(ReportDraftsImport, AnIssuedReportIsFrozenAtTheEndOfTheImport) {
  BundleFixture bundle;
  {
    std::ofstream(bundle.file("bao_cao.csv"))
        << "ma,loai_bao_cao,ke_hoach,nam,co_quan,trang_thai,so_ky_hieu,ngay_ban_hanh,tham_quyen_ky,chuc_vu_ky,"
           "nguoi_ky,noi_nhan,kem_bieu_do\n"
           "bg-bc-thu,giai_doan,bg-2016-2020,,sct-bg,da_ban_hanh,99/BC-SCT,2020-12-20,KT. GIÁM ĐỐC,PHÓ GIÁM ĐỐC,"
           "Nguyễn Văn Ký,\"- Bộ Công Thương (b/c);\n- Lưu: VT.\",0\n";
    std::ofstream(bundle.file("bao_cao_muc.csv"))
        << "bao_cao,muc,noi_dung\nbg-bc-thu,I.3.1,Tổng kinh phí là {de_an.tong.kinh_phi}.\n";
    // The built-in kinds listed again are the same kinds, not duplicates.
    std::ofstream(bundle.file("loai_bao_cao.csv"))
        << "ma,ten,cau_truc\ngiai_doan,Báo cáo giai đoạn,giai_doan\n";
  }
  ImportOptions options;
  options.user = "nguoinhap";
  ImportResult r = import_bundle(bundle.store(), bundle.bundle(), options);
  ASSERT_TRUE(r.ok()) << describe_problems(r);
  Store& store = bundle.store();
  EXPECT_EQ(store.count(kind("loai_bao_cao")), 3);
  EXPECT_EQ(store.count(kind("bao_cao_ban_hanh")), 6);  // every format
  std::vector<drafts::Version> versions = drafts::section_versions(store, "bg-bc-thu", "I.3.1");
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].number, 1);
  EXPECT_EQ(versions[0].user, "nguoinhap");

  Dataset data = load_dataset(store);
  std::string md = drafts::report_document(store, data, "bg-bc-thu", ReportFormat::Markdown)->bytes;
  EXPECT_NE(md.find("Số: 99/BC-SCT"), std::string::npos);
  EXPECT_NE(md.find("Tổng kinh phí là "), std::string::npos);
  {
    Transaction tx(store);
    const RecordKind& projects = kind("de_an");
    Row key(projects.fields.size());
    key[0] = std::string("bg-2016-h-001");
    Row row = *store.find(projects, key);
    row[static_cast<size_t>(projects.field_index("kinh_phi_nsnn"))] = int64_t{999'000'000};
    store.update(projects, row);
    tx.commit();
  }
  data = load_dataset(store);
  EXPECT_EQ(drafts::report_document(store, data, "bg-bc-thu", ReportFormat::Markdown)->bytes, md);
  EXPECT_EQ(drafts::changed_since_issue(store, data, "bg-bc-thu").size(), 1u);

  // A built-in kind with another structure is refused; so is an issued report without a number.
  BundleFixture wrong;
  std::ofstream(wrong.file("loai_bao_cao.csv")) << "ma,ten,cau_truc\ngiai_doan,Báo cáo,nam\n";
  EXPECT_TRUE(has_problem(wrong.import_bundle(), "loai_bao_cao.csv", 2, "trùng khóa"));
  BundleFixture unnumbered;
  std::ofstream(unnumbered.file("bao_cao.csv"))
      << "ma,loai_bao_cao,ke_hoach,nam,co_quan,trang_thai,so_ky_hieu,ngay_ban_hanh,tham_quyen_ky,chuc_vu_ky,"
         "nguoi_ky,noi_nhan,kem_bieu_do\nbg-bc-x,giai_doan,bg-2016-2020,,sct-bg,da_ban_hanh,,,,,,,\n";
  ImportResult refused = unnumbered.import_bundle();
  EXPECT_TRUE(has_problem(refused, "bao_cao.csv", 0, "bg-bc-x")) << describe_problems(refused);
  EXPECT_EQ(unnumbered.store().count(kind("bao_cao")), 0);
}

// `report issued <code>` writes the frozen document of an issued report.
TEST(ReportDraftsCli, ReportIssuedWritesTheFrozenDocument) {
  TempDir dir;
  TestDatabase db;
  CommandResult imported = run_cli("--db " + db.quoted_url() + " import '" + demo_dir().string() + "'");
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  std::string code, frozen;
  {
    auto store = db.open();
    Dataset data = load_dataset(*store);
    code = drafts::create_report(*store, data, kCentre, {"giai_doan", {kPlan, 0}, ""}).code;
    ASSERT_TRUE(drafts::take_step(*store, data, kCentre, {code, "trinh", "", {}}).empty());
    ASSERT_TRUE(drafts::take_step(*store, data, kDepartment, {code, "duyet", "", {}}).empty());
    ReportIssueDetails details;
    details.number_symbol = "7/BC-SCT";
    details.date = Date{2021, 1, 5};
    ASSERT_TRUE(drafts::take_step(*store, data, kDepartment, {code, "ban_hanh", "", details}).empty());
    frozen = drafts::report_document(*store, data, code, ReportFormat::Pdf)->bytes;
  }
  const std::string out = (dir / "bao-cao.pdf").string();
  CommandResult r = run_cli("--db " + db.quoted_url() + " report issued " + code + " -o '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(read_file(out), frozen);
  CommandResult md = run_cli("--db " + db.quoted_url() + " report issued " + code + " --format md");
  EXPECT_NE(md.output.find("Số: 7/BC-SCT"), std::string::npos) << md.output;
  CommandResult unknown = run_cli("--db " + db.quoted_url() + " report issued khong-co --format md");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("\"khong-co\""), std::string::npos) << unknown.output;
}

}  // namespace
}  // namespace kc::test
