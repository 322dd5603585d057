// One client connection as cpp-httplib's Stream, reading each request against its deadline
// (request_deadline.h). It replaces httplib's own SocketStream in GuardedServer: the same
// buffered reads and timed writes, plus the deadline, and a buffer kept from one request to the
// next on a kept-alive connection (bytes a client sent ahead are not lost).
#pragma once

#include <httplib.h>

#include <array>
#include <chrono>

#include "web/request_deadline.h"

namespace kc::web {

class DeadlineStream : public httplib::Stream {
 public:
  // `wait`: the most a read or a write waits for the socket to become ready (httplib's read
  // and write timeouts).
  DeadlineStream(socket_t sock, RequestDeadline deadline, std::chrono::milliseconds read_wait,
                 std::chrono::milliseconds write_wait);

  // Waits up to `idle` for the next request's first byte; true when it has come. The request's
  // deadline starts then.
  bool next_request(std::chrono::milliseconds idle);
  // Whether the current request ran past its deadline (the connection is then closed).
  bool expired() const { return expired_; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  // Waits until the socket has `events` (POLLIN/POLLOUT) for at most `wait`; > 0 when it has.
  int wait_for(short events, std::chrono::milliseconds wait) const;
  // Waits for more of the current request, within its deadline; false when none came (the
  // deadline passed: expired(), or httplib's read timeout).
  bool wait_for_more();

  socket_t sock_;
  std::string remote_ip_, local_ip_;
  int remote_port_ = 0, local_port_ = 0;
  RequestDeadline deadline_;
  std::chrono::milliseconds read_wait_, write_wait_;
  std::chrono::steady_clock::time_point start_;
  size_t received_ = 0;  // bytes of the current request read from the socket so far
  bool expired_ = false;
  std::array<char, 4096> buffer_{};
  size_t begin_ = 0, end_ = 0;  // the unread bytes of buffer_
};

}  // namespace kc::web
