#include "core/progress.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <ostream>

#include "core/vn_format.h"

namespace kc {

namespace {

class NoProgress : public ProgressSink {
 public:
  void stage(std::string_view, std::string_view, int64_t) override {}
  void set_done(int64_t) override {}
  void finish() override {}
};

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// "1.234 dòng/giây"; below 10 a decimal ("2,5 đề án/giây") so a slow rate does not read as 0.
std::string rate_words(double rate, std::string_view unit) {
  return format_double(rate, rate < 10 ? 1 : 0) + " " + std::string(unit) + "/giây";
}

constexpr int kBarWidth = 20;

std::string bar(int64_t done, int64_t total) {
  int64_t filled = total > 0 ? std::min<int64_t>(kBarWidth, done * kBarWidth / total) : 0;
  std::string out = "[";
  for (int i = 0; i < kBarWidth; ++i) out += i < filled ? "█" : "░";
  return out + "] " + std::to_string(total > 0 ? std::min<int64_t>(100, done * 100 / total) : 0) + "% ";
}

}  // namespace

ProgressSink& no_progress() {
  static NoProgress sink;
  return sink;
}

double progress_rate(int64_t done, double elapsed_seconds) {
  return elapsed_seconds > 0 ? static_cast<double>(done) / elapsed_seconds : 0;
}

std::optional<int64_t> progress_seconds_left(int64_t done, int64_t total, double elapsed_seconds) {
  if (total <= 0 || done <= 0 || elapsed_seconds <= 0) return std::nullopt;
  if (done >= total) return 0;
  return static_cast<int64_t>(std::ceil(elapsed_seconds * static_cast<double>(total - done) / static_cast<double>(done)));
}

std::string duration_words(int64_t seconds) {
  if (seconds < 60) return std::to_string(seconds) + " giây";
  if (seconds < 3600) {
    int64_t s = seconds % 60;
    return std::to_string(seconds / 60) + " phút" + (s ? " " + std::to_string(s) + " giây" : "");
  }
  int64_t m = seconds % 3600 / 60;
  return format_int(seconds / 3600) + " giờ" + (m ? " " + std::to_string(m) + " phút" : "");
}

std::string progress_line(std::string_view label, std::string_view unit, int64_t done, int64_t total,
                          double elapsed_seconds, bool finished) {
  std::string line = std::string(label) + ": ";
  int64_t elapsed = static_cast<int64_t>(elapsed_seconds);
  double rate = progress_rate(done, elapsed_seconds);
  if (total <= 0 && done <= 0)
    return line + (finished ? "xong sau " : "đã chạy ") + duration_words(elapsed);
  // Finished, the count is what was done: a total known in advance may have been an estimate.
  if (finished) return line + format_int(done) + " " + std::string(unit) + ", xong sau " + duration_words(elapsed) + " (" + rate_words(rate, unit) + ")";
  line += format_int(done) + (total > 0 ? "/" + format_int(total) : "") + " " + std::string(unit);
  line += " (" + rate_words(rate, unit);
  if (std::optional<int64_t> left = progress_seconds_left(done, total, elapsed_seconds))
    line += ", còn khoảng " + duration_words(*left);
  return line + ")";
}

ProgressMode progress_mode_for_stderr(bool quiet) {
  if (quiet) return ProgressMode::quiet;
  return isatty(STDERR_FILENO) ? ProgressMode::terminal : ProgressMode::lines;
}

ProgressReporter::ProgressReporter(ProgressMode mode, std::ostream& out, Clock clock)
    : mode_(mode), out_(out), clock_(clock ? std::move(clock) : Clock(steady_seconds)) {}

ProgressReporter::~ProgressReporter() {
  if (bar_drawn_) out_ << "\n" << std::flush;
}

void ProgressReporter::stage(std::string_view label, std::string_view unit, int64_t total) {
  if (open_) finish();
  label_ = label;
  unit_ = unit;
  total_ = total;
  done_ = 0;
  started_ = last_shown_ = clock_();
  open_ = true;
  if (mode_ == ProgressMode::terminal) show(false);  // the bar appears at once
}

void ProgressReporter::set_done(int64_t done) {
  if (!open_ || mode_ == ProgressMode::quiet) return;
  done_ = done;
  double now = clock_();
  double interval = mode_ == ProgressMode::terminal ? kTerminalInterval : kLineInterval;
  if (now - last_shown_ >= interval) show(false);
}

void ProgressReporter::finish() {
  if (!open_) return;
  show(true);
  open_ = false;
}

void ProgressReporter::show(bool finished) {
  if (mode_ == ProgressMode::quiet) return;
  double now = clock_();
  last_shown_ = now;
  std::string line = progress_line(label_, unit_, done_, total_, now - started_, finished);
  if (mode_ == ProgressMode::lines) {
    out_ << line << "\n" << std::flush;
    return;
  }
  static constexpr const char* kSpinner[] = {"|", "/", "-", "\\"};
  std::string lead = total_ > 0 ? bar(done_, total_) : finished ? "" : std::string(kSpinner[spin_++ % 4]) + " ";
  out_ << "\r" << lead << line << "\x1b[K" << (finished ? "\n" : "") << std::flush;
  bar_drawn_ = !finished;
}

struct ProgressHeartbeat::State {
  std::mutex mutex;
  std::condition_variable wake;
  bool stop = false;
};

ProgressHeartbeat::ProgressHeartbeat(ProgressSink& sink, double interval_seconds) : state_(std::make_unique<State>()) {
  thread_ = std::thread([&sink, interval_seconds, state = state_.get()] {
    std::unique_lock lock(state->mutex);
    auto interval = std::chrono::duration<double>(interval_seconds);
    while (!state->wake.wait_for(lock, interval, [state] { return state->stop; })) sink.set_done(0);
  });
}

ProgressHeartbeat::~ProgressHeartbeat() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stop = true;
  }
  state_->wake.notify_one();
  thread_.join();
}

}  // namespace kc
