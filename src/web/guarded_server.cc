// See guarded_server.h.
#include "web/guarded_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include "web/deadline_stream.h"

namespace kc::web {

namespace {

std::chrono::milliseconds duration_of(time_t sec, time_t usec) {
  return std::chrono::milliseconds(sec * 1000 + usec / 1000);
}

}  // namespace

bool GuardedServer::process_and_close_socket(socket_t sock) {
  DeadlineStream stream(sock, deadline_, duration_of(read_timeout_sec_, read_timeout_usec_),
                        duration_of(write_timeout_sec_, write_timeout_usec_));
  auto idle = std::chrono::seconds(keep_alive_timeout_sec_);
  bool ok = false;
  for (size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET && stream.next_request(idle); --left) {
    bool closed = false;
    ok = process_request(stream, left == 1, closed, nullptr);
    // A request past its deadline may have been answered 400 (httplib's answer to unreadable
    // headers or body); the connection goes anyway, whatever the client sends next.
    if (!ok || closed || stream.expired()) break;
  }
  shutdown(sock, SHUT_RDWR);
  close(sock);
  return ok;
}

}  // namespace kc::web
