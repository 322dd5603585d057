// The soak's load and its checks (docs/performance.md, "Soak"; bench/soak.sh runs it): for a
// given time, `--connections` clients on their own kept-alive connections — most of them reading
// at full speed (list pages, searches, aggregates, dashboards, home pages, project pages), a few
// writing at a set rate through the crash test's writer (bench/crash/writer.h: establishments
// created and edited, projects proposed, lifecycle steps, a step with a PDF) — while the server's
// resident memory (RSS, from /proc) is sampled.
//
// Printed: every RSS sample; per interval (a minute by default) the requests, errors and the
// p50/p99 of reads and p99 of writes; then the RSS slope over the samples after the warm-up
// (least squares, MB per minute). Exit status 1 when any request failed (a status other than
// the expected one, or no answer), when the slope is at or above --max-slope, or when nothing
// was answered.
//
//   soak --port P --server-pid PID --user U --password W [--second-user U2] [--seconds 600]
//        [--connections 32] [--writers 4] [--write-rate 2] [--interval 60] [--sample 10]
//        [--warmup 120] [--max-slope 1.0] [--seed N]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>

#include "crash/api_session.h"
#include "crash/writer.h"

namespace kc::soak {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Options {
  int port = 0, server_pid = 0, seconds = 600, connections = 32, writers = 4, interval = 60, sample = 10, warmup = 120;
  double write_rate = 2, max_slope = 1.0;
  std::string user, password, second_user;
  uint64_t seed = 0;
};

// One interval's answers, as one client saw them.
struct Interval {
  std::vector<double> reads_ms, writes_ms;
  int64_t errors = 0;
};

// What every client records; merged when they are done.
class Ledger {
 public:
  Ledger(Clock::time_point start, int interval_s, int seconds)
      : start_(start), interval_s_(interval_s), last_(static_cast<size_t>(std::max(0, seconds - 1) / interval_s)) {}
  // An answer that came after the end counts in the last interval.
  void add(bool write, double ms, bool error) {
    std::lock_guard lock(mutex_);
    auto i = std::min(last_, static_cast<size_t>(std::chrono::duration<double>(Clock::now() - start_).count() / interval_s_));
    if (intervals_.size() <= i) intervals_.resize(i + 1);
    (write ? intervals_[i].writes_ms : intervals_[i].reads_ms).push_back(ms);
    if (error) ++intervals_[i].errors;
  }
  void error_detail(const std::string& what) {
    std::lock_guard lock(mutex_);
    if (details_.size() < 10) details_.push_back(what);
  }
  std::vector<Interval>& intervals() { return intervals_; }
  const std::vector<std::string>& details() const { return details_; }

 private:
  std::mutex mutex_;
  Clock::time_point start_;
  int interval_s_;
  size_t last_;
  std::vector<Interval> intervals_;
  std::vector<std::string> details_;
};

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

double ms_between(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

// The server's resident memory in MB (VmRSS), or -1.
double rss_mb(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return -1;
}

// Least-squares slope of (seconds, MB), in MB per minute.
double slope_per_minute(const std::vector<std::pair<double, double>>& samples) {
  double n = static_cast<double>(samples.size()), sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (auto [x, y] : samples) {
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  double d = n * sxx - sx * sx;
  return d == 0 ? 0 : (n * sxy - sx * sy) / d * 60;
}

// What the readers ask for, drawn from the dataset once signed in.
struct Sample {
  std::vector<std::string> projects;  // codes
  crash::WriterSetup writing;
};

Sample sample_of(crash::ApiSession& s, const Options& o) {
  Sample out;
  for (int page = 1; page <= 4; ++page) {
    auto r = s.get("/api/de-an?kich_thuoc=50&sap_xep=ma&trang=" + std::to_string(page));
    if (!r || r->status != 200) throw std::runtime_error("the project list did not answer");
    json body = json::parse(r->body);
    for (const json& p : body["ban_ghi"]) {
      out.projects.push_back(p["ma"].get<std::string>());
      if (out.writing.unit == crash::WriterSetup{}.unit && p["dia_ban"].is_string() && p["don_vi_thuc_hien"].is_string()) {
        out.writing.area = p["dia_ban"].get<std::string>();
        out.writing.unit = p["don_vi_thuc_hien"].get<std::string>();
      }
    }
  }
  auto r = s.get("/api/co-so?kich_thuoc=1&sap_xep=ma");
  if (!r || r->status != 200) throw std::runtime_error("the establishment list did not answer");
  json body = json::parse(r->body);
  if (out.projects.empty() || body["ban_ghi"].empty()) throw std::runtime_error("the dataset has no projects or establishments");
  out.writing.establishment = body["ban_ghi"][0]["ma"].get<std::string>();
  out.writing.user = o.user;
  out.writing.password = o.password;
  return out;
}

// A reader: weighted pages and API answers until the deadline.
void read_until(crash::ApiSession& s, const Sample& sample, Clock::time_point end, uint64_t seed, Ledger& ledger) {
  std::mt19937_64 rng(seed);
  static const std::vector<const char*> words = {"rèn", "may", "gỗ", "chè", "Hoa", "gạch", "dệt", "cơ khí"};
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  auto year = [&](int from, int to) { return std::to_string(std::uniform_int_distribution<int>(from, to)(rng)); };
  // Weights: list pages, searches, aggregates, the dashboard, home pages, project pages, the project list page.
  std::discrete_distribution<int> choose({20, 8, 15, 8, 15, 24, 10});
  while (Clock::now() < end) {
    std::string path;
    switch (choose(rng)) {
      case 0: path = "/api/de-an?kich_thuoc=50&sap_xep=ma&trang=" + std::to_string(1 + pick(20)); break;
      case 1: path = "/api/co-so?kich_thuoc=20&q=" + httplib::detail::encode_query_param(words[pick(words.size())]); break;
      case 2: {
        std::string from = year(2016, 2022);
        path = "/api/tong-hop?tu_nam=" + from + "&den_nam=" + std::to_string(std::stoi(from) + static_cast<int>(pick(4)));
        break;
      }
      case 3: path = "/tong-quan"; break;
      case 4: path = "/viec-cua-toi"; break;
      case 5: path = "/de-an/" + sample.projects[pick(sample.projects.size())]; break;
      default: path = "/de-an?trang=" + std::to_string(1 + pick(10)); break;
    }
    auto start = Clock::now();
    auto r = s.get(path);
    double ms = ms_between(start, Clock::now());
    bool error = !r || r->status != 200;
    ledger.add(false, ms, error);
    if (error)
      ledger.error_detail("GET " + path + ": " + (r ? std::to_string(r->status) + " " + r->body.substr(0, 200) : httplib::to_string(r.error())));
  }
}

// A writer: one write every `period`, until the deadline (a write's GET and PUT count as one).
void write_until(crash::Writer& w, std::chrono::duration<double> period, Clock::time_point end, Ledger& ledger) {
  auto next = Clock::now();
  while (Clock::now() < end) {
    auto counts = w.counts();
    auto start = Clock::now();
    bool answered = w.write_one();
    double ms = ms_between(start, Clock::now());
    bool error = !answered || w.counts().refused != counts.refused || w.counts().unanswered != counts.unanswered;
    ledger.add(true, ms, error);
    if (error) ledger.error_detail(w.refusals().empty() ? "a write got no answer or a 5xx" : w.refusals().back());
    next += std::chrono::duration_cast<Clock::duration>(period);
    std::this_thread::sleep_until(std::min(next, end));
  }
}

int run(const Options& o) {
  if (o.writers >= o.connections) throw std::runtime_error("--writers must leave connections to the readers");
  uint64_t seed = o.seed ? o.seed : std::random_device{}();
  crash::ApiSession first(o.port);
  if (!first.sign_in(o.user, o.password)) throw std::runtime_error("could not sign in as " + o.user);
  Sample sample = sample_of(first, o);

  int readers = o.connections - o.writers;
  std::vector<std::unique_ptr<crash::ApiSession>> sessions;
  for (int i = 0; i < readers; ++i) {
    sessions.push_back(std::make_unique<crash::ApiSession>(o.port));
    const std::string& user = !o.second_user.empty() && i % 2 ? o.second_user : o.user;
    if (!sessions.back()->sign_in(user, o.password)) throw std::runtime_error("could not sign in as " + user);
  }
  std::vector<std::unique_ptr<crash::Writer>> writers;
  for (int i = 0; i < o.writers; ++i) {
    writers.push_back(std::make_unique<crash::Writer>(i, o.port, seed + static_cast<uint64_t>(i) + 1, sample.writing));
    if (!writers.back()->sign_in()) throw std::runtime_error("a writer could not sign in");
  }
  std::cout << "soak: " << o.seconds << " s, " << o.connections << " connections (" << readers << " reading at full speed, "
            << o.writers << " writing " << o.write_rate << " writes/s in all), RSS every " << o.sample << " s, warm-up "
            << o.warmup << " s, seed " << seed << std::endl;

  auto start = Clock::now(), end = start + std::chrono::seconds(o.seconds);
  Ledger ledger(start, o.interval, o.seconds);
  std::vector<std::thread> threads;
  for (int i = 0; i < readers; ++i)
    threads.emplace_back([&, i] { read_until(*sessions[static_cast<size_t>(i)], sample, end, seed + 1000 + static_cast<uint64_t>(i), ledger); });
  std::chrono::duration<double> period(o.write_rate > 0 ? o.writers / o.write_rate : 1e9);
  for (auto& w : writers) threads.emplace_back([&, &writer = *w] { write_until(writer, period, end, ledger); });

  std::vector<std::pair<double, double>> samples;  // (seconds since start, MB)
  for (int t = 0; t <= o.seconds; t += o.sample) {
    std::this_thread::sleep_until(start + std::chrono::seconds(t));
    double mb = rss_mb(o.server_pid);
    if (mb < 0) {
      std::cout << "the server (pid " << o.server_pid << ") is gone" << std::endl;
      break;
    }
    samples.emplace_back(t, mb);
    char line[96];
    std::snprintf(line, sizeof line, "rss %4d s %8.1f MB", t, mb);
    std::cout << line << std::endl;
  }
  for (auto& t : threads) t.join();

  int64_t requests = 0, errors = 0;
  std::cout << "per " << o.interval << " s: requests, errors, read p50 / p99, write p99 (ms)\n";
  for (size_t i = 0; i < ledger.intervals().size(); ++i) {
    Interval& v = ledger.intervals()[i];
    int64_t n = static_cast<int64_t>(v.reads_ms.size() + v.writes_ms.size());
    requests += n;
    errors += v.errors;
    std::vector<double> all = v.reads_ms;
    all.insert(all.end(), v.writes_ms.begin(), v.writes_ms.end());
    char line[160];
    std::snprintf(line, sizeof line, "interval %2zu: %7lld requests, %lld errors, reads p50 %6.1f p99 %7.1f, writes p99 %7.1f, all p99 %7.1f",
                  i + 1, static_cast<long long>(n), static_cast<long long>(v.errors), percentile(v.reads_ms, 0.5),
                  percentile(v.reads_ms, 0.99), percentile(v.writes_ms, 0.99), percentile(all, 0.99));
    std::cout << line << "\n";
  }
  std::vector<std::pair<double, double>> settled;
  for (auto s : samples)
    if (s.first >= o.warmup) settled.push_back(s);
  double slope = slope_per_minute(settled);
  int64_t writes = 0;
  for (auto& w : writers) writes += w->counts().total_acked();
  char line[200];
  std::snprintf(line, sizeof line, "RSS: %.1f MB at the start, %.1f MB after the warm-up, %.1f MB at the end; slope after the warm-up %.3f MB/min (limit %.3f)",
                samples.empty() ? 0.0 : samples.front().second, settled.empty() ? 0.0 : settled.front().second,
                samples.empty() ? 0.0 : samples.back().second, slope, o.max_slope);
  std::cout << line << "\nrequests: " << requests << " (" << requests / std::max(1, o.seconds) << "/s), acknowledged writes: " << writes
            << ", errors: " << errors << "\n";
  for (const std::string& d : ledger.details()) std::cout << "error: " << d << "\n";
  bool ok = errors == 0 && requests > 0 && settled.size() >= 2 && slope < o.max_slope && samples.size() > static_cast<size_t>(o.seconds / o.sample);
  std::cout << (ok ? "PASSED" : "FAILED") << std::endl;
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace kc::soak

int main(int argc, char** argv) {
  kc::soak::Options o;
  CLI::App app("Soak: mixed reads and writes for a while, the server's RSS sampled, every answer checked");
  app.add_option("--port", o.port, "the server's port")->required();
  app.add_option("--server-pid", o.server_pid, "the server's process id (its RSS is sampled)")->required();
  app.add_option("--user", o.user, "a centre account (trung_tam)")->required();
  app.add_option("--password", o.password, "its password (the second user's too)")->required();
  app.add_option("--second-user", o.second_user, "another account half of the readers use (a department officer)");
  app.add_option("--seconds", o.seconds, "how long");
  app.add_option("--connections", o.connections, "clients at once, each on its own connection");
  app.add_option("--writers", o.writers, "of them, how many write");
  app.add_option("--write-rate", o.write_rate, "writes per second, all writers together");
  app.add_option("--interval", o.interval, "seconds per reported interval (p99 per interval)");
  app.add_option("--sample", o.sample, "seconds between RSS samples");
  app.add_option("--warmup", o.warmup, "seconds left out of the RSS slope");
  app.add_option("--max-slope", o.max_slope, "the RSS slope allowed, MB per minute (below it)");
  app.add_option("--seed", o.seed, "random seed (0: a new one, printed)");
  CLI11_PARSE(app, argc, argv);
  try {
    return kc::soak::run(o);
  } catch (const std::exception& e) {
    std::cout << "FAILED: " << e.what() << std::endl;
    return 1;
  }
}
