// The progress reporter of long commands (core/progress.h): its arithmetic, the plain lines
// written when standard error is not a terminal, the bar on a terminal, and --quiet. Time is a
// fake clock the tests move by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>

#include "core/progress.h"

namespace kc {
namespace {

TEST(Progress, RateAndTimeLeft) {
  EXPECT_DOUBLE_EQ(progress_rate(12345, 10), 1234.5);
  EXPECT_DOUBLE_EQ(progress_rate(100, 0), 0);
  // 12.345 of 48.000 in 10 s: 35.655 left at 1.234,5 a second = 28,9 s, rounded up.
  EXPECT_EQ(progress_seconds_left(12345, 48000, 10), 29);
  EXPECT_EQ(progress_seconds_left(0, 48000, 10), std::nullopt);   // nothing done: no estimate
  EXPECT_EQ(progress_seconds_left(10, 0, 10), std::nullopt);      // no total
  EXPECT_EQ(progress_seconds_left(48000, 48000, 10), 0);
}

TEST(Progress, DurationsInWords) {
  EXPECT_EQ(duration_words(0), "0 giây");
  EXPECT_EQ(duration_words(59), "59 giây");
  EXPECT_EQ(duration_words(60), "1 phút");
  EXPECT_EQ(duration_words(125), "2 phút 5 giây");
  EXPECT_EQ(duration_words(3780), "1 giờ 3 phút");
  EXPECT_EQ(duration_words(7200), "2 giờ");
}

TEST(Progress, LineInVietnamese) {
  EXPECT_EQ(progress_line("Đang nhập", "dòng", 12345, 48000, 10),
            "Đang nhập: 12.345/48.000 dòng (1.235 dòng/giây, còn khoảng 29 giây)");
  EXPECT_EQ(progress_line("Đang lập hồ sơ", "đề án", 5, 200, 2), "Đang lập hồ sơ: 5/200 đề án (2,5 đề án/giây, còn khoảng 1 phút 18 giây)");
  EXPECT_EQ(progress_line("Đang xuất", "dòng", 2000, 0, 4), "Đang xuất: 2.000 dòng (500 dòng/giây)");
  EXPECT_EQ(progress_line("Đang sao lưu", "", 0, 0, 12.7), "Đang sao lưu: đã chạy 12 giây");
  EXPECT_EQ(progress_line("Đang nhập", "dòng", 48000, 48000, 39, true), "Đang nhập: 48.000 dòng, xong sau 39 giây (1.231 dòng/giây)");
  EXPECT_EQ(progress_line("Đang nhập", "dòng", 47990, 48000, 39, true), "Đang nhập: 47.990 dòng, xong sau 39 giây (1.231 dòng/giây)")
      << "an estimated total: what was done";
  EXPECT_EQ(progress_line("Đang sao lưu", "", 0, 0, 3, true), "Đang sao lưu: xong sau 3 giây");
}

struct FakeClock {
  double now = 100;
  ProgressReporter::Clock clock() {
    return [this] { return now; };
  }
};

TEST(Progress, PlainLinesEveryFewSecondsAndTheFinalLine) {
  FakeClock t;
  std::ostringstream out;
  ProgressReporter r(ProgressMode::lines, out, t.clock());
  r.stage("Đang nhập", "dòng", 48000);
  EXPECT_EQ(out.str(), "");  // nothing at the start: a short step prints only its final line
  for (int i = 1; i <= 40; ++i) {  // 1.200 rows a second, told 4 times a second
    t.now += 0.25;
    r.set_done(300 * i);
  }
  // 10 s passed: one line at 5 s and one at 10 s, nothing in between.
  EXPECT_EQ(out.str(),
            "Đang nhập: 6.000/48.000 dòng (1.200 dòng/giây, còn khoảng 35 giây)\n"
            "Đang nhập: 12.000/48.000 dòng (1.200 dòng/giây, còn khoảng 30 giây)\n");
  t.now += 1;
  r.set_done(48000);
  r.finish();
  EXPECT_NE(out.str().find("Đang nhập: 48.000 dòng, xong sau 11 giây (4.364 dòng/giây)\n"), std::string::npos)
      << out.str();
  EXPECT_EQ(out.str().find('\r'), std::string::npos);  // no terminal control in a log
  EXPECT_EQ(out.str().find('\x1b'), std::string::npos);
}

TEST(Progress, TerminalBarRedrawnInPlaceAtMostTenTimesASecond) {
  FakeClock t;
  std::ostringstream out;
  ProgressReporter r(ProgressMode::terminal, out, t.clock());
  r.stage("Đang xuất", "dòng", 1000);
  for (int i = 1; i <= 64; ++i) {  // told 64 times in 1 s
    t.now += 1.0 / 64;
    r.set_done(1000 * i / 64);
  }
  std::string s = out.str();
  size_t redraws = static_cast<size_t>(std::count(s.begin(), s.end(), '\r'));
  EXPECT_GE(redraws, 9u);
  EXPECT_LE(redraws, 11u);  // the first draw and one every 0,1 s
  EXPECT_EQ(s.find('\n'), std::string::npos);  // in place
  r.finish();
  s = out.str();
  EXPECT_NE(s.find("\r[████████████████████] 100% Đang xuất: 1.000 dòng, xong sau 1 giây"), std::string::npos) << s;
  EXPECT_EQ(s.back(), '\n');
}

TEST(Progress, TerminalSpinnerWhenNothingIsCounted) {
  FakeClock t;
  std::ostringstream out;
  ProgressReporter r(ProgressMode::terminal, out, t.clock());
  r.stage("Đang sao lưu (pg_dump)", "", 0);
  t.now += 12.3;
  r.set_done(0);
  EXPECT_NE(out.str().find("/ Đang sao lưu (pg_dump): đã chạy 12 giây"), std::string::npos) << out.str();
}

TEST(Progress, QuietWritesNothing) {
  FakeClock t;
  std::ostringstream out;
  {
    ProgressReporter r(ProgressMode::quiet, out, t.clock());
    r.stage("Đang nhập", "dòng", 100);
    for (int i = 1; i <= 100; ++i) {
      t.now += 1;
      r.set_done(i);
    }
    r.finish();
  }
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(progress_mode_for_stderr(true), ProgressMode::quiet);
}

TEST(Progress, HeartbeatMovesAStepThatCountsNothing) {
  struct Counting : ProgressSink {
    std::atomic<int> calls{0};
    void stage(std::string_view, std::string_view, int64_t) override {}
    void set_done(int64_t) override { ++calls; }
    void finish() override {}
  } sink;
  {
    ProgressHeartbeat beat(sink, 0.001);
    while (sink.calls.load() < 3) std::this_thread::yield();
  }
  int after = sink.calls.load();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(sink.calls.load(), after);  // stopped with its owner
}

}  // namespace
}  // namespace kc
