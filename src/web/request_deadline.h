// How long a client may take to send a request (docs/deployment.md, "Slow clients"). cpp-httplib's
// read timeout only bounds the wait for each next byte: a client that sends its headers or body
// one byte every few seconds ("slowloris") kept a worker for as long as it liked. Here a request
// must arrive within a deadline that grows with what has arrived: `header_timeout` from its first
// byte, plus one second per `min_rate` bytes received (so a large upload on a slow but honest
// link still gets through, while a trickle is cut off).
#pragma once

#include <chrono>
#include <cstddef>

namespace kc::web {

struct RequestDeadline {
  std::chrono::milliseconds header_timeout{std::chrono::seconds(5)};
  size_t min_rate = 16 * 1024;  // bytes per second, counted after header_timeout

  // When the request whose first byte arrived at `start` must be complete, `received` bytes in.
  std::chrono::steady_clock::time_point due(std::chrono::steady_clock::time_point start, size_t received) const {
    auto extra = std::chrono::milliseconds(min_rate == 0 ? 0 : static_cast<long long>(received) * 1000 / static_cast<long long>(min_rate));
    return start + header_timeout + extra;
  }
};

}  // namespace kc::web
