// See slow_clients.h.
#include "support/slow_clients.h"

#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

#include "support/raw_http.h"

namespace kc::test {

namespace {

// What each connection sends at once before dripping.
const std::string kHeaderStart = "GET /dang-nhap HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Cham: ";
const std::string kBodyStart =
    "POST /api/dang-nhap HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    "Content-Length: 1000000\r\n\r\n{\"x\":\"";

// Whether the server has closed `fd` (what it sent, a 400 say, is read and dropped).
bool server_closed(int fd) {
  char buffer[4096];
  for (;;) {
    ssize_t n = recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) continue;
    if (n == 0) return true;
    return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
  }
}

}  // namespace

SlowClients::Client SlowClients::open(bool body) const {
  int fd = connect_loopback(port_);
  const std::string& start = body ? kBodyStart : kHeaderStart;
  if (fd >= 0 && send(fd, start.data(), start.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(start.size())) {
    close(fd);
    fd = -1;
  }
  return {fd, body};
}

SlowClients::SlowClients(int port, size_t count, std::chrono::milliseconds drip, bool keep_up) : port_(port), keep_up_(keep_up) {
  for (size_t i = 0; i < count; ++i) {
    Client c = open(i % 2 == 1);
    if (c.fd < 0) break;
    fds_.push_back(c.fd);
    clients_.push_back(c);
  }
  dripper_ = std::thread([this, drip] { drip_loop(drip); });
}

SlowClients::~SlowClients() {
  stop_ = true;
  dripper_.join();
  for (int fd : fds_) close(fd);
}

void SlowClients::drip_loop(std::chrono::milliseconds drip) {
  while (!stop_) {
    auto next = std::chrono::steady_clock::now() + drip;
    {
      std::lock_guard lock(mutex_);
      for (Client& c : clients_) {
        if (c.closed) continue;
        if (server_closed(c.fd) || (send(c.fd, "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0 && errno != EAGAIN)) {
          c.closed = true;
          ++closed_;
          if (Client next = keep_up_ ? open(c.body) : Client{-1, c.body}; next.fd >= 0) {
            fds_.push_back(next.fd);
            c = next;
          }
          continue;
        }
        ++sent_;
      }
    }
    std::this_thread::sleep_until(next);
  }
}

size_t SlowClients::closed_by_server() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

SlowSender::SlowSender(int port) : fd_(connect_loopback(port)) {}

SlowSender::~SlowSender() {
  if (fd_ >= 0) close(fd_);
}

bool SlowSender::send(const std::string& piece) {
  return fd_ >= 0 && ::send(fd_, piece.data(), piece.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(piece.size());
}

int SlowSender::answer_status(int timeout_s) {
  if (fd_ < 0) return 0;
  timeval timeout{timeout_s, 0};
  setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string head;
  char buffer[4096];
  ssize_t n;
  while (head.find("\r\n") == std::string::npos && (n = recv(fd_, buffer, sizeof buffer, 0)) > 0) head.append(buffer, static_cast<size_t>(n));
  // "HTTP/1.1 403 Forbidden"
  return head.size() > 12 && head.compare(0, 5, "HTTP/") == 0 ? std::atoi(head.c_str() + head.find(' ') + 1) : 0;
}

TimedAnswer timed_get(int port, const std::string& path, int timeout_s) {
  auto start = std::chrono::steady_clock::now();
  RawAnswer a = raw_exchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", timeout_s);
  return {a.status, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
}

}  // namespace kc::test
