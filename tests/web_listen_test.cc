// The server's connections: a burst of new connections is held for the accept thread instead of
// being dropped (listen_socket.h), a second server cannot share the port, and idle kept-alive
// connections let their worker threads go soon enough for a new visitor.
#include <gtest/gtest.h>

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/test_database.h"
#include "web/app.h"

namespace kc::test {
namespace {

web::WebOptions options_for(const TestDatabase& db, int port) {
  web::WebOptions options;
  options.db = db.url();
  options.port = port;
  options.threads = 2;
  return options;
}

// Connects a new socket of `type` to 127.0.0.1:port; the socket, -1 if none or refused (a
// non-blocking socket is returned while its handshake is still under way).
int connect_loopback(int port, int type) {
  int fd = socket(AF_INET, type, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 && errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  return fd;
}

// Starts a non-blocking connection to 127.0.0.1:port; -1 if no socket.
int start_connect(int port) { return connect_loopback(port, SOCK_STREAM | SOCK_NONBLOCK); }

// How many of `fds` have finished their handshake within `wait`.
size_t connected_within(const std::vector<int>& fds, std::chrono::milliseconds wait) {
  auto until = std::chrono::steady_clock::now() + wait;
  std::vector<bool> done(fds.size(), false);
  size_t count = 0;
  while (count < fds.size() && std::chrono::steady_clock::now() < until) {
    for (size_t i = 0; i < fds.size(); ++i) {
      if (done[i]) continue;
      pollfd p{fds[i], POLLOUT, 0};
      if (poll(&p, 1, 0) == 1 && (p.revents & POLLOUT)) {
        int error = 0;
        socklen_t len = sizeof error;
        getsockopt(fds[i], SOL_SOCKET, SO_ERROR, &error, &len);
        if (error == 0) {
          done[i] = true;
          ++count;
        }
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return count;
}

// Before the accept thread runs at all, 200 clients connecting at once all complete their
// handshake at once. With httplib's own queue of 5, six would, and the others would wait for
// TCP to send their first packet again a second later.
TEST(WebListen, HoldsABurstOfNewConnectionsForTheAcceptThread) {
  TestDatabase db;
  web::App app(options_for(db, 0));
  int port = app.bind();
  ASSERT_GT(port, 0);

  std::vector<int> fds;
  for (int i = 0; i < 200; ++i) fds.push_back(start_connect(port));
  EXPECT_EQ(connected_within(fds, std::chrono::milliseconds(700)), fds.size());

  std::thread runner([&] { app.run(); });
  for (int fd : fds) close(fd);
  app.stop();
  runner.join();
}

TEST(WebListen, ASecondServerCannotTakeTheSamePort) {
  TestDatabase db;
  web::App first(options_for(db, 0));
  int port = first.bind();
  ASSERT_GT(port, 0);
  web::App second(options_for(db, port));
  EXPECT_EQ(second.bind(), -1);

  std::thread runner([&] { first.run(); });
  first.stop();
  runner.join();
}

// One request on a new connection, the connection then left open and idle (a browser's).
int idle_kept_alive_connection(int port) {
  int fd = connect_loopback(port, SOCK_STREAM);
  if (fd < 0) return -1;
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  char buffer[4096];
  if (send(fd, request.data(), request.size(), 0) != static_cast<ssize_t>(request.size()) ||
      recv(fd, buffer, sizeof buffer, 0) <= 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Both worker threads held by idle browsers: the next visitor is answered once an idle
// connection lets its thread go (1 s), not after httplib's default of 5 s.
TEST(WebListen, IdleKeptAliveConnectionsLetTheirThreadsGoForANewVisitor) {
  TestDatabase db;
  web::App app(options_for(db, 0));  // two worker threads
  int port = app.bind();
  ASSERT_GT(port, 0);
  std::thread runner([&] { app.run(); });
  ASSERT_TRUE(app.wait_until_running());
  int first = idle_kept_alive_connection(port), second = idle_kept_alive_connection(port);
  ASSERT_GE(first, 0);
  ASSERT_GE(second, 0);

  auto start = std::chrono::steady_clock::now();
  int visitor = idle_kept_alive_connection(port);
  auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(visitor, 0);
  EXPECT_LT(waited, std::chrono::seconds(3));

  for (int fd : {first, second, visitor}) close(fd);
  app.stop();
  runner.join();
}

}  // namespace
}  // namespace kc::test
