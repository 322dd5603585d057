#include "web/background_jobs.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>

#include "core/random.h"

namespace kc::web {

namespace {

constexpr int kJobNiceness = 10;

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

struct BackgroundJobs::Job {
  std::string id;
  JobRequest request;
  JobView::State state = JobView::State::waiting;
  double finished_at = 0;  // steady seconds
  // The running stage (core/progress.h).
  std::string label = "Đang chuẩn bị", unit;
  int64_t total = 0, done = 0;
  double stage_started = steady_seconds();
  bool hook_called = false;
  std::string error;
  JobOutput output;
  std::shared_ptr<TemporaryFile> file;
  int64_t bytes = 0;
};

// The job's progress, kept for its page; also where a stopping server cancels the work.
class BackgroundJobs::Progress : public ProgressSink {
 public:
  Progress(BackgroundJobs& jobs, Job& job) : jobs_(jobs), job_(job) {}

  void stage(std::string_view label, std::string_view unit, int64_t total) override {
    std::lock_guard lock(jobs_.mutex_);
    check_locked();
    job_.label = label;
    job_.unit = unit;
    job_.total = total;
    job_.done = 0;
    job_.stage_started = steady_seconds();
  }

  void set_done(int64_t done) override {
    std::function<void(const std::string&)> hook;
    {
      std::lock_guard lock(jobs_.mutex_);
      check_locked();
      job_.done = done;
      if (done > 0 && !job_.hook_called && jobs_.test_hook_) {
        job_.hook_called = true;
        hook = jobs_.test_hook_;
      }
    }
    if (hook) hook(job_.id);
  }

  void finish() override {
    std::lock_guard lock(jobs_.mutex_);
    check_locked();
    job_.done = job_.total > 0 ? job_.total : job_.done;
  }

 private:
  void check_locked() const {
    if (jobs_.stopping_) throw JobCancelled();
  }
  BackgroundJobs& jobs_;
  Job& job_;
};

BackgroundJobs::BackgroundJobs(JobLimits limits) : limits_(limits) {
  folder_ = std::filesystem::temp_directory_path() / ("khuyencong-viec-nen-" + random_hex(8));
  std::filesystem::create_directories(folder_);
  std::filesystem::permissions(folder_, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
  for (size_t i = 0; i < std::max<size_t>(1, limits_.workers); ++i) threads_.emplace_back([this] { worker(); });
}

BackgroundJobs::~BackgroundJobs() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
  jobs_.clear();  // the files go with their last holder
  queue_.clear();
  std::error_code ec;
  std::filesystem::remove_all(folder_, ec);
}

BackgroundJobs::Submitted BackgroundJobs::submit(JobRequest request) {
  std::lock_guard lock(mutex_);
  purge_locked();
  size_t unfinished = 0;
  for (const auto& [id, job] : jobs_)
    if (job->request.owner == request.owner && (job->state == JobView::State::waiting || job->state == JobView::State::running))
      ++unfinished;
  if (unfinished >= limits_.max_per_user)
    return {std::nullopt, "Bạn đang có " + std::to_string(unfinished) +
                              " việc chưa xong; hãy chờ một việc xong rồi thử lại."};
  if (queue_.size() >= limits_.max_waiting)
    return {std::nullopt, "Máy chủ đang có " + std::to_string(queue_.size()) + " việc chờ; hãy thử lại sau ít phút."};
  auto job = std::make_shared<Job>();
  job->id = random_hex(16);
  job->request = std::move(request);
  jobs_[job->id] = job;
  queue_.push_back(job);
  wake_.notify_one();
  return {job->id, {}};
}

std::optional<JobView> BackgroundJobs::view(const std::string& id, const std::string& user, const std::string& role,
                                            const std::string& unit, const std::string& establishment) {
  std::lock_guard lock(mutex_);
  purge_locked();
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second->request.owner != user) return std::nullopt;
  const Job& job = *it->second;
  if (job.request.unit != unit || job.request.establishment != establishment) return std::nullopt;
  const std::vector<std::string>& roles = job.request.roles;
  if (std::find(roles.begin(), roles.end(), role) == roles.end()) return std::nullopt;
  JobView v;
  v.id = job.id;
  v.owner = job.request.owner;
  v.title = job.request.title;
  v.back_href = job.request.back_href;
  v.audit_action = job.request.audit_action;
  v.audit_kind = job.request.audit_kind;
  v.audit_key = job.request.audit_key;
  v.state = job.state;
  if (job.state == JobView::State::waiting)
    v.waiting_ahead = static_cast<size_t>(
        std::find(queue_.begin(), queue_.end(), it->second) - queue_.begin());
  if (job.state == JobView::State::running) {
    v.progress = progress_line(job.label, job.unit, job.done, job.total, steady_seconds() - job.stage_started);
    v.done = job.done;
    v.total = job.total;
  }
  v.error = job.error;
  v.output = job.output;
  v.file = job.file;
  return v;
}

void BackgroundJobs::set_test_hook(std::function<void(const std::string&)> hook) {
  std::lock_guard lock(mutex_);
  test_hook_ = std::move(hook);
}

void BackgroundJobs::worker() {
  // Below the request threads: on a busy machine a page waits for no job (Linux gives each
  // thread its own nice value). Failing to lower it changes nothing but that.
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kJobNiceness);
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = queue_.front();
      queue_.pop_front();
      job->state = JobView::State::running;
      job->stage_started = steady_seconds();
    }
    run(job);
  }
}

void BackgroundJobs::run(const std::shared_ptr<Job>& job) {
  auto file = std::make_shared<TemporaryFile>();
  file->path = folder_ / (job->id + ".tep");
  Progress progress(*this, *job);
  JobOutput output;
  std::string error;
  try {
    output = job->request.work(progress, file->path);
  } catch (const JobCancelled&) {
    error = "Máy chủ đã dừng trước khi việc xong; hãy làm lại.";
  } catch (const std::exception& e) {
    error = std::string("Không làm xong được: ") + e.what() + ".";
  }
  std::error_code ec;
  int64_t bytes = error.empty() ? static_cast<int64_t>(std::filesystem::file_size(file->path, ec)) : 0;
  if (error.empty() && ec) error = "Không làm xong được: không thấy tệp kết quả.";
  std::lock_guard lock(mutex_);
  job->finished_at = steady_seconds();
  if (error.empty()) {
    job->state = JobView::State::done;
    job->output = std::move(output);
    job->file = std::move(file);
    job->bytes = bytes;
  } else {
    job->state = JobView::State::failed;
    job->error = std::move(error);
  }
}

std::string job_url(const std::string& id) { return "/viec-nen/" + id; }

void BackgroundJobs::purge_locked() {
  double now = steady_seconds();
  auto finished = [](const Job& j) { return j.state == JobView::State::done || j.state == JobView::State::failed; };
  int64_t kept = 0;
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    if (finished(*it->second) && now - it->second->finished_at > static_cast<double>(limits_.keep_for.count())) {
      it = jobs_.erase(it);
    } else {
      kept += it->second->bytes;
      ++it;
    }
  }
  while (kept > limits_.max_kept_bytes) {
    auto oldest = jobs_.end();
    for (auto it = jobs_.begin(); it != jobs_.end(); ++it)
      if (it->second->bytes > 0 && (oldest == jobs_.end() || it->second->finished_at < oldest->second->finished_at))
        oldest = it;
    if (oldest == jobs_.end()) break;
    kept -= oldest->second->bytes;
    jobs_.erase(oldest);
  }
}

}  // namespace kc::web
