// Long work asked for on the web (a plan's dossier: ~35 s at national scale) runs here, on the
// jobs' own threads, so the server's request threads stay free for other users: a POST submits
// the job and answers at once with the job's page, which follows its progress and offers the
// file when it is ready (pages_jobs.cc, docs/web.md "Background jobs").
//
// Limits: at most `workers` jobs run at once (the rest wait in a queue, first come first
// served), at most `max_waiting` jobs wait in all and `max_per_user` unfinished jobs per user;
// a finished job and its file are kept `keep_for`, and while the kept files exceed
// `max_kept_bytes` the oldest finished ones go first. A job belongs to the user who submitted it:
// nobody else sees it (the pages answer 404). Stopping the server cancels running jobs at their
// next progress report and removes every file.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/progress.h"
#include "web/file_download.h"

namespace kc::web {

struct JobLimits {
  size_t workers = 2;
  size_t max_waiting = 20;
  size_t max_per_user = 3;
  std::chrono::seconds keep_for{std::chrono::hours(2)};
  int64_t max_kept_bytes = int64_t{4} << 30;  // 4 GiB
  // A registry list's download (CSV, XLSX) of more rows than this is a job (list_download.h);
  // a smaller one is answered while its request waits.
  int64_t list_download_rows = 10000;
};

// What a finished job produced: the file offered for download and what to say about it.
struct JobOutput {
  std::string download_name;  // Vietnamese, "Hồ sơ kế hoạch bg-2016.zip"
  std::string ascii_name;     // the filename= fallback
  std::string content_type = "application/zip";
  std::string summary;        // "43 đề án, 512 tệp", shown on the page
  std::string audit_note;     // written to the audit trail with each download
};

// The work: writes its file to `output` and reports progress to `progress` (which throws
// JobCancelled when the server stops). Throws to fail, with a Vietnamese message.
using JobWork = std::function<JobOutput(ProgressSink& progress, const std::filesystem::path& output)>;

struct JobCancelled : std::exception {
  const char* what() const noexcept override { return "đã dừng máy chủ"; }
};

// What the job pages show, copied out under the lock.
struct JobView {
  enum class State { waiting, running, done, failed };
  std::string id, owner, title, back_href;
  std::string audit_action, audit_kind, audit_key;  // each download is audited on this record
  State state = State::waiting;
  size_t waiting_ahead = 0;           // jobs before it in the queue (waiting only)
  std::string progress;               // progress_line() of the running stage
  int64_t done = 0, total = 0;
  std::string error;                  // failed: why, in Vietnamese
  JobOutput output;                   // done
  std::shared_ptr<TemporaryFile> file;  // done
};

struct JobRequest {
  std::string owner;               // the user name; nobody else sees the job
  std::vector<std::string> roles;  // the roles that may see it (the owner's role is checked again on each view)
  std::string title;               // "Hồ sơ kế hoạch bg-2016"
  std::string back_href;           // the page it was asked from
  std::string audit_action, audit_kind, audit_key;
  JobWork work;
  // The owner's area and establishment when asked (their scope, which chose what the job
  // reads): once either changes, the job is no longer shown to them.
  std::string unit, establishment;
};

class BackgroundJobs {
 public:
  explicit BackgroundJobs(JobLimits limits = {});
  ~BackgroundJobs();  // cancels running jobs, waits for the threads, removes the files
  BackgroundJobs(const BackgroundJobs&) = delete;
  BackgroundJobs& operator=(const BackgroundJobs&) = delete;

  // The new job's id, or why it was refused (Vietnamese: too many jobs waiting or of this user).
  struct Submitted {
    std::optional<std::string> id;
    std::string refused;
  };
  Submitted submit(JobRequest request);

  // The job as `user` (of `role`, area `unit`, establishment `establishment`) may see it:
  // nullopt when there is none, it is another user's, or the user's role or scope changed.
  std::optional<JobView> view(const std::string& id, const std::string& user, const std::string& role,
                              const std::string& unit = {}, const std::string& establishment = {});

  const JobLimits& limits() const { return limits_; }

  // Tests only: called on the job's thread when it first reports progress (one item done),
  // so a test can hold a job in the middle of its work for as long as it needs.
  void set_test_hook(std::function<void(const std::string& id)> hook);

 private:
  struct Job;
  class Progress;
  void worker();
  void run(const std::shared_ptr<Job>& job);
  void purge_locked();

  JobLimits limits_;
  std::filesystem::path folder_;  // private folder for the jobs' files
  std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::function<void(const std::string&)> test_hook_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// "/viec-nen/<id>": the job's page (pages_jobs.cc).
std::string job_url(const std::string& id);

}  // namespace kc::web
