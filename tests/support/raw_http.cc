#include "support/raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace kc::test {

std::string RawAnswer::header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (strcasecmp(k.c_str(), name.c_str()) == 0) return v;
  return {};
}

bool RawAnswer::has_header(const std::string& name) const {
  for (const auto& h : headers)
    if (strcasecmp(h.first.c_str(), name.c_str()) == 0) return true;
  return false;
}

namespace {

RawAnswer parse_answer(const std::string& text);

// True once `text` holds a whole answer: its head and, when it says its length, the body.
bool complete(const std::string& text) {
  size_t head_end = text.find("\r\n\r\n");
  if (head_end == std::string::npos) return false;
  RawAnswer head = parse_answer(text.substr(0, head_end + 4));
  if (!head.has_header("Content-Length")) return false;  // to the end of the connection
  return text.size() - head_end - 4 >= std::stoul(head.header("Content-Length"));
}

RawAnswer parse_answer(const std::string& text) {
  RawAnswer a;
  size_t head_end = text.find("\r\n\r\n");
  if (text.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) return a;
  a.status = std::atoi(text.c_str() + 9);
  size_t pos = text.find("\r\n") + 2;
  while (pos < head_end) {
    size_t end = text.find("\r\n", pos);
    std::string line = text.substr(pos, end - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      size_t value = line.find_first_not_of(' ', colon + 1);
      a.headers.emplace_back(line.substr(0, colon), value == std::string::npos ? "" : line.substr(value));
    }
    pos = end + 2;
  }
  a.body = text.substr(head_end + 4);
  return a;
}

}  // namespace

int connect_loopback(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

RawAnswer raw_exchange(int port, const std::string& request, int timeout_s) {
  int fd = connect_loopback(port);
  if (fd < 0) return {};
  timeval timeout{timeout_s, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string answer;
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    char buffer[8192];
    ssize_t n = 0;
    while (!complete(answer) && (n = recv(fd, buffer, sizeof buffer, 0)) > 0) answer.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return parse_answer(answer);
}

}  // namespace kc::test
