// The khuyencong server as a separate process, started with `khuyencong serve` and ended the
// way a crash ends it: SIGKILL, nothing flushed, no destructor run.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace kc::crash {

class ServerProcess {
 public:
  // `serve_args` come after `serve` (the port is added); the server's output is appended to `log`.
  ServerProcess(std::string binary, std::string db, std::vector<std::string> serve_args, std::filesystem::path log);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  void start();  // returns at once; the server may still be opening its database
  // Waits until GET /healthz answers 200; false after `timeout` or when the process exited.
  bool wait_ready(std::chrono::milliseconds timeout);
  // start() and wait_ready(); a server that exits before it is ready (its port taken meanwhile by
  // another program's connection, between a kill and this start) is started again on a new port,
  // twice at most. port() tells where it is.
  bool start_ready(std::chrono::milliseconds timeout);
  void kill_now();   // SIGKILL, then reaps the process
  void terminate();  // SIGTERM (a clean stop), then reaps the process
  bool running() const { return pid_ > 0; }
  int port() const { return port_; }
  // GET `path` once (5 s at most); the HTTP status, or 0 when nothing answered.
  int status_of(const std::string& path) const;

 private:
  void reap();
  std::string binary_, db_;
  std::vector<std::string> serve_args_;
  std::filesystem::path log_;
  int port_;
  pid_t pid_ = -1;
};

}  // namespace kc::crash
