// What the request log and /metrics need to know of the request a worker thread is answering,
// gathered while it is answered: when its headers were read, its id, the route that took it, the
// caller. One per thread: cpp-httplib answers a request, and then logs it, on one worker thread.
#pragma once

#include <chrono>
#include <string>

namespace kc::web {

struct RequestTrace {
  bool started = false;  // false when httplib answered before routing (a malformed request line)
  std::chrono::steady_clock::time_point start;
  std::string id;
  long route = -1;  // index of the route in the App's table; -1: none matched
  std::string user;
};

// This thread's request.
RequestTrace& current_trace();

}  // namespace kc::web
