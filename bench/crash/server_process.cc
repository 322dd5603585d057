#include "crash/server_process.h"

#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

#include "support/pg_cluster.h"

namespace kc::crash {

ServerProcess::ServerProcess(std::string binary, std::string db, std::vector<std::string> serve_args,
                             std::filesystem::path log)
    : binary_(std::move(binary)), db_(std::move(db)), serve_args_(std::move(serve_args)), log_(std::move(log)),
      port_(test::free_port()) {}

ServerProcess::~ServerProcess() {
  if (running()) kill_now();
}

void ServerProcess::start() {
  if (running()) throw std::logic_error("the server is already running");
  std::vector<std::string> argv = {binary_, "--db", db_, "serve", "--port", std::to_string(port_)};
  argv.insert(argv.end(), serve_args_.begin(), serve_args_.end());
  std::vector<char*> args;
  for (std::string& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  int out = open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (out < 0) throw std::runtime_error("cannot open " + log_.string());
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out);
  pid_ = pid;
}

int ServerProcess::status_of(const std::string& path) const {
  httplib::Client c("127.0.0.1", port_);
  c.set_connection_timeout(1, 0);
  c.set_read_timeout(5, 0);
  auto r = c.Get(path);
  return r ? r->status : 0;
}

bool ServerProcess::wait_ready(std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    int status = 0;
    if (pid_ <= 0) return false;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {  // it exited (reaped now)
      pid_ = -1;
      return false;
    }
    if (status_of("/healthz") == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

bool ServerProcess::start_ready(std::chrono::milliseconds timeout) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    start();
    if (wait_ready(timeout)) return true;
    if (running()) return false;  // still starting after `timeout`
    port_ = test::free_port();
  }
  return false;
}

void ServerProcess::reap() {
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

void ServerProcess::kill_now() {
  if (!running()) return;
  kill(pid_, SIGKILL);
  reap();
}

void ServerProcess::terminate() {
  if (!running()) return;
  kill(pid_, SIGTERM);
  reap();
}

}  // namespace kc::crash
