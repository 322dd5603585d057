// Web tests of background jobs (web/background_jobs.h): a gate that holds every job at its
// first progress report (BackgroundJobs::set_test_hook) until the test opens it, so "while the
// job runs" is certain without timing guesses; the job page's path from a 303; and the checks
// every job shares: other pages answer meanwhile, and the job is nobody else's.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

#include "support/web_fixture.h"

namespace kc::test {

using JobClock = std::chrono::steady_clock;

inline double seconds_since(JobClock::time_point start) {
  return std::chrono::duration<double>(JobClock::now() - start).count();
}

// Holds every job at its first progress report until opened.
struct JobGate {
  std::mutex mutex;
  std::promise<std::string> reached;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  bool reported = false, opened = false;
  void open() {
    std::lock_guard lock(mutex);
    if (!opened) release.set_value();
    opened = true;
  }
  void hold(const std::string& id) {
    {
      std::lock_guard lock(mutex);
      if (!reported) reached.set_value(id);
      reported = true;
    }
    released.wait();
  }
};
// Opens the gate when the test ends, even after a failed assertion: no job is left waiting.
struct OpenAtExit {
  std::shared_ptr<JobGate> gate;
  ~OpenAtExit() { gate->open(); }
};

// "/viec-nen/<id>" from the 303 that answers a job's start; "" otherwise.
inline std::string job_path_of(const httplib::Result& r) {
  if (!r || r->status != 303) return {};
  std::string location = r->get_header_value("Location");
  return std::regex_match(location, std::regex("/viec-nen/[0-9a-f]{32}")) ? location : "";
}

// While a job holds its thread: each path answers 200 within 2 s for each browser.
inline void expect_pages_answer_meanwhile(const std::vector<Browser*>& browsers, const std::vector<std::string>& paths,
                                          const std::string& meanwhile) {
  for (const std::string& path : paths) {
    for (Browser* b : browsers) {
      auto t = JobClock::now();
      auto r = b->get(path);
      ASSERT_TRUE(r) << path;
      EXPECT_EQ(r->status, 200) << path;
      EXPECT_LT(seconds_since(t), 2.0) << path << " while " << meanwhile;
    }
  }
}

// The job's page, progress and file are 404 to `other` (another user, even staff), and a
// visitor is sent to sign in.
inline void expect_job_hidden_from(Browser& other, const WebFixture& server, const std::string& job) {
  for (std::string suffix : {"", "/trang-thai", "/tai-ve"}) {
    EXPECT_EQ(other.get(job + suffix)->status, 404) << "another user: " << suffix;
    Browser visitor(server);
    EXPECT_EQ(visitor.get(job + suffix)->status, 303) << "a visitor: " << suffix;
  }
}

}  // namespace kc::test
