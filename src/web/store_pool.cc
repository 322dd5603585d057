#include "web/store_pool.h"

namespace kc::web {

StorePool::StorePool(std::string url, size_t size, std::chrono::milliseconds wait)
    : url_(std::move(url)), size_(size), wait_(wait) {}

StorePool::Lease::~Lease() {
  if (pool_ && store_) pool_->give_back(std::move(store_), broken_);
}

StorePool::Lease StorePool::lease() {
  std::unique_lock lock(mutex_);
  if (!available_.wait_for(lock, wait_, [&] { return !idle_.empty() || open_ < size_; }))
    throw StoreError("máy chủ đang bận, không còn kết nối cơ sở dữ liệu rảnh");
  if (!idle_.empty()) {
    std::unique_ptr<Store> s = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(s));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(*this, open_store(url_));
  } catch (...) {
    std::lock_guard relock(mutex_);
    --open_;
    available_.notify_one();
    throw;
  }
}

void StorePool::give_back(std::unique_ptr<Store> store, bool broken) {
  std::lock_guard lock(mutex_);
  if (broken)
    --open_;
  else
    idle_.push_back(std::move(store));
  available_.notify_one();
}

}  // namespace kc::web
