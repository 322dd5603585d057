#include "interchange/row_writer.h"

#include <system_error>

#include "store/bulk_insert.h"

namespace kc {

RowWriter::RowWriter(Store& store) : store_(store) {
  try {
    thread_ = std::thread([this] { write_loop(); });
  } catch (const std::system_error&) {
    // Stay direct.
  }
}

void RowWriter::write(const RecordKind& kind, const Row& row) { add(kind, row, false); }

void RowWriter::replace(const RecordKind& kind, const Row& row) { add(kind, row, true); }

void RowWriter::add(const RecordKind& kind, const Row& row, bool replace) {
  if (!thread_.joinable()) {
    if (replace)
      store_.update(kind, row);
    else
      store_.insert(kind, row);
    return;
  }
  if (current_.size == kBatchRows || (current_.size > 0 && (current_.kind != &kind || current_.replace != replace)))
    hand_over();
  current_.kind = &kind;
  current_.replace = replace;
  if (current_.size == current_.rows.size())
    current_.rows.push_back(row);
  else
    current_.rows[current_.size] = row;  // reuses the strings of a recycled batch
  ++current_.size;
}

void RowWriter::finish() {
  if (!thread_.joinable()) return;
  if (current_.size > 0) hand_over();
  stop();
  if (error_) std::rethrow_exception(error_);
}

void RowWriter::hand_over() {
  std::unique_lock<std::mutex> lock(mutex_);
  room_.wait(lock, [&] { return queued_.size() < kMaxQueued || error_; });
  if (error_) {
    lock.unlock();
    stop();
    std::rethrow_exception(error_);
  }
  queued_.push_back(std::move(current_));
  current_ = Batch{};
  if (!spare_.empty()) {
    current_ = std::move(spare_.back());
    spare_.pop_back();
  }
  lock.unlock();
  work_.notify_one();
}

void RowWriter::write_loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    work_.wait(lock, [&] { return !queued_.empty() || done_; });
    if (queued_.empty()) return;  // done and drained
    Batch batch = std::move(queued_.front());
    queued_.pop_front();
    bool failed = error_ != nullptr;
    lock.unlock();
    room_.notify_one();
    if (!failed) {
      try {
        if (batch.replace) {
          for (size_t i = 0; i < batch.size; ++i) store_.update(*batch.kind, batch.rows[i]);
        } else {
          insert_many(store_, *batch.kind, batch.rows.data(), batch.size);
        }
      } catch (...) {
        lock.lock();
        error_ = std::current_exception();
        lock.unlock();
        room_.notify_one();
      }
    }
    batch.size = 0;
    lock.lock();
    spare_.push_back(std::move(batch));
  }
}

void RowWriter::stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  work_.notify_one();
  thread_.join();
}

}  // namespace kc
