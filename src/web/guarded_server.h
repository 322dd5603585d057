// cpp-httplib's server with each connection served under a request deadline
// (request_deadline.h, deadline_stream.h) and on threads that grow with the connections
// (connection_threads.h): clients that send slowly, however many, are cut off in time and do not
// hold the threads that answer the others (docs/deployment.md, "Slow clients").
//
// Debian's cpp-httplib 0.11.4 is a compiled library whose per-connection loop reads through its
// own SocketStream with a per-read timeout only; its `process_and_close_socket` is virtual, and is
// replaced here by the same loop over a DeadlineStream (keep-alive count and idle wait as httplib's).
#pragma once

#include <httplib.h>

#include "web/request_deadline.h"

namespace kc::web {

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(RequestDeadline deadline) : deadline_(deadline) {}

 private:
  bool process_and_close_socket(socket_t sock) override;

  RequestDeadline deadline_;
};

}  // namespace kc::web
