// slow_clients: slow connections against a running server, and how a normal visitor fares
// meanwhile (bench/slow_clients.sh, docs/performance.md "Slow clients").
//
//   slow_clients --port P [--slow 200] [--seconds 20] [--path /dang-nhap]
//
// Holds --slow connections open that drip their headers or body a byte every 100 ms
// (tests/support/slow_clients.h; each one the server closes is replaced at once), then asks for --path on a new connection every 200 ms for
// --seconds, and prints the answers' latency (p50, p99, max), how many took over 1 s or got no
// answer, and how many slow connections the server had closed after 5, 10, … seconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "support/slow_clients.h"

int main(int argc, char** argv) {
  int port = 0;
  size_t slow = 200;
  int seconds = 20;
  std::string path = "/dang-nhap";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--port") port = std::atoi(argv[i + 1]);
    else if (flag == "--slow") slow = static_cast<size_t>(std::atol(argv[i + 1]));
    else if (flag == "--seconds") seconds = std::atoi(argv[i + 1]);
    else if (flag == "--path") path = argv[i + 1];
  }
  if (port <= 0) {
    std::fprintf(stderr, "usage: slow_clients --port P [--slow 200] [--seconds 20] [--path /dang-nhap]\n");
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  kc::test::SlowClients clients(port, slow, std::chrono::milliseconds(100), true);
  std::printf("slow connections: %zu opened\n", clients.connected());
  std::vector<double> latencies;
  size_t unanswered = 0, over_1s = 0;
  int next_report = 5;
  while (Clock::now() - start < std::chrono::seconds(seconds)) {
    auto next = Clock::now() + std::chrono::milliseconds(200);
    kc::test::TimedAnswer a = kc::test::timed_get(port, path, 15);
    if (a.status == 0) ++unanswered;
    else latencies.push_back(a.seconds * 1000);
    if (a.status == 0 || a.seconds > 1.0) ++over_1s;
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (elapsed >= next_report) {
      std::printf("  %3d s: %zu slow connections closed by the server (and replaced)\n", next_report, clients.closed_by_server());
      next_report += 5;
    }
    std::this_thread::sleep_until(next);
  }
  std::sort(latencies.begin(), latencies.end());
  auto pct = [&](double p) { return latencies.empty() ? 0.0 : latencies[std::min(latencies.size() - 1, static_cast<size_t>(p * latencies.size()))]; };
  std::printf("normal requests: %zu answered, %zu unanswered; over 1 s: %zu; p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
              latencies.size(), unanswered, over_1s, pct(0.5), pct(0.99), latencies.empty() ? 0.0 : latencies.back());
  std::printf("slow connections closed by the server: %zu (%zu held open throughout)\n", clients.closed_by_server(), clients.connected());
  return 0;
}
