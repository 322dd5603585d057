// khuyencong --config FILE: options from a TOML file (the package's /etc/khuyencong/khuyencong.conf),
// the command line winning, misspelt keys refused; and the shipped file documents every option
// of serve and is read without error.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "support/test_support.h"

namespace kc::test {
namespace {

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

TEST(CliConfig, GlobalOptionsAndServeOptionsComeFromTheFileUnlessTheCommandLineSaysOtherwise) {
  TempDir dir;
  write_file(dir / "kc.conf", "# chú thích\ndb = \"" + (dir / "tu-tep.db").string() +
                                  "\"\n\n[serve]\nport = 0\nmetrics-from = \"khong-phai-dia-chi\"\n");
  std::string config = "--config " + q(dir / "kc.conf");
  CommandResult init = run_cli(config + " init");
  EXPECT_EQ(init.exit_code, 0) << init.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "tu-tep.db")) << "db from the file";
  CommandResult own = run_cli(config + " --db " + q(dir / "dong-lenh.db") + " init");
  EXPECT_EQ(own.exit_code, 0) << own.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "dong-lenh.db")) << "--db on the command line wins";

  CommandResult serve = run_cli(config + " serve");
  EXPECT_EQ(serve.exit_code, 2) << "serve read [serve] metrics-from from the file";
  EXPECT_NE(serve.output.find("--metrics-from: “khong-phai-dia-chi”"), std::string::npos) << serve.output;
  CommandResult wins = run_cli(config + " serve --metrics-from sai-tren-dong-lenh");
  EXPECT_EQ(wins.exit_code, 2);
  EXPECT_NE(wins.output.find("“sai-tren-dong-lenh”"), std::string::npos) << "the command line wins: " << wins.output;
}

TEST(CliConfig, AMisspeltKeyIsRefusedByName) {
  TempDir dir;
  write_file(dir / "kc.conf", "[serve]\nprot = 8080\n");
  CommandResult r = run_cli("--config " + q(dir / "kc.conf") + " --db " + q(dir / "x.db") + " init");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("Tệp cấu hình: “serve.prot” không phải tùy chọn nào"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "x.db")) << "nothing done";
}

TEST(CliConfig, TheShippedFileDocumentsEveryServeOptionAndIsValid) {
  std::string shipped = read_file(source_dir() / "packaging/khuyencong.conf");
  CommandResult help = run_cli("serve --help");
  ASSERT_EQ(help.exit_code, 0) << help.output;
  std::set<std::string> options;
  std::regex option(R"(\n  --([a-z-]+))");
  for (std::sregex_iterator it(help.output.begin(), help.output.end(), option), end; it != end; ++it)
    if ((*it)[1] != "help") options.insert((*it)[1]);
  EXPECT_GE(options.size(), 15u) << help.output;
  for (const std::string& name : options) {
    std::regex documented("(^|\n)(# )?" + name + " = ");
    EXPECT_TRUE(std::regex_search(shipped, documented)) << "--" << name << " is not in packaging/khuyencong.conf";
  }
  TempDir dir;
  CommandResult r = run_cli("--config " + q(source_dir() / "packaging/khuyencong.conf") + " --db " + q(dir / "x.db") + " init");
  EXPECT_EQ(r.exit_code, 0) << "the shipped file is read without error: " << r.output;
  // Its commented examples too, once their # is taken away.
  write_file(dir / "all.conf", std::regex_replace(shipped, std::regex(R"((^|\n)# ([a-z-]+ = ))"), "$1$2"));
  CommandResult all = run_cli("--config " + q(dir / "all.conf") + " --db " + q(dir / "y.db") + " init");
  EXPECT_EQ(all.exit_code, 0) << "every example value is valid: " << all.output;
}

}  // namespace
}  // namespace kc::test
