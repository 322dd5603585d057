// The demo's reports (data/demo/bao_cao_muc.csv, written by tools/demo/demo_reports.py): every
// section of the issued 2016-2020 phase report parses against the figures the demo computes, each
// section id is one of its structure's, and the narrative, like the plan's Part II text
// (ke_hoach.phuong_huong), is written in the project's own words: no run of eight consecutive
// words is the seed report's, compared without case, diacritics or surrounding punctuation.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "report/narrative.h"
#include "report/report_kinds.h"
#include "support/demo_csv.h"
#include "support/demo_report.h"
#include "support/test_support.h"
#include "text/normalize.h"

namespace kc {
namespace {

constexpr const char* kPhaseReport = "bg-bc-2016-2020";
constexpr const char* kAnnualReport = "bg-bc-2020-nam";
constexpr size_t kCopiedRun = 8;  // this many consecutive words shared with the seed count as copied

// The section ids of the shared design of issue 12 (stored in bao_cao_muc.muc).
const std::set<std::string> kPhaseSections = {"I.1.1", "I.1.2", "I.2.1", "I.2.2", "I.2.3", "I.2.4", "I.2.5",
                                              "I.2.6", "I.2.7", "I.2.8", "I.2.9", "I.3.1", "I.3.2", "I.3.3",
                                              "I.3.4", "II.1",  "II.2",  "II.3"};
const std::set<std::string> kAnnualSections = {"I.1", "I.2", "I.3.1", "I.3.2", "I.3.3", "II", "III"};

struct Section {
  std::string report, id, text;
};

std::vector<Section> demo_sections() {
  std::vector<Section> out;
  for (auto& row : test::demo_csv_rows("bao_cao_muc.csv")) out.push_back({row["bao_cao"], row["muc"], row["noi_dung"]});
  return out;
}

std::string demo_directions() {
  for (auto& row : test::demo_csv_rows("ke_hoach.csv"))
    if (row["ma"] == "bg-2016-2020") return row["phuong_huong"];
  return {};
}

// Lower-case words without diacritics (đ -> d) and without the punctuation around them.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string folded = fold_for_search(text);
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && std::isspace(static_cast<unsigned char>(folded[i]))) ++i;
    size_t end = i;
    while (end < folded.size() && !std::isspace(static_cast<unsigned char>(folded[end]))) ++end;
    std::string word = folded.substr(i, end - i);
    auto is_word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    size_t from = 0, to = word.size();
    while (from < to && !is_word_char(word[from])) ++from;
    while (to > from && !is_word_char(word[to - 1])) --to;
    if (to > from) out.push_back(word.substr(from, to - from));
    i = end;
  }
  return out;
}

std::string join(const std::vector<std::string>& w, size_t from, size_t n) {
  std::string out;
  for (size_t i = from; i < from + n; ++i) out += (i > from ? " " : "") + w[i];
  return out;
}

// Every run of kCopiedRun words of the seed.
std::set<std::string> seed_runs(std::string_view seed) {
  std::vector<std::string> w = words(seed);
  std::set<std::string> runs;
  for (size_t i = 0; i + kCopiedRun <= w.size(); ++i) runs.insert(join(w, i, kCopiedRun));
  return runs;
}

// The runs of `text` that the seed also has.
std::vector<std::string> copied_runs(std::string_view text, const std::set<std::string>& seed) {
  std::vector<std::string> w = words(text), out;
  for (size_t i = 0; i + kCopiedRun <= w.size(); ++i)
    if (seed.count(join(w, i, kCopiedRun))) out.push_back(join(w, i, kCopiedRun));
  return out;
}

// The seed report lies beside the repository (../shared/seed/), not in it; without it the
// no-copy tests cannot run (tools/demo/check_demo.py skips the same check).
std::filesystem::path seed_path() {
  return test::source_dir().parent_path() / "shared" / "seed" / "bao-cao-khuyen-cong-bac-giang-2016-2020.txt";
}

const std::set<std::string>& seed() {
  static const std::set<std::string> runs = seed_runs(test::read_file(seed_path()));
  return runs;
}

TEST(DemoNarrative, EveryPhaseSectionIsWrittenAndParsesAgainstTheDemoFigures) {
  narrative::FigureValues values = narrative::figure_values(test::demo_report().report.figures);
  std::set<std::string> written;
  size_t references = 0;
  for (const Section& s : demo_sections()) {
    if (s.report != kPhaseReport) continue;
    EXPECT_TRUE(kPhaseSections.count(s.id)) << "not a section of the phase report: " << s.id;
    EXPECT_TRUE(written.insert(s.id).second) << "written twice: " << s.id;
    narrative::ParseResult r = narrative::parse_narrative(s.text, values);
    for (const narrative::Problem& p : r.problems) ADD_FAILURE() << s.id << ": " << p.message;
    if (r.narrative) references += narrative::references(*r.narrative).size();
  }
  EXPECT_EQ(written, kPhaseSections) << "every section of the phase report has a narrative";
  EXPECT_GE(references, 10u) << "the phase report's narrative refers to the computed figures";
}

TEST(DemoNarrative, ThePhaseStructureDeclaresNoOtherSections) {
  ComputedReportResult r = compute_report(test::demo_report().data, ReportStructure::Phase, {"bg-2016-2020", 0});
  ASSERT_TRUE(r.report) << r.error;
  for (const ReportSection& s : r.report->sections) EXPECT_TRUE(kPhaseSections.count(s.id)) << s.id;
}

// The annual figures' ids are being defined: the draft's sections refer to none, so they parse
// against no figures at all.
TEST(DemoNarrative, TheAnnualDraftsSectionsAreItsStructuresAndReferToNoFigure) {
  std::set<std::string> written;
  for (const Section& s : demo_sections()) {
    if (s.report != kAnnualReport) continue;
    EXPECT_TRUE(kAnnualSections.count(s.id)) << "not a section of the annual report: " << s.id;
    written.insert(s.id);
    narrative::ParseResult r = narrative::parse_narrative(s.text, {});
    for (const narrative::Problem& p : r.problems) ADD_FAILURE() << s.id << ": " << p.message;
  }
  EXPECT_EQ(written, (std::set<std::string>{"I.1", "I.3.2", "I.3.3", "II", "III"}));
}

TEST(DemoNarrative, EveryRowBelongsToOneOfTheDemosReports) {
  for (const Section& s : demo_sections())
    EXPECT_TRUE(s.report == kPhaseReport || s.report == kAnnualReport) << s.report << " " << s.id;
}

// The issue details print as a Sở's report does: a number with the agency's symbol, a signer who
// heads the reporting agency in the staff records, recipients with a "Bản điện tử" line. The draft
// has none yet.
TEST(DemoNarrative, TheIssuedReportIsSignedByTheAgencysDirector) {
  std::map<std::string, std::map<std::string, std::string>> reports;
  for (auto& row : test::demo_csv_rows("bao_cao.csv")) reports[row["ma"]] = row;
  ASSERT_TRUE(reports.count(kPhaseReport) && reports.count(kAnnualReport));
  auto& issued = reports[kPhaseReport];
  EXPECT_EQ(issued["trang_thai"], "da_ban_hanh");
  EXPECT_TRUE(std::regex_match(issued["so_ky_hieu"], std::regex("[0-9]+/BC-SCT"))) << issued["so_ky_hieu"];
  EXPECT_TRUE(std::regex_match(issued["ngay_ban_hanh"], std::regex("2020-1[12]-[0-9]{2}"))) << issued["ngay_ban_hanh"];
  bool director = false;
  for (auto& staff : test::demo_csv_rows("can_bo.csv"))
    director = director || (staff["ho_ten"] == issued["nguoi_ky"] && staff["to_chuc"] == issued["co_quan"] &&
                            staff["chuc_vu"] == "Giám đốc");
  EXPECT_TRUE(director) << issued["nguoi_ky"] << " is not the director of " << issued["co_quan"];
  EXPECT_EQ(issued["chuc_vu_ky"], "GIÁM ĐỐC");
  EXPECT_NE(issued["noi_nhan"].find("\n- Bản điện tử: "), std::string::npos) << issued["noi_nhan"];
  auto& draft = reports[kAnnualReport];
  EXPECT_EQ(draft["trang_thai"], "du_thao");
  EXPECT_EQ(draft["ke_hoach"], "bg-2020");
  EXPECT_EQ(draft["so_ky_hieu"] + draft["ngay_ban_hanh"] + draft["nguoi_ky"] + draft["noi_nhan"], "");
}

// The check itself: a sentence of the seed, typed with other spacing, case and punctuation, is
// found; a paraphrase of it is not.
TEST(DemoNarrative, TheCopyCheckFindsASeedSentenceTypedDifferently) {
  if (!std::filesystem::exists(seed_path())) GTEST_SKIP() << "no seed report at " << seed_path();
  EXPECT_FALSE(copied_runs("SAU ĐÀO TẠO,   toàn bộ số lao động này đều có  việc làm và thu nhập ổn định", seed()).empty());
  EXPECT_TRUE(copied_runs("Học viên học xong đều được nhận vào làm việc, có thu nhập ổn định.", seed()).empty());
}

TEST(DemoNarrative, NoSectionCopiesTheSeed) {
  if (!std::filesystem::exists(seed_path())) GTEST_SKIP() << "no seed report at " << seed_path();
  for (const Section& s : demo_sections())
    for (const std::string& run : copied_runs(s.text, seed())) ADD_FAILURE() << s.report << " " << s.id << ": \"" << run << "\"";
}

TEST(DemoNarrative, ThePlansDirectionsDoNotCopyTheSeed) {
  if (!std::filesystem::exists(seed_path())) GTEST_SKIP() << "no seed report at " << seed_path();
  std::string directions = demo_directions();
  ASSERT_FALSE(directions.empty());
  for (const std::string& run : copied_runs(directions, seed())) ADD_FAILURE() << "phuong_huong: \"" << run << "\"";
}

}  // namespace
}  // namespace kc
