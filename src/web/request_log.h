// The server's log on standard output (the journal under systemd): one line per answered request
// and the server's own messages (started, stopped). Each line is one write(2) of the whole line,
// so nothing sits in a buffer when stdout is a pipe or a file, lines of concurrent requests never
// interleave (a line is far below PIPE_BUF), and no lock is taken.
//
// A request line carries what an operator needs to follow a request and nothing a person typed:
// the time (UTC, milliseconds), a request id, the route's name from the route table (never the
// path with its record ids, nor the query string), the method, the status, the duration and the
// signed-in user's name. Never a password, token, cookie, CSRF token or document content.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kc::web {

enum class LogFormat { json, text };

// "json" or "text"; nullopt for anything else.
std::optional<LogFormat> parse_log_format(const std::string& name);

struct RequestLine {
  std::chrono::system_clock::time_point time;  // when the answer was written
  std::string_view id;                         // the request id (request_id())
  std::string_view route;                      // the route's name, "unmatched" when none matched
  std::string_view method;
  int status = 0;
  std::chrono::nanoseconds duration{0};
  std::string_view user;  // empty for a visitor
};

// A fresh request id: 16 hex digits, unpredictable (it may be shown to a user who reports a problem).
std::string request_id();

class RequestLog {
 public:
  // Lines go to file descriptor `fd` (standard output by default); `requests` false leaves out
  // the request lines (serve --quiet-requests) but keeps the server's messages.
  RequestLog(LogFormat format, int fd, bool requests);

  void request(const RequestLine& line) const;
  // A message of the server for the operator ("Máy chủ … đang chạy tại …"): the text itself in
  // the text format, {"time", "message"} in JSON.
  void message(std::string_view text) const;

  // The lines as written (without writing them): for tests.
  std::string format_request(const RequestLine& line) const;
  std::string format_message(std::string_view text) const;

 private:
  void write_line(const std::string& line) const;
  LogFormat format_;
  int fd_;
  bool requests_;
};

}  // namespace kc::web
