// A pool of database connections for the server's worker threads: each request leases one
// for its duration (a connection is never shared by two requests at once), at most `size`
// exist, and a request that cannot get one within the timeout is answered 503 rather than
// waiting forever. A connection that failed is dropped and a new one opened next time, so the
// server recovers by itself when the database comes back.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"

namespace kc::web {

class StorePool {
 public:
  StorePool(std::string url, size_t size, std::chrono::milliseconds wait);

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<Store> store) : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), store_(std::move(o.store_)), broken_(o.broken_) {}
    Lease(const Lease&) = delete;
    ~Lease();
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }
    void mark_broken() { broken_ = true; }  // the connection failed: do not reuse it

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
    bool broken_ = false;
  };

  // Throws StoreError when no connection can be had (database unreachable, pool exhausted).
  Lease lease();
  const std::string& url() const { return url_; }

 private:
  void give_back(std::unique_ptr<Store> store, bool broken);

  std::string url_;
  size_t size_;
  std::chrono::milliseconds wait_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Store>> idle_;
  size_t open_ = 0;  // leased + idle
};

}  // namespace kc::web
