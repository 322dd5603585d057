#include "web/request_log.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <ctime>

#include "core/random.h"

namespace kc::web {

namespace {

// 2026-12-03T13:40:00.123Z
void append_time(std::string& out, std::chrono::system_clock::time_point time) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[32];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms % 1000));
  out += buf;
}

// A JSON string: quotes, backslashes and control characters escaped; UTF-8 passes as it is.
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

// to_chars, not printf: a decimal point whatever the process's locale (JSON wants one).
void append_millis(std::string& out, std::chrono::nanoseconds duration) {
  char buf[32];
  auto end = std::to_chars(buf, buf + sizeof buf, static_cast<double>(duration.count()) / 1e6, std::chars_format::fixed, 3).ptr;
  out.append(buf, end);
}

}  // namespace

std::optional<LogFormat> parse_log_format(const std::string& name) {
  if (name == "json") return LogFormat::json;
  if (name == "text") return LogFormat::text;
  return std::nullopt;
}

std::string request_id() { return random_hex(8); }

RequestLog::RequestLog(LogFormat format, int fd, bool requests) : format_(format), fd_(fd), requests_(requests) {}

std::string RequestLog::format_request(const RequestLine& l) const {
  std::string out;
  out.reserve(160);
  if (format_ == LogFormat::json) {
    out += "{\"time\":\"";
    append_time(out, l.time);
    out += "\",\"request_id\":";
    append_json_string(out, l.id);
    out += ",\"route\":";
    append_json_string(out, l.route);
    out += ",\"method\":";
    append_json_string(out, l.method);
    out += ",\"status\":" + std::to_string(l.status) + ",\"duration_ms\":";
    append_millis(out, l.duration);
    if (!l.user.empty()) {
      out += ",\"user\":";
      append_json_string(out, l.user);
    }
    out += "}\n";
  } else {
    append_time(out, l.time);
    out += ' ';
    out += l.id;
    out += ' ';
    out += l.method;
    out += ' ';
    out += l.route;
    out += ' ' + std::to_string(l.status) + ' ';
    append_millis(out, l.duration);
    out += "ms";
    if (!l.user.empty()) {
      out += " user=";
      out += l.user;
    }
    out += '\n';
  }
  return out;
}

std::string RequestLog::format_message(std::string_view text) const {
  std::string out;
  if (format_ == LogFormat::json) {
    out += "{\"time\":\"";
    append_time(out, std::chrono::system_clock::now());
    out += "\",\"message\":";
    append_json_string(out, text);
    out += "}\n";
  } else {
    out += text;
    out += '\n';
  }
  return out;
}

void RequestLog::request(const RequestLine& line) const {
  if (requests_) write_line(format_request(line));
}

void RequestLog::message(std::string_view text) const { write_line(format_message(text)); }

// One write for the whole line (the rest only if the descriptor took part of it, e.g. a full pipe).
void RequestLog::write_line(const std::string& line) const {
  size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // a closed or broken log must not stop the server
    done += static_cast<size_t>(n);
  }
}

}  // namespace kc::web
