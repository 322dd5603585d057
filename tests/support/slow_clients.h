// Slow clients ("slowloris") against a server on 127.0.0.1: connections that send a request one
// byte at a time and never finish it — half of them inside the headers (a header line that
// never ends), half inside a body (headers complete, Content-Length far larger than what ever
// comes). Used by web_slow_clients_test and, against a separate server, by bench/slow_clients.sh.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kc::test {

class SlowClients {
 public:
  // Opens `count` connections to 127.0.0.1:port and starts dripping: each gets one more byte
  // every `drip` (one thread does it for all of them). `keep_up`: a connection the server closes
  // is replaced by a new one at once (an attacker holding `count` open), else left closed.
  SlowClients(int port, size_t count, std::chrono::milliseconds drip = std::chrono::milliseconds(100), bool keep_up = false);
  ~SlowClients();
  SlowClients(const SlowClients&) = delete;
  SlowClients& operator=(const SlowClients&) = delete;

  size_t connected() const { return clients_.size(); }  // how many connections were made at first
  size_t closed_by_server() const;                     // how many the server has closed since (replaced ones too)
  size_t bytes_sent() const { return sent_.load(); }

 private:
  struct Client {
    int fd;
    bool body;           // dripping a body (else a header line)
    bool closed = false; // the server closed it (end of stream, reset, or a failed send)
  };
  void drip_loop(std::chrono::milliseconds drip);
  // A new connection that has sent its request's start; fd -1 if refused.
  Client open(bool body) const;

  int port_;
  bool keep_up_;
  std::vector<int> fds_;  // every connection opened (closed at the end)
  std::vector<Client> clients_;
  size_t closed_ = 0;
  mutable std::mutex mutex_;
  std::atomic<bool> stop_{false};
  std::atomic<size_t> sent_{0};
  std::thread dripper_;
};

// One connection to 127.0.0.1:port through which a request is sent in pieces, at the caller's
// pace; then the answer's status is read.
class SlowSender {
 public:
  explicit SlowSender(int port);
  ~SlowSender();
  SlowSender(const SlowSender&) = delete;
  SlowSender& operator=(const SlowSender&) = delete;
  bool connected() const { return fd_ >= 0; }
  bool send(const std::string& piece);
  // The status of the answer (0: none within `timeout_s`, or the connection closed without one).
  int answer_status(int timeout_s = 15);

 private:
  int fd_;
};

// GET `path` on a new connection to 127.0.0.1:port: the seconds until the whole answer came, and
// its status (0: none within `timeout_s`).
struct TimedAnswer {
  int status = 0;
  double seconds = 0;
};
TimedAnswer timed_get(int port, const std::string& path, int timeout_s = 15);

}  // namespace kc::test
