// Progress of long work (import, export, database copies, backups, dossiers, reports), told to
// whoever watches it: the command line's reporter below (a bar on a terminal, plain lines in a
// log, nothing with --quiet) or a web background job (web/background_jobs.h).
//
// Work calls stage() when it starts a step whose size it knows (total 0: unknown, only the time
// elapsed is shown), set_done() as it goes — as often as it likes: a sink decides itself when
// something is worth showing — and finish() at the end of the step. Every text is Vietnamese
// with Vietnamese number formats: "Đang nhập: 12.345/48.000 dòng (1.234 dòng/giây, còn khoảng
// 29 giây)".
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace kc {

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  // `label` says what is done ("Đang nhập"), `unit` what is counted ("dòng", "đề án").
  virtual void stage(std::string_view label, std::string_view unit, int64_t total) = 0;
  virtual void set_done(int64_t done) = 0;
  virtual void finish() = 0;
};

// Ignores everything: the default where a caller wants no progress.
ProgressSink& no_progress();

// The arithmetic, exposed for tests. Units per second; 0 before any time has passed.
double progress_rate(int64_t done, double elapsed_seconds);
// Seconds left at the rate so far, rounded up; nullopt before anything is done or with no total.
std::optional<int64_t> progress_seconds_left(int64_t done, int64_t total, double elapsed_seconds);
// "45 giây", "2 phút 5 giây", "1 giờ 3 phút".
std::string duration_words(int64_t seconds);
// The status as one line: "Đang nhập: 12.345/48.000 dòng (1.234 dòng/giây, còn khoảng 29 giây)";
// without a total "Đang sao lưu: đã chạy 12 giây" (or "… 12.345 dòng (…/giây)" when counting);
// `finished`: "… 48.000 dòng, xong sau 39 giây (1.231 dòng/giây)" (the count done: a total
// known in advance may have been an estimate).
std::string progress_line(std::string_view label, std::string_view unit, int64_t done, int64_t total,
                          double elapsed_seconds, bool finished = false);

enum class ProgressMode {
  terminal,  // a bar redrawn in place (carriage return) at most 10 times a second
  lines,     // a plain line every few seconds, and the final line
  quiet,     // nothing
};

// Terminal when standard error is one, plain lines otherwise; quiet when asked.
ProgressMode progress_mode_for_stderr(bool quiet);

// The command line's sink: writes to `out` (standard error, so that what a command writes to
// standard output stays clean). The clock returns seconds from any fixed point; tests pass a
// fake one.
class ProgressReporter : public ProgressSink {
 public:
  using Clock = std::function<double()>;
  static constexpr double kTerminalInterval = 0.1;  // seconds between redraws of the bar
  static constexpr double kLineInterval = 5.0;      // seconds between plain lines

  ProgressReporter(ProgressMode mode, std::ostream& out, Clock clock = {});
  ~ProgressReporter() override;  // ends an unfinished stage's bar with a new line

  void stage(std::string_view label, std::string_view unit, int64_t total) override;
  void set_done(int64_t done) override;
  void finish() override;

 private:
  void show(bool finished);

  ProgressMode mode_;
  std::ostream& out_;
  Clock clock_;
  std::string label_, unit_;
  int64_t total_ = 0, done_ = 0;
  double started_ = 0, last_shown_ = 0;
  bool open_ = false;  // a stage is running
  bool bar_drawn_ = false;
  unsigned spin_ = 0;
};

// While a blocking step that counts nothing runs (pg_dump, pg_restore), keeps its line moving:
// calls sink.set_done(0) every `interval_seconds` from its own thread until destroyed. Create
// it after stage() and destroy it before finish(), so the sink is never called from two threads.
class ProgressHeartbeat {
 public:
  explicit ProgressHeartbeat(ProgressSink& sink, double interval_seconds = ProgressReporter::kTerminalInterval);
  ~ProgressHeartbeat();
  ProgressHeartbeat(const ProgressHeartbeat&) = delete;
  ProgressHeartbeat& operator=(const ProgressHeartbeat&) = delete;

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::thread thread_;
};

}  // namespace kc
