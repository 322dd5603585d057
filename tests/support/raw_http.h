// One HTTP/1.1 exchange over a plain socket, byte for byte: for requests cpp-httplib's client
// cannot send as they are (raw bytes or NULs in a header, a POST with no Content-Length the way
// curl sends `-X POST` without data) and answers it would alter (it percent-decodes headers).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kc::test {

struct RawAnswer {
  int status = 0;  // 0: no answer (connection refused, closed, or timed out)
  std::vector<std::pair<std::string, std::string>> headers;  // as sent, in order
  std::string body;
  std::string header(const std::string& name) const;  // first value, names compared ignoring case
  bool has_header(const std::string& name) const;
};

// A blocking TCP connection to 127.0.0.1:port; -1 if refused.
int connect_loopback(int port);

// Sends `request` (the whole message: request line, headers, blank line, body) to 127.0.0.1:port
// and reads one answer: up to its Content-Length, or until the server closes the connection, or
// until `timeout_s` passes without a byte.
RawAnswer raw_exchange(int port, const std::string& request, int timeout_s = 15);

}  // namespace kc::test
