// See deadline_stream.h.
#include "web/deadline_stream.h"

#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

namespace kc::web {

namespace {

using Clock = std::chrono::steady_clock;

void numeric_address(const sockaddr_storage& addr, socklen_t len, std::string& ip, int& port) {
  char host[NI_MAXHOST] = "";
  char service[NI_MAXSERV] = "";
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof host, service, sizeof service,
                  NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return;
  ip = host;
  port = std::atoi(service);
}

}  // namespace

DeadlineStream::DeadlineStream(socket_t sock, RequestDeadline deadline, std::chrono::milliseconds read_wait,
                               std::chrono::milliseconds write_wait)
    : sock_(sock), deadline_(deadline), read_wait_(read_wait), write_wait_(write_wait) {
  // Once per connection (httplib asks for both at every request).
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) numeric_address(addr, len, remote_ip_, remote_port_);
  len = sizeof addr;
  if (getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) numeric_address(addr, len, local_ip_, local_port_);
}

int DeadlineStream::wait_for(short events, std::chrono::milliseconds wait) const {
  pollfd p{sock_, events, 0};
  int r;
  do {
    r = poll(&p, 1, static_cast<int>(std::max<long long>(0, wait.count())));
  } while (r < 0 && errno == EINTR);
  if (r > 0 && (p.revents & (POLLERR | POLLNVAL))) return -1;
  return r;
}

bool DeadlineStream::next_request(std::chrono::milliseconds idle) {
  if (begin_ == end_ && wait_for(POLLIN, idle) <= 0) return false;
  start_ = Clock::now();
  received_ = end_ - begin_;
  expired_ = false;
  return true;
}

bool DeadlineStream::is_readable() const { return begin_ < end_ || wait_for(POLLIN, read_wait_) > 0; }

bool DeadlineStream::is_writable() const { return wait_for(POLLOUT, write_wait_) > 0; }

bool DeadlineStream::wait_for_more() {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_.due(start_, received_) - Clock::now());
  int ready = left.count() > 0 ? wait_for(POLLIN, std::min(left, read_wait_)) : 0;
  if (ready == 0 && left <= read_wait_) expired_ = true;
  return ready > 0;
}

// Reads and writes try the socket first and wait only when it is not ready: one system call per
// read or write instead of a poll before each (httplib's way), as most are ready at once.
ssize_t DeadlineStream::read(char* ptr, size_t size) {
  if (begin_ == end_) {
    ssize_t n;
    while ((n = recv(sock_, buffer_.data(), buffer_.size(), MSG_DONTWAIT)) < 0) {
      if (errno == EINTR) continue;
      if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait_for_more()) return -1;
    }
    if (n == 0) return 0;
    begin_ = 0;
    end_ = static_cast<size_t>(n);
    received_ += end_;
  }
  size_t n = std::min(size, end_ - begin_);
  std::memcpy(ptr, buffer_.data() + begin_, n);
  begin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
  for (;;) {
    ssize_t n = send(sock_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if ((errno != EAGAIN && errno != EWOULDBLOCK) || !is_writable()) return -1;
  }
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = remote_ip_;
  port = remote_port_;
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = local_ip_;
  port = local_port_;
}

}  // namespace kc::web
