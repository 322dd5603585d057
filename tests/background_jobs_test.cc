// The background job queue of the web (web/background_jobs.h) on its own: jobs run on the
// queue's threads, at most `workers` at once with the rest waiting in order; a job is seen only
// by its owner in a role it was started for; too many jobs are refused in Vietnamese; results
// are kept a limited time and size; a failure says why; stopping cancels running work.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include "web/background_jobs.h"

namespace kc::web {
namespace {

using namespace std::chrono_literals;

// Writes `text` as the job's file after `gate` opens (reporting one item done first).
JobWork writes(std::string text, std::shared_future<void> gate = {}) {
  return [text, gate](ProgressSink& progress, const std::filesystem::path& output) {
    progress.stage("Đang làm", "mục", 2);
    progress.set_done(1);
    if (gate.valid()) gate.wait();
    std::ofstream(output) << text;
    progress.set_done(2);
    progress.finish();
    return JobOutput{"Kết quả.txt", "ket-qua.txt", "text/plain", "2 mục", "tải kết quả"};
  };
}

JobRequest request(const std::string& owner, JobWork work) {
  return {owner, {"trung_tam"}, "Việc thử", "/", "", "", "", std::move(work), "", ""};
}

// Waits until the job leaves the queue and the running state.
JobView finished(BackgroundJobs& jobs, const std::string& id, const std::string& owner) {
  for (auto start = std::chrono::steady_clock::now(); std::chrono::steady_clock::now() - start < 30s;) {
    std::optional<JobView> v = jobs.view(id, owner, "trung_tam");
    if (v && (v->state == JobView::State::done || v->state == JobView::State::failed)) return *v;
    std::this_thread::sleep_for(1ms);
  }
  ADD_FAILURE() << "job " << id << " did not finish";
  return {};
}

TEST(BackgroundJobs, RunsQueuedWorkAndKeepsTheFileForItsOwner) {
  BackgroundJobs jobs({.workers = 1});
  std::promise<void> open;
  auto first = jobs.submit(request("lan", writes("một", open.get_future().share())));
  auto second = jobs.submit(request("lan", writes("hai")));
  ASSERT_TRUE(first.id && second.id);
  // One worker: the second waits behind the first, which is running.
  for (auto t = std::chrono::steady_clock::now(); jobs.view(*first.id, "lan", "trung_tam")->state != JobView::State::running;)
    ASSERT_LT(std::chrono::steady_clock::now() - t, 10s);
  std::optional<JobView> waiting = jobs.view(*second.id, "lan", "trung_tam");
  EXPECT_EQ(waiting->state, JobView::State::waiting);
  EXPECT_EQ(waiting->waiting_ahead, 0u);
  open.set_value();
  JobView done = finished(jobs, *second.id, "lan");
  ASSERT_EQ(done.state, JobView::State::done);
  ASSERT_TRUE(done.file);
  std::ifstream in(done.file->path);
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "hai");
  EXPECT_EQ(done.output.summary, "2 mục");
  // Nobody else sees it, nor its owner in a role it was not started for.
  EXPECT_FALSE(jobs.view(*second.id, "minh", "trung_tam"));
  EXPECT_FALSE(jobs.view(*second.id, "lan", "dia_phuong"));
  EXPECT_FALSE(jobs.view("khong-co", "lan", "trung_tam"));
}

TEST(BackgroundJobs, ItsOwnerSeesItOnlyWithTheScopeItWasAskedWith) {
  BackgroundJobs jobs({.workers = 1});
  JobRequest r = request("lan", writes("một"));
  r.roles = {"dia_phuong"};
  r.unit = "bg-luc-ngan";
  auto job = jobs.submit(std::move(r));
  ASSERT_TRUE(job.id);
  EXPECT_TRUE(jobs.view(*job.id, "lan", "dia_phuong", "bg-luc-ngan"));
  EXPECT_FALSE(jobs.view(*job.id, "lan", "dia_phuong", "bg-hiep-hoa")) << "another area";
  EXPECT_FALSE(jobs.view(*job.id, "lan", "dia_phuong", "bg-luc-ngan", "cs-0046")) << "another establishment";
  EXPECT_FALSE(jobs.view(*job.id, "lan", "dia_phuong")) << "no area";
}

TEST(BackgroundJobs, ProgressLineWhileRunning) {
  BackgroundJobs jobs({.workers = 1});
  std::promise<void> open;
  auto job = jobs.submit(request("lan", writes("x", open.get_future().share())));
  std::optional<JobView> v;
  for (auto t = std::chrono::steady_clock::now(); !(v = jobs.view(*job.id, "lan", "trung_tam")) || v->done != 1;)
    ASSERT_LT(std::chrono::steady_clock::now() - t, 10s);
  EXPECT_EQ(v->progress.rfind("Đang làm: 1/2 mục (", 0), 0u) << v->progress;
  EXPECT_EQ(v->total, 2);
  open.set_value();
  finished(jobs, *job.id, "lan");
}

TEST(BackgroundJobs, RefusesTooManyJobsInVietnamese) {
  BackgroundJobs jobs({.workers = 1, .max_waiting = 2, .max_per_user = 2});
  std::promise<void> open;
  std::shared_future<void> gate = open.get_future().share();
  auto running = jobs.submit(request("lan", writes("1", gate)));
  ASSERT_TRUE(running.id);
  ASSERT_TRUE(jobs.submit(request("lan", writes("2", gate))).id);
  auto third = jobs.submit(request("lan", writes("3", gate)));
  EXPECT_FALSE(third.id);
  EXPECT_EQ(third.refused, "Bạn đang có 2 việc chưa xong; hãy chờ một việc xong rồi thử lại.");
  // The queue: once the first runs, one more may wait; then two are waiting and the queue is full.
  for (auto t = std::chrono::steady_clock::now(); jobs.view(*running.id, "lan", "trung_tam")->state != JobView::State::running;)
    ASSERT_LT(std::chrono::steady_clock::now() - t, 10s);
  EXPECT_TRUE(jobs.submit(request("minh", writes("4", gate))).id);
  auto full = jobs.submit(request("hoa", writes("5", gate)));
  EXPECT_FALSE(full.id);
  EXPECT_EQ(full.refused, "Máy chủ đang có 2 việc chờ; hãy thử lại sau ít phút.");
  open.set_value();
}

TEST(BackgroundJobs, FinishedJobsAreKeptForALimitedTimeAndSize) {
  {
    BackgroundJobs jobs({.workers = 1, .keep_for = 1s});
    auto job = jobs.submit(request("lan", writes("x")));
    std::filesystem::path file = finished(jobs, *job.id, "lan").file->path;
    EXPECT_TRUE(std::filesystem::exists(file));
    std::this_thread::sleep_for(1100ms);
    EXPECT_FALSE(jobs.view(*job.id, "lan", "trung_tam")) << "past keep_for";
    EXPECT_FALSE(std::filesystem::exists(file)) << "its file went with it";
  }
  BackgroundJobs jobs({.workers = 1, .max_kept_bytes = 5});
  auto older = jobs.submit(request("lan", writes("abcd")));
  finished(jobs, *older.id, "lan");
  auto newer = jobs.submit(request("lan", writes("efgh")));
  finished(jobs, *newer.id, "lan");
  EXPECT_FALSE(jobs.view(*older.id, "lan", "trung_tam")) << "8 bytes kept > 5: the oldest goes";
  EXPECT_TRUE(jobs.view(*newer.id, "lan", "trung_tam"));
}

TEST(BackgroundJobs, AFailureSaysWhy) {
  BackgroundJobs jobs({.workers = 1});
  auto job = jobs.submit(request("lan", [](ProgressSink&, const std::filesystem::path&) -> JobOutput {
    throw std::runtime_error("không còn kế hoạch mã \"x\"");
  }));
  JobView v = finished(jobs, *job.id, "lan");
  EXPECT_EQ(v.state, JobView::State::failed);
  EXPECT_EQ(v.error, "Không làm xong được: không còn kế hoạch mã \"x\".");
  EXPECT_FALSE(v.file);
}

TEST(BackgroundJobs, StoppingCancelsRunningWorkAtItsNextReport) {
  std::atomic<bool> cancelled{false};
  std::promise<void> started;
  {
    BackgroundJobs jobs({.workers = 1});
    jobs.submit(request("lan", [&](ProgressSink& progress, const std::filesystem::path&) -> JobOutput {
      progress.stage("Đang làm", "mục", 0);
      started.set_value();
      try {
        for (int64_t i = 0;; ++i) {
          progress.set_done(i);
          std::this_thread::sleep_for(1ms);
        }
      } catch (const JobCancelled&) {
        cancelled = true;
        throw;
      }
    }));
    started.get_future().wait();
  }  // the destructor returns: the endless job was cancelled
  EXPECT_TRUE(cancelled);
}

}  // namespace
}  // namespace kc::web
